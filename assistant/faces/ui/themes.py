"""Themes: our default (Textual's dark theme with colours that pass WCAG AA), a high-contrast one
(black, white, yellow; no tints), and the one used with NO_COLOR.

Every text/background pair the app draws is checked for a contrast of at least 4.5:1 in
tests/ui/test_colour.py, cell by cell on every screen, for each theme.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter
from textual.theme import Theme

# Textual's dark theme, with a lighter blue (titles and the list cursor: 4.1:1 before, 6.6:1 now),
# a lighter red (4.3:1 before), and black text on the cursor.
RELIEF_DARK = Theme(
    name="relief-dark",
    primary="#4A9FE8",
    secondary="#004578",
    accent="#FFA62B",
    warning="#FFA62B",
    error="#E05572",
    success="#4EBF71",
    foreground="#E0E0E0",
    dark=True,
    variables={
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "footer-key-foreground": "#4A9FE8",
    },
)
DEFAULT_THEME = RELIEF_DARK.name
HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#00FFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF6060",
    boost="#000000",
    dark=True,
    variables={
        "border": "#FFFFFF",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "footer-key-foreground": "#FFFF00",
        "input-selection-background": "#00FFFF 40%",
    },
)


# With NO_COLOR every colour is removed (NoColour below), so whatever a colour showed must be shown
# another way. In this theme every surface is black and only highlights are light (the cursor in a
# list or a table, reverse-video text, the typing cursor): the filter turns those into reverse
# video, which needs no colour. A list that has lost the focus underlines its line.
NO_COLOR_THEME = Theme(
    name="no-color",
    primary="#FFFFFF",
    secondary="#000000",
    accent="#000000",
    warning="#000000",
    error="#000000",
    success="#000000",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#000000",
    dark=True,
    variables={
        "block-cursor-text-style": "bold reverse",
        "block-cursor-blurred-text-style": "underline",
        "input-cursor-text-style": "reverse",
        "footer-key-foreground": "#FFFFFF",
    },
)
THEMES = {"default": DEFAULT_THEME, "high-contrast": HIGH_CONTRAST.name, "no-color": NO_COLOR_THEME.name}


REVERSE = Style(reverse=True)
LIGHT = 0.4  # relative luminance above which a background is a highlight (NO_COLOR_THEME is black)


class NoColour(LineFilter):
    """No colour at all, highlights kept: a light background (a cursor) becomes reverse video.

    Textual's own NO_COLOR filter keeps grey levels; its no-colour filter would also erase the
    cursor, because Textual draws reverse video as swapped colours before any filter runs.
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        out = []
        for text, style, control in segments:
            if style is None or control:
                out.append(Segment(text, style, control))
                continue
            lit = False
            if style.bgcolor is not None and not style.bgcolor.is_default:
                r, g, b = style.bgcolor.get_truecolor()
                lit = Color(r, g, b).brightness > LIGHT
            plain = style.without_color + REVERSE if lit else style.without_color
            out.append(Segment(text, plain, control))
        return out
