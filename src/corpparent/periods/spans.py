"""Spans of several consecutive years, as the DfE publishes rolling averages.

Some measures are published over three years at a time: the Local Authority
Interactive Tool's ``2013/14-15/16`` (financial years 2013-14 to 2015-16, e.g. hospital
admissions for alcohol) and ``2014-16`` (calendar years 2014 to 2016, e.g. children
killed or seriously injured on the roads). Each span is followed by the one a year
later (``2014/15-16/17``), so [`YearSpan.previous`][corpparent.periods.spans.YearSpan.previous] is
the span one year earlier, which overlaps it: that is the comparison the publisher itself makes.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, final

from attrs import field, frozen

from corpparent.errors import PeriodError
from corpparent.periods.base import Period
from corpparent.periods.years import _Year

__all__ = ["YearSpan"]


@final
@frozen(eq=True, order=False, cache_hash=True)
class YearSpan(Period):
    """The years ``first`` to ``last`` (both included), of one kind:
    ``YearSpan(FinancialYear(2013), FinancialYear(2015))`` is
    ``2013-14 to 2015-16``."""

    first: _Year = field()
    last: _Year = field()
    _rank: ClassVar[int] = 8

    @last.validator
    def _check(self, _attribute: object, value: _Year) -> None:
        if type(value) is not type(self.first):
            raise PeriodError(f"a span of years joins years of one kind, not {self.first} "
                              f"and {value}")
        if value.year <= self.first.year:
            raise PeriodError(f"a span of years runs forward over two years or more, not "
                              f"from {self.first} to {value}")

    @property
    def years(self) -> int:
        """How many years the span covers."""
        return self.last.year - self.first.year + 1

    @property
    def start(self) -> date:
        return self.first.start

    @property
    def end(self) -> date:
        return self.last.end

    def previous(self) -> YearSpan:
        """The span one year earlier (the rolling average before this one)."""
        return YearSpan(self.first.previous(), self.last.previous())

    def same_period_last_year(self) -> YearSpan:
        return self.previous()

    def __str__(self) -> str:
        return f"{self.first} to {self.last}"
