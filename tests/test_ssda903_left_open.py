"""A child whose episode is open at the end of one year's return and who has no episode
in the next year's is counted as looked after for ever: the figures from the later
year on say so (`corpparent.runs.ssda903_open`), naming the years and how many
children, never which.

The returns, made by hand: in 2023-24, A looked after since June 2022 and B since
September 2023, both still at 31 March 2024; C from May to December 2023; S in short
breaks (V3), the last still open. In 2024-25, A still looked after, and B under a new
identifier, B2, the episode begun in September 2023 carried on under it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from corpparent.indicators.definitions import Indicator, Kind
from corpparent.periods import FinancialYear
from corpparent.runs.ssda903 import ssda903_measures, ssda903_readings
from corpparent.runs.ssda903_open import left_open
from corpparent.ssda903 import Return, Returns, Table

D = dt.date
TODAY = D(2026, 12, 1)


def ep(child: str, decom: D, dec: D | None = None, rec: str | None = None,
       ls: str = "C2") -> dict[str, Any]:
    return {"CHILD": child, "DECOM": decom, "RNE": "S", "LS": ls, "PLACE": "U1",
            "DEC": dec, "REC": rec}


def year(first: int, episodes: list[dict[str, Any]]) -> Return:
    review = Table.from_rows("Reviews", [{"CHILD": "A", "REVIEW": D(first + 1, 3, 25)}])
    return Return(FinancialYear(first), {"Episodes": Table.from_rows("Episodes", episodes),
                                         "Reviews": review})


EARLIER = year(2023, [ep("A", D(2022, 6, 1)), ep("B", D(2023, 9, 1)),
                      ep("C", D(2023, 5, 1), D(2023, 12, 1), "E8"),
                      ep("S", D(2024, 3, 30), ls="V3")])
LATER = year(2024, [ep("A", D(2022, 6, 1)), ep("B2", D(2023, 9, 1))])
SAID = ("1 child with an episode open at the end of the 2023-24 return has no episode in "
        "the 2024-25 return, which holds every episode open on a day of its year: with no "
        "end recorded, the child is counted as looked after on every day from then on, in "
        "the figures of 2024-25 and after (and, if an identifier changed between the "
        "returns, counted twice)")


def test_a_child_left_open_and_absent_from_the_next_return_is_warned_of() -> None:
    returns = Returns([EARLIER, LATER])
    run = ssda903_measures(returns, "2024-25", ["cla_31_march"], today=TODAY)
    # A, B2 and B, whose episode never ends: 3 where 2 children are looked after.
    assert [v.numerator for v in run.values] == [3]
    [warning] = run.warnings
    assert (str(warning), warning.incomplete) == (SAID, True)
    cla = Indicator("cla", "Looked after", Kind.SNAPSHOT, "neutral", ssda903="cla_31_march")
    assert ssda903_readings(returns, [cla], ["2024-25"], today=TODAY).warnings == (warning,)
    # 2023-24's own figures do not reach the later return: nothing to say of them.
    assert left_open(returns, FinancialYear(2023)) == []


def test_a_child_carried_on_or_in_short_breaks_is_no_cause() -> None:
    # B carried on under the same identifier; S's short breaks no measure counts.
    carried = year(2024, [ep("A", D(2022, 6, 1)), ep("B", D(2023, 9, 1))])
    returns = Returns([EARLIER, carried])
    assert left_open(returns, FinancialYear(2024)) == []
    run = ssda903_measures(returns, "2024-25", ["cla_31_march"], today=TODAY)
    assert ([v.numerator for v in run.values], run.warnings) == ([2], ())
