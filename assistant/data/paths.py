"""Where the data folders are: inside an installed wheel, or at the top of a checkout."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # assistant/, above data/
DATA_FOLDERS = ("rubric", "states", "flows", "guides")


def data_root() -> Path:
    """The folder that holds rubric/, states/ and flows/.

    RELIEF_DATA_DIR overrides it (tests and contributors use it to try other data).
    """
    override = os.environ.get("RELIEF_DATA_DIR")
    if override:
        return Path(override)
    installed = _PACKAGE / "_data"
    if (installed / "states").is_dir():
        return installed
    return _PACKAGE.parent
