"""Reading level of what a person is shown, with the `readability` package (offline, no downloads).

The package expects one sentence per line and words split by spaces; this splits plain text that way.
Recent textstat releases fetch a pronunciation dictionary at run time, so they are not used here.
"""

from __future__ import annotations

import re

import readability

_SENTENCES = re.compile(r"(?<=[.!?:])\s+|\n+")
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[^\sA-Za-z0-9]")


def tokenized(text: str) -> str:
    lines = []
    for sentence in _SENTENCES.split(text):
        words = _TOKEN.findall(sentence)
        if any(w[0].isalnum() for w in words):
            lines.append(" ".join(words))
    return "\n".join(lines) + "\n"


def grade(text: str) -> float:
    """Flesch-Kincaid grade level."""
    prepared = tokenized(text)
    if not prepared.strip():
        return 0.0
    return float(readability.getmeasures(prepared, lang="en")["readability grades"]["Kincaid"])
