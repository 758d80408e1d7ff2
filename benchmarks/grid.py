"""How decisive the results are: the verdict mix on a grid of fully answered records.

Every jurisdiction x prostitution, drug, theft, violent, weapon, fraud x misdemeanor/felony x
arrest/conviction x "forced"/"because"; documents none; trafficking ended 2016; record 2014; adult;
no pending charges. Among jurisdictions with relief for adults it reports the share of "possibly
eligible" verdicts and how many of those come only from what our data does not know (every reason
that keeps the record at "possibly" is a gap in our data, not the law or the person's facts).

Run: .venv/bin/python benchmarks/grid.py   (targets: possibly <= 25%, from data alone <= 5%)
"""

from __future__ import annotations

import collections
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.core.engine import Evaluator
from assistant.data.catalog import load_catalog
from assistant.models.answers import Answers

OFFENSES = ("prostitution", "drug", "theft", "violent", "weapon", "fraud_identity")


def grid_answers(code: str, record: str, offense: str, level: str, connection: str, **more: object) -> Answers:
    """One record of the grid: no papers, the trafficking ended in 2016, the record from 2014, an adult, no open
    case; `more` adds an answer the conversation asks in some places (a felony class, a drug charge's kind)."""
    return Answers.model_validate(
        {
            "audience": "advocate",
            "trafficking_ended": 2016,
            "documentation": ["none"],
            "records": [
                {
                    "jurisdiction": code,
                    "record": record,
                    "offense": offense,
                    "level": level,
                    "connection": connection,
                    "year": 2014,
                    "age": "adult",
                    "pending_charges": "no",
                    **more,
                }
            ],
        }
    )


def grid(now: int = 2026) -> dict[str, object]:
    catalog = load_catalog()
    evaluator = Evaluator(catalog, now)
    verdicts: collections.Counter[str] = collections.Counter()
    by_basis: collections.Counter[str] = collections.Counter()
    data_only = link_test_only = 0
    per_place: dict[str, int] = collections.Counter()
    for code, j in catalog.jurisdictions.items():
        if not j.current.adult_relief:
            continue
        for offense, level, record, connection in itertools.product(
            OFFENSES, ("misdemeanor", "felony"), ("arrest", "conviction"), ("forced", "because")
        ):
            r = evaluator.assess_record(grid_answers(code, record, offense, level, connection), 0)
            verdicts[r.verdict] += 1
            if r.verdict == "possibly_eligible":
                bases = {x.basis for x in r.reasons if x.effect == "uncertain"}
                for b in bases:
                    by_basis[str(b)] += 1
                if bases == {"data"}:
                    data_only += 1
                    per_place[code] += 1
                # the law's link test alone ("because of it" against "a direct result" or "duress")
                if {(x.rule, x.basis) for x in r.reasons if x.effect == "uncertain"} == {("nexus", "show")}:
                    link_test_only += 1
    total = sum(verdicts.values())
    return {
        "records": total,
        "verdicts": dict(verdicts),
        "possibly_share": verdicts["possibly_eligible"] / total,
        "possibly_from_data_alone": data_only,
        "data_alone_share": data_only / total,
        "possibly_with_basis": dict(by_basis),
        "possibly_from_link_test_alone": link_test_only,
        "data_alone_by_place": dict(sorted(per_place.items(), key=lambda kv: -kv[1])),
    }


def felony_classes(now: int = 2026) -> dict[str, tuple[float, float]]:
    """Where the law goes by felony class: the share of 'possibly' among the grid's felonies without the
    class, and with each class given (the conversation asks it there)."""
    catalog = load_catalog()
    evaluator = Evaluator(catalog, now)
    out = {}
    for code, classes in sorted(catalog.felony_class_codes().items()):
        without = given = total = 0
        for offense, record, connection in itertools.product(OFFENSES, ("arrest", "conviction"), ("forced", "because")):
            for felony_class in (None, *classes):
                answers = grid_answers(code, record, offense, "felony", connection, felony_class=felony_class)
                possibly = evaluator.assess_record(answers, 0).verdict == "possibly_eligible"
                if felony_class is None:
                    without += possibly * len(classes)
                else:
                    given += possibly
                    total += 1
        out[code] = (without / total, given / total)
    return out


def drug_charges(now: int = 2026) -> dict[str, float]:
    """Where the law tells having drugs from selling them: how many of the grid's drug records are
    'possibly' without the kind, less the share of them still 'possibly' with each kind given (each alike)."""
    catalog = load_catalog()
    evaluator = Evaluator(catalog, now)
    out = {}
    for code in sorted(catalog.law_lists()["drug_charges"]):
        kinds = tuple(catalog.jurisdictions[code].current.details.offenses.drug_charges)  # type: ignore[union-attr]
        fewer = 0.0
        for level, record, connection in itertools.product(
            ("misdemeanor", "felony"), ("arrest", "conviction"), ("forced", "because")
        ):
            verdicts = []
            for kind in (None, *kinds):
                answers = grid_answers(code, record, "drug", level, connection, drug_charge=kind)
                verdicts.append(evaluator.assess_record(answers, 0).verdict == "possibly_eligible")
            fewer += verdicts[0] - sum(verdicts[1:]) / len(kinds)
        out[code] = round(fewer, 1)
    return out


def possibly_with_classes(out: dict[str, object], classes: dict[str, tuple[float, float]]) -> float:
    """The grid's share of 'possibly' when the felony class is answered where the conversation asks it:
    each such place's felonies count at their share across that law's classes (each class alike)."""
    records = int(out["records"])  # type: ignore[call-overload]
    possibly = float(out["verdicts"]["possibly_eligible"])  # type: ignore[index]
    felonies_per_place = len(OFFENSES) * 2 * 2  # offences x arrest/conviction x forced/because
    for without, given in classes.values():
        possibly += (given - without) * felonies_per_place
    return possibly / records


if __name__ == "__main__":
    out = grid()
    print(f"records in jurisdictions with adult relief: {out['records']}")
    for verdict, n in sorted(out["verdicts"].items()):  # type: ignore[attr-defined]
        print(f"  {verdict}: {n} ({n / out['records']:.0%})")  # type: ignore[operator]
    print(f"possibly eligible: {out['possibly_share']:.1%}")
    print(f"possibly from our data alone: {out['possibly_from_data_alone']} ({out['data_alone_share']:.1%})")
    print(f"kinds of 'possibly' (a record can have several): {out['possibly_with_basis']}")
    link = int(out["possibly_from_link_test_alone"])  # type: ignore[call-overload]
    share = link / int(out["records"])  # type: ignore[call-overload]
    print(f"possibly from the law's link test alone ('because' against a stricter test): {link} ({share:.1%})")
    print(f"data-alone by place: {out['data_alone_by_place']}")
    classes = felony_classes()
    for code, (without, given) in classes.items():
        print(f"{code} felonies, 'possibly': {without:.0%} without the class, {given:.0%} with it")
    with_classes = possibly_with_classes(out, classes)
    print(f"possibly eligible with the felony class answered where it is asked: {with_classes:.1%}")
    drugs = drug_charges()
    print(f"drug records no longer 'possibly' with the drug charge's kind answered: {drugs}")
    fewer = sum(drugs.values()) / int(out["records"])  # type: ignore[call-overload]
    print(f"possibly eligible with the class and the drug charge's kind answered: {with_classes - fewer:.1%}")
