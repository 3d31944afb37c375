"""Comparing an authority's value with a comparator, by the indicator's polarity.

"Wiltshire 6%, Eng 9%, SW Region 11%, SN 11%, O/S LAs 9%" for the percentage of
children with three or more placement moves, where lower is better, shows "stability in
placements for our children is stronger than our comparators" (002 §32). The verdict
follows the polarity: below the comparator is better where lower is better and worse
where higher is better. A gap no larger than the stated tolerance is *in line*. A
neutral indicator (the number of children in care) has no better direction, so its
verdict is only *higher*, *lower* or *in line*.

Statuses: better is ``EXCEEDED`` (a success to acknowledge), in line is ``MET``, worse
is ``WARNING`` unless the panel chooses another status, higher or lower on a neutral
indicator is ``MET``, and a comparison that could not be made (no value, a withheld
value, units that do not convert) is ``INSUFFICIENT_DATA`` with the reason.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, final

from attrs import field, frozen

from corpparent.comparators.series import Comparator, withheld_reason
from corpparent.errors import DefinitionError, UnitError
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import EvidenceValue, Finding, Rule, Status
from corpparent.indicators.definitions import Indicator, Polarity
from corpparent.indicators.readings import Reading
from corpparent.periods import Period
from corpparent.units import is_quantity

if TYPE_CHECKING:
    from pint import Quantity

__all__ = [
    "CompareWith",
    "Comparison",
    "Verdict",
    "compare",
    "compare_all",
    "gap_text",
    "tolerance_in_unit",
]

# Gaps are rounded to this many decimal places before they are judged, so that
# 12.3 - 12.2 is 0.1 and not 0.10000000000000142.
_GAP_PLACES = 9


class Verdict(Enum):
    """How a value stands against a comparator; the outcome of a comparison's finding."""

    BETTER = "better"
    WORSE = "worse"
    IN_LINE = "in line"
    HIGHER = "higher"
    LOWER = "lower"
    NOT_COMPARED = "not compared"

    def __str__(self) -> str:
        return self.value


def tolerance_in_unit(indicator: Indicator, tolerance: float | Quantity[Any]) -> float:
    """A tolerance in the indicator's unit; a pint quantity is converted once."""
    if is_quantity(tolerance):
        magnitude = float(tolerance.magnitude)
        try:
            value = indicator.magnitude(magnitude, str(tolerance.units))
        except UnitError as exc:
            raise UnitError(f"tolerance for {indicator.id!r}: {exc}") from exc
    else:
        value = float(tolerance)
    if value < 0 or not math.isfinite(value):
        raise DefinitionError(f"tolerance must be a finite number >= 0, got {tolerance!r}")
    return value


def gap_text(indicator: Indicator, gap: float) -> str:
    """A gap as a reader says it: ``3 percentage points``, ``2.1 points``."""
    number = f"{abs(gap):,.2f}".rstrip("0").rstrip(".")
    if indicator.unit == "percent":
        return f"{number} percentage point{'' if number == '1' else 's'}"
    return f"{number} {indicator.unit_label}"


@final
@frozen
class Comparison:
    """One value set against one comparator's value for one period.

    ``gap`` is ``value - comparator_value`` in the indicator's unit (negative when the
    value is the lower); it is ``None`` when the comparison could not be made, and
    ``reason`` says why.
    """

    indicator: Indicator
    comparator: str
    value: float | None
    comparator_value: float | None
    verdict: Verdict
    tolerance: float = 0.0
    period: Period | None = None
    comparator_period: Period | None = None
    reason: str = ""

    @property
    def gap(self) -> float | None:
        """``value - comparator_value`` in the indicator's unit, or ``None``."""
        if self.value is None or self.comparator_value is None:
            return None
        return round(self.value - self.comparator_value, _GAP_PLACES)

    @property
    def compared(self) -> bool:
        """Whether the comparison was made."""
        return self.verdict is not Verdict.NOT_COMPARED

    def status(self, worse: Status = Status.WARNING) -> Status:
        """The finding's status; ``worse`` is the status for a worse verdict."""
        if self.verdict is Verdict.BETTER:
            return Status.EXCEEDED
        if self.verdict is Verdict.WORSE:
            return worse
        if self.verdict is Verdict.NOT_COMPARED:
            return Status.INSUFFICIENT_DATA
        return Status.MET

    def finding(self, worse: Status = Status.WARNING) -> Finding:
        """This comparison as a [`Finding`][corpparent.findings.Finding] about the
        indicator (its id, with its name beside it), whose outcome is the verdict, or
        ``NotJudged.INSUFFICIENT_DATA`` when nothing could be compared."""
        ind = self.indicator
        when = f" ({self.comparator_period})" if self.comparator_period is not None else ""
        evidence: dict[str, EvidenceValue] = {
            "comparator": self.comparator,
            "value": self.value,
            "comparator_value": self.comparator_value,
            "gap": self.gap,
            "tolerance": self.tolerance,
            "unit": ind.unit,
            "comparator_period": str(self.comparator_period) if self.comparator_period else None,
        }
        if not self.compared:
            explanation = f"Could not compare with {self.comparator}: {self.reason}."
        else:
            value, other = self.value or 0.0, self.comparator_value or 0.0
            head = f"{ind.format(value)} against {self.comparator} {ind.format(other)}{when}"
            if self.verdict is Verdict.IN_LINE:
                detail = (
                    f"in line (within {gap_text(ind, self.tolerance)})"
                    if self.tolerance else "in line"
                )
            else:
                detail = f"{self.verdict} by {gap_text(ind, self.gap or 0.0)} ({ind.polarity})"
            explanation = f"{head}: {detail}."
        return Finding(
            subject=ind.id,
            subject_name=ind.name,
            rule=f"compared with {self.comparator}",
            family=RuleFamily.COMPARISON,
            status=self.status(worse),
            explanation=explanation,
            evidence=evidence,
            period=self.period,
            outcome=self.verdict if self.compared else NotJudged.INSUFFICIENT_DATA,
        )


def _verdict(polarity: Polarity, gap: float, tolerance: float) -> Verdict:
    if abs(gap) <= tolerance:
        return Verdict.IN_LINE
    if polarity is Polarity.NEUTRAL:
        return Verdict.HIGHER if gap > 0 else Verdict.LOWER
    if polarity.better(gap, 0.0):
        return Verdict.BETTER
    return Verdict.WORSE


def compare(
    indicator: Indicator,
    value: float | None,
    comparator: Comparator,
    period: Period,
    *,
    tolerance: float | Quantity[Any] = 0.0,
    comparator_period: Period | None = None,
) -> Comparison:
    """Compare ``value`` (in the indicator's unit, for ``period``) with ``comparator``.

    The comparator's value is taken for ``comparator_period`` when given; otherwise for
    the latest period ending on or before ``period`` ends (see
    [`Comparator.latest`][corpparent.comparators.series.Comparator.latest]). The period used is
    named in the result.
    """
    tol = tolerance_in_unit(indicator, tolerance)
    used = comparator_period or comparator.latest(indicator.id, period)

    def not_compared(reason: str, other: float | None = None) -> Comparison:
        return Comparison(
            indicator, comparator.name, value, other, Verdict.NOT_COMPARED, tol,
            period, used, reason,
        )

    if value is None or not math.isfinite(value):
        return not_compared(f"no value for {indicator.name} in {period}")
    if used is None:
        return not_compared(f"{comparator.name} has no value for {indicator.name} up to {period}")
    entry = comparator.entry(indicator.id, used)
    if entry is None:
        return not_compared(f"{comparator.name} has no value for {indicator.name} in {used}")
    if isinstance(entry, str):
        return not_compared(f"its {used} value is {withheld_reason(entry)}")
    try:
        other = indicator.magnitude(entry, comparator.unit(indicator.id))
    except UnitError as exc:
        return not_compared(f"{comparator.name}'s values cannot be compared: {exc}")
    gap = round(value - other, _GAP_PLACES)
    return Comparison(
        indicator, comparator.name, value, other, _verdict(indicator.polarity, gap, tol), tol,
        period, used,
    )


def _tolerance(value: Any) -> float | Quantity[Any]:
    if is_quantity(value):
        return value
    return float(value)


@final
@frozen
class CompareWith(Rule[Reading]):
    """A rule: a reading of ``indicator`` compared with ``comparator``.

    >>> # CompareWith(placement_moves, england).evaluate(reading) -> Finding
    """

    indicator: Indicator
    comparator: Comparator
    tolerance: float | Quantity[Any] = field(default=0.0, converter=_tolerance)
    comparator_period: Period | None = None
    worse: Status = Status.WARNING

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "tolerance", tolerance_in_unit(self.indicator, self.tolerance))

    @property
    def name(self) -> str:
        return f"compared with {self.comparator.name}"

    @property
    def family(self) -> RuleFamily:
        return RuleFamily.COMPARISON

    def evaluate(self, subject: Reading, /) -> Finding:
        if subject.indicator != self.indicator.id:
            return Finding(
                subject=self.indicator.id,
                subject_name=self.indicator.name,
                rule=self.name,
                family=self.family,
                status=Status.INSUFFICIENT_DATA,
                explanation=(
                    f"Could not compare: the reading is of {subject.indicator!r}, "
                    f"not {self.indicator.id!r}."
                ),
                period=subject.period,
                outcome=NotJudged.INSUFFICIENT_DATA,
            )
        result = compare(
            self.indicator, subject.value, self.comparator, subject.period,
            tolerance=self.tolerance, comparator_period=self.comparator_period,
        )
        if subject.value is None:
            result = Comparison(
                self.indicator, self.comparator.name, None, None, Verdict.NOT_COMPARED,
                result.tolerance, subject.period, result.comparator_period,
                f"{self.indicator.name} in {subject.period}: {subject.unavailable_reason}",
            )
        return result.finding(self.worse)


def compare_all(
    indicator: Indicator,
    value: float | None,
    comparators: Sequence[Comparator],
    period: Period,
    *,
    tolerance: float | Quantity[Any] = 0.0,
) -> tuple[Comparison, ...]:
    """``value`` compared with each comparator in turn."""
    return tuple(
        compare(indicator, value, comparator, period, tolerance=tolerance)
        for comparator in comparators
    )
