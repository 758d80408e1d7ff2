"""Load and validate all data once: rubrics, jurisdictions (and, later, flows).

Every problem found is collected (not just the first), each naming file, line, field, value and
what is allowed. Nothing here raises a traceback for bad data: callers get `DataInvalid`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from ..models.common import CONNECTIONS, UNKNOWN, UNSURE, VOICE_TOKENS, date_key, voice_tokens
from ..models.flow import Flow
from ..models.guide import Guide
from ..models.jurisdiction import (
    PROCESS_PARTS,
    RECORD_KINDS,
    ConditionCode,
    Jurisdiction,
    LawVersion,
    OffenseKind,
)
from ..models.rubric import RULES_READ, Level, Rubric
from ..models.terms import Terms
from .paths import data_root
from .problems import DataInvalid, Problem, closest, field_path, from_validation_error
from .yamlio import LineDict, YamlProblem, line_of, load_file

DEFAULT_FLOW = "screening"
TERMS_FILE = "terms"


@dataclass(frozen=True)
class Catalog:
    root: Path
    rubrics: dict[str, Rubric]
    default_rubric_id: str
    jurisdictions: dict[str, Jurisdiction]
    flows: dict[str, Flow]
    terms: Terms
    guides: Mapping[str, Guide] = field(default_factory=dict)  # what to do after the verdict; 'national' too
    # What the core works out once from this (unchanging) data, e.g. every report card ranked
    memo: dict[Any, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    @property
    def flow(self) -> Flow:
        return self.flows[DEFAULT_FLOW]

    @property
    def rubric(self) -> Rubric:
        return self.rubrics[self.default_rubric_id]

    def jurisdiction(self, code: str) -> Jurisdiction | None:
        return self.jurisdictions.get(code.upper())

    def felony_classes(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """(code, label) of each felony class, for every law in force that reaches felonies by class."""
        found = self.memo.get("felony_classes")
        if found is None:
            found = self.memo["felony_classes"] = {
                code: tuple((c.code, c.label) for c in offenses.felony_classes)
                for code, j in self.jurisdictions.items()
                if (offenses := j.current.details.offenses) is not None and offenses.felony_classes
            }
        return found

    def law_lists(self) -> dict[str, dict[str, frozenset[str]]]:
        """For each list a question may depend on (`where_law_lists`): the places whose law in force has it, each
        with the kinds of record that law reaches (for another kind the answer could change nothing)."""
        found = self.memo.get("law_lists")
        if found is None:

            def reached(j: Jurisdiction) -> frozenset[str]:
                records = j.current.details.records
                return frozenset(k for k in RECORD_KINDS if records is None or records.coverage(k) != "not_covered")

            found = self.memo["law_lists"] = {
                "drug_charges": {
                    code: reached(j)
                    for code, j in self.jurisdictions.items()
                    if (offenses := j.current.details.offenses) is not None and offenses.drug_charges
                }
            }
        return found

    def felony_class_codes(self) -> dict[str, tuple[str, ...]]:
        return {code: tuple(c for c, _ in classes) for code, classes in self.felony_classes().items()}


@dataclass
class _Parsed:
    path: Path
    display: str
    data: Any
    model: BaseModel | None


def _display(path: Path, root: Path | None) -> str:
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            continue
    return str(path)


def _parse(path: Path, model: type[BaseModel], root: Path | None, problems: list[Problem]) -> _Parsed:
    shown = _display(path, root)
    try:
        data = load_file(path)
    except YamlProblem as exc:
        problems.append(Problem(shown, exc.message, exc.line))
        return _Parsed(path, shown, None, None)
    if data is None:
        problems.append(Problem(shown, "the file is empty; expected a mapping of fields"))
        return _Parsed(path, shown, None, None)
    if not isinstance(data, LineDict):
        problems.append(Problem(shown, f"expected a mapping of fields at the top, found {type(data).__name__}", 1))
        return _Parsed(path, shown, data, None)
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        problems.extend(from_validation_error(exc, model, data, shown))
        return _Parsed(path, shown, data, None)
    return _Parsed(path, shown, data, parsed)


class _Reporter:
    """Adds problems for one parsed file, finding the line from a field path."""

    def __init__(self, parsed: _Parsed, problems: list[Problem]) -> None:
        self.parsed = parsed
        self.problems = problems

    def add(
        self,
        loc: Sequence[str | int],
        message: str,
        allowed: Sequence[str] = (),
        value: object = None,
    ) -> None:
        self.problems.append(
            Problem(
                self.parsed.display,
                message,
                line_of(self.parsed.data, loc),
                field_path(loc),
                tuple(allowed),
                closest(value, list(allowed)) if value is not None else None,
            )
        )


# --- rubric checks ------------------------------------------------------------------------------


def _declares(level: Level, path: str) -> bool:
    """The level writes this attribute out (even as null), so the rules know how to read it."""
    head, _, rest = path.partition(".")
    value = getattr(level, head)
    if value is None:
        return False
    return not rest or rest in value.model_fields_set


def _check_connections(meets: Mapping[str, str] | None, loc: tuple[str | int, ...], rep: _Reporter) -> None:
    """How answers meet a link test: every key must be an answer about the connection to the trafficking."""
    for answer in meets or {}:
        if answer not in CONNECTIONS:
            rep.add(
                (*loc, answer),
                f"'{answer}' is not an answer about the connection to the trafficking",
                CONNECTIONS,
                answer,
            )


# A feature's own words for the person, where the graded level's would mislead: which categories may have
# them, and what is said when they are elsewhere or have no note on their source.
_WORDS_FOR_THE_PERSON = {
    "in_practice": (
        ("burden_of_proof", "hearing"),
        "only the burden of proof and the hearing say what applies in practice",
        "a feature that says what applies in practice needs a note on where that comes from",
    ),
    "must_show": (
        ("nexus",),
        "only the nexus says what its own words ask the person to show",
        "a feature that says what the person must show needs a note on its source",
    ),
}


def _check_feature_records(
    v: LawVersion, cat_id: str, records: Sequence[str], loc: tuple[str | int, ...], rep: _Reporter
) -> None:
    """A reading for some kinds of record only: a part of the process, for kinds the law reaches."""
    if cat_id not in PROCESS_PARTS:
        rep.add((*loc, "records"), f"only {', '.join(PROCESS_PARTS)} can be read for some kinds of record")
    reached = {kind for r in (v.details.relief if v.details is not None else []) for kind in r.records}
    for ri, kind in enumerate(records):
        if kind not in reached:
            rep.add((*loc, "records", ri), f"'{kind}' is not a kind of record any of this law's routes reaches")
    if records and set(records) >= reached:
        rep.add((*loc, "records"), "every kind of record the law reaches is listed: leave 'records' out")


def _check_tokens(words: str | None, loc: tuple[str | int, ...], rep: _Reporter) -> None:
    """Words read to the person may name only the tokens a voice fills ({You}, {you_were}, ...)."""
    unknown = sorted(voice_tokens(words) - VOICE_TOKENS) if words else []
    if unknown:
        rep.add(loc, f"unknown word(s) in braces {unknown}; only these are filled in: {sorted(VOICE_TOKENS)}")


def _check_rubric(rubric: Rubric, rep: _Reporter) -> None:
    seen_ids: set[str] = set()
    for ci, category in enumerate(rubric.categories):
        if category.id in seen_ids:
            rep.add(("categories", ci, "id"), f"category id '{category.id}' is listed twice")
        seen_ids.add(category.id)
        seen_codes: set[str] = set()
        best = max(level.points for level in category.levels)
        for li, level in enumerate(category.levels):
            if level.points < best and not level.means:
                rep.add(
                    ("categories", ci, "levels", li, "means"),
                    "a level below the best needs 'means': what falling short here means for the person",
                )
            _check_tokens(level.means, ("categories", ci, "levels", li, "means"), rep)
            if level.code == UNKNOWN:
                rep.add(
                    ("categories", ci, "levels", li, "code"), "'unknown' is reserved for features no source settles"
                )
            if level.code in seen_codes:
                rep.add(("categories", ci, "levels", li, "code"), f"level code '{level.code}' is listed twice")
            seen_codes.add(level.code)
            for key in ("meets", "meets_during"):
                _check_connections(getattr(level, key), ("categories", ci, "levels", li, key), rep)
            needed = RULES_READ.get(category.id)
            if needed is not None and not _declares(level, needed):
                rep.add(
                    ("categories", ci, "levels", li, needed.split(".")[0]),
                    f"eligibility cannot interpret this level: it must declare '{needed}' "
                    "(how a law at this level bears on a person's case)",
                )
            if level.meets is not None and set(level.meets) != set(CONNECTIONS):
                missing = sorted(set(CONNECTIONS) - set(level.meets))
                if missing:
                    rep.add(("categories", ci, "levels", li, "meets"), f"'meets' must say: {', '.join(missing)}")
    ids = {c.id for c in rubric.categories}
    for cid in sorted(set(RULES_READ) - ids):
        rep.add(("categories",), f"eligibility reads the category '{cid}', which this rubric does not have")
    for code in sorted(set(get_args(ConditionCode)) - set(rubric.conditions)):
        rep.add(("conditions",), f"eligibility cannot interpret the condition '{code}': add it under 'conditions'")
    total = sum(c.max_points for c in rubric.categories)
    if total != rubric.max_points:
        rep.add(("max_points",), f"the category maxima add up to {total}, but max_points is {rubric.max_points}")
    mins = [band.min for band in rubric.grading.bands]
    if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
        rep.add(("grading", "bands"), "grade bands must go from highest to lowest, each with its own min")
    elif mins[-1] != 0:
        rep.add(("grading", "bands"), "the lowest grade band must start at 0")


# --- jurisdiction checks ------------------------------------------------------------------------


def _source_refs(obj: Any, loc: tuple[str | int, ...]) -> Iterable[tuple[tuple[str | int, ...], str]]:
    """Every source id referenced anywhere in a version or bill, with its location."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if name == "sources" and isinstance(value, list):
                for i, ref in enumerate(value):
                    yield (*loc, "sources", i), ref
            else:
                yield from _source_refs(value, (*loc, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _source_refs(item, (*loc, i))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from _source_refs(item, (*loc, key))


def _check_jurisdiction(
    j: Jurisdiction, rep: _Reporter, rubrics: dict[str, Rubric], default_rubric: Rubric | None
) -> None:
    stem = rep.parsed.path.stem
    if stem != j.code:
        rep.add(("code",), f"the code '{j.code}' does not match the file name '{rep.parsed.path.name}'")
    if (j.code == "US") != (j.kind == "federal"):
        rep.add(("kind",), "code US and kind 'federal' go together")
    if (j.code == "DC") != (j.kind == "district"):
        rep.add(("kind",), "code DC and kind 'district' go together")

    keys = [date_key(v.effective) for v in j.versions]
    if keys != sorted(keys) or len(set(keys)) != len(keys):
        order = ", ".join(f"{v.id} ({v.effective})" for v in j.versions)
        rep.add(("versions",), f"versions must be listed oldest first, each with its own date; found {order}")
    ids = [v.id for v in j.versions]
    for vi, vid in enumerate(ids):
        if ids.index(vid) != vi:
            rep.add(("versions", vi, "id"), f"version id '{vid}' is used twice")
    if date_key(j.as_of) < date_key(j.current.effective):
        rep.add(("as_of",), f"as_of {j.as_of} is earlier than the newest version ({j.current.effective})")

    known_sources = list(j.sources)
    for loc, ref in _source_refs(j.versions, ("versions",)):
        if ref not in j.sources:
            rep.add(loc, f"source '{ref}' is not in this file's sources", known_sources, ref)
    for loc, ref in _source_refs(j.pending, ("pending",)):
        if ref not in j.sources:
            rep.add(loc, f"source '{ref}' is not in this file's sources", known_sources, ref)

    for vi, version in enumerate(j.versions):
        _check_version(version, ("versions", vi), rep, rubrics, default_rubric)


def _category_lookup(rubrics: dict[str, Rubric]) -> dict[str, list[str]]:
    codes: dict[str, list[str]] = {}
    for rubric in rubrics.values():
        for category in rubric.categories:
            codes.setdefault(category.id, [])
            for code in category.codes:
                if code not in codes[category.id]:
                    codes[category.id].append(code)
    return codes


def _check_version(
    v: LawVersion,
    loc: tuple[str | int, ...],
    rep: _Reporter,
    rubrics: dict[str, Rubric],
    default_rubric: Rubric | None,
) -> None:
    categories = _category_lookup(rubrics)
    if not v.adult_relief and v.features:
        rep.add(
            (*loc, "features"),
            "a law without adult relief is not graded (it scores 0); leave features out and describe "
            "any juvenile route under details.juvenile",
        )
    for cat_id, feature in v.features.items():
        floc = (*loc, "features", cat_id)
        if cat_id not in categories:
            rep.add(floc, f"'{cat_id}' is not a category of any rubric", sorted(categories), cat_id)
            continue
        allowed = [*categories[cat_id], UNKNOWN]
        if feature.value not in allowed:
            rep.add((*floc, "value"), f"'{feature.value}' is not a level of '{cat_id}'", allowed, feature.value)
        for ai, alt in enumerate(feature.alternatives):
            if alt not in categories[cat_id] or alt == feature.value:
                rep.add(
                    (*floc, "alternatives", ai), f"'{alt}' is not another level of '{cat_id}'", categories[cat_id], alt
                )
        if feature.scored_as is not None:
            if feature.scored_as not in categories[cat_id] or feature.scored_as == feature.value:
                rep.add(
                    (*floc, "scored_as"),
                    f"'{feature.scored_as}' must be another level of '{cat_id}' (the published card's reading)",
                    categories[cat_id],
                    feature.scored_as,
                )
            if not feature.note:
                rep.add((*floc, "note"), "a feature scored differently from the statute's words needs a note on why")
        for name, (its_categories, only, needs_note) in _WORDS_FOR_THE_PERSON.items():
            words = getattr(feature, name)
            if words is None:
                continue
            if cat_id not in its_categories:
                rep.add((*floc, name), only)
            if not feature.note:
                rep.add((*floc, "note"), needs_note)
            _check_tokens(words, (*floc, name), rep)
        if feature.records is not None:
            _check_feature_records(v, cat_id, feature.records, floc, rep)
        if feature.meets_during is not None:
            if cat_id != "nexus":
                rep.add((*floc, "meets_during"), "only the nexus says how its test is met by the person's dates")
            elif not feature.note:
                rep.add((*floc, "note"), "a nexus that overrides its level's meets_during needs a note on why")
            _check_connections(feature.meets_during, (*floc, "meets_during"), rep)
        if feature.value == UNKNOWN:
            if not feature.note:
                rep.add((*floc, "note"), "an unknown feature needs a note saying what is uncertain")
        else:
            if not feature.citation:
                rep.add((*floc, "citation"), "a known feature needs the statute citation (section and subsection)")
            if not feature.sources:
                rep.add((*floc, "sources"), "a known feature needs at least one source")

    if not v.adult_relief:
        return
    if default_rubric is not None:
        missing = [c.id for c in default_rubric.categories if c.id not in v.features]
        if missing:
            rep.add(
                (*loc, "features"),
                f"missing categories of the {default_rubric.id} rubric: {', '.join(missing)} "
                "(write value: unknown with a note when no source settles one)",
            )
    d = v.details
    dloc = (*loc, "details")
    for name in ("records", "offenses", "timing", "documentation"):
        if getattr(d, name) is None:
            rep.add((*dloc, name), f"a law with adult relief needs details.{name}")
    if not d.relief:
        rep.add((*dloc, "relief"), "a law with adult relief needs at least one entry in details.relief")
    links = categories.get("nexus", [])
    for ri, relief in enumerate(d.relief):
        if relief.nexus is not None and (relief.nexus not in links or not relief.nexus_quote):
            rep.add(
                (*dloc, "relief", ri, "nexus"),
                f"a route's own link test must be a level of 'nexus', with the route's words in nexus_quote "
                f"(got '{relief.nexus}')",
                links,
                relief.nexus,
            )
    if d.records is not None:
        for ri, relief in enumerate(d.relief):
            for ki, kind in enumerate(relief.records):
                if d.records.coverage(kind) == "not_covered":
                    rep.add(
                        (*dloc, "relief", ri, "records", ki),
                        f"relief reaches '{kind}' records, but details.records says {kind}: not_covered",
                    )
        reached = {kind for relief in d.relief for kind in relief.records}
        for kind in RECORD_KINDS:
            if d.records.coverage(kind) == "covered" and kind not in reached:
                rep.add((*dloc, "records", kind), f"'{kind}' is covered, but no details.relief entry lists it")
        for kind in d.records.which:
            if d.records.coverage(kind) != "some" or kind in d.records.charges:
                rep.add(
                    (*dloc, "records", "which", kind),
                    f"'which' is given for '{kind}' records, but it is only for a kind marked some "
                    "without a charge list (details.records says "
                    f"{kind}: {d.records.coverage(kind)})",
                )
        for kind in d.records.charges:
            if d.records.coverage(kind) != "some":
                rep.add(
                    (*dloc, "records", "charges", kind),
                    f"charges are listed for '{kind}' records, but details.records says {kind}: "
                    f"{d.records.coverage(kind)} (list them only for a kind marked some)",
                )

    _consistent(v, loc, rep)


def _consistent(v: LawVersion, loc: tuple[str | int, ...], rep: _Reporter) -> None:
    """Features and details must tell the same story, so the score and the explanation agree."""
    f = v.features
    d = v.details
    conditions = f.get("additional_restrictive_conditions")
    if conditions is not None:
        if conditions.value == "none" and d.conditions:
            rep.add(
                (*loc, "details", "conditions"), "the feature says no restrictive conditions, but conditions are listed"
            )
        if conditions.value == "explicit_conditions" and not d.conditions:
            rep.add(
                (*loc, "details", "conditions"), "the feature says explicit conditions; list them in details.conditions"
            )
    timing = f.get("time_limits")
    if timing is not None and d.timing is not None:
        t = d.timing
        if timing.value == "none" and (t.limits or t.waits or t.reasonable_time):
            rep.add((*loc, "details", "timing"), "the feature says no time limit or wait, but details.timing sets one")
        if timing.value == "explicit_limit" and not (t.limits or t.waits):
            rep.add(
                (*loc, "details", "timing"), "the feature says an explicit limit or wait; give it in limits or waits"
            )
        _check_tokens(t.reasonable_time, (*loc, "details", "timing", "reasonable_time"), rep)
        if timing.value == "lenient" and not t.reasonable_time:
            rep.add((*loc, "details", "timing", "reasonable_time"), "lenient timing needs the law's words here")
    if d.records is not None:
        # a wait or a condition for some kinds of record: only kinds the law reaches
        periods = [("limits", d.timing.limits), ("waits", d.timing.waits)] if d.timing is not None else []
        scoped: list[tuple[tuple[str | int, ...], str, list[str]]] = [
            (("timing", name, pi), "period", list(period.records))
            for name, ps in periods
            for pi, period in enumerate(ps)
        ]
        scoped += [(("conditions", ci), "condition", list(cond.records)) for ci, cond in enumerate(d.conditions)]
        for where, what, kinds in scoped:
            for ki, kind in enumerate(kinds):
                if d.records.coverage(kind) == "not_covered":
                    rep.add(
                        (*loc, "details", *where, "records", ki),
                        f"this {what} is for '{kind}' records, but details.records says {kind}: not_covered",
                    )
    for ci, cond in enumerate(d.conditions):
        _check_tokens(cond.text, (*loc, "details", "conditions", ci, "text"), rep)
    for ri, rel in enumerate(d.relief):
        _check_tokens(rel.effect, (*loc, "details", "relief", ri, "effect"), rep)
    for oi, route in enumerate(d.other_routes):
        _check_tokens(route.summary, (*loc, "details", "other_routes", oi, "summary"), rep)
    if d.juvenile is not None:
        _check_tokens(d.juvenile.summary, (*loc, "details", "juvenile", "summary"), rep)
    docs = f.get("official_documentation")
    if docs is not None and docs.value == "presumption" and (d.documentation is None or not d.documentation.documents):
        rep.add((*loc, "details", "documentation", "documents"), "a presumption needs the documents that create it")
    _records_agree(v, loc, rep)
    _offenses_agree(v, loc, rep)
    _felony_classes_agree(v, loc, rep)
    _drug_charges_agree(v, loc, rep)


_OFFENSE_KINDS: tuple[str, ...] = get_args(OffenseKind)


def _records_agree(v: LawVersion, loc: tuple[str | int, ...], rep: _Reporter) -> None:
    """The arrests level and details.records must say the same thing about non-conviction records."""
    arrests = v.features.get("arrests_and_adjudications")
    records = v.details.records
    if arrests is None or records is None:
        return
    reached = [k for k in ("arrest", "dismissed") if records.coverage(k) in ("covered", "some")]
    if arrests.value == "convictions_only" and reached:
        rep.add(
            (*loc, "details", "records", reached[0]),
            f"the feature says convictions only, but details.records covers {' and '.join(reached)} records",
        )
    if arrests.value == "comprehensive" and not reached:
        rep.add(
            (*loc, "details", "records"),
            "the feature says arrests and other non-conviction records are covered, but details.records covers none",
        )


def _offenses_agree(v: LawVersion, loc: tuple[str | int, ...], rep: _Reporter) -> None:
    """The offences level and details.offenses must not contradict each other."""
    level = v.features.get("offenses_covered")
    offenses = v.details.offenses
    if level is None or offenses is None:
        return
    oloc = (*loc, "details", "offenses")

    def cover(kind: str, lvl: str) -> str:
        return offenses.coverage(kind, lvl)

    if level.value == "prostitution_sex_only":
        loose = [
            f"{lvl} {kind}"
            for lvl in ("misdemeanor", "felony")
            for kind in _OFFENSE_KINDS
            if kind not in ("prostitution", "sex_related") and cover(kind, lvl) != "not_covered"
        ]
        if loose:
            rep.add(
                oloc,
                "the feature says prostitution or sex offences only, but details.offenses leaves other offences "
                f"covered or unknown: {', '.join(loose[:4])}{' ...' if len(loose) > 4 else ''}",
            )
    if level.value == "all_offenses":
        levels = ("misdemeanor", "felony")
        short = [f"{lvl} {k}" for lvl in levels for k in _OFFENSE_KINDS if cover(k, lvl) != "covered"]
        if short:
            rep.add(oloc, f"the feature says all offences, but details.offenses does not cover: {', '.join(short[:4])}")
    if level.value in ("all_misdemeanors", "prostitution_enumerated_misdemeanors"):
        felonies = [k for k in _OFFENSE_KINDS if cover(k, "felony") == "covered"]
        if felonies:
            rep.add(
                (*oloc, "felony"),
                f"the feature says misdemeanors only, but details.offenses covers felonies: {', '.join(felonies[:4])}",
            )
    if level.value == "all_misdemeanors":
        short = [k for k in _OFFENSE_KINDS if cover(k, "misdemeanor") in ("not_covered", "unknown")]
        if short:
            rep.add(
                (*oloc, "misdemeanor"),
                f"the feature says every misdemeanor, but details.offenses does not cover: {', '.join(short[:4])}",
            )


def _felony_classes_agree(v: LawVersion, loc: tuple[str | int, ...], rep: _Reporter) -> None:
    """The classes add up to the felony line: what every class says alike, the line must say; where
    they differ, the line must say `some`. Codes are unique, and a lone class answers nothing."""
    offenses = v.details.offenses
    known = [c.code for c in offenses.felony_classes] if offenses is not None else []
    for ri, route in enumerate(v.details.other_routes):
        for ci, code in enumerate(route.felony_classes):
            if code not in known:
                where = (
                    "is not one of details.offenses.felony_classes"
                    if known
                    else "needs details.offenses.felony_classes"
                )
                rep.add((*loc, "details", "other_routes", ri, "felony_classes", ci), f"'{code}' {where}", tuple(known))
    if offenses is None or not offenses.felony_classes:
        return
    cloc = (*loc, "details", "offenses", "felony_classes")
    classes = offenses.felony_classes
    codes = [c.code for c in classes]
    if len(classes) < 2:
        rep.add(cloc, "list every class of the state's scheme (at least two), or none")
    twice = sorted({c for c in codes if codes.count(c) > 1})
    if twice:
        rep.add(cloc, f"each class code once: {', '.join(twice)}")
    for kind in _OFFENSE_KINDS:
        seen = {c.offenses.coverage(kind) for c in classes}
        line = offenses.coverage(kind, "felony")
        want = seen.pop() if len(seen) == 1 else "some"
        if line != want:
            rep.add(
                (*loc, "details", "offenses", "felony"),
                f"{kind}: the felony classes add up to '{want}', but the felony line says '{line}'",
            )


def _drug_charges_agree(v: LawVersion, loc: tuple[str | int, ...], rep: _Reporter) -> None:
    """Having drugs and selling them add up to the drug line at each level: alike, the line says the
    same; different, the line says `some` (or `unknown` where one of them is unknown). Both kinds or
    none, and never with felony classes (a felony would then have two lines)."""
    offenses = v.details.offenses
    if offenses is None or not offenses.drug_charges:
        return
    dloc = (*loc, "details", "offenses", "drug_charges")
    if len(offenses.drug_charges) < 2:
        rep.add(dloc, "give both kinds (possession and sale), or none")
        return
    if offenses.felony_classes:
        rep.add(dloc, "a law with felony_classes cannot also tell drug charges apart: give one of the two")
    for level in ("misdemeanor", "felony"):
        seen = {d.coverage(level) for d in offenses.drug_charges.values()}
        line = offenses.coverage("drug", level)
        allowed = seen if len(seen) == 1 else {"some", "unknown"} if "unknown" in seen else {"some"}
        if line not in allowed:
            want = " or ".join(f"'{a}'" for a in sorted(allowed))
            rep.add(
                (*loc, "details", "offenses", level),
                f"drug: possession and sale add up to {want}, but the {level} line says '{line}'",
            )


# --- flow checks --------------------------------------------------------------------------------


def _answer_contract() -> dict[str, tuple[str, ...]]:
    """Allowed codes of each answers-file field (from the Answers model), for checking a flow."""
    from ..models.answers import Answers, RecordAnswers
    from .problems import literal_values

    out: dict[str, tuple[str, ...]] = {}
    for model in (Answers, RecordAnswers):
        for name, info in model.model_fields.items():
            tp = info.annotation
            if name == "documentation":
                import typing

                tp = typing.get_args(tp)[0]
            out[name] = literal_values(tp)
    return out


def _asked_before(
    flow: Flow, seen: dict[str, int], answer: str, qid: str, loc: tuple[str | int, ...], rep: _Reporter
) -> Any:
    """The earlier question an answer names (for `when` and `text_by` alike), or a problem and None."""
    if answer in seen:
        return flow.questions[seen[answer]]
    rep.add((*loc, "answer"), f"'{answer}' is not a question asked before '{qid}'", list(seen), answer)
    return None


def _check_flow(flow: Flow, rep: _Reporter) -> None:
    contract = _answer_contract()
    seen: dict[str, int] = {}
    group_started = group_ended = False
    loops = 0
    for qi, q in enumerate(flow.questions):
        qloc: tuple[str | int, ...] = ("questions", qi)
        if q.id in seen:
            rep.add((*qloc, "id"), f"question id '{q.id}' is used twice")
        if q.group is not None:
            if group_ended:
                rep.add((*qloc, "group"), "the questions of a group must come one after another")
            group_started = True
        elif group_started:
            group_ended = True
        if q.loop:
            loops += 1
            last_in_group = qi + 1 == len(flow.questions) or flow.questions[qi + 1].group is None
            if q.kind != "yes_no" or q.group is None or not last_in_group:
                rep.add((*qloc, "loop"), "the loop question must be the last yes/no question of its group")
        if q.kind in ("single", "multiple", "yes_no") and not q.options and q.options_from is None:
            rep.add((*qloc, "options"), f"a {q.kind} question needs options")
        if q.unsure_means is not None and q.unsure_means not in q.codes:
            rep.add(
                (*qloc, "unsure_means"),
                f"'{q.unsure_means}' is not one of this question's options",
                q.codes,
                q.unsure_means,
            )
        if q.kind == "yes_no" and sorted(q.codes) != ["no", "yes"]:
            rep.add((*qloc, "options"), "a yes/no question has exactly the options 'yes' and 'no'")
        codes = [o.code for o in [*q.options, *q.extra_years]]
        for oi, code in enumerate(q.codes):
            if code == UNSURE:
                rep.add((*qloc, "options", oi, "code"), "'unsure' is added to every question; do not list it")
            if codes.count(code) > 1:
                rep.add((*qloc, "options", oi, "code"), f"option code '{code}' is listed twice")
        allowed = contract.get(q.id)
        if allowed:
            for oi, opt in enumerate([*q.options, *q.extra_years]):
                if opt.code not in allowed:
                    rep.add(
                        (*qloc, "options", oi, "code"),
                        f"'{opt.code}' is not a code the answers file allows for '{q.id}'",
                        allowed,
                        opt.code,
                    )

        asked = _asked_before(flow, seen, q.when.answer, q.id, (*qloc, "when"), rep) if q.when is not None else None
        if q.when is not None and asked is not None and asked.options:
            choices = [*asked.codes, UNSURE]
            for ci, code in enumerate(q.when.codes):
                if code not in choices:
                    field = "one_of" if q.when.one_of is not None else "none_of"
                    where = (*qloc, "when", field, ci)
                    rep.add(where, f"'{code}' is not an answer to '{q.when.answer}'", choices, code)
        by = q.text_by
        asked = _asked_before(flow, seen, by.answer, q.id, (*qloc, "text_by"), rep) if by is not None else None
        if by is not None and asked is not None and asked.options:
            for code in by.texts:
                if code not in asked.codes:
                    where = (*qloc, "text_by", "texts", code)
                    rep.add(where, f"'{code}' is not an answer to '{by.answer}'", asked.codes, code)
        seen[q.id] = qi
    if loops != (1 if group_started else 0):
        rep.add(("questions",), "a group of repeated questions needs exactly one loop question at its end")


# --- loading ------------------------------------------------------------------------------------


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("_"))


def _load_rubrics(
    files: Sequence[Path], root: Path | None, problems: list[Problem]
) -> dict[str, tuple[Rubric, _Parsed]]:
    rubrics: dict[str, tuple[Rubric, _Parsed]] = {}
    for path in files:
        parsed = _parse(path, Rubric, root, problems)
        if isinstance(parsed.model, Rubric):
            rubric = parsed.model
            rep = _Reporter(parsed, problems)
            if rubric.id != path.stem:
                rep.add(("id",), f"the id '{rubric.id}' does not match the file name '{path.name}'")
            if rubric.id in rubrics:
                rep.add(("id",), f"rubric id '{rubric.id}' is also used by {rubrics[rubric.id][1].display}")
            _check_rubric(rubric, rep)
            rubrics[rubric.id] = (rubric, parsed)
    return rubrics


def _load_jurisdictions(
    files: Sequence[Path],
    root: Path | None,
    rubrics: dict[str, Rubric],
    default_rubric: Rubric | None,
    problems: list[Problem],
) -> dict[str, Jurisdiction]:
    found: dict[str, tuple[Jurisdiction, _Parsed]] = {}
    for path in files:
        parsed = _parse(path, Jurisdiction, root, problems)
        if not isinstance(parsed.model, Jurisdiction):
            continue
        j = parsed.model
        rep = _Reporter(parsed, problems)
        if j.code in found:
            rep.add(("code",), f"code '{j.code}' is also used by {found[j.code][1].display}")
            continue
        _check_jurisdiction(j, rep, rubrics, default_rubric)
        _check_published(j, rep, rubrics)
        found[j.code] = (j, parsed)
    return {code: found[code][0] for code in sorted(found)}


def _check_published(j: Jurisdiction, rep: _Reporter, rubrics: dict[str, Rubric]) -> None:
    for vi, version in enumerate(j.versions):
        for si, score in enumerate(version.published_scores):
            sloc: tuple[str | int, ...] = ("versions", vi, "published_scores", si)
            rubric = rubrics.get(score.rubric)
            if rubric is None:
                rep.add((*sloc, "rubric"), f"no rubric called '{score.rubric}'", sorted(rubrics), score.rubric)
                continue
            for cat_id, points in score.categories.items():
                category = rubric.category(cat_id)
                if category is None:
                    rep.add(
                        (*sloc, "categories", cat_id),
                        f"'{cat_id}' is not a category of {rubric.id}",
                        [c.id for c in rubric.categories],
                        cat_id,
                    )
                elif points not in {lvl.points for lvl in category.levels} | {0}:
                    rep.add(
                        (*sloc, "categories", cat_id),
                        f"{points} is not a points value of '{cat_id}'",
                        [str(p) for p in sorted({lvl.points for lvl in category.levels})],
                    )
            grades = [band.grade for band in rubric.grading.bands]
            if score.grade is not None and score.grade not in grades:
                rep.add((*sloc, "grade"), f"'{score.grade}' is not a grade of {rubric.id}", grades, score.grade)


# --- guide checks -------------------------------------------------------------------------------


def _load_guides(
    files: Sequence[Path], root: Path | None, jurisdictions: dict[str, Jurisdiction], problems: list[Problem]
) -> dict[str, Guide]:
    guides: dict[str, Guide] = {}
    for path in files:
        parsed = _parse(path, Guide, root, problems)
        if not isinstance(parsed.model, Guide):
            continue
        guide = parsed.model
        rep = _Reporter(parsed, problems)
        if guide.code != path.stem:
            rep.add(("code",), f"the code '{guide.code}' does not match the file name '{path.name}'")
            continue
        j = jurisdictions.get(guide.code)
        if guide.code != "national" and j is None and jurisdictions:
            rep.add(("code",), f"no jurisdiction '{guide.code}' in states/", sorted(jurisdictions), guide.code)
            continue
        _check_guide(guide, j, rep)
        guides[guide.code] = guide
    return guides


def _check_guide(guide: Guide, j: Jurisdiction | None, rep: _Reporter) -> None:
    """Every source a guide names exists; every route matches a remedy of the law in force."""
    known = set(guide.sources)

    def cited(loc: tuple[str | int, ...], ids: Sequence[str]) -> None:
        for si, sid in enumerate(ids):
            if sid not in known:
                rep.add((*loc, "sources", si), f"no source '{sid}' in this file's sources", sorted(known), sid)

    remedies = {r.type for r in j.current.details.relief} if j is not None else set()
    juvenile = j is not None and j.current.details.juvenile is not None and bool(j.current.details.juvenile.available)
    for ri, route in enumerate(guide.routes):
        rloc: tuple[str | int, ...] = ("routes", ri)
        if j is not None:
            if route.relief == "juvenile" and not juvenile:
                rep.add((*rloc, "relief"), "a juvenile route, but the law in force has no juvenile relief available")
            elif route.relief != "juvenile" and route.relief not in remedies:
                rep.add(
                    (*rloc, "relief"),
                    f"'{route.relief}' is not a remedy of the law in force (details.relief)",
                    sorted(remedies),
                    route.relief,
                )
            reached = {k for r in j.current.details.relief if r.type == route.relief for k in r.records}
            for ki, kind in enumerate(route.records):
                if route.relief != "juvenile" and kind not in reached:
                    rep.add(
                        (*rloc, "records", ki),
                        f"a filing for '{kind}' records, but the law's {route.relief} does not reach them",
                        sorted(reached),
                        kind,
                    )
        for name in (
            "where_to_file",
            "who_may_file",
            "form",
            "fee",
            "service",
            "hearing",
            "sealed_papers",
            "after_order",
            "immigration",
        ):
            fact = getattr(route, name)
            cited((*rloc, name), fact.sources)
            if getattr(fact, "text", "") is not None and not fact.sources:
                rep.add((*rloc, name, "sources"), "a known fact needs at least one source")
    covered = {route.relief for route in guide.routes} | {t for route in guide.routes for t in route.covers}
    for missing in sorted(remedies - covered):
        rep.add(("routes",), f"the law in force has the remedy '{missing}', but no route says how to use it")
    for pi, paper in enumerate(guide.papers):
        cited(("papers", pi), paper.sources)
    for hi, entry in enumerate(guide.help):
        cited(("help", hi), entry.sources)


# The rubric every state file is written against (features must cover all its categories).
DEFAULT_RUBRIC = "polaris-2019"


def _pick_default(rubrics: dict[str, tuple[Rubric, _Parsed]], problems: list[Problem], where: str) -> Rubric | None:
    if not rubrics:
        problems.append(Problem(where, "no rubric files found (expected rubric/*.yaml)"))
        return None
    chosen = DEFAULT_RUBRIC if DEFAULT_RUBRIC in rubrics else sorted(rubrics)[0]
    return rubrics[chosen][0]


def load_catalog(root: Path | None = None) -> Catalog:
    """Load every data file under `root`; raise DataInvalid listing every problem.

    An installed wheel carries a validated snapshot of its data; it is used when it matches the
    files exactly (see snapshot.py). Otherwise the YAML is read and validated.
    """
    root = root or data_root()
    from .snapshot import read_snapshot

    # The data is ~100,000 objects built at once and kept: collecting while they are built finds no
    # garbage, so the collector waits until they are all made (tens of ms of a cold start).
    was_on = gc.isenabled()
    gc.disable()
    try:
        return read_snapshot(root) or load_catalog_from_yaml(root)
    finally:
        if was_on:
            gc.enable()


def _load_flows(root: Path, problems: list[Problem]) -> tuple[dict[str, Flow], Terms | None]:
    flows, terms = _parse_flow_files(_yaml_files(root / "flows"), root, problems)
    where = _display(root / "flows", root)
    if DEFAULT_FLOW not in flows and not any(p.file.startswith(where) for p in problems):
        problems.append(Problem(where, f"no '{DEFAULT_FLOW}' flow found (expected flows/{DEFAULT_FLOW}.yaml)"))
    if terms is None and not (root / "flows" / f"{TERMS_FILE}.yaml").exists():
        problems.append(Problem(where, f"no terms file found (expected flows/{TERMS_FILE}.yaml)"))
    return flows, terms


def _parse_flow_files(
    files: Sequence[Path], root: Path, problems: list[Problem]
) -> tuple[dict[str, Flow], Terms | None]:
    flows: dict[str, Flow] = {}
    terms: Terms | None = None
    for path in files:
        if path.stem == TERMS_FILE:
            parsed = _parse(path, Terms, root, problems)
            terms = parsed.model if isinstance(parsed.model, Terms) else None
            continue
        parsed = _parse(path, Flow, root, problems)
        if isinstance(parsed.model, Flow):
            rep = _Reporter(parsed, problems)
            if parsed.model.id != path.stem:
                rep.add(("id",), f"the id '{parsed.model.id}' does not match the file name '{path.name}'")
            _check_flow(parsed.model, rep)
            flows[parsed.model.id] = parsed.model
    return flows, terms


def load_catalog_from_yaml(root: Path) -> Catalog:
    problems: list[Problem] = []
    flows, terms = _load_flows(root, problems)
    rubric_files = _yaml_files(root / "rubric")
    rubrics = _load_rubrics(rubric_files, root, problems)
    default = _pick_default(rubrics, problems if not rubric_files else [], _display(root / "rubric", root))
    plain_rubrics = {rid: r for rid, (r, _) in rubrics.items()}
    state_files = _yaml_files(root / "states")
    if not state_files:
        problems.append(
            Problem(_display(root / "states", root), "no jurisdiction files found (expected states/XX.yaml)")
        )
    jurisdictions = _load_jurisdictions(state_files, root, plain_rubrics, default, problems)
    guides = _load_guides(_yaml_files(root / "guides"), root, jurisdictions, problems)
    if problems or default is None or terms is None:
        raise DataInvalid(problems)
    return Catalog(
        root=root,
        rubrics=plain_rubrics,
        default_rubric_id=default.id,
        jurisdictions=jurisdictions,
        flows=flows,
        terms=terms,
        guides=guides,
    )


def validate_paths(paths: Sequence[Path], root: Path | None = None) -> list[Problem]:
    """Check the given files or folders (all data when empty); return every problem found."""
    root = root or data_root()
    if not paths:
        try:
            load_catalog_from_yaml(root)
        except DataInvalid as exc:
            return exc.problems
        return []
    problems: list[Problem] = []
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            inner = [path / name for name in ("rubric", "states", "flows", "guides") if (path / name).is_dir()]
            if inner:
                for folder in inner:
                    files.extend(_yaml_files(folder))
            else:
                files.extend(_yaml_files(path))
        elif path.exists():
            files.append(path)
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    rubric_files = [p for p in files if _kind_of(p) == "rubric"]
    state_files = [p for p in files if _kind_of(p) == "states"]
    flow_files = [p for p in files if _kind_of(p) == "flows"]
    guide_files = [p for p in files if _kind_of(p) == "guides"]
    others = [p for p in files if _kind_of(p) not in ("rubric", "states", "flows", "guides")]
    for path in others:
        message = "not a data file: expected a file under rubric/, states/, flows/ or guides/"
        problems.append(Problem(_display(path, root), message))
    _parse_flow_files(flow_files, root, problems)
    # Jurisdictions are checked against the given rubrics, or else the project's own.
    rubric_problems: list[Problem] = []
    given = _load_rubrics(rubric_files, root, rubric_problems)
    problems.extend(rubric_problems)
    if not given and state_files:
        given = _load_rubrics(_yaml_files(root / "rubric"), root, problems)
    default = _pick_default(given, problems, "rubric/") if state_files else None
    found = _load_jurisdictions(state_files, root, {rid: r for rid, (r, _) in given.items()}, default, problems)
    if guide_files:
        # A guide is checked against its jurisdiction's law: the given file, or else the project's own.
        wanted = {p.stem for p in guide_files} - set(found)
        extra = [root / "states" / f"{code}.yaml" for code in sorted(wanted)]
        found.update(_load_jurisdictions([p for p in extra if p.exists()], root, {}, None, []))
        _load_guides(guide_files, root, found, problems)
    return problems


def _kind_of(path: Path) -> str:
    parent = path.resolve().parent.name
    if parent in ("rubric", "states", "flows", "guides"):
        return parent
    try:
        head = path.read_text(encoding="utf-8")[:4000]
    except (OSError, UnicodeDecodeError):
        return "unknown"
    if "\ncategories:" in head or head.startswith("categories:"):
        return "rubric"
    if "\nversions:" in head or "\ncode:" in head or head.startswith("code:"):
        return "states"
    return "unknown"
