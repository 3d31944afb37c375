"""Positions as findings: national rank and quartile band, and "k of n" in a group.

Statuses follow the benchmarking tool's colours (band A green, band D red): band A is
``EXCEEDED``, bands B and C are ``MET``, band D is ``WARNING``. In a group, better than
every member is ``EXCEEDED``, worse than every member is ``WARNING``, anything between
is ``MET``. A neutral indicator is ``MET`` with no rank or band. No number, or too few
authorities with one, is ``INSUFFICIENT_DATA`` with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from corpparent.comparators.position import MIN_VALUES_FOR_BANDS, Band, Benchmark
from corpparent.findings import EvidenceValue, Finding, Status
from corpparent.indicators.definitions import Polarity

__all__ = ["group_finding", "standing_finding"]

_BAND_STATUS = {Band.A: Status.EXCEEDED, Band.B: Status.MET, Band.C: Status.MET,
                Band.D: Status.WARNING}


def standing_finding(
    benchmark: Benchmark, authority: str, value: float | None = None
) -> Finding:
    """``authority``'s rank and quartile band among every authority in ``benchmark``.

    ``value`` defaults to the authority's own value in the benchmark; pass a newer
    local figure to place it against the published distribution (it is then ranked
    against the other authorities, and banded against the published cuts).
    """
    ind = benchmark.indicator
    rule = "national rank and quartile band"
    own = benchmark.values.get(authority)
    if value is None and authority in benchmark.missing:
        reason = benchmark.missing[authority]
        return Finding(ind.name, rule, Status.INSUFFICIENT_DATA,
                       f"{authority}'s value for {benchmark.period} is {reason}.",
                       period=benchmark.period, outcome="not ranked")
    if value is None:
        value = own if isinstance(own, float) else None
    if value is None:
        return Finding(ind.name, rule, Status.INSUFFICIENT_DATA,
                       f"No value for {authority} in {benchmark.period}.",
                       period=benchmark.period, outcome="not ranked")
    if ind.polarity is Polarity.NEUTRAL:
        return Finding(ind.name, rule, Status.MET,
                       f"{authority} {ind.format(value)}: {ind.name} has no better direction, "
                       "so it is neither ranked nor banded.",
                       evidence={"value": value}, period=benchmark.period,
                       outcome="no judgement")
    others = {n: v for n, v in benchmark.numeric.items() if n != authority}
    rank = 1 + sum(ind.polarity.better(other, value) for other in others.values())
    of = len(others) + 1
    cuts = benchmark.quartiles()
    evidence: dict[str, EvidenceValue] = {
        "value": value, "rank": rank, "of": of,
        "missing": len(benchmark.missing),
    }
    if cuts is None:
        return Finding(ind.name, rule, Status.INSUFFICIENT_DATA,
                       f"{authority} {ind.format(value)} ranks {rank} of {of}, but only "
                       f"{len(benchmark.numeric)} authorities have a value: a quartile band "
                       f"needs at least {MIN_VALUES_FOR_BANDS}.",
                       evidence=evidence, period=benchmark.period, outcome=f"rank {rank}")
    band = benchmark.band(value)
    assert band is not None
    evidence |= {"band": band.value, "q25": cuts.q25, "median": cuts.median, "q75": cuts.q75}
    missing = f"; {len(benchmark.missing)} without a value" if benchmark.missing else ""
    explanation = (
        f"{authority} {ind.format(value)} ranks {rank} of {of} ({ind.polarity}), "
        f"quartile band {band} (A is the best quarter; cuts {ind.format(cuts.q25)}, "
        f"{ind.format(cuts.median)}, {ind.format(cuts.q75)}){missing}."
    )
    return Finding(ind.name, rule, _BAND_STATUS[band], explanation, evidence=evidence,
                   period=benchmark.period, outcome=f"band {band}")


def group_finding(
    benchmark: Benchmark, group: str, members: Iterable[str], value: float | None,
    *, authority: str = "",
) -> Finding:
    """Where ``value`` stands among ``members`` of ``group`` ("better than 4 of 5
    Outstanding authorities"); ``authority`` itself is left out of the group."""
    ind = benchmark.indicator
    rule = f"position among {group}"
    names = [m for m in members if m != authority]
    if value is None:
        return Finding(ind.name, rule, Status.INSUFFICIENT_DATA,
                       f"No value{' for ' + authority if authority else ''} to place "
                       f"among {group}.", period=benchmark.period, outcome="not placed")
    position = benchmark.among(names).position(value)
    evidence: dict[str, EvidenceValue] = {
        "value": value, "better_than": position.better_than, "higher_than":
        position.higher_than, "lower_than": position.lower_than,
        "equal_to": position.equal_to, "n": position.n, "missing": len(position.missing),
    }
    who = f"{authority} " if authority else ""
    if position.n == 0:
        return Finding(ind.name, rule, Status.INSUFFICIENT_DATA,
                       f"None of {group} has a value for {benchmark.period}.",
                       evidence=evidence, period=benchmark.period, outcome="not placed")
    status = Status.MET
    if position.better_than == position.n:
        status = Status.EXCEEDED
    elif position.worse_than == position.n:
        status = Status.WARNING
    explanation = f"{who}{ind.format(value)} is {position.describe(group)}"
    if position.missing:
        explanation += ". Without a value: " + "; ".join(
            f"{n}, {r}" for n, r in position.missing.items()
        )
    return Finding(ind.name, rule, status, explanation + ".", evidence=evidence,
                   period=benchmark.period, outcome=position.describe(group))
