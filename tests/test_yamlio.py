"""The data loader types plain scalars exactly as yaml.safe_load does, over both PyYAML parsers."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.data import yamlio

FORMS = [
    "010",
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    "-0",
    "+12",
    "1.5e3",
    "1.5e+3",
    "-.5",
    ".inf",
    "-.Inf",
    ".NaN",
    "2019",
    "2019-03",
    "2019-03-14",
    "2019-3-4",
    "2019-03-14 10:00:00",
    "2019-03-14T10:00:00Z",
    "12:30",
    "190:20:30",
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "~",
    "null",
    "NULL",
    "true",
    "False",
    "=",
    "<<",
    "as_a_result",
    "v2019",
    "9.96.080",
    "1e3",
    "0.",
    "3.",
]
PARSERS = [pytest.param(yaml.BaseLoader, id="python")]
if hasattr(yaml, "CBaseLoader"):
    PARSERS.append(pytest.param(yaml.CBaseLoader, id="libyaml"))


def same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True  # NaN
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("form", FORMS)
def test_each_yaml_11_form_types_as_safe_load(form: str, parser: type, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "loader_class", lambda: parser)
    try:
        want = yaml.safe_load(f"k: {form}\n")["k"]
    except yaml.YAMLError:
        pytest.skip("safe_load refuses it too")
    assert same(yamlio.loads(f"k: {form}\n")["k"], want), form


@pytest.mark.parametrize("parser", PARSERS)
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="0123456789-+._:eEoxXbB abcfnlsuyTZ~", min_size=1, max_size=12))
def test_any_plain_scalar_types_as_safe_load(text: str, parser: type) -> None:
    source = f"k: {text}\n"
    original = yamlio.loader_class
    try:
        want = yaml.safe_load(source)
    except yaml.YAMLError:
        return  # not a plain scalar safe_load accepts; the loader refuses it or reads it as text
    except ValueError:  # safe_load itself breaks on some number-like forms ('0b_'): ours says so clearly
        yamlio.loader_class = lambda: parser  # type: ignore[assignment]
        try:
            with pytest.raises(yamlio.YamlProblem, match="put it in quotes"):
                yamlio.loads(source)
        finally:
            yamlio.loader_class = original  # type: ignore[assignment]
        return
    if not isinstance(want, dict) or "k" not in want:
        return
    yamlio.loader_class = lambda: parser  # type: ignore[assignment]
    try:
        got = yamlio.loads(source)
    except yamlio.YamlProblem:
        return
    finally:
        yamlio.loader_class = original  # type: ignore[assignment]
    assert same(got["k"], want["k"]), (text, got["k"], want["k"])


@pytest.mark.parametrize("form", ["0b_", "0x_", "0b__"])
def test_a_broken_number_is_a_clear_problem_not_a_crash(form: str) -> None:
    # yaml.safe_load raises a bare ValueError on these; an answers file with one stopped the app.
    with pytest.raises(yamlio.YamlProblem, match="put it in quotes if it is text") as caught:
        yamlio.loads(f"audience: survivor\nyear: {form}\n")
    assert caught.value.line == 2
