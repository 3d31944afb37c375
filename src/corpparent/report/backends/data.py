"""The data formats: the report model as JSON, and its tidy tables as CSV, ``.xlsx`` and
Parquet (see `corpparent.report.tables`). They write figures for other tools, not
papers, so they write the model rather than the document; what suppression withheld is
withheld here too."""

from __future__ import annotations

from corpparent.report.backends.spreadsheets import csv_text, parquet_bytes, xlsx_bytes
from corpparent.report.formats import RenderOptions
from corpparent.report.model import AnyReport
from corpparent.report.tables import tidy_tables

__all__ = ["render_json", "write_csv", "write_json", "write_parquet", "write_xlsx"]


def render_json(report: AnyReport) -> str:
    """The report as indented JSON, valid against
    [`report_schema`][corpparent.report.model.report_schema]."""
    return report.model_dump_json(indent=2) + "\n"


def write_json(report: AnyReport, options: RenderOptions) -> str:
    """The JSON backend."""
    return render_json(report)


def write_csv(report: AnyReport, options: RenderOptions) -> str:
    """The CSV backend: the report's main tidy table, one header row and the rows, which
    any CSV reader takes with no options. The other tables (a benchmark's provenance)
    go beside it when written to a file (``NAME-provenance.csv``), never inside it."""
    return csv_text(tidy_tables(report)[0])


def write_xlsx(report: AnyReport, options: RenderOptions) -> bytes:
    """The ``.xlsx`` backend: a first sheet saying who the workbook is for, then every
    tidy table, a sheet each."""
    return xlsx_bytes(tidy_tables(report))


def write_parquet(report: AnyReport, options: RenderOptions) -> bytes:
    """The Parquet backend: the report's main tidy table."""
    return parquet_bytes(tidy_tables(report)[0])
