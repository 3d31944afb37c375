"""The plug-in file format: the pydantic models of a TOML authority plug-in file.

The models validate a file's keys and types;
[`plugin_schema`][corpparent.files.plugin.format.plugin_schema] publishes their JSON Schema for
editors and other tools (a copy ships in ``files/plugin/schema/``, kept equal by a test). Tables for
the comparator set, the panel's membership, meetings and obligations reuse the models of the files
corpparent reads for those, so each key means one thing.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from corpparent.files.panel.comparator_sets import (
    ComparatorSetModel,
)
from corpparent.files.panel.meetings import MeetingRecord
from corpparent.files.panel.membership import MembershipRecord
from corpparent.files.panel.obligations import (
    ObligationModel,
)
from corpparent.files.plugin.governance import ConstitutionModel

__all__ = [
    "FORMAT_VERSION",
    "SCHEMA_ID",
    "AuthorityTableModel",
    "DocumentModel",
    "GroupModel",
    "IndicatorModel",
    "PluginFile",
    "PriorityModel",
    "RangeModel",
    "TargetModel",
    "YearModel",
    "plugin_schema",
]

FORMAT_VERSION = 1
SCHEMA_ID = "urn:corpparent:authority-plugin:1"

_ID = r"^[a-z][a-z0-9_\-]*$"
_INDICATOR_ID = r"^[a-z0-9][a-z0-9_.\-]*$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AuthorityTableModel(_Model):
    """The ``[authority]`` table: who the authority is."""

    id: str = Field(pattern=_ID, description="Short plug-in identifier, e.g. 'wiltshire'.")
    name: str = Field(min_length=1, description="The authority's name.")
    gss_code: str = Field("", pattern=r"^(E\d{8})?$", description="ONS GSS code, 'E06000054'.")
    dfe_code: str = Field("", pattern=r"^(\d{3})?$", description="DfE LA number, '865'.")
    region: str = Field("", description="Region, e.g. 'South West'.")
    domains: list[str] = Field(default_factory=list, description="Scorecard domains in order.")
    description: str = ""
    source: str = ""
    rules_year: str | None = Field(
        None, description="The year the file's indicators, ranges, targets, comparators, "
        "constitution and obligations were set for, e.g. '2022-23'; [[years]] build later "
        "years from it.")


class DocumentModel(_Model):
    """A ``[[documents]]`` entry: a document that ``source`` fields cite by ``id``."""

    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    date: str = ""
    url: str = ""


class PriorityModel(_Model):
    """A ``[[priorities]]`` entry: a strategic priority and its leads."""

    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1)
    leads: list[str] = Field(default_factory=list, description="Councillors who lead it.")
    officers: list[str] = Field(default_factory=list, description="Officers who support it.")
    strategy: str = Field("", description="The strategy that set the priority.")
    domains: list[str] = Field(default_factory=list)
    source: str = ""


class IndicatorModel(_Model):
    """An ``[[indicators]]`` entry."""

    id: str = Field(pattern=_INDICATOR_ID)
    name: str = Field(min_length=1)
    kind: Literal["snapshot", "count", "rate", "percentage", "score"]
    polarity: Literal["higher is better", "lower is better", "neutral"]
    domain: str = ""
    unit: str | None = Field(None, description="Defaults from the kind, e.g. 'percent'.")
    priorities: list[str] = Field(default_factory=list)
    description: str = ""
    source: str = ""
    national_measure: str | None = Field(
        None, description="The DfE benchmarking tool's (LAIT's) code for the same measure, "
        "e.g. 'LAC_LongStable%': the scorecard shows the national rank and band beside it.")
    parts: list[str] = Field(
        default_factory=list,
        description="The ids of the count indicators that add up to this one in every "
        "period, e.g. children placed in county and out of county. Reports withhold a "
        "small part that the total and the other parts would give away.")
    questions: list[str] = Field(
        default_factory=list,
        description="The questions the panel may ask when the indicator is an exception, "
        "as the authority writes them: they replace the defaults. Plain text, shown as "
        "written; no figures, which disclosure control could not see.")
    ssda903: str | None = Field(
        None, description="The SSDA903 measure the indicator is, e.g. 'placements_3plus': "
        "its figures can then be computed from the council's own return (corpparent "
        "scorecard --ssda903). A percentage measure names a percentage indicator, a count "
        "of children a count or snapshot.")


class RangeModel(_Model):
    """A ``[[ranges]]`` entry: an inclusive expected range set for one period."""

    indicator: str
    period: str = Field(description="The period it was set for, e.g. '2022-23'.")
    lower: float = Field(allow_inf_nan=False)
    upper: float = Field(allow_inf_nan=False)
    source: str = ""
    per: Literal["month", "quarter", "half year", "year"] | None = Field(
        None, description="The length of the periods whose values it is for, where the "
        "source says it: 'year' for a range set for a year's total, so that a month's or "
        "a quarter's count is never judged against it. Left out, the length is inferred "
        "from the readings: the shortest period read within the period it was set for.")


class TargetModel(_Model):
    """A ``[[targets]]`` entry: a required level, or a long-term ambition."""

    indicator: str
    period: str
    value: float = Field(allow_inf_nan=False)
    direction: Literal["at least", "at most"] | None = Field(
        None, description="Defaults from the indicator's polarity."
    )
    ambition: bool = False
    source: str = ""
    per: Literal["month", "quarter", "half year", "year"] | None = Field(
        None, description="The length of the periods whose values it is for, where the "
        "source says it: 'year' for a range set for a year's total, so that a month's or "
        "a quarter's count is never judged against it. Left out, the length is inferred "
        "from the readings: the shortest period read within the period it was set for.")


class GroupModel(_Model):
    """A comparator group as it stood on a date (``[[groups]]``): the Outstanding
    authorities a panel compared itself with, say, as at the end of its year."""

    name: str = Field(min_length=1, description="The group's name: 'Outstanding "
                      "authorities'; findings add its date.")
    as_at: date = Field(description="The date the group is taken as at, e.g. 2023-03-31.")
    members: list[str] = Field(description="The authorities in the group on that date, by "
                               "name (or old LA or ONS code, for national benchmarking).")
    unknown: list[str] = Field(
        default_factory=list, description="Authorities whose membership on that date the "
        "source does not say (their latest inspection took place later): never "
        "counted in or out.")
    source: str = ""


class YearModel(_Model):
    """A ``[[years]]`` entry: what a later year changes from the year before it."""

    year: str = Field(description="The year, e.g. '2023-24'.")
    remove_indicators: list[str] = Field(default_factory=list,
                                         description="Indicators dropped this year.")
    indicators: list[IndicatorModel] = Field(
        default_factory=list, description="A new id is added; an existing id redefined.")
    ranges: list[RangeModel] = Field(
        default_factory=list, description="Ranges set this year; each replaces the range "
        "carried forward for its indicator and period.")
    targets: list[TargetModel] = Field(default_factory=list)
    constitution: ConstitutionModel | None = Field(
        None, description="The constitution from this year, replacing the year before's "
        "(councils change them at the annual meeting).")
    comparators: ComparatorSetModel | None = Field(
        None, description="The comparator set from this year, replacing the year before's, "
        "in the keys of the file's own [comparators].")
    obligations: list[ObligationModel] | None = Field(
        None, description="The reporting obligations from this year, replacing the year "
        "before's, in the keys of the file's own [[obligations]].")
    groups: list[GroupModel] = Field(
        default_factory=list, description="Comparator groups taken anew this year, each "
        "replacing the group of its name.")
    source: str = ""


class PluginFile(_Model):
    """A whole plug-in file."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="corpparent authority plug-in",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema",
                           "$id": SCHEMA_ID},
    )

    format_version: Literal[1] = Field(description="The version of this file format.")
    authority: AuthorityTableModel
    documents: list[DocumentModel] = Field(default_factory=list)
    priorities: list[PriorityModel] = Field(default_factory=list)
    indicators: list[IndicatorModel] = Field(default_factory=list)
    ranges: list[RangeModel] = Field(default_factory=list)
    targets: list[TargetModel] = Field(default_factory=list)
    constitution: ConstitutionModel | None = None
    membership: MembershipRecord | None = Field(
        None, description="The panel's members and priority leads, in the keys of a "
                          "membership file (corpparent.files.read_membership).")
    meetings: list[MeetingRecord] = Field(
        default_factory=list, description="The panel's meetings, in the keys of a meetings "
                                          "file (corpparent.files.read_meetings).")
    obligations: list[ObligationModel] = Field(
        default_factory=list, description="The panel's reporting obligations, in the keys of "
                                          "an obligations file "
                                          "(corpparent.files.load_obligations).")
    years: list[YearModel] = Field(
        default_factory=list, description="Later years, each built from the year before "
        "(needs authority.rules_year).")
    groups: list[GroupModel] = Field(
        default_factory=list, description="Comparator groups as at a date, used by the "
        "rules of authority.rules_year (needs it).")
    comparators: ComparatorSetModel | None = Field(
        None, description="The comparator set, in the format of "
                          "corpparent.files.comparator_set_from_data.")


def plugin_schema() -> dict[str, Any]:
    """The JSON Schema of the plug-in file format (a copy ships in ``files/plugin/schema/``)."""
    return PluginFile.model_json_schema()
