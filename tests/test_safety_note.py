"""Trafficking that has not ended gets help first: at once in the conversation, and atop every result."""

from __future__ import annotations

import json

from assistant.core.conversation import Conversation
from assistant.core.eligibility import assess
from assistant.render.explain import render
from tests.factories import answers_with

HOTLINE = "1-888-373-7888"


def test_the_answer_it_has_not_ended_is_answered_at_once(catalog):
    convo = Conversation(catalog)
    runner = convo.runner
    answers = {"audience": "survivor", "trafficking_ended": "ongoing"}
    while (step := runner.current()) is not None and step.question.id != "trafficking_ended":
        q = step.question
        if q.id in answers:
            runner.answer(answers[q.id])
        elif q.kind == "year":
            runner.answer(2015)
        elif q.kind == "multiple":
            runner.answer(["none"] if "none" in q.codes else [q.codes[0]])
        elif q.kind == "text":
            runner.answer(None)
        elif q.options_from:
            runner.answer("NY")
        elif q.kind == "yes_no":
            runner.answer("no")
        else:
            runner.answer(q.codes[0])
    assert step is not None
    runner.answer("ongoing")
    assert convo.needs_safety_note(step)
    note = convo.safety_note("Press Ctrl+Q")
    assert HOTLINE in note[0] and "233733" in note[0] and "911" in note[0]
    assert note[1] == "You can leave this screen at any time. Press Ctrl+Q."
    assert "keep going" in note[2]
    runner.top["trafficking_ended"] = 2019  # a year instead: no note
    assert not convo.needs_safety_note(step)


def test_the_advocate_is_told_the_screen_can_be_cleared_for_their_client(catalog):
    """The leave line is for the person who may be in danger: an advocate hears it about their client."""
    convo = Conversation(catalog)
    convo.runner.answer("advocate")
    note = convo.safety_note("Press Ctrl+Q")
    assert note[1] == "If your client is with you, the screen can be cleared at any time. Press Ctrl+Q."
    assert "Your client can get help now" in note[0]


def test_the_results_and_every_export_lead_with_help(catalog):
    answers = answers_with({"jurisdiction": "NY"}, audience="survivor", trafficking_ended="ongoing")
    assessment = assess(catalog, answers, now=2026)
    for fmt in ("text", "markdown", "html"):
        out = render(assessment, catalog, fmt)
        assert HOTLINE in out[: out.index("not legal advice")], fmt  # before anything else is said
    assert HOTLINE in render(assessment, catalog, "json").split('"records"')[0] or '"safety": [' in render(
        assessment, catalog, "json"
    )
    ended = answers_with({"jurisdiction": "NY"}, audience="survivor", trafficking_ended=2016)
    calm = render(assess(catalog, ended, now=2026), catalog, "text")
    assert "If you are in danger right now" not in calm


def test_not_sure_whether_it_has_ended_gets_the_gentle_help_line_first(catalog):
    """Not sure may mean it has not ended (words review 8): the first screen's line, before the results."""
    answers = answers_with({"jurisdiction": "NY"}, audience="survivor", trafficking_ended="unsure")
    out = render(assess(catalog, answers, now=2026), catalog, "text")
    welcome = catalog.terms.safety.welcome.split("?")[0]  # "Not safe right now"
    assert welcome in out[: out.index("not legal advice")] and HOTLINE in out[: out.index("not legal advice")]
    assert "If you are in danger right now" not in out  # not the note for trafficking that has not ended
    advocate = render(assess(catalog, answers.model_copy(update={"audience": "advocate"}), now=2026), catalog, "text")
    first = advocate[: advocate.index("not legal advice")]
    assert "If your client may not be safe now" in first and HOTLINE in first  # the advocate's own voice


def test_a_comparison_for_someone_still_being_trafficked_leads_with_help_in_every_format(catalog):
    from assistant.core.compare import compare
    from assistant.render.export import comparison

    answers = answers_with({"jurisdiction": "NY"}, audience="advocate", trafficking_ended="ongoing")
    comp = compare(catalog, ["NY", "GA"], answers)
    for fmt in ("text", "markdown", "html"):
        out = comparison(catalog, comp, fmt, "advocate")
        assert HOTLINE in out[: out.lower().index("side by side")], fmt  # before the table
    assert HOTLINE in "".join(json.loads(comparison(catalog, comp, "json", "advocate"))["safety"])
    ended = compare(catalog, ["NY", "GA"], answers_with({"jurisdiction": "NY"}, trafficking_ended=2016))
    assert HOTLINE not in comparison(catalog, ended, "text", "advocate")


def test_batch_screening_puts_help_first_for_a_client_still_being_trafficked(catalog):
    from assistant.faces.screening import Screener

    screener = Screener(catalog)
    row = {
        "client_id": "A",
        "audience": "advocate",
        "trafficking_ended": "ongoing",
        "documentation": "none",
        "jurisdiction": "NY",
        "record": "conviction",
        "offense": "prostitution",
        "level": "misdemeanor",
        "connection": "forced",
        "year": "2020",
        "age": "adult",
        "pending_charges": "no",
        "label": "",
    }
    answers, problems = screener.problems(row)
    assert answers is not None, problems
    assert screener.result(answers)["main_reason"].startswith("Your client can get help now")
