"""The care history gathered once per set of returns: every year's measures computed
from one ``Returns``, in any order and again, are those computed from a fresh one
holding that year and the years before it; the history is never shared by two
``Returns``; and a return's fault is found for its own year and the years after."""

from __future__ import annotations

import datetime as dt
from random import Random

import attrs
import numpy as np
import pytest
from hypothesis import given, strategies as st

from corpparent.errors import DataError
from corpparent.periods import FinancialYear
from corpparent.ssda903 import Care, Return, Returns, Table, compute
from corpparent.ssda903.history import history_of
from corpparent.testing.ssda903 import YEAR, returns


@st.composite
def consecutive_years(draw: st.DrawFn, most: int = 4, children: int = 5) -> Returns:
    """Two to ``most`` consecutive years' returns, each drawn as one year's, of
    ``children`` children (children of one identifier across years, so a history runs
    through several returns and one episode is often held by two)."""
    count = draw(st.integers(2, most))
    held = []
    for k in range(count):
        [found] = draw(returns(FinancialYear(YEAR.year - count + 1 + k),
                               children=children)).values()
        held.append(found)
    return Returns(held)


@given(consecutive_years(), st.randoms(use_true_random=False), st.data())
def test_each_years_measures_from_one_returns_are_those_of_a_fresh_one(
        found: Returns, random: Random, data: st.DataObject) -> None:
    """Asked in any order, some years twice, and some at a month end within the year:
    the figures are those of a ``Returns`` made afresh for each question, holding the
    year and the years before it only."""
    asked = [(year, None) for year in found] * 2
    asked += [(year, year.end - dt.timedelta(days=data.draw(st.integers(0, 364))))
              for year in found]
    random.shuffle(asked)
    for year, day in asked:
        fresh = Returns([found[y] for y in found if y.year <= year.year])
        assert compute(found, year, as_at=day) == compute(fresh, year, as_at=day)


@given(consecutive_years())
def test_a_history_belongs_to_one_returns_object(found: Returns) -> None:
    """Equal returns made apart, or one remade with ``attrs.evolve``, gather their own
    history; asking again gives the same one."""
    same = Returns(list(found.values()))
    assert same == found
    assert history_of(found) is history_of(found)
    assert history_of(same) is not history_of(found)
    assert history_of(attrs.evolve(found)) is not history_of(found)
    last = list(found)[-1]
    assert Care.of(found, last) is Care.of(found, last)
    assert Care.of(same, last) is not Care.of(found, last)
    assert Care.of(same, last).history is history_of(same)


def _episodes(*starts: dt.date) -> Table:
    return Table.from_rows("Episodes", [
        {"CHILD": "A1", "DECOM": start, "RNE": "S", "LS": "C2", "PLACE": "U1"}
        for start in starts])


def test_a_repeated_episode_is_refused_for_its_own_year_and_after_only() -> None:
    """Two episodes of one child beginning on one day in the 2023-24 return: the
    2022-23 figures are still given, the 2023-24 ones refused, naming that return's
    line."""
    earlier = Return("2022-23", {"Episodes": _episodes(dt.date(2022, 5, 1))})
    repeated = _episodes(dt.date(2023, 6, 1), dt.date(2023, 6, 1))
    later = Return("2023-24", {"Episodes": Table(
        "Episodes", repeated.columns, np.array([2, 3]), "Episodes.csv")})
    both = Returns([earlier, later])
    [count] = compute(both, "2022-23", ["cla_31_march"])
    assert count.numerator == 1
    with pytest.raises(DataError, match=r"Episodes\.csv.*line 3"):
        compute(both, "2023-24", ["cla_31_march"])
