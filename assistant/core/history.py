"""How a jurisdiction's law and score changed over time, version by version."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.catalog import Catalog
from ..models.jurisdiction import LawVersion, PublishedScore
from .scoring import Scorecard, score_version


@dataclass(frozen=True)
class Change:
    category: str
    before: str
    after: str
    points: str  # e.g. "+8" or "+0–5"


@dataclass(frozen=True)
class Chapter:
    version: LawVersion
    card: Scorecard
    changes: tuple[Change, ...]
    published: tuple[PublishedScore, ...]


def _label(card: Scorecard, category_id: str) -> str:
    c = card.category(category_id)
    if c is None or not card.graded:
        return "no adult law"
    return c.level.label if c.level is not None else "not known"


def history(catalog: Catalog, code: str) -> list[Chapter]:
    j = catalog.jurisdictions[code]
    rubric = catalog.rubric
    chapters: list[Chapter] = []
    previous: Scorecard | None = None
    for v in j.versions:
        card = score_version(j, v, rubric)
        changes = []
        if previous is not None:
            for c in rubric.categories:
                before, after = _label(previous, c.id), _label(card, c.id)
                if before != after:
                    old, new = previous.category(c.id), card.category(c.id)
                    assert old is not None and new is not None
                    lo, hi = new.low - old.high, new.high - old.low
                    delta = f"{lo:+d}" if lo == hi else f"{lo:+d} to {hi:+d}"
                    changes.append(Change(c.name, before, after, delta))
        chapters.append(Chapter(v, card, tuple(changes), tuple(s for s in v.published_scores if s.rubric == rubric.id)))
        previous = card
    return chapters
