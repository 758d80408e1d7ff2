"""A place is found from a code, a name in any case, a typo or the start of a name; never guessed."""

from __future__ import annotations

import pytest

from assistant.core.places import find_places
from tests.conftest import run_relief


@pytest.fixture(scope="module")
def places(catalog):
    return {code: j.name for code, j in catalog.jurisdictions.items()}


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Texas", ["TX"]),
        ("texass", ["TX"]),
        ("tx", ["TX"]),
        ("Georgia", ["GA"]),
        ("new yrok", ["NY"]),
        ("federal", ["US"]),
        ("Washington DC", ["DC"]),
        ("washington", ["WA"]),
        ("the State of Ohio", ["OH"]),
        ("new", ["NH", "NJ", "NM", "NY"]),  # several fit: the person is asked to say which
        ("zzz", []),  # nothing close: never taken as "not sure"
        ("", []),
    ],
)
def test_finding_a_place(places, typed, found):
    assert find_places(typed, places) == found


def test_the_command_line_forgives_names_and_typos():
    result = run_relief("score", "Georgia", "texass", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert [line.split(",")[0] for line in result.stdout.splitlines()[1:]] == ["GA", "TX"]
    several = run_relief("score", "new")
    assert several.returncode == 2 and "New York (NY)" in several.stderr and "New Jersey (NJ)" in several.stderr
