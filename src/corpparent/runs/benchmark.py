"""The national benchmark job: one authority's figures among every other's, by measure.

[`benchmark_authority`][corpparent.runs.benchmark.benchmark_authority] is what ``corpparent
benchmark`` runs, on national results already computed for every authority
(`corpparent.files.dfe.national_package.national_results` reads the DfE's files and computes them):
the authority asked for, the measures asked for (each must be one LAIT has), and the periods asked
for (a LAIT label such as ``2023/24`` or a period as written), every period, or each measure's
latest period. Choosing the periods happens here, once, on parsed periods. Given the funnel inputs
of the DfE's EES files (`corpparent.files.dfe.funnels.read_funnel_measures`), each measure and
period shown that has one gets its funnel plot (`corpparent.benchmarking.funnel.funnel`) and the
authority's flags in its row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, final

from attrs import field, frozen

from corpparent.benchmarking.funnel import Flag, Funnel, FunnelMeasure
from corpparent.benchmarking.periods import Published, chosen_periods as typed_periods
from corpparent.dfe.areas import Area
from corpparent.dfe.measure_search import closest_codes, measure_code
from corpparent.errors import DataError
from corpparent.indicators.definitions import Polarity
from corpparent.periods import Period, parse_period

if TYPE_CHECKING:  # NumPy and pyarrow load only when a benchmark runs
    from corpparent.dfe.national_inputs import NationalInputs

__all__ = ["BenchmarkRun", "benchmark_authority", "chosen_periods"]


def _rows(items: Iterable[Mapping[str, Any]]) -> tuple[Mapping[str, Any], ...]:
    return tuple(items)


@final
@frozen
class BenchmarkRun:
    """The authority's rows, one per measure and period, ordered by measure then period,
    with where the figures came from, and each measure's name, polarity and the decimal
    places the DfE publishes it to (the dictionary's; None where it gives none)."""

    area: Area
    model: str
    notes: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...] = field(converter=_rows)
    names: Mapping[str, str] = field(factory=dict)
    polarities: Mapping[str, Polarity | None] = field(factory=dict)
    decimals: Mapping[str, int | None] = field(factory=dict)
    #: The funnel plot of each measure and period shown that has one, by
    #: ``(measure, period)``.
    funnels: Mapping[tuple[str, str], Funnel] = field(factory=dict)


def chosen_periods(rows: Sequence[Mapping[str, Any]], periods: Sequence[str] = (),
                   every: bool = False, *,
                   parsed: Mapping[str, Period] | None = None) -> list[Mapping[str, Any]]:
    """The rows of ``periods`` (a LAIT label such as ``2023/24`` or a period as written,
    ``2023-24``), or all rows when ``every``, or each measure's latest period: chosen on
    typed periods by
    [`corpparent.benchmarking.periods.chosen_periods`][corpparent.benchmarking.periods.chosen_periods].
    ``parsed`` gives each row's period by its written form (the results' own), else it is parsed."""
    known = dict(parsed or {})

    def published(row: Mapping[str, Any]) -> Published:
        text = str(row["period"])
        if text not in known:
            known[text] = parse_period(text)
        return Published(str(row["measure"]), str(row["years"]), known[text])

    chosen = set(typed_periods((published(r) for r in rows), periods, every=every))
    return [r for r in rows if published(r) in chosen]


def _funnels(rows: list[dict[str, Any]], code: str,
             measures: Sequence[FunnelMeasure]) -> dict[tuple[str, str], Funnel]:
    """The funnel of each row's measure and period that has one, and the authority's
    flags and limits written into its row."""
    given = {(m.measure, str(m.period)): m for m in measures}
    found: dict[tuple[str, str], Funnel] = {}
    for row in rows:
        key = (str(row["measure"]), str(row["period"]))
        if key not in given:
            continue
        if key not in found:
            found[key] = given[key].funnel()
        point = found[key].point_of(code)
        row["funnel_998"] = Flag.NOT_JUDGED.value if point is None else point.flag_998.value
        row["funnel_95"] = Flag.NOT_JUDGED.value if point is None else point.flag_95.value
        if point is not None and point.limits is not None:
            row["funnel_lower_998"] = point.limits.lower_998
            row["funnel_lower_95"] = point.limits.lower_95
            row["funnel_upper_95"] = point.limits.upper_95
            row["funnel_upper_998"] = point.limits.upper_998
    return found


def benchmark_authority(inputs: NationalInputs, authority: str, *,
                        measures: Sequence[str] = (), periods: Sequence[str] = (),
                        every: bool = False, outstanding_as_at: date | None = None,
                        funnels: Sequence[FunnelMeasure] = ()) -> BenchmarkRun:
    """The rows of ``authority`` (a name, current or former, old LA code or ONS code)
    among every authority's, on ``measures`` (LAIT codes in any case; default: every
    measure) in ``periods``
    (default: each measure's latest; ``every`` for all). An authority abolished in a
    reorganisation is benchmarked on its own figures, with a note naming what
    replaced it. ``funnels`` are the measures with counts and denominators: each
    measure and period shown that is among them gets its funnel plot, and the
    authority's row its flags ("not judged" where its figures were not published)."""
    from corpparent.dfe.national_inputs import benchmark_national

    codes = [m.code for m in inputs.dictionary]
    measures = [measure_code(codes, m) or m for m in measures]
    results = benchmark_national(inputs, measures=list(measures) or None,
                                 outstanding_as_at=outstanding_as_at)
    area = results.area(authority)
    replaced = results.areas.successors(area.code)
    notes = results.notes if not replaced else (f"{area} {replaced}.", *results.notes)
    if measures:
        known = set(results.names) | {str(m) for m in
                                      results.table["measure"].unique().to_pylist()}
        unknown = sorted(set(measures) - known)
        if unknown:
            close = [c for m in unknown for c in closest_codes(known, m)]
            raise DataError.single("measures", "no LAIT measure " + ", ".join(
                repr(m) for m in unknown) + (
                "; did you mean " + " or ".join(map(repr, dict.fromkeys(close))) + "?"
                if close else "; search the dictionary's names and themes for one"))
    rows = [r for r in results.authority(area.code).to_pylist()
            if not measures or r["measure"] in measures]
    rows = [dict(r) for r in chosen_periods(rows, periods, every, parsed=results.periods)]
    if not rows:
        raise DataError.single("periods", f"no values for {area.name} in the periods "
                               "asked for" + (f": it {replaced}" if replaced else ""))
    rows.sort(key=lambda r: (str(r["measure"]).casefold(), str(r["period"])))
    shown = {str(r["measure"]) for r in rows}
    drawn = _funnels(rows, area.code, funnels)
    return BenchmarkRun(area, results.model, notes, rows, names=results.names,
                        polarities={m: results.polarities.get(m) for m in shown},
                        decimals={m: results.decimals.get(m) for m in shown},
                        funnels=drawn)
