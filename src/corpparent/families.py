"""The families of rules, and the outcome of a rule that could not be judged.

Every [`Finding`][corpparent.findings.Finding] carries the
[`RuleFamily`][corpparent.families.RuleFamily] of the rule that made it. Reports and renderers
select findings by family, so a rule's name is free to read well: "ambition" or "target", "travel
since last year", "compared with England".
"""

from __future__ import annotations

from enum import Enum

__all__ = ["NotJudged", "RuleFamily"]


class RuleFamily(Enum):
    """The kind of rule that made a finding, whatever the rule is called in reports.

    A report selects a scorecard's range, target and travel findings, and a renderer
    its travel arrows, by family: a rule's ``name`` is for readers and may change.
    The value is a short label for the JSON output.
    """

    EXPECTED_RANGE = "expected range"
    """An indicator's value against the range expected for the period."""
    TARGET = "target"
    """An indicator's value against a target: falling short is a breach."""
    AMBITION = "ambition"
    """An indicator's value against an ambition: falling short is a warning."""
    TRAVEL_SINCE_LAST_PERIOD = "travel since last period"
    """An indicator's direction of travel since the previous period."""
    TRAVEL_SINCE_LAST_YEAR = "travel since last year"
    """An indicator's direction of travel since the same period last year."""
    COMPARISON = "comparison"
    """An indicator's value against a comparator (England, region, neighbours)."""
    NATIONAL_STANDING = "national standing"
    """An indicator's national rank and quartile band."""
    GROUP_POSITION = "group position"
    """Where an indicator's value stands among a group of authorities."""
    QUORUM = "quorum"
    """Whether a meeting was quorate."""
    MEETING_FREQUENCY = "meeting frequency"
    """Whether the panel met as often as its terms of reference require, year by year."""
    MEETING_GAP = "meeting gap"
    """Whether the time between two meetings was longer than allowed."""
    NEXT_MEETING = "next meeting"
    """Whether the next meeting is overdue."""
    ATTENDANCE = "attendance"
    """A member's attendance over their tenure."""
    COMPOSITION = "composition"
    """Whether the panel's membership is constituted as required."""
    REQUIREMENT = "requirement"
    """A requirement of the terms of reference, judged against the panel's roster."""
    GOVERNANCE = "governance"
    """The panel's governance as a whole, when part of it could not be judged."""
    OBLIGATION = "obligation"
    """One occurrence of a reporting obligation, judged against the submissions log."""
    SUBMISSIONS_LOG = "submissions log"
    """A submissions log entry that counts towards no obligation."""
    FALLS_DUE = "falls due"
    """An occurrence of an obligation falling due in a window."""
    SPECIAL_CAUSE = "special cause variation"
    """A signal on a process chart: a point outside the limits, a run, a trend, or two
    of three points near a limit (NHS "Making Data Count")."""
    VARIATION = "variation"
    """Whether an indicator's latest value shows common or special cause variation."""
    ASSURANCE = "assurance"
    """Whether a process's limits say a target will be met consistently, hit and miss,
    or consistently missed."""
    PROCESS_LIMITS = "process limits"
    """Whether a process chart's limits can be relied on: trial limits from too few
    points, or no limits from a baseline that does not vary."""
    CUSTOM = "custom"
    """A rule written outside corpparent that belongs to none of the above."""

    @property
    def is_judgement(self) -> bool:
        """Whether the family judges an indicator's value against what was set for it:
        its expected range, a target or an ambition. The scorecard's headline is the
        range and targets alone ([`HEADLINE_FAMILIES`][corpparent.headline.HEADLINE_FAMILIES]):
        an ambition is no required level."""
        return self in _JUDGEMENTS

    @property
    def is_travel(self) -> bool:
        """Whether the family is a direction of travel."""
        return self in _TRAVEL

    def __str__(self) -> str:
        return self.value


_JUDGEMENTS = frozenset({RuleFamily.EXPECTED_RANGE, RuleFamily.TARGET, RuleFamily.AMBITION})
_TRAVEL = frozenset({RuleFamily.TRAVEL_SINCE_LAST_PERIOD, RuleFamily.TRAVEL_SINCE_LAST_YEAR})


class NotJudged(Enum):
    """The outcome of a finding whose rule could not be judged (status ``insufficient
    data``), whatever the rule's own outcomes are."""

    INSUFFICIENT_DATA = "insufficient data"

    def __str__(self) -> str:
        return self.value
