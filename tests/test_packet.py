"""After the verdict: the checklist, filing route, help and lawyer's outline for one record.

Goldens name the deciding facts in their file names; each test also asserts why an item is there.
"""

from __future__ import annotations

from assistant.core.eligibility import assess
from assistant.core.packet import packet
from assistant.render.explain import environment, next_context
from tests.factories import answers_with
from tests.test_tools import golden

NOW = 2026


def rendered(catalog, answers, voice="advocate"):
    assessment = assess(catalog, answers, now=NOW)
    (r,) = assessment.records
    p = packet(catalog, r, answers)
    text = environment().get_template("next.md.j2").render(n=next_context(catalog, p, voice), voice=voice)
    return r, p, text


def kinds(p):
    return [item.kind for item in p.checklist]


def test_new_york_vacatur_with_a_t_visa(catalog):
    answers = answers_with(
        {"jurisdiction": "NY", "record": "conviction", "offense": "prostitution", "level": "misdemeanor"},
        documentation=["t_visa"],
    )
    r, p, text = rendered(catalog, answers)
    assert r.verdict == "likely_eligible"
    assert p.route is not None and p.route.relief == "vacatur" and "440.10" in p.route.citation
    assert kinds(p) == ["court_record", "criminal_history", "sworn_statement", "official_documents"]
    papers = next(i for i in p.checklist if i.kind == "official_documents")
    assert not papers.missing and any("a T visa" in n for n in papers.notes)  # the presumption's paper, held
    assert p.help[0].name.startswith("The Legal Aid Society")  # New York's own help comes first
    golden("next-ny-vacatur-t-visa.md", text)


def test_federal_level_a_record_with_no_papers(catalog):
    answers = answers_with(
        {"jurisdiction": "US", "record": "conviction", "offense": "drug", "level": "felony"},
        documentation=["none"],
    )
    r, p, text = rendered(catalog, answers)
    assert r.verdict in ("likely_eligible", "possibly_eligible")
    assert "provider_letter" in kinds(p)  # with no official papers, other evidence can serve
    assert "court_record" in kinds(p) and "sworn_statement" in kinds(p)
    golden("next-us-level-a-no-papers.md", text)


def test_washington_record_with_conditions(catalog):
    answers = answers_with({"jurisdiction": "WA", "record": "conviction", "offense": "theft", "level": "misdemeanor"})
    _r, p, text = rendered(catalog, answers)
    proof = next(i for i in p.checklist if i.kind == "condition_proof")
    conditions = " ".join(proof.notes)
    assert "restitution" in conditions.lower() and "penalty assessment" in conditions.lower()
    assert "9.96.080" in proof.citation
    golden("next-wa-conditions.md", text)


def test_a_condition_keeps_its_caution_in_the_packet_and_a_fee_is_not_a_condition_to_prove(catalog):
    """Words review 8: the packet is what a person prints; Virginia's 'name the trafficker' keeps its warning,
    and Ohio's $50 fee (a fee is paid, not proved: the filing guide says it) is not a paper to gather."""
    va = answers_with({"jurisdiction": "VA", "record": "conviction", "offense": "prostitution", "level": "misdemeanor"})
    _r, p, _text = rendered(catalog, va, "survivor")
    proof = next(i for i in p.checklist if i.kind == "condition_proof")
    trafficker = next(n for n in proof.notes if "who the trafficker is" in n)
    assert trafficker.endswith("Naming the trafficker can be unsafe. Talk with an advocate first.")
    oh = answers_with(
        {
            "jurisdiction": "OH",
            "record": "conviction",
            "offense": "theft",
            "level": "felony",
            "felony_class": "class_f4",
        }
    )
    _r, p, _text = rendered(catalog, oh, "survivor")
    proof = next(i for i in p.checklist if i.kind == "condition_proof")
    assert proof.notes and not any("fee" in n for n in proof.notes)
    tn = answers_with({"jurisdiction": "TN", "record": "conviction", "offense": "prostitution", "level": "misdemeanor"})
    _r, p, _text = rendered(catalog, tn, "survivor")
    assert not any("fee" in n for i in p.checklist for n in i.notes)


def test_a_list_of_papers_not_read_in_full_is_not_called_the_laws(catalog):
    nj = answers_with(
        {"jurisdiction": "NJ", "record": "arrest", "offense": "prostitution", "level": "misdemeanor"},
        documentation=["t_visa"],
    )
    _r, p, _text = rendered(catalog, nj, "survivor")
    papers = next(i for i in p.checklist if i.kind == "official_documents")
    assert not any(n.startswith("The law names") for n in papers.notes)
    assert papers.notes[0].startswith("Papers that count include:") and not papers.missing
    assert any("a T visa" in n and "may count too: a lawyer can check" in n for n in papers.notes)
    ny = answers_with({"jurisdiction": "NY", "record": "conviction", "offense": "prostitution"}, documentation=["none"])
    _r, p, _text = rendered(catalog, ny, "survivor")
    papers = next(i for i in p.checklist if i.kind == "official_documents")
    assert papers.notes[0].startswith("The law names:") and papers.missing  # read in full: the law's own list


def test_georgia_record_with_a_certification(catalog):
    answers = answers_with(
        {"jurisdiction": "GA", "record": "conviction", "offense": "drug", "level": "felony"},
        documentation=["certification"],
    )
    r, p, text = rendered(catalog, answers)
    assert r.verdict in ("likely_eligible", "possibly_eligible")
    assert p.route is not None
    golden("next-ga-certification.md", text)


def test_a_place_without_a_guide_says_so(catalog):
    from dataclasses import replace

    answers = answers_with({"jurisdiction": "NY"})
    without = replace(catalog, guides={k: g for k, g in catalog.guides.items() if k != "NY"})
    _r, p, text = rendered(without, answers)
    assert p.route is None and not p.has_guide
    assert "no filing guide for this place yet" in text
    assert p.help and all(h.area == "nationwide" or "national" in h.area.lower() for h in p.help)


def test_the_outline_is_for_advocates_and_names_open_points(catalog):
    answers = answers_with({"jurisdiction": "NM", "connection": "because"}, audience="advocate")
    _r, p, text = rendered(catalog, answers)
    nexus = next(e for e in p.outline if e.element.startswith("The link"))
    assert nexus.open_point is not None and "30-52-1.2" in nexus.citation  # "because" must be shown as duress
    assert "Draft outline for a lawyer to review (not a filing)" in text
    survivor = answers_with({"jurisdiction": "NM", "connection": "because"}, audience="survivor")
    _, _, for_survivor = rendered(catalog, survivor, voice="survivor")
    assert "Draft outline" not in for_survivor


def test_every_jurisdiction_has_a_guide_with_help_and_a_route_for_each_remedy(catalog):
    """Adding a jurisdiction means adding its guide too; validate checks each route against the law."""
    assert "national" in catalog.guides and catalog.guides["national"].help
    for code, j in catalog.jurisdictions.items():
        guide = catalog.guides.get(code)
        assert guide is not None, f"{code} has no filing guide"
        assert guide.help, f"{code}'s guide lists no free help"
        routes = {r.relief for r in guide.routes} | {t for r in guide.routes for t in r.covers}
        assert {r.type for r in j.current.details.relief} <= routes, code


def test_the_guide_command_shows_every_route_and_help(catalog):
    from tests.conftest import run_relief

    result = run_relief("guide", "georgia")
    assert result.returncode == 0, result.stderr
    guide = catalog.guides["GA"]
    for route in guide.routes:
        assert route.name in result.stdout
    assert guide.help[0].name in result.stdout
    assert run_relief("guide", "zz").returncode == 2


def test_each_free_help_entry_of_a_guide_is_its_own_list_item(catalog):
    # an entry with a note ran into the next one (".- **National Human Trafficking Hotline**")
    from assistant.render.export import guide_markdown

    for code in ("OH", "NY", "TX", "GA"):
        text = guide_markdown(catalog, code)
        help_part = text.split("## Free help", 1)[1]
        items = [line for line in help_part.splitlines() if line.startswith("- **")]
        names = [line.split("**")[1] for line in items]
        assert ".- **" not in help_part, code
        assert "National Human Trafficking Hotline" in names, code
        assert len(items) == help_part.count("- **"), code
    # what the evaluation says of Texas's timing, its guide says too (it left out the wait)
    who = catalog.guides["TX"].routes[0].who_may_file.text
    assert "Wait one year" in who and "no conviction for another offense since" in who
    # a service the state's guide and the national list both give (same web page) is listed once (TX twice)
    texas = guide_markdown(catalog, "TX").split("## Free help", 1)[1]
    assert texas.count("freedomnetworkusa.org/advocacy/survivor-reentry-project") == 1


def test_a_guides_research_notes_follow_the_route_not_each_line(catalog):
    # "Fee. Not in our guide yet. The Clean Slate Clearinghouse says ..." and "Official form. Not found. Not
    # found." read as research notes in a guide a survivor may print
    from assistant.render.export import guide_markdown

    text = guide_markdown(catalog, "OH")
    assert "- **Fee.** Not in our guide yet.\n" in text
    assert "_Not settled for this route: Fee: The Clean Slate Clearinghouse says" in text
    assert "Not found. Not found." not in text


def test_the_whole_packet_renders_every_record_in_each_format(catalog):
    from assistant.core.eligibility import assess
    from assistant.render.explain import render_packet
    from tests.scenarios_helpers import load_answers

    assessment = assess(catalog, load_answers(catalog, "two-states-advocate"))
    markdown = render_packet(assessment, catalog, "markdown")
    assert markdown.startswith("# What to do next")
    assert "## Record 1:" in markdown and "## Record 2:" in markdown
    assert "- [ ] **" in markdown  # boxes to tick on paper
    assert "Fla. Stat. § 943.0583" in markdown  # the advocate voice keeps citations
    text = render_packet(assessment, catalog, "text")
    assert text.startswith("WHAT TO DO NEXT") and "RECORD 2:" in text and "**" not in text
    assert render_packet(assessment, catalog, "html").startswith("<!doctype html>")


def test_the_packet_says_what_it_rests_on_and_points_to_nothing_it_lacks(catalog):
    """Words review 8: a lawyer handed the packet sees the answers and the law's date; a 'possibly' says why in
    a line, not 'it depends on the points below' (the packet has no points)."""
    from assistant.core.eligibility import assess
    from assistant.render.explain import render_packet

    answers = answers_with(
        {"jurisdiction": "OH", "record": "conviction", "offense": "theft", "level": "felony", "felony_class": "unsure"},
        audience="survivor",
    )
    for fmt, heading in (("markdown", "## The answers this rests on"), ("text", "THE ANSWERS THIS RESTS ON")):
        out = render_packet(assess(catalog, answers, now=NOW), catalog, fmt)
        assert "Possibly eligible" in out and "points below" not in out
        assert heading in out and "When the trafficking ended: 2016." in out
        assert f"current to {catalog.jurisdictions['OH'].as_of}" in out


def test_a_survivors_packet_has_no_citations(catalog):
    from assistant.core.eligibility import assess
    from assistant.render.explain import render_packet
    from tests.scenarios_helpers import load_answers

    assessment = assess(catalog, load_answers(catalog, "nm-theft-felony-sealing"))
    assert assessment.voice == "survivor"
    markdown = render_packet(assessment, catalog, "markdown")
    assert "Papers to gather" in markdown and "NMSA" not in markdown
    # research notes and section numbers stay with advocates (the filing is named without its section)
    assert "Searched stored pages" not in markdown and "names no fee" not in markdown
    assert not [line for line in markdown.splitlines() if "§" in line]
    assert "**How to file: Petition to seal records**" in markdown


def test_a_filing_for_one_kind_of_record_is_chosen_for_that_kind(catalog):
    """Ohio expunges a conviction by R.C. 2953.36 and a dismissed charge by R.C. 2953.521: two filings."""
    from assistant.core.eligibility import assess
    from assistant.core.packet import packet
    from tests.factories import answers_with

    def route_for(record: str) -> str:
        answers = answers_with({"jurisdiction": "OH", "record": record, "offense": "prostitution"})
        (r,) = assess(catalog, answers, now=2026).records
        route = packet(catalog, r, answers).route
        assert route is not None
        return route.name

    assert "2953.36" in route_for("conviction")
    assert "2953.521" in route_for("arrest") and "2953.521" in route_for("dismissed")


def test_a_paper_asked_for_by_the_juvenile_route_only_is_not_shown_for_an_adult(catalog):
    """North Carolina: the good-behaviour affidavits are for a juvenile expunction petition (G.S. 7B-3200)."""
    from assistant.core.eligibility import assess
    from assistant.core.packet import packet
    from tests.factories import answers_with

    answers = answers_with({"jurisdiction": "NC", "record": "conviction", "offense": "drug", "level": "felony"})
    (r,) = assess(catalog, answers, now=2026).records
    items = {item.kind: item for item in packet(catalog, r, answers).checklist}
    assert "sworn_statement" in items and items["sworn_statement"].where is None


def test_a_paper_that_asks_to_name_the_trafficker_says_it_can_be_unsafe(catalog):
    """Words review 9: Virginia's sworn statement must name the trafficker (§ 19.2-327.17(B)); the item a survivor
    writes first carries the warning, not only the condition two items later."""
    va = answers_with({"jurisdiction": "VA", "record": "conviction", "offense": "prostitution", "level": "misdemeanor"})
    _r, p, _text = rendered(catalog, va, "survivor")
    statement = next(i for i in p.checklist if i.kind == "sworn_statement")
    assert "trafficker's identity" in statement.where and "Naming the trafficker can be unsafe" in statement.where
