"""The Textual app. It owns the conversation state and moves between screens; it holds no legal logic.

Safety: a quick exit (Ctrl+Q, Ctrl+C, Escape three times) works on every screen, even while typing
or in a dialog. There is no command palette (it can save screenshots), Markdown never opens links,
and a crash shows a short message instead of a traceback with local values.

Start-up: an installed copy carries a validated snapshot of its data. The welcome screen (with the
first question) is drawn from it straight away, and the data models load in a background thread
while the person reads; choosing an answer waits for them if needed.
"""

from __future__ import annotations

import os
from collections import deque
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual.actions import SkipAction
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker

from ..choices import Choice
from .screens.welcome import WelcomeScreen
from .themes import DEFAULT_THEME, HIGH_CONTRAST, THEMES

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..conversation import Conversation
    from ..models.answers import Answers

LOAD_DELAY_SECONDS = 0.25
ESCAPES_TO_LEAVE = 3
ESCAPE_WINDOW_SECONDS = 2.0


class ReliefApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Record relief assistant"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quick_exit", "Leave now", priority=True, key_display="Ctrl+Q", id="quick_exit"),
        Binding("ctrl+c", "quick_exit", "Leave now", show=False, priority=True),
        Binding("escape", "count_escape", show=False, priority=True),
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("f2", "toggle_contrast", "Contrast"),
        Binding("f4", "states", "All states"),
    ]

    def __init__(
        self,
        catalog: Catalog | None,
        answers: Answers | None = None,
        theme: str = "default",
        first_question: tuple[str, list[Choice]] | None = None,
    ) -> None:
        super().__init__()
        self.register_theme(HIGH_CONTRAST)
        self.theme = THEMES.get(theme, DEFAULT_THEME)
        self.catalog: Catalog | None = None
        self.conversation: Conversation | None = None
        self._answers = answers
        self._first_question = first_question
        self._loading: Worker[Catalog] | None = None
        self.load_failed: str | None = None
        if catalog is not None:
            self._use(catalog)
        self.quick_exited = False
        self.crashed = False
        self._escapes: deque[float] = deque(maxlen=ESCAPES_TO_LEAVE)

    def _use(self, catalog: Catalog) -> None:
        from ..conversation import Conversation
        from ..flow import FlowRunner

        self.catalog = catalog
        runner = None
        if self._answers is not None:
            names = {c: j.name for c, j in catalog.jurisdictions.items()}
            runner = FlowRunner.from_answers(catalog.flow, names, self._answers)
        self.conversation = Conversation(catalog, runner)

    # --- screens --------------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.conversation is None:  # the models load while the welcome screen is read
            assert self._first_question is not None
            self.push_screen(WelcomeScreen(*self._first_question))
            # Not before the welcome screen is painted: loading would compete with drawing it.
            self.set_timer(LOAD_DELAY_SECONDS, self._load_in_background)
        elif "audience" in self.conversation.runner.top:  # reopened from an answers file
            from .screens.conversation import ConversationScreen

            self.push_screen(ConversationScreen(self.conversation))
        else:
            self.push_screen(self._welcome())

    def _load_in_background(self) -> None:
        from ..catalog import load_catalog

        if self._loading is None:
            self._loading = self.run_worker(load_catalog, thread=True, exit_on_error=False)

    def _welcome(self) -> WelcomeScreen:
        assert self.conversation is not None
        view = self.conversation.view()
        assert view is not None and view.step.question.id == "audience"
        return WelcomeScreen(view.text, [*view.choices, view.unsure])

    async def begin_conversation(self, audience: str) -> None:
        if self.conversation is None:
            self._load_in_background()
            worker = self._loading
            assert worker is not None
            try:
                self._use(await worker.wait())
            except Exception:  # the snapshot matched the files, so this is unexpected
                self.load_failed = "The assistant's data could not be loaded. Run 'relief validate' to see why."
                self.exit(return_code=1)
                return
        assert self.conversation is not None
        from .screens.conversation import ConversationScreen

        runner = self.conversation.runner
        runner.answer(audience, runner.current())
        self.switch_screen(ConversationScreen(self.conversation))

    def show_results(self) -> None:
        from ..eligibility import assess
        from ..explain import context
        from .screens.results import ResultsScreen

        assert self.catalog is not None and self.conversation is not None
        answers = self.conversation.runner.to_answers()
        ctx = context(assess(self.catalog, answers), self.catalog)
        if isinstance(self.screen, ResultsScreen):
            self.pop_screen()
        self.push_screen(ResultsScreen(ctx, answers.audience))

    def change_answer(self) -> None:
        from .screens.conversation import ConversationScreen
        from .screens.results import ResultsScreen

        if isinstance(self.screen, ResultsScreen):
            self.pop_screen()
        if isinstance(self.screen, ConversationScreen):
            self.screen.action_change()

    def start_over(self) -> None:
        from .screens.confirm import ConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if not yes or self.conversation is None:
                return
            self.conversation.runner.restart()
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self.push_screen(self._welcome())

        self.push_screen(
            ConfirmScreen("Start over? This forgets every answer.", "Yes, forget everything and start over"),
            confirmed,
        )

    # --- saving, only on request ------------------------------------------------------------------

    def save_summary(self) -> None:
        formats = [Choice("markdown", "Markdown (.md)"), Choice("text", "Plain text (.txt)")]
        self.save_text("Save a summary of these results", formats, "relief-summary.md", self._summary_text)

    def save_answers(self) -> None:
        formats = [Choice("yaml", "Answers file (.yaml)"), Choice("json", "Answers file (.json)")]
        self.save_text(
            "Save the answers (to reopen later with relief --answers FILE)", formats, "answers.yaml", self._answers_text
        )

    def _finished_answers(self) -> Answers:
        assert self.conversation is not None
        return self.conversation.runner.to_answers()

    def _summary_text(self, fmt: str) -> str:
        from ..eligibility import assess
        from ..explain import render

        assert self.catalog is not None
        return render(assess(self.catalog, self._finished_answers()), self.catalog, fmt)

    def _answers_text(self, fmt: str) -> str:
        from ..answers_io import answers_text

        return answers_text(self._finished_answers(), fmt)

    def save_text(self, title: str, formats: list[Choice], suggested: str, make: Any) -> None:
        """Ask where to save, then write owner-only; an existing file is replaced only after a yes.

        In a browser (relief serve) nothing is written on the computer running the server: the file
        is handed to the browser as a download, under the name the person chose.
        """
        from ..files import AlreadyExists, WriteRefused, write_private
        from .screens.confirm import ConfirmScreen
        from .screens.save import SaveRequest, SaveScreen

        def deliver(request: SaveRequest | None) -> None:
            if request is None:
                return
            import io

            name = Path(request.path).name or suggested
            self.deliver_text(io.StringIO(make(request.fmt)), save_filename=name, open_method="download")
            self.notify(f"Your browser is downloading {name}. Think about who else uses this computer.", timeout=6)

        def write(request: SaveRequest | None, overwrite: bool = False) -> None:
            if request is None:
                return
            path = Path(request.path).expanduser()
            try:
                written = write_private(path, make(request.fmt), overwrite=overwrite)
            except WriteRefused as exc:
                if isinstance(exc, AlreadyExists) and not overwrite:
                    self.push_screen(
                        ConfirmScreen(f"{path} already exists. Replace it?", "Yes, replace it"),
                        lambda yes: write(request, overwrite=True) if yes else self.notify("Not saved."),
                    )
                    return
                self.notify(f"Not saved: {exc}. Your answers are still here.", severity="error", timeout=8)
                return
            self.notify(f"Saved to {written}. Only you can read it.", timeout=6)

        if self.is_web:
            self.push_screen(SaveScreen(title, formats, suggested, download=True), deliver)
        else:
            self.push_screen(SaveScreen(title, formats, suggested), write)

    # --- keys on every screen -------------------------------------------------------------------

    def action_quick_exit(self) -> None:
        from .quick_exit import leave_now

        self.quick_exited = True
        leave_now(self._driver)  # in a real terminal this ends the process at once
        self.exit(return_code=0)

    def action_count_escape(self) -> None:
        now = monotonic()
        self._escapes.append(now)
        if len(self._escapes) == ESCAPES_TO_LEAVE and now - self._escapes[0] <= ESCAPE_WINDOW_SECONDS:
            self.action_quick_exit()
            return
        raise SkipAction()  # Escape still closes dialogs and leaves answers as usual

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_states(self, with_answers: bool = False) -> None:
        """All jurisdictions: table, map, compare, what-if. From the results, with the person's records."""
        from .screens.national import NationalScreen

        if self.catalog is None:
            self._load_in_background()
            assert self._loading is not None
            self._use(await self._loading.wait())
        assert self.catalog is not None
        if isinstance(self.screen, NationalScreen):
            return
        answers = None
        if with_answers and self.conversation is not None and self.conversation.runner.finished:
            answers = self.conversation.runner.to_answers()
        self.push_screen(NationalScreen(self.catalog, answers))

    def action_toggle_contrast(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    # --- a crash never shows answers ------------------------------------------------------------

    def _fatal_error(self) -> None:
        if os.environ.get("RELIEF_DEBUG"):
            super()._fatal_error()
            return
        self.crashed = True
        self._exit_renderables.clear()  # the default prints a traceback with local values
        self._close_messages_no_wait()


def first_question_from_snapshot(doc: dict[str, Any]) -> tuple[str, list[Choice]]:
    """The welcome question in words, read from the snapshot's plain data (no models needed)."""
    flow = doc["flows"]["screening"]  # catalog.DEFAULT_FLOW, without importing the models
    first = flow["questions"][0]
    choices = [Choice(o["code"], o["label"]["survivor"]) for o in first["options"]]
    return first["text"]["survivor"], [*choices, Choice("unsure", flow["unsure"]["survivor"])]


def make_app(catalog: Catalog | None = None, answers: Answers | None = None, theme: str = "default") -> ReliefApp:
    """Build the app. Tests pass their own catalog (fixture data) and answers."""
    if catalog is None and answers is None:
        from ..paths import data_root
        from ..snapshot_file import read_raw

        doc = read_raw(data_root())
        if doc is not None:
            return ReliefApp(None, None, theme, first_question_from_snapshot(doc))
    if catalog is None:
        from ..catalog import load_catalog

        catalog = load_catalog()
    return ReliefApp(catalog, answers, theme)
