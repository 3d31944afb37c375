"""Positions as findings: national rank and quartile band, and "k of n" in a group.

Statuses follow the benchmarking tool's colours (band A green, band D red): band A is
``EXCEEDED``, bands B and C are ``MET``, band D is ``WARNING``; a measure the tool shows
without bands (``No_Quartile = N``) is ``MET``, with its rank only. In a group, better than
every member is ``EXCEEDED``, worse than every member is ``WARNING``, anything between
is ``MET``. A neutral indicator is ``MET`` with no rank or band. No number, or too few
authorities with one, is ``INSUFFICIENT_DATA`` with the reason.

Each finding is about the indicator (its id, with its name beside it); its outcome is a
[`Standing`][corpparent.comparators.standing.Standing], or ``NotJudged.INSUFFICIENT_DATA`` when it
could not be judged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

from corpparent.comparators.position import MIN_VALUES_FOR_BANDS, Band, Benchmark
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import EvidenceValue, Finding, Status
from corpparent.indicators.definitions import Polarity
from corpparent.wording import counted

__all__ = ["Standing", "group_finding", "standing_finding"]


class Standing(Enum):
    """Where an authority stands nationally or in a group: the outcome of a standing
    or group-position finding."""

    BAND_A = "band A"
    BAND_B = "band B"
    BAND_C = "band C"
    BAND_D = "band D"
    NO_JUDGEMENT = "no judgement"
    """A neutral indicator: neither ranked nor banded, nor judged in a group."""
    RANKED = "ranked, not banded"
    """A measure the DfE shows without quartile bands (``No_Quartile = N``): its rank
    only."""
    BEST_IN_GROUP = "best in group"
    WORST_IN_GROUP = "worst in group"
    WITHIN_GROUP = "within group"

    def __str__(self) -> str:
        return self.value


_BAND_STATUS = {Band.A: Status.EXCEEDED, Band.B: Status.MET, Band.C: Status.MET,
                Band.D: Status.WARNING}
_BAND_STANDING = {Band.A: Standing.BAND_A, Band.B: Standing.BAND_B, Band.C: Standing.BAND_C,
                  Band.D: Standing.BAND_D}


def _finding(
    benchmark: Benchmark, rule: str, family: RuleFamily, status: Status, explanation: str,
    outcome: Standing | NotJudged, evidence: Mapping[str, EvidenceValue] | None = None,
) -> Finding:
    """A finding about ``benchmark``'s indicator (its id, with its name) for its period."""
    ind = benchmark.indicator
    return Finding(ind.id, rule, status, explanation, evidence or {}, benchmark.period,
                   outcome, subject_name=ind.name, family=family)


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
    family = RuleFamily.NATIONAL_STANDING
    own = benchmark.values.get(authority)
    if value is None and authority in benchmark.missing:
        reason = benchmark.missing[authority]
        return _finding(benchmark, rule, family, Status.INSUFFICIENT_DATA,
                        f"{authority}'s value for {benchmark.period} is {reason}.",
                        NotJudged.INSUFFICIENT_DATA)
    if value is None:
        value = own if isinstance(own, float) else None
    if value is None:
        return _finding(benchmark, rule, family, Status.INSUFFICIENT_DATA,
                        f"No value for {authority} in {benchmark.period}.",
                        NotJudged.INSUFFICIENT_DATA)
    if ind.polarity is Polarity.NEUTRAL:
        return _finding(benchmark, rule, family, Status.MET,
                        f"{authority} {ind.format(value)}: {ind.name} has no better direction, "
                        "so it is neither ranked nor banded.", Standing.NO_JUDGEMENT,
                        {"value": value})
    others = {n: v for n, v in benchmark.numeric.items() if n != authority}
    rank = 1 + sum(ind.polarity.better(other, value) for other in others.values())
    of = len(others) + 1
    cuts = benchmark.quartiles()
    evidence: dict[str, EvidenceValue] = {
        "value": value, "rank": rank, "of": of,
        "missing": len(benchmark.missing),
    }
    if cuts is None:
        return _finding(benchmark, rule, family, Status.INSUFFICIENT_DATA,
                        f"{authority} {ind.format(value)} in {benchmark.period} ranks {rank} "
                        f"of {of}, but only "
                        f"{counted(len(benchmark.numeric), 'authority', 'authorities')} "
                        f"{'has' if len(benchmark.numeric) == 1 else 'have'} a value: a "
                        f"quartile band needs at least {MIN_VALUES_FOR_BANDS}.",
                        NotJudged.INSUFFICIENT_DATA,
                        evidence)
    band = benchmark.band(value)
    if band is None:  # LAIT's No_Quartile: ranked, never banded
        explanation = (f"{authority} {ind.format(value)} in {benchmark.period} ranks {rank} "
                       f"of {of} ({ind.polarity}); the DfE shows {ind.name} without "
                       "quartile bands.")
        return _finding(benchmark, rule, family, Status.MET, explanation, Standing.RANKED,
                        evidence)
    evidence |= {"band": band.value, "q25": cuts.q25, "median": cuts.median, "q75": cuts.q75}
    missing = f"; {len(benchmark.missing)} without a value" if benchmark.missing else ""
    explanation = (
        f"{authority} {ind.format(value)} in {benchmark.period} ranks {rank} of {of} "
        f"({ind.polarity}), "
        f"quartile band {band} (A is the best quarter; cuts {ind.format(cuts.q25)}, "
        f"{ind.format(cuts.median)}, {ind.format(cuts.q75)}){missing}."
    )
    return _finding(benchmark, rule, family, _BAND_STATUS[band], explanation,
                    _BAND_STANDING[band], evidence)


def group_finding(
    benchmark: Benchmark, group: str, members: Iterable[str], value: float | None,
    *, authority: str = "",
) -> Finding:
    """Where ``value`` stands among ``members`` of ``group`` ("better than 4 of 5
    Outstanding authorities"); ``authority`` itself is left out of the group."""
    ind = benchmark.indicator
    rule = f"position among {group}"
    family = RuleFamily.GROUP_POSITION
    names = [m for m in members if m != authority]
    if value is None:
        return _finding(benchmark, rule, family, Status.INSUFFICIENT_DATA,
                        f"No value{' for ' + authority if authority else ''} to place "
                        f"among {group}.", NotJudged.INSUFFICIENT_DATA)
    position = benchmark.among(names).position(value)
    evidence: dict[str, EvidenceValue] = {
        "value": value, "better_than": position.better_than, "higher_than":
        position.higher_than, "lower_than": position.lower_than,
        "equal_to": position.equal_to, "n": position.n, "missing": len(position.missing),
    }
    who = f"{authority} " if authority else ""
    if position.n == 0:
        return _finding(benchmark, rule, family, Status.INSUFFICIENT_DATA,
                        f"None of the {group} has a value for {benchmark.period}.",
                        NotJudged.INSUFFICIENT_DATA, evidence)
    status, standing = Status.MET, Standing.WITHIN_GROUP
    if position.better_than is None:
        standing = Standing.NO_JUDGEMENT
    elif position.better_than == position.n:
        status, standing = Status.EXCEEDED, Standing.BEST_IN_GROUP
    elif position.worse_than == position.n:
        status, standing = Status.WARNING, Standing.WORST_IN_GROUP
    explanation = f"{who}{ind.format(value)} is {position.describe(group)}"
    if position.missing:
        explanation += ". Without a value: " + "; ".join(
            f"{n}, {r}" for n, r in position.missing.items()
        )
    return _finding(benchmark, rule, family, status, explanation + ".", standing, evidence)
