"""Eligibility rules: properties over any answers, and the timing arithmetic."""

from __future__ import annotations

import typing

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.core.eligibility import VERDICTS, assess
from assistant.core.voice import VOICES
from assistant.models.answers import Answers, RecordAnswers, this_year
from assistant.models.jurisdiction import Period
from assistant.render.explain import reason_text, render


def literal(model, name):
    tp = model.model_fields[name].annotation
    for arg in typing.get_args(tp):
        if typing.get_origin(arg) is typing.Literal:
            return list(typing.get_args(arg))
    return list(typing.get_args(tp))


def records(codes):
    year = st.one_of(st.integers(1950, this_year()), st.just("unsure"))
    return st.builds(
        RecordAnswers,
        jurisdiction=st.sampled_from(codes),
        record=st.sampled_from(literal(RecordAnswers, "record")),
        offense=st.sampled_from(literal(RecordAnswers, "offense")),
        level=st.sampled_from(literal(RecordAnswers, "level")),
        connection=st.sampled_from(literal(RecordAnswers, "connection")),
        year=year,
        age=st.sampled_from(literal(RecordAnswers, "age")),
        pending_charges=st.sampled_from(["yes", "no", "unsure"]),
        label=st.one_of(st.none(), st.text(max_size=20)),
    )


def answers_strategy(codes):
    docs = st.one_of(
        st.lists(
            st.sampled_from(["t_visa", "continued_presence", "certification", "court_finding", "provider_letter"]),
            min_size=1,
            max_size=3,
            unique=True,
        ),
        st.sampled_from([["none"], ["unsure"]]),
    )
    return st.builds(
        Answers,
        audience=st.sampled_from(["survivor", "advocate", "trainer"]),
        trafficking_ended=st.one_of(st.integers(1950, this_year()), st.sampled_from(["ongoing", "unsure"])),
        documentation=docs,
        records=st.lists(records(codes), min_size=1, max_size=3),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_valid_answers_evaluate_with_cited_reasons(catalog, data):
    answers = data.draw(answers_strategy(list(catalog.jurisdictions)))
    assessment = assess(catalog, answers)
    assert len(assessment.records) == len(answers.records)
    for r in assessment.records:
        assert r.verdict in VERDICTS
        assert r.reasons, "every verdict has at least one reason"
        for reason in [*r.reasons, *r.next_steps]:
            assert reason.feature and reason.citation, reason
            for voice in VOICES:
                assert "{" not in reason_text(reason, voice)
        if r.verdict in ("not_covered", "no_adult_law"):
            assert not r.relief
        if r.verdict == "likely_eligible":
            assert (r.relief and not r.unsure_fields) or r.relief
        assert set(r.changing_fields) <= set(r.unsure_fields)
    render(assessment, catalog, "markdown")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["prostitution", "theft", "violent"]))
def test_unsure_jurisdiction_is_checked_everywhere(catalog, offense):
    rec = RecordAnswers(
        jurisdiction="unsure",
        record="conviction",
        offense=offense,
        level="misdemeanor",
        connection="forced",
        year=2015,
        age="adult",
        pending_charges="no",
    )
    answers = Answers(audience="survivor", trafficking_ended=2016, documentation=["none"], records=[rec])
    (r,) = assess(catalog, answers).records
    places = {w.value for w in r.what_ifs if w.field == "jurisdiction"}
    assert places == set(catalog.jurisdictions)
    assert r.verdict == "possibly_eligible" and "jurisdiction" in r.changing_fields


def test_verdict_of_the_same_facts_matches_the_merged_what_ifs(catalog):
    rec = RecordAnswers(
        jurisdiction="GA",
        record="conviction",
        offense="theft",
        level="unsure",
        connection="unsure",
        year=2016,  # the year it ended: the dates alone do not show "while a victim"
        age="adult",
        pending_charges="no",
    )
    answers = Answers(audience="advocate", trafficking_ended=2016, documentation=["none"], records=[rec])
    (r,) = assess(catalog, answers).records
    by_connection = {w.value: w.verdicts for w in r.what_ifs if w.field == "connection"}
    assert by_connection["forced"] == ("likely_eligible",)
    assert "possibly_eligible" in by_connection["because"]
    assert r.changing_fields == ["connection"]  # the level makes no difference in Georgia


def _with_timing(catalog, code, **timing):
    """A copy of a law whose timing is replaced, to test the arithmetic without touching data."""
    from dataclasses import replace

    j = catalog.jurisdiction(code)
    v = j.current
    features = dict(v.features)
    features["time_limits"] = features["time_limits"].model_copy(update={"value": "explicit_limit"})
    details = v.details.model_copy(update={"timing": v.details.timing.model_copy(update=timing)})
    version = v.model_copy(update={"features": features, "details": details})
    new_j = j.model_copy(update={"versions": [*j.versions[:-1], version]})
    return replace(catalog, jurisdictions={**catalog.jurisdictions, code: new_j})


def _one(catalog, code, year, ended):
    rec = RecordAnswers(
        jurisdiction=code,
        record="conviction",
        offense="theft",
        level="misdemeanor",
        connection="forced",
        year=year,
        age="adult",
        pending_charges="no",
    )
    answers = Answers(audience="survivor", trafficking_ended=ended, documentation=["none"], records=[rec])
    (r,) = assess(catalog, answers, now=2026).records
    return r, [reason_text(x, "survivor") for x in r.reasons if x.rule == "timing"]


def test_a_deadline_from_the_end_of_trafficking(catalog):
    cat = _with_timing(catalog, "NM", limits=[Period(years=6, start="trafficking_end")])
    r, texts = _one(cat, "NM", 2014, 2016)
    assert r.verdict == "possibly_eligible" and any("about 2022" in t and "has probably passed" in t for t in texts)
    r, texts = _one(cat, "NM", 2014, 2024)
    assert r.verdict == "likely_eligible" and any("Apply by about 2030" in t for t in texts)
    r, texts = _one(cat, "NM", 2014, "ongoing")
    assert r.verdict == "likely_eligible" and any("starts counting when the trafficking ends" in t for t in texts)
    r, _ = _one(cat, "NM", 2014, "unsure")
    assert r.verdict == "possibly_eligible"


def test_a_wait_after_conviction_in_days_or_years(catalog):
    cat = _with_timing(catalog, "NM", waits=[Period(days=60, start="conviction")])
    r, texts = _one(cat, "NM", 2026, 2016)
    assert r.verdict == "possibly_eligible" and any("wait until about 2027" in t and "60 days" in t for t in texts)
    r, texts = _one(cat, "NM", 2020, 2016)
    assert r.verdict == "likely_eligible" and any("60 days after the conviction) has passed" in t for t in texts)
    cat = _with_timing(catalog, "NM", waits=[Period(years=1, start="sentence_completion", applies_to=["felony"])])
    r, texts = _one(cat, "NM", 2026, 2016)  # misdemeanor: the felony wait does not apply
    assert r.verdict == "likely_eligible"


def _survivor_record(catalog, code: str, record: str, year: int = 2014):
    """A survivor's forced prostitution misdemeanor in `code`, assessed in 2026 (trafficking ended 2016)."""
    from tests.factories import answers_with

    answers = answers_with(
        {"jurisdiction": code, "record": record, "offense": "prostitution", "level": "misdemeanor", "year": year},
        audience="survivor",
    )
    (r,) = assess(catalog, answers, now=2026).records
    return r


def test_texas_tells_one_wait_per_record_worked_out_once(catalog):
    """Tex. Gov't Code § 411.0728: a year after the sentence for a conviction, or after the dismissal
    that ends deferred adjudication. A conviction was told both ("must wait" and "has passed")."""

    def timing(record: str) -> list[str]:
        r = _survivor_record(catalog, "TX", record, 2015)
        return [reason_text(x, "survivor") for x in r.reasons if x.rule == "timing"]

    assert timing("conviction") == ["You must wait 1 year after the sentence was finished."]
    assert timing("dismissed") == ["The waiting time (1 year after the case ended) has passed."]


def test_a_record_kind_reached_in_some_cases_says_which(catalog):
    """Tex. Gov't Code § 411.0728(a)(1): "convicted of or placed on deferred adjudication community
    supervision". A dropped charge is reached only when it was dismissed after deferred adjudication."""
    r = _survivor_record(catalog, "TX", "dismissed", 2019)
    (kind,) = [x for x in r.reasons if x.rule == "record_kind"]
    assert kind.effect == "uncertain" and kind.basis == "show" and "411.0728(a)(1)" in kind.citation
    assert reason_text(kind, "survivor") == (
        "This law reaches a dropped or dismissed charge only in some cases: a case dismissed after deferred "
        "adjudication (a kind of probation), not other dropped charges."
    )


def test_a_burden_the_general_procedure_sets_is_told_as_it_applies(catalog):
    """New York's CPL 440.10(1)(i) names no standard (graded 'silent'); CPL 440.30(6) puts the burden of
    a preponderance on the movant at a hearing. The person reads the rule that applies to them."""
    r = _survivor_record(catalog, "NY", "conviction")
    (burden,) = [x for x in r.reasons if x.rule == "burden"]
    text = reason_text(burden, "survivor")
    assert "you must show the facts are more likely true than not" in text
    assert "does not say how strong the proof must be" not in text
    assert catalog.jurisdictions["NY"].current.features["burden_of_proof"].value == "silent"  # the grade stands


def test_another_record_can_be_the_conviction_a_law_asks_for():
    """R.C. 2953.36(A)(1): an Ohio F1-F3 conviction is reached for a person who also has a soliciting,
    loitering or prostitution conviction; an Ohio prostitution conviction in the same answers is one."""
    from assistant.data.catalog import load_catalog

    catalog = load_catalog()
    theft = {"jurisdiction": "OH", "record": "conviction", "offense": "theft", "level": "felony"}
    common = {"connection": "forced", "year": 2015, "age": "adult", "pending_charges": "no"}
    predicate = {**theft, "offense": "prostitution", "level": "misdemeanor", **common}

    def verdict(*records: dict[str, object]) -> str:
        answers = Answers.model_validate(
            {"audience": "advocate", "trafficking_ended": 2016, "documentation": ["none"], "records": list(records)}
        )
        return assess(catalog, answers, now=2026).records[-1].verdict

    f2 = {**theft, "felony_class": "class_f2", **common}
    assert verdict(f2) == "possibly_eligible"
    assert verdict(predicate, f2) == "likely_eligible"
    assert verdict({**predicate, "jurisdiction": "NY"}, f2) == "possibly_eligible"  # not an Ohio conviction
    assert verdict({**predicate, "record": "arrest"}, f2) == "possibly_eligible"  # not a conviction
