"""The JSON Schemas next to the data are generated from the models and kept current."""

from __future__ import annotations

import json

from assistant.data.schemas import SCHEMAS, schema_text
from tests.conftest import ROOT


def test_committed_schemas_are_up_to_date():
    for rel, model in SCHEMAS.items():
        committed = (ROOT / rel).read_text(encoding="utf-8")
        assert committed == schema_text(model), f"{rel} is stale: run 'relief schema'"


def test_state_schema_lists_the_rubric_independent_codes():
    schema = json.loads((ROOT / "states" / "schema.json").read_text())
    text = json.dumps(schema)
    for code in ("vacatur", "expungement", "sealing", "nondisclosure", "juvenile_adjudication", "trafficking_end"):
        assert code in text
