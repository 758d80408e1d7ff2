"""Each eligibility rule on its own: the reason it gives, its effect, and the subsection it cites.

Laws here are real jurisdictions' data with one part changed (`law_with`), so each test shows the
one fact of a law that decides the rule, the way a reviewer reads a statute.
"""

from __future__ import annotations

from typing import Any

from assistant.core.engine import Evaluator
from assistant.core.rules import (
    LawView,
    Only,
    rule_adult_law,
    rule_conditions,
    rule_documentation,
    rule_nexus,
    rule_offense,
    rule_procedure,
    rule_record_charge,
    rule_record_kind,
    rule_route_link,
    rule_timing,
)
from assistant.models.jurisdiction import Condition, Documentation, RecordCoverage
from assistant.render.explain import reason_text
from tests.factories import answers_with

NOW = 2026
FACTS = {
    "record": "conviction",
    "offense": "theft",
    "level": "misdemeanor",
    "connection": "forced",
    "age": "adult",
    "pending_charges": "no",
    "felony_class": None,
    "drug_charge": None,
    "other_convictions": (),
    "year": 2015,
    "trafficking_ended": 2016,
    "documentation": ("none",),
}


def law_with(catalog: Any, code: str, features: dict[str, str] | None = None, **details: Any) -> LawView:
    """`code`'s law in force with some features set to other levels and some details replaced."""
    j = catalog.jurisdictions[code]
    v = j.current
    feats = dict(v.features)
    for cat, level in (features or {}).items():
        feats[cat] = feats[cat].model_copy(update={"value": level, "scored_as": None})
    v = v.model_copy(update={"features": feats, "details": v.details.model_copy(update=details)})
    return LawView(j, v, catalog.rubric)


def run(rule: Any, law: LawView, catalog: Any, **facts: Any) -> list[Any]:
    phrases = Evaluator(catalog, NOW).phrases
    return rule(law, Only({**FACTS, **facts}), phrases, NOW)


def one(reasons: list[Any], name: str) -> Any:
    (found,) = [r for r in reasons if r.rule == name]
    return found


# --- the prosecutor's veto ---------------------------------------------------------------------------


def test_a_prosecutor_veto_stands_in_the_way(catalog):
    # 18 Pa.C.S. § 3019(d)(2)(ii): the prosecutor must consent. Without the consent condition, the judge's
    # power tells the veto:
    law = law_with(catalog, "PA", conditions=[])
    discretion = one(run(rule_procedure, law, catalog), "discretion")
    assert discretion.effect == "uncertain"
    assert discretion.feature == "judicial_discretion" and "3019(d)(2)(ii)" in discretion.citation
    # with it (as encoded), the condition tells it once and the judge's power says nothing more
    assert [r for r in run(rule_procedure, law_with(catalog, "PA"), catalog) if r.rule == "discretion"] == []


def test_a_court_that_decides_over_objection_supports(catalog):
    law = law_with(catalog, "PA", {"judicial_discretion": "over_objection"})
    assert one(run(rule_procedure, law, catalog), "discretion").effect == "supports"


def test_a_certification_is_how_the_prosecutor_agrees_only_when_the_person_has_one(catalog):
    needs = [Condition(code="certification_required", text="A certification from the prosecutor.", citation="x")]
    law = law_with(catalog, "PA", conditions=needs)
    without = one(run(rule_procedure, law, catalog), "discretion")
    assert without.effect == "uncertain" and "{you_have} one" not in without.text
    held = one(run(rule_procedure, law, catalog, documentation=("certification",)), "discretion")
    assert held.effect == "supports" and "{you_have} one" in held.text


# --- conditions --------------------------------------------------------------------------------------


def test_a_condition_for_convictions_is_not_asked_of_an_arrest(catalog):
    dc = law_with(catalog, "DC")  # D.C. Code § 22-1844(e)(2): any sentence for the offenses must be completed
    sentence = "Any sentence of incarceration"
    conviction = run(rule_conditions, dc, catalog, record="conviction")
    assert any(sentence in dict(x.phrases)["condition"] for x in conviction)
    arrest = run(rule_conditions, dc, catalog, record="arrest")
    assert arrest and not any(sentence in dict(x.phrases)["condition"] for x in arrest)
    unsure = run(rule_conditions, dc, catalog, record="unsure")  # it could be a conviction
    assert any(sentence in dict(x.phrases)["condition"] for x in unsure)


def test_a_certification_condition_is_not_met_without_a_certification(catalog):
    needs = [Condition(code="certification_required", text="A certification.", citation="La. C.Cr.P. art. 997")]
    law = law_with(catalog, "LA", conditions=needs)
    assert one(run(rule_conditions, law, catalog), "conditions").effect == "uncertain"
    for papers in (("t_visa",), ("none",), ("unsure",)):
        assert one(run(rule_conditions, law, catalog, documentation=papers), "conditions").effect == "uncertain"
    met = one(run(rule_conditions, law, catalog, documentation=("certification",)), "conditions")
    assert met.effect == "supports" and met.citation == "La. C.Cr.P. art. 997"


def test_an_open_case_may_block_a_no_pending_charges_condition(catalog):
    law = law_with(catalog, "WA")  # RCW 9.96.080(2)(b): no pending charges
    open_case = [r for r in run(rule_conditions, law, catalog, pending_charges="yes") if "pending" in str(r.phrases)]
    assert open_case and open_case[0].effect == "uncertain" and "9.96.080(2)(b)" in open_case[0].citation
    none_open = [r for r in run(rule_conditions, law, catalog, pending_charges="no") if "pending" in str(r.phrases)]
    assert none_open[0].effect == "supports"


def test_naming_the_trafficker_carries_a_safety_word(catalog):
    law = law_with(catalog, "VA", conditions=[Condition(code="identify_trafficker", text="Name them.", citation="c")])
    (reason,) = run(rule_conditions, law, catalog)
    assert dict(reason.params)["caution"].startswith("Naming the trafficker can be unsafe")


# --- records and offences ----------------------------------------------------------------------------


def test_a_law_that_reaches_only_some_arrests_does_not_reach_every_arrest(catalog):
    records = RecordCoverage(
        arrest="some", dismissed="covered", conviction="covered", juvenile_adjudication="unknown", citation="§ x(a)"
    )
    law = law_with(catalog, "NM", records=records)
    some = one(run(rule_record_kind, law, catalog, record="arrest"), "record_kind")
    assert some.effect == "uncertain" and "only some" in some.text and some.citation == "§ x(a)"
    assert one(run(rule_record_kind, law, catalog, record="dismissed"), "record_kind").effect == "supports"


def test_a_record_kind_reached_only_for_some_charges_is_decided_by_the_charge(catalog):
    law = law_with(catalog, "CO")  # C.R.S. § 24-72-707(1.5): a person "charged with ... prostitution" may seal
    assert run(rule_record_kind, law, catalog, record="arrest") == []  # the charge decides, not the kind
    sold_sex = one(run(rule_record_charge, law, catalog, record="arrest", offense="prostitution"), "record_kind")
    assert sold_sex.effect == "supports" and "24-72-707(1), (1.5)" in sold_sex.citation
    drugs = one(run(rule_record_charge, law, catalog, record="arrest", offense="drug"), "record_kind")
    assert drugs.effect == "blocks" and dict(drugs.params)["charges"] == "prostitution charges (selling sex)."


def test_alabamas_three_listed_convictions_decide_a_felony_conviction(catalog):
    law = law_with(catalog, "AL")  # Ala. Code § 15-27-2(b): only three felony convictions
    theft = one(run(rule_record_charge, law, catalog, level="felony"), "record_kind")
    assert theft.effect == "blocks" and "15-27-2(a)(8), (b)" in theft.citation
    promoting = one(run(rule_record_charge, law, catalog, level="felony", offense="sex_related"), "record_kind")
    assert promoting.effect == "uncertain" and promoting.basis == "show"
    assert promoting.text.startswith("This law reaches {kind} for {offense} as a {level} only in some cases")
    # No court has read the misdemeanor ground (§ 15-27-1(a)(8)) for convictions: our data does not know.
    misdemeanor = one(run(rule_record_charge, law, catalog, level="misdemeanor"), "record_kind")
    assert misdemeanor.effect == "uncertain" and misdemeanor.basis == "data"
    assert misdemeanor.text.startswith("We could not confirm that this law reaches {kind} for {offense}")


def test_a_record_kind_the_law_does_not_reach_blocks(catalog):
    law = law_with(catalog, "NY")  # CPL 440.10(1)(i): convictions only
    blocked = one(run(rule_record_kind, law, catalog, record="arrest"), "record_kind")
    assert blocked.effect == "blocks" and "440.10" in blocked.citation


def test_offence_coverage_decides_the_offence_rule(catalog):
    law = law_with(catalog, "OR")  # ORS 137.221: prostitution only
    assert one(run(rule_offense, law, catalog, offense="theft"), "offense").effect == "blocks"
    assert one(run(rule_offense, law, catalog, offense="prostitution"), "offense").effect == "supports"
    ca = law_with(catalog, "CA")  # § 236.14(t)(1): violent felonies on the § 667.5(c) list are out
    partly = one(run(rule_offense, ca, catalog, offense="violent", level="felony"), "offense")
    assert partly.effect == "uncertain" and "236.14" in partly.citation


def test_the_felony_class_decides_a_law_that_reaches_felonies_by_class(catalog):
    law = law_with(
        catalog, "CT"
    )  # § 54-95c(a): "a class C, D or E felony or any unclassified felony ... not more than ten years"
    drug = {"offense": "drug", "level": "felony"}
    d = one(run(rule_offense, law, catalog, felony_class="class_d", **drug), "offense")
    assert d.effect == "supports" and "54-95c(a)" in d.citation and dict(d.params)["level"] == "class D felony"
    b = one(run(rule_offense, law, catalog, felony_class="class_b", **drug), "offense")
    assert b.effect == "blocks" and dict(b.params)["level"] == "class B felony"
    long = one(run(rule_offense, law, catalog, felony_class="unclassified_over_10", **drug), "offense")
    assert long.effect == "blocks"
    # Not given (or "not sure"): the felony line answers, and it is for the person to show the class
    unknown = one(run(rule_offense, law, catalog, **drug), "offense")
    assert unknown.effect == "uncertain" and unknown.basis == "show" and dict(unknown.params)["level"] == "felony"
    # A class is a felony's: a misdemeanor is decided by the misdemeanor line whatever is stored
    misd = one(run(rule_offense, law, catalog, offense="drug", felony_class="class_b"), "offense")
    assert misd.effect == "supports" and dict(misd.params)["level"] == "misdemeanor"


def test_a_class_the_law_reaches_still_keeps_its_exclusions(catalog):
    nc = law_with(catalog, "NC")  # G.S. 15A-145.9(a)(1): Class H and I felonies, no assault offenses
    theft = one(run(rule_offense, nc, catalog, level="felony", felony_class="class_h"), "offense")
    assert theft.effect == "supports"
    violent = {"offense": "violent", "level": "felony", "felony_class": "class_i"}
    assert one(run(rule_offense, nc, catalog, **violent), "offense").effect == "blocks"
    assert one(run(rule_offense, nc, catalog, level="felony", felony_class="class_g"), "offense").effect == ("blocks")
    wa = law_with(catalog, "WA")  # RCW 9.94A.648(1)(a): class B or C only; (3) excludes violent offenses and
    # crimes against persons (RCW 9.94A.030(58), 43.43.830(9)), where theft is not
    assert one(run(rule_offense, wa, catalog, level="felony", felony_class="class_a"), "offense").effect == ("blocks")
    b = one(run(rule_offense, wa, catalog, level="felony", felony_class="class_b"), "offense")
    assert b.effect == "supports" and dict(b.params)["level"] == "class B felony"
    weapon = {"offense": "weapon", "level": "felony", "felony_class": "class_b"}  # drive-by shooting is violent
    assert one(run(rule_offense, wa, catalog, **weapon), "offense").basis == "show"


def test_having_drugs_and_selling_them_are_decided_apart_where_the_law_tells_them_apart(catalog):
    va = law_with(catalog, "VA")  # § 19.2-327.15: possession (§ 18.2-250) at either level; no sale offence
    drug = {"offense": "drug", "level": "felony"}
    having = one(run(rule_offense, va, catalog, drug_charge="possession", **drug), "offense")
    assert having.effect == "supports" and "19.2-327.15" in having.citation
    assert dict(having.params)["offense"] == "having drugs"
    selling = one(run(rule_offense, va, catalog, drug_charge="sale", **drug), "offense")
    assert selling.effect == "blocks" and dict(selling.params)["offense"] == "selling, sharing or making drugs"
    # no sale at any level: said without "as a felony", which read as if a misdemeanor sale might do
    assert reason_text(selling, "survivor").startswith(
        "It does not cover selling, sharing or making drugs, as a misdemeanor or a felony."
    )
    # not given: the drug line answers, and it is for the person to show which
    unknown = one(run(rule_offense, va, catalog, **drug), "offense")
    assert unknown.effect == "uncertain" and unknown.basis == "show"
    # a kind's own words are said only where the law reaches some of that kind (Maryland's sale list)
    md = law_with(catalog, "MD")
    sale = {"offense": "drug", "drug_charge": "sale"}
    own = "among charges for selling or sharing"
    misdemeanor = one(run(rule_offense, md, catalog, **sale), "offense")
    assert dict(misdemeanor.params)["summary"].startswith(own)
    # one sentence: "... only in some cases: among charges ...", not "It covers: Among charges ..."
    assert f"only in some cases: {own}" in reason_text(misdemeanor, "survivor")
    felony = one(run(rule_offense, md, catalog, level="felony", **sale), "offense")
    assert felony.effect == "blocks" and own not in dict(felony.params)["summary"].lower()


def test_ohios_felony_degree_decides_whether_a_predicate_conviction_is_needed(catalog):
    oh = law_with(catalog, "OH")  # R.C. 2953.36(A)(2): any F4 or F5; (A)(1): other degrees with a predicate
    f4 = one(run(rule_offense, oh, catalog, offense="drug", level="felony", felony_class="class_f4"), "offense")
    assert f4.effect == "supports" and "2953.36(A)(1)-(2)" in f4.citation
    assert dict(f4.params)["level"] == "fourth-degree felony (F4)"
    f2 = one(run(rule_offense, oh, catalog, offense="drug", level="felony", felony_class="class_f2"), "offense")
    assert f2.effect == "uncertain" and f2.basis == "show"
    assert "soliciting, loitering to solicit or prostitution" in dict(f2.params)["summary"]
    # R.C. 2953.36(A)(1): another record the person gave, an Ohio prostitution conviction, is the predicate
    f2_theft = {"offense": "theft", "level": "felony", "felony_class": "class_f2"}
    given = one(run(rule_offense, oh, catalog, other_convictions=(("OH", "prostitution"),), **f2_theft), "offense")
    assert given.effect == "supports" and dict(given.params)["predicate"] == "prostitution"
    assert "another record here is one" in reason_text(given, "advocate")
    elsewhere = (("NY", "prostitution"), ("OH", "theft"))  # another state's, or another offence: not the predicate
    assert one(run(rule_offense, oh, catalog, other_convictions=elsewhere, **f2_theft), "offense").effect == (
        "uncertain"
    )
    # an arrest is reached only through a dismissal or a not-guilty finding (R.C. 2953.521(A))
    arrest = one(run(rule_record_kind, oh, catalog, record="arrest"), "record_kind")
    assert arrest.effect == "uncertain" and "dismissed or ended in a not-guilty finding" in reason_text(
        arrest, "survivor"
    )
    # the degree limits convictions only: R.C. 2953.521 reaches a dismissed charge whatever its degree
    f2_dismissed = {"record": "dismissed", "offense": "theft", "level": "felony", "felony_class": "class_f2"}
    dismissed = one(run(rule_offense, oh, catalog, **f2_dismissed), "offense")
    assert dismissed.effect == "supports" and "2953.521" in dismissed.citation
    assert dict(dismissed.params)["level"] == "second-degree felony (F2)"


def test_a_process_read_from_the_conviction_route_is_not_told_of_a_dismissed_charge(catalog):
    """Ohio's burden and hearing were read from R.C. 2953.36 (convictions); R.C. 2953.521 (a dismissed charge
    or not-guilty finding) was not read for them, so a dismissal is told that, cited to 2953.521."""
    oh = law_with(catalog, "OH")
    dismissed = {r.rule: r for r in run(rule_procedure, oh, catalog, record="dismissed")}
    for rule in ("burden", "hearing"):
        said = dismissed[rule]
        assert said.effect == "note" and "2953.521" in said.citation
        assert reason_text(said, "survivor").endswith("we could not confirm this for a dropped or dismissed charge.")
    convicted = {r.rule: r for r in run(rule_procedure, oh, catalog, record="conviction")}
    assert "clear and convincing" in reason_text(convicted["burden"], "survivor")
    assert "always a court hearing" in reason_text(convicted["hearing"], "survivor")
    assert "2953.36" in convicted["hearing"].citation


def test_the_burden_said_is_the_one_the_persons_papers_set(catalog):
    """Fla. Stat. § 943.0583(5): official papers create a presumption; without them the proof is clear and
    convincing. A person with none is not also told 'more likely true than not' (words review 8)."""
    fl = law_with(catalog, "FL")

    def burden(documentation: tuple[str, ...]) -> str:
        said = {r.rule: r for r in run(rule_procedure, fl, catalog, documentation=documentation)}["burden"]
        return reason_text(said, "survivor")

    assert burden(("none",)) == (
        "Burden of proof: Without official papers, you must prove what happened with strong evidence "
        "(clear and convincing)."
    )
    assert burden(("t_visa",)) == "Burden of proof: You must show the facts are more likely true than not."
    assert burden(("unsure",)) == burden(("t_visa",))  # not known to have none: the law's graded standard
    ny = law_with(catalog, "NY")  # no stronger standard without papers: unchanged
    said = {r.rule: r for r in run(rule_procedure, ny, catalog, documentation=("none",))}["burden"]
    assert "Without official papers" not in reason_text(said, "survivor")


def test_papers_a_law_names_by_agency_count_and_an_unread_list_rules_none_out(catalog):
    """C.R.S. § 24-72-707(3)(b): 'documentation from a federal ... agency' takes in a T visa; New Jersey's list was
    not read (FNUSA's summary), so a T visa is said to maybe count, never to be left out (words review 8)."""
    co = law_with(catalog, "CO")
    said = one(run(rule_documentation, co, catalog, documentation=("t_visa",)), "documentation")
    assert said.effect == "supports" and "a T visa" in reason_text(said, "survivor")
    nj = law_with(catalog, "NJ")
    said = one(run(rule_documentation, nj, catalog, documentation=("t_visa",)), "documentation")
    assert said.effect == "note" and "Your papers (a T visa) may count too. A lawyer can check." in reason_text(
        said, "survivor"
    )
    none = one(run(rule_documentation, nj, catalog, documentation=("none",)), "documentation")
    assert "may count" not in reason_text(none, "survivor")
    # a support worker's letter is evidence, not official papers (words review 9)
    letter = one(run(rule_documentation, nj, catalog, documentation=("provider_letter",)), "documentation")
    assert "may count" not in reason_text(letter, "survivor")
    fl = law_with(catalog, "FL")  # the law's whole list read: a paper not on it is not said to maybe count
    said = one(run(rule_documentation, fl, catalog, documentation=("provider_letter",)), "documentation")
    assert "may count" not in reason_text(said, "survivor")


# --- the link to the trafficking ---------------------------------------------------------------------


def test_the_link_test_is_the_statutes_own_words(catalog):
    nm = law_with(catalog, "NM")  # § 30-52-1.2(A)(3): "due to duress, coercion ..." (the card said "as a result")
    because = one(run(rule_nexus, nm, catalog, connection="because"), "nexus")
    assert because.effect == "uncertain" and "duress" in dict(because.params)["standard"]
    assert one(run(rule_nexus, nm, catalog, connection="forced"), "nexus").effect == "supports"
    assert one(run(rule_nexus, nm, catalog, connection="not_connected"), "nexus").effect == "blocks"


def test_because_with_dates_inside_the_trafficking_meets_a_while_a_victim_test(catalog):
    ga = law_with(catalog, "GA")  # O.C.G.A. § 35-3-37(j)(6): "committed such offense while ... a victim"
    during = one(run(rule_nexus, ga, catalog, connection="because", year=2014, trafficking_ended=2016), "nexus")
    assert during.effect == "supports" and dict(during.params)["year"] == 2014 and "35-3-37" in during.citation
    assert during.text.endswith("The law's test for the link is {standard}. That fits.")
    ongoing = one(run(rule_nexus, ga, catalog, connection="because", year=2025, trafficking_ended="ongoing"), "nexus")
    assert ongoing.effect == "supports"
    # The same year it ended, or after it: the dates do not show the charge came while it went on.
    same_year = one(run(rule_nexus, ga, catalog, connection="because", year=2016, trafficking_ended=2016), "nexus")
    assert same_year.effect == "uncertain" and same_year.basis == "show"
    unsure = one(run(rule_nexus, ga, catalog, connection="because", year="unsure", trafficking_ended=2016), "nexus")
    assert unsure.effect == "uncertain"


def test_a_statute_that_adds_a_test_to_while_a_victim_keeps_because_for_the_court(catalog):
    fl = law_with(catalog, "FL")  # § 943.0583(3): while a victim AND part of the scheme or at an operator's direction
    because = one(run(rule_nexus, fl, catalog, connection="because", year=2014, trafficking_ended=2016), "nexus")
    assert because.effect == "uncertain" and because.basis == "show" and "943.0583(3)" in because.citation


def test_a_route_with_its_own_harder_link_test_decides_the_records_only_it_reaches(catalog):
    co = law_with(catalog, "CO")  # sealing, § 24-72-707(3)(b): "trafficked ... for the purpose of" the offense
    arrest = {"record": "arrest", "offense": "prostitution", "year": 2014, "trafficking_ended": 2016}
    because = one(run(rule_route_link, co, catalog, connection="because", **arrest), "nexus")
    assert because.effect == "uncertain" and because.basis == "show" and "24-72-707" in because.citation
    forced = one(run(rule_route_link, co, catalog, connection="forced", **arrest), "nexus")
    assert (
        forced.effect == "supports" and forced.text.endswith("That fits.") and "Sealing" in dict(forced.params)["route"]
    )
    # The graded test ("as a result of", vacatur) does not reach an arrest, so rule_nexus says nothing of it.
    assert run(rule_nexus, co, catalog, connection="while_trafficked", **arrest) == []
    assert run(rule_route_link, co, catalog, connection="not_connected", **arrest) == []  # rule_nexus blocks it
    # A conviction is also reached by vacatur, graded "as a result of" (§ 18-1-410.7): that test fits.
    conviction = {**arrest, "record": "conviction"}
    note = one(run(rule_route_link, co, catalog, connection="because", **conviction), "nexus")
    assert note.effect == "note" and "Sealing" in dict(note.params)["route"]
    assert note.feature == "nexus" and "24-72-707" in note.citation and "closer link" in note.text


def test_a_link_test_that_fits_is_quoted_to_the_advocate_and_only_said_to_fit_for_a_survivor(catalog):
    """A survivor who meets the test needs no statute words ("proximate cause", "he committed"); the advocate
    keeps them. A test still to be met is quoted to both (the person must meet its words)."""
    va = law_with(catalog, "VA")  # § 19.2-327.17(A)(2): a victim at the time, and the proximate cause
    fits = one(run(rule_nexus, va, catalog, connection="because", year=2014, trafficking_ended=2016), "nexus")
    assert fits.effect == "supports" and "19.2-327.17" in fits.citation
    survivor, advocate = reason_text(fits, "survivor"), reason_text(fits, "advocate")
    assert survivor.endswith("That fits the law's test for the link.") and "proximate cause" not in survivor
    assert "2014, while the trafficking was still going on" in survivor
    assert '"a victim of human trafficking at the time he committed' in advocate and advocate.endswith("That fits.")
    co = law_with(catalog, "CO")  # sealing's own test, § 24-72-707(3)(b), met by "forced"
    arrest = {"record": "arrest", "offense": "prostitution", "connection": "forced", "year": 2014}
    route = one(run(rule_route_link, co, catalog, **arrest), "nexus")
    assert route.effect == "supports" and "for the purpose of" in reason_text(route, "advocate")
    assert "for the purpose of" not in reason_text(route, "survivor")
    assert reason_text(route, "survivor").endswith("That fits its test for the link.")
    # not met: the words the person must meet are shown in both voices
    because = one(run(rule_route_link, co, catalog, **{**arrest, "connection": "because"}), "nexus")
    assert all("for the purpose of" in reason_text(because, v) for v in ("survivor", "advocate"))


def test_every_survivor_form_of_a_sentence_fills_from_the_same_values():
    from assistant.core.eligibility import SURVIVOR_TEXT
    from assistant.models.common import VOICE_TOKENS, voice_tokens

    for advocate, survivor in SURVIVOR_TEXT.items():
        values = voice_tokens(survivor) - VOICE_TOKENS  # a voice's own words ({you}) are always there
        assert values <= voice_tokens(advocate) and "standard" not in values


def test_a_record_dated_after_the_trafficking_asks_for_the_offenses_own_date(catalog):
    """'While I was being trafficked' and a 2021 arrest after it ended in 2018 (words review 8): a charge can come
    later than the offense, so the link still fits, but the person is told what to be ready to show."""
    fl = law_with(catalog, "FL")  # § 943.0583(3): committed while a victim
    later = run(rule_nexus, fl, catalog, connection="while_trafficked", year=2021, trafficking_ended=2018)
    fits, note = later
    assert fits.effect == "supports" and note.effect == "note" and "943.0583" in note.citation
    assert reason_text(note, "survivor") == (
        "The record is from 2021, after the trafficking ended in 2018. Be ready to show that the offense itself "
        "happened while you were being trafficked."
    )
    during = run(rule_nexus, fl, catalog, connection="while_trafficked", year=2017, trafficking_ended=2018)
    assert [r.effect for r in during] == ["supports"]
    forced = run(rule_nexus, fl, catalog, connection="forced", year=2021, trafficking_ended=2018)
    assert [r.effect for r in forced] == ["supports"]  # what the trafficker made them do: no date to square
    # a 'while a victim' test still to be met (Va. Code § 19.2-327.17): the dates say what to be ready for,
    # whatever the link answer (words review 9)
    va = law_with(catalog, "VA")
    because = run(rule_nexus, va, catalog, connection="because", year=2021, trafficking_ended=2019)
    assert [r.effect for r in because] == ["uncertain", "note"] and "after the trafficking ended in 2019" in (
        reason_text(because[1], "survivor")
    )
    assert [
        r.effect for r in run(rule_nexus, va, catalog, connection="because", year=2018, trafficking_ended=2019)
    ] == ["supports"]


def test_the_relief_shown_is_the_route_the_answer_fits(catalog):
    evaluator = Evaluator(catalog, NOW)
    # Georgia: record restriction needs "while" a victim; vacatur "as a direct result of" (§ 17-10-21(a)(1)).
    during = answers_with({"jurisdiction": "GA", "connection": "because", "year": 2014}, trafficking_ended=2016)
    r = evaluator.assess_record(during, 0)
    assert r.verdict == "likely_eligible" and r.relief_types == ["sealing"]
    forced = answers_with({"jurisdiction": "GA", "connection": "forced", "year": 2014}, trafficking_ended=2016)
    assert sorted(evaluator.assess_record(forced, 0).relief_types) == ["sealing", "vacatur"]
    # Charged the year it ended: neither route's test is shown to fit, and rule_nexus already says so.
    ga = law_with(catalog, "GA")
    assert run(rule_route_link, ga, catalog, connection="because", year=2016, trafficking_ended=2016) == []


def test_the_graded_link_is_not_called_a_fit_when_only_a_harder_route_reaches_the_record(catalog):
    evaluator = Evaluator(catalog, NOW)
    arrest = {"jurisdiction": "CO", "record": "arrest", "offense": "prostitution", "connection": "because"}
    r = evaluator.assess_record(answers_with(arrest), 0)
    assert r.verdict == "possibly_eligible"
    assert [(x.effect, "route" in dict(x.params)) for x in r.reasons if x.rule == "nexus"] == [("uncertain", True)]


def test_a_dismissed_charge_only_a_harder_route_reaches_is_told_one_link_test(catalog):
    evaluator = Evaluator(catalog, NOW)
    dismissed = {
        "jurisdiction": "CO",
        "record": "dismissed",
        "offense": "prostitution",
        "connection": "while_trafficked",
    }
    r = evaluator.assess_record(answers_with(dismissed), 0)
    (link,) = [x for x in r.reasons if x.rule == "nexus"]
    assert link.effect == "uncertain" and "for the purpose of" in dict(link.params)["standard"]
    assert "24-72-707" in link.citation


def test_the_statutes_own_ask_replaces_the_levels_words(catalog):
    tx = law_with(catalog, "TX")  # § 411.0728(b): "solely", graded direct result
    because = one(run(rule_nexus, tx, catalog, connection="because"), "nexus")
    assert because.effect == "uncertain" and because.basis == "show"
    assert "the only reason" in reason_text(because, "survivor") and "direct result" not in reason_text(
        because, "survivor"
    )
    advocate = reason_text(because, "advocate")
    assert "Your client must show the trafficking was the only reason for the offense" in advocate
    assert "your client did it only because your client" not in advocate  # the client named once, not thrice
    ga = law_with(catalog, "GA")  # no statute-specific ask: the graded level's own words for the person
    ga_because = one(run(rule_nexus, ga, catalog, connection="because", year=2016, trafficking_ended=2016), "nexus")
    means = catalog.rubric.category("nexus").level("while_victim").means
    assert reason_text(ga_because, "survivor").endswith(means.format(You="You"))


def test_a_charge_the_law_does_not_reach_is_not_also_called_covered(catalog):
    evaluator = Evaluator(catalog, NOW)
    drug_arrest = answers_with({"jurisdiction": "CO", "record": "arrest", "offense": "drug", "level": "felony"})
    r = evaluator.assess_record(drug_arrest, 0)
    assert r.verdict == "not_covered"
    assert [(x.rule, x.effect) for x in r.reasons if x.rule in ("record_kind", "offense")] == [
        ("record_kind", "blocks")
    ]


# --- official papers ---------------------------------------------------------------------------------


def test_only_the_papers_the_law_names_create_the_presumption(catalog):
    docs = Documentation(documents=["certification"], citation="§ p(c)")
    law = law_with(catalog, "MS", {"official_documentation": "presumption"}, documentation=docs)
    other = one(run(rule_documentation, law, catalog, documentation=("t_visa",)), "documentation")
    assert other.effect == "note"  # a T visa is not one of this law's papers
    named = one(run(rule_documentation, law, catalog, documentation=("certification",)), "documentation")
    assert named.effect == "supports" and named.citation == "§ p(c)"


def test_papers_without_a_presumption_only_help_as_evidence(catalog):
    law = law_with(catalog, "WA")  # RCW 9.96.080(2)(a): an affidavit; no presumption
    said = one(run(rule_documentation, law, catalog, documentation=("certification",)), "documentation")
    assert said.effect == "note" and "do not create a presumption" in said.text


# --- time ---------------------------------------------------------------------------------------------


def test_a_passed_deadline_stands_in_the_way_and_a_future_one_is_a_date(catalog):
    from assistant.models.jurisdiction import Period, Timing

    timing = Timing(limits=[Period(years=6, start="trafficking_end")], citation="§ t(6)")
    law = law_with(catalog, "NM", {"time_limits": "explicit_limit"}, timing=timing)
    late = run(rule_timing, law, catalog, trafficking_ended=2010)
    assert [r.effect for r in late] == ["uncertain"] and dict(late[0].params)["deadline"] == 2016
    early = run(rule_timing, law, catalog, trafficking_ended=2024)
    assert [r.effect for r in early] == ["note"] and dict(early[0].params)["deadline"] == 2030


def test_a_wait_not_yet_over_stands_in_the_way(catalog):
    from assistant.models.jurisdiction import Period, Timing

    timing = Timing(waits=[Period(years=3, start="conviction")], citation="§ w(3)")
    law = law_with(catalog, "NM", {"time_limits": "explicit_limit"}, timing=timing)
    waiting = run(rule_timing, law, catalog, year=2025)
    assert [r.effect for r in waiting] == ["uncertain"] and dict(waiting[0].params)["earliest"] == 2028
    assert [r.effect for r in run(rule_timing, law, catalog, year=2015)] == ["supports"]


# --- no law for adults --------------------------------------------------------------------------------


def test_no_adult_law_and_the_juvenile_route(catalog):
    sd = law_with(catalog, "SD")  # SDCL 26-7A-115.1: a route for minors only
    assert one(run(rule_adult_law, sd, catalog), "adult_law").effect == "no_law"
    minor = run(rule_adult_law, sd, catalog, age="minor", record="unsure")  # it could be a delinquency record
    assert minor[0].rule == "juvenile_route" and minor[0].effect == "uncertain"
    juvenile_record = run(rule_adult_law, sd, catalog, record="juvenile_adjudication")
    assert juvenile_record[0].rule == "juvenile_route"  # a juvenile record is from before 18


def test_a_soft_limit_counted_from_the_end_of_the_trafficking_has_not_started_while_it_goes_on(catalog):
    law = law_with(catalog, "NV")  # NRS 179.247(4)(c): "due diligence" after ceasing to be a victim or seeking services
    ongoing = [r.text for r in run(rule_timing, law, catalog, trafficking_ended="ongoing")]
    assert any(
        t.startswith("{You} said the trafficking has not ended, so this time may not have started") for t in ongoing
    )
    ended = [r.text for r in run(rule_timing, law, catalog, trafficking_ended=2016)]
    assert not any("has not ended" in t for t in ended)
    wi = law_with(catalog, "WI")  # Wis. Stat. § 973.015(2m): diligence, but counted from no named event
    assert not any("has not ended" in r.text for r in run(rule_timing, wi, catalog, trafficking_ended="ongoing"))


def test_tennessee_reaches_no_class_a_or_b_felony(catalog):
    # § 40-32-105(b)(6)(C): eligible under § 40-32-101(g) (listed class C, D and E felonies) or aggravated
    # prostitution (a class C felony); no class A or B felony is listed
    law = law_with(catalog, "TN")
    theft = {"offense": "theft", "level": "felony"}
    assert one(run(rule_offense, law, catalog, felony_class="class_b", **theft), "offense").effect == "blocks"
    listed = one(run(rule_offense, law, catalog, felony_class="class_d", **theft), "offense")
    assert listed.effect == "uncertain" and listed.basis == "show"


def test_a_pardon_is_said_in_plain_words_to_a_survivor_and_in_the_laws_to_an_advocate(catalog):
    """Words review 8: Alaska's pardon summary is the constitution's words ('reprieves ... impeachment') and a note
    on what was read; a survivor reads what a pardon is, and the advocate keeps the summary and its citation."""
    from assistant.core.next_steps import next_steps
    from tests.factories import answers_with

    ak = catalog.jurisdictions["AK"]
    rec = answers_with({"jurisdiction": "AK", "record": "conviction"}).records[0]
    (pardon,) = [
        r
        for r in next_steps(catalog, LawView(ak, ak.current, catalog.rubric), rec, "no_adult_law")
        if r.rule == "pardon"
    ]
    survivor, advocate = reason_text(pardon, "survivor"), reason_text(pardon, "advocate")
    assert survivor == (
        "A pardon may be possible: Pardon by the Governor. A pardon forgives a conviction, but it does not always "
        "clear the record. A lawyer can tell you how to ask."
    )
    assert "impeachment" in advocate and "impeachment" not in survivor


def test_a_route_named_only_pardon_is_not_named_twice(catalog):
    """Words review 9: 'A pardon may be possible: Pardon.' and 'Ask a lawyer about this: Pardon.'"""
    from assistant.core.eligibility import assess
    from assistant.core.next_steps import next_steps
    from assistant.render.explain import context
    from tests.factories import answers_with

    de = catalog.jurisdictions["DE"]
    rec = answers_with({"jurisdiction": "DE", "record": "conviction", "offense": "violent", "level": "felony"})
    (pardon,) = [
        r
        for r in next_steps(catalog, LawView(de, de.current, catalog.rubric), rec.records[0], "not_covered")
        if r.rule == "pardon"
    ]
    assert dict(pardon.params)["name"] == "Pardon"
    assert reason_text(pardon, "survivor").startswith("A pardon may be possible. A pardon forgives")
    survivor = rec.model_copy(update={"audience": "survivor"})
    steps = context(assess(catalog, survivor, now=2026), catalog)["records"][0]["first_steps"]
    assert "Ask a lawyer about a pardon." in steps
