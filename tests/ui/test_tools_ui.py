"""Pilot tests for the national view, compare, state card and what-if screens."""

from __future__ import annotations

from textual.widgets import DataTable

from assistant.core.eligibility import assess
from assistant.core.whatif import rescored
from assistant.faces.ui.app import make_app
from assistant.faces.ui.screens.compare import CompareScreen
from assistant.faces.ui.screens.national import NationalScreen
from assistant.faces.ui.screens.results import ResultsScreen
from assistant.faces.ui.screens.state import StateScreen
from assistant.faces.ui.screens.whatif import WhatIfScreen
from assistant.faces.ui.widgets.choice_list import ChoiceList
from assistant.faces.ui.widgets.tile_map import TileMap
from tests.scenarios_helpers import load_answers


async def settle(pilot):
    """Let the app finish what a key started: messages, and workers (the results are worked out in one)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def keys(pilot, *presses):
    for key in presses:
        await pilot.press(key)
        await settle(pilot)


async def choose(pilot, position):
    """In a choice dialog, move from the top to the 1-based `position` and press Enter."""
    await keys(pilot, "home", *(["down"] * (position - 1)), "enter")


async def choose_code(pilot, code):
    """In a choice dialog, move to the line with this code and press Enter."""
    pilot.app.screen.query_one(ChoiceList).highlight_code(code)
    await keys(pilot, "enter")


def codes_shown(app):
    table = app.screen.query_one(DataTable)
    return [str(key.value) for key in table.rows]


async def test_national_view_sorts_filters_and_compares(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        await keys(pilot, "f4")
        assert isinstance(app.screen, NationalScreen)
        assert len(codes_shown(app)) == len(catalog.jurisdictions)
        await keys(pilot, "o")
        await choose_code(pilot, "best_case")  # sort: highest possible total first
        shown = codes_shown(app)
        totals = [app.screen.by_code[c].high for c in shown]
        assert totals == sorted(totals, reverse=True)
        await keys(pilot, "f", "7")  # filter: no adult law
        assert set(codes_shown(app)) == {c for c, j in catalog.jurisdictions.items() if not j.current.adult_relief}
        await keys(pilot, "f", "1")  # all again
        await keys(pilot, "o")
        await choose_code(pilot, "code")
        await keys(pilot, "down", "space", "down", "space")  # mark AL and AR
        assert app.screen.marked == ["AL", "AR"]
        await keys(pilot, "c")
        assert isinstance(app.screen, CompareScreen) and app.screen.codes == ["AL", "AR"]
        await keys(pilot, "i")  # the ideal statute as a column
        table = app.screen.query_one("#features", DataTable)
        assert len(table.columns) == 4


async def test_comparing_places_for_someone_still_being_trafficked_shows_help_first(catalog):
    from textual.widgets import Static

    from tests.factories import answers_with

    answers = answers_with({"jurisdiction": "NY"}, audience="advocate", trafficking_ended="ongoing")
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(CompareScreen(catalog, ["NY", "GA"], answers))
        await settle(pilot)
        banner = app.screen.query_one("#help-now", Static)
        assert banner.display and "1-888-373-7888" in str(banner.render())
        assert banner.region.y < app.screen.query_one("#features", DataTable).region.y  # above the table


async def test_one_place_beside_the_ideal_is_titled_and_marked_as_such(catalog):
    from textual.widgets import Static

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(CompareScreen(catalog, ["NY"]))  # one place: the ideal statute is shown beside it
        await settle(pilot)
        title = str(app.screen.query_one("#compare-title", Static).render())
        hint = str(app.screen.query_one("#compare-hint", Static).render())
        assert title == "Compared: New York and Ideal statute" and "fall short of the ideal statute" in hint
        table = app.screen.query_one("#features", DataTable)
        assert any(str(table.get_row_at(i)[0]).startswith("≠") for i in range(table.row_count))


async def test_a_what_if_for_a_place_with_no_adult_law_says_it_imagines_a_new_law(catalog):
    # it said "Now: 0 points, grade none" and "What-if: Not known" on every row
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(WhatIfScreen(catalog, "MN"))
        await settle(pilot)
        score = str(app.screen.query_one("#score").render())
        assert "no law for adult survivors, so not graded" in score and "grade none" not in score
        table = app.screen.query_one(DataTable)
        assert all(str(table.get_row(k)[2]) == "none yet" for k in table.rows)


async def test_tile_map_moves_and_opens_a_state_card(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        await keys(pilot, "f4", "m")
        tiles = app.screen.query_one(TileMap)
        assert app.focused is tiles and tiles.cursor == "NM"
        await keys(pilot, "left")
        assert tiles.cursor == "AZ"
        assert "Arizona" in str(app.screen.query_one("#card-text").render())
        await keys(pilot, "enter")
        assert isinstance(app.screen, StateScreen) and app.screen.code == "AZ"


async def test_what_if_changes_the_score_at_once(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        await keys(pilot, "f4")
        while codes_shown(app)[app.screen.query_one(DataTable).cursor_row] != "OR":
            await keys(pilot, "down")
        await keys(pilot, "w")
        assert isinstance(app.screen, WhatIfScreen) and app.screen.code == "OR"
        score = app.screen.query_one("#score")
        assert "What-if: 33 points" in str(score.render())
        await keys(pilot, "down", "down", "enter", "6")  # offenses covered -> all offenses
        assert app.screen.changes == {"offenses_covered": "all_offenses"}
        assert "What-if: 58 points" in str(score.render())
        await keys(pilot, "i")
        assert "What-if: 100 points, grade A" in str(score.render())
        # "→" marks only the parts that moved: Oregon's best parts stay unmarked under "All ideal"
        table = app.screen.query_one(DataTable)
        cells = {str(k.value): table.get_row(k) for k in table.rows}
        moved = {c for c, row in cells.items() if str(row[2]).startswith("→")}
        oregon = {c.category.id: c for c in rescored(catalog, catalog.jurisdictions["OR"])[0].categories}
        assert moved == {c for c, cat in oregon.items() if cat.below_ideal}
        await keys(pilot, "r")
        assert app.screen.changes == {}


async def test_other_states_are_not_offered_to_a_survivor(catalog):
    """A survivor's record is cleared under its own place's law: T (a ranking of places) is for advocates."""
    answers = load_answers(catalog, "or-theft-not-covered")
    assert answers.audience == "survivor"
    app = make_app(catalog, answers)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await keys(pilot, "t")
        assert isinstance(app.screen, ResultsScreen)


async def test_same_facts_in_other_states_from_the_results(catalog):
    answers = load_answers(catalog, "or-theft-not-covered").model_copy(update={"audience": "advocate"})
    app = make_app(catalog, answers)
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await keys(pilot, "t")
        assert isinstance(app.screen, NationalScreen) and app.screen.answers is not None
        while codes_shown(app)[app.screen.query_one(DataTable).cursor_row] != "NM":
            await keys(pilot, "down")
        await keys(pilot, "space")
        while codes_shown(app)[app.screen.query_one(DataTable).cursor_row] != "OR":
            await keys(pilot, "down")
        await keys(pilot, "space", "c")
        facts = app.screen.query_one("#facts", DataTable)
        row = facts.get_row_at(0)
        answers = app.screen.answers
        for cell, code in zip(row[1:], ["NM", "OR"], strict=True):
            moved = answers.records[0].model_copy(update={"jurisdiction": code})
            placed = answers.model_copy(update={"records": [moved]})
            verdict = catalog.terms.verdicts[assess(catalog, placed).records[0].verdict]  # the law is the data's
            assert verdict.label in str(cell)


async def test_a_long_record_title_is_shown_whole_at_80x24(catalog):
    """'... (class H felony) in North Carolina, 2014' was cut to 'North Ca…' on the card's border."""
    from textual.widgets import Static

    from tests.factories import answers_with

    answers = answers_with(
        {"jurisdiction": "NC", "record": "conviction", "offense": "drug", "level": "felony", "felony_class": "class_h"},
        audience="advocate",
    )
    app = make_app(catalog, answers)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        (title,) = app.screen.query(".record-title").results(Static)
        shown = " ".join(str(title.render()).split())
        assert shown.startswith("A conviction for a drug charge (class H felony) in North Carolina")
        assert title.region.width <= 80
