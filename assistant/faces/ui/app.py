"""The Textual app. It owns the conversation state and moves between screens; it holds no legal logic.

Safety: a quick exit (Ctrl+Q, Ctrl+C, Escape three times) works on every screen, even while typing
or in a dialog. There is no command palette (it can save screenshots), Markdown never opens links,
and a crash shows a short message instead of a traceback with local values.

Start-up: an installed copy carries a validated snapshot of its data. The welcome screen (with the
first question) is drawn from it straight away, and the data models load in a background thread
while the person reads; choosing an answer waits for them if needed.

Never waiting: the results are worked out in a worker thread (the engine, the templates, the
Markdown parsing), so the event loop stays free and the quick exit acts at once even while the
engine runs. Screens ask the app for things with typed messages (messages.py), never by calling it.

NO_COLOR means no colour at all: Textual's own NO_COLOR filter turns colours into grey levels; this
app swaps it for one that removes them, and switches to a theme whose cursors are reverse video.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.actions import SkipAction
from textual.binding import Binding
from textual.filter import LineFilter, Monochrome
from textual.screen import ModalScreen
from textual.worker import Worker, WorkerState

from ...core.choices import Choice
from . import messages as msg
from .screens.welcome import WelcomeScreen
from .textual_private import QuietCrash, app_driver
from .themes import DEFAULT_THEME, HIGH_CONTRAST, NO_COLOR_THEME, RELIEF_DARK, THEMES, NoColour

if TYPE_CHECKING:
    from ...core.conversation import Conversation
    from ...core.eligibility import Assessment
    from ...data.catalog import Catalog
    from ...models.answers import Answers
    from .screens.results import PreparedResults

LOAD_DELAY_SECONDS = 0.25
ESCAPES_TO_LEAVE = 3
ESCAPE_WINDOW_SECONDS = 2.0
NO_COLOR_FILTER = NoColour()


class ReliefApp(QuietCrash):
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
        first_question: tuple[str, list[Choice], str] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__()
        self.register_theme(RELIEF_DARK)
        self.register_theme(HIGH_CONTRAST)
        self.register_theme(NO_COLOR_THEME)
        self.theme = NO_COLOR_THEME.name if self.no_color else THEMES.get(theme, DEFAULT_THEME)
        self.today = today  # the clock, injectable: tests fix "now"
        self.catalog: Catalog | None = None
        self.conversation: Conversation | None = None
        self._answers = answers
        self._first_question = first_question
        self._loading: Worker[Catalog] | None = None
        self.load_failed: str | None = None
        if catalog is not None:
            self._use(catalog)
        self.quick_exited = False
        self.results_worker: Worker[PreparedResults] | None = None
        self.last_results: PreparedResults | None = None
        self._escapes: deque[float] = deque(maxlen=ESCAPES_TO_LEAVE)

    def _use(self, catalog: Catalog) -> None:
        from ...core.conversation import Conversation
        from ...core.flow import FlowRunner

        self.catalog = catalog
        runner = None
        if self._answers is not None:
            names = {c: j.name for c, j in catalog.jurisdictions.items()}
            runner = FlowRunner.from_answers(
                catalog.flow, names, self._answers, catalog.felony_classes(), catalog.law_lists()
            )
        self.conversation = Conversation(catalog, runner)
        if self.is_running and self._answers is None:
            # While the questions are answered: the results' code and templates, ready before they are needed.
            from ...render.explain import warm_up

            self.run_worker(warm_up, name="warm-up", group="warm-up", thread=True, exit_on_error=False)

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
        from ...data.catalog import load_catalog

        if self._loading is None:
            self._loading = self.run_worker(load_catalog, thread=True, exit_on_error=False)

    def _welcome(self) -> WelcomeScreen:
        assert self.conversation is not None
        view = self.conversation.view()
        assert view is not None and view.step.question.id == "audience"
        assert self.catalog is not None
        return WelcomeScreen(view.text, [*view.choices, view.unsure], self.catalog.terms.safety.welcome)

    @on(msg.BeginConversation)
    async def begin_conversation(self, event: msg.BeginConversation) -> None:
        audience = event.audience
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

    @on(msg.ConversationFinished)
    def show_results(self) -> None:
        """Work out the results in a worker thread; the screen changes when they are ready."""
        from .screens.results import prepare

        assert self.catalog is not None and self.conversation is not None
        answers = self.conversation.runner.to_answers()
        catalog, width = self.catalog, self.size.width
        self.results_worker = self.run_worker(
            lambda: prepare(catalog, answers, width), name="results", group="results", thread=True, exclusive=True
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker is not self.results_worker or event.state != WorkerState.SUCCESS:
            return
        self.results_worker = None
        prepared = worker.result
        self.last_results = prepared
        runner = self.conversation.runner if self.conversation is not None else None
        if prepared is None or runner is None or not runner.finished or runner.to_answers() != prepared.answers:
            return  # the answers changed while the results were worked out: those results are stale
        from .screens.conversation import ConversationScreen
        from .screens.results import ResultsScreen

        if isinstance(self.screen, ResultsScreen):
            self.pop_screen()
        if isinstance(self.screen, ConversationScreen):
            self.push_screen(ResultsScreen(prepared))

    @property
    def working(self) -> bool:
        """Are the results being worked out right now?"""
        return self.results_worker is not None and self.results_worker.is_running

    @on(msg.ShowResultsAgain)
    def show_results_again(self) -> None:
        from .screens.conversation import ConversationScreen
        from .screens.results import ResultsScreen

        runner = self.conversation.runner if self.conversation is not None else None
        if runner is None or not runner.finished or self.working:
            return
        last = self.last_results
        if last is not None and last.answers == runner.to_answers() and isinstance(self.screen, ConversationScreen):
            self.push_screen(ResultsScreen(last))  # nothing changed: no need to work them out again
        else:
            self.show_results()

    @on(msg.ChangeAnswer)
    async def change_answer(self) -> None:
        from .screens.conversation import ConversationScreen
        from .screens.results import ResultsScreen

        if isinstance(self.screen, ResultsScreen):
            await self.pop_screen()
        if isinstance(self.screen, ConversationScreen):
            await self.screen.start_changing()

    @on(msg.StartOver)
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

    @on(msg.SaveSummary)
    def save_summary(self) -> None:
        from .screens.save import formats

        choices = formats("markdown", "text", "html")
        self.save_text("Save a summary of these results", choices, "relief-summary.md", self._summary_text)

    @on(msg.SavePacket)
    def save_packet(self) -> None:
        from .screens.save import formats

        self.save_text(
            "Save what to do next for every record (papers, how to file, free help)",
            formats("html", "markdown", "text"),
            "relief-next-steps.html",
            self._packet_text,
        )

    @on(msg.SaveAnswers)
    def save_answers(self) -> None:
        from .screens.save import formats

        self.save_text(
            "Save the answers (to reopen later with relief --answers FILE)",
            formats("yaml", "json"),
            "answers.yaml",
            self._answers_text,
        )

    def _finished_answers(self) -> Answers:
        assert self.conversation is not None
        return self.conversation.runner.to_answers()

    def _shown_assessment(self) -> Assessment:
        """The assessment of the results on screen: reused, never worked out again."""
        from ...core.eligibility import assess
        from .screens.results import ResultsScreen

        assert self.catalog is not None
        answers = self._finished_answers()
        shown = next((s for s in self.screen_stack if isinstance(s, ResultsScreen)), None)
        if shown is not None and shown.prepared.answers == answers:
            return shown.prepared.assessment
        return assess(self.catalog, answers)

    def _summary_text(self, fmt: str) -> str:
        from ...render.explain import render

        assert self.catalog is not None
        return render(self._shown_assessment(), self.catalog, fmt)

    def _packet_text(self, fmt: str) -> str:
        from ...render.explain import render_packet

        assert self.catalog is not None
        return render_packet(self._shown_assessment(), self.catalog, fmt)

    @on(msg.SaveText)
    def _save_requested(self, event: msg.SaveText) -> None:
        spec = event.spec
        self.save_text(spec.title, spec.formats, spec.suggested, spec.make)

    def _answers_text(self, fmt: str) -> str:
        from ...data.answers_io import answers_text

        return answers_text(self._finished_answers(), fmt)

    def save_text(self, title: str, formats: list[Choice], suggested: str, make: Any) -> None:
        """Ask where to save, then write owner-only; an existing file is replaced only after a yes.

        In a browser (relief serve) nothing is written on the computer running the server: the file
        is handed to the browser as a download, under the name the person chose.
        """
        from ...data.files import WHO_CAN_OPEN, AlreadyExists, WriteRefused, write_private
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
            self.notify(f"Saved to {written}. {WHO_CAN_OPEN}", timeout=10)

        if self.is_web:
            self.push_screen(SaveScreen(title, formats, suggested, download=True), deliver)
        else:
            self.push_screen(SaveScreen(title, formats, suggested), write)

    # --- keys on every screen -------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        # Shift or Caps Lock: a letter no widget took does what the key bar's letter does ("L" as "l"); a
        # box being typed in takes its letters before they get here.
        if len(event.key) == 1 and event.key.isalpha() and event.key.isupper():
            event.stop()
            self.simulate_key(event.key.lower())

    def action_quick_exit(self) -> None:
        from .quick_exit import leave_now

        self.quick_exited = True
        leave_now(app_driver(self))  # in a real terminal this ends the process at once
        self.exit(return_code=0)

    def action_count_escape(self) -> None:
        if isinstance(self.screen, ModalScreen):
            # Escape closes a dialog (help, a question, saving): that press is not the first of three.
            self._escapes.clear()
            raise SkipAction()
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

    @on(msg.ShowStates)
    async def show_states(self, event: msg.ShowStates) -> None:
        await self.action_states(with_answers=event.with_answers)

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
        self.push_screen(NationalScreen(self.catalog, answers, today=self.today))

    def action_toggle_contrast(self) -> None:
        if self.theme == HIGH_CONTRAST.name:
            self.theme = NO_COLOR_THEME.name if self.no_color else DEFAULT_THEME
        else:
            self.theme = HIGH_CONTRAST.name

    # --- NO_COLOR: no colour at all -------------------------------------------------------------

    def get_line_filters(self) -> Sequence[LineFilter]:
        filters = super().get_line_filters()
        if not self.no_color:
            return filters
        return [NO_COLOR_FILTER if isinstance(f, Monochrome) else f for f in filters]


def first_question_from_snapshot(doc: dict[str, Any]) -> tuple[str, list[Choice], str]:
    """The welcome question and the help line in words, read from the snapshot's plain data (no models needed)."""
    flow = doc["flows"]["screening"]  # catalog.DEFAULT_FLOW, without importing the models
    first = flow["questions"][0]
    choices = [Choice(o["code"], o["label"]["survivor"]) for o in first["options"]]
    unsure = Choice("unsure", flow["unsure"]["survivor"])
    return first["text"]["survivor"], [*choices, unsure], doc["terms"]["safety"]["welcome"]


def make_app(catalog: Catalog | None = None, answers: Answers | None = None, theme: str = "default") -> ReliefApp:
    """Build the app. Tests pass their own catalog (fixture data) and answers."""
    if catalog is None and answers is None:
        from ...data.paths import data_root
        from ...data.snapshot_file import read_raw

        doc = read_raw(data_root())
        if doc is not None:
            return ReliefApp(None, None, theme, first_question_from_snapshot(doc))
    if catalog is None:
        from ...data.catalog import load_catalog

        catalog = load_catalog()
    return ReliefApp(catalog, answers, theme)
