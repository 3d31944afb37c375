"""Decide what a public scorecard withholds: the figures it publishes, what its words say
about them, and :func:`corpparent.disclosure.secure` over both.

The report's figures and the relations between them (declared totals, aggregates over
time, a chart's mean and limits, a status word against a range or a target, a direction
of travel with a tolerance, a percentage of its numerator) are read from the report
document; :func:`corpparent.disclosure.secure` withholds the small counts, what is
derived from them and enough else that a reader can narrow none of them, given those
relations and the figures already published elsewhere. :func:`decide` returns that
decision in the report's terms, for :mod:`corpparent.report.disclosure.masking` to apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, final

from attrs import frozen

from corpparent.disclosure import Derived, Reason, Relation, Secured, secure
from corpparent.report.disclosure.masking import Key, earlier_period
from corpparent.report.model import ScorecardReport, WithheldOut

__all__ = ["COUNT_UNIT", "Decision", "decide"]

#: The unit of counts of children, the figures that are suppressed.
COUNT_UNIT: Final = "child"

_REASONS: Final = {Reason.SMALL_COUNT: "small count",
                   Reason.DERIVED: "computed from a withheld count",
                   Reason.DIFFERENCING: "gives one away"}


@final
@frozen
class Decision:
    """What a report withholds (``withheld``, figure keys), the statements it withdraws
    (``dropped``), the withheld figures' values (for the masking of words quoting them)
    and the log of both, in the order decided."""

    withheld: frozenset[Key]
    dropped: frozenset[Key]
    hidden: Mapping[Key, float | None]
    log: tuple[WithheldOut, ...]


@final
@frozen
class _Figures:
    values: Mapping[Key, float | None]
    counts: frozenset[Key]
    derived: tuple[Derived[Key], ...]
    relations: tuple[Relation[Key], ...]


def _figures(report: ScorecardReport) -> _Figures:
    """The report's counts of children wherever it shows them (trend, headline, chart,
    the earlier value of a direction of travel, beside its comparators), the percentages
    and rates computed from a count read beside them, and its declared totals."""
    values: dict[Key, float | None] = {}
    counts: set[Key] = set()
    derived: list[Derived[Key]] = []
    for item in report.indicators:
        counted = item.unit == COUNT_UNIT
        for point in item.trend:
            key = ("value", item.id, point.period)
            if counted:
                values[key] = point.value
            elif point.numerator is not None:
                source = ("numerator", item.id, point.period)
                values[source] = point.numerator
                values[key] = point.value
                counts.add(source)
                derived.append(Derived(key, source))
        if not counted:
            continue
        if report.period is not None:
            values.setdefault(("value", item.id, report.period), item.value)
        for charted in item.chart.points if item.chart is not None else ():
            if charted.period is not None:
                values.setdefault(("value", item.id, charted.period), charted.value)
        for finding in item.findings:
            earlier, value = earlier_period(finding), finding.evidence.get("earlier")
            if earlier is not None and isinstance(value, int | float):
                values.setdefault(("value", item.id, earlier), float(value))
        for point in item.beside:
            values.setdefault(("value", item.id, point.period), point.value)
        counts.update(key for key in values if key[:2] == ("value", item.id))
    relations: list[Relation[Key]] = []
    for item in report.indicators:
        for point in item.trend if item.parts else ():
            parts = [("value", part, point.period) for part in item.parts]
            for key in parts:
                values.setdefault(key, None)
            counts.update(parts)
            relations.append(Relation.total(("value", item.id, point.period), parts,
                                            source=f"{item.name}, {point.period}"))
    return _Figures(values, frozenset(counts), tuple(derived), tuple(relations))


def _log(secured: Secured[Key]) -> list[WithheldOut]:
    log = []
    for item in secured.withheld:
        if item.reason not in _REASONS or item.figure[0] != "value":
            continue  # a numerator is logged by its percentage; a statement when masked
        protects = item.protects
        log.append(WithheldOut(
            indicator=item.figure[1], period=item.figure[2], reason=_REASONS[item.reason],
            protects=None if protects is None else ", ".join(protects[1:3])))
    return log


def decide(report: ScorecardReport, threshold: int,
           published: Mapping[Key, float] | None = None) -> Decision:
    """What ``report`` withholds at ``threshold``, given the figures a reader already has
    (``published``: a disclosure record, the DfE's published figures)."""
    figures = _figures(report)
    secured = secure(figures.values, figures.relations, counts=figures.counts,
                     derived=figures.derived, threshold=threshold, published=published)
    withheld = set(secured.withheld_figures)
    for item in report.indicators:  # a year beside the comparators is made of the quarters
        if item.unit == COUNT_UNIT and any(key[1] == item.id for key in withheld):
            withheld.update(key for p in item.beside
                            if (key := ("value", item.id, p.period)) not in (published or {}))
    hidden = {key: figures.values.get(key) for key in withheld}
    return Decision(frozenset(withheld), secured.dropped, hidden, tuple(_log(secured)))
