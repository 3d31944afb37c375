"""An indicator's headline status: the one verdict its row of the scorecard shows.

Wiltshire's panel is shown "those indicators which are outside the expected range or
below the required target level" (annual report 2022-23 §12a): the headline is the
worst of the range and target findings, the judgement the panel acts on. Without a
range or target, it is the variation of the latest value on the indicator's process
chart, where it has enough history. Without that, it is insufficient data when there is
no value, and ``None`` ("not judged") when there is a value but nothing to judge it
against. A direction of travel is never the headline: one step between two values may
be ordinary variation, so it is neither "met" nor a success.
"""

from __future__ import annotations

from collections.abc import Sequence

from corpparent.families import RuleFamily
from corpparent.findings import Finding, Status, worst

__all__ = ["headline_status"]


def headline_status(findings: Sequence[Finding], has_value: bool = True) -> Status | None:
    """The headline of an indicator with these findings (``None``: not judged)."""
    judged = [f.status for f in findings if f.family.is_judgement]
    if judged:
        return worst(judged)
    variation = [f.status for f in findings if f.family is RuleFamily.VARIATION]
    if variation:
        return worst(variation)
    return None if has_value else Status.INSUFFICIENT_DATA
