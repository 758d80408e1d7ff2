"""Colour is never the only signal, and the high-contrast theme passes WCAG AA contrast."""

from __future__ import annotations

import pytest

from assistant.data.catalog import load_catalog
from assistant.faces.ui.themes import HIGH_CONTRAST
from tests.conftest import ROOT


def luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")[:6]
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_checker_itself():
    assert round(contrast("#FFFFFF", "#000000"), 1) == 21.0
    assert contrast("#777777", "#FFFFFF") < 4.5 < contrast("#595959", "#FFFFFF")


PAIRS = [
    ("foreground", "background"),
    ("primary", "background"),
    ("secondary", "background"),
    ("accent", "background"),
    ("error", "background"),
    ("warning", "background"),
    ("success", "background"),
    ("foreground", "panel"),
    ("foreground", "surface"),
]


@pytest.mark.parametrize(("text", "ground"), PAIRS)
def test_high_contrast_theme_meets_wcag_aa_for_text(text, ground):
    theme = HIGH_CONTRAST
    ratio = contrast(getattr(theme, text), getattr(theme, ground))
    assert ratio >= 4.5, f"{text} on {ground}: {ratio:.2f}"


def test_high_contrast_cursor_is_readable():
    v = HIGH_CONTRAST.variables
    assert contrast(v["block-cursor-foreground"], v["block-cursor-background"]) >= 4.5


def test_every_verdict_has_words_and_a_symbol():
    terms = load_catalog(ROOT).terms
    symbols = [t.symbol for t in terms.verdicts.values()]
    assert len(set(symbols)) == len(symbols)
    for verdict in terms.verdicts.values():
        assert verdict.label and verdict.symbol.strip()


def test_the_tile_map_shows_a_letter_on_every_tile(catalog):
    from assistant.core.scoring import scorecards
    from assistant.faces.ui.widgets.tile_map import TileMap

    cards = {c.jurisdiction.code: c for c in scorecards(catalog)}
    text = "\n".join("".join(piece for piece, _ in row) for row in TileMap(cards).lines())
    for code in cards:
        if code != "US":  # federal law is not a place on the map
            assert code in text
    assert "NM D" in text and "AK –" in text  # a grade letter, or a dash for no adult law
