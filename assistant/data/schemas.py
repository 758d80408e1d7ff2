"""JSON Schemas for the data files, generated from the pydantic models.

Editors (for example VS Code with the YAML extension) validate as you type when a file starts with
`# yaml-language-server: $schema=schema.json`. A test keeps the committed schemas up to date.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ..models.answers import Answers
from ..models.flow import Flow
from ..models.guide import Guide
from ..models.jurisdiction import Jurisdiction
from ..models.rubric import Rubric
from .paths import data_root

SCHEMAS: dict[str, type[BaseModel]] = {
    "states/schema.json": Jurisdiction,
    "rubric/schema.json": Rubric,
    "flows/schema.json": Flow,
    "flows/answers.schema.json": Answers,
    "guides/schema.json": Guide,
}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(root: Path | None = None) -> list[Path]:
    root = root or data_root()
    written = []
    for rel, model in SCHEMAS.items():
        path = root / rel
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
