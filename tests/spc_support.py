"""Process limits worked out by hand, as the NHS's tools do (not a test module)."""

from __future__ import annotations


def reference_limits(values: list[float]) -> tuple[float, float, float]:
    """Mean ± 2.66 × the average moving range, leaving out moving ranges at or above
    3.267 times their average (NHSRplotthedots' default screening)."""
    mean = sum(values) / len(values)
    ranges = [abs(values[i] - values[i - 1]) for i in range(1, len(values))]
    average = sum(ranges) / len(ranges)
    kept = [r for r in ranges if r < 3.267 * average]
    average = sum(kept) / len(kept)
    return mean, mean - 2.66 * average, mean + 2.66 * average
