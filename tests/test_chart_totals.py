"""A chart's point is withheld where, beside the figures published before, it would leave
one figure of a declared total unknown that must stay so: never otherwise."""

from __future__ import annotations

from hypothesis import given, strategies as st

from corpparent import Indicator, IndicatorSet, Kind, Month, Polarity, Reading, Readings
from corpparent.runs.chart_totals import given_away

JUNE = Month(2023, 6)
NAMES = ("placed", "in_county", "out_of_county")
INDICATORS = IndicatorSet([
    Indicator("placed", "Placed", Kind.COUNT, Polarity.NEUTRAL,
              parts=("in_county", "out_of_county")),
    Indicator("in_county", "In county", Kind.COUNT, Polarity.NEUTRAL),
    Indicator("out_of_county", "Out of county", Kind.COUNT, Polarity.NEUTRAL)])


@given(st.integers(0, 20), st.integers(0, 20), st.sampled_from(NAMES),
       st.sets(st.sampled_from(NAMES)), st.integers(2, 10))
def test_a_point_goes_exactly_where_it_would_give_a_small_count_away(
        inside: int, outside: int, charted: str, before: set[str], threshold: int) -> None:
    values = {"placed": inside + outside, "in_county": inside, "out_of_county": outside}
    readings = Readings([Reading(name, JUNE, value) for name, value in values.items()])
    published = {("value", name, str(JUNE)): float(values[name]) for name in before}
    gone = given_away(charted, [JUNE], INDICATORS, readings, published, (), threshold)
    if charted in before:
        assert not gone  # nothing new is published
        return
    unknown = [name for name in NAMES if name != charted and name not in before]
    gives_small = len(unknown) == 1 and 0 < values[unknown[0]] < threshold
    assert (("value", charted, str(JUNE)) in gone) == gives_small


def test_a_figure_withheld_before_is_kept_whatever_its_size() -> None:
    readings = Readings([Reading("placed", JUNE, 71), Reading("in_county", JUNE, 40),
                         Reading("out_of_county", JUNE, 31)])
    published = {("value", "placed", str(JUNE)): 71.0}
    withheld = [("value", "out_of_county", str(JUNE))]
    assert given_away("in_county", [JUNE], INDICATORS, readings, published, withheld, 6) == {
        ("value", "in_county", str(JUNE))}
    assert not given_away("in_county", [JUNE], INDICATORS, readings, published, (), 6)
