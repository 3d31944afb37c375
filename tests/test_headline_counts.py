"""Every indicator the summary counts as breached or warned of is in the exception report.

The exception report is "those indicators which are outside the expected range or below
the required target level" (002 §12a), and the summary counts indicators by headline: an
indicator counted as a warning that the report never lists is a warning no reader is told
the reason for. An ambition is not a required level ("we remain ambitious and want to see
65% of our children in 'in house' foster care", §49), so it is neither listed nor the
headline; its finding is kept.
"""

from __future__ import annotations

from hypothesis import given, strategies as st

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
    Scorecard,
    Status,
    Target,
)
from corpparent.families import RuleFamily
from corpparent.ranges import TargetDirection
from corpparent.report import ScorecardReport, make_provenance, scorecard_report
from corpparent.report.composer import EXCEPTIONS_TITLE, compose
from corpparent.report.document import FindingList

Q4 = FinancialQuarter(2023, 4)
FY23 = FinancialYear(2023)
COUNTED = (Status.BREACHED, Status.WARNING)


def _report(indicator: Indicator, value: float, *, bounds: tuple[float, float] | None,
            target: float | None, ambition: float | None) -> ScorecardReport:
    targets = [Target(indicator.id, level, TargetDirection.for_polarity(indicator.polarity),
                      FY23, ambition=is_ambition)
               for level, is_ambition in ((target, False), (ambition, True))
               if level is not None]
    ranges = [] if bounds is None else [ExpectedRange(indicator.id, *bounds, FY23)]
    indicators = IndicatorSet([indicator], ranges=ranges, targets=targets)
    result = Scorecard(indicators).assess(Readings([Reading(indicator.id, Q4, value)]), Q4)
    return scorecard_report(result, make_provenance())


def test_an_ambition_missed_within_the_range_is_as_expected() -> None:
    # In-house fostering at 45% is within 42%-48%; the ambition of 65% is not met.
    fostering = Indicator("in_house_fostering", "In local authority foster care",
                          Kind.PERCENTAGE, Polarity.HIGHER_IS_BETTER)
    report = _report(fostering, 45, bounds=(42, 48), target=None, ambition=65)
    [item] = report.indicators
    assert item.status is Status.MET
    assert report.summary == {"met": 1}
    assert report.exception_report.exceptions == []
    [ambition] = [f for f in item.findings if f.family is RuleFamily.AMBITION]
    assert ambition.status is Status.WARNING
    assert ambition.explanation == (
        "In local authority foster care: 45% in 2023-24 Q4 falls short of the ambition of "
        "at least 65%.")
    listed = [block for section in compose(report).sections for block in section.blocks
              if isinstance(block, FindingList) and block.title == EXCEPTIONS_TITLE]
    assert [len(block.findings) for block in listed] == [0]


levels = st.integers(min_value=0, max_value=100).map(float)


@given(st.sampled_from(list(Polarity)), levels,
       st.none() | st.tuples(levels, levels).map(lambda pair: tuple(sorted(pair))),
       st.none() | levels, st.none() | levels)
def test_each_indicator_counted_as_breached_or_warned_of_is_listed(
        polarity: Polarity, value: float, bounds: tuple[float, float] | None,
        target: float | None, ambition: float | None) -> None:
    indicator = Indicator("x", "An indicator", Kind.PERCENTAGE, polarity)
    if polarity is Polarity.NEUTRAL:
        target = ambition = None  # a target needs a direction, which a neutral one lacks
    report = _report(indicator, value, bounds=bounds, target=target, ambition=ambition)
    counted = sum(report.summary.get(status.value, 0) for status in COUNTED)
    listed = {entry.subject for entry in report.exception_report.exceptions}
    assert counted == len(listed)
    assert all(item.id in listed for item in report.indicators if item.status in COUNTED)
