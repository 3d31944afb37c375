"""An indicator's headline status: the one verdict its row of the scorecard shows.

Wiltshire's panel is shown "those indicators which are outside the expected range or
below the required target level" (annual report 2022-23 §12a): the headline is the
worst of the range and target findings, the judgement the panel acts on, so every
indicator the summary counts as breached or warned of by them is in the exception
report with the finding that says why. An ambition is not a required level: "we remain
ambitious and want to see 65% of our children in 'in house' foster care" (§49) is "a
long-term aspiration rather than this period's required level; falling short of it is
noted, not reported as a breach" ([`Target`][corpparent.ranges.Target]). Its finding is
kept (a warning, in the JSON's findings) and the ambition is shown beside the value,
but it is not the headline: 45% within a range of 42%–48% is as expected, whatever the
ambition. Without a range or target, the headline is the variation of the latest value
on the indicator's process chart, where it has enough history. Without that, it is
insufficient data when there is no value, and ``None`` ("not judged") when there is a
value but nothing to judge it against. A direction of travel is never the headline: one
step between two values may be ordinary variation, so it is neither "met" nor a success.

A range or target for another length of period than the one assessed (a year's total
of a count, beside a quarter's figure) does not apply to it: its finding says it was not
judged (evidence [`BOUNDS_FOR`][corpparent.indicator_rules.BOUNDS_FOR]) but it makes
the headline insufficient only where nothing that applies judged the value. A count
with a quarterly range of 20–30 and a year's target of at most 100 is "met" at 27 in a
quarter, as its range judged it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from corpparent.families import RuleFamily
from corpparent.findings import Finding, Status, worst
from corpparent.indicator_rules import BOUNDS_FOR

__all__ = ["HEADLINE_FAMILIES", "headline_status"]

#: The families whose findings decide the headline: the expected range and the targets.
HEADLINE_FAMILIES: Final = frozenset({RuleFamily.EXPECTED_RANGE, RuleFamily.TARGET})


def headline_status(findings: Sequence[Finding], has_value: bool = True) -> Status | None:
    """The headline of an indicator with these findings (``None``: not judged)."""
    headline = [f for f in findings if f.family in HEADLINE_FAMILIES]
    applying = [f.status for f in headline if BOUNDS_FOR not in f.evidence]
    if applying:
        return worst(applying)
    if headline:  # only ranges or targets for another length of period: not judged
        return worst([f.status for f in headline])
    variation = [f.status for f in findings if f.family is RuleFamily.VARIATION]
    if variation:
        return worst(variation)
    return None if has_value else Status.INSUFFICIENT_DATA
