"""Process limits worked out by hand, as the NHS's tools do, and what tests of charts
share (not a test module)."""

from __future__ import annotations

from corpparent.spc import XmRChart


def reference_limits(values: list[float]) -> tuple[float, float, float]:
    """Mean ± 2.66 × the average moving range, leaving out moving ranges at or above
    3.267 times their average (NHSRplotthedots' default screening)."""
    mean = sum(values) / len(values)
    ranges = [abs(values[i] - values[i - 1]) for i in range(1, len(values))]
    average = sum(ranges) / len(ranges)
    kept = [r for r in ranges if r < 3.267 * average]
    average = sum(kept) / len(kept)
    return mean, mean - 2.66 * average, mean + 2.66 * average


def close_to_a_line(chart: XmRChart) -> bool:
    """Whether a value lies within a hair of a limit or a two-sigma line of its group,
    where a comparison worked out another way could round either way."""
    for group in chart.groups:
        lines = (group.limits.lower, group.limits.upper, group.limits.lower_two_sigma,
                 group.limits.upper_two_sigma)
        for value in chart.values[group.start:group.stop]:
            if any(abs(value - line) < 1e-6 * (1 + abs(line)) for line in lines):
                return True
    return False
