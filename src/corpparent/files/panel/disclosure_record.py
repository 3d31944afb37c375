"""The disclosure record: every figure an authority's public papers have published.

A panel publishes monthly, quarterly and annual papers. A count withheld in one paper
must stay withheld given all the others: April's withheld count comes back from the
first quarter's total once May and June are published elsewhere. So each public paper
corpparent writes adds the figures it published to the authority's record, and the next
public paper is protected against everything the record holds (a figure a reader already
has is never the one withheld to protect another, and a total it completes is withheld).

The record holds **only what was published**: the figures a reader of the papers can
see, each under its key (``value``, indicator, period; ``numerator``, ...), the paper it
first appeared in and the latest value published for it; and the keys of the figures
the papers showed as withheld, so that a later paper withholds them too (a figure
withheld only to protect another, published by a later paper, would give the other
away). It never holds a withheld value. It is still a working file for officers, not
for publication, and says so in the file. It is kept outside the output folder by
default, so it is not published beside the papers by mistake: in the user's data folder
(``$CORPPARENT_DATA_DIR``, else ``$XDG_DATA_HOME/corpparent``, else
``~/.local/share/corpparent``; on Windows ``%LOCALAPPDATA%\\corpparent``), under
``disclosure/ID.json``, where ID is the authority's plug-in identifier (``wiltshire``),
whatever name the papers show it under.

Earlier builds of 0.3 named the file after the name the paper showed (``--name``, else the
plug-in's), so an authority may have records under ``disclosure/NAME.json`` too. Those
are read with its own record (`read_record` takes the ``names`` a record may also
carry), and their figures are copied into it the next time a paper is recorded
(`record_published`'s ``earlier``); the old files are left as they are.

Two papers written at once add to the record one after the other: the record is read,
merged and written whole (`write_whole`) under an
exclusive lock on a ``.lock`` file beside it, where the system has ``fcntl``.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Final, Literal, final

from attrs import field, frozen
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corpparent.errors import DataError
from corpparent.files._tabular.problems import shown
from corpparent.files.writing import write_whole

__all__ = [
    "DATA_DIR_ENV",
    "RECORD_NOTE",
    "DisclosureRecord",
    "PublishedFigure",
    "data_folder",
    "default_record_path",
    "older_records",
    "read_record",
    "read_records",
    "record_published",
]

#: The environment variable naming the folder corpparent keeps its records in.
DATA_DIR_ENV: Final = "CORPPARENT_DATA_DIR"
#: What the record file says of itself, first thing in it.
RECORD_NOTE: Final = (
    "Not for publication: the figures this authority's public papers have published, "
    "kept so that a figure withheld in one paper cannot be worked out from the others.")

Key = tuple[str, ...]


@final
@frozen
class PublishedFigure:
    """One published figure: its latest ``value``, the paper that first published it and
    the paper that last did (a revised figure is published again with its new value)."""

    value: float
    first_paper: str
    last_paper: str


def _figures(value: Mapping[Key, PublishedFigure]) -> Mapping[Key, PublishedFigure]:
    return dict(value)


@final
@frozen
class DisclosureRecord:
    """What one authority's public papers have published: ``figures`` by key, and the
    ``papers`` (their titles, oldest first) that published them."""

    authority: str
    figures: Mapping[Key, PublishedFigure] = field(factory=dict, converter=_figures)
    papers: tuple[str, ...] = ()
    withheld: frozenset[Key] = frozenset()

    @property
    def known(self) -> dict[Key, float]:
        """Every published figure's latest value: what any reader of the papers knows."""
        return {key: figure.value for key, figure in self.figures.items()}

    def merged(self, other: DisclosureRecord) -> DisclosureRecord:
        """This record with what ``other`` (an older record of the same authority) holds
        besides: a figure both hold keeps this record's value, and ``other``'s papers come
        first."""
        figures = {**other.figures, **self.figures}
        papers = (*other.papers, *(paper for paper in self.papers if paper not in other.papers))
        return DisclosureRecord(self.authority, figures, papers, self.withheld | other.withheld)

    def with_paper(self, paper: str, published: Mapping[Key, float | None],
                   withheld: Iterable[Key] = ()) -> DisclosureRecord:
        """This record with the figures ``paper`` published added (a figure ``None`` in
        ``published`` was not published and is not recorded) and the keys of those it
        ``withheld``."""
        figures = dict(self.figures)
        for key, value in published.items():
            if value is None or not math.isfinite(value):
                continue
            before = figures.get(key)
            first = paper if before is None else before.first_paper
            figures[key] = PublishedFigure(float(value), first, paper)
        papers = self.papers if paper in self.papers else (*self.papers, paper)
        return DisclosureRecord(self.authority, figures, papers,
                                self.withheld | frozenset(withheld))


# --- the file -----------------------------------------------------------------------------


class _FigureRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: list[str] = Field(min_length=1, max_length=8)
    value: float = Field(allow_inf_nan=False)
    first_paper: str
    last_paper: str


class _RecordFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    note: str = RECORD_NOTE
    kind: Literal["corpparent disclosure record"] = "corpparent disclosure record"
    version: Literal[1] = 1
    authority: str
    updated: str = ""
    papers: list[str] = Field(default_factory=list)
    figures: list[_FigureRow] = Field(default_factory=list)
    withheld: list[list[str]] = Field(default_factory=list)


def _slug(authority: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", authority.lower()).strip("-")
    return slug or "authority"


def data_folder() -> Path:
    """The folder corpparent keeps its working files in, as the module docstring says."""
    if chosen := os.environ.get(DATA_DIR_ENV):
        return Path(chosen)
    if sys.platform == "win32" and (local := os.environ.get("LOCALAPPDATA")):
        return Path(local) / "corpparent"
    if xdg := os.environ.get("XDG_DATA_HOME"):
        return Path(xdg) / "corpparent"
    return Path.home() / ".local" / "share" / "corpparent"


def default_record_path(authority: str) -> Path:
    """Where the record of ``authority`` (its id, or its name) is kept by default."""
    return data_folder() / "disclosure" / f"{_slug(authority)}.json"


def read_record(path: str | os.PathLike[str], authority: str | None, *,
                names: Iterable[str] = ()) -> DisclosureRecord:
    """The record at ``path``: empty where there is no file yet. A file that is not a
    record, or the record of another authority, is a [`DataError`][corpparent.errors.DataError]
    naming it (names that differ only in case or punctuation are one authority);
    ``authority`` ``None`` takes the record of whichever authority it is (a new one is
    named after the file). A record that says it is of one of ``names`` (the names
    earlier builds kept the authority's record under) is the authority's too, and is
    returned as ``authority``'s."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        return DisclosureRecord(authority or source.stem)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError.single(str(source), f"cannot read the disclosure record: {exc}") from None
    try:
        found = _RecordFile.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise DataError.single(
            str(source), f"is not a corpparent disclosure record: {where}: {first['msg']}"
        ) from None
    # Names that differ only in case or punctuation ('wiltshire', the plug-in's
    # identifier, and 'Wiltshire', a --name) are one authority, as they are one file.
    if authority is not None and _slug(found.authority) not in {
            _slug(name) for name in (authority, *names)}:
        raise DataError.single(
            str(source), f"is the disclosure record of {shown(found.authority)}, not of "
            f"{shown(authority)}: give each authority its own record")
    figures = {tuple(row.key): PublishedFigure(row.value, row.first_paper, row.last_paper)
               for row in found.figures}
    return DisclosureRecord(authority or found.authority, figures, tuple(found.papers),
                            frozenset(tuple(key) for key in found.withheld))


def _write(path: Path, record: DisclosureRecord) -> None:
    rows = [_FigureRow(key=list(key), value=figure.value, first_paper=figure.first_paper,
                       last_paper=figure.last_paper)
            for key, figure in sorted(record.figures.items())]
    content = _RecordFile(authority=record.authority, papers=list(record.papers),
                          figures=rows, withheld=[list(key) for key in sorted(record.withheld)],
                          updated=datetime.now().astimezone().isoformat(
                              timespec="seconds"))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_whole(path, content.model_dump_json(indent=1) + "\n")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s ``.lock`` file while the block runs, where
    the system can; elsewhere, the last writer's record wins whole."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def older_records(path: Path, names: Iterable[str]) -> tuple[Path, ...]:
    """The files in the data folder where earlier builds kept the record of an authority
    shown under ``names``, other than ``path``, that exist."""
    found = (default_record_path(name) for name in names)
    return tuple(dict.fromkeys(p for p in found if p != path and p.is_file()))


def read_records(path: str | os.PathLike[str], authority: str | None, *,
                 names: Iterable[str] = (),
                 earlier: Iterable[Path] = ()) -> DisclosureRecord:
    """The record at ``path`` with what the older records ``earlier`` of the same
    authority (shown under one of ``names``) hold besides."""
    names = tuple(names)
    record = read_record(path, authority, names=names)
    for older in earlier:
        record = record.merged(read_record(older, authority, names=names))
    return record


def record_published(path: str | os.PathLike[str], authority: str | None, paper: str,
                     published: Mapping[Key, float | None],
                     withheld: Iterable[Key] = (), *, names: Iterable[str] = (),
                     earlier: Iterable[Path] = ()) -> DisclosureRecord:
    """Add what ``paper`` published (and the keys of what it ``withheld``) to the record
    at ``path`` (made if there is none, with what the older records ``earlier`` hold)
    and return the record as written."""
    target = Path(path)
    try:
        with _locked(target):
            record = read_records(target, authority, names=names, earlier=earlier)
            record = record.with_paper(paper, published, withheld)
            _write(target, record)
    except OSError as exc:
        raise DataError.single(str(target), f"cannot write the disclosure record: "
                               f"{exc.strerror or exc}") from None
    return record
