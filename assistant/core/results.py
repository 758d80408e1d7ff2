"""What an assessment says: verdicts, reasons, what-ifs, per record and per jurisdiction.

Plain result types, shared by the rules, the engine, the explanations and every face.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from ..models import clock
from ..models.answers import Answers, RecordAnswers, this_year
from ..models.common import UNSURE
from ..models.jurisdiction import Jurisdiction, LawVersion, Relief
from .scoring import Gap, Scorecard

Verdict = Literal["likely_eligible", "possibly_eligible", "not_covered", "no_adult_law"]
VERDICTS: tuple[Verdict, ...] = ("likely_eligible", "possibly_eligible", "not_covered", "no_adult_law")
ELIGIBLE: tuple[Verdict, ...] = ("likely_eligible", "possibly_eligible")
# How one reason bears on the verdict:
#   supports  - this part of the law fits
#   note      - worth knowing; does not change the verdict
#   uncertain - it may or may not fit: at best "possibly eligible"
#   blocks    - this law does not reach the record: "not covered"
#   no_law    - there is no law for adults here
ReasonEffect = Literal["supports", "note", "uncertain", "blocks", "no_law"]
Basis = Literal["show", "judge", "data", "answer"]


class Reason(NamedTuple):
    """One sentence tied to a statute feature and its citation. A tuple, as thousands are made per batch."""

    rule: str
    effect: ReasonEffect
    text: str  # with voice tokens ({you}, {Your}, ...) and {names} from params/phrases
    feature: str  # a rubric category id, or details.<part>
    citation: str
    confidence: str | None = None
    params: tuple[tuple[str, str | int], ...] = ()
    phrases: tuple[tuple[str, str], ...] = ()
    # For an "uncertain" reason, what kind of "possibly" it makes: what the person would need to show
    # ("show"), what the law leaves to a judge or prosecutor ("judge"), what our data does not know
    # ("data"), or an answer the person was not sure about ("answer").
    basis: Basis | None = None

    @property
    def key(self) -> tuple[str, str, tuple[tuple[str, str | int], ...], tuple[tuple[str, str], ...]]:
        return (self.rule, self.text, self.params, self.phrases)


@dataclass(frozen=True)
class WhatIf:
    """If the unsure answer `field` were `value`, these verdicts could follow."""

    field: str
    value: str
    verdicts: tuple[Verdict, ...]


@dataclass(frozen=True)
class RecordAssessment:
    index: int
    record: RecordAnswers
    jurisdiction: Jurisdiction | None  # None when the person was not sure where the record is from
    version: LawVersion | None
    verdict: Verdict
    relief: tuple[Relief, ...]
    reasons: tuple[Reason, ...]
    to_show: tuple[Reason, ...]
    obstacles: tuple[Reason, ...]
    what_ifs: tuple[WhatIf, ...]
    unsure_fields: tuple[str, ...]
    next_steps: tuple[Reason, ...]
    confidence: str
    juvenile_route: bool

    @property
    def code(self) -> str:
        return self.jurisdiction.code if self.jurisdiction is not None else UNSURE

    @property
    def place(self) -> str:
        return self.jurisdiction.in_sentence if self.jurisdiction is not None else "the place the record is from"

    @property
    def as_of(self) -> str:
        return self.jurisdiction.as_of if self.jurisdiction is not None else ""

    @property
    def relief_types(self) -> list[str]:
        return sorted({r.type for r in self.relief})

    @property
    def felony_class(self) -> str | None:
        """The felony's class as it reads in a sentence ("class D felony"), where the person gave one."""
        offenses = self.version.details.offenses if self.version is not None else None
        chosen = offenses.felony_class(self.record.felony_class) if offenses is not None else None
        return chosen.label if chosen is not None and self.record.level == "felony" else None

    @property
    def changing_fields(self) -> list[str]:
        """Unsure answers whose value would change the verdict."""
        out = []
        for f in self.unsure_fields:
            sets = {w.verdicts for w in self.what_ifs if w.field == f}
            if len(sets) > 1:
                out.append(f)
        return out

    @property
    def deciding(self) -> tuple[str, ...]:
        """What decided the verdict, as 'rule:feature' (for goldens and reviewers).

        not covered: the rules that block; no adult law: that rule; possibly: each obstacle or
        unsure answer that keeps it from "likely"; likely: nothing stood in the way.
        """
        wanted = {
            "not_covered": ("blocks",),
            "no_adult_law": ("no_law",),
            "possibly_eligible": ("uncertain",),
            "likely_eligible": (),
        }[self.verdict]
        return tuple(dict.fromkeys(f"{r.rule}:{r.feature}" for r in self.reasons if r.effect in wanted))


@dataclass(frozen=True)
class JurisdictionAssessment:
    jurisdiction: Jurisdiction
    version: LawVersion
    scorecard: Scorecard
    gaps: tuple[Gap, ...]


@dataclass(frozen=True)
class Assessment:
    answers: Answers
    voice: str
    records: tuple[RecordAssessment, ...]
    jurisdictions: tuple[JurisdictionAssessment, ...]
    year: int = field(default_factory=this_year)
    today: dt.date = field(default_factory=clock.today)  # for "how old is our data on this law"
