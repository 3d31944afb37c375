"""The figures a set of reports publishes, and every relation between them a reader can
use to work out a figure they do not see.

A reader of a panel's papers does not only read the figures printed: a declared total
is the sum of its parts; a quarter's count is the sum of its months (as
`corpparent.indicators.aggregation` adds them up); a percentage is its numerator
over its denominator; a process chart's mean is the average of its points; a status
word puts a figure on one side of a range or target; a direction of travel with a
tolerance bounds the change. `figures_of` reads all of that from report documents
(as their JSON carries them) into `Figures`: the figures with their values
(``None`` where the reader does not see one), the figures shown as ``c``, which of them
are counts of children, and each relation as a
[`Relation`][corpparent.disclosure.Relation], ready for
[`corpparent.disclosure.ranges`][corpparent.disclosure.ranges] (what a reader can work out) or
[`corpparent.disclosure.secure`][corpparent.disclosure.secure] (what to withhold so that they
cannot).

Figures are keyed ``("value", indicator, period)``, ``("numerator", indicator, period)``
and ``("denominator", indicator, period)``: the same figure wherever it is shown (a
trend point, a headline value, a chart point, a value beside the comparators, a
finding's evidence), and in whichever report. A figure shown in one report and withheld
in another is shown. Statements (the published things a relation comes from, withdrawn
to remove it) are keyed ``("chart", indicator)``, ``("finding", indicator, period,
rule)`` and ``("percentage", indicator, period)``.

What is linear is kept exactly; what is not becomes the linear bounds a reader can
honestly derive, or is left out:

* a percentage ``v`` (or rate, or score) of numerator ``n`` over denominator ``d`` is
  ``factor * n = v * d`` within half a unit of the last digit of ``v``: linear in ``n``
  and ``d`` once ``v`` is read, so it is a relation only where ``v`` is shown; a rate
  over a population is aggregated over time by its numerators only (which population
  the quarter used is not published);
* a process chart's limits are ``mean ± 2.66 × the average moving range``, an average
  of absolute differences, and by default of those left after screening out the large
  ones (which were screened out is not published): they are left out, beyond the
  common cause variation of the latest point putting it within them; the mean, the
  limits' midpoint, is what ties the chart's points together, and it is kept;
* a status word that puts a figure outside a range on a side a neutral indicator does
  not name ("outside range"), special cause signals other than the latest point's
  variation, and a direction of travel of "no change" with a tolerance that is not
  published, say nothing linear, and are left out;
* a strict inequality (below a range, a change larger than the tolerance) is made
  whole for a count (below 2 is at most 1) and closed for anything else.

The statements themselves (charts, status and travel findings) are read in
`corpparent.report.disclosure.statements`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Final, final

from attrs import frozen

from corpparent.disclosure import Derived, Relation
from corpparent.errors import CorpparentError
from corpparent.periods import FinancialQuarter, Month, Period, parse_period
from corpparent.report.model import AnyReport, ScorecardReport
from corpparent.report.parts import IndicatorOut, TrendPoint
from corpparent.units import convert

__all__ = ["COUNT_UNIT", "Figures", "Key", "figures_of", "national_figures", "period_of",
           "tilings"]

#: A figure's or a statement's key: see the module's docstring.
Key = tuple[str, ...]
#: The unit of counts of children.
COUNT_UNIT: Final = "child"
_RATIOS: Final = ("percentage", "rate", "score")
_SMALLEST_TOLERANCE: Final = 1e-6


@final
@frozen
class Figures:
    """What a set of reports says: every figure with its value (``None`` where a reader
    does not see one: withheld, or never published), the figures shown as ``c``, the
    counts of children among them, the percentages and rates computed from a numerator,
    and the relations between them; ``revealed``: the figures one report shows as ``c``
    and another shows with their value (what one paper withheld, another published)."""

    values: Mapping[Key, float | None]
    withheld: frozenset[Key]
    counts: frozenset[Key]
    derived: tuple[Derived[Key], ...]
    relations: tuple[Relation[Key], ...]
    revealed: frozenset[Key] = frozenset()

    @property
    def known(self) -> dict[Key, float]:
        """The figures a reader sees, with their values."""
        return {key: value for key, value in self.values.items() if value is not None}


def value_key(indicator: str, period: str) -> Key:
    """The key of an indicator's value in a period."""
    return ("value", indicator, period)


def half_unit(value: float) -> float:
    """Half a unit of the last digit ``value`` is written with (its shortest form), and
    never less than a millionth of it: how far the published figure may be from the one
    it was rounded from."""
    text = repr(float(value))
    digits = 0
    if "e" not in text and "." in text:
        digits = len(text.split(".")[1].rstrip("0"))
    return max(0.5 * 10.0 ** -digits if digits else 0.0, _SMALLEST_TOLERANCE * max(1.0,
                                                                                   abs(value)))


class Collector:
    """The figures and relations read so far, from one report after another."""

    def __init__(self) -> None:
        self.values: dict[Key, float | None] = {}
        self.shown_as_symbol: set[Key] = set()
        self.counts: set[Key] = set()
        self.derived: dict[Key, Derived[Key]] = {}
        self.relations: dict[Relation[Key], None] = {}
        self.kinds: dict[str, IndicatorOut] = {}

    def see(self, key: Key, value: float | None, *, withheld: bool = False,
            count: bool = False) -> None:
        """A figure shown with ``value`` (``None``: not shown; ``withheld``: shown as
        ``c``). A value shown anywhere is known."""
        if value is not None and self.values.get(key) is None:
            self.values[key] = float(value)
        else:
            self.values.setdefault(key, None)
        if withheld:
            self.shown_as_symbol.add(key)
        if count:
            self.counts.add(key)

    def relate(self, relation: Relation[Key], *, count: bool = False) -> None:
        """A relation; the figures it names that were not seen are unknown to a reader."""
        for key in relation.figures:
            self.see(key, None, count=count or key[0] != "value")
        self.relations.setdefault(relation)

    def figures(self) -> Figures:
        """What was read, as `Figures`."""
        withheld = frozenset(k for k in self.shown_as_symbol if self.values.get(k) is None)
        revealed = frozenset(k for k in self.shown_as_symbol if self.values.get(k) is not None)
        return Figures(values=dict(self.values), withheld=withheld,
                       counts=frozenset(self.counts), derived=tuple(self.derived.values()),
                       relations=tuple(self.relations), revealed=revealed)


def figures_of(*reports: AnyReport) -> Figures:
    """What ``reports`` say, together (a series of papers: the same key in two reports is
    one figure; a figure withheld in one and shown in another is shown). Reports of
    other kinds than a scorecard or a process chart's findings say no figure."""
    from corpparent.report.disclosure.statements import chart_report_statements, statements

    collector = Collector()
    scorecards = [r for r in reports if isinstance(r, ScorecardReport)]
    for scorecard in scorecards:
        for item in scorecard.indicators:
            _read_indicator(collector, scorecard, item)
    for report in reports:
        if isinstance(report, ScorecardReport):
            for item in report.indicators:
                statements(collector, report, item, scorecards)
        else:
            chart_report_statements(collector, report)
    for item in collector.kinds.values():
        _totals(collector, item)
        _over_time(collector, item)
    return collector.figures()


def is_count(item: IndicatorOut) -> bool:
    """Whether the indicator's values are counts of children."""
    return item.unit == COUNT_UNIT


def symbol_of(report: ScorecardReport) -> str:
    """The symbol the report writes for a withheld figure."""
    return report.suppression.symbol or "c"


def _read_point(collector: Collector, item: IndicatorOut, point: TrendPoint,
                symbol: str) -> None:
    withheld = point.value is None and point.symbol == symbol
    key = value_key(item.id, point.period)
    collector.see(key, point.value, withheld=withheld, count=is_count(item))
    if item.kind in _RATIOS:
        numerator = ("numerator", item.id, point.period)
        collector.see(numerator, point.numerator, withheld=withheld, count=True)
        collector.derived.setdefault(key, Derived(key, numerator))


def _read_indicator(collector: Collector, report: ScorecardReport,
                    item: IndicatorOut) -> None:
    collector.kinds.setdefault(item.id, item)
    symbol = symbol_of(report)
    for point in (*item.trend, *item.beside):
        _read_point(collector, item, point, symbol)
    if report.period is not None:
        withheld = item.value is None and item.symbol == symbol
        collector.see(value_key(item.id, report.period), item.value, withheld=withheld,
                      count=is_count(item))
    for key, value in national_figures(item).items():
        collector.see(key, value, count=is_count(item))


def national_figures(item: IndicatorOut) -> dict[Key, float]:
    """The DfE's own published figure for the indicator (its LAIT value, shown beside
    it with ``--national``), under the key of the indicator's figure for that period:
    a reader can download it, so it is known whatever the paper withholds."""
    national = item.national
    if national is None or national.value is None:
        return {}
    return {value_key(item.id, national.period): float(national.value)}


def _totals(collector: Collector, item: IndicatorOut) -> None:
    """Each declared total, in every period any of its figures is shown for."""
    if not item.parts:
        return
    members = (item.id, *item.parts)
    periods = {key[2] for key in list(collector.values)
               if key[0] == "value" and key[1] in members}
    for period in sorted(periods):
        collector.relate(Relation.total(
            value_key(item.id, period), [value_key(p, period) for p in item.parts],
            source=f"the total {item.id} of {', '.join(item.parts)} in {period}"),
            count=True)


def period_of(text: str | None) -> Period | None:
    """The period ``text`` names, or ``None`` where it names none (a report's figures
    are keyed by their periods as written, and a reader matches only those it can
    read)."""
    if text is None:
        return None
    try:
        return parse_period(text)
    except CorpparentError:
        return None


def pieces(period: Period, kind: type[Period]) -> tuple[Period, ...] | None:
    """The periods of ``kind`` that tile ``period`` exactly, oldest first; ``None`` where
    they do not (a quarter has no whole financial years)."""
    if kind is Month:
        months = period.months()
        return months if len(months) > 1 else None
    containing = getattr(kind, "containing", None)
    if containing is None or kind is type(period):
        return None
    found: list[Period] = []
    for month in period.months():
        piece = containing(month.start)
        if not found or found[-1] != piece:
            found.append(piece)
    if len(found) < 2 or found[0].start != period.start or found[-1].end != period.end:
        return None
    return tuple(found)


def tilings(period: Period, kinds: Iterable[type[Period]]) -> Iterator[tuple[Period, ...]]:
    """Each way periods of one of ``kinds``, or months, or financial quarters, tile
    ``period`` exactly (a year's quarters, its months), in the same order every run."""
    every: set[type[Period]] = {*kinds, Month, FinancialQuarter}
    for kind in sorted(every, key=lambda k: k.__name__):
        tiles = pieces(period, kind)
        if tiles is not None:
            yield tiles


def _over_time(collector: Collector, item: IndicatorOut) -> None:
    """A period's figure from the shorter periods that tile it, as the indicator's kind
    aggregates: a count is their sum, a snapshot the last of them, a percentage or score
    the sum of numerators over the sum of denominators (a rate: the sum of numerators)."""
    shown = {key[2]: parsed for key in list(collector.values)
             if key[0] == "value" and key[1] == item.id
             and (parsed := period_of(key[2])) is not None}
    kinds = {type(p) for p in shown.values()}
    for text, period in sorted(shown.items(), key=lambda pair: pair[1]):
        percentage(collector, item, text)
        for tiles in tilings(period, kinds):
            if any(str(p) in shown for p in tiles):
                _aggregate(collector, item, text, [str(p) for p in tiles])


def _aggregate(collector: Collector, item: IndicatorOut, period: str,
               tiles: list[str]) -> None:
    source = f"the {period} {'figure' if item.kind == 'snapshot' else 'total'}"
    count = is_count(item)
    if item.kind == "count":
        collector.relate(Relation.total(value_key(item.id, period),
                                        [value_key(item.id, p) for p in tiles],
                                        source=source), count=count)
    elif item.kind == "snapshot":
        collector.relate(Relation.equation(
            ((value_key(item.id, period), 1.0), (value_key(item.id, tiles[-1]), -1.0)), 0.0,
            source=source), count=count)
    elif item.kind in _RATIOS:
        parts = ["numerator"] if item.kind == "rate" else ["numerator", "denominator"]
        for part in parts:
            collector.relate(Relation.total(
                (part, item.id, period), [(part, item.id, p) for p in tiles],
                source=f"the {period} {part}s"), count=True)


def percentage(collector: Collector, item: IndicatorOut, period: str) -> None:
    """Where a percentage, rate or score is shown, its numerator and denominator agree
    with it: ``factor * n`` lies within ``(v ± half a unit) * d``."""
    value = collector.values.get(value_key(item.id, period))
    if value is None or item.kind not in _RATIOS:
        return
    factor = 1.0 if item.kind == "score" else _factor(item.unit)
    if factor is None:
        return
    numerator, denominator = ("numerator", item.id, period), ("denominator", item.id, period)
    statement = ("percentage", item.id, period)
    shown = f"the {item.kind} {value:.4g}{'%' if item.unit == 'percent' else ''} for {period}"
    tolerance = half_unit(value)
    for side, lower, upper in ((value + tolerance, -math.inf, 0.0),
                               (value - tolerance, 0.0, math.inf)):
        collector.relate(Relation(((numerator, factor), (denominator, -side)), lower, upper,
                                  statement=statement, source=shown), count=True)


def _factor(unit: str) -> float | None:
    try:
        return convert(1.0, "dimensionless", unit)
    except CorpparentError:
        return None


def known_periods(collector: Collector, indicator: str) -> Iterable[str]:
    """The periods the indicator has a figure for, as written."""
    return [key[2] for key in collector.values if key[0] == "value" and key[1] == indicator]
