"""Strategies for a meeting frequency
([`MeetingFrequency`][corpparent.governance.frequency.MeetingFrequency]): a year's meetings that
keep to it, or a year with too few."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from corpparent.governance.frequency import MeetingFrequency
from corpparent.governance.years import YearKind
from corpparent.testing import governance_strategies as governance
from corpparent.testing.panel_rules._registry import register


def _year_start(rule: MeetingFrequency) -> date:
    """The first day of the 2022 year of the kind ``rule`` counts in."""
    return {YearKind.MUNICIPAL: date(2022, 5, 1),
            YearKind.CALENDAR: date(2022, 1, 1)}.get(rule.year, date(2022, 4, 1))


def _satisfying(rule: MeetingFrequency, **context: Any) -> st.SearchStrategy[Any]:
    return governance.compliant_meeting_logs(rule, start=_year_start(rule))


def _violating(rule: MeetingFrequency, **context: Any) -> st.SearchStrategy[Any]:
    return governance.noncompliant_meeting_logs(rule, start=_year_start(rule))


STRATEGIES = register(MeetingFrequency, rules=governance.meeting_frequencies(),
                      satisfies=_satisfying, violates=_violating)
