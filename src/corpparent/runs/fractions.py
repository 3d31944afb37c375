"""A warning when a percentage indicator's values look like fractions of one.

A percentage kept as a fraction (0.119 for 11.9%) in a CSV file or a workbook cell in
General format reads as a number like any other: 0.119, in an indicator whose unit is
per cent, is 0.119%. Judged against a range of 10% to 20%, it is "better than expected"
where 11.9% is inside the range, and nothing in the file says which was meant (a cell
formatted as a percentage does say it, and is read as one: see the reading guide). What
can be seen is the mismatch of scale: every value of the indicator's trend lies between
0 and 1, and each is under a twentieth of the smallest positive bound of the range or
target it is judged against. [`fractions_warning`][corpparent.runs.fractions.fractions_warning]
names such indicators, so the panel's paper says it rather than judge in silence; a
genuinely small percentage (0.4% against a range of 0% to 5%) is not named.
"""

from __future__ import annotations

from corpparent.scorecard import IndicatorAssessment, ScorecardResult
from corpparent.wording import listed, noun

__all__ = ["FRACTION_SCALE", "fractions_warning"]

#: How much smaller than the smallest positive bound every value must be to be named:
#: a fraction is a hundredth of its percentage, so the factor leaves room for values
#: well below their range and still tells 0.4% against 0% to 5% from a fraction.
FRACTION_SCALE = 20.0


def fractions_warning(result: ScorecardResult) -> str | None:
    """A warning naming the percentage indicators whose every value, in the period
    assessed and its trend, lies between 0 and 1 and under a twentieth of the smallest
    positive bound of its expected range or targets; ``None`` when none does."""
    suspects = [(a.indicator.id, bounds) for a in result.assessments
                if (bounds := _fraction_like(a)) is not None]
    if not suspects:
        return None
    many = len(suspects)
    named = listed([f"{name} ({bounds})" for name, bounds in suspects])
    return (f"every value of {named} is between 0 and 1, far below what "
            f"{noun(many, 'it is', 'they are')} judged against: if these are fractions "
            "(0.119 for 11.9%), write them as percentages (11.9 or 11.9%), or format the "
            "workbook's cells as percentages")


def _fraction_like(assessment: IndicatorAssessment) -> str | None:
    """The bounds an assessment's values look a hundredth of, written as the report
    writes them, or ``None``."""
    indicator = assessment.indicator
    if indicator.unit != "percent":  # the unit's name, as an indicator keeps it
        return None
    values = [point.value for point in assessment.trend if point.value is not None]
    if assessment.value is not None:
        values.append(assessment.value)
    if not values or min(values) < 0 or not 0 < max(values) <= 1:
        return None
    expected = assessment.expected
    bounds = [t.value for t in assessment.targets]
    if expected is not None:
        bounds += [expected.lower, expected.upper]
    positive = [bound for bound in bounds if bound > 0]
    if not positive or max(values) * FRACTION_SCALE >= min(positive):
        return None
    said = ([f"range {indicator.format_range(expected.lower, expected.upper)}"]
            if expected is not None else [])
    said += [f"target {indicator.format(t.value)}" for t in assessment.targets]
    return f"{indicator.format(max(values))} at most, against {listed(said)}"
