"""The wheel's data snapshot is exactly the validated YAML, and is ignored the moment they differ."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from assistant.data.catalog import load_catalog, load_catalog_from_yaml
from assistant.data.problems import DataInvalid
from assistant.data.snapshot import SNAPSHOT_NAME, build_snapshot, read_snapshot


def test_snapshot_rebuilds_the_same_models_as_the_yaml(data_copy: Path):
    (data_copy / SNAPSHOT_NAME).write_bytes(build_snapshot(data_copy))
    snap = read_snapshot(data_copy)
    assert snap is not None
    from_yaml = load_catalog_from_yaml(data_copy)
    assert snap.default_rubric_id == from_yaml.default_rubric_id
    assert snap.rubrics == from_yaml.rubrics
    assert snap.jurisdictions == from_yaml.jurisdictions
    assert snap.flows == from_yaml.flows and snap.terms == from_yaml.terms
    assert load_catalog(data_copy) == from_yaml


def test_rebuilt_models_behave_as_validated_ones(data_copy: Path):
    """Rebuilt without validation, a model still dumps the same, stays frozen and knows its fields."""
    import pydantic

    (data_copy / SNAPSHOT_NAME).write_bytes(build_snapshot(data_copy))
    snap = read_snapshot(data_copy)
    assert snap is not None
    ny, from_yaml = snap.jurisdictions["NY"], load_catalog_from_yaml(data_copy).jurisdictions["NY"]
    assert ny.model_dump() == from_yaml.model_dump()
    assert ny.model_fields_set == set(type(ny).model_fields)
    assert ny.model_extra is None
    with pytest.raises(pydantic.ValidationError):
        ny.name = "Elsewhere"  # type: ignore[misc]
    assert ny.model_copy(update={"name": "Elsewhere"}).name == "Elsewhere" and ny.name == from_yaml.name


def test_guides_are_rebuilt_only_when_asked_for(data_copy: Path):
    (data_copy / SNAPSHOT_NAME).write_bytes(build_snapshot(data_copy))
    snap = read_snapshot(data_copy)
    assert snap is not None
    assert "NY" in snap.guides and len(snap.guides) == len(load_catalog_from_yaml(data_copy).guides)
    assert snap.guides._built == {}  # type: ignore[attr-defined]  # nothing built by asking what is there
    assert snap.guides["NY"] is snap.guides.get("NY")  # built once, then kept
    assert list(snap.guides._built) == ["NY"]  # type: ignore[attr-defined]
    # nor parsed: each guide is its own JSON text in the snapshot, read when asked for
    assert isinstance(snap.guides._raw["OH"], str)  # type: ignore[attr-defined]
    assert snap.guides["OH"] == load_catalog_from_yaml(data_copy).guides["OH"]


def test_an_edited_yaml_file_makes_the_snapshot_stale(data_copy: Path):
    (data_copy / SNAPSHOT_NAME).write_bytes(build_snapshot(data_copy))
    path = data_copy / "states" / "NM.yaml"
    path.write_text(path.read_text().replace("value: under_duress", "value: under_dures", 1))
    assert read_snapshot(data_copy) is None
    with pytest.raises(DataInvalid):  # and the broken YAML is caught, not hidden by the snapshot
        load_catalog(data_copy)


@pytest.mark.parametrize("key", ["version", "python", "format"])
def test_a_snapshot_from_another_version_or_python_is_ignored(data_copy: Path, key: str):
    doc = marshal.loads(build_snapshot(data_copy))
    (data_copy / SNAPSHOT_NAME).write_bytes(marshal.dumps({**doc, key: "0.0"}))
    assert read_snapshot(data_copy) is None
    (data_copy / SNAPSHOT_NAME).write_bytes(marshal.dumps(doc))
    assert read_snapshot(data_copy) is not None  # the same snapshot, as written, is used


def test_a_damaged_snapshot_is_ignored(data_copy: Path):
    whole = build_snapshot(data_copy)
    for damaged in (whole[: len(whole) // 2], b"not marshal at all", b""):
        (data_copy / SNAPSHOT_NAME).write_bytes(damaged)
        assert read_snapshot(data_copy) is None
        assert load_catalog(data_copy).jurisdictions.keys() == load_catalog_from_yaml(data_copy).jurisdictions.keys()


def test_no_wheel_is_built_from_invalid_data(data_copy: Path):
    path = data_copy / "states" / "NM.yaml"
    path.write_text(path.read_text().replace("confidence: high", "confidence: hi", 1))
    with pytest.raises(DataInvalid):
        build_snapshot(data_copy)
