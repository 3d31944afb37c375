"""Writing a profile as a plug-in file that reads back to an equal profile.

`profile_to_data` gives every part of an
[`AuthorityProfile`][corpparent.profile.AuthorityProfile] as the data of a plug-in file: the keys
and values the file holds. [`profile_to_toml`][corpparent.files.plugin.writer.profile_to_toml]
writes that data as the file, with the small TOML writer of `corpparent.files._tabular.toml_writer`,
and `profile_to_json` as JSON (what ``corpparent authorities show --json`` prints);
tests check, for built-in and generated profiles, that
[`profile_from_toml`][corpparent.files.plugin.reader.profile_from_toml] and
`profile_from_json` read each back to an equal
profile.
"""

from __future__ import annotations

import calendar
import json
from datetime import date
from typing import Any

from corpparent.comparators.series import Authority as NamedAuthority, Comparator
from corpparent.comparators.sets import ComparatorSet
from corpparent.dated_groups import DatedGroup
from corpparent.errors import DefinitionError, PeriodError
from corpparent.files._tabular import toml_writer
from corpparent.files.panel.obligations import (
    obligations_to_data,
)
from corpparent.files.plugin import governance_tables as plugin_governance_tables
from corpparent.files.plugin.format import FORMAT_VERSION
from corpparent.indicators.definitions import Indicator
from corpparent.obligations.definitions import ObligationSet
from corpparent.periods import Month, Period, parse_period
from corpparent.profile import AuthorityProfile
from corpparent.ranges import PER_MONTHS, ExpectedRange, Target
from corpparent.rulesets import YearChanges

__all__ = ["profile_to_data", "profile_to_json", "profile_to_toml"]


def _reads_back(text: str, period: Period) -> bool:
    try:
        return parse_period(text) == period
    except PeriodError:
        return False


def _period_text(period: Period) -> str:
    """Text that reads back as ``period``. ``2011-12`` could be December 2011 or the
    financial year 2011-12, so [`parse_period`][corpparent.periods.parse_period] refuses it; such a
    year is written ``FY 2011-12`` and such a month ``December 2011``."""
    candidates = [str(period), f"FY {period}"]
    if isinstance(period, Month):
        candidates.append(f"{calendar.month_name[period.month]} {period.year}")
    for text in candidates:
        if _reads_back(text, period):
            return text
    raise DefinitionError(f"period {period!r} has no text that reads back as itself")


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


def _indicator_table(indicator: Indicator) -> dict[str, Any]:
    default_unit = Indicator(indicator.id, indicator.name, indicator.kind,
                             indicator.polarity).unit
    return _drop_empty({
        "id": indicator.id, "name": indicator.name, "kind": indicator.kind.value,
        "polarity": indicator.polarity.value, "domain": indicator.domain,
        "unit": None if indicator.unit == default_unit else indicator.unit,
        "priorities": indicator.priorities, "description": indicator.description,
        "source": indicator.source, "national_measure": indicator.national_measure,
        "parts": indicator.parts, "questions": indicator.questions,
        "ssda903": indicator.ssda903,
    })


def _per_text(months: int | None) -> str | None:
    return None if months is None else next(k for k, v in PER_MONTHS.items() if v == months)


def _range_table(r: ExpectedRange) -> dict[str, Any]:
    return _drop_empty({"indicator": r.indicator, "period": _period_text(r.period),
                        "lower": r.lower, "upper": r.upper, "source": r.source,
                        "per": _per_text(r.per_months)})


def _target_table(t: Target) -> dict[str, Any]:
    return _drop_empty({
        "indicator": t.indicator, "period": _period_text(t.period), "value": t.value,
        "direction": t.direction.value, "ambition": t.ambition or None, "source": t.source,
        "per": _per_text(t.per_months),
    })


def _group_table(group: DatedGroup) -> dict[str, Any]:
    return _drop_empty({"name": group.name, "as_at": group.as_at,
                        "members": list(group.members), "unknown": list(group.unknown),
                        "source": group.source})


def _comparator_set_table(found: ComparatorSet) -> dict[str, Any]:
    """The ``[comparators]`` table, with its ``comparators`` array under it."""
    return _without_none({
        "authority": _named(found.authority),
        "statistical_neighbours": [_named(a) for a in found.statistical_neighbours] or None,
        "outstanding": [_named(a) for a in found.outstanding] or None,
        "comparators": [_comparator_table(c) for c in found.comparators] or None,
    })


def _obligations_list(obligations: ObligationSet) -> list[Any]:
    found: list[Any] = _deep_without_none(obligations_to_data(obligations))["obligations"]
    return found


def _year_table(changes: YearChanges, ids: dict[str, str]) -> dict[str, Any]:
    """A ``[[years]]`` table: what the year changes, with any new constitution,
    comparator set, obligations and groups nested in it."""
    return _drop_empty({
        "year": _period_text(changes.year), "remove_indicators": list(changes.remove),
        "indicators": [_indicator_table(i) for i in (*changes.add, *changes.redefine)],
        "ranges": [_range_table(r) for r in changes.ranges],
        "targets": [_target_table(t) for t in changes.targets], "source": changes.source,
        "constitution": (None if changes.constitution is None else
                         plugin_governance_tables.constitution_table(changes.constitution, ids)),
        "comparators": (None if changes.comparators is None
                        else _comparator_set_table(changes.comparators)),
        "obligations": (None if changes.obligations is None
                        else _obligations_list(changes.obligations)),
        "groups": [_group_table(g) for g in changes.groups],
    })


#: The ``[table]`` keys of a plug-in file, in the order it writes them; every other key
#: but ``format_version`` is an array of tables (``comparators.comparators`` is the array
#: under the ``[comparators]`` table).
_TABLES = ("authority", "constitution", "membership", "comparators")
_ARRAYS = ("documents", "priorities", "indicators", "ranges", "targets",
           "comparators.comparators", "meetings", "obligations", "groups", "years")


def profile_to_data(profile: AuthorityProfile) -> dict[str, Any]:
    """The plug-in file for ``profile`` as data: the keys and values the file holds
    (dates as `datetime.date`), leaving out every table and array it would not
    write. [`profile_to_toml`][corpparent.files.plugin.writer.profile_to_toml] and `profile_to_json`
    write this one structure.

    A quorum combining rules more deeply than all (or any) of its parts cannot be
    written; it raises [`DefinitionError`][corpparent.errors.DefinitionError].
    """
    authority = _drop_empty({
        "id": profile.id, "name": profile.name, "gss_code": profile.gss_code,
        "dfe_code": profile.dfe_code, "region": profile.region, "domains": profile.domains,
        "description": profile.description, "source": profile.source,
    })
    if profile.rule_sets is not None:
        authority["rules_year"] = _period_text(profile.rule_sets.first.year)
    ids = {p.title: p.id for p in profile.priorities}
    comparators = (None if profile.comparators is None
                   else _comparator_set_table(profile.comparators))
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "authority": authority,
        "documents": [_drop_empty({"id": d.id, "title": d.title, "date": d.date,
                                   "url": d.url}) for d in profile.documents],
        "priorities": [_drop_empty({
            "id": p.id, "title": p.title, "leads": p.leads, "officers": p.officers,
            "strategy": p.strategy, "domains": p.domains, "source": p.source,
        }) for p in profile.priorities],
        "indicators": [_indicator_table(i) for i in profile.indicators],
        "ranges": [_range_table(r) for r in profile.indicators.ranges],
        "targets": [_target_table(t) for t in profile.indicators.targets],
        "constitution": (None if profile.constitution is None else
                         plugin_governance_tables.constitution_table(profile.constitution,
                                                                     ids)),
        "membership": (None if profile.membership is None else
                       plugin_governance_tables.membership_table(profile.membership, ids)),
        "meetings": plugin_governance_tables.meetings_tables(profile.meetings),
        "obligations": _obligations_list(profile.obligations),
        "comparators": comparators,
        "groups": [] if profile.rule_sets is None else [
            _group_table(g) for g in profile.rule_sets.first.groups],
        "years": [] if profile.rule_sets is None else [
            _year_table(c, ids) for c in profile.rule_sets.changes],
    }
    return {k: v for k, v in data.items() if v not in (None, [])}


def profile_to_toml(profile: AuthorityProfile) -> str:
    """The plug-in file for ``profile``; [`profile_from_toml`][corpparent.files.profile_from_toml]
    reads it back equal.

    A quorum combining rules more deeply than all (or any) of its parts cannot be
    written; it raises [`DefinitionError`][corpparent.errors.DefinitionError].
    """
    data = profile_to_data(profile)
    comparators = dict(data.get("comparators", {}))
    series = comparators.pop("comparators", [])
    tables = [(name, comparators if name == "comparators" else data[name])
              for name in _TABLES if name in data]
    arrays = [(name, series if name == "comparators.comparators" else data.get(name, []))
              for name in _ARRAYS]
    return toml_writer.dumps(
        {"format_version": data["format_version"]}, tables, arrays,
        header=f"corpparent authority plug-in: {profile.name}\n"
               "JSON Schema: corpparent/files/plugin/schema/authority-plugin.schema.json",
    )


def _json_value(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"a {type(value).__name__} has no JSON form")  # pragma: no cover


def profile_to_json(profile: AuthorityProfile) -> str:
    """The plug-in file for ``profile`` in JSON: the structure `profile_to_data`
    gives, dates as ``YYYY-MM-DD``; `profile_from_json` reads it back equal."""
    return json.dumps(profile_to_data(profile), indent=2, ensure_ascii=False,
                      default=_json_value) + "\n"
