"""The conversation: a transcript of questions and answers with the current question at the bottom.

Messages go up (the question box posts Answered); this screen calls the flow runner and redraws.
Going back (Ctrl+B) and changing any earlier answer (Ctrl+E, then Enter, or a click) both work.
When the last question is answered it posts ConversationFinished: the app works out the results
in a worker thread and shows them; until then this screen says it is working on them.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from ....core.conversation import Conversation
from ....core.flow import AnswerError, Dropped
from ..messages import ConversationFinished, ShowResultsAgain
from ..widgets.key_bar import KeyBar
from ..widgets.question import QuestionBox
from ..widgets.transcript import AnswerLine, AssistantLine, Transcript

OPENING = {
    "survivor": "Thank you. I'll ask a few short questions about each record. You can say you're not sure.",
    "advocate": "Thank you. I'll ask a few short questions about each of your client's records. "
    "'Not sure' is always an answer.",
}
WORKING_AFTER = 0.1  # seconds: a shorter wait reads as instant (and drawing the note slows the results)
WORKING = "Working out the results. This can take a moment; Ctrl+Q still leaves at once."
CHANGING = (
    "To change an answer: move to it with Up and Down, then press Enter (or click it). "
    "Escape goes back to the results without changing anything."
)


# How to leave, in the words of this face (the safety note names them).
LEAVE_KEYS = "Press Ctrl+Q, or Escape three times"


class ConversationScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+b", "back", "Back"),
        Binding("ctrl+e", "change", "Change an answer"),
        Binding("f3", "why", "Why we ask"),
    ]

    def __init__(self, conversation: Conversation) -> None:
        super().__init__()
        self.conversation = conversation
        self.stale = False  # the transcript is redrawn when the person comes back to it

    def compose(self) -> ComposeResult:
        yield Static("", id="progress", markup=False)
        # The hotline stays in view above the questions while an answer says the trafficking goes on:
        # at 80x24 the note in the transcript scrolls away with the next question.
        yield Static("", id="help-now", markup=False)
        yield Transcript(id="transcript")
        yield KeyBar(
            ("Ctrl+B", "Back", "back"),
            ("Ctrl+E", "Change an answer", "change"),
            ("F3", "Why we ask", "why"),
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        runner = self.conversation.runner
        if action == "back":
            return bool(runner.answered_steps())
        if action == "why":
            return not runner.finished
        return True

    async def on_mount(self) -> None:
        await self.rebuild()

    # --- drawing --------------------------------------------------------------------------------

    @property
    def transcript(self) -> Transcript:
        return self.query_one(Transcript)

    def _update_progress(self) -> None:
        done, total = self.conversation.runner.progress()
        width = 20
        filled = round(width * done / max(total, 1))
        bar = "■" * filled + "□" * (width - filled)
        self.query_one("#progress", Static).update(f"{self.conversation.progress_text()}  {bar}")

    def _answered_widgets(self) -> list[Any]:
        conv = self.conversation
        widgets: list[Any] = [AssistantLine(OPENING[conv.voice])]
        for step in conv.runner.answered_steps():
            if conv.runner.cursor == step.key:
                break
            widgets.append(AssistantLine(conv.question_line(step)))
            widgets.append(AnswerLine(conv.answer_label(step), step.key))
        return widgets

    def _question_widgets(self) -> list[Any]:
        view = self.conversation.view()
        if view is None:
            return []
        return [AssistantLine(self.conversation.question_line(view.step)), QuestionBox(view)]

    async def rebuild(self, notes: list[str] | None = None) -> None:
        """Draw the whole transcript from the runner's state (after going back or changing an answer)."""
        transcript = self.transcript
        widgets = self._answered_widgets()
        widgets += [AssistantLine(n, classes="note") for n in notes or []]
        widgets += self._question_widgets()
        with self.app.batch_update():
            await transcript.remove_children()
            await transcript.mount_all(widgets)
            self._update_progress()
            self._after_change()

    async def advance(self, notes: list[str] | None = None) -> None:
        """After a plain forward answer: swap the question box for the answer and the next question."""
        transcript = self.transcript
        boxes = transcript.query(QuestionBox)
        new: list[Any] = []
        if boxes:
            key = boxes.first().view.key
            step = next(s for s in self.conversation.runner.answered_steps() if s.key == key)
            new.append(AnswerLine(self.conversation.answer_label(step), step.key))
        new += [AssistantLine(n, classes="note safety") for n in notes or []]
        new += self._question_widgets()
        with self.app.batch_update():
            boxes.remove()
            await transcript.mount_all(new)
            self._update_progress()
            self._after_change()

    def _update_help_now(self) -> None:
        banner = self.query_one("#help-now", Static)
        danger = self.conversation.in_danger()
        if danger:
            banner.update(self.conversation.safety_note(None)[0])
        banner.display = danger

    def _after_change(self) -> None:
        self._update_help_now()
        self.query_one(KeyBar).refresh(layout=True)
        if self.conversation.runner.finished:
            self._finished()
            return
        boxes = self.query(QuestionBox)
        if boxes:
            boxes.first().focus_input()
            self.transcript.scroll_end(animate=False)

    # --- events ---------------------------------------------------------------------------------

    async def on_question_box_answered(self, event: QuestionBox.Answered) -> None:
        event.stop()
        runner = self.conversation.runner
        editing = runner.cursor is not None
        current = runner.current()
        if current is None or current.key != event.key:
            return
        before = len(runner.records)
        try:
            dropped = runner.answer(event.value, current)
        except AnswerError as exc:
            self.query_one(QuestionBox).show_error(f"That answer doesn't fit: {exc}.")
            return
        # The trafficking has not ended: help comes at once, before the next question.
        safety = self.conversation.needs_safety_note(current)
        # the hotline line itself is shown above the questions (#help-now); the transcript says the rest
        help_now = self.conversation.safety_note(LEAVE_KEYS)[1:] if safety else []
        if runner.finished and not dropped:
            # The last answer: the results are worked out first; the transcript is redrawn later,
            # when the person comes back to it, so drawing it does not compete with the results.
            # Results usually come sooner than a person notices a wait: "working" is said only if not.
            self.stale = True
            self.post_message(ConversationFinished())
            label = AnswerLine(self.conversation.answer_label(current), current.key)
            self.set_timer(WORKING_AFTER, lambda: self._still_working(label))
        elif editing or dropped or current.question.id == "audience" or len(runner.records) < before:
            await self.rebuild(self._notes(dropped) + help_now)
        else:
            await self.advance(help_now)

    def _notes(self, dropped: list[Dropped]) -> list[str]:
        if not dropped:
            return []
        flow = self.conversation.catalog.flow
        names = []
        for d in dropped:
            q = flow.question(d.question_id)
            if q is None or q.loop:
                continue
            label = q.text(self.conversation.voice).rstrip("?.")
            names.append(f"record {d.record + 1}: {label}" if d.record is not None else label)
        if not names:
            return []
        return ["I removed answers that no longer apply after that change: " + "; ".join(names) + "."]

    async def on_answer_line_change_requested(self, event: AnswerLine.ChangeRequested) -> None:
        event.stop()
        self.conversation.runner.edit(event.key)
        await self.rebuild()

    def on_answer_line_leave(self, event: AnswerLine.Leave) -> None:
        event.stop()
        boxes = self.query(QuestionBox)
        if boxes:
            boxes.first().focus_input()
        elif self.conversation.runner.finished:
            self.post_message(ShowResultsAgain())

    async def action_back(self) -> None:
        if self.conversation.runner.back() is not None:
            self.stale = False
            await self.rebuild()

    def action_change(self) -> None:
        lines = list(self.query(AnswerLine))
        if lines:
            lines[-1].focus()
            lines[-1].scroll_visible(animate=False)

    def _finished(self) -> None:
        """Every question answered: ask the app for the results and say they are being worked out."""
        self.post_message(ConversationFinished())
        self._say_working()

    async def _still_working(self, answer: AnswerLine) -> None:
        if not self.is_active or not self.stale or not self.conversation.runner.finished:
            return  # the results are up, or the person went back
        await self.query(QuestionBox).remove()
        await self.transcript.mount(answer)
        self._say_working()

    def _say_working(self) -> None:
        self.query_one(KeyBar).refresh(layout=True)
        self.transcript.mount(AssistantLine(WORKING, classes="note working"))
        self.transcript.scroll_end(animate=False)

    async def start_changing(self) -> None:
        """Back from the results to change an answer: say what to do next, on the last answer."""
        if self.stale:
            self.stale = False
            await self.rebuild_quietly()
        await self.query(".working, .changing").remove()
        await self.transcript.mount(AssistantLine(CHANGING, classes="note changing"))
        self.action_change()

    async def rebuild_quietly(self) -> None:
        """Redraw the transcript without asking for the results again."""
        transcript = self.transcript
        widgets = self._answered_widgets() + self._question_widgets()
        with self.app.batch_update():
            await transcript.remove_children()
            await transcript.mount_all(widgets)
            self._update_progress()
        self.query_one(KeyBar).refresh(layout=True)

    def action_why(self) -> None:
        boxes = self.query(QuestionBox)
        if boxes:
            boxes.first().toggle_why()
