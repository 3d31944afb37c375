"""An authority's indicator set: its indicators, with the ranges and targets set for them.

Ranges and targets are versioned by the period they were set for (Wiltshire reviews
them annually, 002 §17):
[`IndicatorSet.range_for`][corpparent.indicators.sets.IndicatorSet.range_for] finds the range whose
period contains the period being assessed, and two ranges that would both apply are refused when the
set is built.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import final

from attrs import field, frozen

from corpparent.errors import DefinitionError, UnknownIndicatorError
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.totals import check_parts
from corpparent.periods import Period
from corpparent.ranges import ExpectedRange, Target
from corpparent.wording import closest_codes, listed

__all__ = ["IndicatorSet", "overlap_message", "overlapping_ranges"]


def _indicators(items: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(items)


def _ranges(items: Iterable[ExpectedRange]) -> tuple[ExpectedRange, ...]:
    return tuple(items)


def _targets(items: Iterable[Target]) -> tuple[Target, ...]:
    return tuple(items)


def _name_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _hint(indicators: tuple[Indicator, ...], asked: str) -> str:
    """What to write instead of ``asked``, which is no indicator's id: the id of the
    indicator named ``asked`` (in any case and spacing: a sheet written with the
    plug-in's own names, "Number of children in care"); else the ids spelt like it, or
    whose names are; and the ids the set defines."""
    key = _name_key(asked)
    named = [i.id for i in indicators if key and _name_key(i.name) == key]
    if named:
        return (f": that is the name of the indicator whose id is "
                f"{listed([repr(i) for i in named], 'or')}; give the id")
    by_name = {_name_key(i.name): i.id for i in indicators}
    close = dict.fromkeys((*closest_codes([i.id for i in indicators], asked),
                           *(by_name[n] for n in closest_codes(by_name, key))))
    known = ", ".join(sorted(i.id for i in indicators)) or "none"
    if close:
        return f"; did you mean {listed([repr(i) for i in close], 'or')}? This set defines: {known}"
    return f"; this set defines: {known}"


@final
@frozen
class IndicatorSet:
    """Indicators by identifier, in the order given, with their ranges and targets."""

    indicators: tuple[Indicator, ...] = field(converter=_indicators)
    ranges: tuple[ExpectedRange, ...] = field(default=(), converter=_ranges)
    targets: tuple[Target, ...] = field(default=(), converter=_targets)
    _by_id: dict[str, Indicator] = field(init=False, eq=False, repr=False, factory=dict)
    _ranges_of: dict[str, tuple[ExpectedRange, ...]] = field(init=False, eq=False, repr=False,
                                                            factory=dict)
    _targets_of: dict[str, tuple[Target, ...]] = field(init=False, eq=False, repr=False,
                                                      factory=dict)
    _range_starts: dict[str, list[date]] = field(init=False, eq=False, repr=False,
                                                 factory=dict)
    _range_ends: dict[str, list[date]] = field(init=False, eq=False, repr=False,
                                               factory=dict)
    _target_spans: dict[str, tuple[tuple[date, date, Target], ...]] = field(
        init=False, eq=False, repr=False, factory=dict)
    _hints: dict[str, str] = field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        seen = self._by_id  # filled once here: every lookup by id is then a dict lookup
        for indicator in self.indicators:
            if indicator.id in seen:
                raise DefinitionError(f"indicator {indicator.id!r} is defined twice")
            seen[indicator.id] = indicator
        check_parts(seen)
        items: tuple[ExpectedRange | Target, ...] = (*self.ranges, *self.targets)
        for item in items:
            if item.indicator not in seen:
                kind = "expected range" if isinstance(item, ExpectedRange) else "target"
                raise DefinitionError(
                    f"{kind} for {item.indicator!r} ({item.period}) names no indicator in the set"
                )
        # Ranges and targets by indicator, so a lookup reads only the indicator's own and
        # the set is built in time linear in their number.
        ranges: dict[str, list[ExpectedRange]] = {}
        for expected in self.ranges:
            ranges.setdefault(expected.indicator, []).append(expected)
        targets: dict[str, list[Target]] = {}
        for target in self.targets:
            targets.setdefault(target.indicator, []).append(target)
        for name, own in ranges.items():  # by start: no two of one indicator overlap
            own.sort(key=lambda expected: expected.period.start)
            self._ranges_of[name] = tuple(own)
            self._range_starts[name] = [expected.period.start for expected in own]
            self._range_ends[name] = [expected.period.end for expected in own]
        self._targets_of.update((name, tuple(items)) for name, items in targets.items())
        # Each target's first and last day, so finding those that apply to a period
        # compares dates rather than working each target's period out again.
        self._target_spans.update((name, tuple((t.period.start, t.period.end, t) for t in items))
                                  for name, items in targets.items())
        if any(_overlapping(own) for own in self._ranges_of.values()):
            pair = overlapping_ranges(self.ranges)
            if pair is not None:
                first, second = (self.ranges[i] for i in pair)
                raise DefinitionError(overlap_message(first, second))

    def __getitem__(self, indicator_id: str) -> Indicator:
        found = self._by_id.get(indicator_id)
        if found is not None:
            return found
        hint = self._hints.get(indicator_id)
        if hint is None:  # worked out once for each: a file may give one name on many rows
            hint = self._hints[indicator_id] = _hint(self.indicators, indicator_id)
        raise UnknownIndicatorError(f"unknown indicator {indicator_id!r}{hint}")

    def __contains__(self, indicator_id: object) -> bool:
        return indicator_id in self._by_id

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    @property
    def ids(self) -> tuple[str, ...]:
        """Indicator identifiers in the order given."""
        return tuple(indicator.id for indicator in self.indicators)

    @property
    def totals(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each indicator that is the sum of others, with its parts, in the order given."""
        return tuple((i.id, i.parts) for i in self.indicators if i.parts)

    @property
    def domains(self) -> tuple[str, ...]:
        """Domains in the order they first appear."""
        return tuple(dict.fromkeys(indicator.domain for indicator in self.indicators))

    def range_for(self, indicator_id: str, period: Period) -> ExpectedRange | None:
        """The expected range set for a period that contains ``period``, if any."""
        starts = self._range_starts.get(indicator_id)
        if not starts:
            self[indicator_id]  # an unknown indicator is refused, by name
            return None
        # At most one of an indicator's ranges applies: the last to start by the period.
        # It applies where it was set for a period containing ``period`` (as
        # `ExpectedRange.applies_to`), its first day by the period's: its last day after.
        at = bisect_right(starts, period.start) - 1
        if at < 0 or period.end > self._range_ends[indicator_id][at]:
            return None
        return self._ranges_of[indicator_id][at]

    def targets_for(self, indicator_id: str, period: Period) -> tuple[Target, ...]:
        """Targets (and ambitions) set for periods that contain ``period``."""
        self[indicator_id]
        spans = self._target_spans.get(indicator_id)
        if not spans:
            return ()
        start, end = period.start, period.end  # as `Target.applies_to`, each day compared once
        return tuple(t for first, last, t in spans if first <= start and end <= last)


def _overlapping(ranges: tuple[ExpectedRange, ...]) -> bool:
    """Whether two of one indicator's ``ranges`` overlap: sorted by start, some range
    starts before the latest end of those before it."""
    if len(ranges) < 2:  # most indicators: one range a year, met one by one
        return False
    spans = sorted((r.period.start, r.period.end) for r in ranges)
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start <= reach:
            return True
        reach = max(reach, end)
    return False


def overlapping_ranges(ranges: Sequence[ExpectedRange | None]) -> tuple[int, int] | None:
    """The places in ``ranges`` of the first two (in the order given) of one indicator
    whose periods overlap, or ``None``; a ``None`` (a range that could not be built) is
    passed over, so a file's problem can name each by its place in the file."""
    for i, first in enumerate(ranges):
        for j in range(i + 1, len(ranges)):
            second = ranges[j]
            if (first is not None and second is not None
                    and first.indicator == second.indicator
                    and first.period.overlaps(second.period)):
                return i, j
    return None


def overlap_message(first: ExpectedRange, second: ExpectedRange, first_at: str = "",
                    second_at: str = "") -> str:
    """Why two ranges of one indicator whose periods overlap are refused (with where
    each is written, when given): the scorecard judges a period by one expected range,
    and shows it in the row's one range column. A quarter's range and a year total's
    (``per``) are refused too; the year's total can be given a target with its length."""
    text = (f"indicator {first.indicator!r} has two expected ranges that overlap: "
            f"{first.period}{first_at} and {second.period}{second_at}")
    if first.per_months != second.per_months:
        text += ("; a period is judged by one expected range, so give the other length "
                 "of period (a year's total, say) a target with its own 'per'")
    return text
