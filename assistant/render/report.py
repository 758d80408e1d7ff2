"""Text, JSON and CSV views of scorecards and of the encoded jurisdictions (no Textual)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from ..core.freshness import STALE_MONTHS, is_stale, months_old, read_in_full
from ..core.scoring import Scorecard
from ..data.catalog import Catalog
from ..data.safe_text import dumps
from ..models.common import CONFIDENCE_ORDER, UNKNOWN
from ..models.jurisdiction import Jurisdiction, LawVersion
from ..models.rubric import Rubric

SCORE_FORMAT = "relief-assistant/score"
SCORE_FORMAT_VERSION = 1

# Three-letter column heads for the 2019 categories; other rubrics fall back to their first letters.
_SHORT = {
    "range_of_relief": "Rel",
    "arrests_and_adjudications": "Arr",
    "offenses_covered": "Off",
    "judicial_discretion": "Jud",
    "nexus": "Nex",
    "time_limits": "Tim",
    "hearing": "Hea",
    "burden_of_proof": "Bur",
    "official_documentation": "Doc",
    "confidentiality": "Con",
    "additional_restrictive_conditions": "Cnd",
}


def short_name(category_id: str) -> str:
    return _SHORT.get(category_id, category_id[:3].title())


def grading_note(rubric: Rubric) -> str:
    bands = ", ".join(
        f"{b.grade} {b.min}+" if b.min else f"{b.grade} below {rubric.grading.bands[i - 1].min}"
        for i, b in enumerate(rubric.grading.bands)
    )
    if rubric.grading.assumption:
        return f"Letter grades are this tool's assumption, not the report's ({bands})."
    return f"Letter grades: {bands}."


def rank_note(cards: Sequence[Scorecard]) -> str:
    among = cards[0].ranked_among if cards else 0
    return f"Ranks are among the {among} graded jurisdictions encoded here; a law with no adult relief is not graded."


def lowest_confidence(version: LawVersion) -> str | None:
    levels = [f.confidence for f in version.features.values() if f.value != UNKNOWN]
    return min(levels, key=CONFIDENCE_ORDER.__getitem__) if levels else None


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        parts = [
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _cell(card: Scorecard, category_id: str) -> str:
    c = card.category(category_id)
    if c is None:
        return ""
    if not card.graded:
        return "0"
    return str(c.low) if c.known else "?"


def score_table(cards: Sequence[Scorecard], rubric: Rubric) -> str:
    cat_ids = [c.id for c in rubric.categories]
    header = ["Code", "Jurisdiction", "Total", "Grade", "Rank", "Unk", *(short_name(c) for c in cat_ids)]
    rows = []
    for card in cards:
        rows.append(
            [
                card.jurisdiction.code,
                card.jurisdiction.name[:24],
                card.total_text(),
                card.grade_text(),
                card.rank_text(),
                str(card.unknown_count),
                *(_cell(card, c) for c in cat_ids),
            ]
        )
    legend = "  ".join(f"{short_name(c.id)}={c.name} (max {c.max_points})" for c in rubric.categories)
    notes = [
        f"Rubric: {rubric.name}",
        "Unk = features no source settles; '?' = unknown, so the total is a range (lowest–highest possible).",
        grading_note(rubric),
        rank_note(cards),
        f"Columns: {legend}",
    ]
    return _table(header, rows, right=set(range(2, len(header)))) + "\n\n" + "\n".join(notes)


def card_json(card: Scorecard) -> dict[str, Any]:
    j, v = card.jurisdiction, card.version
    return {
        "code": j.code,
        "name": j.name,
        "version": v.id,
        "version_label": v.label,
        "effective": v.effective,
        "as_of": j.as_of,
        "adult_relief": v.adult_relief,
        "graded": card.graded,
        "total": card.total,
        "low": card.low,
        "high": card.high,
        "unknown_features": card.unknown_count,
        "grade": card.grade,
        "grade_low": card.grade_low,
        "grade_high": card.grade_high,
        "rank": card.rank_low if card.rank_low == card.rank_high else None,
        "rank_low": card.rank_low,
        "rank_high": card.rank_high,
        "categories": [
            {
                "id": c.category.id,
                "value": c.value,
                "points": c.points,
                "low": c.low,
                "high": c.high,
                "max": c.max_points,
                "confidence": c.feature.confidence if c.feature is not None and c.value != UNKNOWN else None,
                "citation": c.feature.citation if c.feature is not None else None,
            }
            for c in card.categories
        ],
    }


def score_json(cards: Sequence[Scorecard], rubric: Rubric, as_of: str | None) -> str:
    doc = {
        "format": SCORE_FORMAT,
        "format_version": SCORE_FORMAT_VERSION,
        "rubric": {
            "id": rubric.id,
            "name": rubric.name,
            "max_points": rubric.max_points,
            "grading": {
                "assumption": rubric.grading.assumption,
                "note": rubric.grading.note,
                "bands": [{"grade": b.grade, "min": b.min} for b in rubric.grading.bands],
            },
        },
        "law_as_of": as_of,
        "ranked_among": cards[0].ranked_among if cards else 0,
        "jurisdictions": [card_json(c) for c in cards],
    }
    return dumps(doc, indent=2)


def score_csv(cards: Sequence[Scorecard], rubric: Rubric) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    cat_ids = [c.id for c in rubric.categories]
    writer.writerow(["code", "name", "version", "total", "low", "high", "grade", "rank", "unknown_features", *cat_ids])
    for card in cards:
        cells = []
        for cid in cat_ids:
            c = card.category(cid)
            cells.append("" if c is None else (str(c.low) if c.known else f"{c.low}-{c.high}"))
        writer.writerow(
            [
                card.jurisdiction.code,
                card.jurisdiction.name,
                card.version.id,
                "" if card.total is None else card.total,
                card.low,
                card.high,
                card.grade or "",
                "" if card.rank_low is None or card.rank_low != card.rank_high else card.rank_low,
                card.unknown_count,
                *cells,
            ]
        )
    return out.getvalue()


def unknown_features(j: Jurisdiction, rubric: Rubric) -> int:
    v = j.current
    if not v.adult_relief:
        return 0
    return sum(1 for c in rubric.categories if (f := v.features.get(c.id)) is None or f.value == UNKNOWN)


def states_rows(catalog: Catalog, today: dt.date) -> list[dict[str, Any]]:
    rows = []
    for j in catalog.jurisdictions.values():
        v = j.current
        full, features = read_in_full(v)
        rows.append(
            {
                "code": j.code,
                "name": j.name,
                "kind": j.kind,
                "as_of": j.as_of,
                "version": v.id,
                "effective": v.effective,
                "versions": len(j.versions),
                "adult_relief": v.adult_relief,
                "relief": sorted({r.type for r in v.details.relief}),
                "unknown_features": unknown_features(j, catalog.rubric),
                "lowest_confidence": lowest_confidence(v),
                "pending_bills": len(j.pending),
                "features_read_in_full": full,
                "features": features,
                "statutes_read": {s.citation: s.read or "not recorded" for s in v.statutes},
                "months_old": months_old(j.as_of, today),
                "stale": is_stale(j, today),
            }
        )
    return rows


def states_table(catalog: Catalog, today: dt.date) -> str:
    rows = states_rows(catalog, today)
    header = [
        "Code",
        "Jurisdiction",
        "As of",
        "Age",
        "Law since",
        "Adult relief",
        "Relief",
        "Unknown",
        "Read in full",
        "Lowest conf.",
    ]
    body = [
        [
            r["code"],
            r["name"][:22],
            r["as_of"],
            f"{r['months_old']} mo" + (" (old)" if r["stale"] else ""),
            r["effective"],
            "yes" if r["adult_relief"] else "no",
            ", ".join(r["relief"]) or "–",
            str(r["unknown_features"]),
            f"{r['features_read_in_full']}/{r['features']}" if r["features"] else "–",
            r["lowest_confidence"] or "–",
        ]
        for r in rows
    ]
    note = (
        f"{len(rows)} jurisdictions. 'Unknown' counts rubric features no source settles "
        f"({catalog.rubric.short_name}); 'As of' is the date the encoded law is current to, and 'Age' how "
        f"long ago that was ('old' past {STALE_MONTHS} months: the law may have changed since). 'Read in full' "
        "counts the features read in the whole section's text."
    )
    return _table(header, body, right={3, 7, 8}) + "\n\n" + note
