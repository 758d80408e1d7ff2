"""What to do next (issue 13) and saving in the format the file name says (issue 15), as a person uses them."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest
from textual.widgets import Input

from assistant.data.catalog import load_catalog
from assistant.faces.ui.app import make_app
from assistant.faces.ui.screens.choose import ChooseScreen
from assistant.faces.ui.screens.next_steps import NOT_SAVED, NextStepsScreen
from assistant.faces.ui.screens.results import ResultsScreen
from assistant.faces.ui.screens.save import SaveScreen
from assistant.faces.ui.widgets.checklist import Paper
from tests.conftest import ROOT
from tests.scenarios_helpers import load_answers

CATALOG = load_catalog(ROOT)


def app(answers: str):
    built = make_app(CATALOG, load_answers(CATALOG, answers), "default")
    built.today = lambda: dt.date(2026, 6, 1)
    return built


async def settle(pilot):
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def press(pilot, *keys):
    """Press each key as a person would, letting the app finish what it started."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def texts(screen) -> str:
    return " ".join(str(w.render()) for w in screen.query("Static"))


async def test_one_record_opens_its_checklist_and_ticks_are_never_saved(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a = app("nm-theft-felony-sealing")
    async with a.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(a.screen, ResultsScreen)
        await press(pilot, "w")
        screen = a.screen
        assert isinstance(screen, NextStepsScreen)
        assert NOT_SAVED in texts(screen)
        papers = list(screen.query(Paper))
        assert len(papers) >= 3 and a.focused is papers[0]
        marks = lambda: [str(p.query_one(".mark").render()) for p in papers]  # noqa: E731
        assert marks() == ["[ ]"] * len(papers)
        await press(pilot, "down", "space")
        assert marks()[:2] == ["[ ]", "[x]"]  # a shape, not only a colour
        assert str(screen.query_one("#ticked").render()) == "Ticked: 2. Your criminal history report."
        assert screen.ticked == [papers[1].code]
        await pilot.press("enter")  # Enter ticks too (there is nothing to confirm): the tick goes away again
        await settle(pilot)
        assert screen.ticked == [] and str(screen.query_one("#ticked").render()) == "Nothing ticked yet."
        await press(pilot, "b")
        assert isinstance(a.screen, ResultsScreen)
    assert os.listdir(tmp_path) == []  # ticking wrote nothing


async def test_several_records_ask_which_one_first():
    a = app("two-states-advocate")
    async with a.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "w")
        assert isinstance(a.screen, ChooseScreen)
        await press(pilot, "2")
        assert isinstance(a.screen, NextStepsScreen)
        assert a.screen.record["number"] == 2
        assert "What to do next: record 2" in texts(a.screen)


async def test_the_packet_is_saved_as_a_page_to_print_with_its_full_path_shown(tmp_path):
    a = app("two-states-advocate")
    notes: list[str] = []
    async with a.run_test(size=(80, 24)) as pilot:
        a.notify = lambda message, **kw: notes.append(message)  # type: ignore[method-assign]
        await settle(pilot)
        await press(pilot, "w", "1")
        await press(pilot, "e")
        assert isinstance(a.screen, SaveScreen)
        a.screen.query_one("#path", Input).value = str(tmp_path / "packet")  # no ending: the chosen one is added
        await press(pilot, "enter")
    saved = tmp_path / "packet.html"
    page = saved.read_text()
    assert page.startswith("<!doctype html>") and "What to do next" in page and "Papers to gather" in page
    assert "Record 2:" in page  # the whole packet: every record, not only the one on screen
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert notes == [f"Saved to {saved}. Only your user account on this computer can open it."]


async def test_the_summary_is_written_in_the_format_its_name_says(tmp_path):
    a = app("two-states-advocate")
    async with a.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        a.screen.query_one("#path", Input).value = str(tmp_path / "summary.txt")  # the chooser says Markdown
        await press(pilot, "enter")
        await press(pilot, "s")
        a.screen.query_one("#path", Input).value = str(tmp_path / "summary.html")
        await press(pilot, "enter")
    text = (tmp_path / "summary.txt").read_text()
    assert text.startswith("SCREENING RESULTS") and "## " not in text
    assert (tmp_path / "summary.html").read_text().startswith("<!doctype html>")


async def test_a_name_for_a_format_not_offered_is_refused_and_nothing_is_lost(tmp_path):
    a = app("two-states-advocate")
    async with a.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        box = a.screen.query_one("#path", Input)
        box.value = str(tmp_path / "summary.json")
        await press(pilot, "enter")
        assert isinstance(a.screen, SaveScreen)  # still asking, the name still there to fix
        assert box.value == str(tmp_path / "summary.json")
        assert "can be saved as .md, .txt, .html, not .json" in str(a.screen.query_one("#error").render())
    assert not (tmp_path / "summary.json").exists()


async def test_choosing_a_format_changes_the_name_ending():
    a = app("two-states-advocate")
    async with a.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        box = a.screen.query_one("#path", Input)
        assert box.value == "relief-summary.md"
        await press(pilot, "tab", "down")
        assert box.value == "relief-summary.txt"
        await press(pilot, "down")
        assert box.value == "relief-summary.html"


async def test_the_trainers_state_view_shows_the_filing_guide_beside_the_card_when_wide():
    from assistant.faces.ui.screens.state import StateScreen

    for size, beside in (((80, 24), False), ((120, 40), True)):
        a = make_app(CATALOG, None, "default")
        async with a.run_test(size=size) as pilot:
            a.push_screen(StateScreen(CATALOG, "NY"))
            await settle(pilot)
            screen = a.screen
            side, after = screen.query_one("#state-guide"), screen.query_one(".guide.narrow")
            assert (side.display, after.display) == (beside, not beside)
            shown = side.query_one(".guide") if beside else after
            assert "New York: how to file, and who can help" in shown.source  # type: ignore[attr-defined]


@pytest.mark.parametrize("chord", [("ctrl+q",), ("ctrl+c",), ("escape", "escape", "escape")])
async def test_the_quick_exit_works_on_the_next_steps_screen(chord):
    a = app("nm-theft-felony-sealing")
    async with a.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("w", "space")  # a paper ticked and focused
        await settle(pilot)
        assert isinstance(a.screen, NextStepsScreen)
        await pilot.press(*chord)
        await pilot.pause()
    assert a.quick_exited and a.return_code == 0


def test_a_sworn_statement_is_told_about_not_fetched(catalog):
    from assistant.core.eligibility import assess
    from assistant.faces.ui.screens.next_steps import paper_line
    from assistant.render.explain import context
    from tests.factories import answers_with

    answers = answers_with({"jurisdiction": "TN"}, audience="survivor", documentation=["none"])
    checklist = context(assess(catalog, answers, now=2026), catalog)["records"][0]["next"]["checklist"]
    lines = {item["kind"]: paper_line(item) for item in checklist if item["where"]}
    assert "About it: " in lines["sworn_statement"] and "How to get it" not in lines["sworn_statement"]
    assert all("How to get it: " in line for kind, line in lines.items() if kind != "sworn_statement")
    assert len(lines) > 1


async def test_what_to_do_next_leads_with_help_when_the_trafficking_has_not_ended():
    """The same help lines as the results, first on this screen too (words review 8)."""
    from tests.factories import answers_with

    answers = answers_with({"jurisdiction": "GA", "record": "arrest"}, audience="survivor", trafficking_ended="ongoing")
    a = make_app(CATALOG, answers, "default")
    async with a.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "w")
        assert isinstance(a.screen, NextStepsScreen)
        notices = [str(w.render()) for w in a.screen.query("Static") if w.has_class("safety")]
        assert notices and "1-888-373-7888" in notices[0]
        statics = list(a.screen.query("Static"))
        assert statics[1].has_class("safety")  # straight under the title, above the record and its papers


async def test_what_to_do_next_has_no_help_banner_when_the_trafficking_has_ended():
    a = app("nm-theft-felony-sealing")
    async with a.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "w")
        assert isinstance(a.screen, NextStepsScreen) and not a.screen.query(".safety")


async def test_several_records_are_each_named_with_their_verdict_before_the_first_cards_detail():
    """Words review 8: a second record's result was only reached after the first record's whole detail."""
    a = app("two-states-advocate")
    async with a.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(a.screen, ResultsScreen)
        overview = str(a.screen.query_one("#overview").render())
        assert "Record 1: An arrest for prostitution" in overview and "Record 2: A conviction" in overview
        assert overview.count("✔ Likely eligible") == 2
        assert a.screen.query_one("#overview").region.bottom <= 24  # on the first screen, without scrolling
    one = app("nm-theft-felony-sealing")
    async with one.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not one.screen.query("#overview")  # one record: its card is the overview


async def test_what_to_do_next_says_an_open_case_first():
    from tests.factories import answers_with

    answers = answers_with({"jurisdiction": "NY", "pending_charges": "yes"}, audience="survivor")
    a = make_app(CATALOG, answers, "default")
    async with a.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "w")
        assert isinstance(a.screen, NextStepsScreen)
        first = str(a.screen.query_one("#open-case").render())
        assert first == "First: " + CATALOG.terms.open_case("survivor")
