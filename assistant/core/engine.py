"""The eligibility engine: every answer "not sure" is weighed under every value it could take.

An unsure answer could be any of its codes, so a record with several unsure answers stands for many
fully known records. Listing them all grows as the product of the choices (864 for a record where
everything is unsure). The engine never lists them: each rule reads only a few answers, so the
unsure answers fall into independent groups (answers read together by some rule), each group is
tried on its own (a handful of combinations), and a verdict needs only a short summary of each
group's outcomes. The result is exactly what listing every combination would give, at a cost that
grows with the sum, not the product, of the choices.

An `Evaluator` holds the caches for one catalog (the law views and the rules' results by the facts
they read); nothing is cached between catalogs or kept in process-wide state.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..data.catalog import Catalog
from ..models import clock
from ..models.answers import Answers, RecordAnswers
from ..models.common import CONFIDENCE_ORDER, UNSURE
from ..models.jurisdiction import Relief
from .next_steps import next_steps
from .results import (
    ELIGIBLE,
    VERDICTS,
    Assessment,
    JurisdictionAssessment,
    Reason,
    RecordAssessment,
    Verdict,
    WhatIf,
)
from .rules import ADULT_LAW, Facts, LawView, Only, Phrases, Rule, fitting_routes, reason
from .scoring import gaps, scorecards


def _values(name: str, leave_out: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The codes the answers file allows for a record field, but 'unsure' (and any left out)."""
    from ..data.problems import literal_values

    annotation = RecordAnswers.model_fields[name].annotation
    return tuple(v for v in literal_values(annotation) if v not in (UNSURE, *leave_out))


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
# A record's answers, as the answers file has them (its place is the law itself; its label is private).
# felony_class is asked only where the law reaches felonies by class; not given or unsure, the felony line answers;
# drug_charge likewise, only where the law tells having drugs from selling them.
ANSWER_FIELDS = tuple(name for name in RecordAnswers.model_fields if name not in ("jurisdiction", "label"))


def unsure_domain(law: LawView, name: str) -> tuple[str, ...]:
    """The values an unsure answer is tried under here; a felony class, only this law's own classes."""
    if name == "felony_class":
        offenses = law.v.details.offenses
        return tuple(c.code for c in offenses.felony_classes) if offenses is not None else ()
    if name == "drug_charge":
        offenses = law.v.details.offenses
        return tuple(offenses.drug_charges) if offenses is not None else ()
    return UNSURE_DOMAIN[name]


# Rules that decide whether the law reaches the record (the "why"); what the person must show;
# notes that still belong among the obstacles.
WHY_RULES = ("adult_law", "juvenile_route", "record_kind", "offense", "nexus", "timing", "conditions", "depends")
# What stops a record whatever else is true: the law does not reach it, or there is no law for it.
STOPS = ("blocks", "no_law")
SHOW_RULES = ("nexus", "documentation", "burden", "hearing")
NOTE_OBSTACLES = ("timing", "conditions", "discretion", "confidentiality")
# Which rubric category an unsure answer bears on (for "the result depends on ...").
FIELD_FEATURE = {
    "record": "arrests_and_adjudications",
    "offense": "offenses_covered",
    "level": "offenses_covered",
    "connection": "nexus",
    "age": "range_of_relief",
    "pending_charges": "additional_restrictive_conditions",
    "felony_class": "offenses_covered",
    "drug_charge": "offenses_covered",
}
RELIEF = "relief"  # the engine's own step: which remedies reach the record (reads `record`)


def merge_verdicts(verdicts: Iterable[Verdict]) -> Verdict:
    found = set(verdicts)
    if len(found) == 1:
        return next(iter(found))
    if found <= {"not_covered", "no_adult_law"}:
        return "not_covered"
    return "possibly_eligible"


def lowest_confidence(levels: Iterable[str | None]) -> str:
    known = [c for c in levels if c]
    return min(known, key=CONFIDENCE_ORDER.__getitem__) if known else "low"


class Summary(NamedTuple):
    """What one group's outcome contributes to the verdict."""

    early: str | None  # "no_law" or "juvenile": the adult-law rule decides alone
    blocks: bool
    uncertain: bool
    relief: bool | None  # None when this group does not decide relief


@dataclass
class _Combo:
    values: dict[str, str]  # the unsure answers of this group, as tried
    reasons: dict[str, tuple[Reason, ...]]  # by rule name
    relief: tuple[Relief, ...] | None
    summary: Summary


@dataclass
class _Group:
    fields: tuple[str, ...]
    rules: tuple[Rule, ...]
    decides_relief: bool
    combos: list[_Combo]


def _join(a: Summary, b: Summary) -> Summary:
    """Two groups' outcomes taken together (the first early stop wins; a group's relief is kept)."""
    early = a.early if a.early == "no_law" or b.early is None else b.early
    return Summary(early, a.blocks or b.blocks, a.uncertain or b.uncertain, a.relief if b.relief is None else b.relief)


def _verdict(whole: Summary) -> Verdict:
    if whole.early == "no_law":
        return "no_adult_law"
    if whole.early == "juvenile":
        return "possibly_eligible"
    if whole.blocks:
        return "not_covered"
    if whole.uncertain or whole.relief is False:
        return "possibly_eligible"
    return "likely_eligible"


NOTHING = Summary(None, False, False, None)


def _fold(options: Iterable[Iterable[Summary]], start: Iterable[Summary] = (NOTHING,)) -> set[Summary]:
    """Every whole some choice of one outcome per group gives (folded group by group: a few states)."""
    wholes = set(start)
    for option in options:
        wholes = {_join(w, s) for w in wholes for s in set(option)}
    return wholes


class _Space:
    """The groups' outcomes, folded once, so narrowing one or two groups costs a few joins."""

    def __init__(self, summaries: list[list[Summary]]) -> None:
        self.options = [set(o) for o in summaries]
        self._others: dict[tuple[int, ...], set[Summary]] = {}

    @classmethod
    def of(cls, groups: list[_Group]) -> _Space:
        return cls([[c.summary for c in g.combos] for g in groups])

    def verdicts(self, narrowed: Mapping[int, Iterable[Summary]] | None = None) -> set[Verdict]:
        narrowed = narrowed or {}
        key = tuple(sorted(narrowed))
        base = self._others.get(key)
        if base is None:
            base = self._others[key] = _fold(o for i, o in enumerate(self.options) if i not in narrowed)
        return {_verdict(w) for w in _fold(narrowed.values(), base)}


def _given_and_unsure(answers: Answers, index: int) -> tuple[dict[str, Any], list[str]]:
    """A record's facts as answered, and the answers the person was not sure about."""
    rec = answers.records[index]
    given: dict[str, Any] = {name: getattr(rec, name) for name in ANSWER_FIELDS}
    unsure = [k for k in UNSURE_DOMAIN if given.get(k) == UNSURE]
    if given["felony_class"] == UNSURE and given["level"] == "felony":
        unsure.append("felony_class")  # tried under each class where the law has them (unsure_domain)
    if given["drug_charge"] == UNSURE and given["offense"] == "drug":
        unsure.append("drug_charge")  # tried as having and as selling where the law tells them apart
    if given.get("record") == "juvenile_adjudication":
        unsure = [k for k in unsure if k != "age"]  # a juvenile record is from before 18
    given["trafficking_ended"] = answers.trafficking_ended
    given["documentation"] = tuple(answers.documentation)
    # the person's other convictions, where known: a law may ask for one (Ohio's predicate conviction)
    given["other_convictions"] = tuple(
        sorted(
            {
                (r.jurisdiction, r.offense)
                for i, r in enumerate(answers.records)
                if i != index and r.record == "conviction" and r.offense != UNSURE
            }
        )
    )
    return given, unsure


def merge_forms(reasons: Iterable[Reason], told: Iterable[Reason] = ()) -> list[Reason]:
    """Each form of a sentence once, none already `told`; forms that differ in one value become one
    sentence: "It does not cover a violent charge as a misdemeanor or felony", not the sentence twice."""
    seen = {r.key for r in told}
    out: list[Reason] = []
    for r in reasons:
        if r.key in seen:
            continue
        seen.add(r.key)
        for i, o in enumerate(out):
            same = (o.rule, o.effect, o.text, o.phrases, o.citation) == (
                r.rule,
                r.effect,
                r.text,
                r.phrases,
                r.citation,
            )
            if not same or [k for k, _ in o.params] != [k for k, _ in r.params]:
                continue
            differ = [j for j, ((_, a), (_, b)) in enumerate(zip(o.params, r.params, strict=True)) if a != b]
            if len(differ) == 1:
                j = differ[0]
                name, value = o.params[j]
                params = (*o.params[:j], (name, f"{value} or {r.params[j][1]}"), *o.params[j + 1 :])
                out[i] = o._replace(params=params)
                break
        else:
            out.append(r)
    return out


def why_reasons(r: RecordAssessment) -> tuple[Reason, ...]:
    """What decided the verdict. A record the law does not reach is told why not, and nothing it
    would have met under a law that is not for it (a deadline counted from a conviction it never had)."""
    why = tuple(x for x in r.reasons if x.rule in WHY_RULES)
    if r.verdict != "not_covered":
        return why
    return tuple(x for x in why if x.rule == "adult_law" or x.effect in STOPS)


def _without_moot(reasons: list[Reason]) -> list[Reason]:
    """Drop a "that fits" the record's own facts make moot.

    "It covers this offense" when the law does not reach this kind of record for that charge.
    """
    moot: set[str] = set()
    for r in reasons:
        if r.rule == "record_kind" and r.effect == "blocks" and "charges" in dict(r.params):
            moot.add("offense")
    return [r for r in reasons if not (r.rule in moot and r.effect == "supports")] if moot else reasons


class Evaluator:
    """Evaluates records against one catalog, remembering what it already worked out."""

    def __init__(self, catalog: Catalog, now: int | None = None, today: dt.date | None = None) -> None:
        self.catalog = catalog
        self.today = today or (dt.date(now, 7, 1) if now else clock.today())
        self.now = now or self.today.year
        self.phrases: Phrases = catalog.terms.phrases.model_dump()
        self._laws: dict[str, LawView] = {}
        self._memo: dict[tuple[object, ...], tuple[Reason, ...]] = {}

    def law(self, code: str) -> LawView:
        found = self._laws.get(code)
        if found is None:
            j = self.catalog.jurisdictions[code]
            found = self._laws[code] = LawView(j, j.current, self.catalog.rubric)
        return found

    def run(self, law: LawView, rule: Rule, facts: dict[str, Any]) -> tuple[Reason, ...]:
        """One rule on the facts it reads; remembered by exactly those facts."""
        seen = tuple(map(facts.__getitem__, rule.reads))
        key = (law, rule.name, seen)  # one LawView per place (self.law), so the view itself is the place
        found = self._memo.get(key)
        if found is None:
            view = Only(dict(zip(rule.reads, seen, strict=True)))
            found = self._memo[key] = tuple(rule.check(law, view, self.phrases, self.now))
        return found

    # --- one record --------------------------------------------------------------------------------

    def _groups(self, law: LawView, given: dict[str, Any], unsure: list[str]) -> list[_Group]:
        """Unsure answers read together by some rule form one group; each group is tried on its own."""
        unsure = [name for name in unsure if unsure_domain(law, name)]  # a class where the law has none: as given
        owner = {name: name for name in unsure}

        def find(name: str) -> str:
            while owner[name] != name:
                name = owner[name]
            return name

        reads = [(rule, [n for n in rule.reads if n in owner]) for rule in law.rules]
        for _, names in reads:
            for other in names[1:]:
                owner[find(other)] = find(names[0])
        members: dict[str, list[str]] = {}
        for name in unsure:
            members.setdefault(find(name), []).append(name)
        keys = [*members, ""]  # "" is the group of rules that read no unsure answer
        rules_of: dict[str, list[Rule]] = {k: [] for k in keys}
        for rule, names in reads:
            rules_of[find(names[0]) if names else ""].append(rule)
        relief_key = find("record") if "record" in owner else ""
        out = []
        for k in keys:
            fields = tuple(members.get(k, ()))
            combos = []
            for choice in itertools.product(*(unsure_domain(law, n) for n in fields)):
                values = dict(zip(fields, choice, strict=True))
                facts = {**given, **values}
                combos.append(self._combo(law, rules_of[k], facts, values, k == relief_key))
            out.append(_Group(fields, tuple(rules_of[k]), k == relief_key, combos))
        return out

    def _combo(
        self, law: LawView, rules: list[Rule], facts: dict[str, Any], values: dict[str, str], decides_relief: bool
    ) -> _Combo:
        reasons = {rule.name: self.run(law, rule, facts) for rule in rules}
        early = None
        if ADULT_LAW.name in reasons:
            first = reasons[ADULT_LAW.name][0]
            if first.effect == "no_law":
                early = "no_law"
            elif not law.v.adult_relief:
                early = "juvenile"
        effects = {r.effect for rs in reasons.values() for r in rs}
        relief: tuple[Relief, ...] | None = None
        if decides_relief:
            relief = tuple(r for r in law.v.details.relief if facts["record"] in r.records)
            if facts["connection"] != UNSURE:  # rule_route_link puts the link in the relief's group
                relief = fitting_routes(law, relief, Only(facts))
        if early == "juvenile":
            juvenile = law.v.details.juvenile
            relief = (
                tuple(
                    # built from validated data: no need to build Relief's validator on a cold start;
                    # `sources` given so pydantic need not inspect the default factory (~10 ms, first call)
                    Relief.model_construct(
                        type=t,
                        legal_name=t,
                        records=["juvenile_adjudication"],
                        citation=juvenile.citation,
                        sources=[],
                    )
                    for t in juvenile.relief
                )
                if juvenile is not None
                else ()
            )
        summary = Summary(
            early, "blocks" in effects, "uncertain" in effects, None if relief is None or early else bool(relief)
        )
        return _Combo(values, reasons, relief, summary)

    def assess_record(self, answers: Answers, index: int) -> RecordAssessment:
        rec = answers.records[index]
        if rec.jurisdiction == UNSURE:
            return self._assess_anywhere(answers, index)
        law = self.law(rec.jurisdiction)
        given, unsure = _given_and_unsure(answers, index)
        groups = self._groups(law, given, unsure)
        unsure = [name for name in unsure if any(name in g.fields for g in groups)]
        space = _Space.of(groups)
        verdict = merge_verdicts(space.verdicts())

        what_ifs = []
        for name in unsure:
            gi = next(i for i, g in enumerate(groups) if name in g.fields)
            for value in unsure_domain(law, name):
                found = space.verdicts({gi: [c.summary for c in groups[gi].combos if c.values[name] == value]})
                what_ifs.append(WhatIf(name, value, tuple(sorted(found, key=VERDICTS.index))))

        reasons = tuple(_without_moot(self._common(law, groups)) + self._depends(law, unsure, what_ifs))
        relief = self._relief(groups, space)
        if verdict == "not_covered":
            # The law does not reach the record: nothing to show under it, and only what blocks it is
            # in the way (its hearing or conditions would read as steps that could still help).
            to_show: tuple[Reason, ...] = ()
            obstacles = tuple(r for r in reasons if r.effect in ("blocks", "no_law"))
        else:
            to_show = tuple(r for r in reasons if r.rule in SHOW_RULES and r.effect != "blocks")
            obstacles = tuple(
                r
                for r in reasons
                if r.effect in ("uncertain", "blocks", "no_law") or (r.effect == "note" and r.rule in NOTE_OBSTACLES)
            )
        v = law.v
        if v.adult_relief:
            parts = [law.conf(c.id) for c in self.catalog.rubric.categories] + [
                part.confidence
                for part in (v.details.records, v.details.offenses, v.details.timing)
                if part is not None
            ]
        else:
            parts = [v.details.juvenile.confidence] if v.details.juvenile else []
        return RecordAssessment(
            index=index,
            record=rec,
            jurisdiction=law.j,
            version=v,
            verdict=verdict,
            relief=relief,
            reasons=reasons,
            to_show=to_show,
            obstacles=obstacles,
            what_ifs=tuple(what_ifs),
            unsure_fields=tuple(unsure),
            next_steps=tuple(next_steps(self.catalog, law, rec, verdict)),
            confidence=lowest_confidence(parts),
            juvenile_route=any(c.summary.early == "juvenile" for g in groups for c in g.combos),
        )

    @staticmethod
    def _common(law: LawView, groups: list[_Group]) -> list[Reason]:
        """The reasons true whatever the unsure answers are, in the rules' order."""
        adult = next(g for g in groups if any(r.name == ADULT_LAW.name for r in g.rules))
        early = any(c.summary.early for c in adult.combos)
        out: list[Reason] = []
        for rule in law.rules:
            if early and rule.name != ADULT_LAW.name:
                continue  # some outcomes stop at the adult-law rule and say nothing else
            group = next(g for g in groups if rule in g.rules)
            first, *rest = group.combos
            others = [{r.key: r.effect for r in c.reasons[rule.name]} for c in rest]
            common = [r for r in first.reasons[rule.name] if all(r.key in keys for keys in others)]
            # said whatever the answers are, but weighing differently by answer ("Condition: no open case"
            # met if none is open, in the way if one is): it depends on them, so it is uncertain
            common = [
                r if all(keys[r.key] == r.effect for keys in others) else r._replace(effect="uncertain") for r in common
            ]
            out.extend(common)
            # The rule stops the record whatever the unsure answers are, in words that differ by answer
            # ("as a misdemeanor" / "as a felony"; no adult law / a route for minors that does not reach
            # the charge): each form is true for its answer, and one of them decides.
            blocking = [[r for r in c.reasons[rule.name] if r.effect in STOPS] for c in group.combos]
            if all(blocking) and not any(r.effect in STOPS for r in common):
                out.extend(merge_forms((r for found in blocking for r in found), told=common))
        return out

    @staticmethod
    def _relief(groups: list[_Group], space: _Space) -> tuple[Relief, ...]:
        """Every remedy that reaches the record in some outcome that is (possibly) eligible."""
        found: dict[tuple[str, str], Relief] = {}
        bearing = [i for i, g in enumerate(groups) if g.decides_relief or any(c.relief is not None for c in g.combos)]
        for choice in itertools.product(*(range(len(groups[i].combos)) for i in bearing)):
            chosen = [groups[i].combos[ci] for i, ci in zip(bearing, choice, strict=True)]
            narrowed = {i: [c.summary] for i, c in zip(bearing, chosen, strict=True)}
            if not space.verdicts(narrowed) & set(ELIGIBLE):
                continue
            juvenile = next((c.relief for c in chosen if c.summary.early == "juvenile"), None)
            relief = juvenile if juvenile is not None else next((c.relief for c in chosen if c.relief), ())
            for r in relief or ():
                found.setdefault((r.type, r.legal_name), r)
        return tuple(found.values())

    def _depends(self, law: LawView, unsure: Sequence[str], what_ifs: Sequence[WhatIf]) -> list[Reason]:
        out = []
        for k in unsure:
            if len({w.verdicts for w in what_ifs if w.field == k}) > 1:
                feature = FIELD_FEATURE[k]
                out.append(
                    reason(
                        "depends",
                        "uncertain",
                        "The result depends on an answer {you_were} not sure about: {field}.",
                        feature,
                        law.cite(feature),
                        law.conf(feature),
                        phrases={"field": self.catalog.terms.field(k)},  # a phrase: "how old {you_were}"
                        basis="answer",
                    )
                )
        return out

    def _assess_anywhere(self, answers: Answers, index: int) -> RecordAssessment:
        """Not sure where the record is from: check it under every jurisdiction and say where it would fit."""
        rec = answers.records[index]
        given, unsure_here = _given_and_unsure(answers, index)  # the same facts, whatever the place
        # Only each place's verdict is shown, so only the verdict is weighed (no what-ifs or reasons).
        per_place = {
            code: merge_verdicts(_Space.of(groups).verdicts())
            for code in self.catalog.jurisdictions
            for groups in [self._groups(self.law(code), given, unsure_here)]
        }
        verdict = merge_verdicts(per_place.values())
        what_ifs = tuple(WhatIf("jurisdiction", code, (v,)) for code, v in per_place.items())
        depends = reason(
            "depends",
            "uncertain",
            "The result depends on where the record is from. Each state's law is different.",
            "range_of_relief",
            "each jurisdiction's own law (see its report card)",
            None,
            basis="answer",
        )
        relief: tuple[Relief, ...] = ()  # each place has its own remedies: the result groups the places instead
        unsure = ("jurisdiction", *unsure_here)
        return RecordAssessment(
            index=index,
            record=rec,
            jurisdiction=None,
            version=None,
            verdict=verdict,
            relief=relief,
            reasons=(depends,),
            to_show=(),
            obstacles=(depends,),
            what_ifs=what_ifs,
            unsure_fields=unsure,
            next_steps=(),
            confidence="low",
            juvenile_route=False,
        )

    # --- the whole assessment ----------------------------------------------------------------------

    def assess(self, answers: Answers) -> Assessment:
        records = tuple(self.assess_record(answers, i) for i in range(len(answers.records)))
        codes = list(dict.fromkeys(r.jurisdiction.code for r in records if r.jurisdiction is not None))
        cards = {c.jurisdiction.code: c for c in scorecards(self.catalog)} if codes else {}
        juris = tuple(
            JurisdictionAssessment(
                self.catalog.jurisdictions[code],
                self.catalog.jurisdictions[code].current,
                cards[code],
                gaps(cards[code]),
            )
            for code in codes
        )
        return Assessment(answers, answers.voice, records, juris, self.now, self.today)


def assess(catalog: Catalog, answers: Answers, now: int | None = None) -> Assessment:
    return Evaluator(catalog, now).assess(answers)


def assess_record(catalog: Catalog, answers: Answers, index: int, now: int | None = None) -> RecordAssessment:
    return Evaluator(catalog, now).assess_record(answers, index)


def every_outcome(evaluator: Evaluator, answers: Answers, index: int) -> list[tuple[dict[str, str], Verdict]]:
    """Every fully known version of the record and its verdict, by listing them all (slow; for tests)."""
    rec = answers.records[index]
    law = evaluator.law(rec.jurisdiction)
    given, unsure = _given_and_unsure(answers, index)
    unsure = [k for k in unsure if unsure_domain(law, k)]
    out = []
    for choice in itertools.product(*(unsure_domain(law, k) for k in unsure)):
        values = dict(zip(unsure, choice, strict=True))
        facts = {**given, **values}
        combo = evaluator._combo(law, list(law.rules), facts, values, True)
        out.append((values, _verdict(combo.summary)))
    return out


__all__ = ["Evaluator", "Facts", "assess", "assess_record", "every_outcome", "merge_verdicts"]
