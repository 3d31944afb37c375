"""Comparators over time beside the authority's own series: every figure a comparator
published up to the period, and the authority's value for the same years."""

from __future__ import annotations

from corpparent import (
    FinancialQuarter,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
    Scorecard,
)
from corpparent.comparators import Comparator, ComparatorKind
from corpparent.report import finish, make_provenance, render, scorecard_report

STABILITY = Indicator("stability", "Long-term stability", Kind.PERCENTAGE,
                      Polarity.HIGHER_IS_BETTER)
# England's published long-term stability, 002 §33: 70% (2020-21); the other two years
# are made up for the test.
ENGLAND = Comparator("England", ComparatorKind.ENGLAND, {
    ("stability", "2019-20"): 69, ("stability", "2020-21"): 70, ("stability", "2021-22"): 71,
    ("stability", "2023-24"): 72,
})


def _report() -> object:
    readings = Readings([Reading("stability", FinancialYear(2020), 74),
                         *(Reading("stability", FinancialQuarter(2022, q), 70 + q)
                           for q in (1, 2, 3, 4))])
    result = Scorecard(IndicatorSet([STABILITY]), comparators=[ENGLAND]).assess(
        readings, FinancialQuarter(2022, 4))
    return scorecard_report(result, make_provenance(), authority="Ourtown")


def test_history_holds_every_figure_up_to_the_period_oldest_first() -> None:
    report = _report()
    (item,) = report.indicators  # type: ignore[attr-defined]
    (england,) = item.comparators
    assert [(p.period, p.value) for p in england.history] == [
        ("2019-20", 69), ("2020-21", 70), ("2021-22", 71)]  # 2023-24 had not ended
    assert (england.period, england.value) == ("2021-22", 71)


def test_the_authoritys_own_values_are_set_beside_for_the_same_years() -> None:
    report = _report()
    (item,) = report.indicators  # type: ignore[attr-defined]
    assert [(p.period, p.value) for p in item.beside] == [
        ("2019-20", None), ("2020-21", 74), ("2021-22", None)]


def test_html_and_markdown_show_the_comparators_over_time() -> None:
    report = finish(_report(), "html")  # type: ignore[type-var]
    page = render(report, "html")
    assert '<h2 id="over-time">Comparators over time</h2>' in page
    assert "<th>Ourtown</th><th>England</th>" in page
    text = render(finish(_report(), "markdown"), "markdown")  # type: ignore[type-var]
    assert "## Comparators over time" in text
    assert "| 2020-21 | 74% | 70% |" in text
