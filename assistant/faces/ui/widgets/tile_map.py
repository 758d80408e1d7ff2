"""A tile map of the states: one cell each, laid out like the US, lettered by grade.

The letter is always shown, so colour is never the only signal. Arrow keys move between states;
Enter (or a click) opens one. Moving over a state posts Highlighted, so its card can be shown.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ....core.national import tiles
from ....core.scoring import Scorecard

TILE_WIDTH = 6


def grade_letter(card: Scorecard) -> str:
    if not card.graded:
        return "–"
    return card.grade if card.grade is not None else "?"


class TileMap(Widget, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1, 0)", show=False),
        Binding("down", "move(1, 0)", show=False),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
        Binding("enter", "open", "Open"),
    ]
    COMPONENT_CLASSES = {
        "tile--A",
        "tile--B",
        "tile--C",
        "tile--D",
        "tile--F",
        "tile--none",
        "tile--range",
        "tile--cursor",
    }
    cursor: reactive[str] = reactive("NM")

    class Highlighted(Message):
        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    class Opened(Message):
        def __init__(self, code: str) -> None:
            super().__init__()
            self.code = code

    def __init__(self, cards: dict[str, Scorecard], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cards = cards
        self.tiles = tiles(cards) or {"": (0, 0)}
        self._at = {pos: code for code, pos in self.tiles.items() if code in cards}

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return 1 + max(r for r, _ in self.tiles.values())

    def get_content_width(self, container: object, viewport: object) -> int:
        return TILE_WIDTH * (1 + max(c for _, c in self.tiles.values()))

    def lines(self) -> list[list[tuple[str, str | None]]]:
        """The map as rows of (text, tile class): a state's code and grade letter, or blank space."""
        rows = 1 + max(r for r, _ in self.tiles.values())
        cols = 1 + max(c for _, c in self.tiles.values())
        out = []
        for r in range(rows):
            row: list[tuple[str, str | None]] = []
            for c in range(cols):
                code = self._at.get((r, c))
                if code is None:
                    row.append((" " * TILE_WIDTH, None))
                else:
                    letter = grade_letter(self.cards[code])
                    name = {"–": "tile--none", "?": "tile--range"}.get(letter, f"tile--{letter}")
                    row.append((f"{code} {letter:<2}"[: TILE_WIDTH - 1], name))
                    row.append((" ", None))
            out.append(row)
        return out

    def render(self) -> Text:
        text = Text()
        cursor_cell = f"{self.cursor} "
        for i, row in enumerate(self.lines()):
            if i:
                text.append("\n")
            for piece, name in row:
                if name is None:
                    text.append(piece)
                    continue
                style = self.get_component_rich_style(name)
                if piece.startswith(cursor_cell) and self.has_focus:
                    style += self.get_component_rich_style("tile--cursor")
                text.append(piece, style)
        return text

    def watch_cursor(self, code: str) -> None:
        self.post_message(self.Highlighted(code))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, dr: int, dc: int) -> None:
        r, c = self.tiles[self.cursor]
        best: tuple[int, str] | None = None
        for code, (tr, tc) in self.tiles.items():
            if code not in self.cards or code == self.cursor:
                continue
            ahead = (tr - r) * dr > 0 if dr else (tc - c) * dc > 0
            if not ahead:
                continue
            distance = abs(tr - r) * (3 if dc else 1) + abs(tc - c) * (3 if dr else 1)
            if best is None or distance < best[0]:
                best = (distance, code)
        if best is not None:
            self.cursor = best[1]
            self.refresh()

    def action_open(self) -> None:
        self.post_message(self.Opened(self.cursor))

    def on_click(self, event: events.Click) -> None:
        found = self._at.get((event.y, event.x // TILE_WIDTH))
        if found is not None:
            self.cursor = found
            self.refresh()
            self.post_message(self.Opened(found))
