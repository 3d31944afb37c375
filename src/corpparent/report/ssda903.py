"""The figures computed from the SSDA903 return, as documents: the table of measures, and
a readings file the scorecard reads.

[`measures_document`][corpparent.report.ssda903.measures_document] turns a year's measures
(`corpparent.runs.ssda903.ssda903_measures`) into rows that say who they are for:
officers, as the counts of children are shown however small; and
[`render_measures`][corpparent.report.ssda903.render_measures] writes them as CSV, JSON or a
Markdown table. [`render_readings`][corpparent.report.ssda903.render_readings] writes the
readings computed for a scorecard's indicators
(`corpparent.runs.ssda903.ssda903_readings`) in the readings file format (see
docs/readings.md): ``indicator``, ``period``, ``value``, ``numerator``, ``denominator``,
each figure written so that it reads back as it was computed. Such a file is an
internal working copy too: the scorecard's public profile withholds its small counts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

from corpparent.report.profiles import PROFILE_NOTES

if TYPE_CHECKING:  # the measures load NumPy: 'corpparent ssda903 --help' does not
    from corpparent.indicators.readings import Reading
    from corpparent.ssda903.measuring import MeasureValue

__all__ = ["MEASURE_FORMATS", "READINGS_COLUMNS", "measures_document", "render_measures",
           "render_readings"]

#: The formats the measures are written in.
MEASURE_FORMATS: Final = ("csv", "json", "markdown")
#: The columns of a readings file written from the return.
READINGS_COLUMNS: Final = ("indicator", "period", "value", "numerator", "denominator")
_COLUMNS: Final = ("profile", "publication", "measure", "year", "as_at", "numerator",
                   "denominator", "value", "short_history")
#: Who the measures are for: officers, as they show small counts of children.
_ABOUT: Final = {"profile": "internal", "publication": "not for publication"}
_BANNER: Final = f"{PROFILE_NOTES['internal']} Counts of fewer than 6 children are shown."


def measures_document(values: Iterable[MeasureValue]) -> list[dict[str, object]]:
    """The measures as rows, each saying it is an internal working copy (the
    ``profile`` and ``publication`` columns every export carries), and, in
    ``short_history``, why a figure cannot be trusted where the returns read do not
    reach back as far as it needs (blank where they do): a file read on its own, away
    from the command's warnings, still says so."""
    return [{**_ABOUT, "measure": v.measure, "year": v.year, "as_at": v.as_at,
             "numerator": v.numerator, "denominator": v.denominator, "value": v.value,
             "short_history": v.short_history}
            for v in values]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if not value.is_integer() else f"{value:.0f}"
    return str(value)


def render_measures(rows: Sequence[Mapping[str, object]], output_format: str) -> str:
    """The measures' rows in ``output_format`` (one of `MEASURE_FORMATS`): CSV and JSON
    with every figure as computed, Markdown rounded to four significant digits under a
    line saying it is not for publication."""
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
             "| --- | --- | --- | ---: | ---: | ---: | --- |"]
    lines += ["| " + " | ".join(_text(row[c]) for c in shown) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _figure(number: float | None) -> str:
    """A figure as the readings file writes it: a whole number without a decimal
    point, any other in full (``repr``), so it reads back exactly."""
    if number is None:
        return ""
    return str(int(number)) if number.is_integer() else repr(number)


def render_readings(readings: Iterable[Reading]) -> str:
    """``readings`` as a CSV readings file, in indicator then period order: a withheld
    figure (``z`` where no child is in the denominator) keeps its symbol."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(READINGS_COLUMNS)
    for reading in sorted(readings, key=lambda r: (r.indicator, r.period)):
        value = reading.symbol if reading.value is None else _figure(reading.value)
        writer.writerow([reading.indicator, str(reading.period), value or "",
                         _figure(reading.numerator), _figure(reading.denominator)])
    return buffer.getvalue()
