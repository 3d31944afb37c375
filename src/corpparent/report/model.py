"""The JSON output model of every report, and its published JSON Schema.

A report is a list of findings, rendered: :class:`ScorecardReport` carries the
scorecard (each indicator's value, expected range, targets, trend, comparators and
findings) with the panel's exception report; :class:`FindingsReport` carries the
findings of any other check (meetings, obligations). Both carry how the figures were
made (:class:`Provenance`) and whether small numbers were withheld
(:class:`SuppressionNote`). The renderers (terminal, Markdown, HTML) read these models,
so every format shows the same figures.

:func:`report_schema` gives the JSON Schema; a copy is published beside this module as
``report.schema.json`` so tools can validate a report without importing corpparent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from functools import reduce
from importlib import resources
from operator import or_
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from corpparent.families import RuleFamily
from corpparent.findings import EvidenceValue, Finding, Status

__all__ = [
    "REPORT_MODELS",
    "SCHEMA_VERSION",
    "ChartOut",
    "ChartPointOut",
    "ComparatorOut",
    "ComparatorPointOut",
    "ExceptionReportOut",
    "FindingOut",
    "FindingsReport",
    "IndicatorOut",
    "InputFile",
    "NationalOut",
    "PluginVersion",
    "Profile",
    "Provenance",
    "RangeOut",
    "RegisterOut",
    "RegisterRowOut",
    "Report",
    "ScorecardReport",
    "SuppressionNote",
    "TargetOut",
    "TrendPoint",
    "WithheldOut",
    "published_schema",
    "report_adapter",
    "report_schema",
]

SCHEMA_VERSION: Final = "4"
SCHEMA_ID = "urn:corpparent:report:4"

Profile = Literal["public", "private", "internal"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FindingOut(_Model):
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


class RangeOut(_Model):
    """An expected range, both bounds inclusive, in the indicator's unit."""

    lower: float
    upper: float
    period: str = Field(description="the period the range was set for")
    from_process: bool = Field(
        default=False, description="whether the range is the process limits of the "
        "indicator's own history rather than a range set by hand")


class ChartPointOut(_Model):
    """One point of a process (XmR) chart, with the limits of its group."""

    period: str | None = Field(description="null when the series has no periods")
    value: float
    mean: float
    lower_limit: float
    upper_limit: float
    signal: str | None = Field(
        default=None, description="the special-cause rule reported for the point, if any")
    side: Literal["high", "low"] | None = None
    nature: Literal["improvement", "concern", "neither"] | None = None


class ChartOut(_Model):
    """A process (XmR) chart: the series, its mean and limits, and its signals."""

    mean: float = Field(description="the mean of the last group")
    lower_limit: float = Field(description="the last group's lower process limit")
    upper_limit: float = Field(description="the last group's upper process limit")
    trial: bool = Field(description="whether the limits come from fewer points than the "
                        "minimum")
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


class TargetOut(_Model):
    """A target or ambition, in the indicator's unit."""

    value: float
    direction: Literal["at least", "at most"]
    ambition: bool
    period: str


class TrendPoint(_Model):
    """The indicator's value in one period, with the range that applied then."""

    period: str
    value: float | None = Field(description="null when withheld or missing")
    symbol: str | None = Field(default=None, description="official symbol, e.g. 'c'")
    note: str | None = Field(default=None, description="why there is no value")
    lower: float | None = None
    upper: float | None = None
    numerator: float | None = Field(
        default=None, description="the count behind a percentage or rate, where it was read")


class NationalOut(_Model):
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


class ComparatorPointOut(_Model):
    """One figure a comparator published, in the indicator's unit."""

    period: str
    value: float | None
    symbol: str | None = None


class ComparatorOut(_Model):
    """A comparator's value for the same indicator and period (England, region ...)."""

    name: str
    kind: str = Field(description="England, region, statistical neighbours, ...")
    period: str = Field(description="the period of the comparator's value")
    value: float | None
    symbol: str | None = None
    history: list[ComparatorPointOut] = Field(
        default_factory=list, description="every figure it published up to the period, "
        "oldest first")


class IndicatorOut(_Model):
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
    targets: list[TargetOut] = Field(default_factory=list)
    trend: list[TrendPoint] = Field(default_factory=list)
    comparators: list[ComparatorOut] = Field(default_factory=list)
    findings: list[FindingOut] = Field(default_factory=list)


class ExceptionReportOut(_Model):
    """The panel's exception report: exceptions, successes, and gaps in the data."""

    exceptions: list[FindingOut]
    successes: list[FindingOut]
    insufficient: list[FindingOut]


class WithheldOut(_Model):
    """One figure withheld from a report, and why."""

    indicator: str
    period: str
    reason: Literal["small count", "computed from a withheld count", "gives one away"]
    protects: str | None = Field(
        default=None, description="the figure it protects, as 'indicator, period'")


class SuppressionNote(_Model):
    """Whether small numbers were withheld, and how."""

    applied: bool
    threshold: int = Field(description="counts from 1 to threshold - 1 are withheld")
    symbol: str = "c"
    withheld: int = Field(
        default=0, description="how many values (of a period or a comparator) were withheld"
    )
    withheld_at_source: int = Field(
        default=0, description="how many values were already withheld (shown as the symbol) "
        "in the data as published, before this report withheld any")
    footnote: str = ""
    counts_shown: bool = Field(
        default=True, description="whether the report shows any count of children at all; "
        "a report of meetings or deadlines has none to withhold")
    log: list[WithheldOut] = Field(
        default_factory=list,
        description="each figure withheld and why; left out of a public report, since "
        "telling a small count from the figures withheld to protect it says which is small",
    )


class PluginVersion(_Model):
    """An installed authority plug-in, as its distribution declares it."""

    name: str
    value: str = Field(description="the entry point's object reference")
    distribution: str | None
    version: str | None


class InputFile(_Model):
    """A file the report was made from."""

    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    bytes: int


class Provenance(_Model):
    """What is needed to reproduce every figure of a report."""

    corpparent_version: str
    python_version: str
    plugins: list[PluginVersion] = Field(default_factory=list)
    inputs: list[InputFile] = Field(default_factory=list)
    period: str | None = None
    options: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    generated_at: datetime | None = None


class _Report(_Model):
    schema_version: Literal["4"] = "4"
    title: str
    authority: str | None = None
    period: str | None = None
    profile: Profile = "internal"
    summary: dict[str, int] = Field(
        default_factory=dict,
        description="the count every format shows: for a scorecard, how many indicators "
        "have each headline status ('not judged' for those with nothing to judge them "
        "against); for any other report, how many findings have each status",
    )
    suppression: SuppressionNote
    provenance: Provenance


class ScorecardReport(_Report):
    """A scorecard assessed for one period, with its exception report."""

    kind: Literal["scorecard"] = "scorecard"
    indicators: list[IndicatorOut]
    exception_report: ExceptionReportOut

    @property
    def findings(self) -> list[FindingOut]:
        """Every finding, indicator by indicator."""
        return [f for indicator in self.indicators for f in indicator.findings]


class RegisterRowOut(_Model):
    """One member's row of the attendance register."""

    member: str
    marks: list[Literal["present", "substitute attended", "apologies", "absent",
                        "not recorded", "not a member"]] = Field(
        description="a mark for each meeting, in the register's order")
    attended: int = Field(description="meetings attended in person")
    possible: int = Field(description="meetings held in the member's tenure, attendance "
                          "recorded")


class RegisterOut(_Model):
    """The attendance register: every member against every meeting held."""

    meetings: list[str] = Field(description="the days the meetings were held (ISO dates)")
    rows: list[RegisterRowOut]


class FindingsReport(_Report):
    """The findings of a check other than the scorecard (meetings, obligations)."""

    kind: Literal["findings"] = "findings"
    findings: list[FindingOut]
    chart: ChartOut | None = Field(
        default=None, description="the process chart the findings are about, if any")
    attendance_register: RegisterOut | None = Field(
        default=None, description="every member against every meeting held, for a report "
        "of meetings")


#: Each kind of report by the ``kind`` its JSON names, with its model: the one list of
#: kinds, from which :data:`Report` is made and a report file's problems are placed.
REPORT_MODELS: Final[Mapping[str, type[ScorecardReport | FindingsReport]]] = {
    model.model_fields["kind"].default: model for model in (ScorecardReport, FindingsReport)}

#: Any report, told apart by its ``kind``.
Report: Final[Any] = Annotated[reduce(or_, REPORT_MODELS.values()), Field(discriminator="kind")]


def report_adapter() -> TypeAdapter[ScorecardReport | FindingsReport]:
    """A pydantic adapter that reads and writes any report."""
    return TypeAdapter(Report)


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every JSON report validates against."""
    schema = report_adapter().json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "corpparent report",
        **schema,
    }


def published_schema() -> dict[str, Any]:
    """The schema as published with the package (``report.schema.json``)."""
    text = resources.files("corpparent.report").joinpath("report.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
