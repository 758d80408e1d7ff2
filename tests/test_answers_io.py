"""The answers file: a public contract; bad files get messages naming field, value and what is allowed."""

from __future__ import annotations

import json

import pytest

from assistant.data.answers_io import answers_text, parse_answers
from assistant.data.problems import InputInvalid as DataInvalid
from assistant.models.answers import Answers, felony_class_code

GOOD = """\
audience: survivor
trafficking_ended: 2016
documentation: [t_visa]
records:
  - jurisdiction: NM
    record: conviction
    offense: theft
    level: felony
    connection: because
    year: 2014
    age: adult
    pending_charges: "no"
"""


def parse(text, catalog):
    return parse_answers(text, "answers.yaml", list(catalog.jurisdictions))


def problems(text, catalog):
    with pytest.raises(DataInvalid) as info:
        parse(text, catalog)
    return info.value.problems


def test_good_file_reads(catalog):
    answers = parse(GOOD, catalog)
    assert answers.records[0].jurisdiction == "NM" and answers.records[0].pending_charges == "no"


def test_json_reads_the_same(catalog):
    import yaml

    as_json = json.dumps(yaml.safe_load(GOOD))
    assert parse(as_json, catalog) == parse(GOOD, catalog)


def test_bare_yes_no_is_understood(catalog):
    assert parse(GOOD.replace('"no"', "no"), catalog).records[0].pending_charges == "no"


def test_pending_charges_defaults_to_unsure(catalog):
    assert parse(GOOD.replace('    pending_charges: "no"\n', ""), catalog).records[0].pending_charges == "unsure"


def test_unknown_value_names_field_value_allowed_and_closest(catalog):
    (p,) = problems(GOOD.replace("offense: theft", "offense: thief"), catalog)
    assert p.field == "records[0].offense" and p.line == 7
    assert "'thief' is not an allowed value" in p.message
    assert "theft" in p.allowed and p.suggestion == "theft"


def test_unknown_key_is_refused_with_the_closest(catalog):
    messages = [x.format() for x in problems(GOOD.replace("    age: adult", "    agee: adult"), catalog)]
    assert any("'agee' is not a field" in m and "did you mean 'age'?" in m for m in messages)


def test_unknown_jurisdiction_lists_the_valid_codes(catalog):
    (p,) = problems(GOOD.replace("jurisdiction: NM", "jurisdiction: NX"), catalog)
    assert "'NX' is not a jurisdiction we have" in p.message
    assert set(p.allowed) == set(catalog.jurisdictions) and p.suggestion in ("NM", "NY", "NV")


def test_year_out_of_range(catalog):
    (p,) = problems(GOOD.replace("year: 2014", "year: 1890"), catalog)
    assert p.field == "records[0].year" and "between 1950" in p.message


def test_expect_is_reserved_and_ignored(catalog):
    assert parse(GOOD + "expect:\n  - verdict: [likely_eligible]\n", catalog) == parse(GOOD, catalog)


def test_empty_and_broken_files(catalog):
    assert "empty" in problems("", catalog)[0].message
    assert problems("audience: [survivor\n", catalog)[0].message.startswith("not valid YAML")
    assert "mapping" in problems("- a\n- b\n", catalog)[0].message


def test_every_problem_is_reported_at_once(catalog):
    bad = GOOD.replace("offense: theft", "offense: thief").replace("audience: survivor", "audience: lawyer")
    assert {p.field for p in problems(bad, catalog)} == {"records[0].offense", "audience"}


def test_written_answers_read_back_identically(catalog):
    answers = parse(GOOD, catalog)
    for fmt in ("yaml", "json"):
        assert parse(answers_text(answers, fmt), catalog) == answers


def test_the_shipped_json_schema_is_current():
    from assistant.data.schemas import SCHEMAS

    assert SCHEMAS["flows/answers.schema.json"] is Answers


def test_a_felony_class_must_be_one_of_its_places_classes(catalog):
    classes = catalog.felony_class_codes()

    def with_class(place, level, given):
        text = GOOD.replace("jurisdiction: NM", f"jurisdiction: {place}").replace("level: felony", f"level: {level}")
        return text.replace("    connection:", f"    felony_class: {given}\n    connection:")

    def read(text):
        return parse_answers(text, "answers.yaml", list(catalog.jurisdictions), classes).records[0].felony_class

    assert read(with_class("CT", "felony", "class_d")) == "class_d"
    assert read(with_class("CT", "felony", "D")) == read(with_class("CT", "felony", "Class D")) == "class_d"
    # Ohio's degrees as papers and sheets write them; a bare number stays a class number (Illinois' Class 4)
    for written in ("F4", "f-4", "4th degree", "fourth degree", "felony of the fourth degree"):
        assert read(with_class("OH", "felony", f'"{written}"')) == "class_f4", written
    assert felony_class_code("4") == "class_4"
    with pytest.raises(DataInvalid) as info:
        parse_answers(with_class("CT", "felony", "class_dd"), "answers.yaml", list(catalog.jurisdictions), classes)
    (typo,) = info.value.problems
    assert typo.field == "records[0].felony_class" and typo.line == 9
    assert "'class_dd' is not a felony class of CT's law" in typo.message and typo.suggestion == "class_d"
    # A class is a true fact where it is not used: a place whose law does not go by class, a misdemeanor
    assert read(with_class("NM", "felony", "class_d")) == "class_d"
    assert read(with_class("CT", "misdemeanor", "class_d")) == "class_d"
