"""Keys do what the key bar says (issue 14): only working keys are shown, and every shown key works."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from assistant.faces.ui.app import make_app
from assistant.faces.ui.screens.conversation import ConversationScreen
from assistant.faces.ui.screens.help import HelpScreen
from assistant.faces.ui.screens.results import ResultsScreen
from assistant.faces.ui.screens.welcome import WelcomeScreen
from assistant.faces.ui.widgets.choice_list import ChoiceList
from assistant.faces.ui.widgets.key_bar import KeyBar
from assistant.faces.ui.widgets.question import QuestionBox
from tests.scenarios_helpers import load_answers

BINDING_NAMES = {"Ctrl+Q": "ctrl+q", "Esc": "escape", "Enter": "enter", "Space": "space"}


async def settle(pilot):
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def keys(pilot, *presses):
    for key in presses:
        await pilot.press(key)
        await settle(pilot)


def current(app):
    step = app.conversation.runner.current()
    return step.question.id if step else None


def shown_keys(app) -> list[tuple[str, str]]:
    return app.screen.query_one(KeyBar).keys


def assert_every_shown_key_works(app):
    active = app.active_bindings
    for key, words in shown_keys(app):
        name = BINDING_NAMES.get(key, key.lower())
        assert name in active, f"{type(app.screen).__name__}: {key} {words!r} is shown but not bound here"
        assert active[name].enabled, f"{type(app.screen).__name__}: {key} {words!r} is shown but disabled"


@pytest.mark.parametrize(("scenario", "offered"), [("nm-theft-felony-sealing", False), ("two-states-advocate", True)])
async def test_save_answers_is_shown_only_where_it_works(catalog, scenario, offered):
    app = make_app(catalog, load_answers(catalog, scenario))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert (("A", "Save answers") in shown_keys(app)) is offered
        assert_every_shown_key_works(app)
        hint = str(app.screen.query_one("#results .hint").render())
        assert ("A: save the answers" in hint) is offered


async def test_every_key_shown_works_on_every_screen(catalog):
    app = make_app(catalog, load_answers(catalog, "two-states-advocate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tour = [
            ("results", []),
            ("conversation", ["c"]),
            ("results again", ["escape"]),
            ("national", ["t"]),
            ("compare", ["space", "c"]),
            ("national again", ["escape"]),
            ("state", ["enter"]),
            ("what-if", ["w"]),
        ]
        for _where, presses in tour:
            await keys(pilot, *presses)
            assert_every_shown_key_works(app)


async def test_the_key_bar_never_splits_a_key_from_its_words(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "f4", "enter")  # a state's card: "E Export history" used to wrap into two keys
        bar = app.screen.query_one(KeyBar)
        lines = [str(line) for line in bar.wrapped(78)]
        assert len(lines) <= 2
        for key, words in bar.keys:
            assert any(f" {key}  {words}" in line for line in lines), (key, words, lines)


async def test_year_digits_type_the_year_and_down_reaches_the_other_answers(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        await pilot.press(*"new mexico", "enter")
        await settle(pilot)
        await keys(pilot, "3", "4", "2", "2")
        assert current(app) == "year"
        box = app.screen.query_one(QuestionBox)
        chooser = box.query_one("#choices", ChoiceList)
        assert not chooser.numbered  # no number to type that would land in the box instead
        await keys(pilot, "1")
        assert app.focused.value == "1" and current(app) == "year"  # a digit is part of the year
        await keys(pilot, "backspace", "down")
        assert app.focused is chooser
        await keys(pilot, "up")
        assert isinstance(app.focused, Input)  # Up from the first line goes back to the box
        await keys(pilot, "down", "enter")  # "not sure"
        assert app.conversation.runner.records[0]["year"] == "unsure"


async def test_no_year_error_while_a_year_is_being_typed(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        await pilot.press(*"new mexico", "enter")
        await settle(pilot)
        await keys(pilot, "3", "4", "2", "2")
        error = app.screen.query_one(QuestionBox).query_one("#error")
        for digit in "201":
            await keys(pilot, digit)
            assert str(error.render()) == "", app.focused.value
        await keys(pilot, "backspace", "backspace", "backspace", *"1890")
        assert "Type a year between" in str(error.render())  # four digits, out of range: now it is a mistake
        await keys(pilot, "backspace")  # typing again: no error until it has four digits
        assert str(error.render()) == ""


async def test_progress_never_passes_its_total(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)

        def check():
            if isinstance(app.screen, ConversationScreen) and not app.conversation.runner.finished:
                number, total = app.conversation.position()
                assert 1 <= number <= total
                text = str(app.screen.query_one("#progress").render())
                assert f"Question {number} of about {total}" in text

        for press in ["1"]:
            await keys(pilot, press)
            check()
        await pilot.press(*"new mexico", "enter")
        await settle(pilot)
        for press in ["3", "4", "2", "2"]:
            check()
            await keys(pilot, press)
        await pilot.press(*"2014", "enter")
        await settle(pilot)
        for press in ["1", "2", "2"]:
            check()
            await keys(pilot, press)
        await pilot.press(*"2016", "enter")
        await settle(pilot)
        await keys(pilot, "6", "enter")
        assert isinstance(app.screen, ResultsScreen)
        await keys(pilot, "c", "up", "up", "up", "enter")  # change an answer near the end
        assert current(app) is not None
        check()  # once read "Question 13 of about 12"


async def test_help_says_how_to_close_it_and_its_escape_does_not_count_toward_leaving(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "To close this help: press Escape, Enter or F1" in text
        await keys(pilot, "escape")  # closes the help...
        assert isinstance(app.screen, WelcomeScreen)
        await keys(pilot, "escape", "escape")  # ...and is not the first of three
        assert not app.quick_exited
        await keys(pilot, "f1", "enter")
        assert isinstance(app.screen, WelcomeScreen)
        await keys(pilot, "escape")
        assert app.quick_exited  # three Escapes outside a dialog still leave


async def test_after_change_an_answer_the_screen_says_what_to_do_next(catalog):
    app = make_app(catalog, load_answers(catalog, "nm-theft-felony-sealing"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "c")
        assert isinstance(app.screen, ConversationScreen)
        note = app.screen.query(".changing")
        assert note and "move to it with Up and Down, then press Enter" in note.first().text
        assert "Escape goes back to the results" in note.first().text
        assert app.focused.key == ("documentation", None)
        await keys(pilot, "escape")
        assert isinstance(app.screen, ResultsScreen)
