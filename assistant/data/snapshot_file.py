"""The snapshot file without any model code: finding it and checking it still matches the data.

Kept free of pydantic so the app can show its first question from the snapshot while the models
load in the background (see ui/app.py).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .. import __version__
from .paths import DATA_FOLDERS

SNAPSHOT_NAME = "catalog.snapshot.json"
SNAPSHOT_FORMAT = 3  # 3: each guide is its own JSON text


def data_files(root: Path) -> list[Path]:
    return sorted(
        p
        for folder in DATA_FOLDERS
        if (root / folder).is_dir()
        for p in (root / folder).iterdir()
        if p.suffix in (".yaml", ".yml") and not p.name.startswith("_")
    )


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for path in data_files(root):
        digest.update(f"{path.parent.name}/{path.name}\0".encode())
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def read_raw(root: Path) -> dict[str, Any] | None:
    """The snapshot as plain data, if it was made by this version from exactly these files."""
    try:
        doc = json.loads((root / SNAPSHOT_NAME).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("format") != SNAPSHOT_FORMAT or doc.get("version") != __version__:
        return None
    if doc.get("fingerprint") != fingerprint(root):
        return None
    return doc
