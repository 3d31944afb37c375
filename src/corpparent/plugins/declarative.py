"""Declarative plug-ins: an authority profile written as a TOML file.

Many authorities have performance analysts but no Python developers, so a profile can
be a data file. The file is read with ``tomllib``, validated by the pydantic models
below (whose JSON Schema :func:`plugin_schema` publishes, for editors and other tools),
and built into an :class:`~corpparent.plugins.profile.AuthorityProfile`. Every problem
in a file is reported at once, each with its line and key path::

    ourtown.toml, line 42, at indicators[3].kind: Input should be 'snapshot', 'count', ...

:func:`validate_plugin_file` checks a file before use and returns the problems;
:func:`load_plugin_file` returns the profile or raises
:class:`~corpparent.plugins.errors.PluginFileError`; :func:`profile_to_toml` writes a
profile back out in the same format, and the file it writes loads to an equal profile.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corpparent.comparators.declaration import AuthorityModel as ComparatorAuthorityModel
from corpparent.comparators.declaration import (
    ComparatorModel,
    ComparatorSetModel,
    comparator_set_from_data,
)
from corpparent.comparators.series import Authority as NamedAuthority
from corpparent.comparators.series import Comparator
from corpparent.comparators.sets import ComparatorSet
from corpparent.errors import CorpparentError, DataError, DefinitionError, Problem
from corpparent.governance.membership_file import MembershipRecord
from corpparent.governance.obligation_files import (
    ObligationModel,
    obligations_from_data,
    obligations_to_data,
)
from corpparent.governance.obligations import ObligationSet
from corpparent.governance.records import MeetingRecord
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period, parse_period
from corpparent.plugins import governance_file, locate, tomlwriter
from corpparent.plugins.errors import PluginFileError
from corpparent.plugins.governance_file import ConstitutionModel
from corpparent.plugins.profile import AuthorityProfile, Document, Priority
from corpparent.ranges import ExpectedRange, Target, TargetDirection

__all__ = [
    "FORMAT_VERSION",
    "PluginFile",
    "load_plugin_file",
    "plugin_schema",
    "profile_from_toml",
    "profile_to_toml",
    "validate_plugin_file",
]

FORMAT_VERSION = 1
SCHEMA_ID = "urn:corpparent:authority-plugin:1"

_ID = r"^[a-z][a-z0-9_\-]*$"
_INDICATOR_ID = r"^[a-z0-9][a-z0-9_.\-]*$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AuthorityModel(_Model):
    """The ``[authority]`` table: who the authority is."""

    id: str = Field(pattern=_ID, description="Short plug-in identifier, e.g. 'wiltshire'.")
    name: str = Field(min_length=1, description="The authority's name.")
    gss_code: str = Field("", pattern=r"^(E\d{8})?$", description="ONS GSS code, 'E06000054'.")
    dfe_code: str = Field("", pattern=r"^(\d{3})?$", description="DfE LA number, '865'.")
    region: str = Field("", description="Region, e.g. 'South West'.")
    domains: list[str] = Field(default_factory=list, description="Scorecard domains in order.")
    description: str = ""
    source: str = ""


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


class RangeModel(_Model):
    """A ``[[ranges]]`` entry: an inclusive expected range set for one period."""

    indicator: str
    period: str = Field(description="The period it was set for, e.g. '2022-23'.")
    lower: float = Field(allow_inf_nan=False)
    upper: float = Field(allow_inf_nan=False)
    source: str = ""


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
    authority: AuthorityModel
    documents: list[DocumentModel] = Field(default_factory=list)
    priorities: list[PriorityModel] = Field(default_factory=list)
    indicators: list[IndicatorModel] = Field(default_factory=list)
    ranges: list[RangeModel] = Field(default_factory=list)
    targets: list[TargetModel] = Field(default_factory=list)
    constitution: ConstitutionModel | None = None
    membership: MembershipRecord | None = Field(
        None, description="The panel's members and priority leads, in the keys of a "
                          "membership file (corpparent.governance.read_membership).")
    meetings: list[MeetingRecord] = Field(
        default_factory=list, description="The panel's meetings, in the keys of a meetings "
                                          "file (corpparent.governance.read_meetings).")
    obligations: list[ObligationModel] = Field(
        default_factory=list, description="The panel's reporting obligations, in the keys of "
                                          "an obligations file (corpparent.governance).")
    comparators: ComparatorSetModel | None = Field(
        None, description="The comparator set, in the format of "
                          "corpparent.comparators.comparator_set_from_data.")


_SECTIONS: dict[str, type[BaseModel]] = {
    "authority": AuthorityModel,
    "documents": DocumentModel,
    "priorities": PriorityModel,
    "indicators": IndicatorModel,
    "ranges": RangeModel,
    "targets": TargetModel,
    "comparators": ComparatorSetModel,
    "constitution": ConstitutionModel,
    "membership": MembershipRecord,
    "meetings": MeetingRecord,
    "obligations": ObligationModel,
}
_NESTED: dict[str, type[BaseModel]] = {
    "authority": ComparatorAuthorityModel,
    "statistical_neighbours": ComparatorAuthorityModel,
    "outstanding": ComparatorAuthorityModel,
    "comparators": ComparatorModel,
}


def plugin_schema() -> dict[str, Any]:
    """The JSON Schema of the plug-in file format (a copy ships in ``plugins/schema/``)."""
    return PluginFile.model_json_schema()


# --- reading --------------------------------------------------------------------------


class _Collector:
    """Problems found in one file, each placed on its line."""

    def __init__(self, source: str, lines: dict[locate.Path, int]) -> None:
        self.source = source
        self.lines = lines
        self.problems: list[Problem] = []

    def add(self, path: Sequence[str | int], message: str) -> None:
        self.problems.append(Problem(
            source=self.source,
            message=message,
            row=locate.line_of(path, self.lines),
            field=locate.format_path(path),
        ))


def _accepted(loc: Sequence[str | int]) -> str:
    model: type[BaseModel] = PluginFile
    names = [part for part in loc[:-1] if isinstance(part, str)]
    if names and names[0] in _SECTIONS:
        model = _SECTIONS[names[0]]
        for name in names[1:]:
            model = _NESTED.get(name, model)
    return ", ".join(model.model_fields)


def _pydantic_problems(error: ValidationError, collect: _Collector) -> None:
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        kind = item["type"]
        if kind == "missing":
            message = "required key missing"
        elif kind == "extra_forbidden":
            message = f"unknown key; accepted keys here are {_accepted(loc)}"
        else:
            message = f"{item['msg']} (got {item['input']!r})"
        collect.add(loc, message)


_T = TypeVar("_T")


def _attempt(collect: _Collector, path: Sequence[str | int], build: Callable[[], _T]) -> _T | None:
    try:
        return build()
    except CorpparentError as exc:
        collect.add(path, str(exc))
        return None


def _duplicates(collect: _Collector, section: str, ids: Sequence[str]) -> None:
    seen: dict[str, int] = {}
    for index, item in enumerate(ids):
        if item in seen:
            collect.add((section, index, "id"),
                        f"{item!r} is defined twice (first as {section}[{seen[item]}])")
        else:
            seen[item] = index


def _build(data: PluginFile, raw_comparators: dict[str, Any] | None,
           raw_governance: dict[str, Any], collect: _Collector) -> AuthorityProfile | None:
    _duplicates(collect, "documents", [d.id for d in data.documents])
    _duplicates(collect, "priorities", [p.id for p in data.priorities])
    _duplicates(collect, "indicators", [i.id for i in data.indicators])
    priority_ids = {p.id for p in data.priorities}
    domains = data.authority.domains
    indicators: dict[str, Indicator] = {}
    for index, model in enumerate(data.indicators):
        path = ("indicators", index)
        for linked in model.priorities:
            if linked not in priority_ids:
                collect.add((*path, "priorities"),
                            f"priority {linked!r} is not defined in [[priorities]]")
        if domains and model.domain and model.domain not in domains:
            collect.add((*path, "domain"), f"domain {model.domain!r} is not one of "
                        f"authority.domains: {', '.join(domains)}")
        built = _attempt(collect, path, partial(_indicator, model))
        if built is not None:
            indicators.setdefault(built.id, built)
    ranges: list[ExpectedRange] = []
    for index, range_model in enumerate(data.ranges):
        built_range = _range(range_model, ("ranges", index), indicators, collect)
        if built_range is not None:
            ranges.append(built_range)
    targets: list[Target] = []
    for index, target_model in enumerate(data.targets):
        built_target = _target(target_model, ("targets", index), indicators, collect)
        if built_target is not None:
            targets.append(built_target)
    comparators = None
    if raw_comparators is not None:
        comparators = _comparator_set(raw_comparators, indicators, collect)
    titles = {p.id: p.title for p in data.priorities}
    constitution = membership = meetings = None
    if data.constitution is not None:
        constitution = governance_file.build_constitution(data.constitution, titles, collect.add)
    if raw_governance.get("membership") is not None:
        membership = governance_file.build_membership(
            raw_governance["membership"], titles, collect.source, collect.add)
    if raw_governance.get("meetings"):
        meetings = governance_file.build_meetings(
            raw_governance["meetings"], collect.source, collect.add)
    obligations = None
    if raw_governance.get("obligations"):
        obligations = _obligations(raw_governance["obligations"], collect)
    if collect.problems:
        return None
    indicator_set = _attempt(collect, ("ranges",),
                             lambda: IndicatorSet(tuple(indicators.values()), ranges, targets))
    if indicator_set is None:
        return None
    authority = data.authority
    return _attempt(collect, ("authority",), lambda: AuthorityProfile(
        id=authority.id,
        name=authority.name,
        indicators=indicator_set,
        gss_code=authority.gss_code,
        dfe_code=authority.dfe_code,
        region=authority.region,
        domains=tuple(authority.domains),
        priorities=tuple(
            Priority(id=p.id, title=p.title, leads=tuple(p.leads), officers=tuple(p.officers),
                     strategy=p.strategy, domains=tuple(p.domains), source=p.source)
            for p in data.priorities
        ),
        documents=tuple(Document(id=d.id, title=d.title, date=d.date, url=d.url)
                        for d in data.documents),
        description=authority.description,
        source=authority.source,
        comparators=comparators,
        constitution=constitution,
        membership=membership,
        meetings=meetings,
        obligations=obligations,
    ))


def _obligations(raw: list[Any], collect: _Collector) -> ObligationSet | None:
    """The obligations, read by the obligations' own reader; its problems (by 0-based
    index and key path) are placed on their lines."""
    try:
        return obligations_from_data({"obligations": raw}, collect.source)
    except DataError as exc:
        for problem in exc.problems:
            path: list[str | int] = ["obligations"]
            if problem.row is not None:
                path.append(problem.row)
                field = problem.field or ""
                entry = raw[problem.row] if problem.row < len(raw) else {}
                if field and not (isinstance(entry, dict) and entry.get("id") == field):
                    path.extend(int(p) if p.isdigit() else p
                                for p in field.replace("[", ".").replace("]", "").split("."))
            collect.add(path, problem.message)
        return None


def _comparator_set(raw: dict[str, Any], indicators: dict[str, Indicator],
                    collect: _Collector) -> ComparatorSet | None:
    """The comparator set, built by the comparators' own declaration reader; its problems
    name dotted key paths (``comparators.0.values``), which are placed on their lines."""
    try:
        built = comparator_set_from_data(raw, source=collect.source)
    except DataError as exc:
        for problem in exc.problems:
            parts = (problem.field or "").split(".") if problem.field else []
            path = tuple(int(p) if p.isdigit() else p for p in parts)
            collect.add(("comparators", *path), problem.message)
        return None
    for index, declared in enumerate(raw.get("comparators", [])):
        path = ("comparators", "comparators", index)
        for number, record in enumerate(declared.get("values", [])):
            indicator_id = record.get("indicator") if isinstance(record, dict) else None
            if indicator_id not in indicators:
                collect.add((*path, "values", number, "indicator"),
                            f"indicator {indicator_id!r} is not defined in [[indicators]]")
        for indicator_id in declared.get("units", {}):
            if indicator_id not in indicators:
                collect.add((*path, "units", indicator_id),
                            f"indicator {indicator_id!r} is not defined in [[indicators]]")
    return built


def _indicator(model: IndicatorModel) -> Indicator:
    extra = {} if model.unit is None else {"unit": model.unit}
    return Indicator(
        id=model.id,
        name=model.name,
        kind=Kind(model.kind),
        polarity=Polarity(model.polarity),
        domain=model.domain,
        priorities=tuple(model.priorities),
        description=model.description,
        source=model.source,
        **extra,
    )


def _period(text: str, path: Sequence[str | int], collect: _Collector) -> Period | None:
    return _attempt(collect, (*path, "period"), lambda: parse_period(text))


def _known(indicator: str, path: Sequence[str | int], indicators: dict[str, Indicator],
           collect: _Collector) -> Indicator | None:
    if indicator not in indicators:
        known = ", ".join(indicators) or "none"
        collect.add((*path, "indicator"),
                    f"indicator {indicator!r} is not defined in [[indicators]]; defined: {known}")
        return None
    return indicators[indicator]


def _range(model: RangeModel, path: Sequence[str | int], indicators: dict[str, Indicator],
           collect: _Collector) -> ExpectedRange | None:
    indicator = _known(model.indicator, path, indicators, collect)
    period = _period(model.period, path, collect)
    if indicator is None or period is None:
        return None
    return _attempt(collect, path, lambda: ExpectedRange(
        model.indicator, model.lower, model.upper, period, source=model.source))


def _target(model: TargetModel, path: Sequence[str | int], indicators: dict[str, Indicator],
            collect: _Collector) -> Target | None:
    indicator = _known(model.indicator, path, indicators, collect)
    period = _period(model.period, path, collect)
    if indicator is None or period is None:
        return None
    if model.direction is None and indicator.polarity is Polarity.NEUTRAL:
        collect.add((*path, "direction"), f"indicator {indicator.id!r} is neutral, so a "
                    "target needs a direction: 'at least' or 'at most'")
        return None
    direction = (TargetDirection(model.direction) if model.direction is not None
                 else TargetDirection.for_polarity(indicator.polarity))
    return _attempt(collect, path, lambda: Target(
        model.indicator, model.value, direction, period, ambition=model.ambition,
        source=model.source))


_TOML_LINE = re.compile(r"at line (\d+)")


def _read(text: str, source: str) -> tuple[AuthorityProfile | None, list[Problem]]:
    collect = _Collector(source, locate.key_lines(text))
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        row = int(found.group(1)) if found else None
        return None, [Problem(source, f"not valid TOML: {exc}", row=row)]
    try:
        data = PluginFile.model_validate(raw)
    except ValidationError as exc:
        _pydantic_problems(exc, collect)
        return None, collect.problems
    raw_comparators = raw.get("comparators") if data.comparators is not None else None
    raw_governance = {key: raw.get(key) for key in ("membership", "meetings", "obligations")}
    profile = _build(data, raw_comparators, raw_governance, collect)
    return profile, collect.problems


def profile_from_toml(text: str, source: str = "<plug-in text>") -> AuthorityProfile:
    """The profile a plug-in file's ``text`` declares; ``source`` names it in errors.

    Raises :class:`~corpparent.plugins.errors.PluginFileError` listing every problem.
    """
    profile, problems = _read(text, source)
    if problems or profile is None:
        raise PluginFileError(problems or [Problem(source, "the file declares no profile")])
    return profile


def _text(path: str | Path) -> str:
    file = Path(path)
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PluginFileError([Problem(str(file), "file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PluginFileError([Problem(str(file), f"cannot read the file: {exc}")]) from exc


def load_plugin_file(path: str | Path) -> AuthorityProfile:
    """The profile declared by the plug-in file at ``path``.

    Raises :class:`~corpparent.plugins.errors.PluginFileError` listing every problem,
    each with its line and key path.
    """
    return profile_from_toml(_text(path), str(path))


def validate_plugin_file(path: str | Path) -> tuple[Problem, ...]:
    """Every problem in the plug-in file at ``path``; empty when the file is valid."""
    try:
        text = _text(path)
    except PluginFileError as exc:
        return exc.problems
    return tuple(_read(text, str(path))[1])


# --- writing --------------------------------------------------------------------------


def _period_text(period: Period) -> str:
    """Text that reads back as ``period``: ``str(FinancialYear(2011))`` is ``2011-12``,
    which :func:`~corpparent.periods.parse_period` reads as December 2011, so such a
    year is written ``FY 2011-12``."""
    text = str(period)
    if parse_period(text) == period:
        return text
    text = f"FY {text}"
    if parse_period(text) != period:
        raise DefinitionError(f"period {period!r} has no text that reads back as itself")
    return text


def _deep_without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_deep_without_none(v) for v in value]
    return value


def _without_none(table: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if v is not None}


def _named(authority: NamedAuthority) -> dict[str, Any]:
    return _without_none({"name": authority.name, "code": authority.code,
                          "region": authority.region})


def _comparator_table(comparator: Comparator) -> dict[str, Any]:
    return _without_none({
        "name": comparator.name, "kind": comparator.kind.value,
        "source": comparator.source or None, "code": comparator.code,
        "units": dict(comparator.units) or None,
        "values": [{"indicator": ind, "period": _period_text(period), "value": value}
                   for (ind, period), value in comparator.values.items()] or None,
    })


def _drop_empty(table: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if v not in ("", (), [], {}, None)}


def profile_to_toml(profile: AuthorityProfile) -> str:
    """The plug-in file for ``profile``; :func:`profile_from_toml` reads it back equal.

    A quorum combining rules more deeply than all (or any) of its parts cannot be
    written; it raises :class:`~corpparent.errors.DefinitionError`.
    """
    authority = _drop_empty({
        "id": profile.id, "name": profile.name, "gss_code": profile.gss_code,
        "dfe_code": profile.dfe_code, "region": profile.region, "domains": profile.domains,
        "description": profile.description, "source": profile.source,
    })
    documents = [_drop_empty({"id": d.id, "title": d.title, "date": d.date, "url": d.url})
                 for d in profile.documents]
    priorities = [_drop_empty({
        "id": p.id, "title": p.title, "leads": p.leads, "officers": p.officers,
        "strategy": p.strategy, "domains": p.domains, "source": p.source,
    }) for p in profile.priorities]
    indicators = []
    for indicator in profile.indicators:
        default_unit = Indicator(indicator.id, indicator.name, indicator.kind,
                                 indicator.polarity).unit
        indicators.append(_drop_empty({
            "id": indicator.id, "name": indicator.name, "kind": indicator.kind.value,
            "polarity": indicator.polarity.value, "domain": indicator.domain,
            "unit": None if indicator.unit == default_unit else indicator.unit,
            "priorities": indicator.priorities, "description": indicator.description,
            "source": indicator.source,
        }))
    ranges = [_drop_empty({
        "indicator": r.indicator, "period": _period_text(r.period), "lower": r.lower,
        "upper": r.upper, "source": r.source,
    }) for r in profile.indicators.ranges]
    targets = [_drop_empty({
        "indicator": t.indicator, "period": _period_text(t.period), "value": t.value,
        "direction": t.direction.value, "ambition": t.ambition or None, "source": t.source,
    }) for t in profile.indicators.targets]
    tables: list[tuple[str, tomlwriter.Table]] = []
    series: list[tomlwriter.Table] = []
    ids = {p.title: p.id for p in profile.priorities}
    if profile.constitution is not None:
        tables.append(("constitution",
                       governance_file.constitution_table(profile.constitution, ids)))
    if profile.membership is not None:
        tables.append(("membership", governance_file.membership_table(profile.membership, ids)))
    meetings = ([] if profile.meetings is None
                else governance_file.meetings_tables(profile.meetings))
    obligations = ([] if profile.obligations is None
                   else _deep_without_none(obligations_to_data(profile.obligations))
                   ["obligations"])
    if profile.comparators is not None:
        found = profile.comparators
        tables.append(("comparators", _without_none({
            "authority": _named(found.authority),
            "statistical_neighbours": [_named(a) for a in found.statistical_neighbours] or None,
            "outstanding": [_named(a) for a in found.outstanding] or None,
        })))
        series = [_comparator_table(c) for c in found.comparators]
    return tomlwriter.dumps(
        {"format_version": FORMAT_VERSION},
        [("authority", authority), *tables],
        [("documents", documents), ("priorities", priorities), ("indicators", indicators),
         ("ranges", ranges), ("targets", targets), ("comparators.comparators", series),
         ("meetings", meetings), ("obligations", obligations)],
        header=f"corpparent authority plug-in: {profile.name}\n"
               "JSON Schema: corpparent/plugins/schema/authority-plugin.schema.json",
    )
