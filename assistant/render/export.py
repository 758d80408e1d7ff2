"""Exports for trainers and advocates: comparisons, briefs, histories; Markdown, text, HTML, JSON.

HTML pages are self-contained (styles inline, print styles included). The Markdown is rendered with
raw HTML switched off and the page wrapper autoescapes, so nothing a person typed becomes markup.
"""

from __future__ import annotations

from typing import Any

from ..core.compare import Comparison, is_ideal
from ..core.history import history
from ..core.scoring import Scorecard
from ..core.whatif import improvements, rescored, with_feature
from ..data.catalog import Catalog
from ..data.safe_text import dumps, one_line
from .explain import environment, help_context, reason_text, record_words, to_html


def _card(card: Scorecard) -> dict[str, Any]:
    return {
        "code": card.jurisdiction.code,
        "name": card.jurisdiction.name,
        "total": card.total_text(),
        "grade": card.grade_text(),
        "rank": card.rank_text() if not is_ideal(card) else "–",
        "as_of": card.jurisdiction.as_of,
        "unknown": card.unknown_count,
    }


def comparison_context(catalog: Catalog, comp: Comparison, voice: str = "advocate") -> dict[str, Any]:
    labels = {code: t.label for code, t in catalog.terms.verdicts.items()}
    symbols = {code: t.symbol for code, t in catalog.terms.verdicts.items()}
    facts = []
    for per_column in comp.facts:
        # the column whose place the record is from keeps its felony class; the others cannot use it
        own = next((a for a in per_column if a.felony_class), per_column[0])
        first = per_column[0]
        class_note = ""
        if own.felony_class and any(a.felony_class is None for a in per_column):
            class_note = f"The felony class given is {own.place}'s, so it was not used for the other places."
        facts.append(
            {
                "number": first.index + 1,
                "label": one_line(first.record.label) if first.record.label else first.record.label,
                "title": record_words(own, catalog),
                "class_note": class_note,
                "record": first.record.record,
                "offense": first.record.offense,
                "level": first.record.level,
                "cells": [
                    {
                        "verdict": a.verdict,
                        "text": f"{symbols[a.verdict]} {labels[a.verdict]}",
                        "relief": ", ".join(a.relief_types) or "–",
                        "why": reason_text(
                            next((r for r in a.reasons if r.effect in ("blocks", "no_law", "uncertain")), a.reasons[0]),
                            voice,
                        ),
                    }
                    for a in per_column
                ],
            }
        )
    return {
        # help first when the trafficking has not ended, as on every result (flows/terms.yaml: safety)
        "safety": [catalog.terms.safety.help_now(voice)] if comp.ongoing else [],
        "marked": "fall short of the ideal statute" if comp.against_ideal else "differ between the places",
        "columns": [_card(c) for c in comp.columns],
        "rows": [
            {
                "name": r.name,
                "max": r.max_points,
                "differs": r.differs,
                "cells": [{"label": c.label, "points": c.points} for c in r.cells],
            }
            for r in comp.rows
        ],
        "facts": facts,
        "rubric_name": catalog.rubric.short_name,
        "grading_note": catalog.rubric.grading.note,
    }


def render_template(template: str, **values: Any) -> str:
    return str(environment().get_template(template).render(**values))


def comparison(catalog: Catalog, comp: Comparison, fmt: str, voice: str = "advocate") -> str:
    ctx = comparison_context(catalog, comp, voice)
    if fmt == "json":
        return dumps({"format": "relief-assistant/comparison", "format_version": 1, **ctx}, indent=2) + "\n"
    if fmt == "html":
        return to_html(render_template("compare.md.j2", **ctx), "Comparison of trafficking record relief laws")
    return render_template("compare.md.j2" if fmt == "markdown" else "compare.txt.j2", **ctx)


def brief(catalog: Catalog, code: str, changes: list[tuple[str, str]] | None = None) -> str:
    """A Markdown brief: where the state stands, and each change that would raise its grade."""
    j = catalog.jurisdictions[code]
    rubric = catalog.rubric
    base_card, _ = rescored(catalog, j)
    changed = j
    for category_id, level in changes or []:
        changed = with_feature(changed, rubric, category_id, level)
    new_card = rescored(catalog, changed)[0] if changes else None
    return render_template(
        "brief.md.j2",
        name=j.name,
        code=j.code,
        card=_card(base_card),
        ranked_among=base_card.ranked_among,
        changes=[
            {"category": rubric.category(c).name, "level": rubric.category(c).level(v).label}  # type: ignore[union-attr]
            for c, v in changes or []
        ],
        new=_card(new_card) if new_card else None,
        improvements=improvements(catalog, code),
        as_of=j.as_of,
        grading_note=rubric.grading.note,
        summary=j.current.summary,
        graded=base_card.graded,
    )


def history_markdown(catalog: Catalog, code: str) -> str:
    j = catalog.jurisdictions[code]
    return render_template(
        "history.md.j2",
        name=j.name,
        chapters=history(catalog, code),
        as_of=j.as_of,
        rubric_name=catalog.rubric.short_name,
    )


def guide_markdown(catalog: Catalog, code: str) -> str:
    """A jurisdiction's filing guide: every route with its facts, the papers, and free help."""
    from ..core.voice import say
    from .explain import route_context

    j = catalog.jurisdictions[code]
    guide = catalog.guides.get(code)
    national = catalog.guides.get("national")
    titles = catalog.terms.papers
    helpers = []
    seen: set[str] = set()
    for h in [*(guide.help if guide else ()), *(national.help if national else ())]:
        # a national service a state's guide also lists (the Survivor Reentry Project) once, the state's entry
        key = (h.web or h.phone or h.name).lower().rstrip("/")
        if key not in seen:
            seen.add(key)
            helpers.append(h)
    return render_template(
        "guide.md.j2",
        name=j.name,
        has_guide=guide is not None,
        as_of=guide.as_of if guide else None,
        routes=[route_context(r) for r in (guide.routes if guide else ())],
        papers=[
            {
                "title": say(titles[p.kind].title, "survivor") if p.kind in titles else p.kind,
                "where": p.where,
                "cost": p.cost,
                "citation": p.citation or "",
            }
            for p in (guide.papers if guide else ())
        ],
        notes=guide.notes if guide else None,
        help=[help_context(h, "advocate") for h in helpers],
    )
