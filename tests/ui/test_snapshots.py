"""SVG snapshots of each screen and kind of question, at 80x24 and one larger size. Kept few.

Update after a deliberate change: pytest tests/ui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from assistant.catalog import load_catalog
from assistant.ui.app import make_app
from tests.conftest import ROOT
from tests.scenarios_helpers import load_answers

CATALOG = load_catalog(ROOT)


async def steady(pilot) -> None:
    """No blinking cursor in a snapshot."""
    await pilot.pause()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def app(answers: str | None = None, theme: str = "default"):
    return make_app(CATALOG, load_answers(CATALOG, answers) if answers else None, theme)


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
