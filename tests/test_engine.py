"""The engine weighs unsure answers group by group; it must say exactly what listing every case says.

The reference here lists every fully known version of the record, runs every rule on it, and merges
the outcomes the plain way. Any record, in any jurisdiction, with any answers unsure, must get the
same verdict, what-ifs, relief and common reasons from both.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.core.engine import (
    ANSWER_FIELDS,
    UNSURE_DOMAIN,
    Evaluator,
    _without_moot,
    merge_forms,
    merge_verdicts,
    why_reasons,
)
from assistant.core.results import ELIGIBLE, VERDICTS
from assistant.core.rules import ADULT_LAW, RULES, Only, Rule, fitting_routes
from assistant.models.common import UNSURE
from assistant.render.explain import reason_text
from tests.factories import answers_with

NOW = 2026


def reference(evaluator: Evaluator, answers: Any) -> dict[str, Any]:
    """List every case: verdict, relief and reasons of each, merged as the old engine did."""
    rec = answers.records[0]
    law = evaluator.law(rec.jurisdiction)
    given_: dict[str, Any] = {name: getattr(rec, name) for name in ANSWER_FIELDS}
    unsure = [k for k in UNSURE_DOMAIN if given_[k] == UNSURE]
    # a felony class not known is tried under each of this law's own classes
    classes = [c.code for c in law.v.details.offenses.felony_classes] if law.v.details.offenses else []
    # so is a drug charge's kind, where the law tells having drugs from selling them
    kinds = tuple(law.v.details.offenses.drug_charges) if law.v.details.offenses else ()
    domain = {**UNSURE_DOMAIN, "felony_class": tuple(classes), "drug_charge": kinds}
    if rec.felony_class == UNSURE and rec.level == "felony" and classes:
        unsure.append("felony_class")
    if rec.drug_charge == UNSURE and rec.offense == "drug" and kinds:
        unsure.append("drug_charge")
    if rec.record == "juvenile_adjudication":
        unsure = [k for k in unsure if k != "age"]
    given_["trafficking_ended"] = answers.trafficking_ended
    given_["documentation"] = tuple(answers.documentation)
    given_["other_convictions"] = ()  # one record: no other conviction to meet a law's need for one
    cases = []
    # the adult-law rule reads the offense only where the route for minors reaches some offenses
    adult_rule = next(r for r in law.rules if r.name == ADULT_LAW.name)
    for choice in itertools.product(*(domain[k] for k in unsure)):
        values = dict(zip(unsure, choice, strict=True))
        facts = {**given_, **values}
        adult = adult_rule.check(law, Only({n: facts[n] for n in adult_rule.reads}), evaluator.phrases, NOW)
        if adult[0].effect == "no_law":
            cases.append((values, "no_adult_law", (), adult, {ADULT_LAW.name: adult}))
            continue
        if not law.v.adult_relief:
            juvenile = law.v.details.juvenile
            relief = tuple(juvenile.relief) if juvenile is not None else ()
            cases.append((values, "possibly_eligible", relief, adult, {ADULT_LAW.name: adult}))
            continue
        by_rule = {
            rule.name: rule.check(law, Only({n: facts[n] for n in rule.reads}), evaluator.phrases, NOW)
            for rule in law.rules  # as they run here (a rule that does not apply may read undeclared facts)
        }
        reasons = [r for found in by_rule.values() for r in found]
        effects = {r.effect for r in reasons}
        routes = tuple(r for r in law.v.details.relief if facts["record"] in r.records)
        relief = tuple(r.type for r in fitting_routes(law, routes, Only(facts)))
        if "blocks" in effects:
            cases.append((values, "not_covered", (), reasons, by_rule))
            continue
        verdict = "possibly_eligible" if "uncertain" in effects or not relief else "likely_eligible"
        cases.append((values, verdict, relief, reasons, by_rule))
    what_ifs = {
        (k, v): tuple(sorted({c[1] for c in cases if c[0][k] == v}, key=VERDICTS.index))
        for k in unsure
        for v in domain[k]
    }
    keys = [{r.key for r in c[3]} for c in cases]
    found = []
    for rule in (r for r in law.rules if all(r.name in c[4] for c in cases)):  # early exits: adult only
        common = [r for r in cases[0][4][rule.name] if all(r.key in k for k in keys)]
        found += common
        # a rule that blocks in every case, in words that differ by case: each distinct form is told
        blocking = [[r for r in c[4][rule.name] if r.effect in ("blocks", "no_law")] for c in cases]
        if all(blocking) and not any(r.effect in ("blocks", "no_law") for r in common):
            # each form once, "as a misdemeanor or felony" as one sentence (merge_forms, tested below)
            found += merge_forms((r for each in blocking for r in each), told=common)
    common = [r.key for r in _without_moot(found)]
    return {
        "verdict": merge_verdicts(c[1] for c in cases),
        "what_ifs": what_ifs,
        "relief": {t for c in cases if c[1] in ELIGIBLE for t in c[2]},
        "common": common,
    }


CHOICES = {
    "record": [*UNSURE_DOMAIN["record"], UNSURE],
    "offense": [*UNSURE_DOMAIN["offense"], UNSURE],
    "level": [*UNSURE_DOMAIN["level"], UNSURE],
    "connection": ["forced", "because", "while_trafficked", "not_connected", UNSURE],
    "age": [*UNSURE_DOMAIN["age"], UNSURE],
    "pending_charges": [*UNSURE_DOMAIN["pending_charges"], UNSURE],
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_grouped_engine_equals_listing_every_case(catalog, data):
    record = {k: data.draw(st.sampled_from(v), label=k) for k, v in CHOICES.items()}
    record["jurisdiction"] = data.draw(st.sampled_from(sorted(catalog.jurisdictions)), label="place")
    record["year"] = data.draw(st.sampled_from([2005, 2015, 2024, UNSURE]), label="year")
    classes = catalog.felony_class_codes().get(record["jurisdiction"], ())
    if classes and record["level"] == "felony":
        record["felony_class"] = data.draw(st.sampled_from([*classes, UNSURE, None]), label="class")
    if record["offense"] in ("drug", UNSURE):
        record["drug_charge"] = data.draw(st.sampled_from(["possession", "sale", UNSURE, None]), label="drug")
    documentation = data.draw(st.sampled_from([["none"], ["certification"], ["t_visa"], [UNSURE]]), label="docs")
    ended = data.draw(st.sampled_from([2010, 2023, UNSURE, "ongoing"]), label="ended")
    answers = answers_with(record, documentation=documentation, trafficking_ended=ended)
    evaluator = Evaluator(catalog, NOW)
    got = evaluator.assess_record(answers, 0)
    want = reference(evaluator, answers)
    assert got.verdict == want["verdict"]
    assert {(w.field, w.value): w.verdicts for w in got.what_ifs} == want["what_ifs"]
    assert set(got.relief_types) == want["relief"]
    assert [r.key for r in got.reasons if r.rule != "depends"] == want["common"]


def test_a_rule_cannot_read_a_fact_it_did_not_declare(catalog):
    """The memo is keyed by the facts a rule declares; reading another one must fail loudly."""
    evaluator = Evaluator(catalog, NOW)
    law = evaluator.law("NM")
    sneaky = Rule("sneaky", ("record",), lambda law, f, ph, now: [f.offense])  # reads an undeclared fact
    facts = {name: "unsure" for name in ANSWER_FIELDS} | {"record": "conviction"}
    with pytest.raises(AttributeError, match="does not declare that it reads 'offense'"):
        evaluator.run(law, sneaky, facts)


def test_every_rule_reads_only_what_it_declares_in_every_jurisdiction(catalog):
    """Each rule runs in every jurisdiction on the facts it declares, and nothing more."""
    evaluator = Evaluator(catalog, NOW)
    base = {
        "record": "conviction",
        "offense": "drug",
        "level": "felony",
        "connection": "because",
        "age": "adult",
        "pending_charges": "yes",
        "felony_class": None,
        "drug_charge": None,
        "other_convictions": (),
        "year": 2015,
        "trafficking_ended": 2016,
        "documentation": ("certification",),
    }
    for code in catalog.jurisdictions:
        law = evaluator.law(code)
        for rule in law.rules:
            assert evaluator.run(law, rule, base) is not None
    assert {rule.name for code in catalog.jurisdictions for rule in evaluator.law(code).rules} == {
        rule.name for rule in RULES
    }  # each rule applies somewhere: none is left untried


def test_all_unsure_costs_the_sum_not_the_product_of_the_choices(catalog):
    """With everything unsure, a record is tried in a few dozen combinations, not 864."""
    evaluator = Evaluator(catalog, NOW)
    calls = 0
    original = evaluator._combo

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return original(*args, **kwargs)

    evaluator._combo = counting  # type: ignore[method-assign]
    answers = answers_with(
        {name: UNSURE for name in CHOICES} | {"jurisdiction": "NY", "year": UNSURE},
        documentation=[UNSURE],
        trafficking_ended=UNSURE,
    )
    evaluator.assess_record(answers, 0)
    product = 1
    for name in CHOICES:
        product *= len(UNSURE_DOMAIN[name])
    assert product == 864
    assert calls <= sum(len(UNSURE_DOMAIN[n]) for n in CHOICES) * 3  # record x age and offense x level pair up


def test_an_unknown_place_gives_each_place_the_verdict_its_own_law_gives(catalog):
    """The place-unknown result weighs only each place's verdict; it must be the full assessment's."""
    evaluator = Evaluator(catalog, NOW)
    unsure = {name: UNSURE for name in ("record", "level", "connection")}
    anywhere = evaluator.assess_record(answers_with({"jurisdiction": UNSURE, **unsure}), 0)
    by_place = {w.value: w.verdicts for w in anywhere.what_ifs if w.field == "jurisdiction"}
    assert list(by_place) == list(catalog.jurisdictions)
    for code in catalog.jurisdictions:
        placed = evaluator.assess_record(answers_with({"jurisdiction": code, **unsure}), 0)
        assert by_place[code] == (placed.verdict,), code
    assert anywhere.unsure_fields == ("jurisdiction", "record", "level", "connection")


@pytest.mark.parametrize("code", ["GA", "CO"])
def test_routes_with_their_own_link_test_agree_with_listing_every_case(catalog, code):
    """The two laws with a route of its own link test, every link and record answer, dates inside and not."""
    evaluator = Evaluator(catalog, NOW)
    for connection, record, year in itertools.product(
        CHOICES["connection"], [*UNSURE_DOMAIN["record"], UNSURE], [2014, 2016, UNSURE]
    ):
        answers = answers_with(
            {"jurisdiction": code, "connection": connection, "record": record, "year": year}, trafficking_ended=2016
        )
        got = evaluator.assess_record(answers, 0)
        want = reference(evaluator, answers)
        assert got.verdict == want["verdict"], (connection, record, year)
        assert set(got.relief_types) == want["relief"], (connection, record, year)
        assert [r.key for r in got.reasons if r.rule != "depends"] == want["common"], (connection, record, year)


def test_a_record_the_law_does_not_reach_has_nothing_to_show_and_only_its_blocker_in_the_way(catalog):
    """Alabama reaches a felony conviction only for three listed charges (Ala. Code § 15-27-2(b)).

    Its burden, hearing and conditions would read as steps that could still help; they are kept for
    records the law reaches.
    """
    evaluator = Evaluator(catalog, NOW)
    theft = evaluator.assess_record(
        answers_with({"jurisdiction": "AL", "record": "conviction", "offense": "theft", "level": "felony"}), 0
    )
    assert theft.verdict == "not_covered"
    assert theft.to_show == ()
    assert [(r.rule, r.effect) for r in theft.obstacles] == [("record_kind", "blocks")]
    assert "15-27-2(a)(8), (b)" in theft.obstacles[0].citation
    arrest = evaluator.assess_record(
        answers_with({"jurisdiction": "AL", "record": "arrest", "offense": "theft", "level": "felony"}), 0
    )
    assert arrest.verdict != "not_covered"
    assert {r.rule for r in arrest.to_show} >= {"nexus", "burden", "hearing"}
    assert any(r.rule == "conditions" for r in arrest.obstacles)


def test_a_record_blocked_whatever_the_unsure_answer_says_why_in_each_form(catalog):
    """Oklahoma's § 19c reaches prostitution records only: 'another kind of charge' is not covered
    as a misdemeanor or as a felony, so a record of unsure level is not covered, and says why."""
    evaluator = Evaluator(catalog, NOW)
    answers = answers_with({"jurisdiction": "OK", "record": "conviction", "offense": "other", "level": UNSURE})
    got = evaluator.assess_record(answers, 0)
    assert got.verdict == "not_covered"
    blocks = [(r.rule, dict(r.params)["level"]) for r in got.reasons if r.effect == "blocks"]
    assert blocks == [("offense", "misdemeanor or felony")]  # one sentence for both forms
    assert [r.rule for r in got.obstacles] == ["offense"]


def test_a_record_the_law_does_not_reach_is_told_only_why_not(catalog):
    evaluator = Evaluator(catalog, NOW)
    # North Dakota (N.D.C.C. 12.1-41-14) vacates convictions only; its two-year limit runs from a conviction.
    arrest = evaluator.assess_record(answers_with({"jurisdiction": "ND", "record": "arrest"}), 0)
    assert arrest.verdict == "not_covered"
    assert [(x.rule, x.effect) for x in why_reasons(arrest)] == [("adult_law", "supports"), ("record_kind", "blocks")]
    assert any(x.rule == "timing" for x in arrest.reasons)  # worked out, but not told as a reason
    conviction = evaluator.assess_record(answers_with({"jurisdiction": "ND", "record": "conviction"}), 0)
    assert "timing" in [x.rule for x in why_reasons(conviction)]


def test_a_wait_counts_from_what_the_record_had(catalog):
    evaluator = Evaluator(catalog, NOW)
    # Kansas (K.S.A. 21-6614(b)): a year after the sentence, supervision or diversion was finished.
    for record, start in (("conviction", "the sentence was finished"), ("arrest", "the case ended")):
        r = evaluator.assess_record(answers_with({"jurisdiction": "KS", "record": record}), 0)
        (wait,) = [x for x in r.reasons if x.rule == "timing"]
        assert start in reason_text(wait, "survivor"), record


def test_a_route_for_minors_that_reaches_only_some_offenses_is_offered_only_for_them(catalog):
    evaluator = Evaluator(catalog, NOW)
    # Missouri has no adult law; RSMo § 610.131 expunges a prostitution plea or conviction from before 18.
    minor = {"jurisdiction": "MO", "record": "conviction", "age": "minor", "level": "misdemeanor"}
    weapon = evaluator.assess_record(answers_with({**minor, "offense": "weapon"}), 0)
    assert weapon.verdict == "no_adult_law" and not weapon.juvenile_route and weapon.relief_types == []
    (said,) = [x for x in weapon.reasons if x.rule == "juvenile_route"]
    assert said.effect == "no_law" and "610.131" in said.citation
    prostitution = evaluator.assess_record(answers_with({**minor, "offense": "prostitution"}), 0)
    assert prostitution.verdict == "possibly_eligible" and prostitution.juvenile_route
    assert prostitution.relief_types == ["expungement"]
    unsure = evaluator.assess_record(answers_with({**minor, "offense": "unsure"}), 0)
    assert unsure.verdict == "possibly_eligible" and unsure.juvenile_route  # it could be prostitution
    # "pleaded guilty to or was convicted of": not a case that ended in juvenile court
    court = evaluator.assess_record(
        answers_with({**minor, "record": "juvenile_adjudication", "offense": "prostitution"}), 0
    )
    assert court.verdict == "no_adult_law" and not court.juvenile_route
    (said,) = [x for x in court.reasons if x.rule == "juvenile_route"]
    assert said.effect == "no_law" and "this kind of record" in said.text
    # Wisconsin (§ 973.015(2m)) has an adult law; its juvenile step is for prostitution adjudications only.
    wi = {"jurisdiction": "WI", "record": "arrest", "age": "minor", "level": "misdemeanor"}  # not covered
    steps = evaluator.assess_record(answers_with({**wi, "offense": "drug"}), 0).next_steps
    assert "juvenile_route" not in [x.rule for x in steps]
    steps = evaluator.assess_record(answers_with({**wi, "offense": "prostitution"}), 0).next_steps
    assert "juvenile_route" in [x.rule for x in steps]


def test_forms_of_one_blocking_sentence_are_said_once(catalog):
    evaluator = Evaluator(catalog, NOW)
    # Tennessee (§ 40-35-313(c)): no violent offense at either level; the level was not known.
    r = evaluator.assess_record(answers_with({"jurisdiction": "TN", "offense": "violent", "level": "unsure"}), 0)
    assert r.verdict == "not_covered"
    (said,) = [x for x in r.reasons if x.rule == "offense"]
    assert dict(said.params)["level"] == "misdemeanor or felony" and said.effect == "blocks"
    a, b = said._replace(params=(("x", "1"),)), said._replace(params=(("x", "2"), ("y", "3")))
    assert merge_forms([a, b]) == [a, b]  # different names: two sentences
    assert merge_forms([a, b, a], told=[b]) == [a]  # each form once, none already told


def test_a_condition_an_unsure_answer_may_fail_is_kept_as_uncertain(catalog):
    """T.C.A. § 40-32-105: no pending charges. Not sure whether a case is open: the condition is still said,
    as something that may stand in the way, even where the verdict is the same either way."""
    evaluator = Evaluator(catalog, NOW)
    record = {"jurisdiction": "TN", "record": "conviction", "offense": "drug", "level": "felony"}
    got = evaluator.assess_record(answers_with({**record, "felony_class": "class_e", "pending_charges": UNSURE}), 0)
    (pending,) = [r for r in got.reasons if dict(r.phrases).get("condition", "").startswith("No pending")]
    assert pending.effect == "uncertain" and pending.rule == "conditions"
    met = evaluator.assess_record(answers_with({**record, "felony_class": "class_e", "pending_charges": "no"}), 0)
    assert [r.effect for r in met.reasons if r.key == pending.key] == ["supports"]
