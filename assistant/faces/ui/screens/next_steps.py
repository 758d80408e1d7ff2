"""What to do next for one record: papers to tick off, how to file, a draft outline, free help.

Reached from the results (W). The ticks live only on this screen: nothing is saved, and leaving
the screen forgets them. E exports the whole packet (every record) as a printable page, text or
Markdown, through the same owner-only, never-silently-overwriting save as everything else.
"""

from __future__ import annotations

from typing import Any

from rich.markdown import Markdown
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ....render.explain import render_part
from ..messages import SavePacket
from ..widgets.checklist import Paper
from ..widgets.key_bar import KeyBar
from ..widgets.markdown_card import MarkdownCard

NOT_SAVED = (
    "Up and Down move. Space or Enter ticks what you have. "
    "Ticks are not saved: they are gone when you leave this screen."
)


def paper_line(item: dict[str, Any]) -> str:
    """One paper of the checklist as the words of its line: what, why, where, cost, notes."""
    parts = [f"{item['title']}. {item['why']}".strip()]
    if item.get("where"):
        parts.append(f"{item['where_label']}: {item['where']}")
    if item.get("cost"):
        parts.append(f"Cost: {item['cost']}")
    parts.extend(f"- {note}" for note in item.get("notes", []))
    if item.get("missing"):
        parts.append(f"- {item['missing']}")
    return "\n".join(parts)


class NextStepsScreen(Screen[None]):
    BINDINGS = [
        Binding("e", "export", "Export the packet"),
        Binding("escape", "close", "Back", show=False),
        Binding("b", "close", "Back to the results"),
    ]

    def __init__(self, record: dict[str, Any], voice: str, safety: list[str] | None = None) -> None:
        super().__init__()
        self.record = record
        self.voice = voice
        self.next = record["next"]
        self.safety = safety or []  # the trafficking has not ended: the results' help lines, first here too

    def compose(self) -> ComposeResult:
        r, n = self.record, self.next
        with VerticalScroll(id="next-steps"):
            yield Static(f"What to do next: record {r['number']}", classes="title", markup=False)
            for line in self.safety:
                yield Static(line, classes="notice safety", markup=False)
            # The verdict only: its reasons ("the points below") are on the results, one key away.
            yield Static(f"{r['title']}\n{r['symbol']} {r['verdict_label']}.", markup=False)
            if n["open_case"]:  # before any paper to gather (the packet and the results say it first too)
                yield Static(f"First: {n['open_case']}", id="open-case", classes="notice", markup=False)
            if n["checklist"]:
                with Vertical(classes="card"):
                    yield Static("Papers to gather", classes="subtitle", markup=False)
                    yield Static(NOT_SAVED, classes="hint", markup=False)
                    for number, item in enumerate(n["checklist"], start=1):
                        yield Paper(item["kind"], f"{number}. {paper_line(item)}")
                    yield Static("Nothing ticked yet.", id="ticked", classes="hint", markup=False)
            rest = render_part("next.md.j2", n=n, voice=self.voice, skip_checklist=True).strip()
            if rest:
                with Vertical(classes="card"):
                    yield MarkdownCard(Markdown(rest, hyperlinks=False), classes="card-text")
            if not (n["checklist"] or rest):
                yield Static("We have nothing more to add for this record.", markup=False)
        yield KeyBar(("Space", "Tick"), ("E", "Export the packet"), ("B", "Back to the results"))

    def on_mount(self) -> None:
        papers = self.query(Paper)
        (papers.first() if papers else self.query_one("#next-steps")).focus(scroll_visible=False)

    @property
    def ticked(self) -> list[str]:
        """The ticked papers, in the order of the list."""
        return [p.code for p in self.query(Paper) if p.ticked]

    def on_paper_toggled(self, event: Paper.Toggled) -> None:
        event.stop()
        # In words, with each paper's name: what a screen reader, or a person without colour, reads.
        titles = [item["title"] for item in self.next["checklist"]]
        papers = zip(self.query(Paper), titles, strict=True)
        ticked = [f"{number}. {title}" for number, (p, title) in enumerate(papers, start=1) if p.ticked]
        words = "Ticked: " + "; ".join(ticked) + "." if ticked else "Nothing ticked yet."
        self.query_one("#ticked", Static).update(Text(words))

    def action_export(self) -> None:
        self.post_message(SavePacket())

    def action_close(self) -> None:
        self.dismiss()
