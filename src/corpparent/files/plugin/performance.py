"""The performance tables of a plug-in file: its indicators, expected ranges, targets and
comparator set, each built from its model and placed on its line.

The file's own tables and each ``[[years]]`` entry's are built alike, by
`reader`; a problem is collected with its key path (an
indicator a range names but no table defines, a neutral indicator's target without a
direction), so every problem of a file is reported at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from corpparent.comparators.sets import ComparatorSet
from corpparent.files._tabular.problems import Attempts
from corpparent.files.panel.comparator_sets import comparator_set_from_data
from corpparent.files.plugin.format import IndicatorModel, RangeModel, TargetModel
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.periods import Period, parse_period
from corpparent.ranges import PER_MONTHS, ExpectedRange, Target, TargetDirection

__all__ = ["comparator_set_from", "indicator_from", "range_from", "target_from"]


def comparator_set_from(raw: dict[str, Any], indicators: dict[str, Indicator],
                        collect: Attempts, at: tuple[str | int, ...] = (),
                        defined: str = "defined in [[indicators]]") -> ComparatorSet | None:
    """The comparator set (the file's own, or under ``at``, a year's), built by the
    comparators' own declaration reader and placed on its lines; then each inline
    value's indicator is checked against ``indicators``."""
    built = collect((*at, "comparators"), partial(
        comparator_set_from_data, raw, source=collect.where.source,
        where=collect.where.under(*at, "comparators")))
    if built is None:
        return None
    for index, declared in enumerate(raw.get("comparators", [])):
        path = (*at, "comparators", "comparators", index)
        for number, record in enumerate(declared.get("values", [])):
            indicator_id = record.get("indicator") if isinstance(record, dict) else None
            if indicator_id not in indicators:
                collect.add((*path, "values", number, "indicator"),
                            f"indicator {indicator_id!r} is not {defined}")
        for indicator_id in declared.get("units", {}):
            if indicator_id not in indicators:
                collect.add((*path, "units", indicator_id),
                            f"indicator {indicator_id!r} is not {defined}")
    return built


def indicator_from(model: IndicatorModel) -> Indicator:
    """The indicator an ``[[indicators]]`` table defines (its unit, where given)."""
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
        parts=tuple(model.parts),
        questions=tuple(model.questions),
        national_measure=model.national_measure,
        ssda903=model.ssda903,
        **extra,
    )


def _period(text: str, path: Sequence[str | int], collect: Attempts) -> Period | None:
    return collect((*path, "period"), lambda: parse_period(text))


def _known(indicator: str, path: Sequence[str | int], indicators: dict[str, Indicator],
           collect: Attempts) -> Indicator | None:
    if indicator not in indicators:
        known = ", ".join(indicators) or "none"
        collect.add((*path, "indicator"),
                    f"indicator {indicator!r} is not defined in [[indicators]]; defined: {known}")
        return None
    return indicators[indicator]


def range_from(model: RangeModel, path: Sequence[str | int], indicators: dict[str, Indicator],
               collect: Attempts) -> ExpectedRange | None:
    """The expected range a ``[[ranges]]`` table at ``path`` sets, for an indicator of
    ``indicators``; ``None``, with the problems collected, if it cannot be built."""
    indicator = _known(model.indicator, path, indicators, collect)
    period = _period(model.period, path, collect)
    if indicator is None or period is None:
        return None
    return collect(path, lambda: ExpectedRange(
        model.indicator, model.lower, model.upper, period, source=model.source,
        per_months=None if model.per is None else PER_MONTHS[model.per]))


def target_from(model: TargetModel, path: Sequence[str | int],
                indicators: dict[str, Indicator], collect: Attempts) -> Target | None:
    """The target a ``[[targets]]`` table at ``path`` sets, for an indicator of
    ``indicators``, in the direction given or its polarity's (a neutral indicator's must
    be given); ``None``, with the problems collected, if it cannot be built."""
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
    return collect(path, lambda: Target(
        model.indicator, model.value, direction, period, ambition=model.ambition,
        source=model.source, per_months=None if model.per is None else PER_MONTHS[model.per]))
