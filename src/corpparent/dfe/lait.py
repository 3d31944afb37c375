"""The DfE's Local Authority Interactive Tool (LAIT): its data dictionary and dataset.

LAIT publishes its whole benchmarking dataset in long form (``lait_bds_long.parquet``:
``Short Desc, Data item, Years, LA and Regions, Values, LA Number, Region``), one value
per measure, year and area, for England (LA number 970), the regions (980-990) and
every authority. Values are text: a number, or ``-`` where the tool has no figure
(without saying why), or an official symbol. Its data dictionary
(``lait_data_dictionary.csv``) gives each measure's polarity: ``High`` (higher is
better), ``Low`` (lower is better), ``-`` (no judgement, e.g. the rate of children
looked after), or ``NA``; its decimal places (``dps``); and ``No_Quartile``, where
``N`` marks a measure shown without quartile bands.

The files are read by `corpparent.files.dfe.lait`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final, final

from attrs import frozen

from corpparent.dfe.areas import Areas
from corpparent.dfe.figures import Figure
from corpparent.dfe.lait_periods import lait_period
from corpparent.dfe.national import AreaValues, NationalData
from corpparent.errors import DataError, Problem
from corpparent.indicators.definitions import Polarity
from corpparent.indicators.readings import Reading

__all__ = [
    "ENGLAND_NUMBER",
    "POLARITIES",
    "LaitData",
    "LaitDictionary",
    "LaitMeasure",
    "lait_period",
]

#: Polarity by the dictionary's words; ``NA`` is no polarity.
POLARITIES: Final = {
    "High": Polarity.HIGHER_IS_BETTER,
    "Low": Polarity.LOWER_IS_BETTER,
    "-": Polarity.NEUTRAL,
    "NA": None,
}
ENGLAND_NUMBER: Final = 970


@final
@frozen
class LaitMeasure:
    """One measure of the dictionary. ``polarity`` is None where the tool gives none;
    ``axis`` is the tool's chart axis title ("% Children Looked After", "Rate per
    10,000"), which says what the figures measure."""

    code: str
    name: str
    topics: tuple[str, ...]
    polarity: Polarity | None
    dps: int | None
    quartiles: bool
    year_type: str
    table: str
    axis: str = ""


@final
class LaitDictionary:
    """The measures of the LAIT data dictionary, by short code (``LAC_LongStable%``)."""

    __slots__ = ("_measures", "source")

    def __init__(self, source: str, measures: Mapping[str, LaitMeasure]) -> None:
        self.source = source
        self._measures = dict(measures)

    def __getitem__(self, code: str) -> LaitMeasure:
        try:
            return self._measures[code]
        except KeyError:
            raise DataError.single(self.source, f"no measure {code!r} in the dictionary",
                                   field="Measure_short") from None

    def get(self, code: str) -> LaitMeasure | None:
        """The measure with this short code, if any."""
        return self._measures.get(code)

    def __iter__(self) -> Iterator[LaitMeasure]:
        return iter(self._measures.values())

    def __len__(self) -> int:
        return len(self._measures)

    def __repr__(self) -> str:
        return f"LaitDictionary({len(self)} measures from {self.source})"


@final
class LaitData:
    """LAIT values: for each measure and ``Years`` label, a figure per area code."""

    __slots__ = ("_areas", "_values", "source")

    def __init__(self, source: str, values: dict[tuple[str, str], dict[str, Figure]],
                 areas: Areas) -> None:
        self.source = source
        self._values = values
        self._areas = areas

    @property
    def areas(self) -> Areas:
        """England, the regions and every authority in the data."""
        return self._areas

    @property
    def measures(self) -> tuple[str, ...]:
        """The measures present, sorted."""
        return tuple(sorted({measure for measure, _ in self._values}))

    def years(self, measure: str) -> tuple[str, ...]:
        """The ``Years`` labels of a measure, sorted."""
        return tuple(sorted(y for m, y in self._values if m == measure))

    def figures(self, measure: str, years: str) -> Mapping[str, Figure]:
        """Every area's figure for a measure and ``Years`` label, by area code."""
        return self._values.get((measure, years), {})

    def national_data(self, indicators: Mapping[str, str],
                      dictionary: LaitDictionary) -> NationalData:
        """The measures named, as corpparent indicators: ``{measure: indicator id}``.

        Each ``Years`` label becomes a period by [`lait_period`][corpparent.dfe.lait.lait_period],
        using the measure's year type from ``dictionary``; a label with no period is a problem.
        """
        problems: list[Problem] = []
        result: list[AreaValues] = []
        for measure, indicator in indicators.items():
            if measure not in self.measures:
                problems.append(Problem(self.source, f"no values of measure {measure!r}",
                                        field="Short Desc"))
                continue
            year_type = dictionary[measure].year_type
            for years in self.years(measure):
                period = lait_period(years, year_type)
                if period is None:
                    problems.append(Problem(
                        self.source, f"measure {measure!r} ({year_type}) has Years {years!r}, "
                        f"which is no {year_type.lower()} nor a span of them", field="Years"))
                    continue
                readings = {
                    code: Reading(indicator=indicator, period=period, value=figure.value,
                                  symbol=figure.symbol, source=f"{self.source}, {measure} {years}")
                    for code, figure in self.figures(measure, years).items()
                }
                result.append(AreaValues(indicator=indicator, period=period,
                                         readings=readings, areas=self._areas))
        if problems:
            raise DataError(problems)
        return NationalData(result)

    def __repr__(self) -> str:
        return f"LaitData({len(self.measures)} measures from {self.source})"
