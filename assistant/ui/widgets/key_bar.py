"""The bottom line of every screen: its keys in words, with "Ctrl+Q Leave now" always first.

A plain line of text instead of Textual's Footer: the Footer rebuilds itself on every focus
change, which made each answer noticeably slower.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

LEAVE = ("Ctrl+Q", "Leave now")
HELP = ("F1", "Help")


class KeyBar(Static):
    def __init__(self, *keys: tuple[str, str]) -> None:
        super().__init__(classes="keybar")
        self.keys = [LEAVE, *keys, HELP]

    def on_mount(self) -> None:
        text = Text()
        for i, (key, what) in enumerate(self.keys):
            if i:
                text.append("  ")
            text.append(f" {key} ", style="reverse bold")
            text.append(f" {what}")
        self.update(text)
