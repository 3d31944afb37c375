"""Decide what a public scorecard withholds: the figures it publishes, what its words say
about them, and [`corpparent.disclosure.secure`][corpparent.disclosure.secure] over both.

The report's figures and the relations between them (declared totals, aggregates over
time, a chart's mean and limits, a status word against a range or a target, a direction
of travel with a tolerance, a percentage of its numerator) are read from the report
document by `corpparent.report.disclosure.relations.figures_of`;
[`corpparent.disclosure.secure`][corpparent.disclosure.secure] withholds the small counts, what is
derived from them and enough else that a reader can narrow none of them, given those relations and
the figures already published elsewhere. A figure the report's own source withheld
(``c`` in the readings) is protected as one withheld here: a reader must not work it out
either. `decide` returns that decision in the report's terms, for
`corpparent.report.disclosure.masking` to apply.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Final, final

from attrs import frozen

from corpparent.disclosure import Reason, Relation, Secured, secure
from corpparent.report.disclosure.relations import (
    COUNT_UNIT,
    Key,
    figures_of,
    national_figures,
    period_of,
    tilings,
)
from corpparent.report.model import ScorecardReport, WithheldOut

__all__ = ["COUNT_UNIT", "Decision", "decide"]

# The figures that add up over time, by the indicator's kind.
_AGGREGATED: Final = {"count": ("value",), "percentage": ("numerator", "denominator"),
                      "score": ("numerator", "denominator"), "rate": ("numerator",)}
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


def _families(report: ScorecardReport) -> dict[str, set[str]]:
    """Each indicator with the indicators a declared total ties it to (its total, its
    parts, the total's other parts)."""
    family = {item.id: {item.id} for item in report.indicators}
    for item in report.indicators:
        members = {item.id, *item.parts}
        for member in members:
            family.setdefault(member, {member}).update(members)
    return family


def _over_time(report: ScorecardReport, values: Mapping[Key, float | None],
               published: Mapping[Key, float],
               withheld_before: Collection[Key]) -> Iterator[tuple[Key, list[Key]]]:
    """The aggregates over time that tie the report's figures to papers published
    elsewhere, each as its total and the figures that tile it: a quarter's count in this
    paper is the sum of the months of the monthly papers (and a month here is a part of
    a quarter published before); a percentage's numerators and denominators add up the
    same way. An aggregate is tied to the other papers where they published a figure of
    the indicator, or of one a declared total ties it to, for one of its periods; a
    period an earlier paper withheld is one of them too (a quarter withheld there must
    not come back from the months published here)."""
    if not published:
        return
    family = _families(report)
    for item in report.indicators:
        papers = {key[2] for key in published
                  if len(key) > 2 and key[1] in family.get(item.id, {item.id})}
        for part in _AGGREGATED.get(item.kind, ()):
            shown = {key[2] for key in (*values, *published, *withheld_before)
                     if key[:2] == (part, item.id)}
            parsed = {text: period for text in shown
                      if (period := period_of(text)) is not None}
            kinds = {type(period) for period in parsed.values()}
            for text, period in parsed.items():
                for tiles in tilings(period, kinds):
                    if papers & {text, *map(str, tiles)}:
                        total: Key = (part, item.id, text)
                        yield total, [(part, item.id, str(tile)) for tile in tiles]




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
           published: Mapping[Key, float] | None = None,
           withheld_before: Collection[Key] = ()) -> Decision:
    """What ``report`` withholds at ``threshold``, given the figures a reader already has
    (``published``: a disclosure record, the DfE's published figures) and those earlier
    papers withheld (``withheld_before``), which stay withheld.

    A process chart with a point withheld goes whole, so its points that the report shows
    nowhere else are never printed: a reader sees no ``c`` for them, and must not learn
    that one is small either. Where a chart goes, the report is decided again as a reader
    sees it, without that chart, and what either decision withholds is withheld."""
    first = _decide(report, threshold, published, withheld_before)
    going = {item.id for item in report.indicators if item.chart is not None and (
        ("chart", item.id) in first.dropped
        or any(("value", item.id, p.period) in first.withheld for p in item.chart.points))}
    if not going:
        return first
    unseen = report.model_copy(update={"indicators": [
        item.model_copy(update={"chart": None}) if item.id in going else item
        for item in report.indicators]})
    again = _decide(unseen, threshold, published, withheld_before)
    withheld = first.withheld | again.withheld
    hidden = {**again.hidden, **first.hidden}
    hidden.update({key: None for key in withheld if key not in hidden})
    logged = {(entry.indicator, entry.period, entry.reason) for entry in first.log}
    return Decision(withheld, first.dropped | again.dropped, hidden, first.log + tuple(
        entry for entry in again.log
        if (entry.indicator, entry.period, entry.reason) not in logged))


def _decide(report: ScorecardReport, threshold: int,
            published: Mapping[Key, float] | None,
            withheld_before: Collection[Key]) -> Decision:
    """One decision over the report's figures as `figures_of` reads them."""
    figures = figures_of(report)
    seen = dict(published or {})
    for item in report.indicators:  # the DfE's own figures: published, where they agree
        for key, value in national_figures(item).items():
            if figures.values.get(key) in (None, value):
                seen.setdefault(key, value)
    published = seen
    values, relations = dict(figures.values), list(figures.relations)
    counts = set(figures.counts)
    forced: dict[Key, Key] = {}
    family = _families(report)
    for total, tiles in _over_time(report, values, seen, withheld_before):
        relation = Relation.total(total, tiles, source=f"the {total[2]} total")
        if relation not in relations:
            relations.append(relation)
        for key in (total, *tiles):
            values.setdefault(key, None)
            counts.add(key)
        shown = total if total[0] == "value" else ("value", *total[1:])
        alone = family.get(total[1], {total[1]}) == {total[1]}
        forced.update(_unseen(values, seen, total, tiles, shown, threshold,
                              withheld_before, alone))
    worked = _worked_out(relations, seen)
    seen.update(worked)
    forced = {key: protects for key, protects in forced.items() if key not in seen}
    for key in withheld_before:
        if values.get(key) is not None and key not in seen:
            forced.setdefault(key, key)
    for key in figures.withheld:  # a value given as c at source: kept from being worked out
        if key[0] == "value" and key in values and key not in seen:
            forced.setdefault(key, key)
    secured = secure(values, relations, counts=counts, derived=figures.derived,
                     threshold=threshold, published=seen, keep_withheld=forced)
    withheld = set(secured.withheld_figures)
    # a percentage withdrawn is its value withheld
    withheld.update(("value", *key[1:]) for key in secured.dropped if key[0] == "percentage")
    # A small count a reader already works out from figures published elsewhere hides
    # nothing withheld, but is still never printed: c, not "3 children".
    known = [key for key, value in worked.items()
             if key in counts and values.get(key) is not None and 0 < value < threshold]
    withheld.update(known)
    hidden = {key: figures.values.get(key) for key in withheld}
    log = [*_log(secured), *(WithheldOut(indicator=key[1], period=key[2], reason="small count")
                             for key in known if key[0] == "value" and len(key) >= 3)]
    return Decision(frozenset(withheld), secured.dropped, hidden, tuple(log))


def _worked_out(relations: Collection[Relation[Key]],
                seen: Mapping[Key, float]) -> dict[Key, float]:
    """The figures every reader works out from figures published before alone: the one
    figure of a relation that holds by definition (a total, an aggregate over time) not
    published, its others all published (a quarter whose months were all published), and
    so on from those. Withholding such a figure hides nothing, so nothing else is
    withheld to protect it; but a small count among them is still shown as c (see
    `_decide`), never printed."""
    known = dict(seen)
    found: dict[Key, float] = {}
    grew = True
    while grew:
        grew = False
        for relation in relations:
            if relation.statement is not None or relation.lower != relation.upper:
                continue
            unseen = [(key, weight) for key, weight in relation.terms if key not in known]
            if len(unseen) != 1 or unseen[0][1] == 0:
                continue
            (key, weight), = unseen
            rest = sum(w * known[k] for k, w in relation.terms if k in known)
            known[key] = found[key] = (relation.lower - rest) / weight
            grew = True
    return found


def _unseen(values: dict[Key, float | None], seen: Mapping[Key, float], total: Key,
            tiles: list[Key], shown: Key, threshold: int,
            withheld_before: Collection[Key], alone: bool) -> dict[Key, Key]:
    """What an aggregate over time tying this report to figures published elsewhere
    asks of it. Where a reader sees all but one of its figures, the reader works that
    one out: a small count is put into ``values`` as worked out, for secure to withhold
    and protect like any other; any other figure the reader does not see was withheld
    elsewhere to protect another, or never published (its parts, and what ties them to
    other figures, are not in this report for secure to judge), and the aggregate's
    figure ``shown`` here is withheld (returned, mapped to the figure it protects);
    unless it is a count of at least ``threshold``, never withheld, of an indicator no
    declared total ties to others (``alone``): then nothing else it is part of lies
    outside this report, and the reader is taken to know it, for secure to judge what it
    gives away here. Where the reader sees all but several, so is the aggregate's
    figure; and where the aggregate's figure was published elsewhere and the several
    parts this report leaves unseen add up to a small count, which would show each to be
    small, this report's own part is withheld. A figure never
    published that the aggregate shows to be 0 (or several that add up to 0) tells of no
    child, whatever its parts: it is 0, and so is each of them."""
    def known(key: Key) -> float | None:
        return seen.get(key, values.get(key))

    missing = [key for key in (total, *tiles) if known(key) is None]
    visible = shown not in seen and values.get(shown) is not None
    if len(missing) == 1:
        (key,) = missing
        parts = sum(known(tile) or 0.0 for tile in tiles)
        if key == total:
            values[key] = parts
            return {}
        worked_out = (known(total) or 0.0) - parts
        if 0 < worked_out < threshold or (
                alone and worked_out >= threshold and key not in withheld_before):
            values[key] = worked_out
            return {}
        return {shown: key} if visible and (key in withheld_before or worked_out) else {}
    if missing and visible and total not in seen:
        rest = [key for key in missing if key != total]
        if total not in missing and not any(key in withheld_before for key in rest):
            together = (known(total) or 0.0) - sum(known(tile) or 0.0 for tile in tiles)
            if together == 0:
                return {}  # never published, and every one of them 0
        return {shown: rest[0]}
    here = [tile for tile in tiles if tile not in seen and values.get(tile) is not None]
    if len(missing) > 1 and total in seen and here:
        # The total published elsewhere, less the parts a reader sees (this report's
        # among them), leaves several parts unseen: together small, each is shown small.
        together = seen[total] - sum(known(tile) or 0.0 for tile in tiles)
        if 0 < together < threshold:
            return {here[0]: missing[0]}
    return {}
