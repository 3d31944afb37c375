"""The reconciliation of the computed SSDA903 measures with the DfE's published figures,
as rows and as CSV, JSON or Markdown.

One row a figure of a measure and year: the figure (``numerator``, ``denominator``,
``value``), computed at the published rounding, published (a number or its symbol),
``agree``, ``differ`` or ``not comparable``, the difference (computed less published),
why it is not compared, and the published file's row. A measure not compared at all is
one row with no figure, saying why.

Who it is for decides what it shows (see `corpparent.report.profiles`):

- ``internal`` (the default): everything, and the child-level drill-down if asked for;
- ``private``: everything but the drill-down;
- ``public``: a computed figure is shown only where the DfE published a number for it
  and the computed figure agrees with it, so a figure the DfE suppressed (``c``) or did
  not publish is not undone by the council's own count, and a difference (computed 3
  children where 4 were published) does not say how many children are counted
  otherwise; which figures differ is still said. Published files are named without
  their folders.

A drill-down names children by the return's identifiers: any profile but ``internal``
refuses it, and the refusal names no child.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import Final

from corpparent.errors import DefinitionError
from corpparent.report.model import Profile
from corpparent.report.profiles import PROFILE_NOTES
from corpparent.ssda903.counted import DrillDown
from corpparent.ssda903.reconciling import FigureCheck, Reconciliation, Status

__all__ = ["COLUMNS", "FORMATS", "allow_drill_down", "drill_down_rows", "reconcile_rows",
           "render_reconciliation"]

#: The formats a reconciliation is written in.
FORMATS: Final = ("csv", "json", "markdown")
#: The columns of every row, in order.
COLUMNS: Final = ("profile", "publication", "measure", "year", "figure", "computed",
                  "published", "status", "difference", "note", "source", "child")
_SHOWN: Final = ("measure", "year", "figure", "computed", "published", "status",
                 "difference", "note")
_WITHHELD: Final = "computed figure withheld: not published as a number"
_DIFFERS: Final = ("computed figure withheld: it differs from the published one, and the "
                   "two would give away how many children it counts otherwise")

Row = dict[str, object]


def _about(profile: Profile) -> Row:
    return {"profile": profile,
            "publication": "for publication" if profile == "public" else "not for publication"}


def _number(value: float | None, decimals: int) -> str:
    return "" if value is None else f"{value:.{max(decimals, 0)}f}"


def _source(source: str, profile: Profile) -> str:
    if profile != "public" or not source:
        return source
    file, _, row = source.rpartition(", row ")
    return f"{PurePath(file).name}, row {row}" if file else PurePath(source).name


def _check_row(result: Reconciliation, check: FigureCheck, profile: Profile) -> Row:
    published = check.published
    decimals = published.decimals if published is not None else 0
    computed = _number(check.computed, decimals)
    note = check.note
    difference = _number(check.difference, decimals)
    if profile == "public" and (published is None or published.value is None):
        computed, note = "", "; ".join(n for n in (note, _WITHHELD) if n)
    elif profile == "public" and check.status is not Status.AGREE:
        computed, difference = "", ""
        note = "; ".join(n for n in (note, _DIFFERS) if n)
    shown_published = "" if published is None else (
        published.symbol if published.symbol is not None
        else _number(published.value, decimals))
    return {**_about(profile), "measure": result.measure, "year": result.year,
            "figure": check.figure, "computed": computed, "published": shown_published,
            "status": check.status.value,
            "difference": difference, "note": note,
            "source": _source("" if published is None else published.source, profile),
            "child": ""}


def reconcile_rows(results: Iterable[Reconciliation], profile: Profile = "internal") -> list[Row]:
    """One row a figure of each measure reconciled (one row for a measure not compared),
    as ``profile`` may show it."""
    rows: list[Row] = []
    for result in results:
        if not result.checks:
            rows.append({**_about(profile), "measure": result.measure, "year": result.year,
                         "figure": "", "computed": "", "published": "",
                         "status": result.status.value, "difference": "",
                         "note": result.note, "source": result.file or "", "child": ""})
        rows += [_check_row(result, check, profile) for check in result.checks]
    return rows


def allow_drill_down(profile: Profile) -> None:
    """Refuse a drill-down in any profile but ``internal``: a
    [`DefinitionError`][corpparent.errors.DefinitionError] that names no child."""
    if profile != "internal":
        raise DefinitionError(f"the child-level drill-down names children and is shown "
                              f"only in the internal profile, not the {profile} profile; "
                              "leave out the drill-down or choose the internal profile")


def drill_down_rows(drills: Iterable[DrillDown], profile: Profile) -> list[Row]:
    """The children each drill-down counts, one row a child and figure (``numerator``,
    ``denominator``), what the child adds in ``computed``: in the ``internal`` profile
    only, any other a [`DefinitionError`][corpparent.errors.DefinitionError] that names
    no child."""
    chosen = tuple(drills)
    if chosen:
        allow_drill_down(profile)
    rows: list[Row] = []
    for drill in chosen:
        for child in drill.children:
            parts = {"numerator": child.numerator, "denominator": child.denominator}
            for figure, part in parts.items():
                if part:
                    rows.append({**_about(profile), "measure": drill.measure,
                                 "year": drill.year, "figure": figure, "computed": str(part),
                                 "published": "", "status": "", "difference": "",
                                 "note": "the child's part", "source": "",
                                 "child": child.child})
    return rows


def _markdown_table(columns: Sequence[str], rows: Iterable[Row]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "| " + " | ".join("---" for _ in columns) + " |"]
    lines += ["| " + " | ".join(str(row[c]).replace("|", "\\|") for c in columns) + " |"
              for row in rows]
    return lines


def render_reconciliation(results: Iterable[Reconciliation], output_format: str,
                          profile: Profile = "internal",
                          drills: Sequence[DrillDown] = ()) -> str:
    """The reconciliation in ``output_format`` (one of `FORMATS`) for ``profile``, with
    the drill-downs' children after it (``internal`` only)."""
    rows = reconcile_rows(results, profile)
    children = drill_down_rows(drills, profile)
    if output_format == "json":
        document: dict[str, object] = {**_about(profile), "reconciliation": rows}
        if drills:
            document["drill_down"] = children
        return json.dumps(document, indent=2) + "\n"
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows([*rows, *children])
        return buffer.getvalue()
    if output_format != "markdown":
        raise DefinitionError(f"unknown format {output_format!r}; expected one of "
                              + ", ".join(FORMATS))
    differ = sum(1 for r in rows if r["status"] == Status.DIFFER.value)
    lines = [PROFILE_NOTES[profile], "",
             f"Figures that differ from the DfE's published figures: {differ}.", "",
             *_markdown_table(_SHOWN, rows)]
    if drills:
        lines += ["", "Children counted by the measures that differ:", "",
                  *_markdown_table(("measure", "year", "figure", "child", "computed"),
                                   children)]
    return "\n".join(lines) + "\n"
