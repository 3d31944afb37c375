"""A report as tidy tables, for analysts who load results into Excel or Power BI.

Flattening the JSON report gives columns that hold lists. `tidy_tables` gives,
instead, one table per kind of row, every column one plain value:

* ``indicators``: one row per indicator and period of its trend, with the expected range
  that applied in that period, and the targets and headline status on the row of the
  report's own period;
* ``comparators``: one row per indicator and comparator (England, region, neighbours);
* ``findings``: one row per finding, its evidence also written out as ``key: value``
  text for a reader of the sheet;
* ``evidence``: one row per finding and evidence key, the value in ``number``,
  ``text`` or ``yes_no`` by its type, so a BI tool filters and sums it without parsing;
* ``process``, where there is a process chart: one row per point of each chart, with
  the mean and limits of its group and the signal reported for it.

* ``register``, for a report of meetings: one row per member and meeting, with the mark
  of the attendance register.

Every table declares its columns' types (`Table.types`): a row's ``period`` is
followed by ``period_start`` and ``period_end``, its first and last days, as dates, so a
BI tool has a time axis; a meeting is a date; a rank is a whole number. A file that keeps
types (Parquet, ``.xlsx``) then has the same columns of the same types whatever the rows,
none included.

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

import math
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from types import NoneType, UnionType
from typing import Final, Union, final, get_args, get_origin

from attrs import frozen
from pydantic import BaseModel

from corpparent.errors import PeriodError
from corpparent.findings import EvidenceValue
from corpparent.periods.parsing import parse_period
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

#: A table's columns after ``profile`` and ``publication``, each with its type
#: (`TYPES`), in order.
Columns = tuple[tuple[str, str], ...]

_PERIOD: Final = (("period", "text"), ("period_start", "date"), ("period_end", "date"))
_HEAD: Final = (("authority", "text"), ("report_period", "text"))
_INDICATOR_FIELDS: Final[Columns] = (
    *_HEAD, ("indicator_id", "text"), ("indicator_name", "text"), ("domain", "text"),
    ("kind", "text"), ("polarity", "text"), ("unit", "text"), *_PERIOD,
    ("is_report_period", "yes/no"), ("value", "number"), ("symbol", "text"),
    ("note", "text"), ("range_lower", "number"), ("range_upper", "number"),
    ("target", "number"), ("target_direction", "text"), ("ambition", "number"),
    ("ambition_direction", "text"), ("status", "text"), ("performance", "text"),
    ("national_rank", "integer"), ("national_ranked", "integer"), ("national_band", "text"),
    ("national_period", "text"), ("national_group", "text"),
    ("national_group_better_than", "integer"), ("national_group_with_value", "integer"),
    ("variation", "text"), ("assurance", "text"),
)
_PROCESS_FIELDS: Final[Columns] = (
    *_HEAD, ("indicator_id", "text"), ("indicator_name", "text"), *_PERIOD,
    ("value", "number"), ("mean", "number"), ("lower_limit", "number"),
    ("upper_limit", "number"), ("trial", "yes/no"), ("signal", "text"), ("side", "text"),
    ("nature", "text"),
)
_COMPARATOR_FIELDS: Final[Columns] = (
    *_HEAD, ("indicator_id", "text"), ("indicator_name", "text"), ("comparator", "text"),
    ("comparator_kind", "text"), *_PERIOD, ("value", "number"), ("symbol", "text"),
)
_REGISTER_FIELDS: Final[Columns] = (*_HEAD, ("member", "text"), ("meeting", "date"),
                                    ("mark", "text"))
_FINDING_FIELDS: Final[Columns] = (
    *_HEAD, ("subject", "text"), ("subject_name", "text"), ("rule", "text"),
    ("family", "text"), *_PERIOD, ("status", "text"), ("breach", "yes/no"),
    ("outcome", "text"), ("explanation", "text"), ("evidence", "text"),
)
_EVIDENCE_FIELDS: Final[Columns] = (
    *_HEAD, ("subject", "text"), ("rule", "text"), *_PERIOD, ("key", "text"),
    ("number", "number"), ("text", "text"), ("yes_no", "yes/no"),
)
#: The columns of the ``indicators`` and ``process`` tables, in order.
INDICATOR_COLUMNS: Final = ("profile", "publication", *(n for n, _ in _INDICATOR_FIELDS))
PROCESS_COLUMNS: Final = ("profile", "publication", *(n for n, _ in _PROCESS_FIELDS))


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


def _typed(name: str, fields: Columns, rows: Iterable[tuple[Cell, ...]]) -> Table:
    return Table(name, tuple(n for n, _ in fields), tuple(rows),
                 types=tuple(kind for _, kind in fields))


def _tables(report: AnyReport) -> tuple[Table, ...]:
    if isinstance(report, BenchmarkReport):
        columns = tuple(BenchmarkRowOut.model_fields)
        return (Table("benchmark", columns, tuple(
            tuple(_cell(getattr(row, name)) for name in columns) for row in report.rows),
            types=model_types(BenchmarkRowOut)),
                Table("provenance", ("item", "text"), provenance_items(report),
                      types=("text", "text")))
    findings = _typed("findings", _FINDING_FIELDS, (
        _finding_row(report, finding) for finding in report.findings))
    evidence = _typed("evidence", _EVIDENCE_FIELDS, (
        row for finding in report.findings for row in _evidence_rows(report, finding)))
    if isinstance(report, FindingsReport):
        tables = [findings, evidence]
        if report.chart is not None:
            subject = report.findings[0].subject if report.findings else None
            tables.append(_typed("process", _PROCESS_FIELDS, _process_rows(
                report, subject, report.title, report.chart)))
        register = report.attendance_register
        if register is not None:
            tables.append(_typed("register", _REGISTER_FIELDS, (
                (report.authority, report.period, row.member, meeting, mark)
                for row in register.rows
                for meeting, mark in zip(register.meetings, row.marks, strict=True))))
        return tuple(tables)
    indicators = _typed("indicators", _INDICATOR_FIELDS, (
        row for indicator in report.indicators for row in _indicator_rows(report, indicator)))
    comparators = _typed("comparators", _COMPARATOR_FIELDS, (
        (report.authority, report.period, indicator.id, indicator.name, item.name, item.kind,
         *_period_cells(item.period), item.value, item.symbol)
        for indicator in report.indicators for item in indicator.comparators))
    charted = [i for i in report.indicators if i.chart is not None]
    if not charted:
        return indicators, comparators, findings, evidence
    process = _typed("process", _PROCESS_FIELDS, (
        row for i in charted if i.chart is not None
        for row in _process_rows(report, i.id, i.name, i.chart)))
    return indicators, comparators, findings, evidence, process


def _period_cells(text: str | None) -> tuple[Cell, Cell, Cell]:
    """A period as written, then its first and last days as ISO dates; no days where the
    text names no period corpparent reads (a LAIT year such as ``2023``, say)."""
    if text is None:
        return (None, None, None)
    try:
        period = parse_period(text)
    except PeriodError:
        return (text, None, None)
    return (text, period.start.isoformat(), period.end.isoformat())


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
        (report.authority, report.period, indicator_id, name, *_period_cells(point.period),
         point.value, point.mean, point.lower_limit, point.upper_limit, chart.trial, point.signal,
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
            indicator.kind, indicator.polarity, indicator.unit, *_period_cells(point.period),
            own, point.value, point.symbol, point.note, point.lower, point.upper,
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
            indicator.kind, indicator.polarity, indicator.unit, *_period_cells(report.period),
            True, indicator.value, indicator.symbol, None if indicator.value is not None
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
    evidence = "; ".join(f"{key}: {_plain(value)}" for key, value in finding.evidence.items())
    return (report.authority, report.period, finding.subject, finding.subject_name,
            finding.rule, finding.family.value, *_period_cells(finding.period),
            finding.status.value, finding.breach, finding.outcome, finding.explanation,
            evidence)


def _plain(value: EvidenceValue) -> EvidenceValue:
    """A number of the evidence without the noise of binary arithmetic: a change from 9.1
    to 7 is -2.1, not -2.0999999999999996 (twelve significant digits are kept)."""
    if isinstance(value, float) and math.isfinite(value):
        return float(f"{value:.12g}")
    return value


def _evidence_rows(report: AnyReport, finding: FindingOut) -> Iterator[tuple[Cell, ...]]:
    """A row per evidence key of ``finding``, its value in the column of its type."""
    head = (report.authority, report.period, finding.subject, finding.rule,
            *_period_cells(finding.period))
    for key, value in finding.evidence.items():
        if isinstance(value, bool):
            yield (*head, key, None, None, value)
        elif isinstance(value, int | float):
            yield (*head, key, float(value) if isinstance(value, int) else _plain(value),
                   None, None)
        else:
            yield (*head, key, None, value, None)
