"""Compare jurisdictions side by side, and the same facts evaluated in each ("same facts, different states")."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..data.catalog import Catalog
from ..models.answers import Answers
from ..models.jurisdiction import Jurisdiction
from .eligibility import RecordAssessment, assess_record
from .scoring import Scorecard, score_version, scorecards
from .whatif import IDEAL_CODE, ideal


@dataclass(frozen=True)
class Cell:
    label: str
    points: str
    value: str


@dataclass(frozen=True)
class Row:
    category_id: str
    name: str
    max_points: int
    cells: tuple[Cell, ...]
    differs: bool  # the compared jurisdictions (not the ideal column) differ here; one alone: it falls short


@dataclass(frozen=True)
class Comparison:
    columns: tuple[Scorecard, ...]
    rows: tuple[Row, ...]
    facts: tuple[tuple[RecordAssessment, ...], ...]  # per record: one assessment per column
    ongoing: bool = False  # the answers say the trafficking has not ended: help comes first
    against_ideal: bool = False  # one place beside the ideal: a marked row is where it falls short

    @property
    def codes(self) -> list[str]:
        return [c.jurisdiction.code for c in self.columns]


def with_jurisdictions(catalog: Catalog, extra: list[Jurisdiction]) -> Catalog:
    return dataclasses.replace(catalog, jurisdictions={**catalog.jurisdictions, **{j.code: j for j in extra}})


def compare(
    catalog: Catalog, codes: list[str], answers: Answers | None = None, include_ideal: bool = False
) -> Comparison:
    rubric = catalog.rubric
    ranked = {c.jurisdiction.code: c for c in scorecards(catalog)}
    columns = [ranked[code] for code in codes]
    work = catalog
    if include_ideal:
        model = ideal(rubric)
        columns.append(score_version(model, model.current, rubric))
        work = with_jurisdictions(catalog, [model])
    rows = []
    for category in rubric.categories:
        cells = []
        for card in columns:
            c = card.category(category.id)
            assert c is not None
            label = c.level.label if c.level is not None else ("Not graded" if not card.graded else "Not known")
            cells.append(Cell(label, str(c.points) if c.known else f"{c.low}–{c.high}", c.value))
        real = [cell.value for cell, card in zip(cells, columns, strict=True) if not is_ideal(card)]
        # one place beside the ideal: mark where it falls short (nothing differs between one place)
        differs = cells[0].points != cells[-1].points if len(real) == 1 and include_ideal else len(set(real)) > 1
        rows.append(Row(category.id, category.name, category.max_points, tuple(cells), differs))
    facts: list[tuple[RecordAssessment, ...]] = []
    if answers is not None:
        for i, rec in enumerate(answers.records):
            per_column = []
            for card in columns:
                moved = rec.moved_to(card.jurisdiction.code)
                placed = answers.model_copy(update={"records": [moved]})
                result = assess_record(work, placed, 0)
                per_column.append(dataclasses.replace(result, index=i))
            facts.append(tuple(per_column))
    ongoing = answers is not None and answers.trafficking_ended == "ongoing"
    against_ideal = include_ideal and len(codes) == 1
    return Comparison(tuple(columns), tuple(rows), tuple(facts), ongoing, against_ideal)


def is_ideal(card: Scorecard) -> bool:
    return card.jurisdiction.code == IDEAL_CODE
