"""Writing a file only when the person asks: owner-only, never overwriting without consent.

Nothing else in relief-assistant writes to disk.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

PRIVATE = 0o600


class WriteRefused(Exception):
    """The file could not be written; the message says why in plain words. Nothing was changed."""


class AlreadyExists(WriteRefused):
    """The file is there already; it is replaced only after the person says so."""


def open_private(path: Path, *, overwrite: bool = False, newline: str | None = None) -> TextIO:
    """Open `path` for writing, readable and writable by its owner only (0600).

    An existing file is replaced only when `overwrite` is true (the person confirmed it).
    """
    if path.is_dir():
        raise WriteRefused(f"{path} is a folder; add a file name")
    if not path.parent.exists():
        raise WriteRefused(f"the folder {path.parent} does not exist")
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if overwrite else os.O_EXCL)
    try:
        fd = os.open(path, flags, PRIVATE)
    except FileExistsError:
        raise AlreadyExists(f"{path} already exists") from None
    except PermissionError:
        raise WriteRefused(f"you do not have permission to write to {path}") from None
    except OSError as exc:
        raise WriteRefused(f"could not write {path}: {exc.strerror or exc}") from None
    try:
        os.fchmod(fd, PRIVATE)  # an overwritten file keeps no wider permissions
        return os.fdopen(fd, "w", encoding="utf-8", newline=newline)
    except OSError as exc:
        os.close(fd)
        raise WriteRefused(f"could not write {path}: {exc.strerror or exc}") from None


def write_private(path: Path, text: str, *, overwrite: bool = False) -> Path:
    """Write `text` to `path` with `open_private`; `~` is the person's home folder."""
    path = path.expanduser()
    handle = open_private(path, overwrite=overwrite)
    try:
        with handle:
            handle.write(text)
    except OSError as exc:
        raise WriteRefused(f"could not write {path}: {exc.strerror or exc}") from None
    return path
