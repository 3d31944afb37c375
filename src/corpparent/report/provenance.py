"""Provenance: what a report was made from, so that any figure in it can be reproduced.

Every report records the corpparent version, the installed authority plug-ins (read
from package metadata, without importing them), each input file with its SHA-256
digest and size, the period and the options used. The time of generation is passed in
by the caller, never read from the clock here.
"""

from __future__ import annotations

import hashlib
import platform
from collections.abc import Iterable, Mapping
from datetime import datetime
from importlib import metadata
from pathlib import Path

from corpparent._version import __version__
from corpparent.errors import DataError
from corpparent.report.model import InputFile, PluginVersion, Provenance

__all__ = [
    "PLUGIN_GROUP",
    "corpparent_version",
    "describe_input",
    "installed_plugins",
    "make_provenance",
    "sha256_of",
]

#: The entry-point group of authority plug-ins (`corpparent.profile.ENTRY_POINT_GROUP`),
#: written here so that a report's provenance does not load the whole profile model.
PLUGIN_GROUP = "corpparent.authorities"
_CHUNK = 1 << 16


def corpparent_version() -> str:
    """The version of the corpparent that made the report.

    Read from the package itself rather than from the installed distribution's metadata,
    so that a tree run from its sources names its own version, not whichever release is
    installed beside it.
    """
    return __version__


def sha256_of(path: str | Path) -> str:
    """The SHA-256 digest of a file's bytes, in hexadecimal."""
    digest = hashlib.sha256()
    try:
        with Path(path).open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise DataError.single(str(path), f"cannot read file: {exc.strerror}") from exc
    return digest.hexdigest()


def describe_input(path: str | Path, *, name_only: bool = False) -> InputFile:
    """An input file with its digest; ``name_only`` keeps the file name, not its folder
    (reports for the public need not reveal a council's file system)."""
    file = Path(path)
    shown = file.name if name_only else str(file)
    return InputFile(path=shown, sha256=sha256_of(file), bytes=file.stat().st_size)


def installed_plugins(group: str = PLUGIN_GROUP) -> list[PluginVersion]:
    """Every entry point in ``group``, with its distribution and version, sorted by name.

    Unlike [`corpparent.plugins.discover`][corpparent.plugins.discover] this applies no allow or
    block list and keeps both sides of a conflict: provenance records everything installed.
    """
    found = []
    for entry in metadata.entry_points(group=group):
        dist = entry.dist
        found.append(
            PluginVersion(
                name=entry.name,
                value=entry.value,
                distribution=None if dist is None else dist.metadata["Name"],
                version=None if dist is None else dist.version,
            )
        )
    return sorted(found, key=lambda p: (p.name, p.distribution or ""))


def make_provenance(
    *,
    inputs: Iterable[str | Path] = (),
    period: object | None = None,
    options: Mapping[str, str | int | float | bool | None] | None = None,
    generated_at: datetime | None = None,
    name_only: bool = False,
) -> Provenance:
    """The provenance block of a report made from ``inputs`` for ``period``; options
    left at ``None`` (not given) are not recorded."""
    return Provenance(
        corpparent_version=corpparent_version(),
        python_version=platform.python_version(),
        plugins=installed_plugins(),
        inputs=[describe_input(path, name_only=name_only) for path in inputs],
        period=None if period is None else str(period),
        options={k: v for k, v in (options or {}).items() if v is not None},
        generated_at=generated_at,
    )
