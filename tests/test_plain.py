"""Plain mode (relief --plain): years typed as years, lines wrapped at word boundaries, end of input said."""

from __future__ import annotations

import io

import pytest

from assistant.faces.plain import END_OF_INPUT, YEAR_HINT, EndOfInput, PlainSession, wrap
from tests.conftest import run_relief

TO_THE_YEAR = ["1", "new mexico", "3", "4", "2", "2"]  # survivor; NM; conviction, theft, felony, because


def session(catalog, lines, width=80):
    replies = iter(lines)

    def read() -> str:
        try:
            return next(replies)
        except StopIteration:
            raise EndOfInput from None

    out = io.StringIO()
    plain = PlainSession(catalog, read, out, width)
    return plain, out


def test_the_hotline_is_said_before_the_first_question(catalog):
    """Whether the trafficking has ended is asked after the records: where to get help now comes first."""
    plain, out = session(catalog, [])
    plain.run()
    text = " ".join(out.getvalue().split())
    welcome = " ".join(catalog.terms.safety.welcome.split())
    assert "1-888-373-7888" in welcome and welcome in text
    assert text.index(welcome) < text.index("Who are you using this for?")


def test_a_year_typed_as_a_year_is_accepted(catalog):
    plain, out = session(catalog, [*TO_THE_YEAR, "2016"])
    plain.run()
    assert plain.conversation.runner.records[0]["year"] == 2016
    assert YEAR_HINT not in out.getvalue()


def test_a_two_digit_year_is_asked_again_with_four_digits(catalog):
    plain, out = session(catalog, [*TO_THE_YEAR, "16", "2016"])
    plain.run()
    text = out.getvalue()
    hint = YEAR_HINT[:1].upper() + YEAR_HINT[1:]
    assert f"That answer doesn't fit. {hint}, or 1 for a choice." in " ".join(text.split())
    assert plain.conversation.runner.records[0]["year"] == 2016


def test_a_choice_number_still_picks_a_choice_at_a_year_question(catalog):
    plain, _ = session(catalog, [*TO_THE_YEAR, "1"])  # 1. I'm not sure
    plain.run()
    assert plain.conversation.runner.records[0]["year"] == "unsure"


@pytest.mark.parametrize("width", [40, 80])
def test_long_lines_wrap_at_word_boundaries(catalog, width):
    answers = [*TO_THE_YEAR, "2014", "1", "2", "2", "2016", "6"]
    plain, out = session(catalog, answers, width)
    plain.run()
    text = out.getvalue()
    assert "RECORD 1" in text  # the whole report was printed
    words = set(" ".join(wrap_source(catalog, answers)).split())
    for line in text.splitlines():
        assert len(line) <= width or " " not in line.strip(), line  # only a single overlong word may pass
        for word in line.split():
            assert word in words or not word.isalpha(), word  # no word was cut in two


def wrap_source(catalog, answers):
    """The same conversation without wrapping: every word as it was written."""
    plain, out = session(catalog, answers, 10_000)
    plain.run()
    return out.getvalue().splitlines()


def test_wrapped_list_items_hang_under_their_words():
    text = "  - " + "word " * 30
    lines = wrap(text.rstrip(), 40).splitlines()
    assert lines[0].startswith("  - word") and all(line.startswith("    word") for line in lines[1:])


def test_end_of_input_is_said_in_one_line():
    result = run_relief("--plain", stdin="1\nnew mexico\n")
    assert result.returncode == 0
    last = result.stdout.rstrip().splitlines()[-1]
    assert last == END_OF_INPUT[False]
    assert len(last) <= 80


def test_end_of_input_after_the_results(catalog):
    plain, out = session(catalog, [*TO_THE_YEAR, "2014", "1", "2", "2", "2016", "6"])
    assert plain.run() == 0
    assert out.getvalue().rstrip().splitlines()[-1] == END_OF_INPUT[True]


TO_THE_SAVE = [*TO_THE_YEAR, "2014", "1", "2", "2", "2016", "6"]  # ... and the results, then the save question


@pytest.mark.parametrize(
    ("typed", "written", "starts"),
    [
        ("out.md", "out.md", "# Your results"),
        ("out.html", "out.html", "<!doctype html>"),
        ("out", "out.txt", "YOUR RESULTS"),
    ],
)
def test_the_summary_is_saved_in_the_format_its_name_says(catalog, tmp_path, typed, written, starts):
    plain, out = session(catalog, [*TO_THE_SAVE, str(tmp_path / typed)])
    plain.run()
    assert (tmp_path / written).read_text().startswith(starts)
    assert f"Saved to {tmp_path / written}. Only your user account on this computer can open it." in " ".join(
        out.getvalue().split()
    )


def test_an_existing_file_is_replaced_only_after_a_yes(catalog, tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("keep me")
    plain, out = session(catalog, [*TO_THE_SAVE, str(target), ""])
    plain.run()
    assert target.read_text() == "keep me" and "Not saved." in out.getvalue()
    plain, out = session(catalog, [*TO_THE_SAVE, str(target), "yes"])
    plain.run()
    assert target.read_text().startswith("YOUR RESULTS")


def test_a_name_for_another_format_is_refused(catalog, tmp_path):
    plain, out = session(catalog, [*TO_THE_SAVE, str(tmp_path / "out.json")])
    plain.run()
    assert "Not saved: this can be saved as .txt, .md, .html, not .json." in " ".join(out.getvalue().split())
    assert list(tmp_path.iterdir()) == []


def test_a_number_that_is_not_a_choice_is_told_what_would_fit(catalog):
    plain, out = session(catalog, ["9", "1"])  # four choices at the first question (with "not sure")
    plain.run()
    said = " ".join(out.getvalue().split())  # lines wrap at word boundaries
    assert "That answer doesn't fit. '9' is not one of the choices. Type a number from 1 to 4." in said
    assert plain.conversation.runner.top["audience"] == "survivor"


def test_not_sure_about_another_record_says_what_it_does_and_goes_on(catalog):
    """'Not sure' at 'add another record?' is taken as no: the choice says so, and the questions go on."""
    plain, out = session(catalog, [*TO_THE_YEAR, "2014", "1", "2", "3", "2016", "6"])  # 3: not sure
    plain.run()
    said = " ".join(out.getvalue().split())
    assert "3. I'm not sure, so that's all for now" in said
    assert len(plain.conversation.runner.records) == 1
    assert plain.results_shown


def test_an_unsure_label_needs_an_unsure_meaning():
    from pydantic import ValidationError

    from assistant.models.flow import Question

    with pytest.raises(ValidationError, match="unsure_label is for a question"):
        Question.model_validate(
            {"id": "x", "kind": "yes_no", "text": "Q?", "why": "W.", "unsure_label": "Not sure, so no"}
        )


def test_a_number_not_on_the_list_of_places_is_told_as_a_number(catalog):
    plain, out = session(catalog, ["1", "99", "texas"])
    plain.run()
    said = " ".join(out.getvalue().split())
    assert "99 is not one of the choices. Type a number from 1 to" in said and "a code like TX" in said
    assert plain.conversation.runner.records[0]["jurisdiction"] == "TX"


def test_answers_are_taken_as_people_write_them(catalog):
    """Words review 8: 'not sure' as printed, a synonym ('fraud'), the start of a choice's words ('hurting
    someone'), Ohio's 'F3', and a typo in a place's name ('Ohoi'), echoed so a screen-reader user hears it."""
    plain, out = session(catalog, ["1", "Ohoi", "conviction", "not sure"])
    plain.run()
    rec = plain.conversation.runner.records[0]
    assert rec["jurisdiction"] == "OH" and rec["offense"] == "unsure"
    assert "Taken as Ohio (OH)." in out.getvalue()
    for typed, offense in (("fraud", "fraud_identity"), ("hurting someone", "violent"), ("Drugs.", "drug")):
        plain, _ = session(catalog, ["1", "ohio", "conviction", typed])
        plain.run()
        assert plain.conversation.runner.records[0]["offense"] == offense, typed
    plain, _ = session(catalog, ["1", "ohio", "conviction", "theft", "felony", "F3"])
    plain.run()
    assert plain.conversation.runner.records[0]["felony_class"] == "class_f3"


def test_an_empty_answer_is_told_what_to_type(catalog):
    plain, out = session(catalog, ["", "1"])
    plain.run()
    said = " ".join(out.getvalue().split())
    assert "That answer doesn't fit. Type a number from 1 to 4. Please try again." in said


def test_more_answers_as_people_write_them(catalog):
    """Words review 9: 'not sure' at the papers question is one answer, not 'not' and 'sure'; a word inside a
    choice ('assault' in '(like assault or robbery)'); 'hasn't ended' at the year question; a place's code is
    said back ('hi' is Hawaii)."""
    # survivor; NY; conviction, prostitution, misdemeanor, forced; 2016; adult; no open case; no more; ended 2016
    to_papers = ["1", "new york", "3", "1", "1", "1", "2016", "1", "2", "2", "2016"]
    plain, out = session(catalog, [*to_papers, "not sure"])
    plain.run()
    assert plain.conversation.runner.top["documentation"] == ["unsure"]
    plain, _ = session(catalog, ["1", "ohio", "3", "assault"])
    plain.run()
    assert plain.conversation.runner.records[0]["offense"] == "violent"
    plain, _ = session(catalog, [*to_papers[:-1], "hasn't ended"])
    plain.run()
    assert plain.conversation.runner.top["trafficking_ended"] == "ongoing"
    plain, out = session(catalog, ["1", "hi"])
    plain.run()
    assert plain.conversation.runner.records[0]["jurisdiction"] == "HI" and "Taken as Hawaii (HI)." in out.getvalue()
    plain, out = session(catalog, ["1", "not sure"])
    plain.run()
    assert plain.conversation.runner.records[0]["jurisdiction"] == "unsure" and "Taken as" not in out.getvalue()
