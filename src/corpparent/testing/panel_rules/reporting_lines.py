"""Strategies for a reporting line with no deadline
([`ReportingLine`][corpparent.governance.terms.ReportingLine]): submissions logs of the 2022-23
year in which something went to the recipient, or in which nothing did (a warning,
never a breach: nothing is due)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from corpparent.governance.membership import name_key
from corpparent.governance.terms import ReportingLine
from corpparent.obligations.submissions import Submission
from corpparent.periods import FinancialYear
from corpparent.testing.panel_rules._people import texts
from corpparent.testing.panel_rules._registry import register

YEAR = FinancialYear(2022)


def _days() -> st.SearchStrategy[date]:
    return st.integers(0, (YEAR.end - YEAR.start).days).map(
        lambda d: YEAR.start + timedelta(days=d))


@st.composite
def _log(draw: st.DrawFn, rule: ReportingLine, *, sent: bool) -> tuple[Submission, ...]:
    others = texts.filter(lambda t: name_key(t) != name_key(rule.to))
    log = [Submission(document="Annual report", recipient=draw(others), date=draw(_days()))
           for _ in range(draw(st.integers(0, 3)))]
    if sent:
        log.append(Submission(document=rule.document or "Annual report", recipient=rule.to,
                              date=draw(_days())))
    return tuple(log)


def _satisfying(rule: ReportingLine, **context: Any) -> st.SearchStrategy[Any]:
    return _log(rule, sent=True)


def _violating(rule: ReportingLine, **context: Any) -> st.SearchStrategy[Any]:
    return _log(rule, sent=False)


STRATEGIES = register(
    ReportingLine, rules=st.builds(ReportingLine, texts, st.sampled_from(
        ["reports to", "accountable to", "makes recommendations to"]),
        st.none() | st.just("Annual report")),
    satisfies=_satisfying, violates=_violating,
    judge=lambda rule, drawn: (rule.finding("the panel", drawn, YEAR, YEAR.end),))
