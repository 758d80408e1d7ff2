"""Speaking to a survivor ("you") or an advocate ("your client") from one sentence.

Sentences carry tokens such as {You} or {you_were}; each voice fills them with words that agree
("you were" / "your client was"), so no sentence is written twice. Values (labels, citations) are
inserted in the same single pass and are never read as tokens themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models.common import VOICE_TOKENS

VOICES: dict[str, dict[str, str]] = {
    "survivor": {
        "you": "you",
        "You": "You",
        "your": "your",
        "Your": "Your",
        "you_were": "you were",
        "You_were": "You were",
        "you_have": "you have",
        "You_have": "You have",
        "you_are": "you are",
        "You_are": "You are",
        "them": "you",
    },
    "advocate": {
        "you": "your client",
        "You": "Your client",
        "your": "your client's",
        "Your": "Your client's",
        "you_were": "your client was",
        "You_were": "Your client was",
        "you_have": "your client has",
        "You_have": "Your client has",
        "you_are": "your client is",
        "You_are": "Your client is",
        "them": "them",
    },
}
TOKENS = VOICE_TOKENS


def voice_of(audience: str) -> str:
    """A trainer reads the advocate voice."""
    return "survivor" if audience == "survivor" else "advocate"


def say(
    text: str, voice: str, params: Mapping[str, Any] | None = None, phrases: Mapping[str, str] | None = None
) -> str:
    """Fill voice tokens, then values.

    `params` are inserted as they are (citations, names, years); `phrases` are our own short
    sentences that may hold voice tokens themselves. A missing name raises KeyError, which the
    tests catch by rendering every sentence in both voices.
    """
    values: dict[str, Any] = dict(VOICES[voice])
    if phrases:
        values.update({k: v.format_map(VOICES[voice]) for k, v in phrases.items()})
    if params:
        values.update(params)
    return text.format_map(values)
