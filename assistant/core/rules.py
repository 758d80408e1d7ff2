"""The eligibility rules: small, named, each reading only the facts it declares.

Each rule looks at one part of a law (adult law, record kind, offence, link to the trafficking,
timing, conditions, documentation, procedure) and returns Reasons tied to a statute feature and its
citation. How a rubric level bears on a person's case is read from the rubric data (a level's
`effect`, `meets` and `implies`; the rubric's `conditions`), never decided here.

A rule is given a view of the facts that holds only the fields it declares in `reads`: reading any
other field raises, so the engine's memo (keyed by those fields) can never serve a stale answer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, NamedTuple

from ..models.common import UNKNOWN, UNSURE, in_scope
from ..models.jurisdiction import PROCESS_PARTS, RECORD_KINDS, Jurisdiction, LawVersion, Period, Relief
from ..models.rubric import Level, Rubric
from .results import Basis, Reason, ReasonEffect

Phrases = dict[str, dict[str, str]]  # the terms' short phrases: field -> code -> words


class Facts(NamedTuple):
    """One record with every listed answer known (year and trafficking end may still be 'unsure')."""

    record: str
    offense: str
    level: str
    connection: str
    age: str
    pending_charges: str
    felony_class: str | None  # read only where the law goes by felony class; None when not asked
    drug_charge: str | None  # read only where the law tells having drugs from selling them; None when not asked
    other_convictions: tuple[tuple[str, str], ...]  # (place, offence) of the answers' other convictions
    year: int | str
    trafficking_ended: int | str
    documentation: tuple[str, ...]


class Only:
    """The facts a rule declared it reads, and nothing else."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        if name not in values:
            raise AttributeError(f"this rule does not declare that it reads '{name}'")
        return values[name]


class LawView:
    """One law version's features and details, with fallbacks for citations."""

    def __init__(self, j: Jurisdiction, v: LawVersion, rubric: Rubric) -> None:
        self.j, self.v, self.rubric = j, v, rubric
        self.categories = {c.id: c for c in rubric.categories}
        first = v.statutes[0].citation if v.statutes else None
        self.fallback = first or f"no trafficking relief statute found for {j.name} (as of {j.as_of})"

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        """The rules that can say something about this law, in RULES order."""
        return tuple(rule.for_law(self) for rule in RULES if rule.applies(self))

    def value(self, category: str) -> str:
        """The statute's reading (what eligibility tests), not a card's `scored_as`."""
        f = self.v.features.get(category)
        return f.value if f is not None else UNKNOWN

    def level(self, category: str) -> Level | None:
        cat = self.categories.get(category)
        return cat.level(self.value(category)) if cat is not None else None

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
        level = self.level(category)
        return level.label if level is not None else "linked to"


def reason(
    rule: str,
    effect: ReasonEffect,
    text: str,
    feature: str,
    citation: str,
    confidence: str | None = None,
    params: Mapping[str, str | int] | None = None,
    phrases: Mapping[str, str] | None = None,
    basis: Basis | None = None,
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
        # what kind of "possibly" an uncertain reason makes; on a note, only that our data does not know it
        basis if effect == "uncertain" or basis == "data" else None,
    )


# A level's declared effect, as a reason's effect: an obstacle keeps the verdict at "possibly".
LEVEL_EFFECT: dict[str, ReasonEffect] = {"supports": "supports", "note": "note", "obstacle": "uncertain"}

RuleFn = Callable[[LawView, Any, Phrases, int], list[Reason]]


def _always(law: LawView) -> bool:
    return True


@dataclass(frozen=True)
class Rule:
    name: str
    reads: tuple[str, ...]  # the Facts fields the rule may read
    check: RuleFn
    # Laws the rule can say anything about. A rule that reads several answers joins them in one group
    # of unsure answers; asking only where it matters keeps the other laws' cost linear.
    applies: Callable[[LawView], bool] = _always
    # Facts read only by laws that need them (the record's kind where a wait is for some kinds only):
    # elsewhere the rule does not declare them, so their unsure answers stay out of its group.
    reads_where: tuple[tuple[str, Callable[[LawView], bool]], ...] = ()

    def for_law(self, law: LawView) -> Rule:
        """This rule as it runs on `law`: with the facts that law needs it to read."""
        extra = tuple(name for name, needed in self.reads_where if needed(law))
        return replace(self, reads=(*self.reads, *extra), reads_where=()) if extra else self


def effective_age(f: Any) -> str:
    """A juvenile adjudication is a record from when the person was under 18."""
    return "minor" if f.record == "juvenile_adjudication" else f.age


def rule_adult_law(law: LawView, f: Any, ph: Phrases, now: int) -> list[Reason]:
    v, j = law.v, law.j
    if v.adult_relief:
        names = ", ".join(dict.fromkeys(r.legal_name for r in v.details.relief)) or "relief"
        return [
            reason(
                "adult_law",
                "supports",
                "{name} has a law that can clear records from trafficking: {relief}.",
                "range_of_relief",
                law.cite("range_of_relief"),
                law.conf("range_of_relief"),
                {"name": j.at_start, "relief": names},
            )
        ]
    juvenile = v.details.juvenile
    if effective_age(f) == "minor" and juvenile is not None and juvenile.available:
        # told to someone who was under 18: the route for them, not first that there is none for adults
        # `juvenile.offenses` first: the rule reads the offense only where the route names some
        if juvenile.offenses and f.offense not in juvenile.offenses:
            effect: ReasonEffect = "no_law"
            text = "{name}'s only route is for people who were under 18, and it does not reach this charge: {summary}"
        elif not in_scope(juvenile.records, f.record):
            effect = "no_law"
            text = (
                "{name}'s only route is for people who were under 18, and it does not reach this kind of record: "
                "{summary}"
            )
        else:
            effect = "uncertain"
            text = "Because {you_were} under 18, {name}'s route for young people may help: {summary}"
        return [
            reason(
                "juvenile_route",
                effect,
                text,
                "details.juvenile",
                juvenile.citation or law.fallback,
                juvenile.confidence,
                {"name": j.in_sentence if effect == "uncertain" else j.at_start},  # mid-sentence, or first
                {"summary": juvenile.summary},
                basis="show" if effect == "uncertain" else None,
            )
        ]
    text = "{name} has no law that clears records from trafficking for people who were adults."
    out = [reason("adult_law", "no_law", text, "range_of_relief", law.fallback, None, {"name": j.at_start})]
    if effective_age(f) == "minor":  # told they were under 18: what is known of minors too (its own sentence,
        # so an unsure age says the first sentence once)
        minors = "We found no trafficking law for people who were under 18 either."
        out.append(reason("adult_law", "note", minors, "range_of_relief", law.fallback))
    return out


def rule_record_kind(law: LawView, f: Any, ph: Phrases, now: int) -> list[Reason]:
    records = law.v.details.records
    feature = "arrests_and_adjudications"
    if records is None:
        return [
            reason(
                "record_kind",
                "uncertain",
                "We could not confirm which records this law reaches.",
                feature,
                law.cite(feature),
                basis="data",
            )
        ]
    cov = records.coverage(f.record)
    cite = records.citation or law.cite(feature)
    params: dict[str, str | int] = {"kind": ph["record"][f.record]}
    if cov == "covered":
        return [
            reason("record_kind", "supports", "This law reaches {kind}.", feature, cite, records.confidence, params)
        ]
    if cov == "not_covered":
        reached = [ph["record"][k] for k in RECORD_KINDS if records.coverage(k) == "covered"]
        params["reached"] = ", ".join(reached) if reached else "no other kind"
        return [
            reason(
                "record_kind",
                "blocks",
                "This law does not reach {kind}. It reaches: {reached}.",
                feature,
                cite,
                records.confidence,
                params,
            )
        ]
    if records.charges_for(f.record) is not None:
        return []  # the law lists which charges: rule_record_charge decides from this record's charge
    which = records.which.get(f.record) if cov == "some" else None
    if which:
        params["which"] = which
    text = (
        (
            "This law reaches {kind} only in some cases: {which}."
            if which
            else "This law reaches only some cases of {kind}."
        )
        if cov == "some"
        else "We could not confirm that this law reaches {kind}."
    )
    basis: Basis = "show" if cov == "some" else "data"
    return [reason("record_kind", "uncertain", text, feature, cite, records.confidence, params, basis=basis)]


# How a coverage value in the data bears on the record: "some" is for the person to show (which
# charge it was), "unknown" is what our data lacks.
COVERAGE_EFFECT: dict[str, tuple[ReasonEffect, Basis | None]] = {
    "covered": ("supports", None),
    "not_covered": ("blocks", None),
    "some": ("uncertain", "show"),
    "unknown": ("uncertain", "data"),
}
OFFENSE_TEXT = {
    "covered": "It covers {offense} as a {level}.",
    "not_covered": "It does not cover {offense} as a {level}. It covers: {summary}",
    "some": "It covers {offense} as a {level} only in some cases. It covers: {summary}",
    "unknown": "We could not confirm whether it covers {offense} as a {level}.",
}
KIND_TEXT = {
    "covered": "It covers {offense}, as a misdemeanor or a felony.",
    "not_covered": "It does not cover {offense}, as a misdemeanor or a felony. It covers: {summary}",
}
OWN_SOME_TEXT = "It covers {offense} as a {level} only in some cases: {summary}"
PREDICATE_TEXT = (
    "It covers {offense} as a {level} for a person who also has a conviction for {predicate} in {place}, "
    "and another record here is one."
)
CHARGE_TEXT = {
    "covered": "This law reaches {kind} for {offense} as a {level}.",
    "not_covered": "This law reaches {kind} only for certain offenses, and not for {offense} as a {level}. "
    "It reaches: {charges}",
    "some": "This law reaches {kind} for {offense} as a {level} only in some cases. It reaches: {charges}",
    "unknown": "We could not confirm that this law reaches {kind} for {offense} as a {level}.",
}


def has_charge_lists(law: LawView) -> bool:
    records = law.v.details.records if law.v.details is not None else None
    return records is not None and bool(records.charges)


def rule_record_charge(law: LawView, f: Any, ph: Phrases, now: int) -> list[Reason]:
    """A record kind the law reaches only for some charges, decided by this record's charge."""
    records = law.v.details.records
    charges = records.charges_for(f.record) if records is not None else None
    if records is None or charges is None:
        return []
    feature, conf = "arrests_and_adjudications", records.confidence
    cite = records.citation or law.cite(feature)
    cov = charges.coverage(f.offense, f.level)
    params: dict[str, str | int] = {
        "kind": ph["record"][f.record],
        "offense": ph["offense"][f.offense],
        "level": ph["level"][f.level],
        "charges": charges.summary,
    }
    effect, basis = COVERAGE_EFFECT[cov]
    return [reason("record_kind", effect, CHARGE_TEXT[cov], feature, cite, conf, params, basis=basis)]


def has_felony_classes(law: LawView) -> bool:
    offenses = law.v.details.offenses
    return offenses is not None and bool(offenses.felony_classes)


def has_offense_records(law: LawView) -> bool:
    offenses = law.v.details.offenses
    return offenses is not None and bool(offenses.records)


def has_predicate_classes(law: LawView) -> bool:
    offenses = law.v.details.offenses
    return offenses is not None and any(c.covered_with_conviction_for for c in offenses.felony_classes)


def has_drug_charges(law: LawView) -> bool:
    offenses = law.v.details.offenses
    return offenses is not None and bool(offenses.drug_charges)


def rule_offense(law: LawView, f: Any, ph: Phrases, now: int) -> list[Reason]:
    """The offence and its level; a felony whose class the person gave, where the law goes by class, by
    that class's line ("It covers a drug charge as a class D felony"); a drug charge whose kind the person
    gave, where the law tells having drugs from selling them, by that kind's line."""
    offenses = law.v.details.offenses
    feature = "offenses_covered"
    if offenses is None:
        return [
            reason(
                "offense",
                "uncertain",
                "We could not confirm which charges this law covers.",
                feature,
                law.cite(feature),
                basis="data",
            )
        ]
    # `has_felony_classes` first: only such a law declares that it reads the class
    chosen = offenses.felony_class(f.felony_class) if has_felony_classes(law) and f.level == "felony" else None
    # `has_drug_charges` first, as above; a law has classes or drug kinds, never both (validate)
    drug = offenses.drug_charges.get(f.drug_charge) if has_drug_charges(law) and f.offense == "drug" else None
    # a kind of record the lines do not limit is reached whatever the offence (Ohio's dismissed charges)
    every_offense = has_offense_records(law) and f.record not in offenses.records
    # another record the person gave is the conviction this class needs (Ohio's soliciting or prostitution)
    predicate = (
        next((k for k in chosen.covered_with_conviction_for if (law.j.code, k) in f.other_convictions), None)
        if chosen is not None and has_predicate_classes(law) and not every_offense
        else None
    )
    if every_offense or predicate:
        cov = "covered"  # the class or kind still names the charge
    elif chosen:
        cov = chosen.offenses.coverage(f.offense)
    elif drug:
        cov = drug.coverage(f.level)
    else:
        cov = offenses.coverage(f.offense, f.level)
    records = law.v.details.records
    cite = (records.citation if every_offense and records else None) or offenses.citation or law.cite(feature)
    # a kind's own words say what of it is reached, so only where that is some of it
    own = chosen.summary if chosen else drug.summary if drug and cov == "some" else None
    params: dict[str, str | int] = {
        "offense": ph["drug_charge"][f.drug_charge] if drug else ph["offense"][f.offense],
        "level": chosen.label if chosen else ph["level"][f.level],
        "summary": own or offenses.summary,
    }
    effect, basis = COVERAGE_EFFECT[cov]
    if predicate:
        params["predicate"] = ph["offense"][predicate]
        params["place"] = law.j.name
        text = PREDICATE_TEXT
    elif drug and cov in ("covered", "not_covered") and drug.misdemeanor == drug.felony:
        # the kind decides at every level: "It does not cover selling, sharing or making drugs.", not "... as a
        # felony", which reads as if a misdemeanor sale might be covered
        text = KIND_TEXT[cov]
    elif own and cov == "some":
        # a class's or kind's own words say which cases, as one sentence: "... only in some cases: only for a
        # person who also has ..." (not "It covers: Only for a person ...")
        params["summary"] = own[:1].lower() + own[1:]
        text = OWN_SOME_TEXT
    else:
        text = OFFENSE_TEXT[cov]
    return [reason("offense", effect, text, feature, cite, offenses.confidence, params, basis=basis)]


def _charge_during_trafficking(f: Any) -> bool:
    """The person's own years put the charge inside the trafficking: before the year it ended, or it goes on."""
    if not isinstance(f.year, int):
        return False
    return f.trafficking_ended == "ongoing" or (isinstance(f.trafficking_ended, int) and f.year < f.trafficking_ended)


def link_fit(level: Level, own_during: Mapping[str, str] | None, f: Any) -> tuple[str, bool]:
    """How the person's answer meets one link test: likely, possibly or no; and whether their dates decided it."""
    fit = (level.meets or {}).get(f.connection, "possibly")
    during = (own_during if own_during is not None else level.meets_during or {}).get(f.connection)
    if fit != "likely" and during == "likely" and _charge_during_trafficking(f):
        return "likely", True
    return fit, False


def route_fit(law: LawView, relief: Relief, f: Any) -> str:
    """How the answer meets the link test of one route (its own test, or the law's graded one)."""
    code = relief.nexus or law.value("nexus")
    level = law.categories["nexus"].level(code) if "nexus" in law.categories else None
    if level is None:
        return "possibly"
    feature = law.v.features.get("nexus")
    return link_fit(level, feature.meets_during if feature is not None and not relief.nexus else None, f)[0]


def fitting_routes(law: LawView, routes: tuple[Relief, ...], f: Any) -> tuple[Relief, ...]:
    """Of the routes that reach a record, those whose link test the answer fits; all of them if none does."""
    if not any(r.nexus for r in routes):
        return routes  # one link test for every route: rule_nexus speaks for it
    return tuple(r for r in routes if route_fit(law, r, f) == "likely") or routes


def has_route_links(law: LawView) -> bool:
    return law.v.details is not None and any(r.nexus for r in law.v.details.relief)


def rule_route_link(law: LawView, f: Any, ph: Phrases, now: int) -> list[Reason]:
    """A route with a harder link test than the law's graded one: does a route that reaches this record fit?"""
    routes = [r for r in law.v.details.relief if f.record in r.records]
    own = [r for r in routes if r.nexus]
    if f.connection == "not_connected" or not own:
        return []  # no route of its own here, or rule_nexus already says no law clears it
    fits = [(r, route_fit(law, r, f)) for r in routes]
    if len(own) == len(routes):  # only routes with their own test reach it: say how the answer meets it
        return _own_link(law, f, ph, fits)
    if any(fit == "likely" for _, fit in fits):
        harder = [r for r, fit in fits if r.nexus and fit != "likely"]
        if not harder:
            return []
        text = "{route} needs a closer link: {standard}. The other way to clear this record fits what {you} said."
        params: dict[str, str | int] = {"route": harder[0].legal_name, "standard": f'"{harder[0].nexus_quote}"'}
        cite = harder[0].citation or law.cite("nexus")
        return [reason("nexus", "note", text, "nexus", cite, harder[0].confidence, params)]
    return []  # a route on the graded test reaches it too: rule_nexus says how that test is met


# A link test the answer meets. The advocate reads the statute's own words ("proximate cause"); a survivor
# needs only that what they said fits it (SURVIVOR_TEXT): the law's words are for a test still to be met.
NEXUS_FITS = "{You} said {connection}. The law's test for the link is {standard}. That fits."
NEXUS_FITS_BY_DATES = (
    "{You} said {connection}, and the charge came in {year}, while the trafficking was still going on. "
    "The law's test for the link is {standard}. That fits."
)
ROUTE_TEST_ONE_WAY = (
    "{You} said {connection}. Only one way here reaches {kind}: {route}. Its test for the link is {standard}. "
)
ROUTE_TEST = "{You} said {connection}. {route} reaches {kind}. Its test for the link is {standard}. "
ROUTE_FITS_ONE_WAY = ROUTE_TEST_ONE_WAY + "That fits."
ROUTE_FITS = ROUTE_TEST + "That fits."
SURVIVOR_TEXT = {
    NEXUS_FITS: "{You} said {connection}. That fits the law's test for the link.",
    NEXUS_FITS_BY_DATES: "{You} said {connection}, and the charge came in {year}, while the trafficking was still "
    "going on. That fits the law's test for the link.",
    ROUTE_FITS_ONE_WAY: "{You} said {connection}. Only one way here reaches {kind}: {route}. That fits its test for "
    "the link.",
    ROUTE_FITS: "{You} said {connection}. {route} reaches {kind}, and that fits its test for the link.",
}


def _own_link(law: LawView, f: Any, ph: Phrases, fits: list[tuple[Relief, str]]) -> list[Reason]:
    """The link test of the route(s) that alone reach this record, and whether the answer meets it."""
    route, fit = next(((r, fit) for r, fit in fits if fit == "likely"), fits[0])
    level = law.categories["nexus"].level(route.nexus or "")
    fits_text, test_text = (ROUTE_FITS_ONE_WAY, ROUTE_TEST_ONE_WAY) if len(fits) == 1 else (ROUTE_FITS, ROUTE_TEST)
    text = fits_text if fit == "likely" else test_text
    params: dict[str, str | int] = {
        "route": route.legal_name,
        "standard": f'"{route.nexus_quote}"',
        "kind": ph["record"][f.record],
    }
    phrases = {"connection": ph["connection"][f.connection]}
    cite = route.citation or law.cite("nexus")
    if fit == "likely":
        return [reason("nexus", "supports", text, "nexus", cite, route.confidence, params, phrases)]
    text += level.means if level is not None and level.means else "{You} would need to show that."
    return [reason("nexus", "uncertain", text, "nexus", cite, route.confidence, params, phrases, basis="show")]


def only_own_links(law: LawView, record: str) -> bool:
    """Every route that reaches this kind of record has its own link test (the graded one does not apply)."""
    routes = [r for r in law.v.details.relief if record in r.records]
    return bool(routes) and all(r.nexus for r in routes)


def rule_nexus(law: LawView, f: Any, ph: Phrases, now: int) -> list[Reason]:
    cite, conf = law.cite("nexus"), law.conf("nexus")
    phrases = {"connection": ph["connection"][f.connection]}
    if f.connection == "not_connected":
        text = "{You} said {connection}. These laws only clear charges that came from the trafficking."
        return [reason("nexus", "blocks", text, "nexus", cite, conf, phrases=phrases)]
    if has_route_links(law) and only_own_links(law, f.record):
        return []  # rule_route_link tells the one test that applies, not the graded one too
    level = law.level("nexus")
    if level is None:
        text = "We could not confirm how closely the charge must be linked to the trafficking."
        return [reason("nexus", "uncertain", text, "nexus", cite, conf, phrases=phrases, basis="data")]
    params: dict[str, str | int] = {"standard": law.quote("nexus"), "meaning": level.description}
    feature = law.v.features.get("nexus")
    # the statute's words may add a test the dates cannot show (the feature's own meets_during)
    fit, by_dates = link_fit(level, feature.meets_during if feature is not None else None, f)
    if by_dates:
        params["year"] = f.year
        return [reason("nexus", "supports", NEXUS_FITS_BY_DATES, "nexus", cite, conf, params, phrases)]
    if fit == "likely":
        fits = reason("nexus", "supports", NEXUS_FITS, "nexus", cite, conf, params, phrases)
        return [fits, *_record_after_the_trafficking(f, cite, conf)]
    # What the person must show, in their voice: the statute's own ask where the data says it (Texas's
    # "solely"), else the level's words ("{You} must show ...") when the rubric has them.
    text = "{You} said {connection}. The law's test for the link is {standard}. "
    if feature is not None and feature.must_show:
        phrases["shown"] = feature.must_show
        text += "{shown}"
    else:
        text += level.means or "{meaning} {You} would need to show that."
    must = reason("nexus", "uncertain", text, "nexus", cite, conf, params, phrases, basis="show")
    # a test of when the offense happened ("while a victim"): the person's own dates say what to be ready for
    during = (feature.meets_during if feature is not None else None) or level.meets_during
    return [must, *(_record_after_the_trafficking(f, cite, conf, any_link=True) if during else [])]


def _record_after_the_trafficking(f: Any, cite: str, conf: str | None, any_link: bool = False) -> list[Reason]:
    """A record dated after the year the trafficking ended, where the offense's own date matters ('while I was
    being trafficked'; or a law whose test is 'while a victim', `any_link`): not a contradiction (a charge or
    a conviction can come later than the offense), but the offense's own date is what is shown."""
    ended = f.trafficking_ended
    if not (any_link or f.connection == "while_trafficked"):
        return []
    if f.connection in ("not_connected", UNSURE) or not (isinstance(f.year, int) and isinstance(ended, int)):
        return []
    if f.year <= ended:
        return []
    text = (
        "The record is from {year}, after the trafficking ended in {ended}. Be ready to show that the offense "
        "itself happened while {you_were} being trafficked."
    )
    return [reason("nexus", "note", text, "nexus", cite, conf, {"year": f.year, "ended": ended})]


def _start_year(start: str, f: Any) -> int | str | None:
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


def has_periods_by_record(law: LawView) -> bool:
    """Does a deadline or wait of this law apply to some kinds of record only?"""
    timing = law.v.details.timing
    return timing is not None and any(p.records for p in (*timing.limits, *timing.waits))


def has_conditions_by_record(law: LawView) -> bool:
    return law.v.details is not None and any(c.records for c in law.v.details.conditions)


def _periods(periods: list[Period], f: Any) -> list[Period]:
    """The periods for this record's level and kind (the kind is read only where a period names one)."""
    # `not p.records` first: a law without such periods does not declare that it reads the record
    return [p for p in periods if p.applies(f.level) and (not p.records or in_scope(p.records, f.record))]


def rule_timing(law: LawView, f: Any, ph: Phrases, now: int) -> list[Reason]:
    """Deadlines and waits, worked out from the years in the answers where the law counts from them."""
    timing = law.v.details.timing
    cite = (timing.citation if timing is not None and timing.citation else None) or law.cite("time_limits")
    conf = law.conf("time_limits")
    out: list[Reason] = []

    def add(
        effect: ReasonEffect,
        text: str,
        params: dict[str, str | int] | None = None,
        start: str | None = None,
        basis: Basis = "show",
    ) -> None:
        phrases = {"start": START_WORDS[start]} if start else None
        out.append(reason("timing", effect, text, "time_limits", cite, conf, params, phrases, basis))

    level = law.level("time_limits")
    if level is None:
        add("uncertain", "We could not confirm whether this law has a deadline or a waiting time.", basis="data")
        return out
    if level.implies is not None and level.implies.no_timing:
        add(LEVEL_EFFECT[level.effect or "supports"], "There is no deadline and no waiting time.")
        return out
    if timing is None:
        add("uncertain", "The law has timing rules we could not confirm.", basis="data")
        return out
    if timing.reasonable_time:
        # the law's soft limit in the reader's voice ("after {you} stopped being ...")
        out.append(
            reason(
                "timing",
                "note",
                "{You} must apply {words}.",
                "time_limits",
                cite,
                conf,
                phrases={"words": timing.reasonable_time},
            )
        )
        if f.trafficking_ended == "ongoing" and "trafficking_end" in timing.reasonable_time_from:
            also = "services_sought" in timing.reasonable_time_from
            add(
                "note",
                "{You} said the trafficking has not ended, so this time may not have started: it counts from "
                "when it ends or from when {you} sought help from services for victims."
                if also
                else "{You} said the trafficking has not ended, so this time has not started.",
            )
    for period in _periods(timing.limits, f):
        params: dict[str, str | int] = {"years": duration(period)}
        begin = _start_year(period.start, f)
        if isinstance(begin, int):
            params["deadline"] = begin + int(period.length_years)
            if now > begin + int(period.length_years):
                add(
                    "uncertain",
                    "The deadline was {years} after {start}: about {deadline}. It has probably passed. "
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
                "answer" if begin == UNSURE else "show",
            )
    for period in _periods(timing.waits, f):
        params = {"years": duration(period)}
        begin = _start_year(period.start, f)
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
            text = "{You} may need to wait {years} after {start}, so not before about {earliest}."
            add("uncertain", text, params, period.start)
        else:
            text = "{You} may need to wait until about {earliest}: the law asks for {years} after {start}."
            add("uncertain", text, params, period.start)
    if not out:
        add("supports", "No deadline or waiting time applies to this kind of charge.")
    return out


def rule_conditions(law: LawView, f: Any, ph: Phrases, now: int) -> list[Reason]:
    feature = "additional_restrictive_conditions"
    out: list[Reason] = []
    if law.level(feature) is None:
        text = "We could not confirm whether the law adds other conditions."
        out.append(reason("conditions", "uncertain", text, feature, law.cite(feature), basis="data"))
    # `not cond.records` first: a law without conditions for some kinds of record does not read the kind
    for cond in (c for c in law.v.details.conditions if not c.records or in_scope(c.records, f.record)):
        how = law.rubric.conditions[cond.code]  # the catalog refuses a rubric without every code
        params: dict[str, str | int] = {}
        phrases = {"condition": cond.text}  # the data may speak to the person: "unless the court finds {you} ..."
        effect: ReasonEffect = LEVEL_EFFECT[how.effect]
        text = "Fee: {condition}" if cond.code == "filing_fee" else "Condition: {condition}"  # paid, not met
        cite = cond.citation or law.cite(feature)
        open_case = None
        if how.met_by == "no_pending_charges":
            if f.pending_charges == "yes":
                effect = "uncertain"
                # its own reason, so the condition reads the same whatever the answer (an unsure answer keeps it)
                text_open = "{You} said a case is open, so {you} may need to wait until it ends."
                open_case = reason("conditions", "uncertain", text_open, feature, cite, basis="show")
            elif f.pending_charges == "no":
                effect = "supports"
        elif how.met_by == "certification":
            effect = "supports" if "certification" in f.documentation else "uncertain"
        if how.caution:
            text += " {caution}"
            params["caution"] = how.caution
        basis: Basis = "show" if how.met_by else "judge"  # an obstacle no answer can meet is the decider's call
        out.append(reason("conditions", effect, text, feature, cite, cond.confidence, params, phrases, basis=basis))
        if open_case is not None:
            out.append(open_case)
    return out


def held_documents(f: Any) -> list[str]:
    return [d for d in f.documentation if d not in ("none", UNSURE)]


def agency_papers(held: Iterable[str]) -> list[str]:
    """The papers an agency or a court issues: what 'official documentation' can be where the law's own list
    was not read (a support worker's letter is evidence, not official papers, unless a law names it)."""
    return [d for d in held if d != "provider_letter"]


def rule_documentation(law: LawView, f: Any, ph: Phrases, now: int) -> list[Reason]:
    feature = "official_documentation"
    docs = law.v.details.documentation
    cite = (docs.citation if docs is not None and docs.citation else None) or law.cite(feature)
    conf = law.conf(feature)
    held = held_documents(f)
    out: list[Reason] = []
    if docs is not None and docs.required and not set(docs.required) & set(held):
        names = " or ".join(ph["document"][d] for d in docs.required)
        text = "The law asks for {names}, which was not among the papers named."
        out.append(reason("documentation", "uncertain", text, feature, cite, conf, {"names": names}, basis="show"))
    level = law.level(feature)
    presumption = level.implies.presumption if level is not None and level.implies is not None else None
    if presumption and docs is not None:
        counted = [d for d in held if d in docs.documents]
        if counted:
            names = ", ".join(ph["document"][d] for d in counted)
            text = "{Your} papers ({names}) should make the court presume that {you_are} eligible."
            out.append(reason("documentation", "supports", text, feature, cite, conf, {"names": names}))
        else:
            names = ", ".join(ph["document"][d] for d in docs.documents) or "official documents"
            text = "Official papers ({names}) would make the court presume {you_are} eligible."
            # the stronger proof without them, unless the burden of proof already says it is this person's
            if docs.without_documents_standard == "clear_and_convincing" and _standard_without_papers(law, f) is None:
                text += " Without them, the proof must be stronger (clear and convincing evidence)."
            params = {"names": names}
            official = agency_papers(held)
            if official and docs.read != "full":
                # the law's own list was not read whole: the person's agency papers are not ruled out by it
                params["held"] = ", ".join(ph["document"].get(d, d) for d in official)
                text += " {Your} papers ({held}) may count too. A lawyer can check."
            out.append(reason("documentation", "note", text, feature, cite, conf, params))
    elif presumption is False:
        text = "Papers do not create a presumption here, but they can still help as evidence."
        out.append(reason("documentation", "note", text, feature, cite, conf))
    else:
        text = "We could not confirm what official papers do under this law."
        out.append(reason("documentation", "note", text, feature, cite, conf, basis="data"))
    return out


def certification_gate_met(law: LawView, f: Any) -> bool:
    """The law lets the prosecutor decide through a certification, and the person has one."""
    d = law.v.details
    needs = any(c.code == "certification_required" for c in d.conditions) or (
        d.documentation is not None and "certification" in d.documentation.required
    )
    return needs and "certification" in f.documentation


# each part of the process and the name of its reason
PROCEDURE = tuple(zip(PROCESS_PARTS, ("burden", "hearing", "discretion", "confidentiality"), strict=True))


def has_procedure_by_record(law: LawView) -> bool:
    return any((f := law.v.features.get(category)) is not None and f.records for category, _ in PROCEDURE)


def _standard_without_papers(law: LawView, f: Any) -> Level | None:
    """The stronger standard of proof the law sets for a person without the papers it names (Florida: clear and
    convincing), when the answers say the person has none of them; None otherwise."""
    docs = law.v.details.documentation
    if docs is None or docs.without_documents_standard is None or UNSURE in f.documentation:
        return None
    if set(held_documents(f)) & set(docs.documents):
        return None
    return law.categories["burden_of_proof"].level(docs.without_documents_standard)


def _consent_is_a_condition(law: LawView) -> bool:
    """The prosecutor's consent is a condition for every record (so the veto is already told)."""
    return any(c.code == "prosecutor_consent" and not c.records for c in law.v.details.conditions)


def rule_procedure(law: LawView, f: Any, ph: Phrases, now: int) -> list[Reason]:
    """What the process asks of the person: burden of proof, hearing, judge's power, privacy."""
    gate = certification_gate_met(law, f)
    out: list[Reason] = []
    for category, name in PROCEDURE:
        cat = law.categories.get(category)
        if cat is None:
            continue
        level = law.level(category)
        text = "{label}: {description}" if level is not None else "{label}: we could not confirm this."
        params: dict[str, str | int] = {"label": cat.name}
        phrases: dict[str, str] = {}
        effect: ReasonEffect = "note"
        feature = law.v.features.get(category)
        if feature is not None and feature.records and f.record not in feature.records:
            # read from another route's text (Ohio's conviction route): not this record's
            params["kind"] = ph["record"][f.record]
            text = "{label}: we could not confirm this for {kind}."
            # the citation of the route that does reach this record (Ohio's 2953.521), not the one read
            cite = next(
                (r.citation for r in law.v.details.relief if f.record in r.records and r.citation), law.cite(category)
            )
            out.append(reason(name, "note", text, category, cite, None, params, basis="data"))
            continue
        stronger = _standard_without_papers(law, f) if category == "burden_of_proof" else None
        if level is not None:
            # What the person must do, in their voice ("{You} must ..."), where the rubric says it.
            if feature is not None and feature.in_practice:
                phrases["description"] = feature.in_practice
            elif stronger is not None and stronger.means:
                # no papers the law names: the stronger standard the documentation rule tells of is this one's
                means = (
                    stronger.means.replace("{You", "{you", 1) if stronger.means.startswith("{You") else stronger.means
                )
                phrases["description"] = "Without official papers, " + means
            elif category in ("burden_of_proof", "hearing") and level.means:
                phrases["description"] = level.means
            else:
                params["description"] = level.description
            effect = LEVEL_EFFECT[level.effect or "note"]
        if effect == "uncertain" and category == "judicial_discretion" and gate:
            effect = "supports"
            text += " The law's certification is how the prosecutor agrees, and {you_have} one."
        elif effect == "uncertain" and category == "judicial_discretion" and _consent_is_a_condition(law):
            continue  # the prosecutor's veto is told once, by the condition that the prosecutor must consent
        cite, conf = law.cite(category), law.conf(category)
        basis: Basis = "judge" if level is not None else "data"
        out.append(reason(name, effect, text, category, cite, conf, params, phrases or None, basis=basis))
    return out


def has_no_adult_law(law: LawView) -> bool:
    return not law.v.adult_relief


def has_juvenile_offenses(law: LawView) -> bool:
    juvenile = law.v.details.juvenile
    return not law.v.adult_relief and juvenile is not None and bool(juvenile.offenses)


# The rules in the order their reasons are told. The adult-law rule comes first: without a law for
# adults nothing else is asked. Relief (which remedies reach the record) is read by the engine.
ADULT_LAW = Rule(
    "adult",
    (),
    rule_adult_law,
    # A law for adults is told whatever the age and record: only where there is none does the rule read them
    # (a route for minors, by the kind of record), so elsewhere an unsure age joins no group and costs nothing;
    # and only where the route for minors reaches some offenses does it read the offense.
    reads_where=(("age", has_no_adult_law), ("record", has_no_adult_law), ("offense", has_juvenile_offenses)),
)
RULES: tuple[Rule, ...] = (
    ADULT_LAW,
    Rule("record", ("record",), rule_record_kind),
    Rule("record_charge", ("record", "offense", "level"), rule_record_charge, has_charge_lists),
    # only a law that reaches felonies by class reads the class, and only a law that tells having drugs from
    # selling them reads which (each asked only there)
    Rule(
        "offense",
        ("offense", "level"),
        rule_offense,
        reads_where=(
            ("felony_class", has_felony_classes),
            ("drug_charge", has_drug_charges),
            ("record", has_offense_records),
            ("other_convictions", has_predicate_classes),
        ),
    ),
    # only a law whose routes have their own link tests ties the record's kind to the link
    Rule("nexus", ("connection", "year", "trafficking_ended"), rule_nexus, reads_where=(("record", has_route_links),)),
    Rule("route_link", ("record", "connection", "year", "trafficking_ended"), rule_route_link, has_route_links),
    # only a law with a wait for some kinds of record ties the record's kind to its timing
    Rule(
        "timing",
        ("level", "year", "trafficking_ended"),
        rule_timing,
        reads_where=(("record", has_periods_by_record),),
    ),
    Rule(
        "conditions",
        ("pending_charges", "documentation"),
        rule_conditions,
        reads_where=(("record", has_conditions_by_record),),
    ),
    Rule("documents", ("documentation",), rule_documentation),
    # only a law with a procedure read for some kinds of record only ties the record's kind to it
    Rule("procedure", ("documentation",), rule_procedure, reads_where=(("record", has_procedure_by_record),)),
)
