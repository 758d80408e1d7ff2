"""Words a person reads: right in both voices, plain for survivors, and short enough to read.

Every sentence template is rendered for a wide sample of records (every jurisdiction, answers known
and unsure) in both voices, and checked for known bad forms. Survivor results of every golden
scenario are held to grade 8 or below, measured on what is actually shown.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from assistant.core.eligibility import assess
from assistant.data.answers_io import read_answers
from assistant.render.explain import context, render
from tests.factories import answers_with
from tests.reading_level import grade

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.yaml"))
BAD_FORMS = [
    re.compile(r"\byour client (were|have|are)\b", re.I),
    re.compile(r"\bIf it was the trafficker\b"),
    re.compile(r"\bpart\(s\)|\(s\)"),
    re.compile(
        r"\b(not_connected|while_trafficked|juvenile_adjudication|fraud_identity|sex_related|pending_charges)\b"
    ),
    re.compile(r"[{}]"),  # a voice token or placeholder left unfilled
    re.compile(r"not sure about: (connection|pending|record|offense|level|age)\b"),  # an internal field name
    re.compile(r"\b(offence|defence|favour|favourable)\b", re.I),  # one spelling, American, as in the law
]
YOU = re.compile(r"\b(you|your|You|Your)\b(?! client)")


def shown_sentences(ctx: dict) -> list[str]:
    """Every sentence our own templates build for the records (not quoted guide or statute data)."""
    out = []
    for r in ctx["records"]:
        for part in ("why", "to_show", "obstacles", "next_steps", "reasons"):
            out += [x["text"] for x in r[part]]
        out += r["what_ifs"] + r["short_why"] + r["first_steps"]
        out += [rel["effect"] for rel in r["relief"]]
        out += [item["why"] for item in r["next"]["checklist"]]
        out += [e["facts"] + " " + e["evidence"] + " " + (e["open"] or "") for e in r["next"]["outline"]]
    for law in ctx["laws"]:
        out += [g["means"] for g in law["gaps"]]
    return out


def checklist_sentences(ctx: dict) -> list[str]:
    """What the checklist itself says (each paper's name, notes, what stands in): in the reader's voice, so one
    item never names "your own sworn statement" and then "the client's affidavit" (words review 8)."""
    out = []
    for r in ctx["records"]:
        out += [item["title"] for item in r["next"]["checklist"]]
        out += [item["missing"] for item in r["next"]["checklist"] if item["missing"]]
        out += [n for item in r["next"]["checklist"] for n in item["notes"]]
    return out


@pytest.mark.parametrize("voice", ["survivor", "advocate"])
def test_every_template_reads_right_in_each_voice(catalog, voice):
    checked = 0
    for code in catalog.jurisdictions:
        for record, connection, offense, age in itertools.product(
            ("conviction", "arrest", "unsure"), ("forced", "because", "unsure"), ("drug", "unsure"), ("adult", "unsure")
        ):
            answers = answers_with(
                {
                    "jurisdiction": code,
                    "record": record,
                    "connection": connection,
                    "offense": offense,
                    "age": age,
                    "level": "unsure" if offense == "unsure" else "felony",
                },
                audience=voice,
                documentation=["none"],
            )
            ctx = context(assess(catalog, answers, now=2026), catalog)
            for sentence in checklist_sentences(ctx):  # in the reader's voice, never both in one item
                if voice == "survivor":
                    assert "your client" not in sentence.lower() and "the client" not in sentence.lower(), (
                        code,
                        sentence,
                    )
                else:
                    assert not YOU.search(re.sub(r'"[^"]*"', "", sentence)), (code, sentence)
                for bad in BAD_FORMS:
                    assert not bad.search(sentence), (code, bad.pattern, sentence)
            for sentence in shown_sentences(ctx):
                checked += 1
                for bad in BAD_FORMS:
                    assert not bad.search(sentence), (code, bad.pattern, sentence)
                if voice == "survivor":
                    # a survivor is "you", never "the survivor" or "the petitioner" in our own sentences
                    unquoted = re.sub(r'"[^"]*"', "", sentence)  # the law's own words may say "the petitioner"
                    assert not re.search(r"\bthe (survivor|petitioner|person|applicant|movant)\b", unquoted, re.I), (
                        code,
                        sentence,
                    )
                if voice == "advocate":
                    # "you" is the survivor's word; advocates read "your client" (a quoted law may say "you")
                    unquoted = re.sub(r'"[^"]*"', "", sentence)
                    assert not YOU.search(unquoted), (code, sentence)
    assert checked > 10_000


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_survivor_results_read_at_grade_8_and_lead_with_a_short_answer(catalog, path):
    answers = read_answers(path, list(catalog.jurisdictions)).model_copy(update={"audience": "survivor", "notes": None})
    text = render(assess(catalog, answers, now=2026), catalog, "text")
    first, _, detail = text.partition("MORE DETAIL")
    assert detail, "the short answer comes first; the detail is one step away"
    assert grade(first) <= 8, grade(first)
    assert grade(text) <= 8, grade(text)
    assert len(first.split()) <= 250 * len(answers.records)
    for hidden in ("confidence:", "REPORT CARD", "Rank ", "this tool's grading"):
        assert hidden not in text, hidden  # citations' confidence and report cards belong to advocates


def test_a_record_from_an_unknown_place_gets_a_short_answer(catalog):
    answers = answers_with({"jurisdiction": "unsure", "offense": "prostitution"}, audience="survivor")
    text = render(assess(catalog, answers, now=2026), catalog, "text")
    first = text.split("MORE DETAIL")[0]
    assert "in the place the record is from" not in text and "place the record is from's" not in text
    assert "In the places we have, this record:" in first and "criminal history report" in first
    assert "answer again with it" in first
    assert len(text.split()) < 700  # not 52 jurisdictions' relief laws
    assert "What the law can do" not in text


def test_names_read_right_inside_a_sentence_and_are_not_said_twice(catalog):
    def text(code: str, **record: str) -> str:
        answers = answers_with({"jurisdiction": code, **record}, audience="survivor")
        return render(assess(catalog, answers, now=2026), catalog, "text")

    dc = text("DC")
    assert "in the District of Columbia, 2015" in dc and "with the District of Columbia's law" in dc
    assert "in District of Columbia" not in dc and "records from District" not in dc
    va = text("VA", offense="prostitution", level="misdemeanor")  # Va. Code § 19.2-327.15: a writ of vacatur
    assert "Writ of vacatur." in va and "Writ of vacatur (vacatur)" not in va
    hi = text("HI", offense="prostitution", level="misdemeanor")
    assert "Legal Aid Society of Hawaii:" in hi and "Hawaii (Hawaii)" not in hi
    # no law for adults: there is no part of a law for a lawyer to check
    mn = text("MN")
    assert "No law for adults" in mn and "Part of this law" not in mn


def test_a_juvenile_court_record_is_not_called_a_conviction(catalog):
    # Delaware (11 Del. C. § 787(j)) vacates juvenile adjudications too.
    record = {"jurisdiction": "DE", "record": "juvenile_adjudication", "age": "minor", "offense": "prostitution"}
    juvenile = render(assess(catalog, answers_with(record, audience="survivor"), now=2026), catalog, "text")
    assert "cancels the juvenile court's finding" in juvenile and "cancels the conviction" not in juvenile
    adult = {**record, "record": "conviction", "age": "adult"}
    assert "cancels the conviction" in render(assess(catalog, answers_with(adult), now=2026), catalog, "text")


def test_two_answers_the_result_turns_on_are_said_in_one_sentence(catalog):
    record = {"jurisdiction": "DC", "record": "arrest", "offense": "weapon", "level": "unsure", "connection": "unsure"}
    text = render(assess(catalog, answers_with(record, audience="survivor"), now=2026), catalog, "text")
    first = text.partition("MORE DETAIL")[0]
    assert first.count("The result depends on") == 1
    assert "not sure about: whether it was a misdemeanor or a felony and how the charge" in first
