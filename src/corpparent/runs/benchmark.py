"""The national benchmark job: one authority's figures among every other's, by measure.

:func:`benchmark_authority` is what ``corpparent benchmark`` runs, on national results
already computed for every authority (:func:`corpparent.files.dfe.national_package.
national_results` reads the DfE's files and computes them): the authority asked for,
the measures asked for (each must be one LAIT has), and the periods asked for (a LAIT
label such as ``2023/24`` or a period as written), every period, or each measure's
latest period. Choosing the periods happens here, once, on parsed periods.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, final

from attrs import field, frozen

from corpparent.dfe.areas import Area
from corpparent.dfe.national_results import NationalResults
from corpparent.errors import CorpparentError, DataError
from corpparent.periods import Period, parse_period

__all__ = ["BenchmarkRun", "benchmark_authority", "chosen_periods"]


def _rows(items: Iterable[Mapping[str, Any]]) -> tuple[Mapping[str, Any], ...]:
    return tuple(items)


@final
@frozen
class BenchmarkRun:
    """The authority's rows, one per measure and period, ordered by measure then period,
    with where the figures came from."""

    area: Area
    model: str
    notes: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...] = field(converter=_rows)
    names: Mapping[str, str] = field(factory=dict)


def chosen_periods(rows: Sequence[Mapping[str, Any]], periods: Sequence[str] = (),
                   every: bool = False) -> list[Mapping[str, Any]]:
    """The rows of ``periods`` (a LAIT label such as ``2023/24`` or a period as written,
    ``2023-24``), or all rows when ``every``, or each measure's latest period."""
    if periods:
        wanted = set()
        for text in periods:
            try:
                wanted.add(str(parse_period(text)))
            except CorpparentError:
                wanted.add(text)
        return [r for r in rows if r["years"] in periods or r["period"] in wanted]
    if every:
        return list(rows)
    parsed: dict[str, Period] = {}

    def period_of(text: str) -> Period:
        if text not in parsed:
            parsed[text] = parse_period(text)
        return parsed[text]

    latest: dict[str, Mapping[str, Any]] = {}
    for row in rows:
        held = latest.get(row["measure"])
        if held is None or period_of(held["period"]) < period_of(row["period"]):
            latest[row["measure"]] = row
    return list(latest.values())


def benchmark_authority(results: NationalResults, authority: str, *,
                        measures: Sequence[str] = (), periods: Sequence[str] = (),
                        every: bool = False) -> BenchmarkRun:
    """The rows of ``authority`` (a name, old LA code or ONS code) in ``results``."""
    area = results.area(authority)
    if measures:
        known = set(results.names) | {str(m) for m in
                                      results.table["measure"].unique().to_pylist()}
        unknown = sorted(set(measures) - known)
        if unknown:
            raise DataError.single("--measure", "no LAIT measure " + ", ".join(
                repr(m) for m in unknown))
    rows = chosen_periods(results.authority(area.code).to_pylist(), periods, every)
    if not rows:
        raise DataError.single("--period", f"no values for {area.name} in the periods "
                               "asked for")
    rows.sort(key=lambda r: (str(r["measure"]).casefold(), str(r["period"])))
    return BenchmarkRun(area, results.model, results.notes, rows, names=results.names)
