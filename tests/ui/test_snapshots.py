"""SVG snapshots of each screen and kind of question, at 80x24 (the default here) and one larger size.

Update after a deliberate change: pytest tests/ui/test_snapshots.py --snapshot-update
The national, compare, state and what-if views show the data: a change to states/ changes them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input

from assistant.data.catalog import load_catalog
from assistant.faces.ui.app import make_app
from tests.conftest import ROOT
from tests.scenarios_helpers import load_answers

CATALOG = load_catalog(ROOT)


async def steady(pilot) -> None:
    """No blinking cursor in a snapshot, and the results (worked out in a worker) in place."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def app(answers: str | None = None, theme: str = "default"):
    built = make_app(CATALOG, load_answers(CATALOG, answers) if answers else None, theme)
    built.today = lambda: dt.date(2026, 6, 1)  # "old data" flags never depend on the wall clock
    return built


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_welcome(snap_compare, size):
    assert snap_compare(app(), terminal_size=size, run_before=steady)


def test_welcome_high_contrast(snap_compare):
    assert snap_compare(app(theme="high-contrast"), run_before=steady)


def test_question_single_choice(snap_compare):
    assert snap_compare(app(), press=["1", *"texas", "enter"], run_before=steady)


def test_question_jurisdiction_filter(snap_compare):
    assert snap_compare(app(), press=["1", *"new"], run_before=steady)


def test_question_text_for_an_advocate(snap_compare):
    assert snap_compare(app(), press=["2"], run_before=steady)


def test_question_year(snap_compare):
    press = ["1", *"texas", "enter", "3", "1", "1", "1"]
    assert snap_compare(app(), press=press, run_before=steady)


def test_question_multiple_choice(snap_compare):
    press = ["1", *"texas", "enter", "3", "1", "1", "1", *"2015", "enter", "1", "2", "2", *"2016", "enter", "1"]
    assert snap_compare(app(), press=press, run_before=steady)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_results(snap_compare, size):
    assert snap_compare(app("two-states-advocate"), terminal_size=size, run_before=steady)


def test_help(snap_compare):
    assert snap_compare(app(), press=["f1"], run_before=steady)


def test_national_map(snap_compare):
    assert snap_compare(app(), press=["f4", "m"], terminal_size=(120, 40), run_before=steady)


def test_compare_with_ideal(snap_compare):
    assert snap_compare(
        app(), press=["f4", "down", "space", "down", "space", "c", "i"], terminal_size=(120, 40), run_before=steady
    )


# --- 80x24, every view (issue 14) ---------------------------------------------------------------


def test_results_for_a_survivor_80x24(snap_compare):
    assert snap_compare(app("nm-theft-felony-sealing"), run_before=steady)


def test_change_an_answer_says_what_to_do_80x24(snap_compare):
    assert snap_compare(app("nm-theft-felony-sealing"), press=["c"], run_before=steady)


def test_national_table_80x24(snap_compare):
    assert snap_compare(app(), press=["f4"], run_before=steady)


def test_national_map_80x24(snap_compare):
    assert snap_compare(app(), press=["f4", "m"], run_before=steady)


def test_national_legend_80x24(snap_compare):
    assert snap_compare(app(), press=["f4", "l"], run_before=steady)


def test_compare_two_places_with_the_same_facts_80x24(snap_compare):
    press = ["t", "space", "down", "space", "c"]
    assert snap_compare(app("two-states-advocate"), press=press, run_before=steady)


def test_compare_with_the_ideal_stacked_80x24(snap_compare):
    press = ["t", "space", "down", "space", "c", "i"]
    assert snap_compare(app("two-states-advocate"), press=press, run_before=steady)


def test_what_if_with_records_80x24(snap_compare):
    assert snap_compare(app("two-states-advocate"), press=["t", "w"], run_before=steady)


def test_state_card_80x24(snap_compare):
    assert snap_compare(app(), press=["f4", "enter"], run_before=steady)


def test_save_dialog_80x24(snap_compare):
    assert snap_compare(app("two-states-advocate"), press=["s"], run_before=steady)


def test_no_color_tick_all_that_fit_80x24(snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    press = ["1", *"texas", "enter", "3", "1", "1", "1", *"2015", "enter", "1", "2", "2", *"2016", "enter", "1"]
    assert snap_compare(app(), press=press, run_before=steady)


def test_what_to_do_next_80x24(snap_compare):
    assert snap_compare(app("nm-theft-felony-sealing"), press=["w", "space"], run_before=steady)


def test_state_card_with_its_filing_guide_beside_it_120x40(snap_compare):
    assert snap_compare(app(), press=["f4", "enter"], terminal_size=(120, 40), run_before=steady)
