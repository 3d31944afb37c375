"""The options that say how a sheet kept by hand is read, shared by every command that
reads readings (``scorecard``, ``validate``): how a period column's dates are read,
whether a table is laid out long or wide, and which of its headings names which field.

Each is applied around the whole command, so every file it reads, in this process or a
child forked from it, is read the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from corpparent.errors import CorpparentError
from corpparent.files._tabular.column_names import parse_columns, using_columns
from corpparent.files._tabular.date_periods import DateRule, using_date_rule
from corpparent.files._tabular.wide import Layout, using_layout

__all__ = ["reading_options"]

_READING_OPTIONS = (
    click.option("--periods", "date_rule", type=click.Choice([r.value for r in DateRule]),
                 help="Read a period column's dates as quarter ends (2022-06-30 is "
                 "2022-23 Q1) or month ends (2022-06). Default: the column's own dates "
                 "decide (see docs/reading-your-data.md)."),
    click.option("--layout", type=click.Choice([layout.value for layout in Layout]),
                 help="How a readings table is laid out: long (a reading a row: "
                 "indicator, period, value) or wide (an indicator a row, a period a "
                 "column). Default: told from the table's header."),
    click.option("--columns", metavar="HEADING=FIELD,...",
                 help="The fields a table's own headings hold, e.g. "
                 "'Indicator=indicator,Quarter=period,Figure=value'. Common headings "
                 "(Measure, KPI, Quarter, Month, Actual, Figure, ...) are known without it."),
)


def reading_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """Add the reading options to a command, and read its files by them."""

    @functools.wraps(function)
    def command(*args: Any, date_rule: str | None, layout: str | None, columns: str | None,
                **kwargs: Any) -> Any:
        try:
            mapping = None if columns is None else parse_columns(columns)
        except CorpparentError as exc:
            raise click.BadParameter(str(exc), param_hint="--columns") from None
        with using_date_rule(date_rule), using_layout(layout), using_columns(mapping):
            return function(*args, **kwargs)

    decorated: Callable[..., Any] = command
    for option in reversed(_READING_OPTIONS):
        decorated = option(decorated)
    return decorated
