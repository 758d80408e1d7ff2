"""Accessible by more than colour (issue 14).

- Every text/background pair the app draws, cell by cell on every screen, passes WCAG AA (4.5:1),
  in the default theme as well as the high-contrast one.
- NO_COLOR means no colour at all (Textual alone turns colours into grey levels), and the cursor is
  still visible (reverse video).
- "Tick all that fit" shows [x] and [ ] and says in words what is ticked.
"""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.widgets import DataTable, OptionList

from assistant.faces.ui.app import make_app
from assistant.faces.ui.textual_private import screen_segments
from assistant.faces.ui.widgets.multi_choice_list import MultiChoiceList
from assistant.faces.ui.widgets.question import QuestionBox
from tests.safety.test_accessibility import contrast
from tests.scenarios_helpers import load_answers

# Lines and blocks (borders, table rules, scroll bars) are not text.
NOT_TEXT = {chr(c) for c in range(0x2500, 0x25A0)} | {" "}
DEFAULT_FOREGROUND, DEFAULT_BACKGROUND = "#FFFFFF", "#000000"


def hex_of(colour, foreground: bool) -> str:
    r, g, b = colour.get_truecolor(foreground=foreground)
    return f"#{r:02X}{g:02X}{b:02X}"


def text_cells(segments: list[Segment]):
    for seg in segments:
        if seg.control or seg.style is None or set(seg.text) <= NOT_TEXT:
            continue
        yield seg


def pair(style) -> tuple[str, str]:
    fg = hex_of(style.color, True) if style.color else DEFAULT_FOREGROUND
    bg = hex_of(style.bgcolor, False) if style.bgcolor else DEFAULT_BACKGROUND
    return (bg, fg) if style.reverse else (fg, bg)


SCREENS = {
    "results": "ResultsScreen",
    "conversation": "ConversationScreen",
    "help": "HelpScreen",
    "national table": "NationalScreen",
    "national map": "NationalScreen",
    "compare": "CompareScreen",
    "state": "StateScreen",
    "what-if": "WhatIfScreen",
    "welcome": "WelcomeScreen",
}
QUESTIONS = {
    "a text question": "notes",
    "the place question": "jurisdiction",
    "a single choice": "offense",
    "the year question": "year",
    "an error": "year",
    "tick all that fit": "documentation",
}


async def tour(catalog, theme, look):
    """Every screen and kind of question at 80x24; `visit(app, where)` looks at each."""

    def visit(app, where):
        if where in SCREENS:
            assert type(app.screen).__name__ == SCREENS[where], where
        else:
            assert app.conversation.runner.current().question.id == QUESTIONS[where], where
        look(app, where)

    async def press(pilot, *keys):
        for key in [None, *keys]:
            if key is not None:
                await pilot.press(key)
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    app = make_app(catalog, load_answers(catalog, "two-states-advocate"), theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot)
        visit(app, "results")
        await press(pilot, "c")
        visit(app, "conversation")
        await press(pilot, "enter")
        visit(app, "a text question")
        await press(pilot, "enter")  # the same note again: the results
        visit(app, "results")
        await press(pilot, "f1")
        visit(app, "help")
        await press(pilot, "escape", "t")
        visit(app, "national table")
        await press(pilot, "m")
        visit(app, "national map")
        await press(pilot, "m", "space", "down", "space", "c")
        visit(app, "compare")
        await press(pilot, "escape", "enter")
        visit(app, "state")
        await press(pilot, "w")
        visit(app, "what-if")
    app = make_app(catalog, theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot)
        visit(app, "welcome")
        await press(pilot, "1")
        visit(app, "the place question")
        await press(pilot, *"texas", "enter", "3")
        visit(app, "a single choice")
        await press(pilot, "1", "1", "1")
        visit(app, "the year question")
        await press(pilot, *"1890")
        visit(app, "an error")
        await press(pilot, "backspace", "backspace", "backspace", "backspace", *"2015", "enter", "1", "2", "2")
        await press(pilot, *"2016", "enter", "1")
        visit(app, "tick all that fit")


@pytest.mark.parametrize("theme", ["default", "high-contrast"])
async def test_every_text_on_every_screen_meets_wcag_aa(catalog, theme):
    failures: dict[tuple[str, str], set[str]] = {}

    def visit(app, where):
        for seg in text_cells(list(screen_segments(app))):
            fg, bg = pair(seg.style)
            if contrast(fg, bg) < 4.5 or seg.style.dim:
                failures.setdefault((fg, bg), set()).add(f"{where}: {seg.text.strip()[:30]!r}")

    await tour(catalog, theme, visit)
    report = {f"{fg} on {bg} ({contrast(fg, bg):.2f}:1)": sorted(where)[:3] for (fg, bg), where in failures.items()}
    assert report == {}


async def test_no_color_means_no_colour_at_all(catalog, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    coloured: set[str] = set()
    cursors: list[str] = []

    def visit(app, where):
        segments = list(screen_segments(app))
        for seg in segments:
            style = seg.style
            if style is None:
                continue
            for colour in (style.color, style.bgcolor):
                if colour is not None and not colour.is_default:
                    coloured.add(f"{where}: {colour} {seg.text.strip()[:20]!r}")
        focused = app.focused
        if isinstance(focused, OptionList) and focused.highlighted is not None:
            mark = str(focused.get_option_at_index(focused.highlighted).prompt)[:12]
        elif isinstance(focused, DataTable) and focused.row_count:
            mark = str(focused.get_row_at(focused.cursor_row)[1]).strip()
        else:
            return
        # The line under the cursor is drawn in reverse video: visible without any colour.
        if any(mark in seg.text and seg.style is not None and seg.style.reverse for seg in segments):
            cursors.append(where)

    await tour(catalog, "default", visit)
    assert coloured == set()
    # Where a list or a table has the focus, its cursor is reverse video, not a background colour.
    for where in ("welcome", "a single choice", "national table", "tick all that fit"):
        assert where in cursors


async def test_tick_all_that_fit_shows_the_state_in_shape_and_words(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ["1", *"new mexico", "enter", "3", "4", "2", "2", *"2014", "enter", "1", "2", "2", *"2016", "enter"]:
            await pilot.press(key)
            await pilot.pause()
        box = app.screen.query_one(QuestionBox)
        multi = box.query_one(MultiChoiceList)
        ticked = box.query_one("#ticked")
        lines = [str(multi.get_option_at_index(i).prompt) for i in range(multi.option_count)]
        assert all(line.startswith("[ ] ") for line in lines)
        assert str(ticked.render()) == "Nothing ticked yet."
        await pilot.press("1", "down", "down", "down", "space")
        await pilot.pause()
        lines = [str(multi.get_option_at_index(i).prompt) for i in range(multi.option_count)]
        assert lines[0].startswith("[x] 1. ") and lines[3].startswith("[x] 4. ") and lines[1].startswith("[ ] 2. ")
        words = str(ticked.render())
        assert words.startswith("Ticked: 1. A T visa; 4. ") and words.endswith(".")
        await pilot.press("1")  # untick
        await pilot.pause()
        assert str(multi.get_option_at_index(0).prompt).startswith("[ ] 1. ")
        assert not str(ticked.render()).startswith("Ticked: 1.")
        await pilot.press("enter")
        await pilot.pause()
        assert app.conversation.runner.top["documentation"] == [multi.choices[3].code]
