"""Eligibility: one record's answers against its jurisdiction's encoded law.

Made of small named rules (adult law, record kind, offense, link to trafficking, timing,
conditions, documentation). Each returns Reasons tied to a statute feature and its citation, with
an effect on the verdict:
    supports   - this part of the law fits
    note       - worth knowing; does not change the verdict
    uncertain  - it may or may not fit: at best "possibly eligible"
    blocks     - this law does not reach the record: "not covered"
An answer of "unsure" is evaluated under every value it could take; the verdict merges them and
"what would change this" says which answer moves the outcome.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .catalog import UNKNOWN, Catalog
from .models.answers import Answers, RecordAnswers, this_year
from .models.common import CONFIDENCE_ORDER
from .models.flow import UNSURE
from .models.jurisdiction import Jurisdiction, LawVersion, Period, Relief
from .models.rubric import Rubric
from .scoring import Scorecard, scorecards

Verdict = Literal["likely_eligible", "possibly_eligible", "not_covered", "no_adult_law"]
VERDICTS: tuple[Verdict, ...] = ("likely_eligible", "possibly_eligible", "not_covered", "no_adult_law")
Effect = Literal["supports", "note", "uncertain", "blocks", "no_law"]


def _values(field: str, leave_out: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The codes the answers file allows for a record field, but 'unsure' (and any left out)."""
    from .problems import literal_values

    return tuple(
        v for v in literal_values(RecordAnswers.model_fields[field].annotation) if v not in (UNSURE, *leave_out)
    )


# The values an "unsure" answer is evaluated under: every code the answers file allows. Someone
# unsure how a charge links to the trafficking still says it links somehow, so "not_connected" is out.
UNSURE_DOMAIN: dict[str, tuple[str, ...]] = {
    "record": _values("record"),
    "offense": _values("offense"),
    "level": _values("level"),
    "connection": _values("connection", leave_out=("not_connected",)),
    "age": _values("age"),
    "pending_charges": _values("pending_charges"),
}
ANSWER_FIELDS = ("record", "offense", "level", "connection", "age", "pending_charges", "year")
# Fields whose "unsure" is handled inside the rules instead (years are not a short list).
OPEN_FIELDS = ("year",)
# Rules that decide whether the law reaches the record (the "why"); what the person must show;
# notes that still belong among the obstacles.
WHY_RULES = ("adult_law", "juvenile_route", "record_kind", "offense", "nexus", "timing", "conditions", "depends")
SHOW_RULES = ("nexus", "documentation", "burden", "hearing")
NOTE_OBSTACLES = ("timing", "conditions", "discretion", "confidentiality")


class Reason(NamedTuple):
    """One sentence tied to a statute feature and its citation. A tuple, as thousands are made per batch."""

    rule: str
    effect: Effect
    text: str  # with voice tokens ({you}, {Your}, ...) and {names} from params/phrases
    feature: str  # a rubric category id, or details.<part>
    citation: str
    confidence: str | None = None
    params: tuple[tuple[str, str | int], ...] = ()
    phrases: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> tuple[str, str, tuple[tuple[str, str | int], ...], tuple[tuple[str, str], ...]]:
        return (self.rule, self.text, self.params, self.phrases)


@dataclass(frozen=True)
class Outcome:
    """The result for one fully known set of answers."""

    verdict: Verdict
    relief: tuple[Relief, ...]
    reasons: tuple[Reason, ...]
    juvenile_route: bool = False


@dataclass(frozen=True)
class WhatIf:
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
        return self.jurisdiction.name if self.jurisdiction is not None else "the place the record is from"

    @property
    def as_of(self) -> str:
        return self.jurisdiction.as_of if self.jurisdiction is not None else ""

    @property
    def relief_types(self) -> list[str]:
        return sorted({r.type for r in self.relief})

    @property
    def changing_fields(self) -> list[str]:
        """Unsure answers whose value would change the verdict."""
        out = []
        for f in self.unsure_fields:
            sets = {w.verdicts for w in self.what_ifs if w.field == f}
            if len(sets) > 1:
                out.append(f)
        return out


@dataclass(frozen=True)
class Gap:
    category_id: str
    name: str
    level_label: str
    points: str
    max_points: int
    ideal: str
    means: str  # voice tokens
    why_it_matters: str


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


# --- the rules ----------------------------------------------------------------------------------


class Facts(NamedTuple):
    """One record with every answer known (year and trafficking end may still be 'unsure')."""

    record: str
    offense: str
    level: str
    connection: str
    age: str
    pending_charges: str
    year: int | str
    trafficking_ended: int | str
    documentation: tuple[str, ...]


class _Law:
    """Convenient access to one law version's features, details and fallbacks for citations."""

    def __init__(self, j: Jurisdiction, v: LawVersion, rubric: Rubric) -> None:
        self.j, self.v, self.rubric = j, v, rubric
        self.categories = {c.id: c for c in rubric.categories}
        self.memo: dict[tuple[object, ...], tuple[Reason, ...]] = {}
        first = v.statutes[0].citation if v.statutes else None
        self.fallback = first or f"no trafficking relief statute found for {j.name} (as of {j.as_of})"

    def value(self, category: str) -> str:
        f = self.v.features.get(category)
        return f.value if f is not None else UNKNOWN

    def cite(self, category: str) -> str:
        f = self.v.features.get(category)
        return (f.citation if f is not None and f.citation else None) or self.fallback

    def conf(self, category: str) -> str | None:
        f = self.v.features.get(category)
        return f.confidence if f is not None and f.value != UNKNOWN else None

    def quote(self, category: str) -> str:
        f = self.v.features.get(category)
        if f is not None and f.quote:
            return f'"{f.quote}"'
        cat = self.categories.get(category)
        level = cat.level(self.value(category)) if cat is not None else None
        return level.label if level is not None else "linked to"


def _r(
    rule: str,
    effect: Effect,
    text: str,
    feature: str,
    citation: str,
    confidence: str | None = None,
    params: Mapping[str, str | int] | None = None,
    phrases: Mapping[str, str] | None = None,
) -> Reason:
    return Reason(
        rule,
        effect,
        text,
        feature,
        citation,
        confidence,
        tuple((params or {}).items()),
        tuple((phrases or {}).items()),
    )


def rule_adult_law(law: _Law, f: Facts, terms_phrases: dict[str, dict[str, str]]) -> list[Reason]:
    v, j = law.v, law.j
    if v.adult_relief:
        names = ", ".join(dict.fromkeys(r.legal_name for r in v.details.relief)) or "relief"
        return [
            _r(
                "adult_law",
                "supports",
                "{name} has a law that can clear records from trafficking: {relief}.",
                "range_of_relief",
                law.cite("range_of_relief"),
                law.conf("range_of_relief"),
                {"name": j.name, "relief": names},
            )
        ]
    juvenile = v.details.juvenile
    if f.age == "minor" and juvenile is not None and juvenile.available:
        cite = juvenile.citation or law.fallback
        return [
            _r(
                "juvenile_route",
                "uncertain",
                "{name} has no such law for adults. Because {you_were} under 18, a route for young people "
                "may help: {summary}",
                "details.juvenile",
                cite,
                juvenile.confidence,
                {"name": j.name, "summary": juvenile.summary},
            )
        ]
    return [
        _r(
            "adult_law",
            "no_law",
            "{name} has no law that clears records from trafficking for people who were adults.",
            "range_of_relief",
            law.fallback,
            None,
            {"name": j.name},
        )
    ]


def rule_record_kind(law: _Law, f: Facts, ph: dict[str, dict[str, str]]) -> list[Reason]:
    records = law.v.details.records
    if records is None:
        return [
            _r(
                "record_kind",
                "uncertain",
                "We could not confirm which records this law reaches.",
                "arrests_and_adjudications",
                law.cite("arrests_and_adjudications"),
            )
        ]
    cov = records.coverage(f.record)
    cite = records.citation or law.cite("arrests_and_adjudications")
    params = {"kind": ph["record"][f.record]}
    if cov == "covered":
        return [
            _r(
                "record_kind",
                "supports",
                "This law reaches {kind}.",
                "arrests_and_adjudications",
                cite,
                records.confidence,
                params,
            )
        ]
    if cov == "not_covered":
        reached = [
            ph["record"][k]
            for k in ("arrest", "dismissed", "conviction", "juvenile_adjudication")
            if records.coverage(k) == "covered"
        ]
        params["reached"] = ", ".join(reached) if reached else "no other kind"
        return [
            _r(
                "record_kind",
                "blocks",
                "This law does not reach {kind}. It reaches: {reached}.",
                "arrests_and_adjudications",
                cite,
                records.confidence,
                params,
            )
        ]
    word = "only some cases of" if cov == "some" else "for sure"
    text = (
        "This law reaches only some cases of {kind}."
        if cov == "some"
        else "We could not confirm that this law reaches {kind}."
    )
    del word
    return [_r("record_kind", "uncertain", text, "arrests_and_adjudications", cite, records.confidence, params)]


def rule_offense(law: _Law, f: Facts, ph: dict[str, dict[str, str]]) -> list[Reason]:
    offenses = law.v.details.offenses
    if offenses is None:
        return [
            _r(
                "offense",
                "uncertain",
                "We could not confirm which charges this law covers.",
                "offenses_covered",
                law.cite("offenses_covered"),
            )
        ]
    cov = offenses.coverage(f.offense, f.level)
    cite = offenses.citation or law.cite("offenses_covered")
    params: dict[str, str | int] = {
        "offense": ph["offense"][f.offense],
        "level": ph["level"][f.level],
        "summary": offenses.summary,
    }
    conf = offenses.confidence
    if cov == "covered":
        return [_r("offense", "supports", "It covers {offense} as a {level}.", "offenses_covered", cite, conf, params)]
    if cov == "not_covered":
        return [
            _r(
                "offense",
                "blocks",
                "It does not cover {offense} as a {level}. It covers: {summary}",
                "offenses_covered",
                cite,
                conf,
                params,
            )
        ]
    if cov == "some":
        return [
            _r(
                "offense",
                "uncertain",
                "It covers only some kinds of {offense} as a {level}. It covers: {summary}",
                "offenses_covered",
                cite,
                conf,
                params,
            )
        ]
    return [
        _r(
            "offense",
            "uncertain",
            "We could not confirm whether it covers {offense} as a {level}.",
            "offenses_covered",
            cite,
            conf,
            params,
        )
    ]


def rule_nexus(law: _Law, f: Facts, ph: dict[str, dict[str, str]]) -> list[Reason]:
    value = law.value("nexus")
    cite, conf = law.cite("nexus"), law.conf("nexus")
    phrases = {"connection": ph["connection"][f.connection]}
    if f.connection == "not_connected":
        return [
            _r(
                "nexus",
                "blocks",
                "{You} said {connection}. These laws only clear charges that came from the trafficking.",
                "nexus",
                cite,
                conf,
                phrases=phrases,
            )
        ]
    category = law.categories.get("nexus")
    level = category.level(value) if category is not None else None
    if level is None:
        return [
            _r(
                "nexus",
                "uncertain",
                "We could not confirm how closely the charge must be linked to the trafficking.",
                "nexus",
                cite,
                conf,
                phrases=phrases,
            )
        ]
    fit = (level.meets or {}).get(f.connection, "possibly")
    params: dict[str, str | int] = {"standard": law.quote("nexus"), "meaning": level.description}
    if fit == "likely":
        return [
            _r(
                "nexus",
                "supports",
                "{You} said {connection}. The law's test for the link is {standard}. That fits.",
                "nexus",
                cite,
                conf,
                params,
                phrases,
            )
        ]
    return [
        _r(
            "nexus",
            "uncertain",
            "{You} said {connection}. The law's test for the link is {standard}. "
            "{meaning} {You} would need to show that.",
            "nexus",
            cite,
            conf,
            params,
            phrases,
        )
    ]


def _years_since(start: str, f: Facts) -> int | str | None:
    """The year a period starts, from the answers: a number, 'unsure', 'ongoing', or None if we never know."""
    if start == "trafficking_end":
        return f.trafficking_ended
    if start in ("arrest", "conviction", "disposition"):
        return f.year
    return None


START_WORDS = {
    "trafficking_end": "the trafficking ended",
    "arrest": "the arrest",
    "conviction": "the conviction",
    "sentence_completion": "the sentence was finished",
    "disposition": "the case ended",
    "turning_18": "{you} turned 18",
    "services_sought": "{you} asked for help from services",
}


def rule_timing(law: _Law, f: Facts, now: int) -> list[Reason]:
    """Deadlines and waits, worked out from the years in the answers where the law counts from them."""
    value = law.value("time_limits")
    timing = law.v.details.timing
    cite = (timing.citation if timing is not None and timing.citation else None) or law.cite("time_limits")
    conf = law.conf("time_limits")
    out: list[Reason] = []

    def add(effect: Effect, text: str, params: dict[str, str | int] | None = None, start: str | None = None) -> None:
        phrases = {"start": START_WORDS[start]} if start else None
        out.append(_r("timing", effect, text, "time_limits", cite, conf, params, phrases))

    if value == UNKNOWN:
        add("uncertain", "We could not confirm whether this law has a deadline or a waiting time.")
        return out
    if value == "none":
        add("supports", "There is no deadline and no waiting time.")
        return out
    if timing is None:
        add("uncertain", "The law has timing rules we could not confirm.")
        return out
    if timing.reasonable_time:
        add("note", "{You} must apply {words}.", {"words": timing.reasonable_time})
    for period in (p for p in timing.limits if p.applies(f.level)):
        params: dict[str, str | int] = {"years": duration(period)}
        begin = _years_since(period.start, f)
        if isinstance(begin, int):
            params["deadline"] = begin + int(period.length_years)
            if now > begin + int(period.length_years):
                add(
                    "uncertain",
                    "The deadline is {years} after {start}: about {deadline}. It may have passed. "
                    "Ask a lawyer about exceptions.",
                    params,
                    period.start,
                )
            else:
                add("note", "Apply by about {deadline}: the deadline is {years} after {start}.", params, period.start)
        elif begin == "ongoing":
            add("note", "The deadline ({years}) starts counting when the trafficking ends.", params, period.start)
        else:
            add(
                "uncertain",
                "There is a deadline: {years} after {start}. We could not work out if it has passed.",
                params,
                period.start,
            )
    for period in (p for p in timing.waits if p.applies(f.level)):
        params = {"years": duration(period)}
        begin = _years_since(period.start, f)
        if period.start == "sentence_completion" and isinstance(f.year, int):
            begin = f.year  # the sentence ended no earlier than the record's year
        if not isinstance(begin, int):
            add("note", "{You} must wait {years} after {start}.", params, period.start)
            continue
        params["earliest"] = begin + math.ceil(period.length_years)
        if begin + period.length_years <= now:
            if period.start == "sentence_completion":  # still depends on when the sentence really ended
                add("note", "{You} must wait {years} after {start}.", params, period.start)
            else:
                add("supports", "The waiting time ({years} after {start}) has passed.", params, period.start)
        elif period.start == "sentence_completion":
            add(
                "uncertain",
                "{You} may need to wait {years} after {start}, so not before about {earliest}.",
                params,
                period.start,
            )
        else:
            add(
                "uncertain",
                "{You} may need to wait until about {earliest}: the law asks for {years} after {start}.",
                params,
                period.start,
            )
    if not out:
        add("supports", "No deadline or waiting time applies to this kind of charge.")
    return out


def duration(period: Period) -> str:
    """Plain words for a period: '21 days', '6 months', '1 year', '2.5 years'."""
    if period.days is not None:
        return f"{period.days} day{'s' if period.days != 1 else ''}"
    years = period.length_years
    if years < 1:
        months = years * 12
        if months >= 1 and abs(months - round(months)) < 0.05:
            whole = round(months)
            return f"{whole} month{'s' if whole != 1 else ''}"
        days = round(years * 365)
        return f"{days} day{'s' if days != 1 else ''}"
    return f"{years:g} year{'s' if years != 1 else ''}"


_CONDITION_EFFECT: dict[str, Effect] = {
    "prosecutor_consent": "uncertain",
    "cooperation_with_law_enforcement": "uncertain",
}


def rule_conditions(law: _Law, f: Facts, ph: dict[str, dict[str, str]]) -> list[Reason]:
    value = law.value("additional_restrictive_conditions")
    feature = "additional_restrictive_conditions"
    out: list[Reason] = []
    if value == UNKNOWN:
        out.append(
            _r(
                "conditions",
                "uncertain",
                "We could not confirm whether the law adds other conditions.",
                feature,
                law.cite(feature),
            )
        )
    for cond in law.v.details.conditions:
        cite = cond.citation or law.cite(feature)
        params: dict[str, str | int] = {"condition": cond.text}
        effect: Effect = _CONDITION_EFFECT.get(cond.code, "note")
        text = "Condition: {condition}"
        if cond.code == "no_pending_charges":
            if f.pending_charges == "yes":
                effect, text = (
                    "uncertain",
                    "Condition: {condition} {You} said a case is open, so {you} may need to wait.",
                )
            elif f.pending_charges == "no":
                effect = "supports"
        if cond.code == "certification_required":
            effect = "supports" if "certification" in f.documentation else "uncertain"
        if cond.code == "identify_trafficker":
            text = "Condition: {condition} Naming the trafficker can be unsafe. Talk with an advocate first."
        out.append(_r("conditions", effect, text, feature, cite, cond.confidence, params))
    return out


def rule_documentation(law: _Law, f: Facts, ph: dict[str, dict[str, str]]) -> list[Reason]:
    feature = "official_documentation"
    value = law.value(feature)
    docs = law.v.details.documentation
    cite = (docs.citation if docs is not None and docs.citation else None) or law.cite(feature)
    conf = law.conf(feature)
    held = [d for d in f.documentation if d not in ("none", UNSURE)]
    out: list[Reason] = []
    if docs is not None and docs.required and not set(docs.required) & set(held):
        names = " or ".join(ph["document"][d] for d in docs.required)
        out.append(
            _r(
                "documentation",
                "uncertain",
                "The law asks for {names}. {You} did not say {you_have} one.",
                feature,
                cite,
                conf,
                {"names": names},
            )
        )
    if value == "presumption" and docs is not None:
        counted = [d for d in held if d in docs.documents]
        if counted:
            names = ", ".join(ph["document"][d] for d in counted)
            out.append(
                _r(
                    "documentation",
                    "supports",
                    "{Your} papers ({names}) should make the court presume that {you_are} eligible.",
                    feature,
                    cite,
                    conf,
                    {"names": names},
                )
            )
        else:
            names = ", ".join(ph["document"][d] for d in docs.documents) or "official documents"
            text = "Official papers ({names}) would make the court presume {you_are} eligible."
            if docs.without_documents_standard == "clear_and_convincing":
                text += " Without them, the proof must be stronger (clear and convincing evidence)."
            out.append(_r("documentation", "note", text, feature, cite, conf, {"names": names}))
    elif value == "no_presumption":
        out.append(
            _r(
                "documentation",
                "note",
                "Papers do not create a presumption here, but they can still help as evidence.",
                feature,
                cite,
                conf,
            )
        )
    else:
        out.append(
            _r(
                "documentation",
                "note",
                "We could not confirm what official papers do under this law.",
                feature,
                cite,
                conf,
            )
        )
    return out


# How each procedural level bears on the person: the prosecutor's veto is a real obstacle.
_PROCEDURE_EFFECT: dict[tuple[str, str], Effect] = {
    ("judicial_discretion", "none"): "uncertain",
    ("judicial_discretion", "over_objection"): "supports",
    ("judicial_discretion", "over_objection_additional_action"): "supports",
    ("confidentiality", "express"): "supports",
}


def _certification_gate_met(law: _Law, f: Facts) -> bool:
    """The law lets the prosecutor decide through a certification, and the person has one."""
    d = law.v.details
    needs = any(c.code == "certification_required" for c in d.conditions) or (
        d.documentation is not None and "certification" in d.documentation.required
    )
    return needs and "certification" in f.documentation


def rule_procedure(law: _Law, f: Facts) -> list[Reason]:
    """What the process asks of the person: burden of proof, hearing, judge's power, privacy."""
    gate = _certification_gate_met(law, f)
    out: list[Reason] = []
    for category, rule in (
        ("burden_of_proof", "burden"),
        ("hearing", "hearing"),
        ("judicial_discretion", "discretion"),
        ("confidentiality", "confidentiality"),
    ):
        cat = law.categories.get(category)
        if cat is None:
            continue
        value = law.value(category)
        level = cat.level(value)
        text = "{label}: {description}" if level is not None else "{label}: we could not confirm this."
        params: dict[str, str | int] = {"label": cat.name}
        if level is not None:
            params["description"] = level.description
        effect = _PROCEDURE_EFFECT.get((category, value), "note")
        if (category, value) == ("judicial_discretion", "none") and gate:
            effect = "supports"
            text += " The law's certification is how the prosecutor agrees, and {you_have} one."
        out.append(_r(rule, effect, text, category, law.cite(category), law.conf(category), params))
    return out


RuleFn = Callable[[_Law, Facts, dict[str, dict[str, str]]], list[Reason]]


def _memo(
    law: _Law, key: tuple[object, ...], rule: RuleFn, f: Facts, ph: dict[str, dict[str, str]]
) -> tuple[Reason, ...]:
    """A rule's result for the facts it reads (its key). Rules are pure, so this is only a saving."""
    found = law.memo.get(key)
    if found is None:
        found = law.memo[key] = tuple(rule(law, f, ph))
    return found


def evaluate_facts(law: _Law, f: Facts, ph: dict[str, dict[str, str]], now: int) -> Outcome:
    # Each rule reads only the facts named in its key.
    first = _memo(law, ("adult", f.age), rule_adult_law, f, ph)
    if first[0].effect == "no_law":
        return Outcome("no_adult_law", (), first)
    if not law.v.adult_relief:  # the juvenile route
        juvenile = law.v.details.juvenile
        relief = tuple(
            Relief(type=t, legal_name=t, records=["juvenile_adjudication"], citation=juvenile.citation)
            for t in (juvenile.relief if juvenile is not None else [])
            if juvenile is not None
        )
        return Outcome("possibly_eligible", relief, first, juvenile_route=True)
    timing = law.v.details.timing
    if timing is not None and (timing.limits or timing.waits):
        timed: tuple[Reason, ...] = tuple(rule_timing(law, f, now))
    else:
        timed = _memo(law, ("timing", f.level), lambda law, f, ph: rule_timing(law, f, now), f, ph)
    reasons = (
        *first,
        *_memo(law, ("record", f.record), rule_record_kind, f, ph),
        *_memo(law, ("offense", f.offense, f.level), rule_offense, f, ph),
        *_memo(law, ("nexus", f.connection), rule_nexus, f, ph),
        *timed,
        *_memo(law, ("conditions", f.pending_charges, f.documentation), rule_conditions, f, ph),
        *_memo(law, ("documents", f.documentation), rule_documentation, f, ph),
        *_memo(law, ("procedure", f.documentation), lambda law, f, ph: rule_procedure(law, f), f, ph),
    )
    effects = {r.effect for r in reasons}
    if "blocks" in effects:
        return Outcome("not_covered", (), reasons)
    relief = tuple(r for r in law.v.details.relief if f.record in r.records)
    verdict: Verdict = "possibly_eligible" if "uncertain" in effects or not relief else "likely_eligible"
    return Outcome(verdict, relief, reasons)


# --- merging unsure answers ------------------------------------------------------------------------


def merge_verdicts(verdicts: Iterable[Verdict]) -> Verdict:
    found = set(verdicts)
    if len(found) == 1:
        return next(iter(found))
    if found <= {"not_covered", "no_adult_law"}:
        return "not_covered"
    return "possibly_eligible"


def _lowest(levels: Iterable[str | None]) -> str:
    known = [c for c in levels if c]
    return min(known, key=CONFIDENCE_ORDER.__getitem__) if known else "low"


_PHRASES: dict[int, dict[str, dict[str, str]]] = {}


def phrases(catalog: Catalog) -> dict[str, dict[str, str]]:
    """The terms' short phrases as plain dicts, made once per catalog (they are read for every record)."""
    key = id(catalog.terms)
    if key not in _PHRASES:
        _PHRASES[key] = catalog.terms.phrases.model_dump()
    return _PHRASES[key]


_LAWS: dict[tuple[int, str], _Law] = {}


def law_of(catalog: Catalog, code: str) -> _Law:
    """The law in force for `code`, made once per catalog."""
    key = (id(catalog.jurisdictions), code)
    law = _LAWS.get(key)
    if law is None or law.j is not catalog.jurisdictions[code]:
        if len(_LAWS) > 1000:  # what-if catalogs come and go; keep this small
            _LAWS.clear()
        j = catalog.jurisdictions[code]
        law = _LAWS[key] = _Law(j, j.current, catalog.rubric)
    return law


def record_outcomes(
    catalog: Catalog, answers: Answers, index: int, now: int
) -> tuple[_Law, list[str], list[tuple[dict[str, str], Outcome]]]:
    """Every outcome the record could have: one per combination of values its unsure answers could take."""
    rec = answers.records[index]
    law = law_of(catalog, rec.jurisdiction)
    ph = phrases(catalog)
    given = {name: getattr(rec, name) for name in ANSWER_FIELDS}
    unsure = [k for k in UNSURE_DOMAIN if given.get(k) == UNSURE]
    if given.get("record") == "juvenile_adjudication":
        given["age"] = "minor"
        unsure = [k for k in unsure if k != "age"]
    docs = tuple(answers.documentation)
    found: list[tuple[dict[str, str], Outcome]] = []
    for combo in itertools.product(*(UNSURE_DOMAIN[k] for k in unsure)):
        chosen = dict(zip(unsure, combo, strict=True))
        values = {**given, **chosen}
        if values["record"] == "juvenile_adjudication":
            values["age"] = "minor"
        facts = Facts(
            values["record"],
            values["offense"],
            values["level"],
            values["connection"],
            values["age"],
            values["pending_charges"],
            values["year"],
            answers.trafficking_ended,
            docs,
        )
        found.append((chosen, evaluate_facts(law, facts, ph, now)))
    return law, unsure, found


def assess_record(catalog: Catalog, answers: Answers, index: int, now: int | None = None) -> RecordAssessment:
    rec = answers.records[index]
    if rec.jurisdiction == UNSURE:
        return _assess_anywhere(catalog, answers, index, now)
    now = now or this_year()
    law, unsure, outcomes = record_outcomes(catalog, answers, index, now)
    j, v = law.j, law.v
    ph = phrases(catalog)
    verdict = merge_verdicts(o.verdict for _, o in outcomes)
    what_ifs = tuple(
        WhatIf(k, value, tuple(sorted({o.verdict for c, o in outcomes if c[k] == value}, key=VERDICTS.index)))
        for k in unsure
        for value in UNSURE_DOMAIN[k]
    )
    # Reasons true whatever the unsure answers are; the rest is said by the what-ifs.
    others = [{x.key for x in o.reasons} for _, o in outcomes[1:]]
    common = [r for r in outcomes[0][1].reasons if all(r.key in keys for keys in others)]
    varying = _depends_reasons(law, unsure, what_ifs)
    reasons = tuple(common + varying)
    relief = tuple(
        {
            (r.type, r.legal_name): r
            for _, o in outcomes
            if o.verdict in ("likely_eligible", "possibly_eligible")
            for r in o.relief
        }.values()
    )
    to_show = tuple(r for r in reasons if r.rule in SHOW_RULES and r.effect != "blocks")
    obstacles = tuple(
        r
        for r in reasons
        if r.effect in ("uncertain", "blocks", "no_law") or (r.effect == "note" and r.rule in NOTE_OBSTACLES)
    )
    confidences = [law.conf(c.id) for c in catalog.rubric.categories] + [
        part.confidence for part in (v.details.records, v.details.offenses, v.details.timing) if part is not None
    ]
    return RecordAssessment(
        index=index,
        record=rec,
        jurisdiction=j,
        version=v,
        verdict=verdict,
        relief=relief,
        reasons=reasons,
        to_show=to_show,
        obstacles=obstacles,
        what_ifs=what_ifs,
        unsure_fields=tuple(unsure),
        next_steps=tuple(_next_steps(law, rec, verdict, ph)),
        confidence=_lowest(confidences)
        if v.adult_relief
        else _lowest([v.details.juvenile.confidence] if v.details.juvenile else []),
        juvenile_route=any(o.juvenile_route for _, o in outcomes),
    )


def _assess_anywhere(catalog: Catalog, answers: Answers, index: int, now: int | None) -> RecordAssessment:
    """Not sure where the record is from: check it under every jurisdiction and say where it would fit."""
    rec = answers.records[index]
    per_place: list[RecordAssessment] = []
    for code in catalog.jurisdictions:
        placed = answers.model_copy(update={"records": [rec.model_copy(update={"jurisdiction": code})]})
        per_place.append(assess_record(catalog, placed, 0, now))
    verdict = merge_verdicts(a.verdict for a in per_place)
    what_ifs = tuple(WhatIf("jurisdiction", a.code, (a.verdict,)) for a in per_place)
    reason = _r(
        "depends",
        "uncertain",
        "The result depends on where the record is from. Each state's law is different.",
        "range_of_relief",
        "each jurisdiction's own law (see its report card)",
        None,
    )
    relief = tuple(
        {
            (r.type, r.legal_name): r
            for a in per_place
            if a.verdict in ("likely_eligible", "possibly_eligible")
            for r in a.relief
        }.values()
    )
    unsure = ("jurisdiction", *dict.fromkeys(f for a in per_place for f in a.unsure_fields))
    return RecordAssessment(
        index=index,
        record=rec,
        jurisdiction=None,
        version=None,
        verdict=verdict,
        relief=relief,
        reasons=(reason,),
        to_show=(),
        obstacles=(reason,),
        what_ifs=what_ifs,
        unsure_fields=unsure,
        next_steps=(),
        confidence="low",
        juvenile_route=False,
    )


_FIELD_FEATURE = {
    "record": "arrests_and_adjudications",
    "offense": "offenses_covered",
    "level": "offenses_covered",
    "connection": "nexus",
    "age": "range_of_relief",
    "pending_charges": "additional_restrictive_conditions",
}


def _depends_reasons(law: _Law, unsure: Sequence[str], what_ifs: Sequence[WhatIf]) -> list[Reason]:
    out = []
    for k in unsure:
        sets = {w.verdicts for w in what_ifs if w.field == k}
        if len(sets) > 1:
            feature = _FIELD_FEATURE[k]
            out.append(
                _r(
                    "depends",
                    "uncertain",
                    "The result depends on an answer {you} were not sure about: {field}.",
                    feature,
                    law.cite(feature),
                    law.conf(feature),
                    {"field": k.replace("_", " ")},
                )
            )
    return out


def _next_steps(law: _Law, rec: RecordAnswers, verdict: Verdict, ph: dict[str, dict[str, str]]) -> list[Reason]:
    j, v = law.j, law.v
    out: list[Reason] = []
    if verdict in ("not_covered", "no_adult_law", "possibly_eligible"):
        for route in v.details.other_routes:
            out.append(
                _r(
                    "other_route",
                    "note",
                    "Another law may help: {name}. {summary}",
                    "details.other_routes",
                    route.citation or law.fallback,
                    route.confidence,
                    {"name": route.name, "summary": route.summary},
                )
            )
        juvenile = v.details.juvenile
        if rec.age in ("minor", UNSURE) and juvenile is not None and juvenile.available and v.adult_relief:
            out.append(
                _r(
                    "juvenile_route",
                    "note",
                    "For charges from when {you_were} under 18: {summary}",
                    "details.juvenile",
                    juvenile.citation or law.fallback,
                    juvenile.confidence,
                    {"summary": juvenile.summary},
                )
            )
        if j.code != "US":
            out.append(
                _r(
                    "pardon",
                    "note",
                    "A pardon from the governor may be possible in {name}. A lawyer can tell {you} more.",
                    "range_of_relief",
                    law.fallback,
                    None,
                    {"name": j.name},
                )
            )
        else:
            out.append(
                _r(
                    "pardon",
                    "note",
                    "A presidential pardon is another option for federal records.",
                    "range_of_relief",
                    law.fallback,
                    None,
                )
            )
    if j.code != "US":
        out.append(
            _r(
                "federal",
                "note",
                "The federal Trafficking Survivors Relief Act (2026) covers federal records "
                "only, not records from {name}.",
                "range_of_relief",
                "18 U.S.C. § 3771A",
                "high",
                {"name": j.name},
            )
        )
    return out


# --- jurisdiction view and the whole assessment ----------------------------------------------------


UNKNOWN_GAP = "We could not confirm this part of the law, so it may fall short here."


def gaps(card: Scorecard) -> tuple[Gap, ...]:
    if not card.graded:
        return ()
    out = []
    for c in card.categories:
        if not c.below_ideal:
            continue
        ideal_level = max(c.category.levels, key=lambda lv: lv.points)
        out.append(
            Gap(
                category_id=c.category.id,
                name=c.category.name,
                level_label=c.level.label if c.level is not None else "Not known",
                points=str(c.points) if c.known else f"{c.low}–{c.high}",
                max_points=c.max_points,
                ideal=f"{ideal_level.label}: {c.category.ideal}",
                means=(c.level.means if c.level is not None and c.level.means else UNKNOWN_GAP),
                why_it_matters=c.category.why_it_matters,
            )
        )
    return tuple(out)


def assess(catalog: Catalog, answers: Answers, now: int | None = None) -> Assessment:
    records = tuple(assess_record(catalog, answers, i, now) for i in range(len(answers.records)))
    codes = list(dict.fromkeys(r.jurisdiction.code for r in records if r.jurisdiction is not None))
    cards = {c.jurisdiction.code: c for c in scorecards(catalog)}
    juris = tuple(
        JurisdictionAssessment(
            catalog.jurisdictions[code], catalog.jurisdictions[code].current, cards[code], gaps(cards[code])
        )
        for code in codes
    )
    return Assessment(answers, answers.voice, records, juris, now or this_year())
