"""80x24 is a real size (issue 14): every view shows its content without sideways scrolling.

Read the screen as a person sees it (the characters drawn at 80x24), and check the tables never
need scrolling sideways.
"""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.widgets import DataTable, Static

from assistant.faces.ui.app import make_app
from assistant.faces.ui.screens.compare import CompareScreen
from assistant.faces.ui.screens.national import NationalScreen
from assistant.faces.ui.screens.whatif import WhatIfScreen
from assistant.faces.ui.textual_private import screen_segments
from assistant.faces.ui.widgets.key_bar import KeyBar
from tests.scenarios_helpers import load_answers

SIZE = (80, 24)


async def press(pilot, *keys):
    for key in [None, *keys]:
        if key is not None:
            await pilot.press(key)
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


SCROLL_BARS = {chr(c) for c in range(0x2580, 0x25A0)}


def screen_lines(app) -> list[str]:
    text = "".join(seg.text for seg in screen_segments(app) if not seg.control)
    return ["".join(" " if ch in SCROLL_BARS else ch for ch in line) for line in text.split("\n")]


def cut_cells(app, table: DataTable) -> list[str]:
    """Cells whose text, wrapped to their column, would need more lines than their row has."""
    cut = []
    columns = list(table.columns.values())
    for row_key, row in table.rows.items():
        for column, cell in zip(columns, table.get_row(row_key), strict=True):
            lines = Text(str(cell)).wrap(app.console, column.width)
            if len(lines) > row.height:
                cut.append(str(cell))
    return cut


def screen_words(app) -> str:
    """Everything on screen as one line of words (wrapped lines joined)."""
    return " ".join(" ".join(line.split()) for line in screen_lines(app))


def no_sideways_scrolling(app):
    for table in app.screen.query(DataTable):
        assert table.virtual_size.width <= table.scrollable_content_region.width, (table.id, table.virtual_size)
        assert table.max_scroll_x == 0, table.id


async def test_compare_shows_every_place_in_full(catalog):
    app = make_app(catalog, load_answers(catalog, "two-states-advocate"))
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "t")
        assert isinstance(app.screen, NationalScreen)
        codes = [str(k.value) for k in app.screen.query_one(DataTable).rows][:2]
        await press(pilot, "space", "down", "space", "c")
        assert isinstance(app.screen, CompareScreen)
        names = [catalog.jurisdictions[c].name for c in codes]
        for ideal in (False, True):  # two places side by side; with the ideal statute, stacked
            no_sideways_scrolling(app)
            words = screen_words(app)
            for name in names + (["Ideal statute"] if ideal else []):
                assert name in words, (name, ideal)
            for table in app.screen.query(DataTable):
                assert cut_cells(app, table) == []
            await press(pilot, "i")
        assert app.screen.stacked is False  # back to two places: side by side


async def test_what_if_and_same_facts_columns_are_not_cut(catalog):
    app = make_app(catalog, load_answers(catalog, "two-states-advocate"))
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "t", "w")
        assert isinstance(app.screen, WhatIfScreen)
        no_sideways_scrolling(app)
        words = screen_words(app)
        for heading in ("Category", "The law now", "What-if", "Points", "Ideal"):
            assert heading in words
        table = app.screen.query_one(DataTable)
        assert cut_cells(app, table) == []  # each cell whole, wrapped within its column
        assert "Your records here:" in words


async def test_the_national_table_fits_and_its_card_wraps_whole_sentences(catalog):
    app = make_app(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f4")
        screen = app.screen
        assert isinstance(screen, NationalScreen)
        no_sideways_scrolling(app)
        for code in [str(k.value) for k in screen.query_one(DataTable).rows][:8]:
            screen._show_card(code)
            await pilot.pause()
            text = screen.query_one("#card-text", Static)
            wrapped = Text(screen.card_text(code)).wrap(app.console, text.content_size.width)
            assert text.size.height == len(wrapped), code  # all of it, wrapped; the pane scrolls if it is long
            assert text.size.width <= SIZE[0]
        first = str(next(iter(screen.query_one(DataTable).rows)).value)
        screen._show_card(first)
        await pilot.pause()
        first_sentence = screen.card_text(first).split("\n")[0]
        assert first_sentence in screen_words(app)


async def test_the_sort_dialog_fits_with_its_hint_in_view(catalog):
    # fifteen choices made the dialog taller than the screen: its hint and bottom border were cut off
    app = make_app(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f4", "o")
        dialog = app.screen.query_one("#dialog")
        assert dialog.region.bottom <= SIZE[1]
        assert "Enter chooses. Escape cancels." in screen_words(app)


@pytest.mark.parametrize(
    "keys",
    [
        [],
        ["c"],
        ["t"],
        ["t", "space", "down", "space", "c"],
        ["t", "enter"],
        ["t", "w"],
    ],
    ids=["results", "conversation", "national", "compare", "state", "what-if"],
)
async def test_the_key_bar_never_wraps_a_label_into_two_keys(catalog, keys):
    app = make_app(catalog, load_answers(catalog, "two-states-advocate"))
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *keys)
        bar = app.screen.query_one(KeyBar)
        drawn = screen_lines(app)[-bar.size.height :]
        for key, words in bar.keys:
            assert any(f" {key}  {words}" in line for line in drawn), (key, words, drawn)


async def test_the_question_stays_in_view_above_the_list_of_places(catalog):
    app = make_app(catalog)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "1")
        assert app.conversation.runner.current().question.id == "jurisdiction"
        words = screen_words(app)
        assert "Where is the record from?" in words
        assert "Type to narrow the list" in words  # the hint under the list is in view too
        assert "Alabama (AL)" in words  # and the list itself
