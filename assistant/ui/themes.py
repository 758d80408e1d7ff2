"""Themes: Textual's default, and a high-contrast one (black, white, yellow; no tints)."""

from __future__ import annotations

from textual.theme import Theme

DEFAULT_THEME = "textual-dark"
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


# With NO_COLOR every colour is removed (see ReliefApp.get_line_filters), so whatever a colour
# showed must be shown by a text style: the cursor in a list or a table is reverse video, a list
# that has lost the focus underlines its line, and the typing cursor is reverse video.
NO_COLOR_THEME = Theme(
    name="no-color",
    primary="#FFFFFF",
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
