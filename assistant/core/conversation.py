"""What any front end shows for the flow: questions and answers in words, in the right voice.

Shared by the Textual app and plain mode, so both say the same things. No legal logic here and no
Textual: it reads the FlowRunner and the catalog and returns plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..data.catalog import Catalog
from ..data.safe_text import one_line
from ..models.common import UNSURE
from ..models.flow import Question
from .choices import Choice
from .flow import FlowRunner, Step, jurisdiction_choices
from .voice import voice_of


@dataclass(frozen=True)
class QuestionView:
    step: Step
    kind: str
    text: str
    why: str
    choices: tuple[Choice, ...]  # for single / multiple / yes_no (and extra answers of year / text questions)
    unsure: Choice
    optional: bool
    filterable: bool  # long lists (jurisdictions) can be narrowed by typing
    value: Any  # the current answer when changing one, else None
    record_number: int | None
    records: int

    @property
    def key(self) -> tuple[str, int | None]:
        return self.step.key


class Conversation:
    """A FlowRunner seen through words: the voice follows the audience answer."""

    def __init__(self, catalog: Catalog, runner: FlowRunner | None = None) -> None:
        self.catalog = catalog
        names = [(j.code, j.name) for j in catalog.jurisdictions.values()]
        self.runner = runner or FlowRunner(
            catalog.flow, jurisdiction_choices(names), catalog.felony_classes(), catalog.law_lists()
        )

    @property
    def voice(self) -> str:
        return voice_of(str(self.runner.top.get("audience", "survivor")))

    def choices(self, q: Question, step: Step | None = None) -> list[Choice]:
        if q.options_from == "jurisdictions":
            return [
                Choice(code, f"{name} ({code})" if code != "US" else name)
                for code, name in self.runner.jurisdictions.items()
            ]
        if q.options_from is not None:
            context = self.runner.context(step) if step is not None else {}
            return [Choice(code, label[:1].upper() + label[1:]) for code, label in self.runner.options_for(q, context)]
        return [Choice(o.code, o.label(self.voice)) for o in q.options]

    def view(self, step: Step | None = None) -> QuestionView | None:
        step = step or self.runner.current()
        if step is None:
            return None
        q = step.question
        voice = self.voice
        extras = [Choice(o.code, o.label(voice)) for o in q.extra_years]
        unsure_label = self.catalog.flow.unsure(voice) if q.kind != "text" else "Skip this question"
        if q.unsure_label is not None:
            unsure_label = q.unsure_label(voice)
        return QuestionView(
            step=step,
            kind=q.kind,
            text=self.question_text(step),
            why=q.why(voice),
            choices=tuple(self.choices(q, step) + extras),
            unsure=Choice(UNSURE, unsure_label),
            optional=q.optional,
            filterable=q.options_from == "jurisdictions",
            value=self.runner.value(step) if self.runner.is_answered(step) else None,
            record_number=None if step.record is None else step.record + 1,
            records=len(self.runner.records),
        )

    def answer_label(self, step: Step) -> str:
        """The answer in words, as the person would say it. Typed text is returned as typed, made inert."""
        q = step.question
        value = self.runner.value(step)
        if value is None:
            return "(skipped)"
        voice = self.voice
        if value == UNSURE or value == [UNSURE]:
            return self.catalog.flow.unsure(voice)
        if q.kind == "text":
            return one_line(str(value))  # on one line, with no control sequences
        labels = {c.code: c.label for c in self.choices(q, step)}
        labels.update({o.code: o.label(voice) for o in q.extra_years})
        if isinstance(value, list):
            return "; ".join(labels.get(v, str(v)) for v in value)
        return labels.get(str(value), str(value))

    def safety_note(self, leave_keys: str | None) -> list[str]:
        """The safety note in this voice: help now, how to leave (if the face has keys), and going on."""
        note = self.catalog.terms.safety
        voice = self.voice
        lines = [note.help_now(voice)]
        if leave_keys:
            lines.append(note.leave(voice).replace("{leave_keys}", leave_keys))
        lines.append(note.go_on(voice))
        return lines

    def needs_safety_note(self, step: Step) -> bool:
        """The answer just given means the person may be in danger now."""
        q = step.question
        value = self.runner.value(step)
        values = value if isinstance(value, list) else [value]
        return any(o.safety and o.code in values for o in [*q.options, *q.extra_years])

    def question_text(self, step: Step) -> str:
        """The question in this voice, in the words for an earlier answer where the flow gives some."""
        q = step.question
        if q.text_by is not None:
            said = q.text_by.texts.get(str(self.runner.context(step).get(q.text_by.answer)))
            if said is not None:
                return said(self.voice)
        return q.text(self.voice)

    def in_danger(self) -> bool:
        """Some answer given so far says the person may be in danger now (the trafficking has not ended)."""
        return any(self.needs_safety_note(step) for step in self.runner.answered_steps())

    def question_line(self, step: Step) -> str:
        """The question as shown in the transcript, with the record number when there are several."""
        text = self.question_text(step)
        if step.record is not None and (len(self.runner.records) > 1 or step.record > 0):
            return f"Record {step.record + 1}: {text}"
        return text

    def position(self) -> tuple[int, int]:
        """(number of the question shown, questions that apply now). The number never passes the total:
        it is the question's place in the list, also when an earlier answer is being changed."""
        steps = self.runner.steps()
        current = self.runner.current()
        if current is None:
            return len(steps), len(steps)
        place = next((i for i, s in enumerate(steps) if s.key == current.key), len(steps) - 1)
        return place + 1, len(steps)

    def progress_text(self) -> str:
        if self.runner.finished:
            return "All questions answered"
        number, total = self.position()
        return f"Question {number} of about {total}"
