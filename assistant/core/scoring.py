"""Grade a law version on a rubric: points per category, total or range, grade, rank.

Everything comes from the rubric and the encoded features; there is no per-state code. An unknown
feature is never turned into a number: it widens the total into a range from the category's lowest
to its highest points.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..data.catalog import Catalog
from ..models.common import UNKNOWN
from ..models.jurisdiction import Feature, Jurisdiction, LawVersion
from ..models.rubric import Category, Level, Rubric

NOT_GRADED = "not_graded"


@dataclass(frozen=True)
class CategoryScore:
    category: Category
    value: str  # a level code, "unknown", or "not_graded" when there is no adult law
    level: Level | None
    feature: Feature | None
    low: int
    high: int

    @property
    def known(self) -> bool:
        return self.low == self.high

    @property
    def points(self) -> int | None:
        return self.low if self.known else None

    @property
    def max_points(self) -> int:
        return self.category.max_points

    @property
    def below_ideal(self) -> bool:
        return self.high < self.category.max_points or not self.known


@dataclass(frozen=True)
class Scorecard:
    jurisdiction: Jurisdiction
    version: LawVersion
    rubric: Rubric
    categories: tuple[CategoryScore, ...]
    graded: bool
    rank_low: int | None = None  # best possible rank
    rank_high: int | None = None  # worst possible rank
    ranked_among: int = 0

    @property
    def low(self) -> int:
        return sum(c.low for c in self.categories)

    @property
    def high(self) -> int:
        return sum(c.high for c in self.categories)

    @property
    def exact(self) -> bool:
        return self.low == self.high

    @property
    def total(self) -> int | None:
        return self.low if self.exact else None

    @property
    def unknown_count(self) -> int:
        return sum(1 for c in self.categories if c.value == UNKNOWN)

    @property
    def grade_low(self) -> str | None:
        return self.rubric.grading.grade_for(self.low) if self.graded else None

    @property
    def grade_high(self) -> str | None:
        return self.rubric.grading.grade_for(self.high) if self.graded else None

    @property
    def grade(self) -> str | None:
        """The grade, if the range of possible totals falls in one band."""
        return self.grade_low if self.grade_low == self.grade_high else None

    def category(self, category_id: str) -> CategoryScore | None:
        for c in self.categories:
            if c.category.id == category_id:
                return c
        return None

    def total_text(self) -> str:
        return str(self.low) if self.exact else f"{self.low}–{self.high}"

    def grade_text(self) -> str:
        if not self.graded:
            return "none"
        if self.grade is not None:
            return self.grade
        return f"{self.grade_low}–{self.grade_high}"

    def rank_text(self) -> str:
        if self.rank_low is None:
            return "–"
        if self.rank_low == self.rank_high:
            return str(self.rank_low)
        return f"{self.rank_low}–{self.rank_high}"


def score_category(category: Category, feature: Feature | None) -> CategoryScore:
    level = category.level(feature.scored_value) if feature is not None else None
    if level is None:
        return CategoryScore(category, UNKNOWN, None, feature, category.min_points, category.max_points)
    return CategoryScore(category, level.code, level, feature, level.points, level.points)


def score_version(jurisdiction: Jurisdiction, version: LawVersion, rubric: Rubric) -> Scorecard:
    if rubric.zero_without_adult_relief and not version.adult_relief:
        zeros = tuple(CategoryScore(c, NOT_GRADED, None, None, 0, 0) for c in rubric.categories)
        return Scorecard(jurisdiction, version, rubric, zeros, graded=False)
    cats = tuple(score_category(c, version.features.get(c.id)) for c in rubric.categories)
    return Scorecard(jurisdiction, version, rubric, cats, graded=True)


def rank(cards: Sequence[Scorecard]) -> list[Scorecard]:
    """Rank graded cards by total; ties share a rank; a range gives a best-to-worst rank range."""
    graded = [c for c in cards if c.graded]
    # each total once (a card's low and high sum its categories): ranking is then a count of numbers
    lows = [c.low for c in graded]
    highs = [c.high for c in graded]
    out: list[Scorecard] = []
    for card in cards:
        if not card.graded:
            out.append(dataclasses.replace(card, ranked_among=len(graded)))
            continue
        low, high = card.low, card.high
        best = 1 + sum(1 for other_low in lows if other_low > high)  # never the card itself: low <= high
        worst = 1 + sum(1 for other_high in highs if other_high > low) - (1 if high > low else 0)  # not itself
        out.append(dataclasses.replace(card, rank_low=best, rank_high=worst, ranked_among=len(graded)))
    return out


def versions_for(
    catalog: Catalog, codes: Iterable[str] | None, as_of: str | None
) -> list[tuple[Jurisdiction, LawVersion]]:
    """The law version of each chosen jurisdiction: current, or in force on `as_of`."""
    chosen = [catalog.jurisdictions[c] for c in codes] if codes else list(catalog.jurisdictions.values())
    pairs: list[tuple[Jurisdiction, LawVersion]] = []
    for j in chosen:
        version = j.current if as_of is None else j.version_on(as_of)
        if version is not None:
            pairs.append((j, version))
    return pairs


def scorecards(
    catalog: Catalog, rubric_id: str | None = None, as_of: str | None = None, codes: Iterable[str] | None = None
) -> list[Scorecard]:
    """Score every jurisdiction (ranked among all encoded ones), then keep the chosen codes."""
    rubric = catalog.rubrics[rubric_id or catalog.default_rubric_id]
    key = ("scorecards", rubric.id, as_of)
    cards = catalog.memo.get(key)
    if cards is None:  # every card ranked among all: the same for every record of a batch
        cards = catalog.memo[key] = rank([score_version(j, v, rubric) for j, v in versions_for(catalog, None, as_of)])
    if codes:
        wanted = [c.upper() for c in codes]
        by_code = {c.jurisdiction.code: c for c in cards}
        return [by_code[c] for c in wanted if c in by_code]
    return list(cards)  # a caller may sort its own list


# --- gaps: where a law falls short of the ideal, for the person ---------------------------------------

UNKNOWN_GAP = "We could not confirm this part of the law, so it may fall short here."


@dataclass(frozen=True)
class Gap:
    category_id: str
    name: str
    level_label: str
    points: str
    max_points: int
    ideal: str
    means: str  # voice tokens
    why_it_matters: str


def gaps(card: Scorecard) -> tuple[Gap, ...]:
    if not card.graded:
        return ()
    out = []
    for c in card.categories:
        if not c.below_ideal:
            continue
        ideal_level = max(c.category.levels, key=lambda lv: lv.points)
        # what the law does in practice, where the data says it (New York: no standard of its own, but the
        # general motion rules set one), before the level's general words ("so each judge decides")
        feature = card.version.features.get(c.category.id)
        practice = feature.in_practice if feature is not None else None
        out.append(
            Gap(
                category_id=c.category.id,
                name=c.category.name,
                level_label=c.level.label if c.level is not None else "Not known",
                points=str(c.points) if c.known else f"{c.low}–{c.high}",
                max_points=c.max_points,
                ideal=f"{ideal_level.label}: {c.category.ideal}",
                means=practice or (c.level.means if c.level is not None and c.level.means else UNKNOWN_GAP),
                why_it_matters=c.category.why_it_matters,
            )
        )
    return tuple(out)
