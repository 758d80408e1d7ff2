"""Batch screening of an intake list: one CSV row per record in, the same rows plus results out.

Bad rows get their row number, field and reason in an `errors` column (and in the summary); good
rows are still screened. The input is only read. The output is created owner-only and never
overwrites a file unless asked; it appears only when every row is done (files.private_file). Rows
stream through, so memory does not grow with the file. Encodings, delimiters, spelling of codes and
formula injection: see intake_csv.py.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..core.eligibility import Evaluator, Reason, RecordAssessment
from ..core.voice import say
from ..data.answers_io import felony_class_problem
from ..data.catalog import Catalog
from ..data.files import private_file
from ..data.intake_csv import UNSURE_WORDS, IntakeReader, IntakeWriter, Row, normalise_code
from ..data.problems import InputInvalid, Problem, closest, from_validation_error
from ..data.safe_text import one_line
from ..models.answers import Answers, RecordAnswers, felony_class_code, this_year
from ..models.terms import Terms
from ..render.explain import reason_text

# the answers file's fields, a record's in its own order (one source: the model), after the client's
ANSWER_COLUMNS = ["client_id", "audience", "trafficking_ended", "documentation", *RecordAnswers.model_fields]
REQUIRED = [
    "jurisdiction",
    "record",
    "offense",
    "level",
    "connection",
    "year",
    "age",
    "trafficking_ended",
    "documentation",
]
RESULT_COLUMNS = ["verdict", "relief", "main_reason", "law_as_of", "errors"]
EXAMPLE = {
    "client_id": "A-001",
    "audience": "advocate",
    "trafficking_ended": "2016",
    "documentation": "t_visa;certification",
    "jurisdiction": "NM",
    "record": "conviction",
    "offense": "theft",
    "level": "felony",
    "felony_class": "",
    "drug_charge": "",
    "connection": "because",
    "year": "2014",
    "age": "adult",
    "pending_charges": "no",
    "label": "",
}


def main_reason(r: RecordAssessment) -> Reason | None:
    """The one reason a screening row shows: what stands in the way, or else what fits.

    Only reasons true whatever the unsure answers are, so a row never says what the person did not say.
    """
    if r.changing_fields:
        return None  # the unsure answers decide it: the row says which
    main = next((x for x in r.reasons if x.effect in ("blocks", "no_law", "uncertain")), None)
    return main or next((x for x in r.reasons if x.rule == "offense"), r.reasons[0] if r.reasons else None)


def depends_text(r: RecordAssessment, terms: Terms, voice: str = "advocate") -> str:
    changing = [say(terms.field(f), voice) for f in r.changing_fields]
    return "It depends on " + "; ".join(changing) + "." if changing else ""


def template() -> str:
    """The header (and one example row) a screening CSV should have."""
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ANSWER_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerow(EXAMPLE)
    return out.getvalue()


@dataclass
class Summary:
    rows: int = 0
    screened: int = 0
    errors: list[str] = field(default_factory=list)  # the first problems, for the person to see

    @property
    def bad(self) -> int:
        return self.rows - self.screened


def _number(text: str) -> Any:
    return int(text) if text.strip().isdigit() else text.strip()


def _answers_from_row(row: dict[str, str]) -> dict[str, Any]:
    docs = [d.strip() for d in (row.get("documentation") or "").replace(",", ";").split(";") if d.strip()]
    record = {
        k: (row.get(k) or "").strip() for k in ("jurisdiction", "record", "offense", "level", "connection", "age")
    }
    record["year"] = _number(row.get("year") or "")
    # Intake sheets often write postal codes in lower case.
    record["jurisdiction"] = (
        record["jurisdiction"].upper() if len(record["jurisdiction"]) == 2 else record["jurisdiction"]
    )
    if (row.get("felony_class") or "").strip():
        record["felony_class"] = felony_class_code(row["felony_class"])
    if (row.get("drug_charge") or "").strip():
        record["drug_charge"] = row["drug_charge"].strip()
    if (row.get("pending_charges") or "").strip():
        record["pending_charges"] = row["pending_charges"].strip()
    if (row.get("label") or "").strip():
        record["label"] = row["label"].strip()
    return {
        "audience": (row.get("audience") or "").strip() or "advocate",
        "trafficking_ended": _number(row.get("trafficking_ended") or ""),
        "documentation": docs,
        "records": [record],
    }


class Screener:
    """Evaluates rows with the eligibility engine itself (one Evaluator, so rows share its caches)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.codes = list(catalog.jurisdictions)
        self.evaluator = Evaluator(catalog, this_year())

    def problems(self, row: dict[str, str]) -> tuple[Answers | None, list[str]]:
        data = _answers_from_row(row)
        place = str(data["records"][0].get("jurisdiction", ""))
        # a class written as its label ("fourth-degree felony (F4)", as the message below lists them) is that class
        labels = {label.lower(): c for c, label in self.catalog.felony_classes().get(place, ())}
        written_class = (row.get("felony_class") or "").strip().lower()
        if written_class in labels:
            data["records"][0]["felony_class"] = labels[written_class]
        if len(place) > 2 and place != "unsure":  # a name no place has ("New Yrok"): say so in its words
            return None, [self._unknown_place(place)]
        try:
            answers = Answers.model_validate(data)
        except ValidationError as exc:
            out = []
            for p in from_validation_error(exc, Answers, data, "row"):
                name = p.field.replace("records[0].", "")
                hint = f" (did you mean '{p.suggestion}'?)" if p.suggestion else ""
                if not p.suggestion and p.allowed and len(p.allowed) <= 12:  # no close guess: say what fits
                    hint = f"; write one of: {', '.join(p.allowed)}"
                out.append(f"{name}: {p.message}{hint}")
            return None, out
        code = answers.records[0].jurisdiction
        if code != "unsure" and code not in self.catalog.jurisdictions:
            guess = closest(code, self.codes)
            said = f" (did you mean '{guess}'?)" if guess else ""
            return None, [f"jurisdiction: '{code}' is not a jurisdiction we have{said}"]
        problem = felony_class_problem(data["records"][0], self.catalog.felony_class_codes())
        if problem:
            # in the sheet's words: what was written, and every class (or degree) this place's law has
            code = data["records"][0]["jurisdiction"]
            written = one_line(row.get("felony_class") or "")[:40]
            # the labels, which a sheet may write as they are ("fourth-degree felony (F4)", "class B felony")
            known = "; ".join(label for _, label in self.catalog.felony_classes().get(code, ()))
            name = self.catalog.jurisdictions[code].name
            return None, [
                f"felony_class: '{written}' is not a felony class of {name}'s law. Write one of: {known}; or not sure"
            ]
        return answers, []

    def _unknown_place(self, written: str) -> str:
        from ..core.places import find_places

        names = {code: j.name for code, j in self.catalog.jurisdictions.items()}
        found = find_places(written, names)
        guess = " or ".join(f"{names[c]} ({c})" for c in found[:3])
        hint = f" Did you mean {guess}?" if guess else " Write a state's name, like New York, or its code, like NY."
        return f"jurisdiction: '{one_line(written)[:40]}' is not a place we have.{hint}"

    def result(self, answers: Answers) -> dict[str, str]:
        r = self.evaluator.assess_record(answers, 0)
        voice = answers.voice  # a row for a survivor speaks to them, as their own answers file does
        depends = depends_text(r, self.catalog.terms, voice)
        row = self._row(r.verdict, r.relief_types, main_reason(r), r.as_of, depends, voice)
        if answers.records[0].pending_charges == "yes":  # an open case comes before any clearing
            row["main_reason"] = f"{self.catalog.terms.open_case(voice)} {row['main_reason']}"
        if answers.trafficking_ended == "ongoing":  # help comes first, before any result
            row["main_reason"] = f"{self.catalog.terms.safety.help_now(voice)} {row['main_reason']}"
        return row

    @staticmethod
    def _row(
        verdict: str, relief: Sequence[str], main: Reason | None, as_of: str, text: str = "", voice: str = "advocate"
    ) -> dict[str, str]:
        return {
            "verdict": verdict,
            "relief": ";".join(relief),
            "main_reason": reason_text(main, voice) if main is not None else text,
            "law_as_of": as_of,
            "errors": "",
        }


def screen_rows(
    catalog: Catalog,
    rows: Iterable[Row],
    values: Callable[[Row], dict[str, str]],
    write: Callable[[Row, dict[str, str]], None],
    summary: Summary,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Screen each row; `values` gives its answers by column name, `write` gets it with its results."""
    screener = Screener(catalog)
    for row in rows:
        summary.rows += 1
        answers, problems = (None, [row.problem]) if row.problem else screener.problems(values(row))
        if answers is None:
            text = "; ".join(problems)
            if len(summary.errors) < 20:
                client = "" if row.problem else (values(row).get("client_id") or "").strip()
                named = f" (client {one_line(client)[:40]})" if client else ""  # which person, not only which line
                summary.errors.append(f"row {row.number}{named}: {text}")
            write(row, {**dict.fromkeys(RESULT_COLUMNS, ""), "errors": f"row {row.number}: {text}"})
        else:
            write(row, screener.result(answers))
            summary.screened += 1
        if progress is not None and summary.rows % 5000 == 0:
            progress(summary.rows)


CODE_COLUMNS = (
    "audience",
    "trafficking_ended",
    "record",
    "offense",
    "drug_charge",
    "level",
    "connection",
    "year",
    "age",
)


def _values(index: dict[str, int], names: dict[str, str]) -> Callable[[Row], dict[str, str]]:
    """A row's answers by column name, with codes as the model spells them ("Felony" -> felony)."""

    def values(row: Row) -> dict[str, str]:
        out = {name: row.cells[i] for name, i in index.items()}
        for name in CODE_COLUMNS:
            if out.get(name, "").strip():
                out[name] = normalise_code(name, out[name])
        if out.get("pending_charges", "").strip():
            out["pending_charges"] = normalise_code("pending_charges", out["pending_charges"])
        docs = (out.get("documentation") or "").replace(",", ";").split(";")
        out["documentation"] = ";".join(normalise_code("documentation", d) for d in docs if d.strip())
        place = (out.get("jurisdiction") or "").strip()
        out["jurisdiction"] = names.get(place.lower()) or place  # a name, or a code in any case
        return out

    return values


def screen_file(
    catalog: Catalog,
    source: Path,
    target: Path,
    *,
    overwrite: bool = False,
    progress: Callable[[int], None] | None = None,
    encoding: str | None = None,
) -> Summary:
    """Screen the intake list `source` into `target`: all of it, or (on any failure) no file at all."""
    same = source.resolve() == target.resolve()
    with contextlib.suppress(OSError):
        same = same or (target.exists() and target.samefile(source))  # a hard link to the input
    if same:
        raise InputInvalid([Problem(str(target), "the output must be a different file from the input")])
    with IntakeReader(source, encoding) as reader:
        header = reader.header
        index: dict[str, int] = {}
        for i, name in enumerate(header):
            index.setdefault(name.lower().replace(" ", "_"), i)
        missing = [c for c in REQUIRED if c not in index]
        if missing:
            hints = [
                f"'{h}' (did you mean '{closest(h, ANSWER_COLUMNS)}'?)"
                for h in header
                if h.lower() not in ANSWER_COLUMNS and closest(h, ANSWER_COLUMNS)
            ]
            message = f"the header is missing: {', '.join(missing)}"
            if hints:
                message += f"; unknown columns: {', '.join(hints)}"
            raise InputInvalid([Problem(str(source), message, 1, "header", tuple(ANSWER_COLUMNS))])
        names = {j.name.lower(): code for code, j in catalog.jurisdictions.items()}
        names.update({"federal": "US", **{w.replace("_", " "): "unsure" for w in UNSURE_WORDS}})
        summary = Summary()
        with private_file(target, overwrite=overwrite, newline="", inputs=[source]) as out:
            writer = IntakeWriter(out, reader.delimiter, bom=reader.from_spreadsheet)
            writer.write([*header, *RESULT_COLUMNS])

            def write(row: Row, results: dict[str, str]) -> None:
                writer.write([*row.cells, *(results[c] for c in RESULT_COLUMNS)])

            screen_rows(catalog, reader.rows(), _values(index, names), write, summary, progress)
    return summary
