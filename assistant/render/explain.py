"""Explanations: an Assessment rendered as Markdown or plain text (Jinja2), or as JSON.

Templates render in a sandbox with StrictUndefined, so a missing value is an error the tests
catch, and no template can reach into Python. Anything a person typed (a record's name, a note)
is passed as data, on one line and without control characters (safe_text); it is never read as
markup or as template code.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..core.eligibility import SURVIVOR_TEXT, Assessment, Gap, Reason, RecordAssessment, why_reasons
from ..core.freshness import STALE_MONTHS, months_old
from ..core.packet import Packet, packet
from ..core.scoring import Scorecard
from ..core.voice import say
from ..data.catalog import Catalog
from ..data.safe_text import dumps, one_line
from ..models.common import UNSURE
from ..models.guide import FilingRoute, HelpEntry
from ..models.terms import ReliefTerm, VerdictWords

TEMPLATES = Path(__file__).resolve().parent / "templates"
ASSESSMENT_FORMAT = "relief-assistant/assessment"
ASSESSMENT_FORMAT_VERSION = 1
FORMATS = ("markdown", "text", "json", "html")


# An installed wheel carries the templates compiled to Python (hatch_build.py), which saves compiling
# them on every start; used only while they match the templates beside this file exactly.
COMPILED = Path(__file__).resolve().parent.parent / "_data" / "compiled-templates"
COMPILED_MANIFEST = "manifest.json"


def _template_digests() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(TEMPLATES.glob("*.j2"))}


def _compiled_folder(autoescape: bool) -> Path | None:
    """The compiled templates for this setting, if they were built from exactly these templates."""
    try:
        manifest = json.loads((COMPILED / COMPILED_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest != _template_digests():
        return None
    return COMPILED / ("escaped" if autoescape else "plain")


def _environment(loader: Any, autoescape: bool) -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md_literal"] = md_literal
    return env


@cache
def environment(autoescape: bool = False) -> Any:
    from jinja2 import FileSystemLoader, ModuleLoader

    compiled = _compiled_folder(autoescape)
    if compiled is not None:
        return _environment(ModuleLoader(str(compiled)), autoescape)
    return _environment(FileSystemLoader(str(TEMPLATES)), autoescape)


RESULT_TEMPLATES = ("record.md.j2", "law.md.j2", "next.md.j2", "anywhere.md.j2", "assessment.md.j2", "packet.md.j2")


def warm_up() -> None:
    """Compile the templates the results use ahead of time (the app does it while questions are answered)."""
    env = environment()
    for name in RESULT_TEMPLATES:
        env.get_template(name)


def compile_templates(out: Path) -> None:
    """Compile every template to Python under `out` (a wheel's _data/compiled-templates), with a manifest."""
    from jinja2 import FileSystemLoader

    for autoescape, folder in ((False, "plain"), (True, "escaped")):
        env = _environment(FileSystemLoader(str(TEMPLATES)), autoescape)
        env.compile_templates(str(out / folder), zip=None, ignore_errors=False, log_function=None)
    (out / COMPILED_MANIFEST).write_text(json.dumps(_template_digests(), indent=1), encoding="utf-8")


_MD_SPECIAL = "\\`*_{}[]<>()#+-.!|~"


def md_literal(text: str) -> str:
    """Text a person typed, made inert in Markdown: every markup character is escaped."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in str(text))


# A survivor is told what the federal law does, not its name and citation (the advocate keeps both).
SURVIVOR_WORDS = {
    "federal": "A federal law can clear federal records only. It does not help with a record from {name}."
}


# "(§ 567.020)", "(KRS 431.076(4), (6))", "(12.1-29-03)": a statute's number in brackets, which the
# advocate's citation already gives; never a phone number "(1-844-435-7486)" or "(class H felony)"
_CITATION_MARK = (
    r"§|\bs\. \d|\bch\. \d|\b(?:KRS|ORS|RSMo|RCW|NRS|ILCS|MCL|U\.S\.C|M\.R\.S|G\.S|M\.G\.L|O\.C\.G\.A|R\.C)\b"
    r"|\bStat\. |\bD\.C\. Law\b|\bPub\. L\.|\bIC \d"
)
_CITATION_ASIDE = re.compile(
    r" ?\((?!\d-\d{3}-\d{3}-\d{4}\))(?!\d{3}-\d{3}-\d{4}\))"
    rf"(?:(?=[^()]*(?:{_CITATION_MARK}))|(?=\d+(?:\.\d+)?-\d))"
    r"[^()]*(?:\([^()]*\)[^()]*)*\)"
)


def without_citations(text: str) -> str:
    """A survivor reads what the law says; the numbers of its sections are for the advocate."""
    return _CITATION_ASIDE.sub("", text)


def survivor_words(text: str, voice: str) -> str:
    return without_citations(text) if voice == "survivor" else text


def reason_text(reason: Reason, voice: str) -> str:
    if voice != "survivor":
        return say(reason.text, voice, dict(reason.params), dict(reason.phrases))
    text = SURVIVOR_TEXT.get(reason.text) or SURVIVOR_WORDS.get(reason.rule, reason.text)
    return without_citations(say(text, voice, dict(reason.params), dict(reason.phrases)))


def record_words(r: RecordAssessment, catalog: Catalog) -> str:
    """'A conviction for a drug charge (class D felony)': the record without its place or year."""
    ph = catalog.terms.phrases
    rec = r.record
    kind = ph.record.get(rec.record, "a record") if rec.record != "unsure" else "a record"
    offense = ph.offense.get(rec.offense, "") if rec.offense != "unsure" else ""
    if rec.offense == "drug" and rec.drug_charge in ph.drug_charge:
        offense = ph.drug_charge[rec.drug_charge]  # "having drugs"
    level = r.felony_class or (ph.level.get(rec.level, "") if rec.level != "unsure" else "")
    words = kind[0].upper() + kind[1:]
    # "(class D felony)"; a label with its own brackets reads "a fourth-degree felony (F4)", not nested ones
    said = (f", a {level}" if "(" in level else f" ({level})") if level else ""
    return f"{words} for {offense}{said}" if offense else words


def record_title(r: RecordAssessment, catalog: Catalog) -> str:
    rec = r.record
    bits = [record_words(r, catalog)]
    if r.jurisdiction is None:
        bits.append("(place not known)")
    else:
        bits.append("in federal court" if r.jurisdiction.kind == "federal" else f"in {r.place}")
    title = " ".join(bits)
    return f"{title}, {rec.year}" if isinstance(rec.year, int) else title


# Next steps that point to another way to clear or lessen the record.
OTHER_ROUTES = ("other_route", "pardon", "juvenile_route")


def relief_effect(term: ReliefTerm, record: str, voice: str) -> str:
    """What the relief does, in words that fit the record (a juvenile court finding is not a conviction)."""
    if record == "juvenile_adjudication" and term.effect_juvenile:
        return say(term.effect_juvenile, voice)
    return say(term.effect, voice)


def law_words(r: RecordAssessment) -> str:
    """The law in a sentence: "Ohio's law", or "federal law" (not "Federal (United States)'s law")."""
    assert r.jurisdiction is not None
    return "federal law" if r.jurisdiction.kind == "federal" else f"{r.place}'s law"


def verdict_summary(r: RecordAssessment, verdict: VerdictWords, pointing: bool = True) -> str:
    """The verdict in a sentence; "other options are below" only when some follow; "it depends on the points
    below" where they do (`pointing`: the results, not the packet, which has no reasons)."""
    text = verdict.summary.format(name=r.place, law=law_words(r))
    text = text[0].upper() + text[1:]
    if not pointing:
        return text
    if verdict.points:
        text = f"{text} {verdict.points}"
    others = any(x.rule in OTHER_ROUTES for x in r.next_steps)
    return f"{text} {verdict.more}" if verdict.more and others else text


def and_list(items: list[str]) -> str:
    """'what kind of record it is, what the charge was and the year of the record'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def or_list(items: list[str]) -> str:
    """'it was an arrest, a dropped or dismissed charge or a conviction': a shared 'it was' said once."""
    if len(items) > 1 and all(i.startswith("it was ") for i in items):
        items = [items[0], *(i.removeprefix("it was ") for i in items[1:])]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def what_if_lines(r: RecordAssessment, catalog: Catalog, voice: str) -> list[str]:
    """'If it was a misdemeanor: likely eligible. If it was a felony: not covered by this law.'"""
    labels: dict[str, str] = {code: t.label.lower() for code, t in catalog.terms.verdicts.items()}
    ph = catalog.terms.phrases
    # Each answer as the clause after "If": "it was a felony", "the trafficker made them do it".
    clauses: dict[str, dict[str, str]] = {
        "record": {k: f"it was {v}" for k, v in ph.record.items()},
        "offense": {k: f"it was {v}" for k, v in ph.offense.items()},
        "level": {k: f"it was a {v}" for k, v in ph.level.items()},
        "connection": {k: say(v, voice) for k, v in ph.connection.items()},
        "age": {"adult": say("{you_were} 18 or older", voice), "minor": say("{you_were} under 18", voice)},
        "pending_charges": {"yes": "a case is open", "no": "no case is open"},
        "jurisdiction": {code: f"it is from {j.name}" for code, j in catalog.jurisdictions.items()},
        "felony_class": {code: f"it was a {label}" for code, label in catalog.felony_classes().get(r.code, ())},
        "drug_charge": {k: f"it was for {v}" for k, v in ph.drug_charge.items()},
    }
    out = []
    for field in r.changing_fields:
        groups: dict[tuple[str, ...], list[str]] = {}
        for w in r.what_ifs:
            if w.field == field:
                # a field without clauses says its value, rather than stop the results (a new question)
                groups.setdefault(w.verdicts, []).append(clauses.get(field, {}).get(w.value, w.value))
        others = [say(catalog.terms.field(f), voice) for f in r.changing_fields if f != field]
        parts = []
        for verdicts, values in groups.items():
            said = " or ".join(labels[v] for v in verdicts)
            if len(verdicts) > 1 and others:
                said += f" (it also depends on: {', '.join(others)})"
            parts.append(f"If {or_list(values)}: {said}.")
        out.append(" ".join(parts))
    return out


# The details that settle a category, for naming a part read at low confidence.
_DETAIL_CATEGORY = {"records": "arrests_and_adjudications", "offenses": "offenses_covered", "timing": "time_limits"}


def told_once(x: Reason, voice: str) -> bool:
    """A note that our data does not know a part ('Burden of proof: we could not confirm this'): a survivor is
    told once, in the first part's 'a lawyer should check' line, not again for each part in the detail."""
    return voice == "survivor" and x.effect == "note" and x.basis == "data"


def only_data_gap(r: RecordAssessment) -> Reason | None:
    """The gap in our data that alone keeps a record at "possibly" (every uncertain reason is one): the first
    part's why says it (short_why), so the line of parts a lawyer should check does not say it again."""
    if r.verdict != "possibly_eligible":
        return None
    uncertain = [x for x in r.reasons if x.effect == "uncertain"]
    return uncertain[0] if uncertain and all(x.basis == "data" for x in uncertain) else None


def lawyer_check(r: RecordAssessment, catalog: Catalog, every: bool = False) -> str | None:
    """The one line saying which parts of the law a lawyer should check: what our data does not know for
    this record, or read only at low confidence. None when there is nothing to check. The first part names
    two and 'other parts'; the detail (`every`) names them all, in place of a line for each."""
    v = r.version
    if v is None:
        return None
    unsure = {x.feature for x in r.reasons if x.basis == "data"}
    gap = None if every else only_data_gap(r)  # the why above says it: not a second time just under it
    said = {gap.feature} if gap is not None else set()
    # read at low confidence; a hearing or privacy read in full is known (the guide says it): only its grade is
    # in doubt, which is the advocate's matter, not a part for a survivor to have checked
    unsure |= {
        c
        for c, f in v.features.items()
        if f.confidence == "low" and not (f.read == "full" and c in ("hearing", "confidentiality"))
    }
    unsure |= {c for d, c in _DETAIL_CATEGORY.items() if getattr(getattr(v.details, d), "confidence", None) == "low"}
    names = [c.check or c.name.lower() for c in catalog.rubric.categories if c.id in unsure - said]
    if not names:
        return None
    if len(names) == 1:
        return f"We are not sure about one part of this law: {names[0]}. A lawyer should check it."
    shown = names if len(names) <= 3 or every else [*names[:2], "other parts"]
    listed = ", ".join(shown[:-1]) + " and " + shown[-1]
    return f"We are not sure about some parts of this law: {listed}. A lawyer should check them."


def anywhere_context(r: RecordAssessment, catalog: Catalog) -> dict[str, Any] | None:
    """For a record whose place is not known: in how many places each verdict holds, with a few names."""
    if r.jurisdiction is not None:
        return None
    verdicts = catalog.terms.verdicts
    groups = []
    for verdict in ("likely_eligible", "possibly_eligible", "not_covered", "no_adult_law"):
        names = sorted(
            catalog.jurisdictions[w.value].name
            for w in r.what_ifs
            if w.field == "jurisdiction" and w.verdicts == (verdict,)
        )
        if names:
            examples = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            groups.append(
                {
                    "label": verdicts[verdict].in_places or verdicts[verdict].label,
                    "symbol": verdicts[verdict].symbol,
                    "count": len(names),
                    "examples": examples,
                }
            )
    return {"groups": groups}


def short_why(r: RecordAssessment, voice: str) -> list[str]:
    """At most two sentences on what decided the verdict, in the reader's voice."""
    if r.verdict == "likely_eligible":
        # how the link is met, and what the person should be ready to show of it (a record dated after)
        fits = [x for x in r.reasons if x.rule == "nexus" and x.effect in ("supports", "note")]
        return [reason_text(x, voice) for x in fits[:2]]
    wanted = {"not_covered": ("blocks",), "no_adult_law": ("no_law",), "possibly_eligible": ("uncertain",)}[r.verdict]
    chosen = [x for x in r.reasons if x.effect in wanted]
    if r.verdict == "possibly_eligible":
        gap = only_data_gap(r)
        if gap is not None and voice == "survivor":  # only our data's gap: say who can help
            return [_brief(reason_text(gap, voice)) + " A lawyer can check this part."]
        # What the person can act on first; what only a lawyer can check is said once, below.
        chosen = [x for x in chosen if x.basis != "data"] or chosen[:1]
    if r.verdict == "no_adult_law":
        # the verdict's own summary already says there is no law for adults: only what it does not say
        chosen = [x for x in chosen if x.rule != "adult_law"]
        chosen = chosen + [x for x in r.reasons if x.rule == "juvenile_route" and x not in chosen]
    depends = [x for x in chosen if x.rule == "depends"]
    if len(depends) > 1:  # one sentence for the answers it turns on, not the same sentence twice
        fields = " and ".join(say(dict(x.phrases)["field"], voice) for x in depends)
        said = say("The result depends on answers {you_were} not sure about: {fields}.", voice, {"fields": fields})
        others = [_brief(reason_text(x, voice)) for x in chosen if x.rule != "depends"]
        return [said, *others][:2]
    return [_brief(reason_text(x, voice)) for x in chosen[:2]]


# A law's whole list of offenses is for the detail; the first part says only that there is one.
_LIST = re.compile(r" (It covers|It reaches): .*$", re.S)
BRIEF_WORDS = 30


def _brief(sentence: str) -> str:
    if len(sentence.split()) <= BRIEF_WORDS:
        return sentence
    cut = _LIST.sub("", sentence)
    return cut + " The details below say what it covers." if cut != sentence else sentence


# A sentence ends at a full stop before a capital, but not after one capital letter ("U.S. District").
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])\.\s+(?=[A-Z(])")
_FILING_VERBS = ("File ", "Apply ", "Ask ", "First ", "Send ")


def where_to_file_step(text: str) -> str:
    """A guide's "where to file" as a first step: its first sentence, labelled unless it says what to do."""
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].rstrip(".") + "."
    return first if first.startswith(_FILING_VERBS) else "Where to file: " + first


# "General expungement (IC 35-38-9)" -> "General expungement": a survivor's first steps name no statute.
_TRAILING_CITATION = re.compile(r"\s*\([^()]*\d[^()]*(?:\([^()]*\)[^()]*)*\)$")


def _without_citation(name: str) -> str:
    return _TRAILING_CITATION.sub("", name) or name


def first_steps(r: RecordAssessment, p: Packet, catalog: Catalog, voice: str) -> list[str]:
    """What to do first, at most three steps, tied to this record. An advocate reads the full detail instead,
    and only what comes before any clearing: an open case."""
    steps: list[str] = []
    open_case = r.record.pending_charges == "yes"
    if open_case:  # an open case needs a defense before any clearing
        steps.append(catalog.terms.open_case(voice))
    if voice != "survivor":
        return steps
    titles: dict[str, str] = {str(k): t.title for k, t in catalog.terms.papers.items()}
    if p.checklist:
        got = [titles.get(item.kind, item.kind) for item in p.checklist[:2]]
        got = [say(t, voice) for t in got]
        steps.append("Get " + " and ".join(t[0].lower() + t[1:] for t in got) + ".")
        # filing waits while a case is open (some laws bar it then): free help, not filing, comes next
        if p.route is not None and p.route.where_to_file.text and not open_case:
            steps.append(where_to_file_step(p.route.where_to_file.text))
    else:
        other = [x for x in r.next_steps if x.rule in OTHER_ROUTES]
        if other:
            name = dict(other[0].params).get("name")
            if name is None:  # the juvenile route has no name of its own
                steps.append(say("Ask a lawyer about clearing records from when {you_were} under 18.", voice))
            else:
                params = dict(other[0].params)
                # a route named only "Pardon": not "Ask a lawyer about this: Pardon."
                about = "a pardon" if str(name).strip().lower() == "pardon" else "this: {name}"
                text = (
                    ("If it was {fit}, ask a lawyer about " if "fit" in params else "Ask a lawyer about ") + about + "."
                )
                steps.append(say(text, voice, {**params, "name": _without_citation(str(name))}))
    # the first step names help that clears records (local first, then national), not a general legal-aid
    # office whose own entry may say it does not take this kind of case, nor the hotline (no legal help)
    fitting = [h for h in p.help if "record_clearing" in h.serves] or list(p.help)
    if fitting:
        h = fitting[0]
        reach = h.phone or h.web or h.email
        steps.append(f"Talk to free legal help: {h.name}, {reach}.")
    return steps[:3]


def _fact(fact: Any, voice: str = "advocate") -> dict[str, Any] | None:
    """A filing-guide fact for templates: its words (or why it is not known) and its citation."""
    if fact is None:
        return None
    text = getattr(fact, "text", None)
    if text is not None and voice == "survivor":
        text = without_citations(without_research_notes(text) or text)
    return {
        "text": text,
        "unknown": text is None,
        "note": fact.note or "",
        "citation": fact.citation or "",
        "confidence": fact.confidence,
    }


def route_context(route: FilingRoute, voice: str = "advocate") -> dict[str, Any]:
    """One filing route of a guide, as template data."""
    form = route.form
    facts = [
        (label, _fact(getattr(route, name), voice))
        for name, label in (
            ("where_to_file", "Where to file"),
            ("who_may_file", "Who may file"),
            ("fee", "Fee"),
            ("service", "Who must be told"),
            ("hearing", "Hearing"),
            ("sealed_papers", "Are the papers private"),
            ("after_order", "After the order"),
        )
    ]
    return {
        "name": survivor_words(route.name, voice),
        "citation": route.citation,
        "facts": facts,
        "form": {
            "statewide": form.statewide,
            "name": form.name,
            "number": form.number,
            "publisher": form.publisher,
            "note": form.note,
            "citation": form.citation,
        },
        # what our research could not settle, with the part it is about; "Not found." alone says nothing more
        "unsettled": [
            f"{label}: {fact['note']}"
            for label, fact in facts
            if fact and fact["unknown"] and fact["note"] and fact["note"].rstrip(".") not in ("Not found", "Not read")
        ],
        "immigration": {
            "text": route.immigration.text if voice != "survivor" else without_reading_notes(route.immigration.text),
            "legal_defect": route.immigration.legal_defect,
            "citation": route.immigration.citation or "",
        },
    }


# "No phone number was in the page read." says how our data was made: for advocates, not survivors.
_RESEARCH_NOTE = re.compile(
    r"(?:^|(?<=[.)]) )[^.]*\b(?:not|no)\b[^.]*\b(?:in|on) (?:the|its|our) (?:part of the )?"
    r"(?:page|pages|copy|copies|stored copy|stored copies|stored pages)(?: read)?\b[^.]*\.",
    re.I,
)
_RESEARCH_ASIDE = re.compile(r" \([^()]*\bnot in the stored cop(?:y|ies)\)")
# How our research found a fact ("(news report, 2023)", "The page read gives no phone number.") is for
# advocates checking the data; a survivor reads the fact alone.
_PROVENANCE = (
    r"page read|pages read|text read|text was not read|texts? (?:were|was) not read|secondary (?:site|page)|"
    r"news reports?|attorneys wrote|figures as of|commercial dataset|shared research|date of the page|"
    r"did not find a page|copy read|its newsletter|reported in \d{4}|nothing read|sources read|not read|"
    r"third-party page|not confirmed on|was not found|were not found|as far as seen|not checked|was not confirmed|"
    r"an older [a-z ]+ said"
)
_PROVENANCE_ASIDE = re.compile(rf" ?\([^()]*\b(?:{_PROVENANCE})\b[^()]*\)", re.I)
_PROVENANCE_SENTENCE = re.compile(rf"(?:^|(?<=[.;)]) )[^.;]*\b(?:{_PROVENANCE})\b[^.;]*[.;]", re.I)
_OWN_PAGE = re.compile(r"\bIts own page (?:says|describes|offers) (?:that )?(\w)")


# "The words read do not say ..." tells an advocate how much of the law was read; a survivor reads
# what the law is known to say.
_READING = (
    (re.compile(r"\b[Tt]he part of the law (?:that was )?read\b"), "the law"),
    (re.compile(r"\b[Tt]he parts of the law read (\w+)"), r"the law \1"),
    (re.compile(r"\b[Tt]he (?:words|summary) read (do|does) not say\b"), "the law does not say"),
    (re.compile(r" from the words read\b| by the words read\b"), ""),
)


def without_reading_notes(text: str) -> str:
    for pattern, plain in _READING:

        def plainly(m: re.Match[str], plain: str = plain) -> str:
            # "The words read ..." at a sentence's start stays capitalised: "The law ..."
            return _same_case(m.group(0), m.expand(plain))

        text = pattern.sub(plainly, text)
    return text


def _same_case(old: str, new: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def without_research_notes(note: str) -> str:
    """Words shown to a survivor without remarks on how our research found them, or what it lacked."""
    text = _RESEARCH_ASIDE.sub("", _PROVENANCE_ASIDE.sub("", note))  # asides first: the sentence around stays
    text = _PROVENANCE_SENTENCE.sub("", _RESEARCH_NOTE.sub("", text))
    text = _OWN_PAGE.sub(lambda m: m.group(1).upper(), text)  # "Its own page says it helps" -> "It helps"
    text = re.sub(r";\s*(?=$|[A-Z])", ". ", text.strip())  # a clause removed after a semicolon
    return " ".join(text.split())


def help_context(h: HelpEntry, voice: str) -> dict[str, Any]:
    """One free-help entry as template data (results and the filing guide alike)."""
    return {
        "name": h.name,
        "area": "" if h.area in h.name else h.area,  # not "Legal Aid Society of Hawaii (Hawaii)"
        "reach": "; ".join(x for x in (h.phone, h.web, h.email) if x),
        "note": (h.note or "") if voice != "survivor" else without_research_notes(h.note or ""),
        "checked": h.checked,
    }


def _reach_keys(text: str) -> set[str]:
    """What identifies a way to reach help: its web domain ("freedomnetworkusa.org") and phone digits."""
    domains = {m.group(1).lower() for m in re.finditer(r"(?:https?://)?(?:www\.)?([a-z0-9-]+\.[a-z.]{2,})", text, re.I)}
    phones = {d for d in (re.sub(r"\D", "", m) for m in re.findall(r"[\d\-() ]{10,}", text)) if len(d) >= 10}
    return domains | phones


def general_help(entries: Sequence[Any], per_record: Sequence[Sequence[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The general free-help list, without an entry every record's own help list already gives."""
    out = []
    for h in entries:
        keys = _reach_keys(h.contact)
        listed = (
            bool(keys)
            and bool(per_record)
            and all(any(keys & _reach_keys(x["reach"]) for x in helps) for helps in per_record)
        )
        if not listed:
            out.append(h.model_dump())
    return out


def next_context(catalog: Catalog, p: Packet, voice: str) -> dict[str, Any]:
    """What to do next for one record, in the reader's voice (checklist, filing route, help, outline)."""
    words = catalog.terms.papers
    route = p.route
    # The guide's own lines (where to get a paper, how to file) are written to the person with the record in
    # every voice (the advocate's copy says so); what the checklist itself says is in the reader's voice, so one
    # item does not name "your own sworn statement" and then "the client's affidavit".
    return {
        # an open case comes before any clearing, on every page about what to do next
        "open_case": catalog.terms.open_case(voice) if p.record.record.pending_charges == "yes" else None,
        "has_guide": p.has_guide,
        "place_known": p.record.jurisdiction is not None,
        "guide_as_of": p.guide.as_of if p.guide is not None else None,
        "route": None if route is None else route_context(route, voice),
        "checklist": [
            {
                "kind": item.kind,
                # a sworn statement is written, not fetched: its line says what it is
                "where_label": "About it" if item.kind == "sworn_statement" else "How to get it",
                "title": say(words[item.kind].title, voice) if item.kind in words else item.kind,
                "why": say(getattr(words[item.kind].why, voice), voice) if item.kind in words else "",
                "citation": item.citation,
                "where": item.where if voice != "survivor" else without_research_notes(item.where or "") or None,
                "cost": item.cost if voice != "survivor" else without_research_notes(item.cost or "") or None,
                "notes": [say(n, voice) for n in item.notes],
                "missing": say(getattr(words[item.kind].when_missing, voice), voice)
                if item.missing and item.kind in words and words[item.kind].when_missing
                else None,
            }
            for item in p.checklist
        ],
        "outline": [
            {
                "element": e.element,
                "citation": e.citation,
                "facts": say(e.facts, voice),
                "evidence": say(e.evidence, voice),
                "open": say(e.open_point, voice, dict(e.open_params), dict(e.open_phrases)) if e.open_point else None,
            }
            for e in p.outline
        ]
        if voice == "advocate"
        else [],
        "help": [help_context(h, voice) for h in p.help],
    }


ANYWHERE_SUMMARY = "It depends on where the record is from."


def context(assessment: Assessment, catalog: Catalog) -> dict[str, Any]:
    voice = assessment.voice
    terms = catalog.terms
    records: list[dict[str, Any]] = []
    for r in assessment.records:
        term = terms.verdicts[r.verdict]
        verdict: VerdictWords = term
        if term.minor is not None and (r.record.age == "minor" or r.record.record == "juvenile_adjudication"):
            verdict = term.minor  # "No law for adults here" told to someone who was under 18 says too little
        why = why_reasons(r)
        placed = r.jurisdiction is not None
        # where there is no law for adults, there is no part of one for a lawyer to check
        checked = placed and r.verdict != "no_adult_law"
        check = lawyer_check(r, catalog) if checked else None
        every_part = lawyer_check(r, catalog, every=True) if checked else None
        records.append(
            {
                "number": r.index + 1,
                "title": record_title(r, catalog),
                "label": one_line(r.record.label) if r.record.label else r.record.label,
                "code": r.code,
                "name": r.place,
                "verdict": r.verdict,
                "symbol": verdict.symbol,
                "verdict_label": verdict.label,
                "summary": verdict_summary(r, verdict) if placed else ANYWHERE_SUMMARY,
                # the packet has no reasons to point to: the verdict alone, then the short why
                "summary_alone": verdict_summary(r, verdict, pointing=False) if placed else ANYWHERE_SUMMARY,
                "relief": [
                    {
                        "type": rel.type,
                        # a route for minors has no name of its own: its kind, as a name ("Expungement")
                        "legal_name": survivor_words(
                            terms.relief_types[rel.type].name if rel.legal_name == rel.type else rel.legal_name, voice
                        ),
                        # "Writ of vacatur (vacatur)" says it twice: the kind only where the name lacks it
                        "kind": "" if rel.type in rel.legal_name.lower() else rel.type,
                        "effect": survivor_words(say(rel.effect, voice), voice)
                        if rel.effect
                        else relief_effect(terms.relief_types[rel.type], r.record.record, voice),
                        # the immigration notes speak of convictions: an arrest or a dropped charge has none
                        "immigration": terms.relief_types[rel.type].immigration
                        if r.record.record in ("conviction", UNSURE)
                        else "",
                        "citation": rel.citation or "",
                    }
                    for rel in r.relief
                ],
                "reasons": [_reason(x, voice) for x in r.reasons],
                "why": [_reason(x, voice) for x in why if not told_once(x, voice)],
                # a survivor is told each reason once, under "Why"; the advocate's list keeps every element
                "to_show": [
                    _reason(x, voice)
                    for x in r.to_show
                    if not told_once(x, voice) and (voice != "survivor" or x not in why)
                ],
                # a reason already given under "Why" is not said a second time
                "obstacles": [_reason(x, voice) for x in r.obstacles if x not in why and not told_once(x, voice)],
                "what_ifs": what_if_lines(r, catalog, voice) if r.jurisdiction is not None else [],
                "unsure_fields": [say(terms.field(f), voice) for f in r.unsure_fields]
                if r.jurisdiction is not None
                else [],
                "next_steps": [_reason(x, voice) for x in r.next_steps],
                "as_of": r.as_of or "each jurisdiction's own date",
                "months_old": months_old(r.as_of, assessment.today) if r.as_of else None,
                "stale": bool(r.as_of) and months_old(r.as_of, assessment.today) > STALE_MONTHS,
                "version_label": r.version.label if r.version is not None else "the law of each jurisdiction",
                "confidence": r.confidence,
                "juvenile_route": r.juvenile_route,
                "next": next_context(catalog, (pk := packet(catalog, r, assessment.answers)), voice),
                "short_why": short_why(r, voice),
                "anywhere": anywhere_context(r, catalog),
                "first_steps": first_steps(r, pk, catalog, voice),
                "lawyer_check": check,
                # in the detail only where the first part's line left some parts out ("and other parts")
                "lawyer_check_all": every_part if voice == "survivor" and every_part != check else None,
            }
        )
    laws = [law_context(ja.scorecard, ja.gaps, voice) for ja in assessment.jurisdictions]
    answers = assessment.answers
    ph = terms.phrases
    ended = {"ongoing": "it has not ended", "unsure": "not sure"}.get(str(answers.trafficking_ended))
    papers = [ph.document.get(d, d) for d in answers.documentation if d not in ("none", "unsure")]
    rested_on = [
        say("When the trafficking ended: ", voice) + (ended or str(answers.trafficking_ended)) + ".",
        "Papers about the trafficking: "
        + (
            ", ".join(papers)
            if papers
            else "not sure"
            if "unsure" in answers.documentation
            else "none of the listed papers"
        )
        + ".",
    ]
    for r in assessment.records:
        rec = r.record
        link = ph.connection.get(rec.connection, "not sure") if rec.connection != "unsure" else "not sure"
        age = {"adult": "18 or older", "minor": "under 18"}.get(rec.age, "not sure")
        pending = {"yes": "yes", "no": "no"}.get(rec.pending_charges, "not sure")
        # what the title cannot say: each answer given as "not sure" (the class and the drug charge's kind only
        # where the law goes by them, as they are asked only there)
        unsure = [f for f in ("record", "offense", "level", "year") if getattr(rec, f) == UNSURE]
        unsure += [f for f in ("felony_class", "drug_charge") if f in r.unsure_fields]
        not_sure = f" Not sure: {and_list([terms.field(f) for f in unsure])}." if unsure else ""
        rested_on.append(
            say(
                f"Record {r.index + 1}: {record_title(r, catalog)}.{not_sure} Link to the trafficking: {link}. "
                f"Age at the time: {age}. A case open now: {pending}.",
                voice,
            )
        )
    return {
        "voice": voice,
        "heading": "Your results" if voice == "survivor" else "Screening results",
        "records": records,
        "laws": laws,
        "rubric_name": catalog.rubric.short_name,
        "grading_note": catalog.rubric.grading.note,
        "help": general_help(terms.help, [rec["next"]["help"] for rec in records]),
        "disclaimer": terms.disclaimer(voice),
        "screened_on": assessment.today.isoformat(),
        "rested_on": rested_on,
        "private_note": one_line(answers.notes) if voice == "advocate" and answers.notes else None,
        "year": assessment.year,
        # Trafficking that has not ended: help comes first, before any result. Not sure whether it has
        # ended may mean it has not: the gentler line of the first screen.
        "safety": {"ongoing": [terms.safety.help_now(voice)], "unsure": [terms.safety.not_sure(voice)]}.get(
            str(assessment.answers.trafficking_ended), []
        ),
    }


def law_context(card: Scorecard, gap_list: tuple[Gap, ...], voice: str) -> dict[str, Any]:
    """One jurisdiction's report card as template data (law.md.j2)."""
    j = card.jurisdiction
    return {
        "code": j.code,
        "name": j.name,
        "as_of": j.as_of,
        "graded": card.graded,
        "total": card.total_text(),
        "grade": card.grade_text(),
        "rank": card.rank_text(),
        "ranked_among": card.ranked_among,
        "unknown": card.unknown_count,
        "categories": [
            {
                "name": c.category.name,
                "label": c.level.label if c.level is not None else ("Not graded" if not card.graded else "Not known"),
                "points": str(c.points) if c.known else f"{c.low}–{c.high}",
                "max": c.max_points,
                "bar": _bar(c.low, c.high, c.max_points),
            }
            for c in card.categories
        ],
        "gaps": [
            {
                "name": g.name,
                "level_label": g.level_label,
                "points": g.points,
                "max": g.max_points,
                "ideal": g.ideal,
                "means": say(g.means, voice),
            }
            for g in gap_list
        ],
        "summary": card.version.summary,
        "data_notes": j.data_notes or "",
    }


def _reason(reason: Reason, voice: str) -> dict[str, Any]:
    return {
        "text": reason_text(reason, voice),
        "citation": reason.citation,
        "feature": reason.feature,
        "effect": reason.effect,
        "confidence": reason.confidence or "unknown",
        "rule": reason.rule,
    }


def _bar(low: int, high: int, maximum: int, width: int = 10) -> str:
    """A text bar: filled for points, light for the unknown part, dots for the rest."""
    filled = round(width * low / maximum) if maximum else 0
    maybe = round(width * high / maximum) - filled if maximum else 0
    return "█" * filled + "░" * maybe + "·" * (width - filled - maybe)


def render_part(template: str, **values: Any) -> str:
    """One section (record.md.j2 or law.md.j2) for a front end that lays out the parts itself."""
    return str(environment().get_template(template).render(**values))


def _document(ctx: dict[str, Any], markdown: str, text: str, title: str, fmt: str) -> str:
    """One document from one context: Markdown or text from its template, HTML as the Markdown's page."""
    if fmt == "html":
        return to_html(_document(ctx, markdown, text, title, "markdown"), title)
    name = {"markdown": markdown, "text": text}[fmt]
    return str(environment().get_template(name).render(**ctx))


def render(assessment: Assessment, catalog: Catalog, fmt: str = "markdown") -> str:
    if fmt == "json":
        return dumps(to_json(assessment, catalog), indent=2) + "\n"
    ctx = context(assessment, catalog)
    return _document(ctx, "assessment.md.j2", "assessment.txt.j2", ctx["heading"], fmt)


PACKET_TITLE = "What to do next"


def render_packet(assessment: Assessment, catalog: Catalog, fmt: str = "markdown") -> str:
    """The whole packet: each record's papers to gather, how to file and who can help (md, text, html)."""
    return _document(context(assessment, catalog), "packet.md.j2", "packet.txt.j2", PACKET_TITLE, fmt)


def to_json(assessment: Assessment, catalog: Catalog) -> dict[str, Any]:
    ctx = context(assessment, catalog)
    records = []
    for r, c in zip(assessment.records, ctx["records"], strict=True):
        records.append(
            {
                "jurisdiction": r.code,
                "label": r.record.label,
                "verdict": r.verdict,
                "relief": r.relief_types,
                "relief_details": c["relief"],
                "reasons": c["reasons"],
                "to_show": c["to_show"],
                "obstacles": c["obstacles"],
                "unsure": list(r.unsure_fields),
                "what_if": [{"field": w.field, "value": w.value, "verdicts": list(w.verdicts)} for w in r.what_ifs],
                "changes_outcome": r.changing_fields,
                "next_steps": c["next_steps"],
                "law_version": r.version.id if r.version is not None else None,
                "as_of": r.as_of or None,
                "confidence": r.confidence,
                "what_to_do_next": c["next"],
            }
        )
    return {
        "format": ASSESSMENT_FORMAT,
        "format_version": ASSESSMENT_FORMAT_VERSION,
        "voice": assessment.voice,
        "records": records,
        "jurisdictions": [
            {k: law[k] for k in ("code", "name", "as_of", "graded", "total", "grade", "rank", "unknown", "gaps")}
            for law in ctx["laws"]
        ],
        "help": ctx["help"],
        "disclaimer": ctx["disclaimer"],
        "safety": ctx["safety"],
    }


@cache
def _markdown() -> Any:
    # web addresses written out in full become links (a printed page still shows them in full);
    # bare names like "example.org" and e-mail addresses stay text
    from linkify_it import LinkifyIt  # type: ignore[import-untyped]
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": True}).enable(["table", "linkify"])
    md.linkify = LinkifyIt(options={"fuzzy_link": False, "fuzzy_email": False})
    return md


def to_html(markdown: str, title: str) -> str:
    """A self-contained page: the Markdown rendered with raw HTML off, inside an autoescaped wrapper."""
    body = _markdown().render(markdown)
    page = environment(autoescape=True).get_template("page.html.j2")
    return str(page.render(title=title, body=body))
