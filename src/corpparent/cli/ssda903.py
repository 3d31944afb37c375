"""``corpparent ssda903``: the panel's figures from the council's own SSDA903 return.

``corpparent ssda903 measures FOLDER --year 2023-24`` reads the return's CSV tables
([`corpparent.files.read_returns`][corpparent.files.read_returns]), runs
`corpparent.runs.ssda903.ssda903_measures` and writes the tidy table of measures
(``measure``, ``year``, ``as_at``, ``numerator``, ``denominator``, ``value``) as CSV,
JSON or a Markdown table; ``--as-at`` takes them at days of the year other than its 31
March (a month or quarter end), from a return extract taken mid-year. The figures are
counts of children and never name one; small counts are shown, so every output says it
is an internal working copy, not for publication (CSV and JSON in the ``profile`` and
``publication`` columns every export carries, the Markdown in its first line).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import click

from corpparent.cli.common import OutputPath, warn
from corpparent.cli.outputs import write_output
from corpparent.report.profiles import PROFILE_NOTES

__all__ = ["ssda903"]

#: The formats the measures are written in.
FORMATS = ("csv", "json", "markdown")
_COLUMNS = ("profile", "publication", "measure", "year", "as_at", "numerator",
            "denominator", "value")
#: Who the measures are for: officers, as they show small counts of children.
_ABOUT = {"profile": "internal", "publication": "not for publication"}
_BANNER = f"{PROFILE_NOTES['internal']} Counts of fewer than 6 children are shown."


@click.group(short_help="Compute the DfE's children looked after measures from the "
             "council's SSDA903 return.")
def ssda903() -> None:
    """The DfE's children looked after measures, computed from the council's own SSDA903
    return, months before the DfE publishes them.

    \b
    Examples:
      corpparent ssda903 measures returns/ --year 2023-24
      corpparent ssda903 measures returns/2023-24 --year 2023-24 -f csv -o measures.csv
      corpparent ssda903 measures returns/ --year 2024-25 --as-at 2024-12-31
    """


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if not value.is_integer() else f"{value:.0f}"
    return str(value)


def render_rows(rows: Sequence[Mapping[str, object]], output_format: str) -> str:
    """The measures' rows in ``output_format`` (one of `FORMATS`): CSV and JSON
    with every figure as computed, Markdown rounded to four significant digits."""
    if output_format == "json":
        return json.dumps(list(rows), indent=2) + "\n"
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    shown = _COLUMNS[2:]
    lines = [_BANNER, "", "| " + " | ".join(shown) + " |",
             "| --- | --- | --- | ---: | ---: | ---: |"]
    lines += ["| " + " | ".join(_text(row[c]) for c in shown) + " |" for row in rows]
    return "\n".join(lines) + "\n"


@ssda903.command(short_help="A year's measures from the return's CSV tables.")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--year", "-y", required=True, metavar="YYYY-YY",
              help="The collection year to compute, as the DfE writes it ('2023-24'). A "
                   "FOLDER not named as a year, and holding no such folders, is read as "
                   "this year's tables.")
@click.option("--as-at", "as_at", multiple=True, metavar="YYYY-MM-DD",
              type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Take the measures at this day of the year rather than its 31 March "
                   "('2023-12-31': looked after that day, the twelve months to it), from "
                   "a return extract taken on or after it; repeat for several days.")
@click.option("--measure", "-m", "measure_ids", multiple=True, metavar="ID",
              help="A measure ('placements_3plus'); repeat for several. Default: every "
                   "measure.")
@click.option("--format", "-f", "output_format", type=click.Choice(FORMATS),
              default="markdown", show_default=True, help="Output format.")
@click.option("--output", "-o", type=OutputPath(),
              help="Write to this file instead of standard output.")
def measures(folder: Path, year: str, as_at: tuple[dt.datetime, ...],
             measure_ids: tuple[str, ...], output_format: str, output: Path | None) -> None:
    """Compute a collection year's measures from the SSDA903 return in FOLDER: a folder
    named as a collection year (2023-24/) holding the CSV tables (Header.csv,
    Episodes.csv, OC2.csv, Missing.csv, ...), or a folder holding such folders.

    \b
    Examples:
      corpparent ssda903 measures returns/ --year 2023-24
      corpparent ssda903 measures returns/ -y 2023-24 -m placements_3plus -f json
      corpparent ssda903 measures returns/ -y 2024-25 --as-at 2024-06-30 --as-at 2024-09-30
    """
    from corpparent.files.ssda903.reader import read_returns
    from corpparent.runs.ssda903 import ssda903_measures

    returns = read_returns(folder, year=year)
    run = ssda903_measures(returns, year, measure_ids, [day.date() for day in as_at])
    warn(run.warnings, "ssda903 measures")
    rows = [{**_ABOUT, "measure": v.measure, "year": v.year, "as_at": v.as_at,
             "numerator": v.numerator,
             "denominator": v.denominator, "value": v.value} for v in run.values]
    write_output(render_rows(rows, output_format), output,
                 what=f"the {output_format} measures")
import corpparent.cli.ssda903_reconcile  # noqa: E402, F401  (adds ``ssda903 reconcile``)
