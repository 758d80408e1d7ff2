"""Reading answers files (YAML or JSON) with friendly errors; writing them only on request.

A file with an unknown key or value is refused with a message naming the field, the value, the
allowed values and the closest one; an unknown jurisdiction lists the valid codes. The key
`expect` is reserved for test scenarios and ignored.

A hostile file cannot hang the app or exhaust memory: only a regular file is read (a pipe, a
device such as /dev/zero or a folder is refused before reading), at most MAX_BYTES of it, and at
most MAX_RECORDS records are accepted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..models.answers import Answers, felony_class_code
from .files import ReadRefused, read_limited
from .problems import InputInvalid, Problem, closest, from_validation_error
from .safe_text import clean, dumps
from .yamlio import LineDict, YamlProblem, line_of, loads

RESERVED = ("expect",)
MAX_BYTES = 1024 * 1024  # a real answers file is a few kilobytes
MAX_RECORDS = 200


def parse_answers(
    text: str, shown: str, jurisdictions: list[str], felony_classes: Mapping[str, Sequence[str]] | None = None
) -> Answers:
    """Parse answers text; raise InputInvalid with every problem found.

    `felony_classes`: the class codes of each jurisdiction whose law reaches felonies by class; a
    record's `felony_class` must be one of its place's (checked only when given).
    """
    try:
        data = loads(text)
    except YamlProblem as exc:  # JSON is YAML, so one parser reads both
        raise InputInvalid([Problem(shown, exc.message, exc.line)]) from None
    if data is None:
        raise InputInvalid(
            [Problem(shown, "the file is empty; expected audience, trafficking_ended, documentation, records")]
        )
    if not isinstance(data, dict):
        raise InputInvalid([Problem(shown, "expected a mapping of fields at the top", 1)])
    records = data.get("records")
    if isinstance(records, list) and len(records) > MAX_RECORDS:
        message = f"{len(records)} records is too many; an answers file holds at most {MAX_RECORDS}"
        raise InputInvalid([Problem(shown, message, line_of(data, ("records",)), "records")])
    clean = LineDict({k: v for k, v in data.items() if k not in RESERVED})
    clean.line, clean.key_lines = getattr(data, "line", 1), getattr(data, "key_lines", {})
    problems: list[Problem] = []
    try:
        answers = Answers.model_validate(clean)
    except ValidationError as exc:
        problems.extend(from_validation_error(exc, Answers, clean, shown))
        answers = None
    records = clean.get("records")
    if isinstance(records, list):
        for i, rec in enumerate(records):
            code = rec.get("jurisdiction") if isinstance(rec, dict) else None
            if isinstance(code, str) and code != "unsure" and code not in jurisdictions:
                loc = ("records", i, "jurisdiction")
                problems.append(
                    Problem(
                        shown,
                        f"'{code}' is not a jurisdiction we have",
                        line_of(clean, loc),
                        f"records[{i}].jurisdiction",
                        tuple(jurisdictions),
                        closest(code.upper(), jurisdictions),
                    )
                )
            if felony_classes is not None and isinstance(rec, dict):
                problem = felony_class_problem(rec, felony_classes)
                if problem:
                    loc = ("records", i, "felony_class")
                    message, allowed = problem
                    got = str(rec.get("felony_class"))
                    near = closest(got, allowed) if allowed else None
                    problems.append(
                        Problem(shown, message, line_of(clean, loc), f"records[{i}].felony_class", allowed, near)
                    )
    if problems or answers is None:
        raise InputInvalid(problems)
    return answers


def felony_class_problem(
    rec: dict[str, Any], classes: Mapping[str, Sequence[str]]
) -> tuple[str, tuple[str, ...]] | None:
    """What is wrong with a record's felony class, and the codes that would fit; None if nothing."""
    given = rec.get("felony_class")
    if given is None or given == "unsure" or not isinstance(given, str):
        return None  # a wrong type is reported by the model
    code = rec.get("jurisdiction")
    allowed = tuple(classes.get(code, ())) if isinstance(code, str) else ()
    # Only a felony from a place whose law goes by class is decided by it; elsewhere a class is not used
    if rec.get("level") != "felony" or not allowed or felony_class_code(given) in allowed:
        return None
    return f"'{given}' is not a felony class of {code}'s law", allowed


def read_answers(
    path: Path, jurisdictions: list[str], felony_classes: Mapping[str, Sequence[str]] | None = None
) -> Answers:
    try:
        data = read_limited(path, MAX_BYTES, "an answers file")
    except FileNotFoundError:
        raise InputInvalid([Problem(str(path), "no such file")]) from None
    except ReadRefused as exc:
        raise InputInvalid([Problem(str(path), str(exc))]) from None
    except OSError as exc:
        raise InputInvalid([Problem(str(path), f"cannot read the file: {exc.strerror or exc}")]) from None
    try:
        text = data.decode("utf-8-sig")  # a byte order mark from a Windows editor is fine
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputInvalid([Problem(str(path), "the file is not UTF-8 text; save it as UTF-8", line)]) from None
    return parse_answers(text, str(path), jurisdictions, felony_classes)


def answers_text(answers: Answers, fmt: str = "yaml") -> str:
    data: dict[str, Any] = answers.model_dump(exclude_none=True)
    if fmt == "json":
        return dumps(data, indent=2) + "\n"
    import yaml

    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    if clean(body) != body:  # a control character YAML leaves as it is (a bidi override): escape all
        body = yaml.safe_dump(data, sort_keys=False, allow_unicode=False)
    return "# relief-assistant answers file (private: keep it safe)\n" + body
