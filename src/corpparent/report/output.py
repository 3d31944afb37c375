"""From a report to the text of one output format, with its profile and suppression.

:func:`finish` applies the output profile and small-number suppression the way the
command line does (suppression on for HTML and Markdown, off for JSON, always on for
the ``public`` profile unless asked otherwise); :func:`render` writes a text format and
:func:`render_binary` a binary one (``docx``, ``xlsx``, ``parquet``). ``csv`` and ``parquet`` hold
the report's main tidy table (see :mod:`corpparent.report.tables`), ``xlsx`` every table.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Final, Literal, TypeVar, get_args

from corpparent.errors import DefinitionError
from corpparent.report.html import render_html
from corpparent.report.markdown import render_markdown
from corpparent.report.model import FindingsReport, Profile, ScorecardReport
from corpparent.report.paper import render_docx
from corpparent.report.profiles import default_profile, suppresses
from corpparent.report.spreadsheets import csv_text, parquet_bytes, xlsx_bytes
from corpparent.report.suppression import DEFAULT_THRESHOLD, Suppression, suppress
from corpparent.report.tables import tidy_tables
from corpparent.report.terminal import render_terminal

__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "Format",
    "finish",
    "render",
    "render_binary",
    "render_json",
]

Format = Literal["terminal", "markdown", "json", "html", "docx", "csv", "xlsx", "parquet"]
FORMATS: Final[tuple[Format, ...]] = get_args(Format)
#: The formats that are bytes, not text: they are written to a file, never printed.
BINARY_FORMATS: Final[frozenset[Format]] = frozenset({"docx", "xlsx", "parquet"})
R = TypeVar("R", ScorecardReport, FindingsReport)


def finish(
    report: R,
    output_format: Format,
    *,
    profile: Profile | None = None,
    suppress_small: bool | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> R:
    """``report`` under ``profile`` (default by format), suppressed where it should be.

    ``suppress_small`` overrides the profile's default either way. The ``public``
    profile names input files without their folders.
    """
    if output_format not in FORMATS:
        raise DefinitionError(f"unknown format {output_format!r}; expected one of "
                              f"{', '.join(FORMATS)}")
    chosen = profile or default_profile(output_format)
    withhold = suppresses(chosen) if suppress_small is None else suppress_small
    update: dict[str, object] = {"profile": chosen}
    if chosen == "public":  # a published paper need not reveal the council's file system
        inputs = [i.model_copy(update={"path": PurePath(i.path).name})
                  for i in report.provenance.inputs]
        update["provenance"] = report.provenance.model_copy(update={"inputs": inputs})
    finished = report.model_copy(update=update)
    return suppress(finished, Suppression(threshold)) if withhold else finished


def render_json(report: ScorecardReport | FindingsReport) -> str:
    """The report as indented JSON, valid against :func:`~corpparent.report.model.report_schema`."""
    return report.model_dump_json(indent=2) + "\n"


def render(
    report: ScorecardReport | FindingsReport,
    output_format: Format,
    *,
    width: int = 120,
    color: bool = False,
) -> str:
    """The text of ``report`` in ``output_format``."""
    if output_format == "json":
        return render_json(report)
    if output_format == "markdown":
        return render_markdown(report)
    if output_format == "html":
        return render_html(report)
    if output_format == "terminal":
        return render_terminal(report, width=width, color=color)
    if output_format == "csv":
        return csv_text(tidy_tables(report)[0])
    if output_format in BINARY_FORMATS:
        raise DefinitionError(f"{output_format} is a binary format: write it to a file")
    raise DefinitionError(f"unknown format {output_format!r}; expected one of "
                          f"{', '.join(FORMATS)}")


def render_binary(report: ScorecardReport | FindingsReport, output_format: Format) -> bytes:
    """The bytes of ``report`` in ``output_format``: a binary format, or a text format
    encoded as UTF-8."""
    if output_format == "docx":
        return render_docx(report)
    if output_format == "xlsx":
        return xlsx_bytes(tidy_tables(report))
    if output_format == "parquet":
        return parquet_bytes(tidy_tables(report)[0])
    return render(report, output_format).encode("utf-8")
