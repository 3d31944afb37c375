"""The data formats: the report model as JSON, and its tidy tables as CSV, ``.xlsx`` and
Parquet (see :mod:`corpparent.report.tables`). They write figures for other tools, not
papers, so they write the model rather than the document; what suppression withheld is
withheld here too."""

from __future__ import annotations

from corpparent.report.backends.spreadsheets import csv_text, parquet_bytes, xlsx_bytes
from corpparent.report.formats import RenderOptions
from corpparent.report.model import AnyReport, BenchmarkReport
from corpparent.report.tables import tidy_tables

__all__ = ["render_json", "write_csv", "write_json", "write_parquet", "write_xlsx"]


def render_json(report: AnyReport) -> str:
    """The report as indented JSON, valid against :func:`~corpparent.report.model.report_schema`."""
    return report.model_dump_json(indent=2) + "\n"


def write_json(report: AnyReport, options: RenderOptions) -> str:
    """The JSON backend."""
    return render_json(report)


def write_csv(report: AnyReport, options: RenderOptions) -> str:
    """The CSV backend: the report's main tidy table; a benchmark's sources and their
    licence head it as ``#`` lines, so the figures never travel without them."""
    main, *rest = tidy_tables(report)
    if not isinstance(report, BenchmarkReport):
        return csv_text(main)
    (sources,) = rest
    return "".join(f"# {row[-1]}\n" for row in sources.rows) + csv_text(main)


def write_xlsx(report: AnyReport, options: RenderOptions) -> bytes:
    """The ``.xlsx`` backend: a first sheet saying who the workbook is for, then every
    tidy table, a sheet each."""
    return xlsx_bytes(tidy_tables(report))


def write_parquet(report: AnyReport, options: RenderOptions) -> bytes:
    """The Parquet backend: the report's main tidy table."""
    return parquet_bytes(tidy_tables(report)[0])
