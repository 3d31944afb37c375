"""National benchmarking from what was read: the inputs, every authority's figures, and
one authority's standings.

The files layer reads LAIT's dataset and dictionary, a statistical-neighbour model and
Ofsted's inspection outcomes into `NationalInputs` and does nothing more; here
they are benchmarked (`benchmark_national`, the columnar backend over every
authority) with the Outstanding group chosen one of three ways, each said in the notes
shown beside the figures, and one authority's rank, band and place in the group on the
measures a scorecard names are taken from the results (`standings_of`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Final, final

from attrs import field, frozen

from corpparent.dated_groups import DatedGroup, unformed
from corpparent.dates import day_text
from corpparent.dfe.areas import Areas, known_areas
from corpparent.dfe.lait import LaitDictionary
from corpparent.dfe.lait_table import LaitTable
from corpparent.dfe.neighbours import StatisticalNeighbours
from corpparent.dfe.ofsted import InspectionOutcomes
from corpparent.errors import DataError
from corpparent.periods import parse_period
from corpparent.wording import listed

if TYPE_CHECKING:  # the comparators load with a scorecard's standings, not a benchmark
    from corpparent.comparators.national_standing import NationalStanding
    from corpparent.dfe.national_results import NationalResults

__all__ = ["DATED_NOTE", "NationalInputs", "benchmark_national", "standings_of",
           "unformed_notes"]

#: How each period's Outstanding group is taken, said in every output that uses it.
DATED_NOTE: Final = (
    "Each period is compared with the authorities judged Outstanding as at its end: "
    "those whose latest inspection, made by then, so judged them, dated by the "
    "inspection as Ofsted's release dates it (its \"as at 31 March\" lists inspections "
    "made by that date, some of them reported in the weeks after). The release gives "
    "each authority's latest inspection only, so an authority inspected after a period "
    "ended cannot be placed in or out of that period's group: it is not counted "
    "(\"judged later\").")


def _notes(value: Collection[str]) -> tuple[str, ...]:
    return tuple(value)


@final
@frozen
class NationalInputs:
    """What national benchmarking reads: LAIT's dataset as columns and its dictionary, a
    statistical-neighbour model, Ofsted's inspection outcomes, and ``notes`` saying
    where they come from and when they were published."""

    table: LaitTable = field(eq=False)
    dictionary: LaitDictionary = field(eq=False)
    neighbours: StatisticalNeighbours
    outcomes: InspectionOutcomes
    notes: tuple[str, ...] = field(converter=_notes)


def benchmark_national(inputs: NationalInputs, *, measures: Collection[str] | None = None,
                       outstanding_as_at: date | None = None,
                       outstanding: DatedGroup | None = None,
                       authorities: Collection[str] | None = None) -> NationalResults:
    """Every authority benchmarked on every measure and year of the inputs (or
    ``measures``), the results holding every authority's rows or only those of
    ``authorities`` (old LA codes), each ranked and banded among every authority. Each
    period is compared with the authorities judged Outstanding as at its end
    ([`as_at`][corpparent.dfe.ofsted.InspectionOutcomes.as_at]), with Ofsted's group as
    at ``outstanding_as_at`` for every period, or with ``outstanding``, a group of
    authorities by name or code as a panel declared it (a plug-in's ``[[groups]]``)."""
    from corpparent.dfe.national_table import benchmark_all

    outcomes = inputs.outcomes
    notes = inputs.notes
    group: InspectionOutcomes | DatedGroup = outcomes
    if outstanding is not None:
        group = _by_code(outstanding)
        notes = (*notes, f"Every period is compared with the {group.label}, as declared.")
    elif outstanding_as_at is not None:
        group = outcomes.as_at(outstanding_as_at, areas=known_areas().merged(
            Areas(inputs.table.areas)))
        notes = (*notes, f"Every period is compared with the {group.label}"
                 + _placed(group, outstanding_as_at, len(outcomes)) + ".")
    else:
        latest = outcomes.latest
        notes = (*notes, DATED_NOTE + ("" if latest is None else
                 f" A period ending after {day_text(latest)}, the release's last report, "
                 "is compared with the group as at that day."))
    return benchmark_all(inputs.table, inputs.dictionary, inputs.neighbours, group,
                         measures=None if measures is None else list(measures),
                         authorities=authorities, notes=notes)


def standings_of(results: NationalResults, authority: str, measures: Collection[str],
                 ) -> dict[str, tuple[NationalStanding, ...]]:
    """The authority's (by name or code) national rank and band on each of ``measures``
    in every period of the results, and its position in each period's Outstanding
    group; a measure the results lack is absent."""
    import pyarrow.compute as pc

    from corpparent.benchmarking.buffers import strings
    from corpparent.comparators.national_standing import NationalStanding

    wanted = sorted(set(measures))
    table = results.authority(authority)
    rows = table.filter(pc.is_in(table["measure"], strings(wanted))).select(
        ["measure", "period", "value", "rank", "ranked", "band", "outstanding_better_than",
         "outstanding_with_value", "outstanding_as_at", "outstanding_unknown"]).to_pylist()
    found: dict[str, list[NationalStanding]] = {}
    for row in rows:
        found.setdefault(row["measure"], []).append(NationalStanding(
            measure=row["measure"], period=parse_period(row["period"]), value=row["value"],
            rank=row["rank"], ranked=row["ranked"] or 0, band=row["band"],
            group=results.outstanding[row["period"]].label,
            better_than=row["outstanding_better_than"],
            among=row["outstanding_with_value"] or 0,
            unknown=row["outstanding_unknown"] or 0))
    return {measure: tuple(items) for measure, items in found.items()}


def unformed_notes(results: NationalResults, rows: Iterable[Mapping[str, Any]],
                   ) -> tuple[str, ...]:
    """Why ``rows`` (some of the results' rows) give no Outstanding figure where their
    period's group cannot be formed, in one note: "Outstanding authorities as at 31 March
    2021: cannot be formed, no other authority known to be in it (153 authorities judged
    later), so no Outstanding figure is given for 2020-21." The words are
    [`unformed`][corpparent.dated_groups.unformed]'s, as the Python benchmark says them;
    where every group can be formed there is no note."""
    periods: dict[DatedGroup, set[str]] = {}
    for row in rows:
        group = results.outstanding.get(str(row["period"]))
        if group is None or not group.unknown or \
                set(group.members) - {row["authority_code"]}:
            continue
        periods.setdefault(group, set()).add(str(row["period"]))
    if not periods:
        return ()
    groups = sorted(periods, key=lambda g: g.as_at or date.min)
    if len(groups) > 1:
        return (f"{unformed(groups)}, so no Outstanding figure is given for the periods "
                "ending on those days.",)
    found = sorted(periods[groups[0]], key=lambda p: results.periods[p])
    return (f"{unformed(groups)}, so no Outstanding figure is given for {listed(found)}.",)


def _placed(group: DatedGroup, asked: date, inspected: int) -> str:
    """What a note adds about a group taken as at a day the release cannot fully speak
    for: a later day than its last report, or one before most reports."""
    said = ""
    if group.as_at is not None and group.as_at < asked:
        said += (f" (asked for {day_text(asked)}; the release reports nothing later than "
                 f"{day_text(group.as_at)})")
    if group.unknown:
        said += (f"; {len(group.unknown)} of the {inspected} authorities inspected cannot be "
                 "placed in or out of it, their latest inspection made later")
    return said


def _by_code(group: DatedGroup) -> DatedGroup:
    """``group`` with its authorities, given by name or code, as old LA codes."""
    areas = known_areas()
    missing = [a for a in (*group.members, *group.unknown) if a not in areas]
    if missing:
        raise DataError.single(group.label, "expected English local authorities' names or "
                               "codes, found " + ", ".join(repr(m) for m in missing))
    return DatedGroup(group.name, [areas[a].code for a in group.members], group.as_at,
                      [areas[a].code for a in group.unknown], source=group.source)
