"""The flow runner: which question is next, answering, going back, changing an earlier answer.

Pure Python, no UI. Any front end (the Textual app, plain mode, tests) drives the same runner.
Answers are stored by question id: top-level ones in `top`, per-record ones in `records[i]`.
Changing an answer keeps every other answer that still applies and reports the ones it had to
drop, so a front end can say so (never a silent loss).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..models.answers import FIRST_YEAR, Answers, RecordAnswers, this_year
from ..models.common import UNSURE
from ..models.flow import Flow, Question

StepKey = tuple[str, int | None]  # (question id, record index or None)

# Multiple-choice codes that cannot be picked together with others.
EXCLUSIVE = ("none", UNSURE)


class AnswerError(ValueError):
    """The answer does not fit the question; the message says what would."""


@dataclass(frozen=True)
class Step:
    question: Question
    record: int | None = None

    @property
    def key(self) -> StepKey:
        return (self.question.id, self.record)


@dataclass(frozen=True)
class Dropped:
    """An answer removed because a changed answer means its question no longer applies."""

    question_id: str
    record: int | None
    value: Any


@dataclass
class FlowRunner:
    flow: Flow
    jurisdictions: Mapping[str, str]  # code -> display name, for the jurisdiction question
    # code -> (class code, label) for each place whose law reaches felonies by class
    felony_classes: Mapping[str, Sequence[tuple[str, str]]] = field(default_factory=dict)
    # list name -> place whose law has that list -> the kinds of record it reaches (`where_law_lists`)
    law_lists: Mapping[str, Mapping[str, Collection[str]]] = field(default_factory=dict)
    top: dict[str, Any] = field(default_factory=dict)
    records: list[dict[str, Any]] = field(default_factory=lambda: [{}])
    cursor: StepKey | None = None

    # --- reading the state ---------------------------------------------------------------------

    def _applies(self, q: Question, context: Mapping[str, Any]) -> bool:
        if q.options_from == "felony_classes" and not self.options_for(q, context):
            return False  # a question with no options here is not asked
        if q.where_law_lists:
            reached = self.law_lists.get(q.where_law_lists, {}).get(str(context.get("jurisdiction")))
            if reached is None:
                return False  # nor one whose answer the place's law does not read
            record = context.get("record")
            if isinstance(record, str) and record != UNSURE and record not in reached:
                return False  # nor for a kind of record that law does not reach (its answer changes nothing)
        return q.when is None or q.when.holds(context)

    def options_for(self, q: Question, context: Mapping[str, Any]) -> list[tuple[str, str]]:
        """(code, label) of a question whose options come from the data, for this record."""
        if q.options_from == "jurisdictions":
            return list(self.jurisdictions.items())
        if q.options_from == "felony_classes":
            return list(self.felony_classes.get(str(context.get("jurisdiction")), ()))
        return []

    def context(self, step: Step) -> dict[str, Any]:
        return {**self.top, **self.records[step.record]} if step.record is not None else dict(self.top)

    def _store(self, step: Step) -> dict[str, Any]:
        return self.top if step.record is None else self.records[step.record]

    def steps(self) -> list[Step]:
        """Every question that applies now, in order (answered or not)."""
        out = [Step(q) for q in self.flow.top_before if self._applies(q, self.top)]
        for i, rec in enumerate(self.records):
            context = {**self.top, **rec}
            out.extend(Step(q, i) for q in self.flow.group if self._applies(q, context))
        out.extend(Step(q) for q in self.flow.top_after if self._applies(q, self.top))
        return out

    def is_answered(self, step: Step) -> bool:
        return step.question.id in self._store(step)

    def value(self, step: Step) -> Any:
        return self._store(step).get(step.question.id)

    def current(self) -> Step | None:
        steps = self.steps()
        if self.cursor is not None:
            for s in steps:
                if s.key == self.cursor:
                    return s
            self.cursor = None
        for s in steps:
            if not self.is_answered(s):
                return s
        return None

    @property
    def finished(self) -> bool:
        return self.current() is None

    def progress(self) -> tuple[int, int]:
        """(answered, total) over the questions that apply now: an estimate, as later answers can add more."""
        steps = self.steps()
        return sum(1 for s in steps if self.is_answered(s)), len(steps)

    def answered_steps(self) -> list[Step]:
        return [s for s in self.steps() if self.is_answered(s)]

    # --- changing the state --------------------------------------------------------------------

    def check(self, question: Question, value: Any, context: Mapping[str, Any] | None = None) -> Any:
        """The value normalised for this question (asked in `context`), or AnswerError saying what fits."""
        if value == UNSURE and question.kind != "text":
            if question.kind == "multiple":
                return [UNSURE]
            return question.unsure_means or UNSURE
        kind = question.kind
        if kind in ("single", "yes_no"):
            if question.options_from:
                codes = [code for code, _ in self.options_for(question, context or {})]
            else:
                codes = question.codes
            if value not in codes:
                raise AnswerError(f"choose one of: {', '.join([*codes, UNSURE])}")
            return value
        if kind == "multiple":
            if isinstance(value, str):
                value = [value]
            chosen = list(dict.fromkeys(value or []))
            if not chosen:
                raise AnswerError("choose at least one answer (or 'none' or 'unsure')")
            bad = [v for v in chosen if v not in [*question.codes, UNSURE]]
            if bad:
                raise AnswerError(f"not an answer here: {', '.join(map(str, bad))}")
            if len(chosen) > 1 and any(v in EXCLUSIVE for v in chosen):
                raise AnswerError("'none' and 'unsure' cannot be picked together with other answers")
            return chosen
        if kind == "year":
            extra = [o.code for o in question.extra_years]
            if value in extra:
                return value
            try:
                year = int(str(value).strip())
            except ValueError:
                raise AnswerError(
                    f"type a year like 2015{', or choose ' + ', '.join(extra) if extra else ''}"
                ) from None
            if not FIRST_YEAR <= year <= this_year():
                raise AnswerError(f"type a year between {FIRST_YEAR} and {this_year()}")
            return year
        # free text: empty means skipped
        text = "" if value is None or value == UNSURE else str(value).strip()
        if len(text) > 2000:
            raise AnswerError("keep it under 2000 characters")
        return text or None

    def answer(self, value: Any, step: Step | None = None) -> list[Dropped]:
        """Answer the current question (or `step`); return answers dropped because they no longer apply."""
        step = step or self.current()
        if step is None:
            raise AnswerError("there is no question to answer")
        normalised = self.check(step.question, value, self.context(step))
        self._store(step)[step.question.id] = normalised
        if step.question.loop:
            self._sync_loop(step)
        self.cursor = None
        return self._prune()

    def _sync_loop(self, step: Step) -> None:
        assert step.record is not None
        last = step.record == len(self.records) - 1
        if last and self.records[step.record].get(step.question.id) == "yes":
            self.records.append({})

    def _prune(self) -> list[Dropped]:
        dropped: list[Dropped] = []
        # Records after a loop answer other than "yes" no longer exist.
        loop = next((q for q in self.flow.group if q.loop), None)
        if loop is not None:
            for i, rec in enumerate(self.records):
                if loop.id in rec and rec[loop.id] != "yes" and i + 1 < len(self.records):
                    for later in self.records[i + 1 :]:
                        dropped.extend(Dropped(k, i + 1, v) for k, v in later.items())
                    del self.records[i + 1 :]
                    break
        live = {s.key for s in self.steps()}
        for key, value in list(self.top.items()):
            if (key, None) not in live:
                dropped.append(Dropped(key, None, value))
                del self.top[key]
        for i, rec in enumerate(self.records):
            for key, value in list(rec.items()):
                if (key, i) not in live or not self._still_an_option(key, value, {**self.top, **rec}):
                    dropped.append(Dropped(key, i, value))
                    del rec[key]
        return dropped

    def _still_an_option(self, key: str, value: Any, context: Mapping[str, Any]) -> bool:
        """A class chosen for one place is not an answer for another place's classes."""
        q = self.flow.question(key)
        if q is None or q.options_from != "felony_classes" or value == UNSURE:
            return True
        return value in [code for code, _ in self.options_for(q, context)]

    def back(self) -> Step | None:
        """Move to the question before the current one; None if already at the first."""
        steps = self.steps()
        current = self.current()
        index = len(steps) if current is None else next(i for i, s in enumerate(steps) if s.key == current.key)
        if index == 0:
            return None
        self.cursor = steps[index - 1].key
        return steps[index - 1]

    def edit(self, key: StepKey) -> Step:
        """Go to an earlier question to change its answer; the next answer returns to where we were."""
        for s in self.steps():
            if s.key == key:
                self.cursor = key
                return s
        raise AnswerError(f"there is no question {key[0]!r} to change")

    def remove_record(self, index: int) -> list[Dropped]:
        if not 0 <= index < len(self.records) or len(self.records) == 1:
            raise AnswerError("there is no other record to remove")
        removed = self.records.pop(index)
        loop = next((q for q in self.flow.group if q.loop), None)
        if loop is not None and index == len(self.records):  # removed the last: the new last ends the loop
            self.records[-1][loop.id] = "no"
        self.cursor = None
        return [Dropped(k, index, v) for k, v in removed.items()]

    def restart(self) -> None:
        self.top.clear()
        self.records[:] = [{}]
        self.cursor = None

    # --- the answers file ----------------------------------------------------------------------

    def to_answers(self) -> Answers:
        if not self.finished:
            raise AnswerError("the conversation is not finished yet")
        records = []
        for rec in self.records:
            context = {**self.top, **rec}
            fields: dict[str, Any] = {}
            for q in self.flow.group:
                if q.id in RecordAnswers.model_fields:
                    value = rec.get(q.id, None if self._applies(q, context) else q.otherwise)
                    if value is not None:
                        fields[q.id] = value
            records.append(RecordAnswers(**fields))
        top = {k: v for k, v in self.top.items() if k in Answers.model_fields and v is not None}
        return Answers(**top, records=records)

    @classmethod
    def from_answers(
        cls,
        flow: Flow,
        jurisdictions: Mapping[str, str],
        answers: Answers,
        felony_classes: Mapping[str, Sequence[tuple[str, str]]] | None = None,
        law_lists: Mapping[str, Mapping[str, Collection[str]]] | None = None,
    ) -> FlowRunner:
        """Replay an answers file: every question it answers is filled; anything missing is asked."""
        runner = cls(flow, jurisdictions, felony_classes or {}, law_lists or {})
        data = answers.model_dump()
        loop = next((q for q in flow.group if q.loop), None)
        for q in flow.top_before + flow.top_after:
            if data.get(q.id) is not None:
                runner.top[q.id] = data[q.id]
        runner.records = []
        for i, rec in enumerate(data["records"]):
            entry = {q.id: rec[q.id] for q in flow.group if rec.get(q.id) is not None}
            if loop is not None:
                entry[loop.id] = "yes" if i + 1 < len(data["records"]) else "no"
            runner.records.append(entry)
        runner._prune()
        for step in runner.steps():  # optional questions the file leaves out were skipped
            if step.question.optional and not runner.is_answered(step):
                runner._store(step)[step.question.id] = None
        return runner


def jurisdiction_choices(codes_and_names: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Options for the jurisdiction question: states and DC by name, federal last."""
    ordered = sorted((c for c in codes_and_names if c[0] != "US"), key=lambda c: c[1])
    ordered += [c for c in codes_and_names if c[0] == "US"]
    return dict(ordered)
