"""Text from outside made inert before it reaches a terminal, a report or a spreadsheet.

A label, a note, a CSV cell, a file name or a line of a file quoted in an error message could
carry terminal control sequences: an OSC sequence that renames the window or writes the clipboard,
a CSI sequence that moves the cursor or erases lines, a lone carriage return that writes over a
line. Every output path passes such text through `clean` (several lines) or `one_line` (a label);
JSON goes through `dumps`, CSV cells through `spreadsheet_cell`.

What is removed: escape sequences (CSI, OSC, DCS, SOS, PM, APC and the two-character ones, in
their 7-bit and 8-bit forms, with their payload when terminated), then every remaining C0 control
except line feed and tab, DEL, every C1 control (U+0080 to U+009F) and the Unicode bidirectional
overrides and isolates, which can make text display in a different order than it is stored.
A carriage return becomes a line break; `one_line` folds every line break and tab into a space.
"""

from __future__ import annotations

import json
import re
from typing import Any

# ESC or an 8-bit introducer, then the sequence it starts. Strings (OSC, DCS, SOS, PM, APC) run to
# BEL or ST on the same line; else only the introducer is removed and the rest shows as plain text.
_SEQUENCE = re.compile(
    r"""
      (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]          # CSI: cursor, erase, colours
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) [^\x07\x1b\x9c\n]*     # OSC, DCS, SOS, PM, APC ...
        (?:\x07|\x1b\\|\x9c)                                         # ... up to BEL or ST
    | \x1b [\x20-\x2f]* [\x30-\x7e]                                  # two-character ESC sequences
    """,
    re.VERBOSE,
)
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_DROP = {
    **dict.fromkeys(c for c in range(0x20) if c not in (0x09, 0x0A)),
    0x7F: None,
    **dict.fromkeys(range(0x80, 0xA0)),
    **dict.fromkeys(map(ord, _BIDI)),
}
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029]")
_FOLD = re.compile(r"\s+")
# Characters a spreadsheet reads as the start of a formula (or that hide one behind white space).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean(text: str) -> str:
    """`text` without control sequences or control characters; line breaks and tabs stay."""
    if text.isprintable():  # the common case, checked in C: no control, format or separator character
        return text
    text = _LINE_BREAKS.sub("\n", text)
    return _SEQUENCE.sub("", text).translate(_DROP)


def one_line(text: str) -> str:
    """`text` cleaned and folded onto one line, so it cannot start a line or a heading of its own."""
    if text.isprintable():
        return text
    return _FOLD.sub(" ", clean(text)).strip()


def spreadsheet_cell(text: str) -> str:
    """A CSV cell cleaned, and with a quote before a leading formula character, so no spreadsheet runs it."""
    text = clean(text)
    risky = text.startswith(FORMULA_START) or text.lstrip().startswith(FORMULA_START)  # white space first too
    return "'" + text if risky else text


_JSON_UNSAFE = re.compile("[\x7f-\x9f" + _BIDI + "\u2028\u2029]")


def dumps(data: Any, **options: Any) -> str:
    """JSON with readable Unicode, but every control character written as a \\u escape.

    `json.dumps` escapes C0 controls already; DEL, C1 controls, bidirectional controls and line
    separators are escaped here, so the text stays exact for a program and inert in a terminal.
    """
    text = json.dumps(data, ensure_ascii=False, **options)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
