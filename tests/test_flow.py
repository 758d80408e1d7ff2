"""The screening flow as data, and the runner that walks it."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from assistant.core.flow import AnswerError, FlowRunner, jurisdiction_choices
from assistant.data.catalog import load_catalog
from assistant.data.problems import DataInvalid
from assistant.models.answers import Answers
from assistant.models.common import UNSURE
from tests.reading_level import grade


@pytest.fixture
def runner(catalog):
    names = jurisdiction_choices([(j.code, j.name) for j in catalog.jurisdictions.values()])
    return FlowRunner(catalog.flow, names, catalog.felony_classes(), catalog.law_lists())


def simple_value(q, chosen=None, runner=None, step=None):
    if chosen is not None:
        return chosen
    if q.options_from == "felony_classes":
        return runner.options_for(q, runner.context(step))[0][0]
    if q.kind == "year":
        return 2015
    if q.kind == "text":
        return "note"
    if q.kind == "multiple":
        return [q.options[0].code]
    if q.loop:
        return "no"
    return q.codes[0] if q.options else "NM"


def drive(runner, choices, records=1, limit=200):
    """Answer until finished: `choices` by question id, the loop 'yes' until `records` exist."""
    asked = []
    for _ in range(limit):
        step = runner.current()
        if step is None:
            return asked
        q = step.question
        asked.append(q.id)
        if q.loop:
            runner.answer("yes" if len(runner.records) < records else "no")
        else:
            runner.answer(simple_value(q, choices.get(q.id), runner, step))
    raise AssertionError("the conversation did not end")


def test_every_path_reaches_the_end_and_every_question_is_reachable(catalog, runner):
    flow = catalog.flow
    # Only answers that conditions read can change the path; try every value of each (and unsure).
    deciding = sorted({q.when.answer for q in flow.questions if q.when is not None})
    assert deciding, "expected some conditional questions"
    values = [[*flow.question(d).codes, UNSURE] for d in deciding]
    reached: set[str] = set()
    # The place decides too: the felony class is asked only where the law reaches felonies by class, the
    # kind of drug charge only where the law tells having drugs from selling them
    for place, combo in itertools.product(("NM", "CT", "VA"), itertools.product(*values)):
        for records in (1, 2):
            runner.restart()
            asked = drive(runner, {"jurisdiction": place, **dict(zip(deciding, combo, strict=True))}, records=records)
            assert runner.finished
            reached.update(asked)
            runner.to_answers()  # a finished conversation always makes a valid answers file
    assert reached == {q.id for q in flow.questions}


def test_the_kind_of_drug_charge_is_asked_only_where_the_law_tells_them_apart(runner):
    drive_to = {"audience": "survivor", "record": "conviction", "level": "misdemeanor"}
    for place, offense, asked in (("VA", "drug", True), ("VA", "theft", False), ("NM", "drug", False)):
        runner.restart()
        ids = drive(runner, {**drive_to, "jurisdiction": place, "offense": offense})
        assert ("drug_charge" in ids) is asked, (place, offense)
    # nor for a kind of record the law does not reach (Virginia's law reaches no arrest)
    runner.restart()
    assert "drug_charge" not in drive(runner, {**drive_to, "jurisdiction": "VA", "offense": "drug", "record": "arrest"})
    runner.restart()
    drive(runner, {**drive_to, "jurisdiction": "VA", "offense": "drug", "drug_charge": "possession"})
    assert runner.to_answers().records[0].drug_charge == "possession"
    # A place whose law does not tell them apart does not keep the answer, and says so
    jurisdiction = next(s for s in runner.steps() if s.question.id == "jurisdiction")
    dropped = runner.answer("NM", jurisdiction)
    assert [(d.question_id, d.value) for d in dropped] == [("drug_charge", "possession")]
    assert runner.to_answers().records[0].drug_charge is None


def test_the_felony_class_is_asked_only_where_the_law_reaches_felonies_by_class(runner):
    drive_to = {"audience": "advocate", "label": None, "record": "conviction", "offense": "drug"}
    for place, level, asked in (("CT", "felony", True), ("CT", "misdemeanor", False), ("NM", "felony", False)):
        runner.restart()
        ids = drive(runner, {**drive_to, "jurisdiction": place, "level": level})
        assert ("felony_class" in ids) is asked, (place, level)
    runner.restart()
    drive(runner, {**drive_to, "jurisdiction": "CT", "level": "felony", "felony_class": "class_d"})
    assert runner.to_answers().records[0].felony_class == "class_d"
    # Another place's classes are not this one's: a class code of Connecticut is refused for Washington
    question = runner.flow.question("felony_class")
    with pytest.raises(AnswerError, match="class_a, class_b, class_c"):
        runner.check(question, "class_d", {"jurisdiction": "WA"})
    assert runner.check(question, "class_d", {"jurisdiction": "CT"}) == "class_d"
    # Moving the record to a place with other classes drops the class, and says so
    jurisdiction = next(s for s in runner.steps() if s.question.id == "jurisdiction")
    dropped = runner.answer("WA", jurisdiction)
    assert [(d.question_id, d.value) for d in dropped] == [("felony_class", "class_d")]
    assert runner.current().question.id == "felony_class"
    assert [c for c, _ in runner.options_for(runner.current().question, runner.context(runner.current()))] == [
        "class_a",
        "class_b",
        "class_c",
    ]


def test_every_condition_reads_only_answers_given_before_it(catalog):
    seen: set[str] = set()
    for q in catalog.flow.questions:
        if q.when is not None:
            assert q.when.answer in seen, q.id
        seen.add(q.id)


def test_a_condition_on_a_later_answer_is_refused(data_copy: Path):
    path = data_copy / "flows" / "screening.yaml"
    text = path.read_text().replace(
        "when: {answer: audience, none_of: [survivor]}", "when: {answer: documentation, none_of: [none]}", 1
    )
    path.write_text(text)
    with pytest.raises(DataInvalid) as info:
        load_catalog(data_copy)
    (problem,) = info.value.problems
    assert "'documentation' is not a question asked before 'label'" in problem.message
    assert problem.file == "flows/screening.yaml" and problem.line is not None


def test_a_condition_comparing_to_a_code_that_does_not_exist(data_copy: Path):
    path = data_copy / "flows" / "screening.yaml"
    path.write_text(
        path.read_text().replace(
            "when: {answer: audience, one_of: [advocate]}", "when: {answer: audience, one_of: [advocat]}", 1
        )
    )
    with pytest.raises(DataInvalid) as info:
        load_catalog(data_copy)
    (problem,) = info.value.problems
    assert "'advocat' is not an answer to 'audience'" in problem.message and problem.suggestion == "advocate"


def test_words_for_an_answer_that_does_not_exist_are_refused(data_copy: Path):
    path = data_copy / "flows" / "screening.yaml"
    path.write_text(
        path.read_text().replace("        conviction: What year was the conviction?", "        convicton: x", 1)
    )
    with pytest.raises(DataInvalid) as info:
        load_catalog(data_copy)
    (problem,) = info.value.problems
    assert "'convicton' is not an answer to 'record'" in problem.message and problem.suggestion == "conviction"


def test_the_year_question_names_the_kind_of_record_once_known(catalog):
    from assistant.core.conversation import Conversation

    convo = Conversation(catalog)
    runner = convo.runner
    while (step := runner.current()) is not None and step.question.id != "year":
        q = step.question
        answers = {"audience": "survivor", "jurisdiction": "NM", "record": "conviction"}
        runner.answer(answers.get(q.id) if q.id in answers else (q.codes[0] if q.codes else None))
    assert step is not None and convo.question_text(step) == "What year was the conviction?"
    runner.records[0]["record"] = "unsure"
    assert convo.question_text(step) == "What year was the arrest, charge or conviction?"


def test_ohios_felony_question_asks_for_the_degree_its_papers_show(catalog):
    from assistant.core.conversation import Conversation

    convo = Conversation(catalog)
    runner = convo.runner
    given = {"audience": "survivor", "jurisdiction": "OH", "record": "conviction", "level": "felony"}
    while (step := runner.current()) is not None and step.question.id != "felony_class":
        q = step.question
        runner.answer(given.get(q.id) if q.id in given else (q.codes[0] if q.codes else None))
    assert step is not None and '"F4"' in convo.question_text(step)
    labels = [c.label for c in convo.choices(step.question, step)]
    assert labels[:2] == ["First-degree felony (F1)", "Second-degree felony (F2)"]
    runner.records[0]["jurisdiction"] = "TN"
    assert '"Class D"' in convo.question_text(step)


def test_flow_codes_match_the_answers_file_contract(catalog):
    for q in catalog.flow.questions:
        field = Answers.model_fields.get(q.id) or Answers.model_fields["records"]
        assert field is not None
    record_fields = {
        "jurisdiction",
        "record",
        "offense",
        "level",
        "felony_class",
        "drug_charge",
        "connection",
        "year",
        "age",
        "pending_charges",
        "label",
    }
    assert {q.id for q in catalog.flow.group if not q.loop} == record_fields


def test_survivor_voice_reads_at_grade_8_or_below(catalog):
    pieces = []
    for q in catalog.flow.questions:
        own = [q.text("survivor"), q.why("survivor")]
        assert grade(" ".join(own)) <= 10, (q.id, grade(" ".join(own)))
        pieces += own + [o.label("survivor").rstrip(".") + "." for o in [*q.options, *q.extra_years]]
    assert grade(" ".join(pieces)) <= 8
    terms = catalog.terms
    result_text = [t.effect + " " + t.immigration for t in terms.relief_types.values()]
    result_text += [*terms.burdens.values(), terms.disclaimer("survivor")]
    result_text += [v.summary.format(name="Ohio", law="Ohio's law") for v in terms.verdicts.values()]
    assert grade(" ".join(result_text)) <= 8


def test_every_question_accepts_unsure(runner):
    while (step := runner.current()) is not None:
        if step.question.kind == "text":
            runner.answer(None)
            continue
        runner.answer("no" if step.question.loop else UNSURE)
    answers = runner.to_answers()
    assert answers.trafficking_ended == "unsure" and answers.records[0].offense == "unsure"


def test_answers_are_checked_with_a_message_that_says_what_fits(runner):
    with pytest.raises(AnswerError, match="choose one of: survivor, advocate, trainer, unsure"):
        runner.answer("lawyer")
    runner.answer("advocate")
    runner.answer("Denver 2014")  # label
    runner.answer("NM")
    runner.answer("conviction")
    runner.answer("theft")
    runner.answer("felony")
    runner.answer("because")
    with pytest.raises(AnswerError, match="year between 1950"):
        runner.answer("1890")
    with pytest.raises(AnswerError, match="type a year"):
        runner.answer("last year")
    runner.answer("2014")
    assert runner.records[0]["year"] == 2014


def test_multiple_choice_none_and_unsure_stand_alone(runner, catalog):
    q = catalog.flow.question("documentation")
    assert runner.check(q, ["t_visa", "certification"]) == ["t_visa", "certification"]
    with pytest.raises(AnswerError, match="cannot be picked together"):
        runner.check(q, ["none", "t_visa"])
    with pytest.raises(AnswerError, match="at least one"):
        runner.check(q, [])


def test_back_then_answer_returns_to_where_we_were(runner):
    drive_to = ["survivor", "NM", "conviction"]
    for value in drive_to:
        runner.answer(value)
    assert runner.current().question.id == "offense"
    back = runner.back()
    assert back.question.id == "record" and runner.value(back) == "conviction"
    runner.answer("arrest")
    assert runner.current().question.id == "offense"
    assert runner.records[0]["record"] == "arrest"


def test_back_at_the_first_question_stays(runner):
    assert runner.back() is None
    assert runner.current().question.id == "audience"


def test_changing_an_answer_keeps_what_still_applies_and_reports_what_it_drops(runner):
    drive(runner, {"audience": "advocate", "record": "conviction", "age": "adult"})
    assert runner.finished
    assert runner.records[0]["label"] == "note" and runner.records[0]["age"] == "adult"
    runner.edit(("record", 0))
    dropped = runner.answer("juvenile_adjudication")
    assert [(d.question_id, d.value) for d in dropped] == [("age", "adult")]  # age is not asked then
    assert runner.finished  # everything else still applies and is kept
    assert runner.to_answers().records[0].age == "minor"  # implied by the flow's `otherwise`
    runner.edit(("audience", None))
    dropped = runner.answer("survivor")
    assert {(d.question_id, d.record) for d in dropped} == {("label", 0), ("notes", None)}
    assert runner.finished


def test_saying_no_more_records_drops_the_later_ones_and_says_so(runner):
    drive(runner, {"audience": "survivor"}, records=2)
    assert len(runner.records) == 2
    runner.edit(("another_record", 0))
    dropped = runner.answer("no")
    assert len(runner.records) == 1
    assert {d.record for d in dropped} == {1} and any(d.question_id == "jurisdiction" for d in dropped)


def test_progress_grows_and_reaches_the_end(runner):
    seen = []
    while not runner.finished:
        seen.append(runner.progress())
        step = runner.current()
        runner.answer(simple_value(step.question))
    done, total = runner.progress()
    assert done == total and [a for a, _ in seen] == sorted(a for a, _ in seen)


def test_answers_file_round_trip_replays_the_conversation(runner, catalog):
    drive(runner, {"audience": "advocate", "offense": "drug"}, records=2)
    answers = runner.to_answers()
    replay = FlowRunner.from_answers(catalog.flow, runner.jurisdictions, answers)
    assert replay.finished
    assert replay.to_answers() == answers
    assert len(replay.records) == 2


def test_remove_a_record(runner):
    drive(runner, {"audience": "survivor"}, records=3)
    runner.remove_record(2)
    assert len(runner.records) == 2 and runner.finished
    with pytest.raises(AnswerError):
        runner.remove_record(5)
