"""Explanations render for every jurisdiction in both voices; nothing a person typed becomes markup."""

from __future__ import annotations

import json

import pytest

from assistant.core.eligibility import assess
from assistant.models.answers import Answers, RecordAnswers
from assistant.render.explain import FORMATS, md_literal, render
from tests.conftest import run_relief


def everywhere(catalog, audience, record="conviction"):
    records = [
        RecordAnswers(
            jurisdiction=code,
            record=record,
            offense="prostitution",
            level="misdemeanor",
            connection="forced",
            year=2015,
            age="adult",
            pending_charges="no",
        )
        for code in catalog.jurisdictions
    ]
    return Answers(audience=audience, trafficking_ended=2016, documentation=["t_visa"], records=records)


@pytest.mark.parametrize("audience", ["survivor", "advocate"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_template_renders_for_every_jurisdiction_and_voice(catalog, audience, fmt):
    answers = everywhere(catalog, audience)
    text = render(assess(catalog, answers), catalog, fmt)
    for j in catalog.jurisdictions.values():
        # federal records read "in federal court" and "The United States has a law", not "Federal (United States)"
        assert j.name in text or (j.kind == "federal" and "federal court" in text and "United States" in text)
    if fmt != "json":
        assert ("your client" in text.lower()) == (audience == "advocate")
    if fmt in ("markdown", "text"):
        assert "{" not in text  # every voice token and value was filled


def test_json_has_the_documented_shape(catalog):
    doc = json.loads(render(assess(catalog, everywhere(catalog, "advocate")), catalog, "json"))
    assert doc["format"] == "relief-assistant/assessment" and doc["format_version"] == 1
    first = doc["records"][0]
    assert set(first) >= {
        "jurisdiction",
        "verdict",
        "relief",
        "reasons",
        "to_show",
        "obstacles",
        "what_if",
        "changes_outcome",
        "next_steps",
        "as_of",
        "confidence",
    }
    assert [r["jurisdiction"] for r in doc["records"]] == list(catalog.jurisdictions)
    assert all(reason["citation"] and reason["feature"] for r in doc["records"] for reason in r["reasons"])


def test_typed_text_is_never_markup(catalog):
    label = "[bold red]x[/] **y** <script>alert(1)</script> {{ 7*7 }} {you}"
    rec = RecordAnswers(
        jurisdiction="NM",
        record="conviction",
        offense="theft",
        level="felony",
        connection="because",
        year=2014,
        age="adult",
        label=label,
    )
    answers = Answers(audience="advocate", trafficking_ended=2016, documentation=["none"], records=[rec])
    assessment = assess(catalog, answers)
    text = render(assessment, catalog, "text")
    assert label in text and "49" not in text  # printed as typed, never run as a template
    md = render(assessment, catalog, "markdown")
    assert md_literal(label) in md and "**y**" not in md


def test_the_printable_page_links_web_addresses_and_nothing_typed_becomes_a_script(catalog):
    from tests.factories import answers_with

    label = "javascript:alert(1) evil.example [x](javascript:alert(2))"
    answers = answers_with({"jurisdiction": "NC", "level": "misdemeanor", "label": label}, audience="advocate")
    page = render(assess(catalog, answers), catalog, "html")
    assert '<a href="https://legalaidnc.org">https://legalaidnc.org</a>' in page  # a written-out address
    assert "evil.example" in page  # the label is shown, as text
    assert not any("javascript" in a.split(">")[0] for a in page.split("<a ")[1:])  # no link runs a script
    assert 'href="http://evil.example' not in page and 'href="evil.example' not in page  # a bare name stays text


def test_the_report_says_not_legal_advice_and_where_to_get_help(catalog):
    for fmt in ("markdown", "text"):
        text = render(assess(catalog, everywhere(catalog, "survivor")), catalog, fmt)
        assert "not legal advice" in text
        assert "1-888-373-7888" in text and "freedomnetworkusa.org" in text


def test_evaluate_command(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(
        "audience: survivor\ntrafficking_ended: 2016\ndocumentation: [none]\nrecords:\n"
        "  - {jurisdiction: NM, record: conviction, offense: theft, level: felony, connection: forced, "
        "year: 2014, age: adult}\n"
    )
    result = run_relief("evaluate", "--answers", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["records"][0]["jurisdiction"] == "NM" and doc["records"][0]["verdict"] == "likely_eligible"
    assert run_relief("evaluate", "--answers", str(path)).stdout.startswith("YOUR RESULTS")
    assert "# Your results" in run_relief("evaluate", "--answers", str(path), "--format", "markdown").stdout


def test_evaluate_refuses_a_bad_answers_file_with_the_reason(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(
        "audience: survivor\ntrafficking_ended: 2016\ndocumentation: [none]\nrecords:\n"
        "  - {jurisdiction: ZZ, record: conviction, offense: theft, level: felony, connection: because, "
        "year: 2014, age: adult}\n"
    )
    result = run_relief("evaluate", "--answers", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "'ZZ' is not a jurisdiction we have" in result.stderr and "NM" in result.stderr
    missing = run_relief("evaluate", "--answers", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_compiled_templates_render_exactly_as_the_sources_and_stale_ones_are_ignored(catalog, tmp_path, monkeypatch):
    """A wheel carries the templates compiled to Python (faster start); they must never change a word."""
    from jinja2 import FileSystemLoader, ModuleLoader

    from assistant.core.eligibility import assess
    from assistant.render import explain
    from tests.scenarios_helpers import load_answers

    assessment = assess(catalog, load_answers(catalog, "two-states-advocate"))
    from_sources = {fmt: explain.render(assessment, catalog, fmt) for fmt in ("markdown", "text", "html")}
    explain.compile_templates(tmp_path)
    monkeypatch.setattr(explain, "COMPILED", tmp_path)
    explain.environment.cache_clear()
    try:
        assert isinstance(explain.environment().loader, ModuleLoader)
        assert {fmt: explain.render(assessment, catalog, fmt) for fmt in from_sources} == from_sources
        (tmp_path / explain.COMPILED_MANIFEST).write_text('{"record.md.j2": "an older template"}')
        explain.environment.cache_clear()
        assert isinstance(explain.environment().loader, FileSystemLoader)
    finally:
        explain.environment.cache_clear()


def test_warm_up_compiles_every_template_the_results_use():
    from assistant.render import explain

    explain.environment.cache_clear()
    env = explain.environment()
    explain.warm_up()
    cached = {key[1] for key in env.cache}  # jinja's cache: (weakref to loader, name)
    assert set(explain.RESULT_TEMPLATES) <= cached
    assert all((explain.TEMPLATES / name).is_file() for name in explain.RESULT_TEMPLATES)


def test_where_to_file_reads_as_a_step_and_keeps_abbreviations_whole():
    from assistant.render.explain import where_to_file_step

    # The federal guide's first sentence was cut at "U.S." and shown as a survivor's step: "The U.S."
    us = "The U.S. district court for the district where you were arrested. Ask the clerk which division."
    assert where_to_file_step(us) == "Where to file: The U.S. district court for the district where you were arrested."
    # A fragment ("in the same application ...") is labelled; an instruction stands as it is.
    nj = "In the same application as the vacatur, in the Superior Court."
    assert where_to_file_step(nj) == "Where to file: In the same application as the vacatur, in the Superior Court."
    ga = "File the petition in the court that sentenced you. Serve the prosecutor."
    assert where_to_file_step(ga) == "File the petition in the court that sentenced you."


def _first_record(catalog, code: str, record: str, offense: str, level: str):
    from assistant.render.explain import context
    from tests.factories import answers_with

    answers = answers_with(
        {"jurisdiction": code, "record": record, "offense": offense, "level": level}, audience="survivor"
    )
    return context(assess(catalog, answers, now=2026), catalog)["records"][0]


def test_not_covered_promises_other_options_only_when_some_follow(catalog):
    # Alabama: its general expungement law and a pardon are listed for a felony theft conviction.
    al = _first_record(catalog, "AL", "conviction", "theft", "felony")
    assert al["verdict"] == "not_covered" and al["summary"].endswith("Other options are below.")
    assert any(x["text"].startswith("Another law may help") for x in al["next_steps"])
    # Wyoming's law does not reach an arrest, and no other route is in our data: no empty promise.
    wy = _first_record(catalog, "WY", "arrest", "prostitution", "misdemeanor")
    assert wy["verdict"] == "not_covered" and "Other options" not in wy["summary"]
    assert wy["summary"] == "Wyoming's law for survivors does not reach this record."


def test_what_could_get_in_the_way_never_repeats_the_why(catalog):
    """A reason given under "Why" is not said again under "What could get in the way"."""
    al = _first_record(catalog, "AL", "conviction", "theft", "felony")  # not covered: the why is the obstacle
    assert al["why"] and not al["obstacles"]
    fl = _first_record(catalog, "FL", "conviction", "drug", "misdemeanor")  # due diligence: said once
    why = [x["text"] for x in fl["why"]]
    assert any("due diligence" in t for t in why)
    assert not {x["text"] for x in fl["obstacles"]} & set(why)
    pa = _first_record(catalog, "PA", "conviction", "prostitution", "misdemeanor")  # the judge's say stays
    assert pa["obstacles"] and not {x["text"] for x in pa["obstacles"]} & {x["text"] for x in pa["why"]}


def test_a_first_step_that_fits_only_if_an_unsure_answer_is_one_way_says_so(catalog):
    ia = _first_record(catalog, "IA", "unsure", "unsure", "unsure")
    assert ia["first_steps"][0] == "If it was a conviction, ask a lawyer about a pardon."


def test_federal_records_read_as_federal_law_and_federal_court(catalog):
    us = _first_record(catalog, "US", "conviction", "drug", "felony")
    assert us["title"] == "A conviction for a drug charge (felony) in federal court, 2015"
    assert "federal law" in us["summary"] and "(United States)'s" not in us["summary"]
    ny = _first_record(catalog, "NY", "conviction", "drug", "felony")
    assert ny["title"].endswith("in New York, 2015") and "New York's law" in ny["summary"]


def test_first_steps_name_only_routes_that_fit_and_no_statute_numbers(catalog):
    # North Carolina's G.S. 15A-145.6 is for prostitution only: no help with a dropped theft charge.
    nc_theft = _first_record(catalog, "NC", "dismissed", "theft", "misdemeanor")
    assert not any("15A-145.6" in x["text"] or "prostitution" in x["text"] for x in nc_theft["next_steps"])
    nc_prostitution = _first_record(catalog, "NC", "dismissed", "prostitution", "misdemeanor")
    assert any("Expunction of prostitution discharges" in x["text"] for x in nc_prostitution["next_steps"])
    # A survivor's first step names the route without its citation ("(IC 35-38-9)").
    indiana = _first_record(catalog, "IN", "arrest", "theft", "misdemeanor")
    asks = [s for s in indiana["first_steps"] if s.startswith("Ask a lawyer")]
    assert asks and not any(ch.isdigit() for ch in asks[0]), asks


def test_a_minors_first_step_names_the_route_for_records_from_before_18(catalog):
    from assistant.render.explain import context
    from tests.factories import answers_with

    answers = answers_with(
        {"jurisdiction": "TN", "record": "juvenile_adjudication", "offense": "prostitution", "age": "minor"},
        audience="survivor",
    )
    r = context(assess(catalog, answers, now=2026), catalog)["records"][0]
    assert "Ask a lawyer about clearing records from when you were under 18." in r["first_steps"]
    assert not any("another law" in s for s in r["first_steps"])


def test_the_immigration_note_on_convictions_is_only_for_a_conviction(catalog):
    arrest = _first_record(catalog, "FL", "arrest", "prostitution", "misdemeanor")
    assert arrest["relief"] and all(rel["immigration"] == "" for rel in arrest["relief"])
    conviction = _first_record(catalog, "FL", "conviction", "prostitution", "misdemeanor")
    assert any("conviction" in rel["immigration"] for rel in conviction["relief"])


def test_a_long_list_of_offenses_stays_in_the_detail_not_the_first_part(catalog):
    # Washington's list of covered offenses is over 40 words: too long for a survivor's first lines.
    wa = _first_record(catalog, "WA", "conviction", "drug", "felony")
    assert (
        "It covers a drug charge as a felony only in some cases. The details below say what it covers."
        in (wa["short_why"])
    )
    assert all(len(line.split()) <= 30 for line in wa["short_why"])
    assert any("It does not cover class A felonies" in x["text"] for x in wa["why"])


def test_a_route_ordered_only_at_sentencing_is_never_a_next_step(catalog):
    # Wis. Stat. § 973.015(1m): expungement is ordered at sentencing; it cannot be asked for later.
    wi = _first_record(catalog, "WI", "conviction", "drug", "felony")
    assert not any("at sentencing" in s for s in wi["first_steps"])
    assert not any("973.015(1m)" in x["text"] for x in wi["next_steps"])


def test_a_survivor_reads_help_without_notes_on_how_our_copies_were_made(catalog):
    from assistant.render.explain import without_research_notes

    note = "Free civil legal help. No phone number was in the page read. It runs clinics."
    assert without_research_notes(note) == "Free civil legal help. It runs clinics."
    aside = "Free help, with a hotline (the number was not in the stored copy). Not shown to handle vacatur."
    assert without_research_notes(aside) == "Free help, with a hotline. Not shown to handle vacatur."
    # words review 9: more ways our notes say how far the research went
    for note, kept in (
        (
            "The law does not let you file under seal. (A 2024 bill proposed this but was not passed as far as seen.)",
            "The law does not let you file under seal.",
        ),
        (
            "A fee applies (an older DPS sheet said $15 plus $9.95); the current amount was not confirmed.",
            "A fee applies",
        ),
    ):
        assert without_research_notes(note).rstrip(".") == kept.rstrip("."), note
    # the advocate keeps the remark: it says what our data could not confirm
    dc = _first_record(catalog, "DC", "conviction", "prostitution", "misdemeanor")
    survivor_notes = " ".join(h["note"] for h in dc["next"]["help"])
    assert "page read" not in survivor_notes and "Free legal help for trafficking survivors" in survivor_notes


def test_free_help_a_records_own_list_already_gives_is_not_listed_again(catalog):
    from tests.factories import answers_with

    wisconsin = render(assess(catalog, answers_with({"jurisdiction": "WI"}), 2026), catalog, "text")
    # Wisconsin's guide lists the Survivor Reentry Project: the general list does not repeat it
    assert wisconsin.count("Survivor Reentry Project") == 1
    assert 'Search for "legal aid"' in wisconsin  # a general entry no record lists stays
    # With the place unknown, the national guide's list gives both, once
    nowhere = render(assess(catalog, answers_with({"jurisdiction": "unsure"}), 2026), catalog, "text")
    assert nowhere.count("Survivor Reentry Project") == 1 and nowhere.count("1-888-373-7888") == 1
    # An entry one record's list lacks stays in the general list
    from assistant.render.explain import general_help

    hotline = {"reach": "1-888-373-7888 (TTY 711); text 233733; https://humantraffickinghotline.org"}
    srp = {"reach": "https://freedomnetworkusa.org/srp_states/az/; survivorreentry@freedomnetworkusa.org"}
    kept = general_help(catalog.terms.help, [[hotline, srp], [srp]])
    assert [h["name"] for h in kept] == ["National Human Trafficking Hotline", "Legal aid"]


def test_a_survivor_is_told_once_which_part_of_the_law_a_lawyer_should_check(catalog):
    from tests.factories import answers_with

    def shown(code):
        answers = answers_with({"jurisdiction": code, "offense": "prostitution"}, audience="survivor")
        text = render(assess(catalog, answers, 2026), catalog, "text")
        return [line for line in text.splitlines() if "A lawyer should check" in line]

    # Connecticut's link words were read at low confidence; nothing else is in doubt
    assert shown("CT") == [
        "We are not sure about one part of this law: how the charge must be linked to the trafficking. "
        "A lawyer should check it."
    ]
    # New Hampshire's vacatur paragraph could not be read: the first part names two and "other parts"; the detail
    # names every part once, in place of a "we could not confirm this" line for each (words review 8)
    nh, every = shown("NH")
    assert nh.startswith("We are not sure about some parts of this law: ") and nh.endswith(
        "and other parts. A lawyer should check them."
    )
    assert "other parts" not in every and every.count(",") >= 3 and "how strong the proof must be" in every
    answers = answers_with({"jurisdiction": "NH", "offense": "prostitution"}, audience="survivor")
    text = render(assess(catalog, answers, 2026), catalog, "text")
    assert "we could not confirm this" not in text.lower()
    assert shown("VA") == []  # Virginia's law is read in full, every part at high confidence
    # Florida's hearing was read in full (§ 943.0583(7)): only its grade is in doubt, so it is not called unsure
    # to a survivor while the guide states it (words review 8)
    assert catalog.jurisdictions["FL"].current.features["hearing"].confidence == "low"
    assert not any("court hearing" in line for line in shown("FL"))


def test_a_felony_class_not_known_says_what_each_class_would_mean(catalog):
    from tests.factories import answers_with

    record = {"jurisdiction": "WA", "offense": "drug", "level": "felony", "felony_class": "unsure"}
    text = render(assess(catalog, answers_with(record, audience="survivor"), 2026), catalog, "text")
    assert "The result depends on an answer you were not sure about: what class or degree of felony it was." in text
    # RCW 9.94A.648(1)(a): class B or C only; a drug felony is on neither exclusion list
    assert "If it was a class A felony: not covered by this law." in text
    assert "If it was a class B felony or a class C felony: likely eligible." in text
    assert "Not sure: what class or degree of felony it was." in text


def test_a_drug_charges_kind_not_known_says_what_each_kind_would_mean(catalog):
    # "I'm not sure" to the new question stopped the results (no words for it in the what-ifs)
    from tests.factories import answers_with

    record = {"jurisdiction": "VA", "offense": "drug", "level": "misdemeanor", "drug_charge": "unsure"}
    assessment = assess(catalog, answers_with(record, audience="survivor"), 2026)
    text = render(assessment, catalog, "text")
    assert "If it was for having drugs: likely eligible." in text  # § 19.2-327.15: possession, § 18.2-250
    assert "If it was for selling, sharing or making drugs: not covered by this law." in text
    assert "Not sure: whether the drug charge was for having drugs or for selling them." in text  # as for a class
    for fmt in ("markdown", "html", "json"):
        assert render(assessment, catalog, fmt)


@pytest.mark.parametrize(
    ("data", "survivor_reads"),
    [
        (
            "Free clinics to help seal records (news report, 2023). Not shown to handle § 13-909.",
            "Free clinics to help seal records. Not shown to handle § 13-909.",
        ),
        (
            "$50 for a full search (figures as of March 2012, from a secondary site; may be out of date).",
            "$50 for a full search.",
        ),
        (
            "Free civil legal help; its attorneys wrote in 2019 that it helps. No phone number was in the pages read.",
            "Free civil legal help.",
        ),
        ("Its own page says it represents trafficking survivors.", "It represents trafficking survivors."),
        ("Paid at the appointment (the amount was not shown on the page read).", "Paid at the appointment."),
    ],
)
def test_a_survivor_reads_the_fact_without_how_our_research_found_it(data, survivor_reads):
    from assistant.render.explain import without_research_notes

    assert without_research_notes(data) == survivor_reads


def test_a_survivor_is_told_what_the_federal_law_does_without_its_citation(catalog):
    from assistant.render.explain import context
    from tests.factories import answers_with

    for audience, want in (("survivor", "A federal law can clear federal records only."), ("advocate", "18 U.S.C.")):
        answers = answers_with({"jurisdiction": "TN"}, audience=audience)
        steps = context(assess(catalog, answers, now=2026), catalog)["records"][0]["next_steps"]
        (federal,) = [x["text"] for x in steps if x["rule"] == "federal"]
        assert want in federal
        assert ("§" in federal) == (audience == "advocate")


def test_the_first_step_names_help_that_clears_records(catalog):
    """Maine's local entry does not take criminal cases and the hotline gives no legal help: the first step
    names the Survivor Reentry Project."""
    me = _first_record(catalog, "ME", "conviction", "theft", "misdemeanor")
    (talk,) = [s for s in me["first_steps"] if s.startswith("Talk to free legal help")]
    assert "Survivor Reentry Project" in talk


def test_a_place_with_no_law_to_grade_gets_one_sentence_not_a_table_of_zeros(catalog):
    from tests.factories import answers_with

    answers = answers_with({"jurisdiction": "IA"}, audience="advocate")
    md = render(assess(catalog, answers, now=2026), catalog, "markdown")
    assert "No law for survivors who were adults, so no score or grade." in md
    assert "| Category |" not in md and "letter-grade bands" not in md
    graded = render(
        assess(catalog, answers_with({"jurisdiction": "NM"}, audience="advocate"), now=2026), catalog, "markdown"
    )
    assert "| Category |" in graded


def test_a_survivor_reads_the_law_without_its_section_numbers(catalog):
    from tests.factories import answers_with

    nd = answers_with({"jurisdiction": "ND", "offense": "weapon", "level": "felony"}, audience="survivor")
    text = render(assess(catalog, nd, now=2026), catalog, "text")
    assert "12.1-" not in text and "(ch. 19-03.4)" not in text and "Prostitution, and a short list" in text
    mo = answers_with({"jurisdiction": "MO", "age": "minor", "offense": "prostitution"}, audience="survivor")
    assert "(§ 567.020)" not in render(assess(catalog, mo, now=2026), catalog, "text")
    tn = render(assess(catalog, answers_with({"jurisdiction": "TN"}, audience="survivor"), now=2026), catalog, "text")
    assert "(1-844-435-7486)" in tn  # a phone number in brackets stays
    ky = render(assess(catalog, answers_with({"jurisdiction": "KY"}, audience="survivor"), now=2026), catalog, "text")
    assert "(KRS" not in ky  # what the law can do, too
    me = answers_with({"jurisdiction": "ME", "level": "misdemeanor"}, audience="survivor")
    assert "M.R.S." not in render(assess(catalog, me, now=2026), catalog, "text")  # and the names of routes
    advocate = answers_with({"jurisdiction": "ND", "offense": "weapon", "level": "felony"}, audience="advocate")
    assert "N.D.C.C. 12.1-41-14" in render(assess(catalog, advocate, now=2026), catalog, "text")  # cited


def test_a_survivor_reads_what_the_law_says_not_how_much_of_it_was_read(catalog):
    from tests.factories import answers_with

    for code in ("NJ", "CO", "DE"):
        said = {}
        for audience in ("survivor", "advocate"):
            answers = answers_with({"jurisdiction": code}, audience=audience)
            said[audience] = render(assess(catalog, answers, now=2026), catalog, "text")
        assert "words read" not in said["survivor"] and "part of the law read" not in said["survivor"], code
        if code == "NJ":  # the advocate keeps how much was read
            assert "The law does not say the conviction" in said["survivor"] and "words read" in said["advocate"]


def test_a_record_from_before_18_is_not_answered_only_about_adults(catalog):
    from tests.factories import answers_with

    minor = _first_record(catalog, "IA", "conviction", "prostitution", "misdemeanor")  # age: adult by default
    assert minor["verdict_label"] == "No law for adults here"
    answers = answers_with({"jurisdiction": "IA", "age": "minor"}, audience="survivor")
    from assistant.render.explain import context

    r = context(assess(catalog, answers, now=2026), catalog)["records"][0]
    assert r["verdict_label"] == "No law for this record here"
    assert r["summary"].startswith("Iowa has no law for survivors that clears this record.")


def test_a_class_label_with_its_own_brackets_is_not_bracketed_again(catalog):
    # "A conviction for theft (second-degree felony (F2))"
    from tests.factories import answers_with

    record = {"jurisdiction": "OH", "offense": "theft", "level": "felony", "felony_class": "class_f2"}
    text = render(assess(catalog, answers_with(record, audience="survivor"), 2026), catalog, "text")
    assert "A conviction for theft, a second-degree felony (F2) in Ohio" in text and "(F2))" not in text
    wa = {"jurisdiction": "WA", "offense": "theft", "level": "felony", "felony_class": "class_b"}
    assert "for theft (class B felony)" in render(assess(catalog, answers_with(wa), 2026), catalog, "text")


def test_an_open_case_is_the_first_step(catalog):
    """A case still open needs a defense before any clearing (words review 8): said first, in each voice."""
    from assistant.render.explain import context
    from tests.factories import answers_with

    for voice, audience in (("survivor", "survivor"), ("advocate", "advocate")):
        answers = answers_with(
            {"jurisdiction": "GA", "record": "arrest", "pending_charges": "yes"},
            audience=audience,
            trafficking_ended="ongoing",
        )
        assessment = assess(catalog, answers, now=2026)
        r = context(assessment, catalog)["records"][0]
        assert r["first_steps"][0] == catalog.terms.open_case(voice) and "defense lawyer" in r["first_steps"][0]
        if voice == "advocate":  # the advocate's full detail says it under the result, before the reasons
            text = render(assessment, catalog, "text")
            assert text.index("First: A case is still open") < text.index("Why:")
    closed = answers_with({"jurisdiction": "GA", "record": "arrest", "pending_charges": "no"}, audience="survivor")
    r = context(assess(catalog, closed, now=2026), catalog)["records"][0]
    assert not any("defense lawyer" in s for s in r["first_steps"])


def test_the_answers_it_rests_on_name_every_answer_given_as_not_sure(catalog):
    """Words review 8: the level and the year a person was not sure of are in the summary, not left out."""
    from tests.factories import answers_with

    answers = answers_with(
        {"jurisdiction": "CO", "offense": "other", "level": "unsure", "year": "unsure"}, audience="survivor"
    )
    text = render(assess(catalog, answers, now=2026), catalog, "text")
    assert "Not sure: whether it was a misdemeanor or a felony and the year of the record." in text
    sure = render(assess(catalog, answers_with({"jurisdiction": "CO"}), now=2026), catalog, "text")
    assert "Not sure:" not in sure
    # papers the person was not sure of are not "none" (words review 9)
    papers = answers_with({"jurisdiction": "CO"}, documentation=["unsure"])
    assert "Papers about the trafficking: not sure." in render(assess(catalog, papers, now=2026), catalog, "text")


def test_a_survivor_is_told_a_link_that_fits_once(catalog):
    """Words review 8: 'That fits the law's test for the link' under Why, not again under what to show; the
    advocate's list of what to show keeps every element."""
    from tests.factories import answers_with

    answers = answers_with({"jurisdiction": "VA", "offense": "prostitution", "year": 2014}, audience="survivor")
    text = render(assess(catalog, answers, now=2026), catalog, "text")
    assert text.count("That fits the law's test for the link.") == 2  # the first screen, and Why
    advocate = answers.model_copy(update={"audience": "advocate"})
    text = render(assess(catalog, advocate, now=2026), catalog, "text")
    assert text.count("That fits.") == 2  # Why, and what your client would need to show


def test_an_open_case_is_said_on_every_page_about_what_to_do_next(catalog):
    """Words review 9: the packet and the sheet said nothing of an open case; and with one, free help stays on
    the first screen while filing waits (Kansas bars filing while a case is open, K.S.A. 22-2410(b))."""
    from assistant.faces.screening import Screener
    from assistant.render.explain import context, render_packet
    from tests.factories import answers_with

    answers = answers_with(
        {"jurisdiction": "KS", "offense": "prostitution", "pending_charges": "yes"}, audience="survivor"
    )
    assessment = assess(catalog, answers, now=2026)
    step = catalog.terms.open_case("survivor")
    for fmt in ("text", "markdown"):
        assert f"First: {step}" in render_packet(assessment, catalog, fmt).replace("**", "")
    steps = context(assessment, catalog)["records"][0]["first_steps"]
    assert steps[0] == step and steps[-1].startswith("Talk to free legal help")
    assert not any(s.startswith(("File", "Where to file")) for s in steps)
    row = Screener(catalog).result(answers)
    assert row["main_reason"].startswith(step)


def test_a_gap_in_our_data_is_said_once_on_the_first_part_with_who_can_check_it(catalog):
    """Words review 9: Mississippi's 'We could not confirm whether it covers prostitution as a misdemeanor.' was
    followed by 'We are not sure about one part of this law: which charges it covers.'"""
    from tests.factories import answers_with

    answers = answers_with(
        {"jurisdiction": "MS", "offense": "prostitution", "level": "misdemeanor"}, audience="survivor"
    )
    first = render(assess(catalog, answers, now=2026), catalog, "text").split("MORE DETAIL")[0]
    assert (
        "We could not confirm whether it covers prostitution as a misdemeanor. A lawyer can check this part." in first
    )
    assert "which charges it covers" not in first
