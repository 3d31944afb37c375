"""The parts a report is made of, as its JSON carries them: findings, and a scorecard's
indicators with their ranges, targets, trends, comparators, national positions and
process charts. `corpparent.report.model` puts them together into reports."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from corpparent.families import RuleFamily
from corpparent.findings import EvidenceValue, Finding, Status

__all__ = [
    "ChartOut",
    "ChartPointOut",
    "ComparatorOut",
    "ComparatorPointOut",
    "FindingOut",
    "IndicatorOut",
    "NationalOut",
    "OutModel",
    "RangeOut",
    "TargetOut",
    "TrendPoint",
]


class OutModel(BaseModel):
    """A part of a report: frozen, and refusing any field it does not declare. Its
    validator is built when first used, not when the class is made: a command builds
    those of the reports it writes only."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class FindingOut(OutModel):
    """One finding: what was judged, the verdict, why, and the numbers behind it."""

    subject: str = Field(
        description="the identifier of what was judged: an indicator, panel, obligation"
    )
    subject_name: str | None = Field(
        default=None, description="the name a reader knows the subject by, where given"
    )
    rule: str = Field(description="the rule that judged it")
    family: RuleFamily = Field(description="the kind of rule that judged it")
    status: Status
    breach: bool = Field(description="whether the status is a breach")
    explanation: str = Field(description="one sentence a councillor can read")
    evidence: dict[str, EvidenceValue] = Field(default_factory=dict)
    period: str | None = None
    outcome: str | None = Field(default=None, description="a finer label than the status")
    questions: list[str] = Field(
        default_factory=list, description="in the exception report, the questions the panel "
        "may ask about the exception (corpparent.questions); empty elsewhere")

    @property
    def display_subject(self) -> str:
        """What a reader calls the subject: its name where one is given, else its id."""
        return self.subject_name or self.subject

    @classmethod
    def of(cls, finding: Finding) -> FindingOut:
        """The output form of ``finding``."""
        return cls(
            subject=finding.subject,
            subject_name=finding.subject_name,
            rule=finding.rule,
            family=finding.family,
            status=finding.status,
            breach=finding.is_breach,
            explanation=finding.explanation,
            evidence=dict(finding.evidence),
            period=None if finding.period is None else str(finding.period),
            outcome=None if finding.outcome is None else str(finding.outcome.value),
        )


class RangeOut(OutModel):
    """An expected range, both bounds inclusive, in the indicator's unit."""

    lower: float
    upper: float
    period: str = Field(description="the period the range was set for")
    from_process: bool = Field(
        default=False, description="whether the range is the process limits of the "
        "indicator's own history rather than a range set by hand")


class ChartPointOut(OutModel):
    """One point of a process (XmR) chart, with the limits of its group."""

    period: str | None = Field(description="null when the series has no periods")
    value: float
    mean: float
    lower_limit: float
    upper_limit: float
    trial: bool = Field(default=False, description="whether the limits of the point's group "
                        "come from fewer points than the minimum")
    signal: str | None = Field(
        default=None, description="the special-cause rule reported for the point, if any")
    side: Literal["high", "low"] | None = None
    nature: Literal["improvement", "concern", "neither"] | None = None


class ChartOut(OutModel):
    """A process (XmR) chart: the series, its mean and limits, and its signals."""

    mean: float = Field(description="the mean of the last group")
    lower_limit: float = Field(description="the last group's lower process limit")
    upper_limit: float = Field(description="the last group's upper process limit")
    trial: bool = Field(description="whether the last group's limits come from fewer "
                        "points than the minimum (each point says it for its own group)")
    varies: bool = Field(description="false when the baseline does not vary, so no limits "
                         "are set")
    variation: str = Field(description="the variation of the latest point")
    assurance: str | None = Field(
        default=None, description="consistently met, hit and miss or consistently missed, "
        "for the first target; null without one or for a neutral indicator")
    target: float | None = None
    unit: str | None = Field(default=None, description="the unit of the values")
    options: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    points: list[ChartPointOut]


class TargetOut(OutModel):
    """A target or ambition, in the indicator's unit."""

    value: float
    direction: Literal["at least", "at most"]
    ambition: bool
    period: str


class TrendPoint(OutModel):
    """The indicator's value in one period, with the range that applied then."""

    period: str
    value: float | None = Field(description="null when withheld or missing")
    symbol: str | None = Field(default=None, description="official symbol, e.g. 'c'")
    note: str | None = Field(default=None, description="why there is no value")
    lower: float | None = None
    upper: float | None = None
    numerator: float | None = Field(
        default=None, description="the count behind a percentage or rate, where it was read")


class NationalOut(OutModel):
    """The authority's national rank and quartile band on the indicator's DfE measure."""

    measure: str = Field(description="the LAIT measure code")
    period: str
    value: float | None
    rank: int | None = Field(description="1 the best; null where LAIT shows none")
    ranked: int = Field(description="the n of 'k of n': authorities with a value")
    band: str | None = Field(description="quartile band, A the best; null where none")
    group: str | None = Field(default=None, description="the comparator group with its "
                              "date: 'Outstanding authorities as at 31 March 2025'")
    better_than: int | None = Field(default=None, description="k in 'better than k of n' "
                                    "members of the group; null where not judged")
    among: int | None = Field(default=None, description="n: the group's other members "
                              "with a value")
    unknown: int | None = Field(default=None, description="authorities the inspection "
                                "release could not place in or out of the group")
    text: str = Field(description="as a reader reads it: '56 of 150 (2024-25), quartile "
                      "band B; better than 17 of 29 Outstanding authorities as at 31 March "
                      "2025'")


class ComparatorPointOut(OutModel):
    """One figure a comparator published, in the indicator's unit."""

    period: str
    value: float | None
    symbol: str | None = None


class ComparatorOut(OutModel):
    """A comparator's value for the same indicator and period (England, region ...)."""

    name: str
    kind: str = Field(description="England, region, statistical neighbours, ...")
    period: str = Field(description="the period of the comparator's value")
    value: float | None
    symbol: str | None = None
    history: list[ComparatorPointOut] = Field(
        default_factory=list, description="every figure it published up to the period, "
        "oldest first")


class IndicatorOut(OutModel):
    """One indicator of the scorecard in the report's period."""

    id: str
    name: str
    domain: str
    kind: str
    polarity: str
    unit: str
    unit_label: str
    value: float | None
    value_text: str = Field(description="the value as a councillor reads it, or why missing")
    symbol: str | None = None
    status: Status | None = Field(
        description="the headline: the worst of the range and target findings, else the "
        "variation on the process chart; null (not judged) when there is a value but "
        "nothing to judge it against"
    )
    performance: str | None = None
    expected_range: RangeOut | None = None
    process_range: RangeOut | None = Field(
        default=None, description="the range the process limits give, where the indicator "
        "has enough history; shown beside a range set by hand")
    variation: str | None = Field(
        default=None, description="common or special cause variation of the latest value, "
        "where the indicator has enough history")
    assurance: str | None = Field(
        default=None, description="whether the process limits say the target will be met")
    chart: ChartOut | None = None
    national: NationalOut | None = Field(
        default=None, description="the national rank and band, where the indicator names "
        "its DfE measure and the scorecard was given the national figures")
    beside: list[TrendPoint] = Field(
        default_factory=list, description="the authority's own values for the periods its "
        "comparators published figures for, oldest first")
    parts: list[str] = Field(
        default_factory=list, description="the ids of the count indicators that add up to "
        "this one; suppression withholds a part the total would give away")
    questions: list[str] = Field(
        default_factory=list, description="the indicator's own questions for the panel when "
        "it is an exception, replacing the defaults; empty for the defaults")
    targets: list[TargetOut] = Field(default_factory=list)
    trend: list[TrendPoint] = Field(default_factory=list)
    comparators: list[ComparatorOut] = Field(default_factory=list)
    findings: list[FindingOut] = Field(default_factory=list)
