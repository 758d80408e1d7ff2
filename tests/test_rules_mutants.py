"""Each rule's reasons in full, written from the mutants that survived the other tests.

benchmarks/mutation.sh showed that many parts of a reason could change unseen: its effect, the kind
of "possibly" it makes (basis), the statute it cites, its confidence, or its words. Here each branch
of each rule is pinned as a whole Reason on a real jurisdiction's law with one part changed
(`law_with`, as in tests/test_rules.py), so a wrong effect, a lost citation or a changed sentence fails.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.core.results import Reason
from assistant.core.rules import (
    LawView,
    Only,
    _start_year,
    duration,
    effective_age,
    held_documents,
    reason,
    rule_adult_law,
    rule_conditions,
    rule_documentation,
    rule_nexus,
    rule_offense,
    rule_procedure,
    rule_record_kind,
    rule_timing,
)
from assistant.models.jurisdiction import (
    Condition,
    Documentation,
    LevelCoverage,
    Period,
    RecordCoverage,
    Timing,
)
from tests.test_rules import law_with, run

EXPLICIT = {"time_limits": "explicit_limit"}
NM_CONDITIONS = "NMSA 1978 § 30-52-1.2(A), (A)(3)"
SD = "S.D. Codified Laws § 26-7A-115.1"


def R(rule, effect, text, feature, citation, confidence=None, params=(), phrases=(), basis=None) -> Reason:
    return Reason(rule, effect, text, feature, citation, confidence, tuple(params), tuple(phrases), basis)


def timing_law(catalog: Any, **timing: Any) -> LawView:
    return law_with(catalog, "NM", EXPLICIT, timing=Timing(citation="§ t", **timing))


# --- the law for adults, and the juvenile route --------------------------------------------------------


def test_an_adult_law_names_its_remedies_with_the_range_of_relief_citation(catalog):
    assert run(rule_adult_law, law_with(catalog, "NM"), catalog) == [
        R(
            "adult_law",
            "supports",
            "{name} has a law that can clear records from trafficking: {relief}.",
            "range_of_relief",
            "NMSA 1978 § 30-52-1.2(A), (C)",
            "high",
            (("name", "New Mexico"), ("relief", "Sealing of records and files")),
        )
    ]


def test_every_remedy_of_the_law_is_named_once(catalog):
    (pa,) = run(rule_adult_law, law_with(catalog, "PA"), catalog)  # 18 Pa.C.S. § 3019(d), (g)
    assert dict(pa.params)["relief"] == "Motion to vacate conviction, Expungement of records on a granted motion"


def test_no_adult_law_cites_the_statute_that_was_searched(catalog):
    assert run(rule_adult_law, law_with(catalog, "SD"), catalog) == [
        R(
            "adult_law",
            "no_law",
            "{name} has no law that clears records from trafficking for people who were adults.",
            "range_of_relief",
            SD,
            None,
            (("name", "South Dakota"),),
        )
    ]


def test_a_minor_in_a_place_with_no_law_is_told_of_minors_too(catalog):
    """Iowa: no trafficking law for adults, and none found for minors; a person under 18 is told both."""
    ia = law_with(catalog, "IA")
    (law, minors) = run(rule_adult_law, ia, catalog, age="minor")
    assert law.effect == "no_law" and minors == R(
        "adult_law",
        "note",
        "We found no trafficking law for people who were under 18 either.",
        "range_of_relief",
        ia.fallback,
    )
    (adult,) = run(rule_adult_law, ia, catalog, age="adult")
    assert adult == law  # the same sentence, so an unsure age says it once
    from assistant.core.engine import Evaluator
    from tests.factories import answers_with

    unsure = Evaluator(catalog, 2026).assess_record(answers_with({"jurisdiction": "IA", "age": "unsure"}), 0)
    assert [r.text for r in unsure.reasons if r.rule == "adult_law"] == [law.text]


def test_the_juvenile_route_is_for_a_minor_and_is_something_to_show(catalog):
    sd = law_with(catalog, "SD")  # § 26-7A-115.1: "a delinquency record"
    (minor,) = run(rule_adult_law, sd, catalog, age="minor", record="juvenile_adjudication")
    summary = catalog.jurisdictions["SD"].current.details.juvenile.summary
    assert minor == R(
        "juvenile_route",
        "uncertain",
        "Because {you_were} under 18, {name}'s route for young people may help: {summary}",
        "details.juvenile",
        SD,
        "high",
        (("name", "South Dakota"),),
        (("summary", summary),),
        basis="show",
    )
    assert run(rule_adult_law, sd, catalog, age="unsure")[0].effect == "no_law"  # only a known minor
    # a minor's conviction in adult court is not a delinquency record (words review 8)
    (adult_court,) = run(rule_adult_law, sd, catalog, age="minor", record="conviction")
    assert adult_court.effect == "no_law" and "does not reach this kind of record" in adult_court.text
    juvenile = catalog.jurisdictions["SD"].current.details.juvenile
    unsettled = law_with(catalog, "SD", juvenile=juvenile.model_copy(update={"available": None}))
    assert run(rule_adult_law, unsettled, catalog, age="minor", record="juvenile_adjudication")[0].effect == "no_law"
    uncited = law_with(catalog, "SD", juvenile=juvenile.model_copy(update={"citation": None}))
    assert run(rule_adult_law, uncited, catalog, age="minor", record="juvenile_adjudication")[0].citation == (
        uncited.fallback
    )


def test_a_juvenile_adjudication_is_a_record_from_under_18(catalog):
    assert effective_age(Only({"record": "juvenile_adjudication", "age": "adult"})) == "minor"
    assert effective_age(Only({"record": "conviction", "age": "adult"})) == "adult"
    assert effective_age(Only({"record": "conviction", "age": "unsure"})) == "unsure"


# --- which records ---------------------------------------------------------------------------------------


def test_record_kinds(catalog):
    ny = law_with(catalog, "NY")  # CPL 440.10(1)(i): convictions only
    assert run(rule_record_kind, ny, catalog) == [
        R(
            "record_kind",
            "supports",
            "This law reaches {kind}.",
            "arrests_and_adjudications",
            "CPL 440.10(1)(i)",
            "high",
            (("kind", "a conviction"),),
        )
    ]
    assert run(rule_record_kind, ny, catalog, record="arrest") == [
        R(
            "record_kind",
            "blocks",
            "This law does not reach {kind}. It reaches: {reached}.",
            "arrests_and_adjudications",
            "CPL 440.10(1)(i)",
            "high",
            (("kind", "an arrest"), ("reached", "a conviction")),
        )
    ]


def test_a_law_that_reaches_no_kind_says_so_and_an_unread_kind_is_a_data_gap(catalog):
    nothing = RecordCoverage(
        arrest="not_covered", dismissed="not_covered", conviction="not_covered", juvenile_adjudication="unknown"
    )
    law = law_with(catalog, "NM", records=nothing)  # no citation of its own: the feature's is used
    (blocked,) = run(rule_record_kind, law, catalog)
    assert blocked.effect == "blocks" and dict(blocked.params)["reached"] == "no other kind"
    assert blocked.citation == "NMSA 1978 § 30-52-1.2(A)" and blocked.confidence == "low"
    assert run(rule_record_kind, law, catalog, record="juvenile_adjudication") == [
        R(
            "record_kind",
            "uncertain",
            "We could not confirm that this law reaches {kind}.",
            "arrests_and_adjudications",
            "NMSA 1978 § 30-52-1.2(A)",
            "low",
            (("kind", "a juvenile court case"),),
            basis="data",
        )
    ]
    some = RecordCoverage(
        arrest="some", dismissed="covered", conviction="covered", juvenile_adjudication="unknown", citation="§ x(a)"
    )
    (partly,) = run(rule_record_kind, law_with(catalog, "NM", records=some), catalog, record="arrest")
    assert (partly.effect, partly.basis, partly.text) == (
        "uncertain",
        "show",
        "This law reaches only some cases of {kind}.",
    )
    reached = run(rule_record_kind, law_with(catalog, "NM", records=some), catalog, record="juvenile_adjudication")
    assert reached[0].citation == "§ x(a)"


def test_records_we_did_not_read_are_a_data_gap(catalog):
    assert run(rule_record_kind, law_with(catalog, "NM", records=None), catalog) == [
        R(
            "record_kind",
            "uncertain",
            "We could not confirm which records this law reaches.",
            "arrests_and_adjudications",
            "NMSA 1978 § 30-52-1.2(A)",
            basis="data",
        )
    ]


# --- which offences ----------------------------------------------------------------------------------------

OR_SUMMARY = "Prostitution convictions only, under state law (ORS 167.007) or a city prostitution ordinance."


def test_offences(catalog):
    oregon = law_with(catalog, "OR")  # ORS 137.221(1): prostitution only
    params = (("offense", "theft"), ("level", "misdemeanor"), ("summary", OR_SUMMARY))
    assert run(rule_offense, oregon, catalog) == [
        R(
            "offense",
            "blocks",
            "It does not cover {offense} as a {level}. It covers: {summary}",
            "offenses_covered",
            "ORS 137.221(1)",
            "high",
            params,
        )
    ]
    (covered,) = run(rule_offense, oregon, catalog, offense="prostitution")
    assert covered == R(
        "offense",
        "supports",
        "It covers {offense} as a {level}.",
        "offenses_covered",
        "ORS 137.221(1)",
        "high",
        (("offense", "prostitution"), ("level", "misdemeanor"), ("summary", OR_SUMMARY)),
    )
    (partly,) = run(rule_offense, law_with(catalog, "CA"), catalog, offense="violent", level="felony")
    assert partly[:6] == (
        "offense",
        "uncertain",
        "It covers {offense} as a {level} only in some cases. It covers: {summary}",
        "offenses_covered",
        "Cal. Penal Code § 236.14(a), (t)(1)",
        "high",
    )
    assert partly.basis == "show" and dict(partly.params)["offense"] == "a violent charge"


def test_a_class_that_is_only_partly_reached_says_what_of_it_is(catalog):
    """T.C.A. § 40-32-101(g)(1)(A): only listed class E felonies. Given the class, its own words, not the whole list."""
    tn = law_with(catalog, "TN")
    (partly,) = run(rule_offense, tn, catalog, offense="theft", level="felony", felony_class="class_e")
    assert partly.effect == "uncertain" and dict(partly.params)["level"] == "class E felony"
    # the class's own words complete the sentence ("... only in some cases: only the class E felonies ...")
    assert dict(partly.params)["summary"].startswith("only the class E felonies on a list")
    assert partly.text == "It covers {offense} as a {level} only in some cases: {summary}"
    (unclassed,) = run(rule_offense, tn, catalog, offense="theft", level="felony")
    assert dict(unclassed.params)["summary"] == catalog.jurisdictions["TN"].current.details.offenses.summary


def test_an_offence_we_could_not_read_is_a_data_gap(catalog):
    offenses = catalog.jurisdictions["OR"].current.details.offenses
    unread = offenses.model_copy(update={"misdemeanor": LevelCoverage(default="unknown"), "citation": "§ o"})
    (unknown,) = run(rule_offense, law_with(catalog, "OR", offenses=unread), catalog)
    assert unknown == R(
        "offense",
        "uncertain",
        "We could not confirm whether it covers {offense} as a {level}.",
        "offenses_covered",
        "§ o",
        "high",
        (("offense", "theft"), ("level", "misdemeanor"), ("summary", OR_SUMMARY)),
        basis="data",
    )
    assert run(rule_offense, law_with(catalog, "NM", offenses=None), catalog) == [
        R(
            "offense",
            "uncertain",
            "We could not confirm which charges this law covers.",
            "offenses_covered",
            "NMSA 1978 § 30-52-1.2(A)(2)",
            basis="data",
        )
    ]


# --- the link to the trafficking -------------------------------------------------------------------------

NM_NEXUS = "NMSA 1978 § 30-52-1.2(A)(3)"
NM_STANDARD = '"due to duress, coercion, use of force, threat to or fraud committed against the petitioner"'
NM_MEANING = "The survivor must show they acted under duress, the hardest link to prove."
NM_MUST_SHOW = (
    "{You} must show {you} did it because the trafficker used threats, pressure, force or tricks (fraud) against {you}."
)


def test_the_link(catalog):
    nm = law_with(catalog, "NM")
    assert run(rule_nexus, nm, catalog) == [
        R(
            "nexus",
            "supports",
            "{You} said {connection}. The law's test for the link is {standard}. That fits.",
            "nexus",
            NM_NEXUS,
            "high",
            (("standard", NM_STANDARD), ("meaning", NM_MEANING)),
            (("connection", "the trafficker made {them} do it"),),
        )
    ]
    assert run(rule_nexus, nm, catalog, connection="because") == [
        R(
            "nexus",
            "uncertain",
            # what the statute's own words ask, for the person, in their voice (must_show: the level's
            # "duress (threats or force)" would leave out the statute's coercion and fraud)
            "{You} said {connection}. The law's test for the link is {standard}. {shown}",
            "nexus",
            NM_NEXUS,
            "high",
            (("standard", NM_STANDARD), ("meaning", NM_MEANING)),
            (
                ("connection", "it happened because of the trafficking"),
                (
                    "shown",
                    NM_MUST_SHOW,
                ),
            ),
            "show",
        )
    ]
    assert run(rule_nexus, nm, catalog, connection="not_connected") == [
        R(
            "nexus",
            "blocks",
            "{You} said {connection}. These laws only clear charges that came from the trafficking.",
            "nexus",
            NM_NEXUS,
            "high",
            (),
            (("connection", "it was not linked to the trafficking"),),
        )
    ]
    # Oregon's "while a victim" standard is met by a charge that happened while trafficked.
    assert run(rule_nexus, law_with(catalog, "OR"), catalog, connection="while_trafficked")[0].effect == "supports"
    assert run(rule_nexus, law_with(catalog, "NM"), catalog, connection="while_trafficked")[0].effect == "uncertain"


def test_a_link_test_we_could_not_read_is_a_data_gap(catalog):
    law = law_with(catalog, "NM", {"nexus": "unknown"})
    assert run(rule_nexus, law, catalog) == [
        R(
            "nexus",
            "uncertain",
            "We could not confirm how closely the charge must be linked to the trafficking.",
            "nexus",
            NM_NEXUS,
            None,
            (),
            (("connection", "the trafficker made {them} do it"),),
            "data",
        )
    ]
    assert law.conf("nexus") is None  # no confidence claimed for a value we do not know


def test_without_the_statutes_words_the_link_test_is_the_levels_label(catalog):
    nm = catalog.jurisdictions["NM"].current
    features = dict(nm.features)
    features["nexus"] = features["nexus"].model_copy(update={"quote": None})
    law = LawView(catalog.jurisdictions["NM"], nm.model_copy(update={"features": features}), catalog.rubric)
    label = law.level("nexus").label
    assert law.quote("nexus") == label
    assert dict(run(rule_nexus, law, catalog)[0].params)["standard"] == label
    assert law.quote("no_such_category") == "linked to"


# --- time ------------------------------------------------------------------------------------------------


def T(effect, text, params=(), start=None, basis=None, citation="§ t"):
    phrases = (("start", start),) if start else ()
    return R("timing", effect, text, "time_limits", citation, "high", params, phrases, basis)


def test_no_deadline_and_no_wait(catalog):
    assert run(rule_timing, law_with(catalog, "NM"), catalog) == [
        T("supports", "There is no deadline and no waiting time.", citation="NMSA 1978 § 30-52-1.2")
    ]


def test_timing_we_could_not_read_is_a_data_gap(catalog):
    assert run(rule_timing, law_with(catalog, "NM", {"time_limits": "unknown"}), catalog) == [
        R(
            "timing",
            "uncertain",
            "We could not confirm whether this law has a deadline or a waiting time.",
            "time_limits",
            "NMSA 1978 § 30-52-1.2",
            basis="data",
        )
    ]
    assert run(rule_timing, law_with(catalog, "NM", EXPLICIT, timing=None), catalog) == [
        T("uncertain", "The law has timing rules we could not confirm.", basis="data", citation="NMSA 1978 § 30-52-1.2")
    ]


def test_a_reasonable_time_is_a_note(catalog):
    words = "promptly after {you} stopped being a victim"  # the law's soft limit, in the reader's voice
    law = law_with(catalog, "NM", {"time_limits": "lenient"}, timing=Timing(reasonable_time=words, citation="§ t"))
    (note,) = run(rule_timing, law, catalog)
    assert note == R(
        "timing", "note", "{You} must apply {words}.", "time_limits", "§ t", "high", (), (("words", words),)
    )
    from assistant.render.explain import reason_text

    assert reason_text(note, "survivor") == "You must apply promptly after you stopped being a victim."
    assert reason_text(note, "advocate") == "Your client must apply promptly after your client stopped being a victim."


def test_deadlines(catalog):
    from_end = timing_law(catalog, limits=[Period(years=2, start="trafficking_end")])
    end = "the trafficking ended"
    assert run(rule_timing, from_end, catalog, trafficking_ended="ongoing") == [
        T("note", "The deadline ({years}) starts counting when the trafficking ends.", (("years", "2 years"),), end)
    ]
    assert run(rule_timing, from_end, catalog, trafficking_ended="unsure") == [
        T(
            "uncertain",
            "There is a deadline: {years} after {start}. We could not work out if it has passed.",
            (("years", "2 years"),),
            end,
            "answer",
        )
    ]
    assert run(rule_timing, from_end, catalog, trafficking_ended=2020) == [
        T(
            "uncertain",
            "The deadline was {years} after {start}: about {deadline}. It has probably passed. "
            "Ask a lawyer about exceptions.",
            (("years", "2 years"), ("deadline", 2022)),
            end,
            "show",
        )
    ]
    # A deadline in this very year has not passed yet.
    assert run(rule_timing, from_end, catalog, trafficking_ended=2024) == [
        T(
            "note",
            "Apply by about {deadline}: the deadline is {years} after {start}.",
            (("years", "2 years"), ("deadline", 2026)),
            end,
        )
    ]
    # A start the answers never give (turning 18): the person must show when it was.
    from_18 = timing_law(catalog, limits=[Period(years=2, start="turning_18")])
    (unknown,) = run(rule_timing, from_18, catalog)
    assert (
        unknown.effect == "uncertain" and unknown.basis == "show" and unknown.phrases == (("start", "{you} turned 18"),)
    )
    # A felony deadline does not reach a misdemeanor.
    felony_only = timing_law(catalog, limits=[Period(years=1, start="conviction", applies_to=["felony"])])
    assert run(rule_timing, felony_only, catalog) == [
        T("supports", "No deadline or waiting time applies to this kind of charge.")
    ]
    assert run(rule_timing, felony_only, catalog, level="felony")[0].effect == "uncertain"


def test_waits(catalog):
    after_conviction = timing_law(catalog, waits=[Period(years=2.5, start="conviction")])
    assert run(rule_timing, after_conviction, catalog, year=2023) == [
        T(
            "supports",
            "The waiting time ({years} after {start}) has passed.",
            (("years", "2.5 years"), ("earliest", 2026)),
            "the conviction",
        )
    ]
    assert run(rule_timing, after_conviction, catalog, year=2024) == [
        T(
            "uncertain",
            "{You} may need to wait until about {earliest}: the law asks for {years} after {start}.",
            (("years", "2.5 years"), ("earliest", 2027)),
            "the conviction",
            "show",
        )
    ]
    assert run(rule_timing, after_conviction, catalog, year="unsure") == [
        T("note", "{You} must wait {years} after {start}.", (("years", "2.5 years"),), "the conviction")
    ]


def test_a_wait_for_one_kind_of_record_is_told_only_for_that_kind(catalog):
    # Texas: one year after the sentence for a conviction, after the dismissal of a deferred-adjudication
    # case for a dismissed charge (Tex. Gov't Code § 411.0728): one wait per record, never both.
    waits = [
        Period(years=1, start="sentence_completion", records=["conviction"]),
        Period(years=1, start="disposition", records=["dismissed"]),
    ]
    law = timing_law(catalog, waits=waits)
    conviction = run(rule_timing, law, catalog, record="conviction", year=2015)
    assert [dict(r.phrases)["start"] for r in conviction] == ["the sentence was finished"]
    dismissed = run(rule_timing, law, catalog, record="dismissed", year=2015)
    assert [(r.effect, dict(r.phrases)["start"]) for r in dismissed] == [("supports", "the case ended")]
    assert run(rule_timing, law, catalog, record="arrest") == [
        T("supports", "No deadline or waiting time applies to this kind of charge.")
    ]


def test_a_wait_after_the_sentence_counts_from_the_records_year_at_the_earliest(catalog):
    law = timing_law(catalog, waits=[Period(years=3, start="sentence_completion")])
    sentence = "the sentence was finished"
    # Three years since the record's year: the sentence may have ended later, so it stays a note.
    assert run(rule_timing, law, catalog, year=2015) == [
        T("note", "{You} must wait {years} after {start}.", (("years", "3 years"), ("earliest", 2018)), sentence)
    ]
    assert run(rule_timing, law, catalog, year=2025) == [
        T(
            "uncertain",
            "{You} may need to wait {years} after {start}, so not before about {earliest}.",
            (("years", "3 years"), ("earliest", 2028)),
            sentence,
            "show",
        )
    ]
    assert run(rule_timing, law, catalog, year="unsure") == [
        T("note", "{You} must wait {years} after {start}.", (("years", "3 years"),), sentence)
    ]


def test_timing_without_its_own_citation_cites_the_feature(catalog):
    # New York: the time-limits feature cites CPL 440.10(1) (opening); the statute list starts elsewhere.
    law = law_with(catalog, "NY", EXPLICIT, timing=Timing(limits=[Period(years=6, start="trafficking_end")]))
    assert run(rule_timing, law, catalog)[0].citation == "CPL 440.10(1) (opening); 440.10(1)(i)"
    assert law.fallback != "CPL 440.10(1) (opening); 440.10(1)(i)"


def test_every_wait_is_told_even_after_one_we_cannot_count(catalog):
    waits = [Period(years=1, start="trafficking_end"), Period(years=2, start="conviction")]
    told = run(rule_timing, timing_law(catalog, waits=waits), catalog, trafficking_ended="unsure", year=2025)
    assert [(r.effect, dict(r.phrases)["start"]) for r in told] == [
        ("note", "the trafficking ended"),
        ("uncertain", "the conviction"),
    ]


def test_a_procedure_level_without_a_declared_effect_is_a_note(catalog):
    rubric = catalog.rubric
    categories = [
        c.model_copy(update={"levels": [lv.model_copy(update={"effect": None}) for lv in c.levels]})
        if c.id == "burden_of_proof"
        else c
        for c in rubric.categories
    ]
    j = catalog.jurisdictions["NM"]
    law = LawView(j, j.current, rubric.model_copy(update={"categories": categories}))
    (burden,) = [r for r in run(rule_procedure, law, catalog) if r.rule == "burden"]
    assert burden.effect == "note" and burden.text == "{label}: {description}"


@pytest.mark.parametrize(
    ("period", "words"),
    [
        (Period(days=1, start="arrest"), "1 day"),
        (Period(days=21, start="arrest"), "21 days"),
        (Period(years=0.5, start="arrest"), "6 months"),
        (Period(years=1 / 12, start="arrest"), "1 month"),
        (Period(years=0.0575, start="arrest"), "21 days"),  # Oregon's 21 days, as a fraction of a year
        (Period(years=1 / 365, start="arrest"), "1 day"),
        (Period(years=0.96, start="arrest"), "350 days"),
        (Period(years=1, start="arrest"), "1 year"),
        (Period(years=2.5, start="arrest"), "2.5 years"),
    ],
)
def test_periods_in_plain_words(period, words):
    assert duration(period) == words


def test_which_answer_a_period_counts_from():
    f = Only({"year": 2015, "trafficking_ended": 2016})
    assert _start_year("trafficking_end", f) == 2016
    assert [_start_year(s, f) for s in ("arrest", "conviction", "disposition")] == [2015, 2015, 2015]
    assert [_start_year(s, f) for s in ("sentence_completion", "turning_18", "services_sought")] == [None] * 3


# --- conditions ------------------------------------------------------------------------------------------

WA_PENDING = "RCW 9.96.080(2)(b); RCW 9.94A.648(2)(b)"
WA_PENDING_TEXT = "No criminal charges pending in any state or federal court, other than for prostitution."


def C(effect, text, citation, confidence, params, basis=None):
    # a condition's own words are a phrase (they may speak to the person, "{you}"); other values are params
    phrases = tuple(p for p in params if p[0] == "condition")
    rest = tuple(p for p in params if p[0] != "condition")
    return R(
        "conditions", effect, text, "additional_restrictive_conditions", citation, confidence, rest, phrases, basis
    )


def test_no_pending_charges(catalog):
    wa = law_with(catalog, "WA")
    params = (("condition", WA_PENDING_TEXT),)
    # the condition reads the same whatever the answer (so an unsure answer keeps it); an open case is its own reason
    condition, open_case = run(rule_conditions, wa, catalog, pending_charges="yes")[:2]
    assert condition == C("uncertain", "Condition: {condition}", WA_PENDING, "high", params, "show")
    assert open_case == C(
        "uncertain", "{You} said a case is open, so {you} may need to wait until it ends.", WA_PENDING, None, (), "show"
    )
    assert run(rule_conditions, wa, catalog, pending_charges="no")[0] == C(
        "supports", "Condition: {condition}", WA_PENDING, "high", params
    )
    assert run(rule_conditions, wa, catalog, pending_charges="unsure")[0] == C(
        "note", "Condition: {condition}", WA_PENDING, "high", params
    )


def test_a_prosecutor_consent_condition_is_the_deciders_call(catalog):
    (consent, other) = run(rule_conditions, law_with(catalog, "PA"), catalog)
    assert consent == C(
        "uncertain",
        "Condition: {condition}",
        "18 Pa.C.S. § 3019(d)(2)(ii)",
        "high",
        (("condition", "The attorney for the Commonwealth (the prosecutor) must consent to the motion."),),
        "judge",
    )
    assert other.effect == "note" and other.citation == "18 Pa.C.S. § 3019(d)(2)(i), (iii), (iv)"


def test_a_certification_condition(catalog):
    needs = [Condition(code="certification_required", text="A certification.", citation="La. art. 997")]
    law = law_with(catalog, "LA", conditions=needs)
    params = (("condition", "A certification."),)
    assert run(rule_conditions, law, catalog) == [
        C("uncertain", "Condition: {condition}", "La. art. 997", "low", params, "show")
    ]
    assert run(rule_conditions, law, catalog, documentation=("certification",)) == [
        C("supports", "Condition: {condition}", "La. art. 997", "low", params)
    ]


def test_a_condition_without_its_own_citation_cites_the_feature_and_keeps_its_caution(catalog):
    law = law_with(catalog, "VA", conditions=[Condition(code="identify_trafficker", text="Name them.")])
    (named,) = run(rule_conditions, law, catalog)
    assert named == C(
        "note",
        "Condition: {condition} {caution}",
        law.cite("additional_restrictive_conditions"),
        "low",
        (("condition", "Name them."), ("caution", "Naming the trafficker can be unsafe. Talk with an advocate first.")),
    )


def test_conditions_we_could_not_read_are_a_data_gap(catalog):
    law = law_with(catalog, "NM", {"additional_restrictive_conditions": "unknown"}, conditions=[])
    assert run(rule_conditions, law, catalog) == [
        C(
            "uncertain",
            "We could not confirm whether the law adds other conditions.",
            NM_CONDITIONS,
            None,
            (),
            "data",
        )
    ]


# --- official papers -----------------------------------------------------------------------------------------

MS_DOCS = "Miss. Code § 97-3-54.6(5)"
CERT = "a certification from police, a prosecutor or an agency"


def D(effect, text, params=(), basis=None, citation=MS_DOCS, confidence="high"):
    return R("documentation", effect, text, "official_documentation", citation, confidence, params, (), basis)


def test_papers_the_law_requires(catalog):
    required = Documentation(documents=["t_visa"], required=["certification", "court_finding"], citation="§ d")
    law = law_with(catalog, "MS", documentation=required)
    assert run(rule_documentation, law, catalog, documentation=("t_visa",))[0] == D(
        "uncertain",
        "The law asks for {names}, which was not among the papers named.",
        (("names", f"{CERT} or a court finding"),),
        "show",
        "§ d",
    )
    held = run(rule_documentation, law, catalog, documentation=("court_finding", "unsure"))
    assert [r.effect for r in held] == ["note"]  # asked for and held: no obstacle (and not a presumption paper)


def test_papers_that_create_the_presumption(catalog):
    ms = law_with(catalog, "MS")  # § 97-3-54.6(5): official papers create a presumption
    presume = "{Your} papers ({names}) should make the court presume that {you_are} eligible."
    assert run(rule_documentation, ms, catalog, documentation=("certification", "t_visa", "unsure")) == [
        D("supports", presume, (("names", f"{CERT}, a T visa"),))
    ]
    assert run(rule_documentation, ms, catalog) == [
        D(
            "note",
            "Official papers ({names}) would make the court presume {you_are} eligible.",
            (("names", f"a T visa, Continued Presence, {CERT}"),),
        )
    ]


def test_without_named_papers_and_a_higher_standard_without_them(catalog):
    docs = Documentation(documents=[], without_documents_standard="clear_and_convincing")
    law = law_with(catalog, "MS", documentation=docs)
    assert run(rule_documentation, law, catalog, documentation=("unsure",)) == [
        D(
            "note",
            "Official papers ({names}) would make the court presume {you_are} eligible. "
            "Without them, the proof must be stronger (clear and convincing evidence).",
            (("names", "official documents"),),
        )
    ]
    # with none, the burden of proof says the stronger standard is theirs: not said here again (words review 9)
    assert run(rule_documentation, law, catalog, documentation=("none",)) == [
        D(
            "note",
            "Official papers ({names}) would make the court presume {you_are} eligible.",
            (("names", "official documents"),),
        )
    ]


def test_what_papers_do_when_we_could_not_read_it(catalog):
    unknown = "We could not confirm what official papers do under this law."
    # a note that our data does not know (basis "data"): a survivor is told it once, with the other such parts
    no_details = law_with(catalog, "MS", documentation=None)
    assert run(rule_documentation, no_details, catalog) == [D("note", unknown, basis="data")]
    law = law_with(catalog, "MS", {"official_documentation": "unknown"})
    assert run(rule_documentation, law, catalog) == [D("note", unknown, basis="data", confidence=None)]


def test_papers_without_a_presumption(catalog):
    assert run(rule_documentation, law_with(catalog, "WA"), catalog) == [
        D(
            "note",
            "Papers do not create a presumption here, but they can still help as evidence.",
            citation="RCW 9.96.080(2)(a); RCW 9.94A.648(2)(a)",
        )
    ]


def test_held_papers_leave_out_none_and_unsure():
    assert held_documents(Only({"documentation": ("none",)})) == []
    assert held_documents(Only({"documentation": ("unsure", "t_visa", "certification")})) == ["t_visa", "certification"]


# --- procedure -------------------------------------------------------------------------------------------------


def test_procedure_in_new_mexico(catalog):
    assert run(rule_procedure, law_with(catalog, "NM"), catalog) == [
        R(
            "burden",
            "note",
            "{label}: {description}",
            "burden_of_proof",
            "NMSA 1978 § 30-52-1.2(A)",
            "high",
            (("label", "Burden of proof"),),
            # the level's words for the person (its `means`), filled in the reader's voice
            (("description", "The law does not say how strong the proof must be, so each judge decides."),),
        ),
        R(
            "hearing",
            "note",
            "{label}: {description}",
            "hearing",
            "NMSA 1978 § 30-52-1.2",
            "high",
            (("label", "Hearing"), ("description", "No hearing is required.")),
        ),
        R(
            "discretion",
            "supports",
            "{label}: {description}",
            "judicial_discretion",
            "NMSA 1978 § 30-52-1.2(A)-(B)",
            "high",
            (
                ("label", "Judge's power to grant relief"),
                (
                    "description",
                    "The judge can grant relief even if the prosecutor objects, once the prosecutor had notice.",
                ),
            ),
        ),
        R(
            "confidentiality",
            "note",
            "{label}: {description}",
            "confidentiality",
            "NMSA 1978 § 30-52-1.2(D)",
            "medium",
            (
                ("label", "Confidentiality"),
                ("description", "The law does not protect confidentiality or allow filing under seal."),
            ),
        ),
    ]


def test_a_hearing_we_could_not_read_says_so_without_a_confidence(catalog):
    hearing = [
        r for r in run(rule_procedure, law_with(catalog, "NM", {"hearing": "unknown"}), catalog) if r.rule == "hearing"
    ]
    assert hearing == [
        R(
            "hearing",
            "note",
            "{label}: we could not confirm this.",
            "hearing",
            "NMSA 1978 § 30-52-1.2",
            None,
            (("label", "Hearing"),),
            basis="data",
        )
    ]


PA_VETO = "The judge cannot grant relief over the prosecutor's objection (for example, the prosecutor must consent)."


def test_the_prosecutors_veto_is_the_deciders_call_unless_a_certification_is_held(catalog):
    label = ("label", "Judge's power to grant relief")
    pa = law_with(catalog, "PA", conditions=[])  # the veto alone (PA also lists the consent as a condition)
    veto = [r for r in run(rule_procedure, pa, catalog) if r.rule == "discretion"]
    assert veto == [
        R(
            "discretion",
            "uncertain",
            "{label}: {description}",
            "judicial_discretion",
            "18 Pa.C.S. § 3019(d)(2)(ii)",
            "high",
            (label, ("description", PA_VETO)),
            basis="judge",
        )
    ]
    # A law that requires a certification as a paper (not a condition) counts as the prosecutor's agreement.
    docs = Documentation(documents=["certification"], required=["certification"], citation="§ r")
    law = law_with(catalog, "PA", documentation=docs, conditions=[])
    held = [r for r in run(rule_procedure, law, catalog, documentation=("certification",)) if r.rule == "discretion"]
    assert held == [
        R(
            "discretion",
            "supports",
            "{label}: {description} The law's certification is how the prosecutor agrees, and {you_have} one.",
            "judicial_discretion",
            "18 Pa.C.S. § 3019(d)(2)(ii)",
            "high",
            (label, ("description", PA_VETO)),
        )
    ]
    # A certification held where the law asks for none is not the prosecutor's agreement.
    pa = law_with(catalog, "PA", conditions=[])
    plain = [r for r in run(rule_procedure, pa, catalog, documentation=("certification",))]
    assert [r.effect for r in plain if r.rule == "discretion"] == ["uncertain"]


# --- the law's view ---------------------------------------------------------------------------------------------


def test_a_law_without_statutes_says_none_was_found_and_cites_that(catalog):
    j = catalog.jurisdictions["NM"]
    law = LawView(j, j.current.model_copy(update={"statutes": []}), catalog.rubric)
    assert law.fallback == f"no trafficking relief statute found for New Mexico (as of {j.as_of})"
    assert LawView(j, j.current, catalog.rubric).fallback == "NMSA 1978 § 30-52-1.2"
    assert law.value("no_such") == "unknown" and law.level("no_such") is None
    assert law.cite("no_such") == law.fallback and law.conf("no_such") is None


def test_a_basis_is_kept_only_on_an_uncertain_reason():
    assert reason("r", "uncertain", "t", "f", "c", basis="show").basis == "show"
    assert reason("r", "note", "t", "f", "c", basis="show").basis is None
    assert reason("r", "note", "t", "f", "c", "high", {"a": 1}, {"b": "x"}) == R(
        "r", "note", "t", "f", "c", "high", (("a", 1),), (("b", "x"),)
    )


# --- other ways forward (assistant/core/next_steps.py) ------------------------------------------------------------

FEDERAL_LAW = "Trafficking Survivors Relief Act (Pub. L. 119-73), 18 U.S.C. § 3771A"


def steps(catalog: Any, code: str, verdict: str, **record: Any) -> list[Reason]:
    from assistant.core.next_steps import next_steps
    from tests.factories import answers_with

    j = catalog.jurisdictions[code]
    rec = answers_with({"jurisdiction": code, **record}).records[0]
    return next_steps(catalog, LawView(j, j.current, catalog.rubric), rec, verdict)


def federal(name: str) -> Reason:
    return R(
        "federal",
        "note",
        "The federal law ({law}) covers federal records only, not records from {name}.",
        "range_of_relief",
        "18 U.S.C. § 3771A",
        "medium",
        (("law", FEDERAL_LAW), ("name", name)),
    )


def test_a_pardon_for_a_conviction_with_its_own_citation_and_the_federal_law_for_federal_records(catalog):
    (pardon, us) = steps(catalog, "SD", "no_adult_law")  # a conviction in South Dakota, which has no adult law
    assert pardon[:6] == (
        "pardon",
        "note",
        "A pardon may be possible. {summary}",  # a route named only "Pardon" is not named twice
        "details.other_routes",
        "S.D. Codified Laws §§ 24-14-1, 24-14-2",
        "medium",
    )
    assert dict(pardon.params)["name"] == "Pardon"
    assert us == federal("South Dakota")


def test_an_arrest_gets_the_arrest_route_not_the_pardon_and_never_a_trial_defense(catalog):
    (route, us) = steps(catalog, "SD", "no_adult_law", record="arrest")
    assert route[:6] == (
        "other_route",
        "note",
        "Another law may help: {name}. {summary}",
        "details.other_routes",
        "S.D. Codified Laws § 23A-3-27",
        "high",
    )
    assert dict(route.params)["name"] == "Expungement of arrest records (general)"
    assert us == federal("South Dakota")
    unsure = steps(catalog, "SD", "no_adult_law", record="unsure")  # could be any kind: every route that clears
    assert [r.rule for r in unsure] == ["other_route", "pardon", "federal"]


def test_other_routes_only_when_the_trafficking_law_may_not_be_enough(catalog):
    assert steps(catalog, "NM", "likely_eligible") == [federal("New Mexico")]
    for verdict in ("possibly_eligible", "not_covered"):
        assert [r.rule for r in steps(catalog, "NM", verdict)] == ["other_route", "pardon", "federal"], verdict


def test_the_juvenile_route_for_someone_who_was_or_may_have_been_under_18(catalog):
    juvenile = catalog.jurisdictions["NM"].current.details.juvenile
    note = R(
        "juvenile_route",
        "note",
        "For charges from when {you_were} under 18: {summary}",
        "details.juvenile",
        "NMSA 1978 § 32A-2-26(A)",
        "high",
        (),
        (("summary", juvenile.summary),),  # a phrase: route summaries may speak to the person
    )
    for age in ("minor", "unsure"):
        assert [r for r in steps(catalog, "NM", "possibly_eligible", age=age) if r.rule == "juvenile_route"] == [note]
    assert not [r for r in steps(catalog, "NM", "possibly_eligible") if r.rule == "juvenile_route"]
    assert not [r for r in steps(catalog, "NM", "likely_eligible", age="minor") if r.rule == "juvenile_route"]


def test_no_federal_note_for_a_federal_record_or_without_a_federal_law(catalog):
    import dataclasses

    assert "federal" not in [r.rule for r in steps(catalog, "US", "possibly_eligible")]
    without = dataclasses.replace(catalog, jurisdictions={k: v for k, v in catalog.jurisdictions.items() if k != "US"})
    assert "federal" not in [r.rule for r in steps(without, "NM", "likely_eligible")]
    us = catalog.jurisdictions["US"]
    no_relief = us.model_copy(
        update={"versions": [*us.versions[:-1], us.current.model_copy(update={"adult_relief": False})]}
    )
    changed = dataclasses.replace(catalog, jurisdictions={**catalog.jurisdictions, "US": no_relief})
    assert "federal" not in [r.rule for r in steps(changed, "NM", "likely_eligible")]
    features = {k: f for k, f in us.current.features.items() if k != "range_of_relief"}
    unread = us.model_copy(
        update={"versions": [*us.versions[:-1], us.current.model_copy(update={"features": features})]}
    )
    changed = dataclasses.replace(catalog, jurisdictions={**catalog.jurisdictions, "US": unread})
    assert [r.confidence for r in steps(changed, "NM", "likely_eligible")] == [None]


def test_which_routes_fit_a_record():
    from assistant.core.next_steps import route_fits
    from assistant.models.answers import RecordAnswers
    from assistant.models.jurisdiction import OtherRoute
    from tests.factories import record

    def rec(**fields: Any) -> RecordAnswers:
        return RecordAnswers.model_validate(record(**fields))

    defense = OtherRoute(name="d", summary="s", kind="defense")
    assert not route_fits(defense, rec())  # raised at trial; clears no record
    young = OtherRoute(name="j", summary="s", kind="juvenile")
    assert not route_fits(young, rec(age="adult"))
    assert route_fits(young, rec(age="adult", record="juvenile_adjudication"))
    assert route_fits(young, rec(age="minor")) and route_fits(young, rec(age="unsure"))
    arrests = OtherRoute(name="a", summary="s", kind="non_conviction_relief", records=["arrest", "dismissed"])
    assert not route_fits(arrests, rec()) and route_fits(arrests, rec(record="arrest"))
    assert route_fits(arrests, rec(record="unsure"))
    unread = OtherRoute(name="o", summary="s", kind="other")  # no records listed: shown for any record
    assert route_fits(unread, rec())
    petty = OtherRoute(name="p", summary="s", kind="general_relief", levels=["misdemeanor"])
    assert route_fits(petty, rec()) and not route_fits(petty, rec(level="felony"))
    assert route_fits(petty, rec(level="unsure"))
    classes = OtherRoute(name="c", summary="s", kind="general_relief", felony_classes=["class_b", "class_c"])
    assert not route_fits(classes, rec(level="felony", felony_class="class_a"))
    assert route_fits(classes, rec(level="felony", felony_class="class_b"))
    assert route_fits(classes, rec(level="felony")) and route_fits(classes, rec(level="felony", felony_class="unsure"))
    assert route_fits(classes, rec(felony_class="class_a"))  # a class says nothing about a misdemeanor
    trafficking = OtherRoute(name="t", summary="s", kind="other", trafficking_specific=True)
    assert route_fits(trafficking, rec()) and not route_fits(trafficking, rec(connection="not_connected"))
    assert route_fits(trafficking.model_copy(update={"trafficking_specific": False}), rec(connection="not_connected"))
    closed = OtherRoute(name="n", summary="s", kind="other", closed_since="2017-08-01")
    assert not route_fits(closed, rec()) and route_fits(closed.model_copy(update={"closed_since": None}), rec())


def test_the_first_step_is_never_a_route_the_record_cannot_use(catalog):
    # La. C.Cr.P. art. 855.1: a new trial for pre-2014 prostitution convictions, closed since August 2017
    la = [str(r.params) for r in steps(catalog, "LA", "possibly_eligible", offense="prostitution", year=2012)]
    assert la and not any("New trial" in p for p in la)
    # S.C. Code § 22-5-910: offences of at most 30 days or a $1,000 fine, never a felony
    sc = [r.params for r in steps(catalog, "SC", "not_covered", offense="drug", level="felony", felony_class="class_c")]
    assert not any("magistrate" in str(p) for p in sc)
    # RCW 9.94A.640: class B and C felonies only
    wa = [str(r.params) for r in steps(catalog, "WA", "not_covered", level="felony", felony_class="class_a")]
    assert not any("General vacation" in p for p in wa)
    wa_b = [str(r.params) for r in steps(catalog, "WA", "possibly_eligible", level="felony", felony_class="class_b")]
    assert any("General vacation" in p for p in wa_b)
    # G.S. 15A-145.5(a)(1): "nonviolent" leaves out every Class A through G felony
    nc_c = [str(r.params) for r in steps(catalog, "NC", "not_covered", level="felony", felony_class="class_c")]
    assert not any("15A-145.5" in p for p in nc_c)
    nc_h = [str(r.params) for r in steps(catalog, "NC", "not_covered", level="felony", felony_class="class_h")]
    assert any("15A-145.5" in p for p in nc_h)
    # (a)(2): nor an offence with assault as an essential element
    nc_violent = steps(catalog, "NC", "not_covered", offense="violent", level="felony", felony_class="class_h")
    assert not any("15A-145.5" in str(r.params) for r in nc_violent)
    # T.C.A. § 40-32-101(g)(1)(A), (D), (E): listed Class E, D and C felonies; never Class A or B
    tn_b = steps(catalog, "TN", "not_covered", level="felony", felony_class="class_b")
    assert not any("General expunction of an eligible" in str(r.params) for r in tn_b)
    tn_c = steps(catalog, "TN", "possibly_eligible", level="felony", felony_class="class_c")
    assert any("General expunction of an eligible" in str(r.params) for r in tn_c)
    # 15 M.R.S. § 2262: Class E crimes, not the sex offenses of Title 17-A, chapter 11
    me_sex = steps(catalog, "ME", "not_covered", offense="sex_related", level="misdemeanor")
    assert not any("motion to seal" in str(r.params) for r in me_sex)
    assert any("motion to seal" in str(r.params) for r in steps(catalog, "ME", "not_covered", level="misdemeanor"))
    # Cal. Penal Code § 1203.49: prostitution or solicitation convictions only (words review 8)
    ca_violent = steps(catalog, "CA", "possibly_eligible", offense="violent", level="felony")
    assert not any("1203.49" in str(r.params) for r in ca_violent)
    assert any("1203.49" in str(r.params) for r in steps(catalog, "CA", "possibly_eligible", offense="prostitution"))
    # 20 ILCS 2630/5.2 (P.A. 102-0639): felony prostitution records; W.S. § 7-13-1501: misdemeanors only
    assert not any("Felony prostitution" in str(r.params) for r in steps(catalog, "IL", "possibly_eligible"))
    il = steps(catalog, "IL", "possibly_eligible", offense="prostitution", level="felony")
    assert any("Felony prostitution" in str(r.params) for r in il)
    wy_felony = steps(catalog, "WY", "not_covered", offense="drug", level="felony")
    assert not any("7-13-1501" in str(r.params) for r in wy_felony)


def test_a_route_that_fits_only_if_an_unsure_answer_is_one_way_says_so(catalog):
    """Iowa: a pardon (Iowa Const. art. IV, § 16) is for a conviction; § 901C.3 for a misdemeanor conviction."""
    unsure = {"record": "unsure", "level": "unsure", "offense": "unsure"}
    said = [(r.rule, dict(r.params).get("fit")) for r in steps(catalog, "IA", "no_adult_law", **unsure)]
    assert ("pardon", "a conviction") in said
    assert ("other_route", "a conviction for a misdemeanor") in said
    # a route that fits the record as told comes before those that fit only if an unsure answer is one way
    fits = [fit for rule, fit in said if rule in ("pardon", "other_route")]
    assert fits == sorted(fits, key=lambda fit: fit is not None)
    # a route for every kind but one names the one it does not reach
    dc = [dict(r.params).get("fit") for r in steps(catalog, "DC", "possibly_eligible", record="unsure")]
    assert "not a juvenile court case" in dc
    known = steps(catalog, "IA", "no_adult_law", record="conviction", level="misdemeanor")
    assert all("fit" not in dict(r.params) for r in known)


def test_details_without_their_own_citation_cite_the_feature_not_the_whole_statute(catalog):
    """Oregon: the offences are in ORS 137.221(1), the papers in (3)(a)-(c); the statute as a whole is ORS 137.221."""
    offenses = catalog.jurisdictions["OR"].current.details.offenses.model_copy(update={"citation": None})
    (offense,) = run(rule_offense, law_with(catalog, "OR", offenses=offenses), catalog)
    assert offense.citation == "ORS 137.221(1)"
    docs = Documentation(documents=["t_visa"])
    law = law_with(catalog, "OR", {"official_documentation": "presumption"}, documentation=docs)
    (papers,) = run(rule_documentation, law, catalog)
    assert papers.citation == "ORS 137.221(3)(a)-(c)" and law.fallback == "ORS 137.221"


def test_no_timing_without_a_declared_effect_supports(catalog):
    categories = [
        c.model_copy(update={"levels": [lv.model_copy(update={"effect": None}) for lv in c.levels]})
        if c.id == "time_limits"
        else c
        for c in catalog.rubric.categories
    ]
    j = catalog.jurisdictions["NM"]  # NMSA 1978 § 30-52-1.2: no deadline and no wait
    law = LawView(j, j.current, catalog.rubric.model_copy(update={"categories": categories}))
    assert [r.effect for r in run(rule_timing, law, catalog)] == ["supports"]


def test_a_procedure_category_missing_from_the_rubric_is_skipped_not_the_rest(catalog):
    rubric = catalog.rubric
    categories = [c for c in rubric.categories if c.id != "burden_of_proof"]
    j = catalog.jurisdictions["NM"]
    law = LawView(j, j.current, rubric.model_copy(update={"categories": categories}))
    assert [r.rule for r in run(rule_procedure, law, catalog)] == ["hearing", "discretion", "confidentiality"]
