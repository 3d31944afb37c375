"""Writing a file whole or not at all: the one way corpparent puts a file on disk.

A report, a calendar, a table of national results or a new plug-in file is first written
to a temporary file in the folder it goes to, named ``.NAME.RANDOM.tmp``; the temporary
is flushed to the disk and only then renamed onto ``NAME``, in one step the operating
system makes atomic. So whatever happens while writing (a full disk, a file-size limit,
an interruption, an error) the file under ``NAME`` is either the previous one, untouched,
or the new one, whole: never a truncated file, never an empty one. On a failure the
temporary is removed and a [`DataError`][corpparent.errors.DataError] names the file.

Two writers of one file at once each write their own temporary, and the last rename
wins: the file is always one writer's whole content, never both interleaved. Only a
process killed outright (``SIGKILL``, a power cut) can leave its temporary behind: a
hidden ``.NAME.RANDOM.tmp`` beside the file, safe to delete, while ``NAME`` itself is
intact.

A new file gets the permissions any new file would (``0666`` less the umask); a file
replaced keeps its own. A symbolic link is written through: the file it points to is
replaced and the link stays a link.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from corpparent.errors import DataError

__all__ = ["write_whole"]

#: How many random names are tried before giving up (each clash is another writer's
#: temporary of the same file: 48 random bits make even one unlikely).
_ATTEMPTS = 100
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)


def _reason(exc: OSError) -> str:
    code = errno.errorcode.get(exc.errno or 0)
    said = exc.strerror or str(exc)
    return f"{said} ({code})" if code else said


def _open_temporary(target: Path) -> tuple[int, Path]:
    """A new temporary file beside ``target``, opened for writing with the mode a new
    file gets (the kernel applies the umask to ``0666``, as for any file created)."""
    for _ in range(_ATTEMPTS):
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temporary, _FLAGS, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(target))


def _write_all(descriptor: int, content: bytes) -> None:
    """Every byte of ``content`` written to ``descriptor`` (a write may take only part:
    under a file-size limit, the rest then fails with EFBIG)."""
    view = memoryview(content)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system lets a folder be synced."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _replace(target: Path, content: bytes) -> None:
    existing = None
    with contextlib.suppress(OSError):
        existing = os.stat(target)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder", str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = _open_temporary(target)
    try:
        try:
            _write_all(descriptor, content)
            if existing is not None and hasattr(os, "fchmod"):
                os.fchmod(descriptor, stat.S_IMODE(existing.st_mode))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, target)
    except BaseException:  # a full disk, an interruption: the temporary goes, NAME stays
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


def write_whole(path: str | os.PathLike[str], content: str | bytes, *,
                what: str = "the file") -> Path:
    """Write ``content`` (text is written as UTF-8, its line endings as given) to
    ``path`` whole or not at all, and return the path.

    On any failure the previous file under ``path`` is left as it was, no temporary is
    left beside it, and a [`DataError`][corpparent.errors.DataError] names the file and says
    what went wrong (an interruption is let through, after the same clean-up).
    """
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    real = Path(os.path.realpath(target))
    try:
        _replace(real, data)
    except OSError as exc:
        raise DataError.single(str(target), f"cannot write {what}: {_reason(exc)}; "
                               "the file there before, if any, is left as it was") from None
    return target

