"""After the verdict: what to gather, how to file, who can help, and an outline for a lawyer.

For one record, from the law (states/XX.yaml), its filing guide (guides/XX.yaml) and the answers:
- a checklist of papers, each with why the law asks for it (its citation), where to get it and what
  it costs when the guide knows;
- the filing route of the guide that fits the relief (where, who, form, fee, service, hearing,
  sealed papers, after the order, immigration), or a plain "no filing guide yet";
- a draft outline for a lawyer: the statute's elements in order, the person's facts for each, what
  could prove it, and the open points (taken from the same reasons as the verdict);
- free help: the jurisdiction's own first, then national.
Texts carry voice tokens ({you}, {Your}, ...); the explanations fill them in.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.catalog import Catalog
from ..models.answers import Answers
from ..models.common import UNSURE, in_scope
from ..models.guide import FilingRoute, Guide, HelpEntry, Paper
from .results import ELIGIBLE, Reason, RecordAssessment
from .rules import agency_papers

NATIONAL = "national"
# Which paper answers which condition of a law (the rest need "proof of the conditions"); a fee is paid,
# not proved (the filing guide says it).
_CONDITION_PAPER = {
    "no_pending_charges": "criminal_history",
    "no_later_convictions": "criminal_history",
    "certification_required": "official_documents",
    "filing_fee": None,
}


@dataclass(frozen=True)
class ChecklistItem:
    """One paper to gather. Its name and why are in flows/terms.yaml (papers), by `kind`."""

    kind: str
    citation: str  # what in the law asks for it
    where: str | None  # from the guide
    cost: str | None
    checked: str | None  # when the guide's source was checked
    notes: tuple[str, ...] = ()  # voice tokens: the law's list, what the person has, each condition
    missing: bool = False  # the person has none of these: say what can stand in


@dataclass(frozen=True)
class OutlineElement:
    element: str
    citation: str
    facts: str  # voice tokens
    evidence: str
    open_point: str | None  # a reason still to settle, as a Reason's text (voice tokens)
    open_params: tuple[tuple[str, str | int], ...] = ()
    open_phrases: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Packet:
    record: RecordAssessment
    guide: Guide | None
    route: FilingRoute | None
    checklist: tuple[ChecklistItem, ...]
    outline: tuple[OutlineElement, ...]
    help: tuple[HelpEntry, ...]

    @property
    def has_guide(self) -> bool:
        return self.guide is not None


def _paper(guide: Guide | None, kind: str, juvenile: bool) -> Paper | None:
    if guide is None:
        return None
    return next((p for p in guide.papers if p.kind == kind and (juvenile or not p.juvenile_only)), None)


def _route(guide: Guide | None, r: RecordAssessment) -> FilingRoute | None:
    if guide is None:
        return None
    wanted = ["juvenile"] if r.juvenile_route else []
    wanted += [t for t in ("vacatur", "expungement", "sealing", "nondisclosure") if t in r.relief_types]
    record = r.record.record  # Ohio files a conviction and a dismissed charge differently
    for kind in wanted:
        found = next(
            (
                route
                for route in guide.routes
                if (kind == route.relief or kind in route.covers) and in_scope(route.records, record)
            ),
            None,
        )
        if found is not None:
            return found
    return None


def checklist(
    catalog: Catalog, r: RecordAssessment, guide: Guide | None, documents: tuple[str, ...]
) -> tuple[ChecklistItem, ...]:
    """The papers this law and these answers call for, most basic first."""
    if r.jurisdiction is None or r.version is None or r.verdict not in ELIGIBLE:
        return ()
    v = r.version
    statute = v.statutes[0].citation if v.statutes else r.jurisdiction.name
    out: list[ChecklistItem] = []

    def add(kind: str, citation: str, notes: tuple[str, ...] = (), missing: bool = False) -> None:
        paper = _paper(guide, kind, r.juvenile_route)
        out.append(
            ChecklistItem(
                kind=kind,
                citation=citation,
                where=paper.where if paper else None,
                cost=paper.cost if paper else None,
                checked=paper.checked if paper else None,
                notes=notes,
                missing=missing,
            )
        )

    add("court_record", statute)
    add("criminal_history", statute)
    nexus = v.features.get("nexus")
    add("sworn_statement", (nexus.citation if nexus and nexus.citation else None) or statute)
    docs = v.details.documentation
    category = catalog.rubric.category("official_documentation")
    feature = v.features.get("official_documentation")
    doc_level = category.level(feature.value) if category is not None and feature is not None else None
    presumption = bool(doc_level and doc_level.implies and doc_level.implies.presumption)
    held = [d for d in documents if d not in ("none", UNSURE)]
    ph = catalog.terms.phrases.document
    if presumption and docs is not None:
        named = [ph.get(d, d) for d in docs.documents]
        counted = [ph.get(d, d) for d in held if d in docs.documents]
        whole = docs.read == "full"  # else the list is what the sources read say, not the law's whole list
        official = agency_papers(held)
        notes = [f"{'The law names' if whole else 'Papers that count include'}: {', '.join(named)}."] if named else []
        if counted:
            notes.append(f"{{You_have}}: {', '.join(counted)}.")
        elif official and not whole:
            others = ", ".join(ph.get(d, d) for d in official)
            notes.append(f"{{You_have}}: {others}. They may count too: a lawyer can check.")
        add(
            "official_documents",
            docs.citation or statute,
            tuple(notes),
            missing=not counted and (whole or not official),
        )
    if not held or not presumption:
        add("provider_letter", (docs.citation if docs and docs.citation else None) or statute)
    conditions = [
        c
        for c in v.details.conditions
        if _CONDITION_PAPER.get(c.code, "condition_proof") not in ("official_documents", None)
        and in_scope(c.records, r.record.record)
    ]
    if conditions:
        # each with its caution, as in the results: the packet is what a person prints and works from
        cautions = {code: how.caution for code, how in catalog.rubric.conditions.items() if how.caution}
        each = tuple(" ".join(filter(None, (c.text, cautions.get(c.code)))) for c in conditions)
        add("condition_proof", conditions[0].citation or statute, each)
    return tuple(out)


def outline(catalog: Catalog, r: RecordAssessment, answers: Answers) -> tuple[OutlineElement, ...]:
    """The statute's elements in order, each with the person's facts, proof and what is still open."""
    if r.jurisdiction is None or r.verdict not in ELIGIBLE:
        return ()
    by_rule: dict[str, list[Reason]] = {}
    for reason in r.reasons:
        by_rule.setdefault(reason.rule, []).append(reason)
    ph = catalog.terms.phrases
    rec = r.record

    def said(field: str, code: object) -> str:
        return "not sure" if code == UNSURE else getattr(ph, field).get(str(code), str(code))

    year = f" ({rec.year})" if isinstance(rec.year, int) else ""
    drug_kind = rec.offense == "drug" and rec.drug_charge in ph.drug_charge
    offense = said("drug_charge", rec.drug_charge) if drug_kind else said("offense", rec.offense)
    held = [d for d in answers.documentation if d not in ("none", UNSURE)]
    papers = ", ".join(ph.document.get(d, d) for d in held) if held else "none of the official papers"
    ended = answers.trafficking_ended
    ended_words = {"ongoing": "The trafficking has not ended", UNSURE: "When the trafficking ended: not sure"}.get(
        str(ended), f"The trafficking ended: {ended}"
    )
    elements = [
        (
            "record_kind",
            "A record the law reaches",
            f"{said('record', rec.record)}{year}",
            "the certified court record",
        ),
        (
            "offense",
            "An offense the law covers",
            f"{offense}, as a {r.felony_class or said('level', rec.level)}",
            "the certified court record; the charging papers",
        ),
        (
            "nexus",
            "The link between the trafficking and the offense",
            f"{{You}} said: {said('connection', rec.connection)}",
            "{Your} sworn statement; a letter from a service provider or clinician; official papers, if any",
        ),
        (
            "timing",
            "Filed in time",
            f"{ended_words}. The case: {rec.year}",
            "dates from the court record; {your} sworn statement",
        ),
        ("conditions", "The law's other conditions", "", "the criminal history report; proof of each condition"),
        (
            "documentation",
            "Proof, and whether papers create a presumption",
            f"Papers {{you_have}}: {papers}",
            "official papers; other evidence the court may weigh",
        ),
    ]
    out = []
    for rule, element, facts, evidence in elements:
        reasons = by_rule.get(rule)
        if not reasons:
            continue
        open_reason = next((x for x in reasons if x.effect in ("uncertain", "blocks")), None)
        out.append(
            OutlineElement(
                element=element,
                citation=reasons[0].citation,
                facts=facts,
                evidence=evidence,
                open_point=open_reason.text if open_reason else None,
                open_params=open_reason.params if open_reason else (),
                open_phrases=open_reason.phrases if open_reason else (),
            )
        )
    for reason in by_rule.get("depends", []):
        out.append(
            OutlineElement(
                "An answer that was not sure", reason.citation, "", "", reason.text, reason.params, reason.phrases
            )
        )
    return tuple(out)


def help_for(catalog: Catalog, r: RecordAssessment) -> tuple[HelpEntry, ...]:
    """Free help: the jurisdiction's own first, then national."""
    own = catalog.guides.get(r.code)
    national = catalog.guides.get(NATIONAL)
    out: list[HelpEntry] = []
    seen: set[str] = set()
    for entry in (*(own.help if own else ()), *(national.help if national else ())):
        keys = {k.rstrip("/").lower() for k in (entry.web, entry.phone, entry.email) if k}
        if keys & seen:
            continue  # the same organisation, already listed by the jurisdiction's own guide
        seen |= keys
        out.append(entry)
    return tuple(out)


def packet(catalog: Catalog, r: RecordAssessment, answers: Answers) -> Packet:
    """Everything after the verdict for one record of these answers."""
    guide = catalog.guides.get(r.code)
    return Packet(
        record=r,
        guide=guide,
        route=_route(guide, r),
        checklist=checklist(catalog, r, guide, tuple(answers.documentation)),
        outline=outline(catalog, r, answers),
        help=help_for(catalog, r),
    )
