"""Engine behaviour that mutation testing found untested (benchmarks/mutation.sh).

A record whose place the person is not sure of is checked under every jurisdiction; the result
must say the answer depends on the place, offer only remedies of places where the record could be
cleared, and never claim more confidence than the weakest place's. The slow reference
`every_outcome` (every fully known version of a record) must agree with the grouped engine.
"""

from __future__ import annotations

from collections import defaultdict

from assistant.core.engine import UNSURE_DOMAIN, Evaluator, assess_record, every_outcome, merge_verdicts
from assistant.core.results import ELIGIBLE, VERDICTS, Reason
from tests.factories import answers_with

NOW = 2026


def test_unsure_place_depends_on_the_place_and_offers_only_remedies_of_places_that_fit(catalog):
    evaluator = Evaluator(catalog, NOW)
    answers = answers_with({"jurisdiction": "unsure", "offense": "theft", "level": "felony"})
    r = evaluator.assess_record(answers, 0)
    depends = Reason(
        "depends",
        "uncertain",
        "The result depends on where the record is from. Each state's law is different.",
        "range_of_relief",
        "each jurisdiction's own law (see its report card)",
        None,
        basis="answer",
    )
    assert r.reasons == (depends,) and r.obstacles == (depends,) and r.to_show == ()
    assert r.jurisdiction is None and r.version is None and r.next_steps == ()
    assert r.confidence == "low" and r.juvenile_route is False
    assert r.unsure_fields[0] == "jurisdiction"

    per_place = {}
    for code in catalog.jurisdictions:
        placed = answers_with({"jurisdiction": code, "offense": "theft", "level": "felony"})
        per_place[code] = evaluator.assess_record(placed, 0)
    assert {(w.value, w.verdicts) for w in r.what_ifs} == {(c, (a.verdict,)) for c, a in per_place.items()}
    assert r.verdict == merge_verdicts(a.verdict for a in per_place.values())
    fitting = {(x.type, x.legal_name) for a in per_place.values() if a.verdict in ELIGIBLE for x in a.relief}
    assert fitting and r.relief == ()  # each place has its own remedies: the result groups the places instead
    # A place where the record is not covered offers no remedy for it.
    assert all(a.relief == () for a in per_place.values() if a.verdict not in ELIGIBLE)


def test_a_juvenile_record_from_an_unsure_place_is_not_a_juvenile_route_result(catalog):
    answers = answers_with({"jurisdiction": "unsure", "record": "juvenile_adjudication", "age": "minor"})
    r = Evaluator(catalog, NOW).assess_record(answers, 0)
    assert r.juvenile_route is False and r.confidence == "low"


def test_listing_every_case_agrees_with_the_grouped_engine(catalog):
    evaluator = Evaluator(catalog, NOW)
    for code, fields in (
        ("NM", {"offense": "unsure", "connection": "unsure"}),
        ("NY", {"record": "unsure", "level": "unsure"}),
        ("SD", {"age": "unsure", "record": "unsure"}),
        ("WA", {"pending_charges": "unsure", "connection": "unsure"}),
        ("SD", {"record": "juvenile_adjudication", "age": "unsure"}),  # a juvenile record is from before 18
    ):
        answers = answers_with({"jurisdiction": code, **fields}, documentation=["certification"])
        got = evaluator.assess_record(answers, 0)
        cases = every_outcome(evaluator, answers, 0)
        unsure = [k for k in UNSURE_DOMAIN if fields.get(k) == "unsure"]
        if fields.get("record") == "juvenile_adjudication":
            unsure.remove("age")
        assert len(cases) == len(list(_product(unsure))), code
        assert [values for values, _ in cases] == list(_product(unsure)), code
        assert merge_verdicts(v for _, v in cases) == got.verdict, code
        by_value: dict[tuple[str, str], set[str]] = defaultdict(set)
        for values, verdict in cases:
            for k, v in values.items():
                by_value[k, v].add(verdict)
        want = {k: tuple(sorted(v, key=VERDICTS.index)) for k, v in by_value.items()}
        assert {(w.field, w.value): w.verdicts for w in got.what_ifs} == want, code


def _product(fields):
    import itertools

    for choice in itertools.product(*(UNSURE_DOMAIN[k] for k in fields)):
        yield dict(zip(fields, choice, strict=True))


def test_the_module_level_helpers_are_the_evaluator(catalog):
    answers = answers_with({"jurisdiction": "NY", "record": "arrest"}, {"jurisdiction": "NM"})
    for i in (0, 1):
        assert assess_record(catalog, answers, i, NOW) == Evaluator(catalog, NOW).assess_record(answers, i)
    assert assess_record(catalog, answers, 0, NOW).verdict == "not_covered"  # CPL 440.10: convictions only


def test_the_year_a_result_is_worked_out_for_is_the_one_asked_for(catalog):
    """Deadlines are counted from `now`: an assessment for 2030 must say 2030, not the clock's year."""
    import datetime as dt

    from assistant.core.engine import assess

    answers = answers_with({"jurisdiction": "NM"})
    later = assess(catalog, answers, now=2030)
    assert later.year == 2030 and later.today == dt.date(2030, 7, 1)
    assert assess_record(catalog, answers, 0, now=2030) == Evaluator(catalog, 2030).assess_record(answers, 0)
    today = Evaluator(catalog, today=dt.date(2029, 3, 2))
    assert (today.now, today.today) == (2029, dt.date(2029, 3, 2))
    assert today.assess(answers).year == 2029


def test_an_unsure_answer_is_weighed_under_every_code_but_unsure_and_a_link_is_still_a_link():
    from assistant.core.engine import _values

    assert _values("connection", leave_out=("not_connected",)) == UNSURE_DOMAIN["connection"]
    assert "not_connected" not in UNSURE_DOMAIN["connection"] and "forced" in UNSURE_DOMAIN["connection"]
    assert _values("pending_charges") == ("yes", "no")
    for field, codes in UNSURE_DOMAIN.items():
        assert _values(field) == codes or field == "connection", field
        assert "unsure" not in codes and len(codes) >= 2, field


def test_merging_not_covered_with_no_adult_law_is_not_covered():
    """If in every case the record is either outside the law or there is no law, it is not covered."""
    assert merge_verdicts(["not_covered", "no_adult_law"]) == "not_covered"
    assert merge_verdicts(["no_adult_law"]) == "no_adult_law"
    assert merge_verdicts(["not_covered", "likely_eligible"]) == "possibly_eligible"


def test_a_result_is_only_as_sure_as_the_least_sure_part_of_the_law_it_rests_on(catalog):
    from assistant.core.engine import lowest_confidence

    assert lowest_confidence(["high", None, "medium"]) == "medium"
    assert lowest_confidence([None]) == "low" and lowest_confidence([]) == "low"
    # New Mexico: records, offences and timing read with high confidence; the hearing, confidentiality and
    # conditions features only with medium confidence.
    assert Evaluator(catalog, NOW).assess_record(answers_with({"jurisdiction": "NM"}), 0).confidence == "medium"


def test_obstacles_are_what_keeps_a_record_at_possibly_and_notes_that_stand_in_the_way(catalog):
    pa = Evaluator(catalog, NOW).assess_record(answers_with({"jurisdiction": "PA", "offense": "prostitution"}), 0)
    assert pa.verdict == "possibly_eligible"
    # 18 Pa.C.S. § 3019(d)(2)(ii): the prosecutor must consent. The condition says so, once: the judge's
    # power (no relief over the prosecutor's objection) would say the same again.
    assert [(r.rule, r.effect, r.basis) for r in pa.obstacles] == [
        ("conditions", "uncertain", "judge"),
        ("conditions", "note", None),
        ("confidentiality", "note", None),
    ]
    assert all("3019" in r.citation for r in pa.obstacles)
    assert [r.rule for r in pa.to_show] == ["nexus", "documentation", "burden", "hearing"]
    nm = Evaluator(catalog, NOW).assess_record(answers_with({"jurisdiction": "NM"}), 0)
    # New Mexico's judge can grant over objection and there is no deadline: supports, not obstacles.
    assert [(r.rule, r.effect) for r in nm.obstacles] == [("conditions", "note"), ("confidentiality", "note")]
    assert ("discretion", "supports") in [(r.rule, r.effect) for r in nm.reasons]


def test_the_juvenile_route_gives_its_own_remedies_even_when_the_age_is_unsure(catalog):
    """South Dakota has no adult law; S.D. Codified Laws § 26-7A-115.1 vacates and expunges a juvenile record
    (a delinquency record: a record of unsure kind could be one)."""
    evaluator = Evaluator(catalog, NOW)
    for age in ("minor", "unsure"):
        r = evaluator.assess_record(answers_with({"jurisdiction": "SD", "age": age, "record": "unsure"}), 0)
        assert r.verdict == "possibly_eligible" and r.juvenile_route is True, age
        assert sorted(r.relief_types) == ["expungement", "vacatur"], age
    adult = evaluator.assess_record(answers_with({"jurisdiction": "SD"}), 0)
    assert adult.verdict == "no_adult_law" and adult.juvenile_route is False and adult.relief == ()
    # No law for adults is itself the obstacle, cited to the statute that was searched.
    assert [(r.rule, r.effect, r.citation) for r in adult.obstacles] == [
        ("adult_law", "no_law", "S.D. Codified Laws § 26-7A-115.1")
    ]


def _nm_with_remedies_for_arrests_only(catalog):
    import dataclasses

    from assistant.models.jurisdiction import RecordCoverage

    j = catalog.jurisdictions["NM"]
    relief = [r.model_copy(update={"records": ["arrest"]}) for r in j.current.details.relief]
    every_kind = RecordCoverage(
        arrest="covered", dismissed="covered", conviction="covered", juvenile_adjudication="covered", citation="§ r"
    )
    details = j.current.details.model_copy(update={"relief": relief, "records": every_kind})
    version = j.current.model_copy(update={"details": details})
    changed = j.model_copy(update={"versions": [*j.versions[:-1], version]})
    return dataclasses.replace(catalog, jurisdictions={**catalog.jurisdictions, "NM": changed})


def test_a_law_that_reaches_the_record_but_has_no_remedy_for_it_is_only_possibly(catalog):
    changed = _nm_with_remedies_for_arrests_only(catalog)
    evaluator = Evaluator(changed, NOW)
    conviction = answers_with({"jurisdiction": "NM"})
    r = evaluator.assess_record(conviction, 0)
    assert r.verdict == "possibly_eligible" and r.relief == ()
    assert every_outcome(evaluator, conviction, 0) == [({}, "possibly_eligible")]
    unsure = evaluator.assess_record(answers_with({"jurisdiction": "NM", "record": "unsure"}), 0)
    by_kind = {w.value: w.verdicts for w in unsure.what_ifs if w.field == "record"}
    assert by_kind["arrest"] == ("likely_eligible",) and by_kind["conviction"] == ("possibly_eligible",)
    assert unsure.relief_types == ["sealing"]
    # Only an arrest would have a remedy: the merged verdict must agree with the what-ifs.
    assert unsure.verdict == "possibly_eligible"
    # The same with another, independent unsure answer folded in after the record's group.
    two = evaluator.assess_record(
        answers_with({"jurisdiction": "NM", "record": "unsure", "pending_charges": "unsure"}), 0
    )
    assert two.verdict == "possibly_eligible"
    assert {w.value: w.verdicts for w in two.what_ifs if w.field == "record"}["conviction"] == ("possibly_eligible",)


def test_an_answer_that_changes_the_result_is_named_with_the_feature_it_bears_on(catalog):
    evaluator = Evaluator(catalog, NOW)
    # Charged the year the trafficking ended: the dates do not show "while a victim", so the link decides.
    ga = evaluator.assess_record(answers_with({"jurisdiction": "GA", "connection": "unsure", "year": 2016}), 0)
    assert [r for r in ga.reasons if r.rule == "depends"] == [
        Reason(
            "depends",
            "uncertain",
            "The result depends on an answer {you_were} not sure about: {field}.",
            "nexus",
            "O.C.G.A. § 35-3-37(j)(6)(A), (D); § 17-10-21(a)(1)",
            "medium",
            phrases=(("field", "how the charge was linked to the trafficking"),),  # a phrase: "how old {you_were}"
            basis="answer",
        )
    ]
    wa = evaluator.assess_record(answers_with({"jurisdiction": "WA", "pending_charges": "unsure"}), 0)
    (depends,) = [r for r in wa.reasons if r.rule == "depends"]
    assert depends.phrases == (("field", "whether a case is open now"),)
    assert depends.feature == "additional_restrictive_conditions" and depends.citation.startswith("RCW 9.96.080(2)")


def test_a_blocking_reason_is_an_obstacle_and_not_something_to_show(catalog):
    evaluator = Evaluator(catalog, NOW)
    ny = evaluator.assess_record(answers_with({"jurisdiction": "NY", "record": "arrest"}), 0)
    assert [(r.rule, r.effect) for r in ny.obstacles] == [("record_kind", "blocks")]  # CPL 440.10: convictions only
    nm = evaluator.assess_record(answers_with({"jurisdiction": "NM", "connection": "not_connected"}), 0)
    assert nm.verdict == "not_covered"
    assert ("nexus", "blocks") in [(r.rule, r.effect) for r in nm.obstacles]
    assert "nexus" not in [r.rule for r in nm.to_show]  # nothing to show about a link the person says is not there


def test_no_adult_law_and_no_juvenile_route_is_low_confidence(catalog):
    import dataclasses

    j = catalog.jurisdictions["SD"]
    version = j.current.model_copy(update={"details": j.current.details.model_copy(update={"juvenile": None})})
    changed = dataclasses.replace(
        catalog, jurisdictions={**catalog.jurisdictions, "SD": j.model_copy(update={"versions": [version]})}
    )
    r = Evaluator(changed, NOW).assess_record(answers_with({"jurisdiction": "SD"}), 0)
    assert r.verdict == "no_adult_law" and r.confidence == "low"
    sd = Evaluator(catalog, NOW).assess_record(answers_with({"jurisdiction": "SD"}), 0)
    assert sd.confidence == catalog.jurisdictions["SD"].current.details.juvenile.confidence


def test_each_place_in_an_assessment_has_its_law_in_force_its_card_and_gaps(catalog):
    from assistant.core.engine import assess
    from assistant.core.scoring import gaps, scorecards

    result = assess(catalog, answers_with({"jurisdiction": "NM"}, {"jurisdiction": "NY"}, {"jurisdiction": "NM"}), NOW)
    assert [j.jurisdiction.code for j in result.jurisdictions] == ["NM", "NY"]
    cards = {c.jurisdiction.code: c for c in scorecards(catalog)}
    for place in result.jurisdictions:
        code = place.jurisdiction.code
        assert place.version == catalog.jurisdictions[code].current
        assert place.scorecard == cards[code] and place.gaps == gaps(cards[code])


def test_the_module_helper_counts_deadlines_and_waits_from_the_year_asked_for(catalog):
    # ORS 137.221(2)(a): 21 days after the judgment. A 2026 conviction: still waiting in 2026, long past in 2030.
    answers = answers_with({"jurisdiction": "OR", "offense": "prostitution", "year": 2026})
    assert assess_record(catalog, answers, 0, now=2030).verdict == "likely_eligible"
    assert assess_record(catalog, answers, 0, now=2026).verdict == "possibly_eligible"


def test_listing_every_case_counts_a_deadline_from_the_end_of_the_trafficking(catalog):
    import dataclasses

    from assistant.models.jurisdiction import Period

    j = catalog.jurisdictions["NM"]
    timing = j.current.details.timing.model_copy(update={"limits": [Period(years=6, start="trafficking_end")]})
    features = dict(j.current.features)
    features["time_limits"] = features["time_limits"].model_copy(update={"value": "explicit_limit"})
    version = j.current.model_copy(
        update={"features": features, "details": j.current.details.model_copy(update={"timing": timing})}
    )
    changed = dataclasses.replace(
        catalog, jurisdictions={**catalog.jurisdictions, "NM": j.model_copy(update={"versions": [version]})}
    )
    evaluator = Evaluator(changed, NOW)
    answers = answers_with({"jurisdiction": "NM", "pending_charges": "unsure"}, trafficking_ended=2025)
    cases = every_outcome(evaluator, answers, 0)  # deadline about 2031: not passed
    assert {v for _, v in cases} == {"likely_eligible"}
    assert evaluator.assess_record(answers, 0).verdict == "likely_eligible"


def _with_nm(catalog, **details):
    import dataclasses

    j = catalog.jurisdictions["NM"]
    version = j.current.model_copy(update={"details": j.current.details.model_copy(update=details)})
    changed = j.model_copy(update={"versions": [*j.versions[:-1], version]})
    return dataclasses.replace(catalog, jurisdictions={**catalog.jurisdictions, "NM": changed})


def test_a_less_sure_reading_of_the_records_lowers_the_results_confidence(catalog):
    records = catalog.jurisdictions["NM"].current.details.records.model_copy(update={"confidence": "low"})
    r = Evaluator(_with_nm(catalog, records=records), NOW).assess_record(answers_with({"jurisdiction": "NM"}), 0)
    assert r.confidence == "low"


def test_a_remedy_only_for_a_record_kind_the_law_does_not_reach_is_not_offered(catalog):
    from assistant.models.jurisdiction import RecordCoverage, Relief

    records = RecordCoverage(
        arrest="not_covered", dismissed="covered", conviction="covered", juvenile_adjudication="covered", citation="§ r"
    )
    arrests_only = Relief(type="expungement", legal_name="Arrest expungement", records=["arrest"], citation="§ a")
    relief = [*catalog.jurisdictions["NM"].current.details.relief, arrests_only]
    r = Evaluator(_with_nm(catalog, records=records, relief=relief), NOW).assess_record(
        answers_with({"jurisdiction": "NM", "record": "unsure"}), 0
    )
    assert {w.value: w.verdicts for w in r.what_ifs if w.field == "record"}["arrest"] == ("not_covered",)
    assert "Arrest expungement" not in [x.legal_name for x in r.relief] and r.relief


def test_an_unsure_answer_that_changes_nothing_is_not_said_to_matter(catalog):
    # Georgia: the level makes no difference (O.C.G.A. § 17-10-21 reaches misdemeanors and felonies alike).
    ga = Evaluator(catalog, NOW).assess_record(answers_with({"jurisdiction": "GA", "level": "unsure"}), 0)
    assert [r for r in ga.reasons if r.rule == "depends"] == []
