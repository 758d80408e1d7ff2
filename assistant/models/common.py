"""Building blocks shared by every data model: strict base, partial dates, confidence, citations."""

import datetime as _dt
import re
import string
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

# Codes shared by the data, the answers and every layer above them.
UNKNOWN = "unknown"  # a feature of the law no source settles
UNSURE = "unsure"  # an answer the person was not sure about
# How a record is connected to the trafficking (the answers file's `connection` codes).
CONNECTIONS = ("forced", "because", "while_trafficked", "not_connected")
# The words each voice fills in (core.voice): data that speaks to the person may use only these.
VOICE_TOKENS = frozenset(
    ("you", "You", "your", "Your", "you_were", "You_were", "you_have", "You_have", "you_are", "You_are", "them")
)


def voice_tokens(text: str) -> set[str]:
    """The {names} a sentence asks a voice to fill."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


Confidence = Literal["high", "medium", "low"]
# How the text behind a fact was read: the whole section, part of it, or only a summary of it.
ReadExtent = Literal["full", "partial", "summary_only"]
Likelihood = Literal["likely", "possibly", "no"]  # how an answer meets a standard
CONFIDENCE_ORDER: dict[str, int] = {"low": 0, "medium": 1, "high": 2}

# A stable code: lower-case words joined by underscores. Codes are what data and answers store;
# labels are only for display (so a translation can never break logic).
Code = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
# Rubric ids name files, so they may use hyphens (polaris-2019).
RubricId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")]

# Plain-words descriptions of the patterns above, for error messages.
PATTERN_HELP: dict[str, str] = {
    r"^[a-z][a-z0-9_]*$": "a code in lower-case letters, digits and underscores, like 'as_a_result'",
    r"^[a-z][a-z0-9_-]*$": "an id in lower-case letters, digits, hyphens and underscores, like 'polaris-2019'",
    r"^\d{4}(-\d{2}(-\d{2})?)?$": "a date written as YYYY, YYYY-MM or YYYY-MM-DD",
    r"^[A-Z]{2}$": "a two-letter upper-case code, like 'NM', 'DC' or 'US'",
    r"^([A-Z]{2}|unsure)$": "a two-letter upper-case code, like 'NM', 'DC' or 'US', or 'unsure'",
    r"^(https?://|shared/)": "a web address starting with http:// or https://",
}

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _to_partial_date(value: Any) -> Any:
    """Accept 2019, "2019-03", 2019-03-14 (YAML reads that as a date) and keep it as text."""
    if isinstance(value, bool):
        return value  # let the pattern check reject it with a clear message
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return f"{value:04d}"
    if isinstance(value, str) and not _PARTIAL_DATE.match(value):
        raise ValueError("expected a date written as YYYY, YYYY-MM or YYYY-MM-DD")
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_to_partial_date),
    Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", json_schema_extra={"examples": ["2019", "2020-06-29"]}),
]


def in_scope(kinds: Sequence[str], answer: str) -> bool:
    """Does something scoped to these kinds (of record, or of offense; none: every kind) apply to this answer?

    An unsure answer could be any of them. One rule for waits, conditions, filing routes, other routes
    and routes for minors alike.
    """
    return not kinds or answer == UNSURE or answer in kinds


def date_key(value: str) -> tuple[int, int, int]:
    """Sort key for a partial date; a bare year sorts as its first day."""
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return parts[0], parts[1], parts[2]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a data file must never be silently ignored.

    Validators are built on first use (defer_build), so a start-up that reads the validated
    snapshot never pays for building them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Cited(Strict):
    """A fact about the law, with where it comes from and how sure we are."""

    citation: str | None = Field(
        default=None, description="Statute section and subsection, e.g. 'Fla. Stat. § 943.0583(3)'."
    )
    sources: list[str] = Field(default_factory=list, description="Ids of entries in the file's `sources` map.")
    confidence: Confidence = Field(
        default="low",
        description="high: statute text or two agreeing sources; medium: one reliable secondary "
        "source; low: unconfirmed bill or inference.",
    )
    note: str | None = Field(default=None, description="Short note: what the source says, what is uncertain.")
    read: ReadExtent | None = Field(
        default=None,
        description="How the text behind this fact was read: full (the whole section), partial, "
        "or summary_only (a bill report, practitioner page or other summary, not the law's text).",
    )
