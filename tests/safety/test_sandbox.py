"""Nothing from a file or a person runs as code: sandboxed templates, safe YAML, parsed conditions."""

from __future__ import annotations

import pytest
from jinja2.exceptions import SecurityError, UndefinedError

from assistant.data.yamlio import YamlProblem, loads
from assistant.render.explain import environment


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ self._TemplateReference__context }}",
    ],
)
def test_templates_render_in_a_sandbox(source):
    # Either the sandbox refuses the attribute, or the name does not exist (StrictUndefined): never a value.
    with pytest.raises((SecurityError, UndefinedError)):
        environment().from_string(source).render()


def test_the_sandbox_blocks_attribute_escapes_specifically():
    with pytest.raises(SecurityError):
        environment().from_string("{{ x.__class__.__base__.__subclasses__() }}").render(x="")


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo owned']\n",
        "a: !!python/name:os.system\n",
        "!!python/object:builtins.dict {}\n",
        "a: !custom x\n",
        "a: &x [1]\nb: *x\n",  # aliases are refused (no "billion laughs")
    ],
)
def test_yaml_is_only_ever_plain_data(text):
    with pytest.raises(YamlProblem):
        loads(text)


def test_when_a_question_is_asked_is_data_never_code():
    """The flow's `when` is a structured comparison checked by the schema: there is no expression to run."""
    from pydantic import ValidationError

    from assistant.models.flow import When

    with pytest.raises(ValidationError):
        When.model_validate({"answer": "__import__('os').system('echo owned')", "one_of": ["x"]})
    with pytest.raises(ValidationError):
        When.model_validate({"answer": "audience", "expression": "1 == 1"})
