"""The condition language: parsed by our own small parser, never by Python's eval."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.conditions import ConditionError, comparisons, evaluate, names, parse


@pytest.mark.parametrize(
    ("text", "answers", "expected"),
    [
        ("audience == 'advocate'", {"audience": "advocate"}, True),
        ("audience != 'survivor'", {"audience": "trainer"}, True),
        ("audience != 'survivor'", {}, True),  # not answered reads as None
        ("record in ['arrest', 'dismissed']", {"record": "dismissed"}, True),
        ("record not in ['arrest', 'dismissed']", {"record": "dismissed"}, False),
        ("not (record == 'conviction' or age == 'minor')", {"record": "arrest", "age": "adult"}, True),
        ("a == 'x' and b == 'y' or c == 'z'", {"c": "z"}, True),  # and binds tighter than or
        ("documentation in ['t_visa']", {"documentation": ["none", "t_visa"]}, True),
        ("year == 2015", {"year": 2015}, True),
    ],
)
def test_evaluates(text, answers, expected):
    assert evaluate(parse(text), answers) is expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "audience ==",
        "__import__('os').system('x')",
        "audience == 'a' ;",
        "record in 'arrest'",
        "(audience == 'a'",
        "audience === 'a'",
        "lambda: 1",
    ],
)
def test_refuses_anything_outside_the_grammar(text):
    with pytest.raises(ConditionError):
        parse(text)


def test_reports_names_and_compared_constants():
    node = parse("audience != 'survivor' and record in ['arrest', 'conviction']")
    assert sorted(names(node)) == ["audience", "record"]
    assert sorted(comparisons(node)) == [("audience", "survivor"), ("record", "arrest"), ("record", "conviction")]


@given(st.text(max_size=60))
def test_any_text_parses_or_fails_cleanly(text):
    try:
        node = parse(text)
    except ConditionError:
        return
    evaluate(node, {})
