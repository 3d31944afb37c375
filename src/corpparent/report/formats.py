"""The output formats: each one backend, registered once, with what it is.

A [`Backend`][corpparent.report.formats.Backend] names a format, says whether it writes bytes
(``docx``, ``xlsx``) or text, and whether it makes a paper that may be published (which sets the
default output profile, see `corpparent.report.profiles`), and points to the function that
writes a finished report in it. The command line's ``--format`` choices, the default
profile, the refusal to print a binary format and the rendering itself all read this
one table, so a new format is one module and one [`register`][corpparent.report.formats.register]
call.

Writers are named by ``"module:function"`` and imported only when used, so listing
the formats (``corpparent --help``) loads no renderer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final, final

from attrs import frozen

from corpparent.errors import DefinitionError

if TYPE_CHECKING:
    from corpparent.report.model import AnyReport
    from corpparent.report.tables import Table

__all__ = ["BUILT_IN", "Backend", "RenderOptions", "backend", "format_names", "register",
           "unregister"]


@final
@frozen
class RenderOptions:
    """What a writer may be told beyond the report: the terminal's width and whether
    to colour it; a paper's page size, template and author."""

    width: int = 120
    color: bool = False
    paper_size: str | None = None
    template: Path | None = None
    author: str | None = None


Writer = Callable[["AnyReport", RenderOptions], "str | bytes"]
TableWriter = Callable[["Table"], "str | bytes"]


@final
@frozen
class Backend:
    """One output format.

    ``writer`` (a callable, or ``"module:function"`` imported on first use) writes a
    finished report. A format of tidy tables also names a ``table_writer``: written to
    a file, the report's main table goes there and each other table beside it.
    ``folded_charts``: whether the format carries the charts over time a benchmark folds
    away, having too many measures to print each chart (the HTML page folds them into
    its page, JSON holds their figures); the terminal, Markdown and Word leave them out,
    so a benchmark written in those needs only which measure and authority each is of,
    not their figures."""

    name: str
    binary: bool
    publishable: bool
    writer: Writer | str
    description: str = ""
    table_writer: TableWriter | str | None = None
    folded_charts: bool = True

    def write(self, report: AnyReport,
              options: RenderOptions | None = None) -> str | bytes:
        """``report`` (finished) in this format."""
        written = _load(self.writer)(report, options or RenderOptions())
        if self.binary is not isinstance(written, bytes):
            raise DefinitionError(f"the {self.name} writer gave {type(written).__name__}, "
                                  f"not {'bytes' if self.binary else 'text'}")
        return written

    def write_table(self, table: Table) -> str | bytes:
        """One tidy table in this format."""
        if self.table_writer is None:
            raise DefinitionError(f"{self.name} is not a format of tables")
        written: str | bytes = _load(self.table_writer)(table)
        return written


def _load(target: Callable[..., str | bytes] | str) -> Callable[..., str | bytes]:
    if not isinstance(target, str):
        return target
    module, _, name = target.partition(":")
    found: Callable[..., str | bytes] = getattr(importlib.import_module(module), name)
    return found


_BACKENDS = "corpparent.report.backends"
_REGISTRY: dict[str, Backend] = {}


def register(new: Backend) -> Backend:
    """Add a format; a second format of the same name is refused."""
    if new.name in _REGISTRY:
        raise DefinitionError(f"the format {new.name!r} is registered already")
    _REGISTRY[new.name] = new
    return new


def unregister(name: str) -> None:
    """Remove a format added with [`register`][corpparent.report.formats.register]; the built-in
    formats stay."""
    if any(b.name == name for b in BUILT_IN):
        raise DefinitionError(f"the format {name!r} is built in and cannot be removed")
    _REGISTRY.pop(name, None)


def backend(name: str) -> Backend:
    """The format called ``name``; a [`DefinitionError`][corpparent.errors.DefinitionError] names
    the choices."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise DefinitionError(f"unknown format {name!r}; expected one of "
                              f"{', '.join(_REGISTRY)}") from None


def format_names() -> tuple[str, ...]:
    """Every format registered, in the order registered."""
    return tuple(_REGISTRY)


#: The formats corpparent ships, registered when this module is first imported.
BUILT_IN: Final = tuple(register(b) for b in (
    Backend("terminal", binary=False, publishable=False,
            writer=f"{_BACKENDS}.terminal:write", description="tables for a terminal",
            folded_charts=False),
    Backend("markdown", binary=False, publishable=True,
            writer=f"{_BACKENDS}.markdown:write", description="a committee paper in Markdown",
            folded_charts=False),
    Backend("json", binary=False, publishable=False, writer=f"{_BACKENDS}.data:write_json",
            description="the report as JSON, valid against its schema"),
    Backend("html", binary=False, publishable=True, writer=f"{_BACKENDS}.html:write",
            description="one self-contained web page"),
    Backend("docx", binary=True, publishable=True, writer=f"{_BACKENDS}.paper:write",
            description="a committee paper in Word", folded_charts=False),
    Backend("csv", binary=False, publishable=False, writer=f"{_BACKENDS}.data:write_csv",
            table_writer=f"{_BACKENDS}.spreadsheets:csv_text",
            description="the tidy tables as CSV"),
    Backend("xlsx", binary=True, publishable=False, writer=f"{_BACKENDS}.data:write_xlsx",
            description="the tidy tables as an Excel workbook"),
    Backend("parquet", binary=True, publishable=False,
            writer=f"{_BACKENDS}.data:write_parquet",
            table_writer=f"{_BACKENDS}.spreadsheets:parquet_bytes",
            description="the tidy tables as Parquet"),
))
