"""A validated snapshot of the data, built into the wheel so an installed app starts fast.

Parsing 52 YAML files and building validators costs more than the rest of a command's start-up.
When a wheel is built (see hatch_build.py) the data is validated in full and written as one file
(marshal) with a fingerprint of the YAML files it came from, the package version and the Python
version. At run time the snapshot is used only if all still match; otherwise the YAML is loaded and
validated as usual.
Nothing is ever written at run time.
"""

from __future__ import annotations

import json
import marshal
import typing
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .. import __version__
from ..models.flow import Flow
from ..models.guide import Guide
from ..models.jurisdiction import Jurisdiction
from ..models.rubric import Rubric
from ..models.terms import Terms
from .problems import unwrap_type
from .snapshot_file import PYTHON, SNAPSHOT_FORMAT, SNAPSHOT_NAME, data_files, fingerprint, read_raw

__all__ = ["SNAPSHOT_NAME", "build_snapshot", "construct", "data_files", "fingerprint", "read_snapshot"]

if TYPE_CHECKING:
    from .catalog import Catalog


def build_snapshot(root: Path) -> bytes:
    """Validate everything under `root` (raising DataInvalid on any problem) and return the snapshot:
    plain data (dicts, lists, strings, numbers) written with marshal, which reads back faster than JSON."""
    from .catalog import load_catalog_from_yaml

    catalog = load_catalog_from_yaml(root)
    doc = {
        "format": SNAPSHOT_FORMAT,
        "version": __version__,
        "python": PYTHON,
        "fingerprint": fingerprint(root),
        "default_rubric_id": catalog.default_rubric_id,
        "rubrics": {k: v.model_dump(mode="json") for k, v in catalog.rubrics.items()},
        "jurisdictions": {k: v.model_dump(mode="json") for k, v in catalog.jurisdictions.items()},
        "flows": {k: v.model_dump(mode="json") for k, v in catalog.flows.items()},
        "terms": catalog.terms.model_dump(mode="json"),
        # each guide as its own JSON text: a command reads one or two of them, and the start-up parse of
        # the whole snapshot skips the rest as plain strings (about half of its parse time)
        "guides": {
            k: json.dumps(v.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
            for k, v in catalog.guides.items()
        },
    }
    return marshal.dumps(doc)


@cache
def _plan(model: type[BaseModel]) -> dict[str, Any]:
    return {name: info.annotation for name, info in model.model_fields.items()}


def _instance(model: type[BaseModel], values: dict[str, Any]) -> BaseModel:
    """A model from values validated in full when the snapshot was built (no re-validation).

    model_validate would check them again, and building the validators costs about 65 ms at every
    start; the fingerprint already proves the data is the validated data. pydantic's own unpickling
    hook sets exactly the state that model_construct would (every field was dumped, so all are set;
    our models forbid extras and hold no private attributes), at a third of its cost per model.
    """
    instance = model.__new__(model)
    instance.__setstate__(
        {
            "__dict__": values,
            "__pydantic_fields_set__": set(values),
            "__pydantic_extra__": None,
            "__pydantic_private__": None,
        }
    )
    return instance


Builder = Callable[[Any], Any] | None  # None: the JSON value is already the right Python value


@cache
def _builder(tp: Any) -> Builder:
    """A function turning validated JSON for `tp` back into models, compiled once per type."""
    alts = unwrap_type(tp)
    models = [a for a in alts if isinstance(a, type) and issubclass(a, BaseModel)]
    if models:
        (model,) = models  # our models never mix two model types in one field
        fields = {name: _builder(ann) for name, ann in _plan(model).items()}

        def build_model(value: Any) -> Any:
            if value is None:
                return None
            out = {}
            for k, v in value.items():
                field = fields[k]
                out[k] = v if field is None else field(v)
            return _instance(model, out)

        return build_model
    if len(alts) == 1:
        origin = typing.get_origin(alts[0])
        if origin in (list, dict):
            inner = _builder(typing.get_args(alts[0])[-1])
            if inner is None:
                return None
            each: Callable[[Any], Any] = inner
            if origin is list:
                return lambda value: [each(v) for v in value]
            return lambda value: {k: each(v) for k, v in value.items()}
    return None


def construct(tp: Any, value: Any) -> Any:
    """Rebuild models from data that was validated when the snapshot was made (no re-validation)."""
    build = _builder(tp)
    return value if build is None else build(value)


class LazyModels(Mapping[str, Any]):
    """Models rebuilt from the snapshot only when first asked for (a command reads one or two guides)."""

    def __init__(self, tp: Any, raw: dict[str, Any]) -> None:
        self._tp, self._raw, self._built = tp, raw, dict[str, Any]()

    def __getitem__(self, key: str) -> Any:
        found = self._built.get(key)
        if found is None:
            raw = self._raw[key]
            found = self._built[key] = construct(self._tp, json.loads(raw) if isinstance(raw, str) else raw)
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def read_snapshot(root: Path) -> Catalog | None:
    """The snapshot under `root` as a catalog, if it matches this version and the data files exactly."""
    doc = read_raw(root)
    return None if doc is None else catalog_from_raw(root, doc)


def catalog_from_raw(root: Path, doc: dict[str, Any]) -> Catalog:
    from .catalog import Catalog

    return Catalog(
        root=root,
        rubrics={k: construct(Rubric, v) for k, v in doc["rubrics"].items()},
        default_rubric_id=doc["default_rubric_id"],
        jurisdictions={k: construct(Jurisdiction, v) for k, v in doc["jurisdictions"].items()},
        flows={k: construct(Flow, v) for k, v in doc["flows"].items()},
        terms=construct(Terms, doc["terms"]),
        guides=LazyModels(Guide, doc["guides"]),
    )
