"""Pilot tests: whole conversations by keyboard (and mouse), as a person would use the app."""

from __future__ import annotations

import io
import os
import stat

import pytest
from rich.console import Console
from textual.widgets import Input

from assistant.core.eligibility import assess
from assistant.faces.ui.app import make_app
from assistant.faces.ui.screens.conversation import ConversationScreen
from assistant.faces.ui.screens.help import HelpScreen
from assistant.faces.ui.screens.results import ResultsScreen
from assistant.faces.ui.screens.welcome import WelcomeScreen
from assistant.faces.ui.widgets.question import QuestionBox
from assistant.faces.ui.widgets.transcript import AnswerLine


async def settle(pilot):
    """Let the app finish what a key started: messages, and workers (the results are worked out in one)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def keys(pilot, *presses):
    for key in presses:
        await pilot.press(*key) if isinstance(key, tuple) else await pilot.press(key)
        await settle(pilot)


async def type_and_enter(pilot, text):
    await pilot.press(*text)
    await pilot.press("enter")
    await settle(pilot)


async def survivor_in(pilot, place):
    """Start as a survivor and name the record's place."""
    await pilot.pause()
    await keys(pilot, "1")  # for myself
    await type_and_enter(pilot, place)


def current(app):
    step = app.conversation.runner.current()
    return step.question.id if step else None


def screen_text(app) -> str:
    return " ".join(str(w.render()) for w in app.screen.query("Static"))


async def record(pilot, app, place, kind, offense, level, link, year, age="1", pending="2"):
    """Answer one record's questions by keyboard. Choices are the numbers shown on screen."""
    if current(app) == "label":
        await type_and_enter(pilot, "")
    assert current(app) == "jurisdiction"
    await type_and_enter(pilot, place)
    await keys(pilot, kind, offense, level, link)
    await type_and_enter(pilot, year)
    if current(app) == "age":
        await keys(pilot, age)
    await keys(pilot, pending)


async def test_survivor_with_one_record(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        # where to get help now, before any question (whether the trafficking has ended is asked late)
        assert "1-888-373-7888" in str(app.screen.query_one(".help-now").render())
        await keys(pilot, "1")  # for myself
        assert isinstance(app.screen, ConversationScreen)
        await record(pilot, app, "new mexico", "3", "4", "2", "1", "2014")  # conviction, theft, felony, forced
        await keys(pilot, "2")  # no more records
        await type_and_enter(pilot, "2016")  # trafficking ended
        await keys(pilot, "6", "enter")  # documents: none of these
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        answers = app.conversation.runner.to_answers()
        assert answers.records[0].jurisdiction == "NM" and answers.records[0].offense == "theft"
        card = app.screen.context["records"][0]
        verdict = catalog.terms.verdicts[assess(catalog, answers).records[0].verdict]  # the law is the data's
        assert card["verdict_label"] == verdict.label
        assert f"{verdict.symbol} {verdict.label}" in screen_text(app)


async def test_advocate_with_two_records_in_two_states(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await keys(pilot, "2")  # someone I'm helping
        await type_and_enter(pilot, "Miami 2014")  # record name
        await type_and_enter(pilot, "florida")
        await keys(pilot, "1", "1", "1", "1")  # arrest, prostitution, misdemeanor, forced
        await type_and_enter(pilot, "2014")
        await keys(pilot, "1", "2", "1")  # adult, no open case, add another
        await type_and_enter(pilot, "")
        await record(pilot, app, "new york", "3", "3", "2", "1", "2016")
        await keys(pilot, "2")
        await type_and_enter(pilot, "2018")
        await keys(pilot, "1", "enter")  # T visa
        await type_and_enter(pilot, "")  # private note: skipped
        assert isinstance(app.screen, ResultsScreen)
        cards = app.screen.context["records"]
        assert [c["code"] for c in cards] == ["FL", "NY"]
        assert [c["verdict"] for c in cards] == ["likely_eligible", "likely_eligible"]
        assert cards[0]["label"] == "Miami 2014"
        assert app.conversation.voice == "advocate"
        said = " ".join(x["text"] for x in cards[0]["why"])
        assert "Your client said" in said and "You said" not in said  # the advocate's voice, not the survivor's


async def test_unsure_answers_show_what_would_change_the_result(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        await type_and_enter(pilot, "wisconsin")
        await keys(pilot, "3", "0", "3")  # conviction, not sure (10th line), not sure
        await keys(pilot, "2")  # because
        await keys(pilot, "down", "enter")  # year: not sure (Down from the year box, to the line under it)
        await keys(pilot, "1", "3", "2")  # adult, open case: not sure, no more records
        await keys(pilot, "down", "down", "enter")  # trafficking ended: not sure (after "It has not ended")
        await keys(pilot, "7", "enter")  # documents: not sure
        assert isinstance(app.screen, ResultsScreen)
        card = app.screen.context["records"][0]
        assert card["verdict"] == "possibly_eligible"
        assert card["what_ifs"] and "If it was prostitution" in card["what_ifs"][0]


async def test_not_sure_whether_a_drug_charge_was_having_or_selling_reaches_the_results(catalog):
    # the app stopped at the results, and every answer was lost, when this answer was "I'm not sure"
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        await type_and_enter(pilot, "massachusetts")
        await keys(pilot, "3", "3")  # conviction, drugs
        assert current(app) == "drug_charge"
        await keys(pilot, "3", "1", "1")  # having or selling: not sure; misdemeanor; the trafficker made me
        await type_and_enter(pilot, "2014")
        await keys(pilot, "1", "2", "2")  # adult, no open case, no more records
        await keys(pilot, "down", "down", "enter")  # trafficking ended: not sure
        await keys(pilot, "7", "enter")  # documents: not sure
        assert isinstance(app.screen, ResultsScreen) and not app.crashed
        card = app.screen.context["records"][0]
        assert card["what_ifs"] and "If it was for having drugs: likely eligible." in card["what_ifs"][0]


async def test_going_back_and_changing_an_answer_recomputes_what_follows(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        await type_and_enter(pilot, "new mexico")
        await keys(pilot, "3")  # conviction
        assert current(app) == "offense"
        await keys(pilot, "ctrl+b")  # back to the record kind
        assert current(app) == "record"
        await keys(pilot, "4")  # a juvenile case instead
        assert current(app) == "offense"
        await keys(pilot, "4", "1", "2")
        await type_and_enter(pilot, "2010")
        assert current(app) == "pending_charges"  # age is not asked for a juvenile case
        await keys(pilot, "2", "2")
        await type_and_enter(pilot, "2012")
        await keys(pilot, "6", "enter")
        assert isinstance(app.screen, ResultsScreen)
        # Change the record kind from the results, by keyboard: C, then up through the answers, Enter.
        await keys(pilot, "c")
        assert isinstance(app.screen, ConversationScreen) and isinstance(app.focused, AnswerLine)
        while app.focused.key != ("record", 0):
            await keys(pilot, "up")
        await keys(pilot, "enter")
        assert current(app) == "record"
        await keys(pilot, "3")  # a conviction after all: age now applies again
        assert current(app) == "age"
        await keys(pilot, "1")
        assert isinstance(app.screen, ResultsScreen)
        answers = app.conversation.runner.to_answers()
        assert answers.records[0].record == "conviction" and answers.records[0].offense == "theft"


async def test_changing_an_answer_with_the_mouse(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        await type_and_enter(pilot, "new mexico")
        await keys(pilot, "3", "4")
        line = next(w for w in app.screen.query(AnswerLine) if w.key == ("record", 0))
        await pilot.click(line)
        await pilot.pause()
        assert current(app) == "record"
        await keys(pilot, "1")  # an arrest
        assert app.conversation.runner.records[0]["record"] == "arrest"
        assert current(app) == "level"  # the offense answer was kept


async def test_start_over_forgets_everything(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        await record(pilot, app, "new mexico", "3", "4", "2", "2", "2014")
        await keys(pilot, "2")
        await type_and_enter(pilot, "2016")
        await keys(pilot, "6", "enter")
        assert isinstance(app.screen, ResultsScreen)
        await keys(pilot, "n", "2")  # start over -> "Yes, forget everything"
        assert isinstance(app.screen, WelcomeScreen)
        assert app.conversation.runner.top == {} and app.conversation.runner.records == [{}]


@pytest.mark.parametrize("chord", [("ctrl+q",), ("ctrl+c",), ("escape", "escape", "escape")])
async def test_quick_exit_from_the_middle_of_typing(catalog, chord):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        await type_and_enter(pilot, "new mexico")
        await keys(pilot, "3", "4", "2", "2")
        await pilot.press(*"20")  # halfway through typing a year
        assert isinstance(app.focused, Input) and app.focused.value == "20"
        await pilot.press(*chord)
        await pilot.pause()
    assert app.quick_exited and app.return_code == 0


async def test_quick_exit_from_a_dialog(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.quick_exited


async def test_two_escapes_do_not_leave_and_close_dialogs_as_usual(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "f1")
        await keys(pilot, "escape")
        assert isinstance(app.screen, WelcomeScreen) and not app.quick_exited


async def test_typed_markup_shows_literally(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await keys(pilot, "2")
        typed = "[bold red]x[/] [link=http://x]y[/]"
        await type_and_enter(pilot, typed)
        line = next(w for w in app.screen.query(AnswerLine) if w.key == ("label", 0))
        assert str(line.render()) == typed
        await type_and_enter(pilot, "new mexico")
        await keys(pilot, "3", "4", "2", "2")
        await type_and_enter(pilot, "2014")
        await keys(pilot, "1", "2", "2")
        await type_and_enter(pilot, "2016")
        await keys(pilot, "6", "enter")
        await type_and_enter(pilot, "[/ unclosed [b]")  # a private note with broken markup
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.context["records"][0]["label"] == typed


async def test_grace_period_ignores_a_stray_enter(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("enter")  # a double press lands on the next question
        await pilot.pause()
        assert current(app) == "jurisdiction"
        assert app.conversation.runner.records[0] == {}


async def test_year_is_checked_as_you_type(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        await type_and_enter(pilot, "new mexico")
        await keys(pilot, "3", "4", "2", "2")
        await pilot.press(*"1890")
        await pilot.pause()
        error = str(app.screen.query_one(QuestionBox).query_one("#error").render())
        assert "Type a year between 1950" in error
        await pilot.press("enter")
        assert current(app) == "year"
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"2014", "enter")
        await pilot.pause()
        assert current(app) == "age"


async def test_why_we_ask_on_demand(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        why = app.screen.query_one("#why")
        assert not why.display
        await keys(pilot, "f3")
        assert why.display and "Each state has its own law" in str(why.render())


async def test_help_lists_every_key(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "f1")
        keys_widget = app.screen.query_one("#keys")
        console = Console(width=keys_widget.content_size.width, record=True, file=io.StringIO())
        console.print(keys_widget.content)
        text = console.export_text()
        for key in ("Ctrl+Q", "Escape x3", "Ctrl+B", "Ctrl+E", "F3", "F2"):
            assert key in text


async def test_save_summary_is_owner_only_and_never_overwrites_silently(catalog, tmp_path):
    from tests.scenarios_helpers import load_answers

    app = make_app(catalog, load_answers(catalog, "two-states-advocate"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        target = tmp_path / "summary.md"
        await keys(pilot, "s")
        field = app.screen.query_one("#path", Input)
        field.value = str(target)
        await keys(pilot, "enter")
        assert target.exists() and stat.S_IMODE(os.stat(target).st_mode) == 0o600
        assert "Screening results" in target.read_text()
        target.write_text("keep me")
        await keys(pilot, "s")
        app.screen.query_one("#path", Input).value = str(target)
        await keys(pilot, "enter")
        await keys(pilot, "1")  # "No, go back" in the overwrite question
        assert target.read_text() == "keep me"
        await keys(pilot, "a")  # save the answers themselves (an advocate)
        app.screen.query_one("#path", Input).value = str(tmp_path / "answers.yaml")
        await keys(pilot, "enter")
        assert stat.S_IMODE(os.stat(tmp_path / "answers.yaml").st_mode) == 0o600


async def test_a_survivor_is_not_offered_to_save_the_answers_file(catalog):
    from tests.scenarios_helpers import load_answers

    app = make_app(catalog, load_answers(catalog, "nm-theft-felony-sealing"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await keys(pilot, "a")
        assert isinstance(app.screen, ResultsScreen)


async def test_resizing_keeps_the_conversation(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await keys(pilot, "1")
        await type_and_enter(pilot, "texas")
        await keys(pilot, "3")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert current(app) == "offense" and app.conversation.runner.records[0]["jurisdiction"] == "TX"
        await keys(pilot, "1")
        assert current(app) == "level"


async def test_high_contrast_toggle(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "f2")
        assert app.theme == "high-contrast"
        await keys(pilot, "f2")
        assert app.theme != "high-contrast"


async def test_trafficking_that_has_not_ended_gets_help_at_once(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, "1")  # for myself
        await record(pilot, app, "new mexico", "3", "4", "2", "1", "2014")
        await keys(pilot, "2")  # no more records
        assert current(app) == "trafficking_ended"
        await keys(pilot, "down", "enter")  # "It has not ended"
        await pilot.pause()
        from textual.widgets import Static

        from assistant.faces.ui.widgets.transcript import AssistantLine

        said = " ".join(line.text for line in app.screen.query(AssistantLine) if line.has_class("safety"))
        assert "Ctrl+Q" in said  # how to leave, said with the keys of this face
        assert current(app) == "documentation"  # and the person may go on
        # the hotline stays in view above the questions at 80x24 (in the transcript it scrolled away)
        banner = app.screen.query_one("#help-now", Static)
        text = str(banner.render())
        assert banner.display and "1-888-373-7888" in text and "233733" in text and "911" in text
        assert banner.region.y >= 0 and banner.region.bottom <= 24 and banner.region.height >= 3
        await keys(pilot, "ctrl+b")  # back to the year, and a year instead: the banner goes
        await type_and_enter(pilot, "2019")
        assert not banner.display


async def test_a_mistyped_place_is_found_and_never_taken_as_not_sure(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, "1")  # for myself
        await type_and_enter(pilot, "texass")  # one match: taken
        answers = app.conversation.runner
        assert answers.records[0].get("jurisdiction") == "TX"


async def test_enter_on_a_name_that_matches_nothing_never_answers_not_sure(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, "1")  # for myself
        await type_and_enter(pilot, "zzzz")
        await keys(pilot, "enter")  # a second Enter, as a person might press
        assert current(app) == "jurisdiction"
        assert app.conversation.runner.records[0].get("jurisdiction") is None


async def test_results_lead_with_help_when_the_trafficking_has_not_ended(catalog):
    from textual.widgets import Static

    from tests.factories import answers_with

    answers = answers_with({"jurisdiction": "NY"}, audience="survivor", trafficking_ended="ongoing")
    app = make_app(catalog, answers)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause(0.5)
        assert isinstance(app.screen, ResultsScreen)
        notices = [str(w.render()) for w in app.screen.query(Static) if w.has_class("notice")]
        assert notices and "1-888-373-7888" in notices[0]  # before the disclaimer and every result


async def test_a_list_too_long_to_number_says_to_use_the_arrow_keys(catalog):
    """North Carolina has eleven felony classes: no numbers on the lines, and the hint does not offer them."""
    from textual.widgets import Static

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await survivor_in(pilot, "north carolina")
        await keys(pilot, "3", "3", "2")  # a conviction, drugs, a felony
        assert current(app) == "felony_class"
        hint = str(app.screen.query_one("#hint", Static).render())
        assert "arrow keys" in hint and "number" not in hint
        await keys(pilot, "9")  # a digit does nothing here, as the hint says
        assert current(app) == "felony_class"


@pytest.mark.parametrize(("size", "scrolls"), [((80, 24), True), ((120, 40), False)])
async def test_a_list_cut_short_by_the_screen_says_it_scrolls(catalog, size, scrolls):
    """'What was the charge about?' has ten lines; at 80x24 only eight show ('I'm not sure' is last)."""
    from textual.widgets import Static

    app = make_app(catalog)
    async with app.run_test(size=size) as pilot:
        await survivor_in(pilot, "new mexico")
        await keys(pilot, "3")  # a conviction
        assert current(app) == "offense"
        await pilot.pause()
        hint = str(app.screen.query_one("#hint", Static).render())
        assert ("The list scrolls" in hint) == scrolls


async def test_a_question_box_answered_before_its_refresh_work_runs_does_not_crash(catalog):
    """Typed quickly (seen in tmux), a box is gone when its after-refresh work ('the list scrolls') runs."""
    from assistant.faces.ui.widgets.question import QuestionBox

    app = make_app(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, "1")  # for myself
        box = app.screen.query_one(QuestionBox)
        await box.remove()
        box._note_scrolling()  # what the refresh callback does after the box went: nothing, and no crash
        await pilot.pause()
        assert app.is_running
