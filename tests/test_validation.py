"""Broken data gets a message naming file, line, field, bad value and allowed values; never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.voice import VOICES
from assistant.data.catalog import load_catalog, validate_paths
from assistant.data.problems import DataInvalid
from assistant.models.common import VOICE_TOKENS
from tests.conftest import run_relief


def nm_text(data_copy: Path) -> str:
    return (data_copy / "states" / "NM.yaml").read_text()


def write_state(data_copy: Path, code: str, text: str) -> Path:
    path = data_copy / "states" / f"{code}.yaml"
    path.write_text(text)
    return path


def by_feature_field(path: Path, data_copy: Path) -> dict[str, str]:
    """Each problem's message by its last two field names ("nexus.must_show")."""
    return {
        p.field.rsplit(".", 2)[-2] + "." + p.field.rsplit(".", 1)[-1]: p.message
        for p in validate_paths([path], data_copy)
    }


def line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def only_problem(paths: list[Path], root: Path):
    problems = validate_paths(paths, root)
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_project_data_is_valid():
    result = run_relief("validate")
    assert result.returncode == 0, result.stderr
    assert "All data is valid" in result.stdout


def test_bad_yaml_syntax_names_the_line(data_copy: Path):
    text = nm_text(data_copy).replace("kind: state\n", "kind: [state\n", 1)
    path = write_state(data_copy, "NM", text)
    problem = only_problem([path], data_copy)
    assert problem.file == "states/NM.yaml"
    assert problem.message.startswith("not valid YAML")
    assert problem.line is not None and abs(problem.line - line_of(text, "kind: [state")) <= 2


def test_unknown_level_code_suggests_the_closest(data_copy: Path):
    text = nm_text(data_copy).replace("value: under_duress", "value: under_dures", 1)
    path = write_state(data_copy, "NM", text)
    problem = only_problem([path], data_copy)
    assert problem.field == "versions[0].features.nexus.value"
    assert problem.line == line_of(text, "value: under_dures")
    assert "'under_dures' is not a level of 'nexus'" in problem.message
    assert problem.allowed == (
        "under_duress",
        "direct_result",
        "while_victim",
        "proximate_cause",
        "as_a_result",
        "unknown",
    )
    assert problem.suggestion == "under_duress"
    formatted = problem.format()
    assert formatted.startswith(f"states/NM.yaml:{problem.line}: versions[0].features.nexus.value:")
    assert "did you mean 'under_duress'?" in formatted


def test_missing_citation_on_a_known_feature(data_copy: Path):
    text = nm_text(data_copy)
    start = text.index("      burden_of_proof:\n")
    block_end = text.index("      official_documentation:\n")
    burden = text[start:block_end]
    without = "\n".join(line for line in burden.splitlines() if "citation:" not in line) + "\n"
    text = text[:start] + without + text[block_end:]
    path = write_state(data_copy, "NM", text)
    problem = only_problem([path], data_copy)
    assert problem.field == "versions[0].features.burden_of_proof.citation"
    assert "needs the statute citation" in problem.message
    assert problem.line == line_of(text, "      burden_of_proof:")


def test_wrong_type_names_field_and_value(data_copy: Path):
    text = nm_text(data_copy).replace("total: 67", "total: sixty-seven", 1)
    path = write_state(data_copy, "NM", text)
    problem = only_problem([path], data_copy)
    assert problem.field == "versions[0].published_scores[0].total"
    assert problem.line == line_of(text, "total: sixty-seven")
    assert "'sixty-seven'" in problem.message and "integer" in problem.message


def test_misspelled_field_is_refused_with_a_suggestion(data_copy: Path):
    text = nm_text(data_copy).replace("    adult_relief: true", "    adult_releif: true", 1)
    path = write_state(data_copy, "NM", text)
    problems = validate_paths([path], data_copy)
    extra = next(p for p in problems if "adult_releif" in p.field)
    assert extra.suggestion == "adult_relief"
    assert "adult_relief" in extra.allowed
    missing = next(p for p in problems if p.field == "versions[0].adult_relief")
    assert "required field is missing" in missing.message


def test_duplicate_jurisdiction_code(data_copy: Path):
    write_state(data_copy, "XX", nm_text(data_copy))  # a copy that still says code: NM
    with pytest.raises(DataInvalid) as info:
        load_catalog(data_copy)
    messages = [p.format() for p in info.value.problems]
    assert any("states/XX.yaml:" in m and "code 'NM' is also used by states/NM.yaml" in m for m in messages), messages


def test_duplicate_key_in_one_mapping(data_copy: Path):
    text = nm_text(data_copy).replace("kind: state\n", "kind: state\nkind: district\n", 1)
    path = write_state(data_copy, "NM", text)
    problem = only_problem([path], data_copy)
    assert "the key 'kind' appears twice" in problem.message
    assert problem.line == line_of(text, "kind: district")


def test_empty_file(data_copy: Path):
    path = write_state(data_copy, "ZZ", "")
    problem = only_problem([path], data_copy)
    assert problem.file == "states/ZZ.yaml" and "the file is empty" in problem.message


def test_unknown_source_id(data_copy: Path):
    text = nm_text(data_copy).replace("sources: [card2019]", "sources: [card2091]", 1)
    path = write_state(data_copy, "NM", text)
    problem = only_problem([path], data_copy)
    assert "source 'card2091' is not in this file's sources" in problem.message
    assert problem.suggestion == "card2019"


def test_versions_must_be_in_date_order(data_copy: Path):
    text = (data_copy / "states" / "GA.yaml").read_text().replace("effective: 2022-05-09", "effective: 2019-01-01", 1)
    path = write_state(data_copy, "GA", text)
    problem = only_problem([path], data_copy)
    assert problem.field == "versions" and "oldest first" in problem.message


def test_rubric_maxima_must_match(data_copy: Path):
    path = data_copy / "rubric" / "polaris-2019.yaml"
    path.write_text(path.read_text().replace("max_points: 100", "max_points: 99", 1))
    problem = only_problem([path], data_copy)
    assert problem.field == "max_points" and "add up to 100" in problem.message


def test_features_and_details_must_agree(data_copy: Path):
    text = nm_text(data_copy).replace("value: explicit_conditions", "value: none", 1)
    path = write_state(data_copy, "NM", text)
    found = [p for p in validate_paths([path], data_copy) if p.field == "versions[0].details.conditions"]
    assert len(found) == 1 and "feature says no restrictive conditions" in found[0].message


def test_charges_are_listed_only_for_a_record_kind_reached_in_part(data_copy: Path):
    text = (data_copy / "states" / "CO.yaml").read_text()
    path = write_state(data_copy, "CO", text.replace("        arrest: some\n", "        arrest: covered\n"))
    found = [p for p in validate_paths([path], data_copy) if p.field.endswith("records.charges.arrest")]
    assert found and "details.records says arrest: covered" in found[0].message


def test_a_wait_for_one_kind_of_record_must_be_for_a_kind_the_law_reaches(data_copy: Path):
    text = (data_copy / "states" / "TX.yaml").read_text()
    wrong = text.replace("start: disposition, records: [dismissed]", "start: disposition, records: [arrest]", 1)
    path = write_state(data_copy, "TX", wrong)
    found = [p for p in validate_paths([path], data_copy) if "timing.waits[1].records" in p.field]
    assert found and "details.records says arrest: not_covered" in found[0].message


def test_a_condition_for_one_kind_of_record_must_be_for_a_kind_the_law_reaches(data_copy: Path):
    text = (data_copy / "states" / "ND.yaml").read_text()  # N.D.C.C. 12.1-41-14 reaches convictions only
    wrong = text.replace(
        "      conditions: []\n",
        "      conditions:\n        - {code: sentence_completed, text: A finished sentence., records: [arrest]}\n",
    )
    path = write_state(data_copy, "ND", wrong)
    found = [p for p in validate_paths([path], data_copy) if p.field.endswith("conditions[0].records[0]")]
    assert found and "details.records says arrest: not_covered" in found[0].message


def messages_after(data_copy: Path, code: str, old: str, new: str, field_part: str) -> list[str]:
    """The problems `relief validate` finds in a field after one edit to a state's file."""
    path = write_state(data_copy, code, (data_copy / "states" / f"{code}.yaml").read_text().replace(old, new))
    return [p.message for p in validate_paths([path], data_copy) if field_part in p.field]


def test_the_felony_classes_must_add_up_to_the_felony_line(data_copy: Path):
    # Every class reaching a drug felony, while the felony line says only some are reached
    covered = "offenses: {default: covered}"
    found = messages_after(data_copy, "CT", "offenses: {default: not_covered}", covered, "offenses.felony")
    assert "drug: the felony classes add up to 'covered', but the felony line says 'some'" in found


def test_having_and_selling_drugs_must_add_up_to_the_drug_line(data_copy: Path):
    # Virginia reaches possession and not sale: a drug line saying every drug charge is reached is refused
    old = "misdemeanor: {default: some, prostitution: covered, drug: some, theft: some}"
    new = "misdemeanor: {default: some, prostitution: covered, drug: covered, theft: some}"
    found = messages_after(data_copy, "VA", old, new, "offenses.misdemeanor")
    assert "drug: possession and sale add up to 'some', but the misdemeanor line says 'covered'" in found
    lone = messages_after(
        data_copy, "VA", "          sale: {misdemeanor: not_covered, felony: not_covered}\n", "", "drug_charges"
    )
    assert "give both kinds (possession and sale), or none" in lone


def test_each_felony_class_code_is_given_once(data_copy: Path):
    found = messages_after(data_copy, "CT", "code: class_b,", "code: class_a,", "offenses.felony_classes")
    assert "each class code once: class_a" in found


def test_a_routes_felony_classes_are_classes_of_the_law(data_copy: Path):
    found = messages_after(data_copy, "WA", "[class_b, class_c]", "[class_b, class_x]", "other_routes")
    assert "'class_x' is not one of details.offenses.felony_classes" in found


def test_which_cases_are_said_only_for_a_record_kind_reached_in_part(data_copy: Path):
    text = (data_copy / "states" / "TX.yaml").read_text()
    wrong = text.replace("        dismissed: some\n", "        dismissed: not_covered\n")
    path = write_state(data_copy, "TX", wrong)
    found = [p for p in validate_paths([path], data_copy) if p.field.endswith("records.which.dismissed")]
    assert found and "details.records says dismissed: not_covered" in found[0].message


def test_only_the_nexus_may_say_how_dates_meet_its_test(data_copy: Path):
    text = (data_copy / "states" / "FL.yaml").read_text()
    moved = text.replace("        meets_during: {because: possibly}\n", "", 1).replace(
        "      time_limits:\n", "      time_limits:\n        meets_during: {because: likely}\n", 1
    )
    path = write_state(data_copy, "FL", moved)
    found = [p for p in validate_paths([path], data_copy) if p.field.endswith("time_limits.meets_during")]
    assert found and "only the nexus" in found[0].message


def test_a_routes_own_link_test_must_be_a_nexus_level_with_its_words(data_copy: Path):
    text = (data_copy / "states" / "GA.yaml").read_text().replace("nexus: direct_result\n", "nexus: direct\n", 1)
    path = write_state(data_copy, "GA", text)
    found = [p for p in validate_paths([path], data_copy) if p.field.endswith(".nexus") and "route" in p.message]
    assert found and found[0].suggestion == "direct_result"


def test_every_command_refuses_bad_data_with_the_same_message(data_copy: Path):
    write_state(data_copy, "NM", nm_text(data_copy).replace("value: under_duress", "value: under_dures", 1))
    env = {"RELIEF_DATA_DIR": str(data_copy)}
    outputs = []
    for args in (("validate",), ("score",), ("states",)):
        result = run_relief(*args, env=env)
        assert result.returncode == 1, args
        assert "Traceback" not in result.stderr
        assert "states/NM.yaml:" in result.stderr and "did you mean 'under_duress'?" in result.stderr
        outputs.append(result.stderr.splitlines()[0])
    assert len(set(outputs)) == 1


def test_validate_a_single_good_file():
    result = run_relief("validate", "states/NM.yaml")
    assert result.returncode == 0 and "No problems found in states/NM.yaml" in result.stdout


def test_validate_a_missing_path():
    result = run_relief("validate", "states/QQ.yaml")
    assert result.returncode == 1 and "states/QQ.yaml: no such file or folder" in result.stderr


def test_a_filing_for_one_kind_of_record_must_be_for_a_kind_its_remedy_reaches(data_copy: Path):
    path = data_copy / "guides" / "OH.yaml"
    path.write_text(
        path.read_text().replace("    records: [conviction]\n", "    records: [juvenile_adjudication]\n", 1)
    )
    found = [p for p in validate_paths([path], data_copy) if p.field.endswith("routes[0].records[0]")]
    assert found and "does not reach them" in found[0].message


def test_what_the_person_must_show_is_said_only_for_the_nexus_and_in_known_words(data_copy: Path):
    text = (data_copy / "states" / "WA.yaml").read_text()
    # on the burden of proof: refused; on the nexus with a brace word no voice fills: refused
    wrong = text.replace(
        "        value: preponderance\n        quote: proving",
        "        value: preponderance\n        must_show: anything\n        quote: proving",
        1,
    )
    wrong = wrong.replace(
        "        value: as_a_result\n", "        value: as_a_result\n        must_show: '{You} must show {thing}.'\n", 1
    )
    assert wrong.count("must_show:") == 2
    path = write_state(data_copy, "WA", wrong)
    found = by_feature_field(path, data_copy)
    assert "only the nexus" in found["burden_of_proof.must_show"]
    assert "['thing']" in found["nexus.must_show"] and "{You}" not in found["nexus.must_show"]


def test_a_condition_speaks_to_the_person_only_in_words_a_voice_fills(data_copy: Path):
    text = (data_copy / "states" / "MI.yaml").read_text()
    wrong = text.replace("pending against {you}.", "pending against {the_person}.", 1)
    assert wrong != text
    path = write_state(data_copy, "MI", wrong)
    found = [p for p in validate_paths([path], data_copy) if p.field.endswith(".text") and "conditions" in p.field]
    assert found and "['the_person']" in found[0].message


def test_the_voices_fill_the_same_words_the_data_may_use():
    assert all(set(words) == VOICE_TOKENS for words in VOICES.values())


def test_what_applies_in_practice_is_said_only_for_the_burden_or_the_hearing(data_copy: Path):
    text = (data_copy / "states" / "WA.yaml").read_text()
    # on the nexus: refused; on the burden of proof without a note on its source: refused
    wrong = text.replace(
        "        value: as_a_result\n", "        value: as_a_result\n        in_practice: anything\n", 1
    )
    wrong = wrong.replace(
        "        value: preponderance\n        quote: proving",
        "        value: preponderance\n        in_practice: anything\n        quote: proving",
        1,
    )
    assert wrong.count("in_practice: anything") == 2
    path = write_state(data_copy, "WA", wrong)
    found = by_feature_field(path, data_copy)
    assert "only the burden of proof and the hearing" in found["nexus.in_practice"]
    assert "needs a note" in found["burden_of_proof.note"]


def test_a_reading_for_some_kinds_of_record_is_a_part_of_the_process_for_kinds_the_law_reaches(data_copy: Path):
    # Ohio's hearing was read from the conviction route (R.C. 2953.36) only
    original = (data_copy / "states" / "OH.yaml").read_text()
    hearing = "        value: required_in_person\n        records: [conviction]\n"
    assert hearing in original

    def problems(old: str, new: str, field_part: str) -> str:
        write_state(data_copy, "OH", original)
        return " ".join(messages_after(data_copy, "OH", old, new, field_part))

    juvenile = hearing.replace("[conviction]", "[juvenile_adjudication]")
    assert "is not a kind of record any of this law's routes reaches" in problems(hearing, juvenile, "hearing.records")
    every = hearing.replace("[conviction]", "[arrest, dismissed, conviction]")
    assert "leave 'records' out" in problems(hearing, every, "hearing.records")
    nexus = "      nexus:\n        value: as_a_result\n"
    assert "can be read for some kinds of record" in problems(nexus, nexus + "        records: [conviction]\n", "nexus")
    assert problems(hearing, hearing, "records") == ""  # as the data has it
