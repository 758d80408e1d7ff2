"""The app never makes a person wait at the worst moment (issue 14).

The results are worked out in a worker thread: the quick exit acts at once even while the engine
is busy, and changing an answer meanwhile throws the stale results away.
"""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest
from textual import events

import assistant.core.eligibility as eligibility
from assistant.faces.ui import messages
from assistant.faces.ui.app import make_app
from assistant.faces.ui.screens.conversation import ConversationScreen
from assistant.faces.ui.screens.results import ResultsScreen
from assistant.faces.ui.widgets.question import QuestionBox
from assistant.faces.ui.widgets.transcript import AnswerLine
from tests.scenarios_helpers import load_answers

SLOW_SECONDS = 8.0


@pytest.fixture
def slow_engine(monkeypatch):
    """The engine takes seconds and holds the interpreter (a busy loop, not a sleep) until released."""
    engine = SimpleNamespace(started=threading.Event(), release=threading.Event(), finished=threading.Event())
    real = eligibility.assess

    def slow(*args, **kwargs):
        engine.started.set()
        deadline = time.monotonic() + SLOW_SECONDS
        while not engine.release.is_set() and time.monotonic() < deadline:
            sum(range(2000))  # pure Python work: the GIL is held as a real evaluation holds it
        try:
            return real(*args, **kwargs)
        finally:
            engine.finished.set()

    monkeypatch.setattr(eligibility, "assess", slow)
    yield engine
    engine.release.set()


async def wait_for(condition, timeout=10.0):
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        await _sleep()


async def _sleep():
    import asyncio

    await asyncio.sleep(0.005)


@pytest.mark.parametrize("chord", [("ctrl+q",), ("ctrl+c",), ("escape", "escape", "escape")])
async def test_quick_exit_during_a_long_evaluation(catalog, slow_engine, chord):
    app = make_app(catalog, load_answers(catalog, "unsure-jurisdiction"))
    async with app.run_test(size=(80, 24)):
        await wait_for(slow_engine.started.is_set)  # the evaluation is running in its worker
        assert isinstance(app.screen, ConversationScreen) and app.working
        pressed = time.perf_counter()
        for key in chord:  # as the terminal driver delivers keys (Pilot.press waits for idle after each)
            app.post_message(events.Key(key, "\x1b" if key == "escape" else None))
        await wait_for(lambda: app.return_code is not None)
        elapsed = time.perf_counter() - pressed
        assert not slow_engine.finished.is_set()  # the exit did not wait for the evaluation
        slow_engine.release.set()  # let the abandoned worker end, so the test's own teardown does not wait
    assert app.quick_exited and app.return_code == 0
    print(f"quick exit {chord} during the evaluation: {elapsed * 1000:.0f} ms")
    assert elapsed < 0.5  # a guard on a shared machine; benchmarks/quick_exit.py measures it in a terminal


async def test_the_screen_says_the_results_are_being_worked_out(catalog, slow_engine):
    app = make_app(catalog, load_answers(catalog, "unsure-jurisdiction"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(slow_engine.started.is_set)
        await pilot.pause()
        working = app.screen.query(".working")
        assert working and "Ctrl+Q still leaves at once" in working.first().text
        slow_engine.release.set()
        await pilot.press("ctrl+q")


async def test_going_back_during_the_evaluation_drops_its_results(catalog, slow_engine):
    app = make_app(catalog, load_answers(catalog, "unsure-jurisdiction"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(slow_engine.started.is_set)
        await pilot.press("ctrl+b")  # back to the last question while the engine still works
        await pilot.pause()
        assert not app.conversation.runner.finished
        slow_engine.release.set()
        await wait_for(slow_engine.finished.is_set)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)  # the stale results were not shown
        assert app.conversation.runner.current().question.id == "documentation"


async def test_screens_ask_the_app_through_messages(catalog):
    seen: list[type] = []
    app = make_app(catalog, load_answers(catalog, "two-states-advocate"))
    async with app.run_test(size=(100, 30), message_hook=lambda m: seen.append(type(m))) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("escape")  # back to the results without a change
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
    for message in (messages.ConversationFinished, messages.ChangeAnswer, messages.ShowResultsAgain):
        assert message in seen


async def test_saving_reuses_the_results_and_asks_to_replace_at_once(catalog, tmp_path, monkeypatch):
    """Saving a summary and the "replace this file?" question never wait for the engine again."""
    app = make_app(catalog, load_answers(catalog, "two-states-advocate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)

        def engine_must_not_run(*args, **kwargs):
            raise AssertionError("the engine ran again to save results already on screen")

        monkeypatch.setattr(eligibility, "assess", engine_must_not_run)
        target = tmp_path / "summary.md"
        for attempt in range(2):
            started = time.perf_counter()
            await pilot.press("s")
            await pilot.pause()
            app.screen.query_one("#path").value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            elapsed = time.perf_counter() - started
            assert elapsed < 1.0  # a guard: no evaluation on the way
            if attempt == 0:
                assert target.exists() and "Screening results" in target.read_text()
            else:
                assert type(app.screen).__name__ == "ConfirmScreen"  # "replace it?" asked straight away
                await pilot.press("escape")


async def _change_the_last_answer(app, pilot):
    """From the results: C, Enter on the last answer (the documents); the next Enter answers it again."""
    await pilot.press("c")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ConversationScreen)


async def test_a_long_wait_after_the_last_answer_says_the_results_are_being_worked_out(catalog, monkeypatch):
    app = make_app(catalog, load_answers(catalog, "two-states-advocate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await _change_the_last_answer(app, pilot)
        release = threading.Event()
        real = eligibility.assess
        monkeypatch.setattr(eligibility, "assess", lambda *a, **k: release.wait(10) and real(*a, **k))
        app.post_message(events.Key("enter", "\r"))  # the last answer, as a terminal delivers it
        await wait_for(lambda: app.working)
        await _sleep()
        assert not app.screen.query(".working")  # not at once: a short wait reads as instant
        await wait_for(lambda: bool(app.screen.query(".working")))
        assert "Ctrl+Q still leaves at once" in app.screen.query_one(".working").text
        release.set()
        await wait_for(lambda: isinstance(app.screen, ResultsScreen))


async def test_quick_results_after_the_last_answer_leave_the_transcript_alone(catalog, monkeypatch):
    import assistant.faces.ui.screens.conversation as conversation_screen

    # The real timer must not fire before the results on a loaded machine: the test fires it itself, late.
    monkeypatch.setattr(conversation_screen, "WORKING_AFTER", 60.0)
    app = make_app(catalog, load_answers(catalog, "two-states-advocate"))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await _change_the_last_answer(app, pilot)
        conversation = app.screen
        assert not conversation.query(".working")
        app.post_message(events.Key("enter", "\r"))
        await wait_for(lambda: isinstance(app.screen, ResultsScreen))
        # The "working" timer firing now, with the results up, draws nothing: drawing it would only
        # have slowed the results; the transcript is redrawn when the person comes back to it.
        answer = conversation.query(AnswerLine).last()
        await conversation._still_working(AnswerLine("an answer", answer.key))
        assert not conversation.query(".working") and conversation.query(QuestionBox)
        assert conversation.stale
