"""The JSON output model of every report, and its published JSON Schema.

A report is a list of findings, rendered:
[`ScorecardReport`][corpparent.report.model.ScorecardReport] carries the scorecard (each indicator's
value, expected range, targets, trend, comparators and findings) with the panel's exception report;
[`FindingsReport`][corpparent.report.model.FindingsReport] carries the findings of any other check
(meetings, obligations). Both carry how the figures were made
([`Provenance`][corpparent.report.model.Provenance]) and whether small numbers were withheld
(`SuppressionNote`). The renderers (terminal, Markdown, HTML) read these models, so every format
shows the same figures.

[`report_schema`][corpparent.report.model.report_schema] gives the JSON Schema; a copy is published
beside this module as ``report.schema.json`` so tools can validate a report without importing
corpparent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from functools import reduce
from importlib import resources
from operator import or_
from typing import Annotated, Any, Final, Literal

from pydantic import Field, TypeAdapter

from corpparent._moved import moved_name
from corpparent.report.benchmark_chart_parts import Average, SeriesOut
from corpparent.report.funnel_parts import FlagText, FunnelOut
from corpparent.report.parts import ChartOut, FindingOut, IndicatorOut, OutModel

__all__ = [
    "REPORT_MODELS",
    "SCHEMA_VERSION",
    "AnyReport",
    "BenchmarkReport",
    "BenchmarkRowOut",
    "ExceptionReportOut",
    "FindingsReport",
    "InputFile",
    "PluginVersion",
    "Profile",
    "Provenance",
    "RegisterOut",
    "RegisterRowOut",
    "Report",
    "ScorecardReport",
    "SuppressionNote",
    "WithheldOut",
    "published_schema",
    "report_adapter",
    "report_schema",
]

SCHEMA_VERSION: Final = "4"
SCHEMA_ID = "urn:corpparent:report:4"

Profile = Literal["public", "private", "internal"]


class ExceptionReportOut(OutModel):
    """The panel's exception report: exceptions, successes, and gaps in the data."""

    exceptions: list[FindingOut]
    successes: list[FindingOut]
    insufficient: list[FindingOut]


class WithheldOut(OutModel):
    """One figure withheld from a report, or one statement about a withheld figure
    withdrawn from it, and why."""

    indicator: str
    period: str
    reason: Literal["small count", "computed from a withheld count", "gives one away",
                    "withdrawn"]
    protects: str | None = Field(
        default=None, description="the figure it protects, as 'indicator, period'")
    statement: str | None = Field(
        default=None, description="for a withdrawal: what was withdrawn (a finding's rule, "
        "or 'process chart'), since it would bound a withheld figure")


class SuppressionNote(OutModel):
    """Whether small numbers were withheld, and how."""

    applied: bool
    threshold: int = Field(description="counts from 1 to threshold - 1 are withheld")
    symbol: str = "c"
    withheld: int = Field(
        default=0, description="how many values (of a period or a comparator) were withheld"
    )
    published_only: bool = Field(
        default=False, description="whether every figure is an official statistic already "
        "published under its publisher's own disclosure control, so none is withheld here")
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


class PluginVersion(OutModel):
    """An installed authority plug-in, as its distribution declares it."""

    name: str
    value: str = Field(description="the entry point's object reference")
    distribution: str | None
    version: str | None


class InputFile(OutModel):
    """A file the report was made from: its digest and size, but in a public paper.

    A public paper names the file alone (`corpparent.report.output.finish`): where a
    reader knows a file's layout (a readings file written by ``corpparent ssda903
    readings``, say), its digest and size let them try each value of a withheld count
    until one matches, so they are for the officers' copies."""

    path: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None
    bytes: int | None


class Provenance(OutModel):
    """What is needed to reproduce every figure of a report."""

    corpparent_version: str
    python_version: str
    plugins: list[PluginVersion] = Field(default_factory=list)
    inputs: list[InputFile] = Field(default_factory=list)
    period: str | None = None
    options: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    generated_at: datetime | None = None


class _Report(OutModel):
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
    notes: list[str] = Field(
        default_factory=list,
        description="what the run said beside its results, each a sentence: the rule set "
        "that judged them where it was carried forward from an earlier year, and its "
        "warnings (indicators without a reading, nothing judged)",
    )


class ScorecardReport(_Report):
    """A scorecard assessed for one period, with its exception report."""

    kind: Literal["scorecard"] = "scorecard"
    indicators: list[IndicatorOut]
    exception_report: ExceptionReportOut

    @property
    def findings(self) -> list[FindingOut]:
        """Every finding, indicator by indicator."""
        return [f for indicator in self.indicators for f in indicator.findings]


class RegisterRowOut(OutModel):
    """One member's row of the attendance register."""

    member: str
    marks: list[Literal["present", "attended as substitute", "substitute attended",
                        "substitute not counted", "substitute, conditions not recorded",
                        "apologies", "absent", "not recorded", "not a member"]] = Field(
        description="a mark for each meeting, in the register's order")
    attended: int = Field(description="meetings attended, in person or as a substitute")
    possible: int = Field(description="meetings held in the member's tenure, attendance "
                          "recorded")


class RegisterOut(OutModel):
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


class BenchmarkRowOut(OutModel):
    """One authority's position on one LAIT measure in one period: its value, national
    rank and quartile band, and England, its region, its statistical neighbours and the
    authorities judged Outstanding beside it."""

    measure: str = Field(description="the LAIT measure code")
    measure_name: str | None = Field(default=None, description="the dictionary's name")
    theme: str | None = Field(default=None, description="the dictionary's theme (its first "
                              "topic) the measure is shown under")
    year: int | None = Field(default=None, description="the year the period ends in, "
                             "LAIT's year (2025 for 2024-25, AY 2024/25 or CY 2025)")
    release: str | None = Field(default=None, description="the release the figure is "
                                "from where LAIT's label names one: outturn, revised, "
                                "final or provisional")
    period: str = Field(description="the period as written ('2024-25')")
    authority: str
    authority_code: str | None = None
    value: float | None = None
    symbol: str | None = Field(default=None, description="why no value was published")
    rank: int | None = Field(default=None, description="1 the best; null where LAIT "
                             "shows none")
    ranked: int | None = Field(default=None, description="the n of 'k of n'")
    band: str | None = Field(default=None, description="quartile band, A the best")
    england: float | None = None
    region: str | None = None
    region_value: float | None = None
    neighbours_mean: float | None = None
    neighbours_median: float | None = None
    neighbours_with_value: int | None = None
    neighbours_note: str | None = None
    outstanding_mean: float | None = None
    outstanding_better_than: int | None = None
    outstanding_with_value: int | None = None
    outstanding_as_at: date | None = Field(default=None, description="the day the "
                                           "Outstanding group is taken as at")
    outstanding_unknown: int | None = Field(default=None, description="authorities judged "
                                            "later, not counted")
    gap_england: float | None = None
    gap_region: float | None = None
    gap_neighbours: float | None = None
    gap_outstanding: float | None = None
    previous_period: str | None = None
    previous_value: float | None = None
    direction: str | None = Field(default=None, description="increase, decrease or no "
                                  "change since the previous period")
    travel: str | None = Field(default=None, description="what the direction means by the "
                               "measure's polarity: improved, worsened, no change, not "
                               "comparable, or no polarity")
    spread: float | None = Field(default=None, description="the interquartile range of every "
                                 "authority's figure in the period: the yardstick the "
                                 "summary measures a change against")
    polarity: str | None = Field(default=None, description="higher is better, lower is "
                                 "better or neutral; null where the dictionary gives none")
    decimals: int | None = Field(default=None, description="the decimal places the DfE "
                                 "publishes the measure to, which its figures are rounded "
                                 "to; null where the dictionary gives none")
    funnel_998: FlagText | None = Field(default=None, description="above, below or within "
                                        "the funnel plot's 99.8% limits at the authority's "
                                        "denominator; null where the measure has no funnel")
    funnel_95: FlagText | None = Field(default=None, description="the same at 95%")
    funnel_lower_998: float | None = None
    funnel_lower_95: float | None = None
    funnel_upper_95: float | None = None
    funnel_upper_998: float | None = None


class BenchmarkReport(_Report):
    """One authority's national benchmark: a row per measure and period, with the
    sources and publication dates of the figures."""

    kind: Literal["benchmark"] = "benchmark"
    code: str = Field(description="the authority's old LA code")
    neighbour_model: str = Field(description="the statistical-neighbour model used")
    sources: list[str] = Field(description="where the figures come from, when they were "
                               "published, and their licence")
    rows: list[BenchmarkRowOut]
    funnels: list[FunnelOut] = Field(default_factory=list, description="a funnel plot for "
                                     "each measure and period shown with a count and a "
                                     "denominator in the DfE's EES files")
    series: list[SeriesOut] = Field(default_factory=list, description="each measure shown "
                                    "over every period, for each authority: the figures "
                                    "its charts draw")
    neighbours_average: Average = Field(default="mean", description="the neighbours' "
                                        "figure the charts draw: mean or median")

    @property
    def findings(self) -> list[FindingOut]:
        """None: a benchmark places the authority, it judges nothing."""
        return []


#: Any report.
AnyReport = ScorecardReport | FindingsReport | BenchmarkReport

#: Each kind of report by the ``kind`` its JSON names, with its model: the one list of
#: kinds, from which `Report` is made and a report file's problems are placed.
REPORT_MODELS: Final[Mapping[str, type[AnyReport]]] = {
    model.model_fields["kind"].default: model
    for model in (ScorecardReport, FindingsReport, BenchmarkReport)}

#: Any report, told apart by its ``kind``.
Report: Final[Any] = Annotated[reduce(or_, REPORT_MODELS.values()), Field(discriminator="kind")]


def report_adapter() -> TypeAdapter[AnyReport]:
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


def __getattr__(name: str) -> Any:
    """0.2's names that moved to another module, each warning with its new home."""
    return moved_name(__name__, name)
