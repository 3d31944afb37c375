"""Decide what a public scorecard withholds: the figures it publishes, what its words say
about them, and :func:`corpparent.disclosure.secure` over both.

The report's figures and the relations between them (declared totals, aggregates over
time, a chart's mean and limits, a status word against a range or a target, a direction
of travel with a tolerance, a percentage of its numerator) are read from the report
document by :func:`corpparent.report.disclosure.relations.figures_of`;
:func:`corpparent.disclosure.secure` withholds the small counts, what is derived from
them and enough else that a reader can narrow none of them, given those relations and
the figures already published elsewhere. :func:`decide` returns that
decision in the report's terms, for :mod:`corpparent.report.disclosure.masking` to apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, final

from attrs import frozen

from corpparent.disclosure import Reason, Secured, secure
from corpparent.report.disclosure.masking import Key
from corpparent.report.disclosure.relations import COUNT_UNIT, figures_of
from corpparent.report.model import ScorecardReport, WithheldOut

__all__ = ["COUNT_UNIT", "Decision", "decide"]

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


def _log(secured: Secured[Key]) -> list[WithheldOut]:
    log = []
    for item in secured.withheld:
        kind, indicator, period = (*item.figure, "")[:3]
        if item.reason is Reason.STATEMENT and kind == "percentage":
            log.append(WithheldOut(indicator=indicator, period=period, reason="withdrawn",
                                   statement="percentage"))
        if item.reason not in _REASONS or kind != "value":
            continue  # a numerator is logged by its percentage; a statement when masked
        protects = item.protects
        log.append(WithheldOut(
            indicator=indicator, period=period, reason=_REASONS[item.reason],
            protects=None if protects is None else ", ".join(protects[1:3])))
    return log


def decide(report: ScorecardReport, threshold: int,
           published: Mapping[Key, float] | None = None) -> Decision:
    """What ``report`` withholds at ``threshold``, given the figures a reader already has
    (``published``: a disclosure record, the DfE's published figures)."""
    figures = figures_of(report)
    secured = secure(figures.values, figures.relations, counts=figures.counts,
                     derived=figures.derived, threshold=threshold, published=published)
    withheld = set(secured.withheld_figures)
    # a percentage withdrawn is its value withheld
    withheld.update(("value", *key[1:]) for key in secured.dropped if key[0] == "percentage")
    hidden = {key: figures.values.get(key) for key in withheld}
    return Decision(frozenset(withheld), secured.dropped, hidden, tuple(_log(secured)))
