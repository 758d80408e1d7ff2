"""Files: writing only when the person asks, all or nothing; reading only regular files, within limits.

Nothing else in relief-assistant writes to disk. A write goes to a temporary file beside the target
(owner-only, 0600), is flushed and synced, and only then takes the target's name: by a hard link,
which fails if a file of that name exists (nothing is ever replaced by accident), or by a rename
when the person confirmed replacing it. A failure part way (disk full, file size limit, Ctrl+C, a
bad row found late) removes the temporary file: no partial file is left, and a file being replaced
is still whole. The output is never the input under another name (a hard link or a symbolic link
to it), and a symbolic link is never followed to replace the file it points to.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

PRIVATE = 0o600
# What a saved file's mode means, said the same way in every face: an administrator, or anyone using this
# account, can still open it, so not "only you".
WHO_CAN_OPEN = "Only your user account on this computer can open it."


class WriteRefused(Exception):
    """The file could not be written; the message says why in plain words. Nothing was changed."""


class AlreadyExists(WriteRefused):
    """The file is there already; it is replaced only after the person says so."""


class ReadRefused(Exception):
    """The file cannot be read as asked (not a regular file, too large); the message says why."""


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _check_target(path: Path, overwrite: bool, inputs: Sequence[Path]) -> None:
    """Refuse before any work: a folder, a missing folder, the input itself, a link, a device."""
    if not path.parent.is_dir():
        raise WriteRefused(f"the folder {path.parent} does not exist")
    try:
        here = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise WriteRefused(f"could not write {path}: {_why(exc)}") from None
    for source in inputs:
        with contextlib.suppress(OSError):
            if path.samefile(source):  # the same file: a hard link, or a symbolic link to it
                raise WriteRefused(f"{path} is the input file {source} under another name; choose another name")
    if stat.S_ISDIR(here.st_mode) or (stat.S_ISLNK(here.st_mode) and path.is_dir()):
        raise WriteRefused(f"{path} is a folder; add a file name")
    if stat.S_ISLNK(here.st_mode):  # with or without --force: replacing the link itself would surprise too
        raise WriteRefused(
            f"{path} is a link to {os.readlink(path)}; it is not followed to replace that file. "
            "Name the file itself, or another file"
        )
    if not stat.S_ISREG(here.st_mode):
        raise WriteRefused(f"{path} is not a regular file (a device, pipe or socket); choose a file name")
    if not overwrite:
        raise AlreadyExists(f"{path} already exists")


def _commit(temp: Path, path: Path, overwrite: bool) -> None:
    """Give the finished temporary file its name: never over an existing file unless `overwrite`."""
    if overwrite:
        with contextlib.suppress(FileNotFoundError):
            if stat.S_ISLNK(path.lstat().st_mode):  # became a link while we wrote
                raise WriteRefused(f"{path} is a link; it is not followed to replace the file it points to")
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # fails if the name is taken, so nothing is ever replaced by accident
    except FileExistsError:
        raise AlreadyExists(f"{path} already exists") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.EXDEV):
            raise
        # A file system without hard links (a FAT memory stick): claim the name, then rename over our own claim.
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
        except FileExistsError:
            raise AlreadyExists(f"{path} already exists") from None
        os.replace(temp, path)
        return
    os.unlink(temp)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def private_file(
    path: Path, *, overwrite: bool = False, newline: str | None = None, inputs: Sequence[Path] = ()
) -> Iterator[TextIO]:
    """A text file to write, owner-only (0600), that appears under `path` only if the block succeeds.

    An existing file is replaced only when `overwrite` is true (the person confirmed it), and then
    only once the new one is complete. `inputs` are files being read: the target may not be one of
    them under another name. Any exception in the block (or in writing) leaves nothing behind.
    """
    path = path.expanduser()
    _check_target(path, overwrite, inputs)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    except PermissionError:
        raise WriteRefused(f"you do not have permission to write in {path.parent}") from None
    except OSError as exc:
        raise WriteRefused(f"could not write {path}: {_why(exc)}") from None
    committed = False
    try:
        os.fchmod(fd, PRIVATE)  # whatever the umask
        handle = os.fdopen(fd, "w", encoding="utf-8", newline=newline)
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _commit(temp, path, overwrite)
        committed = True
        _sync_folder(path.parent)
    except OSError as exc:
        raise WriteRefused(f"could not write {path}: {_why(exc)}") from None
    finally:
        if not committed:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def write_private(path: Path, text: str, *, overwrite: bool = False, inputs: Sequence[Path] = ()) -> Path:
    """Write `text` to `path` with `private_file`; `~` is the person's home folder."""
    path = path.expanduser()
    with private_file(path, overwrite=overwrite, inputs=inputs) as handle:
        handle.write(text)
    return path.absolute()  # the full path, so the person knows exactly where it went


# A saved file is written in the format its name says.
EXTENSION = {"markdown": ".md", "text": ".txt", "html": ".html", "yaml": ".yaml", "json": ".json"}
_NAMED = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html"}
_NAMED |= {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


class NameRefused(ValueError):
    """The name typed cannot be saved to as it is (a folder, or a format not offered): say why."""


class FormatNotOffered(NameRefused):
    """The file name asks for a format this file cannot be written in."""


def named_format(name: str, offered: Sequence[str], default: str, *, on_this_computer: bool = True) -> tuple[str, str]:
    """The format a file name says, and the name to write: `default`'s extension is added when the
    name says none, so the name always tells what is inside. A format not offered is refused, and so
    is a folder (adding an ending to it would quietly write a hidden file inside it)."""
    if name.endswith(("/", os.sep)) or (on_this_computer and Path(name).expanduser().is_dir()):
        raise NameRefused(f"{name} is a folder: add a file name to it")
    suffix = Path(name).suffix.lower()
    fmt = _NAMED.get(suffix)
    if fmt is None:
        return default, name + EXTENSION[default]
    if fmt not in offered:
        endings = ", ".join(EXTENSION[f] for f in offered)
        raise FormatNotOffered(f"this can be saved as {endings}, not {suffix}")
    return fmt, name


def open_regular(path: Path, max_bytes: int | None = None, what: str = "a file") -> BinaryIO:
    """Open `path` for reading only if it is a regular file (and at most `max_bytes` long).

    A folder, a pipe, a device (/dev/zero) or a socket is refused at once: it is checked before
    opening, opened without waiting (a pipe with no writer would block), and checked again.
    FileNotFoundError passes through; other problems raise ReadRefused.
    """
    try:
        before = path.stat()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ReadRefused(f"cannot read the file: {_why(exc)}") from None
    _check_source(before, max_bytes, what)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise ReadRefused(f"cannot read the file: {_why(exc)}") from None
    try:
        _check_source(os.fstat(fd), max_bytes, what)  # the same kind of file as checked
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _check_source(info: os.stat_result, max_bytes: int | None, what: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ReadRefused(f"this is a folder, not {what}")
    if not stat.S_ISREG(info.st_mode):
        raise ReadRefused(f"this is not a regular file (a pipe, device or socket); give {what} saved on disk")
    if max_bytes is not None and info.st_size > max_bytes:
        raise ReadRefused(f"the file is too large ({_size(info.st_size)}); {what} is at most {_size(max_bytes)}")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KiB"


def read_limited(path: Path, max_bytes: int, what: str = "a file") -> bytes:
    """The bytes of a regular file of at most `max_bytes` (never more is read, whatever it claims)."""
    with open_regular(path, max_bytes, what) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadRefused(f"the file is too large; {what} is at most {_size(max_bytes)}")
    return data
