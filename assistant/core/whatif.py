"""What-if: change a jurisdiction's law feature by feature, and the ideal statute (every category at best).

A rubric level is only a score; eligibility reads the law's details too. So a what-if change sets
the details the new level implies (for example "all offenses" covers every offense), keeping the
rest of the law as encoded. Nothing here is real law: every changed feature says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.catalog import Catalog
from ..models.common import UNKNOWN
from ..models.jurisdiction import (
    Details,
    Documentation,
    Feature,
    Jurisdiction,
    LawVersion,
    LevelCoverage,
    OffenseCoverage,
    RecordCoverage,
    Relief,
    Source,
    Timing,
)
from ..models.rubric import Level, Rubric
from .scoring import Scorecard, rank, score_version

IDEAL_CODE = "IDEAL"
WHAT_IF = "what-if (not the law)"


# Official documents that an "ideal" law names (what-if only; the data of a real law names its own).
OFFICIAL_DOCUMENTS = ["t_visa", "continued_presence", "certification", "court_finding"]


def _what_if_feature(category_id: str, code: str) -> Feature:
    return Feature(
        value=code,
        citation=WHAT_IF,
        sources=[],
        confidence="low",
        note=f"Changed in a what-if: {category_id} set to {code}. This is not the law.",
    )


def _details_for(details: Details, category_id: str, level: Level | None) -> Details:
    """The details a new level implies (its `implies` in the rubric data); other parts stay as encoded."""
    implies = level.implies if level is not None else None
    if implies is None:
        return details
    code = level.code if level is not None else UNKNOWN
    if implies.offenses is not None:
        old = details.offenses
        offenses = OffenseCoverage(
            summary=f"What-if: {level.label if level is not None else code}.",
            misdemeanor=implies.offenses.misdemeanor,
            felony=implies.offenses.felony,
            citation=WHAT_IF,
            confidence="low",
            sources=[],
            enumerated=old.enumerated if old else [],
        )
        return details.model_copy(update={"offenses": offenses})
    if implies.records is not None:
        previous = details.records
        reach = implies.records
        records = RecordCoverage(
            arrest=reach.get("arrest", "not_covered"),
            dismissed=reach.get("dismissed", "not_covered"),
            conviction="covered",
            juvenile_adjudication=previous.juvenile_adjudication if previous else "unknown",
            citation=WHAT_IF,
            confidence="low",
        )
        added = [k for k, cov in reach.items() if cov == "covered"]
        dropped = [k for k, cov in reach.items() if cov != "covered"]
        relief = [
            r.model_copy(update={"records": sorted((set(r.records) | set(added)) - set(dropped)) or ["conviction"]})
            for r in details.relief
        ] or [
            Relief(type="expungement", legal_name="Relief (what-if)", records=["conviction", *added], citation=WHAT_IF)
        ]
        return details.model_copy(update={"records": records, "relief": relief})
    if implies.relief is not None:
        wanted = implies.relief
        keep = [r for r in details.relief if r.type != "vacatur"]
        if wanted.type != "vacatur":
            relief = keep or [
                Relief(
                    type=wanted.type,
                    legal_name=f"{wanted.type.capitalize()} (what-if)",
                    records=["conviction"],
                    citation=WHAT_IF,
                )
            ]
        else:
            relief = [
                Relief(
                    type="vacatur",
                    legal_name="Vacatur (what-if)",
                    records=["conviction"],
                    substantive_defect=wanted.substantive_defect,
                    citation=WHAT_IF,
                ),
                *keep,
            ]
        return details.model_copy(update={"relief": relief})
    if implies.no_timing or implies.reasonable_time is not None:
        timing = Timing(reasonable_time=implies.reasonable_time, citation=WHAT_IF, confidence="low")
        return details.model_copy(update={"timing": timing})
    if implies.presumption is not None:
        docs = details.documentation or Documentation(citation=WHAT_IF)
        documents = (docs.documents or OFFICIAL_DOCUMENTS) if implies.presumption else []
        return details.model_copy(update={"documentation": docs.model_copy(update={"documents": documents})})
    if implies.no_conditions:
        return details.model_copy(update={"conditions": []})
    return details


def with_feature(j: Jurisdiction, rubric: Rubric, category_id: str, code: str) -> Jurisdiction:
    """A copy of `j` whose current law has `category_id` at level `code` (and the details it implies)."""
    category = rubric.category(category_id)
    if category is None or (code != UNKNOWN and category.level(code) is None):
        raise ValueError(f"{code!r} is not a level of {category_id!r}")
    v = j.current
    features = {**v.features, category_id: _what_if_feature(category_id, code)}
    details = _details_for(v.details, category_id, category.level(code))
    version = v.model_copy(
        update={"features": features, "details": details, "adult_relief": True, "label": f"{v.label} (what-if)"}
    )
    return j.model_copy(update={"versions": [*j.versions[:-1], version]})


def ideal(rubric: Rubric) -> Jurisdiction:
    """The ideal statute: every category at its best level, and the details that go with it."""
    features = {
        c.id: Feature(
            value=max(c.levels, key=lambda lv: lv.points).code,
            citation="the ideal statute (rubric)",
            sources=["rubric"],
            confidence="high",
        )
        for c in rubric.categories
    }
    everything = LevelCoverage(default="covered")
    details = Details(
        relief=[
            Relief(
                type="vacatur",
                legal_name="Vacatur on the merits (ideal)",
                substantive_defect=True,
                records=["arrest", "dismissed", "conviction", "juvenile_adjudication"],
            )
        ],
        records=RecordCoverage(
            arrest="covered", dismissed="covered", conviction="covered", juvenile_adjudication="covered"
        ),
        offenses=OffenseCoverage(summary="All offenses.", misdemeanor=everything, felony=everything),
        timing=Timing(),
        documentation=Documentation(documents=[*OFFICIAL_DOCUMENTS]),
    )
    version = LawVersion(
        id="ideal",
        label="The ideal statute",
        effective="2019",
        adult_relief=True,
        summary="Every category at its best: what the report cards measure against.",
        features=features,
        details=details,
    )
    # Not a real jurisdiction, so it skips the postal-code check of the data files.
    return Jurisdiction.model_construct(
        code=IDEAL_CODE,
        name="Ideal statute",
        kind="state",
        as_of="2019-03",
        records_scope=None,
        sources={"rubric": Source(title=rubric.name, url=rubric.source_url, kind="report_card")},
        versions=[version],
        pending=[],
        data_notes="The rubric's ideal law, not a real jurisdiction.",
    )


@dataclass(frozen=True)
class Improvement:
    category_id: str
    name: str
    current: str  # label of the current level (or "Not known")
    to: str  # label of the better level
    to_code: str
    points: int  # points it would add (at least)
    raises_grade: bool
    new_total: str


def improvements(catalog: Catalog, code: str) -> list[Improvement]:
    """Each change that would raise the score, with the points it is worth, best first."""
    rubric = catalog.rubric
    j = catalog.jurisdictions[code]
    base = score_version(j, j.current, rubric)
    out = []
    for c in base.categories:
        best = max(c.category.levels, key=lambda lv: lv.points)
        if c.known and c.points == best.points and base.graded:
            continue
        changed = with_feature(j, rubric, c.category.id, best.code)
        new = score_version(changed, changed.current, rubric)
        gain = new.low - base.low
        if gain <= 0:
            continue
        out.append(
            Improvement(
                category_id=c.category.id,
                name=c.category.name,
                current=c.level.label if c.level is not None else "Not known",
                to=best.label,
                to_code=best.code,
                points=gain,
                raises_grade=(new.grade_low or "") < (base.grade_low or "Z") if base.graded else True,
                new_total=new.total_text(),
            )
        )
    return sorted(out, key=lambda i: (-i.points, i.name))


def rescored(catalog: Catalog, changed: Jurisdiction) -> tuple[Scorecard, list[Scorecard]]:
    """The changed law's scorecard ranked among all the others (as encoded)."""
    rubric = catalog.rubric
    cards = [score_version(j, j.current, rubric) for code, j in catalog.jurisdictions.items() if code != changed.code]
    mine = score_version(changed, changed.current, rubric)
    ranked = rank([*cards, mine])
    return ranked[-1], ranked
