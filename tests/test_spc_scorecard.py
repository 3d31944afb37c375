"""Process charts in the scorecard: an expected range from the data, variation and
assurance for indicators with enough history, and "not judged" for the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Month,
    Polarity,
    Reading,
    Readings,
    Scorecard,
    Status,
    Target,
)
from corpparent.families import RuleFamily
from corpparent.files import read_readings
from corpparent.plugins import load_profile
from corpparent.ranges import TargetDirection
from corpparent.report import render_markdown
from corpparent.report.build import scorecard_report
from corpparent.report.formatting import show_range
from corpparent.report.model import Provenance
from corpparent.report.tables import tidy_tables
from corpparent.spc import Assurance, Variation, XmROptions
from spc_support import reference_limits

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "data"
MONTHLY = EXAMPLES / "wiltshire_health_assessments_monthly_illustrative.csv"
PROVENANCE = Provenance(corpparent_version="0", python_version="3")


def test_one_step_up_is_no_success() -> None:
    """Wiltshire's in-house fostering rose from 38% (2022-23 Q3) to 39% (Q4) (002 §49
    tables): one step, with no range met or beaten, is not a success to acknowledge; the
    successes are results better than the expected range (002 §12a: "outside the
    expected range ... and successes are acknowledged")."""
    profile = load_profile("wiltshire")
    readings = read_readings(EXAMPLES / "wiltshire_readings_2022-23.csv", profile.indicators)
    result = Scorecard(profile.indicators).assess(readings, FinancialQuarter(2022, 4))
    report = result.exception_report()
    assert "in_house_fostering" not in {f.subject for f in report.successes}
    assert all(f.status is Status.EXCEEDED for f in report.successes)
    assert not any(f.family.is_travel for f in report.successes)


def test_a_neutral_count_with_two_values_is_not_judged() -> None:
    """Staffordshire's children looked after at 31 March: 1,307 in 2023-24 and 1,306 in
    2024-25 (LAIT dataset, measure LAC number, area 860). The count is neutral and has no
    range or target: it is not judged, never "met"."""
    indicators = load_profile("national").indicators
    readings = Readings([Reading("cla_number", FinancialYear(2023), 1307),
                         Reading("cla_number", FinancialYear(2024), 1306)])
    year = FinancialYear(2024)
    result = Scorecard(indicators).assess(readings, year)
    report = scorecard_report(result, PROVENANCE)
    (item,) = [i for i in report.indicators if i.id == "cla_number"]
    assert item.status is None
    assert item.chart is None
    assert result.exception_report().successes == ()


def test_a_monthly_series_gets_its_range_variation_and_assurance_from_the_data() -> None:
    profile = load_profile("wiltshire")
    readings = read_readings(MONTHLY, profile.indicators)
    values = [r.value for r in readings.series("health_assessments")]
    assert len(values) == 24
    mean, lower, upper = reference_limits([float(v) for v in values if v is not None])
    result = Scorecard(profile.indicators).assess(readings, Month(2023, 3))
    assessment = result["health_assessments"]
    assert assessment.chart is not None
    assert assessment.expected is assessment.process_range
    assert assessment.expected is not None
    assert (assessment.expected.lower, assessment.expected.upper) == pytest.approx(
        (lower, upper))
    # 82% in March 2023 is below the lower limit: special cause concern, low.
    assert lower > 82
    assert assessment.variation is Variation.CONCERN_LOW
    (assured,) = assessment.of_family(RuleFamily.ASSURANCE)
    # The 94% target (002 §88) is above the upper limit; higher is better: missed.
    assert upper <= 94
    assert assured.outcome is Assurance.CONSISTENTLY_MISSED
    ranged = assessment.range_finding
    assert ranged is not None
    assert ranged.rule == "expected range (process limits)"
    assert ranged.status is Status.BREACHED
    assert mean == pytest.approx(assessment.chart.mean)
    report = result.exception_report()
    (entry,) = [f for f in report.exceptions if f.subject == "health_assessments"]
    (concern,) = assessment.of_family(RuleFamily.VARIATION)
    assert entry.explanation.startswith(ranged.explanation)
    assert entry.explanation.endswith(concern.explanation)


def _series(values: list[float]) -> Readings:
    """Quarterly readings from 2019-20 Q1, one a quarter."""
    return Readings([Reading("x", FinancialQuarter(2019 + i // 4, i % 4 + 1), v)
                     for i, v in enumerate(values)])


X = Indicator("x", "An indicator", Kind.PERCENTAGE, Polarity.HIGHER_IS_BETTER)
VALUES = [50.0, 52, 51, 53, 52, 54, 53, 55, 54, 56, 55, 54, 53, 54]


def test_a_hand_set_range_judges_and_the_process_limits_show_beside_it() -> None:
    last = FinancialQuarter(2022, 2)
    indicators = IndicatorSet([X], ranges=[ExpectedRange("x", 50, 60, FinancialYear(2022))],
                              targets=[Target("x", 40, TargetDirection.AT_LEAST,
                                              FinancialYear(2022))])
    readings = _series(VALUES)
    assert max(r.period for r in readings) == last
    result = Scorecard(indicators).assess(readings, last)
    assessment = result["x"]
    assert assessment.expected == ExpectedRange("x", 50, 60, FinancialYear(2022))
    assert assessment.process_range is not None
    _, lower, upper = reference_limits(VALUES)
    assert (assessment.process_range.lower, assessment.process_range.upper) == pytest.approx(
        (lower, upper))
    (assured,) = assessment.of_family(RuleFamily.ASSURANCE)
    assert assured.outcome is Assurance.CONSISTENTLY_MET  # 40 is below the lower limit
    report = scorecard_report(result, PROVENANCE)
    (item,) = report.indicators
    assert show_range(item).startswith("50%–60%; process limits ")
    assert item.variation == Variation.COMMON_CAUSE.value
    assert item.assurance == "consistently met"
    text = render_markdown(report)
    assert "| Variation | Assurance |" in text
    assert "~ common cause variation" in text


def test_too_little_history_or_no_charts_means_no_process_judgement() -> None:
    indicators = IndicatorSet([X])
    readings = _series(VALUES[:12])
    last = max(r.period for r in readings)
    assessment = Scorecard(indicators).assess(readings, last)["x"]
    assert assessment.chart is None
    assert assessment.of_family(RuleFamily.VARIATION) == ()
    full = _series(VALUES)
    end = max(r.period for r in full)
    assert Scorecard(indicators, process=None).assess(full, end)["x"].chart is None
    assert Scorecard(indicators).assess(full, end)["x"].chart is not None
    fewer = Scorecard(indicators, process=XmROptions(minimum_points=20)).assess(full, end)
    assert fewer["x"].chart is None


def test_the_tidy_tables_carry_the_chart_and_its_verdicts() -> None:
    profile = load_profile("wiltshire")
    readings = read_readings(MONTHLY, profile.indicators)
    result = Scorecard(profile.indicators).assess(readings, Month(2023, 3))
    report = scorecard_report(result, PROVENANCE)
    tables = {t.name: t for t in tidy_tables(report)}
    assert list(tables) == ["indicators", "comparators", "findings", "evidence", "process"]
    process = tables["process"].records()
    values = [r.value for r in readings.series("health_assessments")]
    assert [row["value"] for row in process] == values
    assert {row["indicator_id"] for row in process} == {"health_assessments"}
    assert process[-1]["signal"] == "outside the process limits"
    (own,) = [row for row in tables["indicators"].records()
              if row["indicator_id"] == "health_assessments" and row["is_report_period"]]
    assert (own["variation"], own["assurance"]) == (
        "special cause concern (low)", "consistently missed")
