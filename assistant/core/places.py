"""Finding a place from what a person typed: a code, a name in any case, a typo, or the start of a name.

Nothing is ever taken as "not sure" unless the person chose that; when what was typed fits several
places, or none, the face asks again and says which places come close.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

# Other ways people write a few places (keys are normalised as `_norm` does).
ALIASES = {
    "federal": "US",
    "fed": "US",
    "united states": "US",
    "usa": "US",
    "federal court": "US",
    "washington dc": "DC",
    "washington d c": "DC",
    "d c": "DC",
    "district of columbia": "DC",
}


def _norm(text: str) -> str:
    text = re.sub(r"[^a-z0-9 ]+", " ", text.lower())
    text = re.sub(r"\b(state|commonwealth) of\b|^the\b", " ", text)
    return " ".join(text.split())


def find_places(typed: str, places: Mapping[str, str]) -> list[str]:
    """Codes that fit what was typed, best first; one code when it is clear, none when nothing is close."""
    query = _norm(typed)
    if not query:
        return []
    codes = {code.lower(): code for code in places}
    names = {_norm(name): code for code, name in places.items()}
    if query in ALIASES and ALIASES[query] in places:
        return [ALIASES[query]]
    if query.replace(" ", "") in codes and len(query.replace(" ", "")) == 2:
        return [codes[query.replace(" ", "")]]
    if query in names:
        return [names[query]]
    starts = [code for name, code in names.items() if name.startswith(query)]
    if starts:
        return sorted(starts, key=lambda c: places[c])
    words = [code for name, code in names.items() if any(w.startswith(query) for w in name.split())]
    if words:
        return sorted(words, key=lambda c: places[c])
    close = difflib.get_close_matches(query, list(names), n=3, cutoff=0.75)
    return [names[name] for name in close]


def place_names(choices: Iterable[Any]) -> dict[str, str]:
    """Each place choice's name without its code ("Ohio (OH)" -> "Ohio"), so a typo is matched on the name."""
    return {str(c.code): str(c.label).split(" (")[0] for c in choices}
