"""Our own Markdown text (a result card), laid out before it is shown.

Laying out Markdown (wrapping every paragraph to the width) is most of the cost of drawing the
results. `layout_markdown` does it in the worker thread that works out the results, for the width
the card will have; the widget then only copies lines. At another width (the terminal was resized)
it lays the text out again itself, so the card is always right, only slower.

Links are shown as text and never opened (hyperlinks off). The text is ours (templates), never
markup typed by a person: anything a person typed reaches the templates escaped (md_literal).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from rich.theme import Theme
from textual.strip import Strip
from textual.widget import Widget

Lines = list[list[Segment]]

# Headings, lists and links by text style alone: Rich's defaults colour headings magenta, which
# reads at under 4.5:1 on our dark background and means nothing without colour.
MARKDOWN_THEME = Theme(
    {
        "markdown.h1": "bold underline",
        "markdown.h2": "bold underline",
        "markdown.h3": "bold",
        "markdown.h4": "bold italic",
        "markdown.h5": "italic",
        "markdown.h6": "italic",
        "markdown.h7": "italic",
        "markdown.hr": "none",
        "markdown.code": "bold",
        "markdown.code_block": "none",
        "markdown.block_quote": "italic",
        "markdown.list": "none",
        "markdown.item.number": "bold",
        "markdown.link": "underline",
        "markdown.link_url": "underline",
        "markdown.table.border": "none",
        "markdown.table.header": "bold",
        "markdown.kbd": "bold",
    }
)


def layout_markdown(markdown: Markdown, width: int) -> Lines:
    """The Markdown wrapped to `width` cells, as lines of segments (safe in a worker thread)."""
    with open(os.devnull, "w") as null:
        console = Console(
            width=width,
            color_system="truecolor",
            force_terminal=True,
            legacy_windows=False,
            file=null,
            emoji=False,
            theme=MARKDOWN_THEME,
        )
        options = console.options.update(width=width, highlight=False)
        return [
            list(line)
            for line in Segment.split_and_crop_lines(
                console.render(markdown, options), width, include_new_lines=False, pad=False
            )
        ]


class MarkdownCard(Widget):
    DEFAULT_CSS = """
    MarkdownCard {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(
        self, markdown: Markdown, laid_out: dict[int, Lines] | None = None, *, classes: str | None = None
    ) -> None:
        super().__init__(classes=classes)
        self.markdown = markdown
        self.laid_out: dict[int, Lines] = dict(laid_out or {})

    def lines(self, width: int) -> Lines:
        if width not in self.laid_out:
            self.laid_out[width] = layout_markdown(self.markdown, width)
        return self.laid_out[width]

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines: Sequence[list[Segment]] = self.lines(width)
        base = self.visual_style.rich_style
        if y >= len(lines):
            return Strip.blank(width, base)
        return Strip(lines[y]).apply_style(base).adjust_cell_length(width, base)
