"""The results of national benchmarking: one tidy Arrow table, and ways out of it.

A row per authority, measure and ``Years`` label, with the columns of
`COLUMNS`. Beside LAIT's raw direction of travel (increase, decrease), each row says
what it means by the measure's polarity (`travel`): "improved" or "worsened", "no
change", "not comparable" where the period before is missing, and "no polarity" where the
dictionary gives the measure no better direction, rather than a guess. The table
converts to pandas or polars where they are installed;
`corpparent.files.dfe.national_results.write_national_results` writes it as CSV or
Parquet. [`NationalResults.authority`][corpparent.dfe.national_results.NationalResults.authority]
gives one authority's rows.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any, Final, final

import numpy as np
import pyarrow as pa

from corpparent.benchmarking.buffers import (
    cast_options,
    compute,
    from_numpy,
    string_scalar,
    strings,
)
from corpparent.benchmarking.lait import BANDS, DIRECTIONS
from corpparent.dfe.areas import Area, Areas
from corpparent.errors import CorpparentError, Problem
from corpparent.indicators.definitions import Polarity
from corpparent.periods import Period

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from corpparent.dated_groups import DatedGroup
    from corpparent.dfe.lait_table import LaitTable
    from corpparent.dfe.neighbours import StatisticalNeighbours
    from corpparent.findings import Finding

__all__ = ["COLUMNS", "DERIVED", "TRAVELS", "GroupValues", "NationalResults", "travel"]

#: The columns of the results table, and what each holds.
COLUMNS: Final = {
    "measure": "the LAIT measure code (Short Desc)",
    "years": "the Years label as published",
    "period": "the period the label stands for (corpparent's written form)",
    "authority_code": "the authority's old LA code",
    "authority": "the authority's name",
    "value": "the published number; null where there is none",
    "symbol": "the official symbol published instead of a number, if any",
    "rank": "national rank, 1 the best, 'min' ties; null for no number or no polarity",
    "ranked": "how many authorities have a number (the n of 'k of n')",
    "band": "quartile band, A the best quarter; null where LAIT shows none",
    "england": "England's published value",
    "region": "the region (or London sub-region) the authority is published in",
    "region_value": "the region's published value",
    "neighbours_mean": "the statistical neighbours' mean, missing values dropped (LAIT)",
    "neighbours_median": "the statistical neighbours' median (CSC dashboard)",
    "neighbours_with_value": "how many neighbours have a number",
    "neighbours_note": "'no neighbours in this model' for an authority outside the model",
    "outstanding_mean": "the mean of the other authorities judged Outstanding",
    "outstanding_better_than": "k in 'better than k of n Outstanding authorities'; null "
                               "for no number, no polarity, or no other member with one",
    "outstanding_with_value": "n: the other Outstanding authorities with a number; null "
                              "where none has one (the group then gives no figure)",
    "outstanding_as_at": "the date the Outstanding group is taken as at; null for a set "
                         "given without a date",
    "outstanding_unknown": "authorities the inspection release cannot place in or out of "
                           "the group on that date (their latest inspection took place later)",
    "gap_england": "value minus England",
    "gap_region": "value minus the region",
    "gap_neighbours": "value minus the neighbours' mean",
    "gap_outstanding": "value minus the Outstanding authorities' mean",
    "previous_period": "the period just before, when the data has it",
    "previous_value": "the value in that period",
    "direction": "increase, decrease, no change, or not comparable",
    "travel": "improved or worsened by the measure's polarity, no change, not comparable, "
              "or no polarity (the dictionary gives the measure no better direction)",
}
#: The columns [`NationalResults.build`][corpparent.dfe.national_results.NationalResults.build]
#: works out from the figures, and their types: the engine gives an array for each, written through
#: once (see ``national_table._written``), and they are filled in place. ``missing`` is a
#: null mask, used for one column after another.
DERIVED: Final = {
    "measure": np.int32, "years": np.int32, "region": np.int32, "neighbours_note": np.int32,
    "gap_england": np.float64, "gap_region": np.float64, "gap_neighbours": np.float64,
    "gap_outstanding": np.float64, "outstanding_group": np.int32, "outstanding_as_at": np.int32,
    "outstanding_unknown": np.int32, "travel": np.int32, "missing": np.bool_,
}

#: What a change since the period before means, by the measure's polarity.
TRAVELS: Final = ("not comparable", "improved", "worsened", "no change", "no polarity")


#: The decimal places a gap is rounded to: far below any published figure's precision.
_GAP_DECIMALS: Final = 10
#: Rows gathered at a time by `_gather`.
_STRETCH: Final = 1 << 16


def travel(direction: str, polarity: Polarity | None) -> str:
    """What ``direction`` (one of [`DIRECTIONS`][corpparent.benchmarking.lait.DIRECTIONS]) means
    for a measure of ``polarity``: an increase is "improved" where higher is better and
    "worsened" where lower is better; "no change" and "not comparable" whatever the
    polarity; and a change of a measure with no better direction (neutral, or none in
    the dictionary) is "no polarity", never guessed."""
    if direction not in DIRECTIONS:
        raise ValueError(f"no direction of travel {direction!r}")
    if direction in ("not comparable", "no change"):
        return direction
    if polarity not in (Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER):
        return "no polarity"
    return "improved" if (direction == "increase") is (
        polarity is Polarity.HIGHER_IS_BETTER) else "worsened"


#: The polarities by the engine's sign (-1 higher is better, 0 neither, 1 lower is
#: better), in that order.
_BY_SIGN: Final = (Polarity.HIGHER_IS_BETTER, None, Polarity.LOWER_IS_BETTER)


def _travel_lookup() -> NDArray[np.int32]:
    """Each travel's index into `TRAVELS`, at ``(sign + 1) * 4 + direction``."""
    return np.array([TRAVELS.index(travel(direction, polarity)) for polarity in _BY_SIGN
                     for direction in DIRECTIONS], dtype=np.int32)


def _nullable(values: NDArray[Any], missing: NDArray[np.bool_]) -> pa.Array:
    return from_numpy(values, mask=missing)


def _gather(lookup: NDArray[Any], indices: NDArray[Any], out: NDArray[Any]) -> NDArray[Any]:
    """``lookup[indices]`` written into ``out`` a stretch at a time (-1 reads the last
    entry, as in any NumPy index): ``np.take`` would first copy the indices whole into
    64-bit ones, a fresh array twice the size of ``out``."""
    for start in range(0, len(indices), _STRETCH):
        out[start:start + _STRETCH] = lookup[indices[start:start + _STRETCH]]
    return out


def _numbers(values: NDArray[np.float64]) -> pa.Array:
    """A number column, null where NaN."""
    return from_numpy(values, mask=np.isnan(values))


def _labels(indices: NDArray[Any], names: list[str | None],
            missing: NDArray[np.bool_] | None = None) -> pa.Array:
    """A dictionary-encoded text column: small, and fast to build and filter. An index
    of -1, or a name that is None, makes the row null (Parquet takes no null in a
    dictionary); ``missing``, as long as ``indices``, is room to mark them in."""
    index = indices.astype(np.int32, copy=False)
    dictionary = strings([name or "" for name in names])
    if None not in names and (not len(index) or index.min() >= 0):
        return pa.DictionaryArray.from_arrays(from_numpy(index), dictionary)
    empty = np.array([name is None for name in names] + [True], dtype=bool)
    mask = empty[index] if missing is None else _gather(empty, index, missing)
    return pa.DictionaryArray.from_arrays(from_numpy(index, mask=mask), dictionary)


@final
class GroupValues:
    """Every authority's figure in each measure and period benchmarked, as the engine
    ranked and banded them: row ``i`` of ``values`` (one column per authority, NaN
    where it has no number) holds ``keys[i]``, a ``(measure, period)`` pair (the
    period's written form; None for a ``Years`` label that is no period, whose row is
    all NaN). What is worked out from every authority's figures (quartile cuts,
    spreads) is read here, whichever authorities' rows the results hold."""

    __slots__ = ("keys", "values")

    def __init__(self, keys: tuple[tuple[str, str | None], ...],
                 values: NDArray[np.float64]) -> None:
        self.keys = keys
        self.values = values


@final
class NationalResults:
    """Every authority benchmarked: [`table`][corpparent.dfe.national_results.NationalResults.table]
    (Arrow), the [`problems`][corpparent.dfe.national_results.NationalResults.problems] met (values
    not benchmarked and why), the neighbour
    [`model`][corpparent.dfe.national_results.NationalResults.model] used and the
    [`notes`][corpparent.dfe.national_results.NationalResults.notes] (the sources and their
    publication dates) to show with the figures."""

    __slots__ = ("areas", "axes", "decimals", "every_value", "model", "names", "neighbours",
                 "notes", "outstanding", "periods", "polarities", "problems", "table",
                 "unbanded")

    def __init__(self, table: pa.Table, problems: tuple[Problem, ...], areas: Areas,
                 model: str, notes: tuple[str, ...],
                 names: Mapping[str, str] | None = None, *,
                 polarities: Mapping[str, Polarity | None] | None = None,
                 periods: Mapping[str, Period] | None = None,
                 outstanding: Mapping[str, DatedGroup] | None = None,
                 neighbours: StatisticalNeighbours | None = None,
                 axes: Mapping[str, str] | None = None,
                 unbanded: Collection[str] = (),
                 decimals: Mapping[str, int | None] | None = None,
                 every_value: GroupValues | None = None) -> None:
        self.table = table
        #: Every authority's figure in each measure and period (None for results
        #: not worked out by the engine).
        self.every_value = every_value
        #: Each measure's name in the dictionary, by measure.
        self.names: Mapping[str, str] = dict(names or {})
        #: Each measure's polarity (None where the dictionary gives none), by measure.
        self.polarities: Mapping[str, Polarity | None] = dict(polarities or {})
        #: The decimal places the DfE publishes each measure to (the dictionary's
        #: ``dps``; None where it gives none), by measure.
        self.decimals: Mapping[str, int | None] = dict(decimals or {})
        #: The periods of the ``period`` column, by their written form.
        self.periods: Mapping[str, Period] = dict(periods or {})
        #: Each period's Outstanding group (old LA codes, and the date it is taken as
        #: at), by the period's written form.
        self.outstanding: Mapping[str, DatedGroup] = dict(outstanding or {})
        #: The statistical-neighbour model the figures were worked out with.
        self.neighbours = neighbours
        #: Each measure's axis title in the dictionary (what it measures), by measure.
        self.axes: Mapping[str, str] = dict(axes or {})
        #: The measures the dictionary marks ``No_Quartile = N``: ranked, never banded.
        self.unbanded = frozenset(unbanded)
        self.problems = problems
        self.areas = areas
        self.model = model
        self.notes = notes

    @classmethod
    def build(cls, *, table: LaitTable, group: NDArray[np.int32],
              authority: NDArray[np.int32], group_measure: NDArray[np.int64],
              group_label: NDArray[np.int64], periods: list[Period | None],
              polarity: NDArray[np.int8], figures: dict[str, Any],
              problems: tuple[Problem, ...], model: str,
              notes: tuple[str, ...], names: Mapping[str, str],
              polarities: Mapping[str, Polarity | None],
              outstanding: tuple[DatedGroup, ...],
              outstanding_of: NDArray[np.int64],
              neighbours: StatisticalNeighbours | None = None,
              axes: Mapping[str, str] | None = None,
              unbanded: Collection[str] = (),
              decimals: Mapping[str, int | None] | None = None,
              values: NDArray[np.float64] | None = None) -> NationalResults:
        """Assemble the table from the engine's arrays (one entry per output row);
        ``values`` is every authority's figure, a row per measure-year (`GroupValues`)."""
        areas = table.areas
        value = figures["value"]
        missing = figures["missing"]
        written: dict[Period, str] = {p: str(p) for p in set(periods) if p is not None}
        period_names = [None if p is None else written[p] for p in periods]
        previous = figures["previous"]
        directory = Areas(areas)
        region_names = sorted({name for a in areas
                               if (name := _region_name(directory, a.region)) is not None})
        region_index = {name: i for i, name in enumerate(region_names)}
        area_region = np.array([region_index.get(_region_name(directory, a.region) or "", -1)
                                for a in areas], dtype=np.int32)
        regions = _gather(area_region, authority, figures["region"])
        # Each gap is rounded to 10 decimal places, far finer than any figure LAIT
        # publishes, so 69.6 - 58 reads 11.6, not 11.599999999999994.
        gaps = {name: np.round(np.subtract(value, figures[source], out=figures[name]),
                               _GAP_DECIMALS, out=figures[name]) for name, source in (
            ("gap_england", "england"), ("gap_region", "region_value"),
            ("gap_neighbours", "neighbours_mean"), ("gap_outstanding", "outstanding_mean"))}
        band = figures["band"]
        columns: dict[str, pa.Array] = {
            "measure": _labels(_gather(group_measure, group, figures["measure"]),
                               list(table.measures)),
            "years": _labels(_gather(group_label, group, figures["years"]), list(table.labels)),
            "period": _labels(group, period_names, missing),
            "authority_code": _labels(authority, [a.code for a in areas]),
            "authority": _labels(authority, [a.name for a in areas]),
            "value": _numbers(value),
            "symbol": _labels(figures["symbol"], list(table.symbols), missing),
            "rank": _nullable(figures["rank"], np.equal(figures["rank"], 0, out=missing)),
            "ranked": from_numpy(figures["ranked"]),
            "band": _labels(band, [b or None for b in BANDS], missing),
            "england": _numbers(figures["england"]),
            "region": pa.DictionaryArray.from_arrays(
                from_numpy(regions, mask=np.less(regions, 0, out=missing)),
                strings(region_names)),
        }
        for name in ("region_value", "neighbours_mean", "neighbours_median"):
            columns[name] = _numbers(figures[name])
        columns["neighbours_with_value"] = from_numpy(figures["neighbours_with_value"])
        notes_index = np.logical_not(figures["in_model"], out=figures["neighbours_note"])
        columns["neighbours_note"] = _labels(notes_index,
                                             [None, "no neighbours in this model"], missing)
        columns["outstanding_mean"] = _numbers(figures["outstanding_mean"])
        better = figures["outstanding_better_than"]
        columns["outstanding_better_than"] = _nullable(better, np.less(better, 0, out=missing))
        among = figures["outstanding_with_value"]
        columns["outstanding_with_value"] = _nullable(among, np.equal(among, 0, out=missing))
        dated = np.array([g.as_at is not None for g in outstanding], dtype=bool)
        days = np.array([np.datetime64(g.as_at, "D") if g.as_at else np.datetime64(0, "D")
                         for g in outstanding], dtype="datetime64[D]")
        unknown = np.array([len(g.unknown) for g in outstanding], dtype=np.int32)
        which = _gather(outstanding_of, group, figures["outstanding_group"])
        undated = _gather(~dated, which, missing)
        columns["outstanding_as_at"] = from_numpy(
            _gather(days.astype(np.int32), which, figures["outstanding_as_at"]),
            mask=undated).view(pa.date32())
        columns["outstanding_unknown"] = _nullable(
            _gather(unknown, which, figures["outstanding_unknown"]), undated)
        for name, gap in gaps.items():
            columns[name] = _numbers(gap)
        columns["previous_period"] = _labels(previous, [*period_names, None], missing)
        columns["previous_value"] = _numbers(figures["previous_value"])
        columns["direction"] = _labels(figures["direction"], list(DIRECTIONS), missing)
        # The travel's index: the group's sign picks a row of the lookup, the direction
        # a place in it; worked out in one array, as the other derived columns are.
        key = _gather((polarity.astype(np.int32) + 1) * len(DIRECTIONS), group,
                      figures["travel"])
        np.add(key, figures["direction"], out=key)
        columns["travel"] = _labels(_gather(_travel_lookup(), key, key), list(TRAVELS))
        return cls(pa.table(columns), problems, directory, model, notes, names,
                   polarities=polarities,
                   outstanding={written[p]: outstanding[int(outstanding_of[g])]
                                for g, p in enumerate(periods) if p is not None},
                   periods={text: p for p, text in written.items()}, neighbours=neighbours,
                   axes=axes, unbanded=unbanded, decimals=decimals,
                   every_value=None if values is None else GroupValues(
                       tuple((table.measures[m], name) for m, name in
                             zip(group_measure.tolist(), period_names, strict=True)),
                       values))

    # -- one authority -------------------------------------------------------------

    def area(self, authority: str) -> Area:
        """The authority by name or old LA or ONS code (any case)."""
        return self.areas[authority]

    def authority(self, authority: str) -> pa.Table:
        """One authority's rows, by name or code."""
        code = self.area(authority).code
        codes = compute("cast", self.table["authority_code"], options=cast_options(pa.string()))
        found: pa.Table = compute("filter", self.table,
                                  compute("equal", codes, string_scalar(code)))
        return found

    def findings(self, authority: str, *, every_period: bool = False,
                 measures: Collection[str] | None = None) -> tuple[Finding, ...]:
        """The authority's national rank and quartile band, its comparison with England,
        its region, its statistical neighbours' mean and median and the Outstanding
        authorities' mean, and its position among the other Outstanding authorities, as
        findings: for each measure's latest period, or every period, of every measure or
        only ``measures``. They are the scalar path's own findings, built from the same
        published values; see `corpparent.dfe.national_findings`."""
        from corpparent.dfe.national_findings import authority_findings

        return authority_findings(self, authority, every_period=every_period,
                                  measures=measures)

    # -- out -----------------------------------------------------------------------

    def plain(self) -> pa.Table:
        """The table with every text column as plain strings (for CSV and other tools)."""
        return pa.table({name: column.cast(pa.string())
                         if pa.types.is_dictionary(column.type) else column
                         for name, column in zip(self.table.column_names, self.table.columns,
                                                 strict=True)})

    def to_pandas(self) -> Any:
        """The table as a pandas DataFrame (needs pandas)."""
        try:
            import pandas  # noqa: F401
        except ImportError:
            raise CorpparentError("to_pandas needs pandas: pip install pandas") from None
        return self.table.to_pandas()

    def to_polars(self) -> Any:
        """The table as a polars DataFrame (needs polars)."""
        try:
            import polars
        except ImportError:
            raise CorpparentError("to_polars needs polars: pip install polars") from None
        return polars.from_arrow(self.plain())

    def __len__(self) -> int:
        return int(self.table.num_rows)

    def __repr__(self) -> str:
        return f"NationalResults({len(self)} rows, {len(self.problems)} problems)"


def _region_name(areas: Areas, code: str | None) -> str | None:
    found = None if code is None else areas.get(code)
    return None if found is None else found.name
