"""A report as tidy tables, for analysts who load results into Excel or Power BI.

Flattening the JSON report gives columns that hold lists. `tidy_tables` gives,
instead, one table per kind of row, every column one plain value:

* ``indicators``: one row per indicator and period of its trend, with the expected range
  that applied in that period, and the targets and headline status on the row of the
  report's own period;
* ``comparators``: one row per indicator and comparator (England, region, neighbours);
* ``findings``: one row per finding, its evidence written out as ``key: value`` text;
* ``process``, where there is a process chart: one row per point of each chart, with
  the mean and limits of its group and the signal reported for it.

* ``register``, for a report of meetings: one row per member and meeting, with the mark
  of the attendance register.

A benchmark has the ``benchmark`` table, a row per measure and period, each column typed
from the report's model (`model_types`), then ``provenance``: where the figures
come from and how they were made, an ``(item, text)`` row each.

A report of findings (meetings, obligations) has the ``findings`` table first, then the
``process`` table when it carries a chart and the ``register`` when it has one. The
tables are built from the finished report, so what was withheld as ``c`` stays withheld.

Every table's first columns are ``profile``, who the report is for (``public``,
``private`` or ``internal``), and ``publication``, whether it may be published ("for
publication", or "not for publication" as its banner says), on every row, so a table
copied out of its file, or a row pasted elsewhere, still says whether it may be
published. Each table also carries the
report's `about` (profile, banner, what was
withheld) as `Table.about`, which the workbook's first sheet and the Parquet
file's metadata state.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from types import NoneType, UnionType
from typing import Final, Union, final, get_args, get_origin

from attrs import frozen
from pydantic import BaseModel

from corpparent.report.benchmark import provenance_items
from corpparent.report.model import (
    AnyReport,
    BenchmarkReport,
    BenchmarkRowOut,
    FindingsReport,
    ScorecardReport,
)
from corpparent.report.parts import ChartOut, FindingOut, IndicatorOut, TargetOut
from corpparent.report.profiles import about as profile_about

__all__ = ["INDICATOR_COLUMNS", "PROCESS_COLUMNS", "TYPES", "Cell", "Table", "model_types",
           "tidy_tables"]

#: A cell of a tidy table: text, a number, a yes/no, or empty.
Cell = str | float | int | bool | None

#: The types a table's column may declare, by the Python type of a model's field.
TYPES: Final = {str: "text", int: "integer", float: "number", bool: "yes/no", date: "date"}

#: The columns of the ``indicators`` table after ``profile`` and ``publication``, in order.
_INDICATOR_FIELDS: Final = (
    "authority", "report_period", "indicator_id", "indicator_name", "domain", "kind",
    "polarity", "unit", "period", "is_report_period", "value", "symbol", "note",
    "range_lower", "range_upper", "target", "target_direction", "ambition",
    "ambition_direction", "status", "performance", "national_rank", "national_ranked",
    "national_band", "national_period", "national_group", "national_group_better_than",
    "national_group_with_value", "variation", "assurance",
)
#: The columns of the ``process`` table after ``profile`` and ``publication``, in order.
_PROCESS_FIELDS: Final = (
    "authority", "report_period", "indicator_id", "indicator_name", "period", "value",
    "mean", "lower_limit", "upper_limit", "trial", "signal", "side", "nature",
)
#: The columns of the ``indicators`` and ``process`` tables, in order.
INDICATOR_COLUMNS: Final = ("profile", "publication", *_INDICATOR_FIELDS)
PROCESS_COLUMNS: Final = ("profile", "publication", *_PROCESS_FIELDS)
_COMPARATOR_COLUMNS: Final = (
    "authority", "report_period", "indicator_id", "indicator_name", "comparator",
    "comparator_kind", "period", "value", "symbol",
)
_REGISTER_COLUMNS: Final = ("authority", "report_period", "member", "meeting", "mark")
_FINDING_COLUMNS: Final = (
    "authority", "report_period", "subject", "subject_name", "rule", "family", "period",
    "status", "breach", "outcome", "explanation", "evidence",
)


@final
@frozen
class Table:
    """A named table of rows, every row one value per column; ``about`` says, as
    ``(label, text)`` pairs, who the table is for (its profile and banner); ``types``,
    if given, each column's type."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    about: tuple[tuple[str, str], ...] = ()
    #: Each column's type (`TYPES`), where the table declares them: a file that
    #: keeps types (Parquet) then has the same schema whatever the rows, none included.
    types: tuple[str, ...] = ()

    def records(self) -> list[dict[str, Cell]]:
        """The rows as dictionaries keyed by column."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def tidy_tables(report: AnyReport) -> tuple[Table, ...]:
    """The report's tables, the main one first (``indicators`` for a scorecard,
    ``benchmark`` for a benchmark, ``findings`` otherwise), each headed by the
    ``profile`` and ``publication`` columns."""
    about = profile_about(report)
    publication = ("not for publication" if "not for publication" in dict(about)[
        "Who it is for"].lower() else "for publication")
    return tuple(Table(t.name, ("profile", "publication", *t.columns),
                       tuple((report.profile, publication, *row) for row in t.rows), about,
                       ("text", "text", *t.types) if t.types else ())
                 for t in _tables(report))


def _tables(report: AnyReport) -> tuple[Table, ...]:
    if isinstance(report, BenchmarkReport):
        columns = tuple(BenchmarkRowOut.model_fields)
        return (Table("benchmark", columns, tuple(
            tuple(_cell(getattr(row, name)) for name in columns) for row in report.rows),
            types=model_types(BenchmarkRowOut)),
                Table("provenance", ("item", "text"), provenance_items(report),
                      types=("text", "text")))
    findings = Table("findings", _FINDING_COLUMNS, tuple(
        _finding_row(report, finding) for finding in report.findings))
    if isinstance(report, FindingsReport):
        tables = [findings]
        if report.chart is not None:
            subject = report.findings[0].subject if report.findings else None
            tables.append(Table("process", _PROCESS_FIELDS, _process_rows(
                report, subject, report.title, report.chart)))
        register = report.attendance_register
        if register is not None:
            tables.append(Table("register", _REGISTER_COLUMNS, tuple(
                (report.authority, report.period, row.member, meeting, mark)
                for row in register.rows
                for meeting, mark in zip(register.meetings, row.marks, strict=True))))
        return tuple(tables)
    indicators = Table("indicators", _INDICATOR_FIELDS, tuple(
        row for indicator in report.indicators for row in _indicator_rows(report, indicator)))
    comparators = Table("comparators", _COMPARATOR_COLUMNS, tuple(
        (report.authority, report.period, indicator.id, indicator.name, item.name, item.kind,
         item.period, item.value, item.symbol)
        for indicator in report.indicators for item in indicator.comparators))
    charted = [i for i in report.indicators if i.chart is not None]
    if not charted:
        return indicators, comparators, findings
    process = Table("process", _PROCESS_FIELDS, tuple(
        row for i in charted if i.chart is not None
        for row in _process_rows(report, i.id, i.name, i.chart)))
    return indicators, comparators, findings, process


def model_types(model: type[BaseModel]) -> tuple[str, ...]:
    """Each field's column type (`TYPES`), from its annotation (``int | None`` is
    ``integer``); text for any other."""
    found = []
    for field in model.model_fields.values():
        kinds: list[object] = [field.annotation]
        if get_origin(field.annotation) in (Union, UnionType):
            kinds = [k for k in get_args(field.annotation) if k is not NoneType]
        found.append(next((name for kind, name in TYPES.items() if kinds == [kind]), "text"))
    return tuple(found)


def _cell(value: object) -> Cell:
    """A value of a row as a cell: a day as its ISO date."""
    if value is None or isinstance(value, str | float | int | bool):
        return value
    return str(value)


def _process_rows(report: AnyReport, indicator_id: str | None,
                  name: str, chart: ChartOut) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        (report.authority, report.period, indicator_id, name, point.period, point.value,
         point.mean, point.lower_limit, point.upper_limit, chart.trial, point.signal,
         point.side, point.nature)
        for point in chart.points)


def _indicator_rows(
    report: ScorecardReport, indicator: IndicatorOut
) -> list[tuple[Cell, ...]]:
    points = list(indicator.trend)
    periods = [point.period for point in points]
    rows: list[tuple[Cell, ...]] = []
    # The targets the report carries are those that applied in its own period: they are
    # written on that period's row.
    target = _target(indicator.targets, ambition=False)
    ambition = _target(indicator.targets, ambition=True)
    for point in points:
        own = point.period == report.period
        rows.append((
            report.authority, report.period, indicator.id, indicator.name, indicator.domain,
            indicator.kind, indicator.polarity, indicator.unit, point.period, own,
            point.value, point.symbol, point.note, point.lower, point.upper,
            *_targets_cells(target, ambition, own),
            _status(indicator) if own else None,
            indicator.performance if own else None,
            *_national_cells(indicator, own),
            indicator.variation if own else None,
            indicator.assurance if own else None,
        ))
    if report.period not in periods:  # no trend point for the report's own period
        rows.append((
            report.authority, report.period, indicator.id, indicator.name, indicator.domain,
            indicator.kind, indicator.polarity, indicator.unit, report.period, True,
            indicator.value, indicator.symbol, None if indicator.value is not None
            else indicator.value_text,
            None if indicator.expected_range is None else indicator.expected_range.lower,
            None if indicator.expected_range is None else indicator.expected_range.upper,
            *_targets_cells(target, ambition, True), _status(indicator), indicator.performance,
            *_national_cells(indicator, True), indicator.variation, indicator.assurance,
        ))
    return rows


def _target(targets: Sequence[TargetOut], *, ambition: bool) -> TargetOut | None:
    return next((t for t in targets if t.ambition is ambition), None)


def _national_cells(indicator: IndicatorOut, own: bool) -> tuple[Cell, ...]:
    """The national rank, its n, band and period, and the position in the comparator
    group, on the report period's row."""
    national = indicator.national
    if not own or national is None:
        return (None,) * 7
    return (national.rank, national.ranked, national.band, national.period, national.group,
            national.better_than, national.among)


def _targets_cells(target: TargetOut | None, ambition: TargetOut | None,
                   own: bool) -> tuple[Cell, ...]:
    """Target and ambition, value and direction, on the report period's row."""
    if not own:
        return (None, None, None, None)
    return (None if target is None else target.value,
            None if target is None else target.direction,
            None if ambition is None else ambition.value,
            None if ambition is None else ambition.direction)


def _status(indicator: IndicatorOut) -> str:
    return "not judged" if indicator.status is None else indicator.status.value


def _finding_row(report: AnyReport,
                 finding: FindingOut) -> tuple[Cell, ...]:
    evidence = "; ".join(f"{key}: {value}" for key, value in finding.evidence.items())
    return (report.authority, report.period, finding.subject, finding.subject_name,
            finding.rule, finding.family.value, finding.period, finding.status.value,
            finding.breach, finding.outcome, finding.explanation, evidence)
