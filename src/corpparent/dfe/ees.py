"""Explore Education Statistics (EES) tidy tables: rows, periods, areas and figures.

EES publishes each statistic as a tidy table: time columns (``time_period``,
``time_identifier``), geography columns (``geographic_level``, ``country_*``,
``region_*``, ``old_la_code``, ``la_name``, ``new_la_code``), filter columns that break
a figure down (``cla_group``, ``placement_stability``), and indicator columns that hold
the figures (``children_count``, ``children_percent``). A suppressed or inapplicable
cell holds an official symbol (``c``, ``z``, ``x``, ``low``, ``k``), which is kept as
the figure's status. Which columns are indicators is not written in the data file
itself (EES keeps it in a separate metadata file), so the caller names them; every
other non-geography column is a filter.

Periods: the children-looked-after and care-leaver releases write ``2025`` with
``time_identifier`` "Reporting year" for the year ending 31 March 2025 ("children looked
after at 31 March 2025"), which is the financial year 2024-25; "Financial year" periods
are written ``202425``. Both become [`FinancialYear`][corpparent.periods.FinancialYear].
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final, final

from attrs import frozen

from corpparent.dfe.areas import Area, Areas
from corpparent.dfe.figures import Figure
from corpparent.errors import PeriodError
from corpparent.periods import CalendarYear, FinancialYear, Period

__all__ = ["GEOGRAPHY_COLUMNS", "EesRow", "EesTable", "ees_period"]

#: The time and geography columns of an EES file; every other column is a filter or an
#: indicator.
GEOGRAPHY_COLUMNS: Final = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "la_name",
    "new_la_code",
)
_ACCEPTED_TIMES: Final = (
    "'2025' with 'Reporting year' (the year ending 31 March 2025)",
    "'202425' with 'Financial year'",
    "'2025' with 'Calendar year'",
)


def ees_period(time_period: str, time_identifier: str) -> Period:
    """The period an EES ``time_period`` and ``time_identifier`` name.

    Raises [`PeriodError`][corpparent.errors.PeriodError] (a ``ValueError``) naming the
    accepted forms.
    """
    identifier = time_identifier.strip().lower()
    text = time_period.strip()
    if identifier == "reporting year" and re.fullmatch(r"\d{4}", text):
        return FinancialYear(int(text) - 1)
    if identifier == "calendar year" and re.fullmatch(r"\d{4}", text):
        return CalendarYear(int(text))
    if identifier == "financial year" and re.fullmatch(r"\d{6}", text):
        start, end = int(text[:4]), int(text[4:])
        if end == (start + 1) % 100:
            return FinancialYear(start)
    raise PeriodError(
        f"cannot read time_period {time_period!r} with time_identifier "
        f"{time_identifier!r}; accepted: {'; '.join(_ACCEPTED_TIMES)}"
    )


@final
@frozen
class EesRow:
    """One record of an EES file: where, when, which breakdown, and its figures."""

    line: int
    period: Period
    area: Area
    filters: Mapping[str, str]
    figures: Mapping[str, Figure]

    def matches(self, filters: Mapping[str, str]) -> bool:
        """Whether every filter column named has the value given."""
        return all(self.filters.get(column) == value for column, value in filters.items())


@final
@frozen
class EesTable:
    """A whole EES file, read and checked."""

    source: str
    filter_columns: tuple[str, ...]
    indicator_columns: tuple[str, ...]
    rows: tuple[EesRow, ...]
    areas: Areas

    def select(self, filters: Mapping[str, str]) -> tuple[EesRow, ...]:
        """The rows whose filters have the values given."""
        return tuple(row for row in self.rows if row.matches(filters))

    def filter_values(self, column: str) -> tuple[str, ...]:
        """The distinct values of a filter column, sorted."""
        return tuple(sorted({row.filters.get(column, "") for row in self.rows}))

    @property
    def periods(self) -> tuple[Period, ...]:
        """Every period in the file, in order."""
        return tuple(sorted({row.period for row in self.rows}))
