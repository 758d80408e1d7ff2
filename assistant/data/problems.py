"""Friendly data errors: each names the file, the line, the field, the bad value and what is allowed."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from ..models.common import PATTERN_HELP
from .safe_text import clean
from .yamlio import line_of


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    line: int | None = None
    field: str = ""
    allowed: tuple[str, ...] = ()
    suggestion: str | None = None

    def format(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        head = f"{where}: " + (f"{self.field}: " if self.field else "") + self.message
        lines = [head]
        if self.allowed:
            shown = ", ".join(self.allowed[:60]) + (", ..." if len(self.allowed) > 60 else "")
            lines.append(f"    allowed: {shown}")
        if self.suggestion:
            lines.append(f"    did you mean '{self.suggestion}'?")
        return clean("\n".join(lines))  # file names and values come from outside: no control sequences


@dataclass
class DataInvalid(Exception):
    """Raised when data cannot be used; every command shows the same messages and exits 1."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return format_problems(self.problems)


class InputInvalid(DataInvalid):
    """A file the person gave (answers, CSV) has problems; the project's own data is fine."""


def format_problems(problems: Sequence[Problem]) -> str:
    count = len(problems)
    body = "\n".join(p.format() for p in problems)
    return f"{body}\n{count} problem{'s' if count != 1 else ''} found."


def field_path(loc: Iterable[str | int]) -> str:
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += ("." if out else "") + str(step)
    return out


def closest(value: object, allowed: Sequence[str]) -> str | None:
    if not isinstance(value, str) or not allowed:
        return None
    cutoff = 0.5 if len(value) <= 3 else 0.6  # a one-letter slip in a two-letter code scores 0.5
    matches = difflib.get_close_matches(value, list(allowed), n=5, cutoff=cutoff)
    if matches:
        # Among equally close codes, one that starts the same way is the likelier slip (NX -> NM, not TX).
        best = difflib.SequenceMatcher(None, value, matches[0]).ratio()
        tied = [m for m in matches if difflib.SequenceMatcher(None, value, m).ratio() == best]
        same_start = [m for m in tied if m[:1].lower() == value[:1].lower()]
        return (same_start or tied)[0]
    lowered = value.lower().replace("-", "_").replace(" ", "_")
    return lowered if lowered in allowed and lowered != value else None


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --- walking a pydantic model along an error location -------------------------------------------


def unwrap_type(tp: Any) -> list[Any]:
    """The concrete alternatives of a type: strips Annotated, Optional and unions."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return unwrap_type(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            if arg is not type(None):
                out.extend(unwrap_type(arg))
        return out
    return [tp]


def _step(tp: Any, step: str | int) -> Any | None:
    for alt in unwrap_type(tp):
        origin = typing.get_origin(alt)
        if isinstance(alt, type) and issubclass(alt, BaseModel):
            for name, info in alt.model_fields.items():
                if step in (name, info.alias):
                    return info.annotation
        elif origin in (list, tuple, Sequence) and isinstance(step, int):
            return typing.get_args(alt)[0]
        elif origin is dict:
            return typing.get_args(alt)[1]
    return None


def type_at(model: type[BaseModel], loc: Sequence[str | int]) -> Any | None:
    tp: Any = model
    for step in loc:
        tp = _step(tp, step)
        if tp is None:
            return None
    return tp


def literal_values(tp: Any) -> tuple[str, ...]:
    values: list[str] = []
    for alt in unwrap_type(tp):
        if typing.get_origin(alt) is typing.Literal:
            values.extend(str(a) for a in typing.get_args(alt))
    return tuple(values)


def field_names(tp: Any) -> tuple[str, ...]:
    for alt in unwrap_type(tp):
        if isinstance(alt, type) and issubclass(alt, BaseModel):
            return tuple(info.alias or name for name, info in alt.model_fields.items())
    return ()


def from_validation_error(exc: ValidationError, model: type[BaseModel], data: Any, file: str) -> list[Problem]:
    problems: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        value = err.get("input")
        path = field_path(loc)
        line = line_of(data, loc)
        allowed: tuple[str, ...] = ()
        suggestion = None
        if kind == "extra_forbidden":
            allowed = field_names(type_at(model, loc[:-1]))
            suggestion = closest(loc[-1], allowed)
            message = f"'{loc[-1]}' is not a field this file can have here"
        elif kind == "missing":
            message = "this required field is missing"
        elif kind in ("literal_error", "enum"):
            allowed = literal_values(type_at(model, loc))
            suggestion = closest(value, allowed)
            message = f"{_short(value)} is not an allowed value"
        elif kind == "string_pattern_mismatch":
            pattern = str((err.get("ctx") or {}).get("pattern", ""))
            wanted = PATTERN_HELP.get(pattern, f"text matching {pattern}")
            message = f"{_short(value)} is not in the expected form: expected {wanted}"
        elif kind == "model_type" or kind == "dict_type":
            message = f"expected a mapping of fields here, found {_short(value)}"
        elif kind == "list_type":
            message = f"expected a list here, found {_short(value)}"
        else:
            text = str(err["msg"])
            if text.startswith("Value error, "):
                text = text[len("Value error, ") :]
            message = f"{_short(value)}: {text[0].lower() + text[1:]}" if value is not None else text
        problems.append(Problem(file, message, line, path, allowed, suggestion))
    return problems
