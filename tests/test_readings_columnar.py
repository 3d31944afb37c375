"""Readings held as columns answer every lookup as readings made one by one do, and a
scorecard judges them the same: built from the same readings, each lookup, each value
aggregated and each assessment is equal, whether the readings that make up a period are
found one indicator at a time or for every indicator at once."""

from __future__ import annotations

import math
from datetime import timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings, strategies as st

from corpparent import (
    ExpectedRange,
    FinancialQuarter,
    FinancialYear,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
    Scorecard,
    Target,
)
from corpparent.indicators import reading_store
from corpparent.indicators.aggregation import value_for
from corpparent.indicators.readings import Figures, ReadingColumns
from corpparent.periods import CalendarYear, Month, Period
from corpparent.ranges import TargetDirection

INDICATORS = IndicatorSet(
    [Indicator("cla", "Children in care", Kind.SNAPSHOT, Polarity.NEUTRAL),
     Indicator("moves", "3+ placement moves", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER),
     Indicator("rate", "Starts per 10,000", Kind.RATE, Polarity.NEUTRAL),
     Indicator("att8", "Attainment 8", Kind.SCORE, Polarity.HIGHER_IS_BETTER),
     Indicator("missing", "Missing episodes", Kind.COUNT, Polarity.LOWER_IS_BETTER)],
    ranges=[ExpectedRange("missing", 10, 60, FinancialYear(2022)),
            ExpectedRange("cla", 20, 50, FinancialYear(2023))],
    targets=[Target("missing", 40, TargetDirection.AT_MOST, FinancialYear(2022)),
             Target("att8", 30, TargetDirection.AT_LEAST, FinancialYear(2023))])

#: Months, quarters and years over three financial years, overlapping as files mix them.
PERIODS: tuple[Period, ...] = (
    *(Month(2022 + (3 + m) // 12, (3 + m) % 12 + 1) for m in range(30)),
    *(FinancialQuarter(year, q) for year in (2022, 2023, 2024) for q in (1, 2, 3, 4)),
    FinancialYear(2022), FinancialYear(2023), CalendarYear(2023))

#: Whole numbers, and fractions whose sum depends on the order they are added in
#: (0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1), so the sums of every indicator at once must
#: add the pieces in the order one indicator's are added.
numbers = st.one_of(st.integers(0, 90).map(float), st.sampled_from((0.1, 0.2, 0.3, 0.7, 1e15)))
figures = st.one_of(st.none(), numbers)
readings_made = st.lists(
    st.tuples(st.sampled_from(INDICATORS.ids), st.sampled_from(PERIODS),
              st.one_of(numbers, st.sampled_from(("c", "x", None))),
              figures, st.one_of(st.none(), st.integers(90, 200).map(float)), figures),
    unique_by=lambda row: row[:2], max_size=60)


def _both(rows: list[tuple[object, ...]]) -> tuple[Readings, Readings]:
    """The rows as readings made one by one, and as columns made readings when asked."""
    made = []
    for at, (indicator, period, value, numerator, denominator, population) in enumerate(rows):
        symbol = value if isinstance(value, str) else None
        made.append(Reading(indicator, period, None if symbol else value,  # type: ignore[arg-type]
                            numerator, denominator, population,  # type: ignore[arg-type]
                            symbol, f"readings.csv line {at + 2}"))
    periods = list(dict.fromkeys(r.period for r in made))
    names = list(INDICATORS.ids)

    def column(name: str) -> list[float]:
        return [math.nan if getattr(r, name) is None else getattr(r, name) for r in made]

    columns = ReadingColumns(
        names=names, periods=periods, indicator=[names.index(r.indicator) for r in made],
        period=[periods.index(r.period) for r in made], value=column("value"),
        symbol=[r.symbol for r in made], numerator=column("numerator"),
        denominator=column("denominator"), population=column("population"),
        line=list(range(2, len(made) + 2)), source=("readings.csv line ", ""))
    return Readings(made), Readings.of_columns(columns)


def _lookups(readings: Readings) -> object:
    """Every answer the set gives, sources included."""
    asked = [(i, p) for i in (*INDICATORS.ids, "unknown") for p in PERIODS]
    return ([(r, r.source) for r in readings], len(readings), readings.indicators,
            readings.periods, [readings.series(i) for i in INDICATORS.ids],
            [readings.periods_of(i) for i in INDICATORS.ids],
            [(readings.get(i, p), readings.within(i, p), readings.periods_within(i, p),
              readings.tiling(i, p), (i, p) in readings) for i, p in asked],
            [value_for(INDICATORS[i], readings, p) for i, p in asked if i != "unknown"])


def _assessed(readings: Readings) -> object:
    card = Scorecard(INDICATORS)
    return [card.assess(readings, p) for p in (FinancialQuarter(2023, 2), Month(2023, 9),
                                               FinancialYear(2023), FinancialQuarter(2022, 4))]


@settings(max_examples=150, deadline=None)
@given(readings_made)
def test_columns_answer_every_lookup_as_readings_made_one_by_one(
        rows: list[tuple[object, ...]]) -> None:
    one_by_one, columns = _both(rows)
    assert _lookups(columns) == _lookups(one_by_one)


@settings(max_examples=60, deadline=None)
@given(readings_made)
def test_columns_are_assessed_as_readings_made_one_by_one(
        rows: list[tuple[object, ...]]) -> None:
    one_by_one, columns = _both(rows)
    assert _assessed(columns) == _assessed(one_by_one)


@settings(max_examples=150, deadline=None)
@given(readings_made)
def test_every_indicator_at_once_finds_what_one_at_a_time_finds(
        rows: list[tuple[object, ...]]) -> None:
    one_by_one, _ = _both(rows)
    expected = (_lookups(one_by_one), _assessed(one_by_one))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading_store, "TILINGS_FROM", 0)
        at_once, columns = _both(rows)
        assert (_lookups(at_once), _assessed(at_once)) == expected
        assert (_lookups(columns), _assessed(columns)) == expected


def _tiles(period: Period, pieces: list[Reading]) -> bool:
    if pieces[0].period.start != period.start or pieces[-1].period.end != period.end:
        return False
    return all(before.period.end + timedelta(days=1) == after.period.start
               for before, after in pairwise(pieces))


@settings(max_examples=150, deadline=None)
@given(readings_made)
def test_the_lookups_find_what_their_definitions_say(rows: list[tuple[object, ...]]) -> None:
    """Each lookup against its definition, over the readings as a list: within a period,
    the readings whose periods lie wholly inside it, in period order; its tiling, the
    fewest readings of one kind of period that cover each of its days once, the kind
    read first where two tie."""
    made, columns = _both(rows)
    listed = list(made)
    for readings in (made, columns):
        for indicator in INDICATORS.ids:
            own = sorted((r for r in listed if r.indicator == indicator),
                         key=lambda r: r.period)
            assert readings.series(indicator) == tuple(own)
            for period in PERIODS:
                inside = [r for r in own if period.contains(r.period)]
                assert readings.within(indicator, period) == tuple(inside)
                assert readings.get(indicator, period) == next(
                    (r for r in own if r.period == period), None)
                kinds: dict[type[Period], list[Reading]] = {}
                for r in inside:
                    if r.period != period:
                        kinds.setdefault(type(r.period), []).append(r)
                tilings = [tuple(pieces) for pieces in kinds.values() if _tiles(period, pieces)]
                assert readings.tiling(indicator, period) == (tuple(
                    Figures(r.period, r.value, r.numerator, r.denominator, r.population,
                            r.symbol) for r in min(tilings, key=len)) if tilings else None)


def test_a_reading_is_made_once_and_only_when_asked_for() -> None:
    _, columns = _both([("cla", Month(2023, 4), 5.0, None, None, None),
                        ("cla", Month(2023, 5), "c", None, None, None)])
    store = columns._store
    assert not store._made
    first = columns.get("cla", Month(2023, 4))
    assert first is columns.get("cla", Month(2023, 4))
    assert first == Reading("cla", Month(2023, 4), 5.0)
    assert first is not None
    assert first.source == "readings.csv line 2"
    assert list(store._made) == [0]
    assert columns.periods_of("cla") == (Month(2023, 4), Month(2023, 5))
    assert list(store._made) == [0]
    assert columns.get("cla", Month(2023, 5)) == Reading("cla", Month(2023, 5), None,
                                                         symbol="c")


fractions = st.sampled_from((0.1, 0.2, 0.3, 0.7, 3.0))
months_figures = st.lists(
    st.tuples(st.one_of(fractions, st.just("c")), st.one_of(st.none(), fractions),
              st.one_of(st.none(), st.integers(90, 200).map(float)),
              st.one_of(st.none(), fractions)),
    min_size=12, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(INDICATORS.ids), months_figures)
def test_every_indicator_at_once_adds_a_periods_pieces_as_one_indicator_does(
        indicator: str, months: list[tuple[object, ...]]) -> None:
    """A year of months, each with a figure (fractions among them, whose sum depends
    on the order of adding), aggregated to each quarter and the year: the same to the
    last bit whether one indicator's pieces are added or every indicator's at once."""
    rows = [(indicator, Month(2023 + (3 + m) // 12, (3 + m) % 12 + 1), *figures)
            for m, figures in enumerate(months)]
    one_by_one, _ = _both(rows)
    asked = [*(FinancialQuarter(2023, q) for q in (1, 2, 3, 4)), FinancialYear(2023)]
    expected = [value_for(INDICATORS[indicator], one_by_one, p) for p in asked]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading_store, "TILINGS_FROM", 0)
        _, columns = _both(rows)
        assert [value_for(INDICATORS[indicator], columns, p) for p in asked] == expected


def test_a_count_of_fractions_is_added_in_period_order() -> None:
    """0.1 + 0.2 + 0.3, added in that order, is 0.6000000000000001."""
    rows = [("missing", Month(2023, m), figure, None, None, None)
            for m, figure in ((4, 0.1), (5, 0.2), (6, 0.3))]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading_store, "TILINGS_FROM", 0)
        for readings in _both(rows):
            assert value_for(INDICATORS["missing"], readings,
                             FinancialQuarter(2023, 1)) == (0.1 + 0.2) + 0.3
