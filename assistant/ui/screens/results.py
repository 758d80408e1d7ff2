"""Results: a card per record (verdict in words and a symbol), each law's report card, gaps, help.

From here: save a summary (S), save the answers (A, advocates), change an answer (C), start over (N).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from ...explain import render_part
from ..widgets.key_bar import KeyBar


class ResultsScreen(Screen[None]):
    BINDINGS = [
        Binding("s", "save_summary", "Save summary"),
        Binding("a", "save_answers", "Save answers"),
        Binding("c", "change", "Change an answer"),
        Binding("n", "start_over", "Start over"),
        Binding("t", "other_states", "Same facts, other states"),
    ]

    def __init__(self, context: dict[str, Any], audience: str) -> None:
        super().__init__()
        self.context = context
        self.audience = audience

    def compose(self) -> ComposeResult:
        ctx = self.context
        with VerticalScroll(id="results"):
            yield Static(ctx["heading"], classes="title", markup=False)
            yield Static(ctx["disclaimer"], classes="notice", markup=False)
            for r in ctx["records"]:
                with Vertical(classes=f"card verdict-{r['verdict']}") as card:
                    card.border_title = f"Record {r['number']}: {r['title']}"
                    yield Static(f"{r['symbol']} {r['verdict_label']}", classes="verdict", markup=False)
                    yield Markdown(render_part("record.md.j2", r=r, voice=ctx["voice"], in_card=True), open_links=False)
            for law in ctx["laws"]:
                with Vertical(classes="card law") as card:
                    card.border_title = f"{law['name']}: report card ({ctx['rubric_name']})"
                    yield Markdown(
                        render_part("law.md.j2", law=law, grading_note=ctx["grading_note"]), open_links=False
                    )
            with Vertical(classes="card help"):
                yield Static("Free help", classes="subtitle", markup=False)
                for h in ctx["help"]:
                    yield Static(f"{h['name']}: {h['what']} {h['contact']}", markup=False)
            yield Static(
                "S: save a summary.  A: save the answers.  C: change an answer.  N: start over.  "
                "T: the same facts in other states.  Ctrl+Q: leave now.",
                classes="hint",
                markup=False,
            )
        yield KeyBar(
            ("S", "Save summary"),
            ("A", "Save answers"),
            ("C", "Change an answer"),
            ("N", "Start over"),
            ("T", "Other states"),
        )

    def on_mount(self) -> None:
        self.query_one("#results").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_answers":
            return self.audience != "survivor"  # offered to advocates and trainers, on request only
        return True

    def action_save_summary(self) -> None:
        self.app.save_summary()  # type: ignore[attr-defined]

    def action_save_answers(self) -> None:
        self.app.save_answers()  # type: ignore[attr-defined]

    def action_change(self) -> None:
        self.app.change_answer()  # type: ignore[attr-defined]

    async def action_other_states(self) -> None:
        await self.app.action_states(with_answers=True)  # type: ignore[attr-defined]

    def action_start_over(self) -> None:
        self.app.start_over()  # type: ignore[attr-defined]
