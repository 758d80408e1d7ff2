"""The bottom line of every screen: its keys in words, with "Ctrl+Q Leave now" always first.

Only keys that work here are shown: an entry may name its action, and the screen's `check_action`
decides (a survivor is not shown "Save answers"). Each key and its words stay together: a line
breaks between entries, never inside one, so "E Export history" cannot turn into two keys.

A plain widget instead of Textual's Footer: the Footer rebuilds itself on every focus change,
which made each answer noticeably slower.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

LEAVE = ("Ctrl+Q", "Leave now")
HELP = ("F1", "Help")
GAP = 2

Key = tuple[str, str] | tuple[str, str, str]  # (key, words) or (key, words, action that must be allowed)


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        height: auto;
    }
    """

    def __init__(self, *keys: Key) -> None:
        super().__init__(classes="keybar")
        self.entries: list[Key] = [LEAVE, *keys, HELP]

    @property
    def keys(self) -> list[tuple[str, str]]:
        """The keys shown now: those without an action, and those whose action the screen allows."""
        shown = []
        for entry in self.entries:
            if len(entry) == 3:
                action = entry[2]
                try:
                    allowed = self.screen.check_action(action, ())
                except Exception:  # not mounted yet
                    allowed = True
                if not allowed:
                    continue
            shown.append((entry[0], entry[1]))
        return shown

    def _pieces(self) -> list[Text]:
        pieces = []
        for key, what in self.keys:
            piece = Text()
            piece.append(f" {key} ", style="reverse bold")
            piece.append(f" {what}")
            pieces.append(piece)
        return pieces

    def wrapped(self, width: int) -> list[Text]:
        lines: list[Text] = []
        line = Text()
        for piece in self._pieces():
            if line.cell_len and line.cell_len + GAP + piece.cell_len > width:
                lines.append(line)
                line = Text()
            if line.cell_len:
                line.append(" " * GAP)
            line.append_text(piece)
        if line.cell_len:
            lines.append(line)
        return lines

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.wrapped(width)))

    def render(self) -> Text:
        return Text("\n").join(self.wrapped(self.content_size.width or 80))
