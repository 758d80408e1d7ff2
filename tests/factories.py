"""A record factory for tests: a complete, valid answers file from only the fields a test cares about."""

from __future__ import annotations

from typing import Any

from assistant.models.answers import Answers

RECORD = {
    "jurisdiction": "NM",
    "record": "conviction",
    "offense": "theft",
    "level": "misdemeanor",
    "connection": "forced",
    "year": 2015,
    "age": "adult",
    "pending_charges": "no",
}


def record(**fields: Any) -> dict[str, Any]:
    """One record's answers: the defaults above, with `fields` changed."""
    return {**RECORD, **fields}


def answers_with(
    *records: dict[str, Any],
    audience: str = "advocate",
    trafficking_ended: Any = 2016,
    documentation: list[str] | None = None,
) -> Answers:
    """Answers for the given records (each completed from the defaults), validated as a file would be."""
    return Answers.model_validate(
        {
            "audience": audience,
            "trafficking_ended": trafficking_ended,
            "documentation": documentation if documentation is not None else ["none"],
            "records": [record(**r) for r in (records or ({},))],
        }
    )


# One intake CSV row (relief screen) that screens cleanly: an advocate's New Mexico theft felony.
INTAKE_ROW = {
    "client_id": "A1",
    "audience": "advocate",
    "trafficking_ended": "2016",
    "documentation": "t_visa",
    "jurisdiction": "NM",
    "record": "conviction",
    "offense": "theft",
    "level": "felony",
    "connection": "because",
    "year": "2014",
    "age": "adult",
    "pending_charges": "no",
    "label": "",
}
