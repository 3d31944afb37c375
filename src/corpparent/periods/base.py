"""What every reporting period is: a span of whole days, ordered by its end.

Periods of any kind order by their end date and then their start, so a quarter sorts
after the months it contains and before the year that ends with it, and a three-year
span sorts after the last year it covers.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from corpparent.errors import PeriodError

if TYPE_CHECKING:
    from corpparent.periods.months import Month

__all__ = ["Period", "check_year", "fy_text", "reads_as_month"]


class Period(ABC):
    """A span of whole days, from [`start`][corpparent.periods.base.Period.start] to
    [`end`][corpparent.periods.base.Period.end] inclusive."""

    __slots__ = ()

    #: Orders kinds that share start and end (a financial year and a year ending March).
    _rank: ClassVar[int] = 0

    @property
    @abstractmethod
    def start(self) -> date:
        """The first day of the period."""

    @property
    @abstractmethod
    def end(self) -> date:
        """The last day of the period (inclusive)."""

    @abstractmethod
    def previous(self) -> Period:
        """The period of the same kind immediately before this one."""

    @abstractmethod
    def same_period_last_year(self) -> Period:
        """The period of the same kind one year earlier."""

    @abstractmethod
    def __str__(self) -> str:
        """The canonical written form, which [`parse_period`][corpparent.periods.parse_period]
        reads back."""

    def overlaps(self, other: Period) -> bool:
        """Whether this period and ``other`` share a day."""
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: Period | date) -> bool:
        """Whether ``other`` (a date or a period) lies wholly within this period."""
        if isinstance(other, Period):
            return self.start <= other.start and other.end <= self.end
        return self.start <= other <= self.end

    def __contains__(self, other: object) -> bool:
        if isinstance(other, Period | date):
            return self.contains(other)
        return False

    def months(self) -> tuple[Month, ...]:
        """The calendar months the period covers, in order."""
        from corpparent.periods.months import Month

        result: list[Month] = []
        month = Month.containing(self.start)
        while month.start <= self.end:
            result.append(month)
            month = month.next()
        return tuple(result)

    @property
    def days(self) -> int:
        """The number of days in the period."""
        return (self.end - self.start).days + 1

    def _key(self) -> tuple[date, int, int]:
        # Same end: the shorter period first, so a month precedes its quarter and year.
        return (self.end, -self.start.toordinal(), self._rank)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() >= other._key()


def check_year(_instance: object, attribute: object, value: int) -> None:
    """An attrs validator: a year between 1900 and 2200."""
    if not 1900 <= value <= 2200:
        raise PeriodError(f"year {value} is out of range 1900-2200")


def fy_text(start_year: int) -> str:
    """``2022-23`` for the year starting in 2022."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def reads_as_month(text: str) -> bool:
    """Whether ``text`` has the ``YYYY-MM`` form of a month."""
    import re

    return re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text) is not None
