"""Declarative plug-ins: an authority profile written as a TOML file.

Many authorities have performance analysts but no Python developers, so a profile can
be a data file. The file is read with ``tomllib``, validated by the pydantic models of
`corpparent.files.plugin.format` (whose JSON Schema
[`plugin_schema`][corpparent.files.plugin.format.plugin_schema] publishes, for editors and other
tools), and built into an [`AuthorityProfile`][corpparent.profile.AuthorityProfile]. Every problem
in a file is reported at once, each with its line and key path:

    ourtown.toml, line 42, field 'indicators[3].kind': expected one of 'snapshot', ...

[`validate_plugin_file`][corpparent.files.plugin.reader.validate_plugin_file] checks a file before
use and returns the problems; [`load_plugin_file`][corpparent.files.plugin.reader.load_plugin_file]
returns the profile or raises [`PluginFileError`][corpparent.errors.PluginFileError];
[`profile_to_toml`][corpparent.files.plugin.writer.profile_to_toml] writes a profile back out in the
same format, and the file it writes loads to an equal profile.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from corpparent.comparators.sets import ComparatorSet
from corpparent.dated_groups import DatedGroup
from corpparent.errors import DataError, DefinitionError, PluginFileError, Problem, UnitError
from corpparent.files._tabular.documents import check_lists, decode_document, read_text
from corpparent.files._tabular.problems import Attempts, problems_from_validation
from corpparent.files.panel.obligations import (
    obligations_from_data,
)
from corpparent.files.plugin import governance as plugin_governance
from corpparent.files.plugin.format import (
    GroupModel,
    IndicatorModel,
    PluginFile,
    YearModel,
)
from corpparent.files.plugin.performance import (
    comparator_set_from as _comparator_set,
    indicator_from as _indicator,
    range_from as _range,
    target_from as _target,
)
from corpparent.governance.constitution import Constitution
from corpparent.indicators.definitions import Indicator, ssda903_misfit, unit_misfit
from corpparent.indicators.sets import IndicatorSet, overlap_message, overlapping_ranges
from corpparent.indicators.totals import check_parts
from corpparent.obligations.definitions import ObligationSet
from corpparent.periods import Period, parse_period
from corpparent.profile import AuthorityProfile, Document, Priority
from corpparent.ranges import ExpectedRange, Target
from corpparent.rulesets import RulesByYear, YearChanges, YearRules, set_outside

__all__ = ["load_plugin_file", "profile_from_json", "profile_from_toml",
           "validate_plugin_file"]


def _duplicates(collect: Attempts, section: str | tuple[str | int, ...], ids: Sequence[str],
                field: str = "id") -> None:
    """Each repeat of an id (or other ``field``) in the array of tables at ``section``
    is a problem on its own line, naming the first."""
    at = (section,) if isinstance(section, str) else section
    written = ".".join(map(str, at))
    seen: dict[str, int] = {}
    for index, item in enumerate(ids):
        if item in seen:
            first = collect.where.line_of((*at, seen[item]))
            collect.add((*at, index, field), f"{item!r} is defined twice (first as "
                        f"{written}[{seen[item]}], line {first})")
        else:
            seen[item] = index


def _overlaps(collect: Attempts, at: tuple[str | int, ...],
              ranges: Sequence[ExpectedRange | None]) -> bool:
    """Whether two of ``ranges`` (the ``ranges`` under ``at``, by their place) overlap;
    if so the problem is told at the second, naming the first and its line."""
    pair = overlapping_ranges(ranges)
    if pair is None:
        return False
    (i, j), where = pair, collect.where
    first, second = ranges[i], ranges[j]
    if first is None or second is None:  # never: overlapping_ranges passes them over
        return False
    at_first, at_second = (*at, "ranges", i), (*at, "ranges", j)
    collect.add(at_second, overlap_message(
        first, second, f" ({where.field_of(at_first)}, line {where.line_of(at_first)})",
        f" ({where.field_of(at_second)})"))
    return True


def _build(data: PluginFile, raw_comparators: dict[str, Any] | None,
           raw_governance: dict[str, Any], collect: Attempts) -> AuthorityProfile | None:
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
        for part in model.parts:
            if part not in {i.id for i in data.indicators}:
                collect.add((*path, "parts"),
                            f"part {part!r} is not defined in [[indicators]]")
        if not _fits_units(model, path, collect):
            continue
        built = collect(path, partial(_indicator, model))
        if built is not None:
            indicators.setdefault(built.id, built)
    placed = [_range(range_model, ("ranges", index), indicators, collect)
              for index, range_model in enumerate(data.ranges)]
    _overlaps(collect, (), placed)
    ranges = [r for r in placed if r is not None]
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
        constitution = plugin_governance.build_constitution(data.constitution, titles, collect)
    if raw_governance.get("membership") is not None:
        membership = plugin_governance.build_membership(
            raw_governance["membership"], titles, collect)
    if raw_governance.get("meetings"):
        meetings = plugin_governance.build_meetings(raw_governance["meetings"], collect)
    obligations = None
    if raw_governance.get("obligations"):
        obligations = collect(("obligations",), partial(
            obligations_from_data, {"obligations": raw_governance["obligations"]},
            collect.where.source, where=collect.where))
    if collect.problems:
        return None
    collect(("indicators",), partial(check_parts, indicators))  # totals and their parts
    if collect.problems:
        return None
    indicator_set = collect(("ranges",),
                             lambda: IndicatorSet(tuple(indicators.values()), ranges, targets))
    if indicator_set is None:
        return None
    authority = data.authority
    rule_sets = _rule_sets(data, indicator_set, comparators, constitution, obligations,
                           collect, raw_governance.get("years") or [])
    if collect.problems:
        return None
    return collect(("authority",), lambda: AuthorityProfile(
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
        rule_sets=rule_sets,
    ))


def _rule_sets(data: PluginFile, first: IndicatorSet, comparators: ComparatorSet | None,
               constitution: Constitution | None, obligations: ObligationSet | None,
               collect: Attempts, raw_years: list[Any]) -> RulesByYear | None:
    """The year-versioned rule sets: the file's own tables set for ``rules_year``, then
    each ``[[years]]`` entry built from the year before."""
    if data.authority.rules_year is None:
        for section, given in (("years", data.years), ("groups", data.groups)):
            if given:
                collect.add((section,), f"[[{section}]] need authority.rules_year, the year "
                            "the file's own indicators, ranges and targets were set for")
        return None
    year = collect(("authority", "rules_year"), partial(_year, data.authority.rules_year))
    groups = _groups(data.groups, (), collect)
    if year is None or groups is None:
        return None
    base = collect(("groups",), partial(
        YearRules, year, first, comparators, constitution, obligations or ObligationSet(()),
        groups=groups))
    if base is None:
        return None
    changes = []
    running = {i.id: i for i in first}
    titles = {p.id: p.title for p in data.priorities}
    for index, model in enumerate(data.years):
        path = ("years", index)
        built = _year_changes(model, path, running, titles, collect, raw_years[index])
        if built is not None:
            changes.append(built)
    if len(changes) < len(data.years):
        return None
    return collect(("years",), partial(RulesByYear, base, changes))


def _year(text: str) -> Period:
    """A year the rules were set for: a financial, municipal, academic or calendar year,
    never a quarter or a month."""
    period = parse_period(text)
    if (period.end - period.start).days < 364:
        raise DefinitionError(f"expected a whole year, such as '2022-23' or 'MY 2023-24', "
                              f"found {text!r}")
    return period


def _groups(models: Sequence[GroupModel], path: tuple[str | int, ...],
            collect: Attempts) -> tuple[DatedGroup, ...] | None:
    """The comparator groups of ``[[groups]]`` (or a year's), each placed on its line;
    None if any is wrong."""
    if not models:
        return ()
    from corpparent.dfe.areas import known_areas  # the directory of authorities, once used

    problems = len(collect.problems)
    _duplicates(collect, (*path, "groups"), [g.name for g in models], "name")
    areas = known_areas()
    for index, group in enumerate(models):
        for field in ("members", "unknown"):
            seen: set[str] = set()
            for number, name in enumerate(getattr(group, field)):
                at = (*path, "groups", index, field, number)
                if name not in areas:
                    collect.add(at, f"expected an English local authority's name, old LA "
                                f"code or ONS code, found {name!r}")
                elif areas[name].code in seen:
                    collect.add(at, f"{name!r} is listed twice")
                else:
                    seen.add(areas[name].code)
    built = [collect((*path, "groups", index), partial(
        DatedGroup, g.name, g.members, g.as_at, g.unknown, source=g.source))
        for index, g in enumerate(models)]
    if len(collect.problems) > problems:
        return None
    return tuple(g for g in built if g is not None)


def _fits_units(model: IndicatorModel, path: tuple[str | int, ...],
                 collect: Attempts) -> bool:
    """Whether the indicator's unit, if given, is known and one its kind can have, and
    the SSDA903 measure it names, if any, is known and fits its unit; if not, the
    problem is collected at its ``unit`` or ``ssda903`` field."""
    if model.unit is not None:
        try:
            wrong = unit_misfit(model.kind, model.unit)
        except UnitError as exc:
            wrong = str(exc)
        if wrong is not None:
            collect.add((*path, "unit"), f"indicator {model.id!r}: {wrong}")
            return False
    wrong = None if model.ssda903 is None else ssda903_misfit(model.ssda903, model.kind,
                                                               model.unit)
    if wrong is not None:
        collect.add((*path, "ssda903"), f"indicator {model.id!r}: {wrong}")
    return wrong is None


def _year_changes(model: YearModel, path: tuple[str, int], running: dict[str, Indicator],
                  titles: dict[str, str], collect: Attempts,
                  raw: dict[str, Any]) -> YearChanges | None:
    failed = collect.failed
    constitution = None
    if model.constitution is not None:
        constitution = plugin_governance.build_constitution(
            model.constitution, titles, collect, (*path, "constitution"))
    obligations = None
    groups = _groups(model.groups, path, collect)
    if model.obligations is not None:
        obligations = collect((*path, "obligations"), partial(
            obligations_from_data, {"obligations": raw["obligations"]},
            collect.where.source, where=collect.where.under(*path)))
    year = collect((*path, "year"), partial(_year, model.year))
    added: list[Indicator] = []
    redefined: list[Indicator] = []
    for number, indicator_model in enumerate(model.indicators):
        if not _fits_units(indicator_model, (*path, "indicators", number), collect):
            continue
        indicator = collect((*path, "indicators", number), partial(_indicator, indicator_model))
        if indicator is not None:
            (redefined if indicator.id in running else added).append(indicator)
            running[indicator.id] = indicator
    for number, removed in enumerate(model.remove_indicators):
        if running.pop(removed, None) is None:
            collect.add((*path, "remove_indicators", number),
                        f"indicator {removed!r} is not defined in the year before")
    comparators = None
    if model.comparators is not None:  # read as the file's own [comparators] is, and
        # its values checked against this year's indicators
        comparators = _comparator_set(
            raw["comparators"], running, collect, path,
            f"an indicator of {model.year} (not defined, or removed by that year)")
    ranges = [_range(r, (*path, "ranges", n), running, collect)
              for n, r in enumerate(model.ranges)]
    targets = [_target(t, (*path, "targets", n), running, collect)
               for n, t in enumerate(model.targets)]
    outside = int(_overlaps(collect, path, ranges))  # or for another year, told below
    for section, rules in (("ranges", ranges), ("targets", targets)):
        for number, rule in enumerate(rules):
            wrong = None if rule is None or year is None else set_outside(rule, year)
            if wrong is not None:
                outside += 1
                collect.add((*path, section, number, "period"), wrong)
    if year is None or groups is None or outside or collect.failed > failed:
        return None
    return collect(path, partial(
        YearChanges, year, tuple(added), tuple(model.remove_indicators), tuple(redefined),
        tuple(r for r in ranges if r is not None), tuple(t for t in targets if t is not None),
        constitution=constitution, comparators=comparators, obligations=obligations,
        source=model.source, groups=groups))


def _read(text: str, source: str,
          toml: bool = True) -> tuple[AuthorityProfile | None, list[Problem]]:
    try:
        raw, where = decode_document(text, source, toml=toml)
        check_lists(raw, source, "definitions")
    except DataError as exc:
        return None, list(exc.problems)
    collect = Attempts(where, [])
    try:
        data = PluginFile.model_validate(raw)
    except ValidationError as exc:
        return None, problems_from_validation(exc, where, model=PluginFile)
    raw_comparators = raw.get("comparators") if data.comparators is not None else None
    raw_governance = {key: raw.get(key)
                      for key in ("membership", "meetings", "obligations", "years")}
    profile = _build(data, raw_comparators, raw_governance, collect)
    return profile, collect.problems


def profile_from_toml(text: str, source: str = "<plug-in text>") -> AuthorityProfile:
    """The profile a plug-in file's ``text`` declares; ``source`` names it in errors.

    Raises [`PluginFileError`][corpparent.errors.PluginFileError] listing every problem.
    """
    profile, problems = _read(text, source)
    if problems or profile is None:
        raise PluginFileError(problems or [Problem(source, "the file declares no profile")])
    return profile


def profile_from_json(text: str, source: str = "<plug-in JSON>") -> AuthorityProfile:
    """The profile a plug-in file's data declares, given as JSON (the keys and tables of
    the TOML file, dates as ``YYYY-MM-DD``), as ``corpparent authorities show --json``
    prints it. Raises [`PluginFileError`][corpparent.errors.PluginFileError] listing every problem.
    """
    profile, problems = _read(text, source, toml=False)
    if problems or profile is None:
        raise PluginFileError(problems or [Problem(source, "the file declares no profile")])
    return profile


def _text(path: str | Path) -> str:
    try:
        return read_text(path)
    except DataError as exc:
        raise PluginFileError(exc.problems) from None


def load_plugin_file(path: str | Path) -> AuthorityProfile:
    """The profile declared by the plug-in file at ``path``.

    Raises [`PluginFileError`][corpparent.errors.PluginFileError] listing every problem,
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
