"""The snapshot file without any model code: finding it and checking it still matches the data.

Kept free of pydantic so the app can show its first question from the snapshot while the models
load in the background (see ui/app.py).
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any

from .. import __version__
from .paths import DATA_FOLDERS

SNAPSHOT_NAME = "catalog.snapshot.marshal"
# 3: each guide is its own JSON text; 4: the whole written with marshal (a third of json's parse time)
SNAPSHOT_FORMAT = 4
# marshal's format is Python's own: a snapshot is read only by the Python version that wrote it
PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"


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
        doc = marshal.loads((root / SNAPSHOT_NAME).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(doc, dict) or (doc.get("format"), doc.get("version"), doc.get("python")) != (
        SNAPSHOT_FORMAT,
        __version__,
        PYTHON,
    ):
        return None
    if doc.get("fingerprint") != fingerprint(root):
        return None
    return doc
