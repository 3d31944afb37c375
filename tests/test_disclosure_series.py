"""A whole year of one authority's public papers, monthly, quarterly and annual, each
protected against the papers before it as the command line protects it (the disclosure
record): a reader with all of them pins no withheld figure, whatever the figures.

Every public format shows no figure its JSON lacks (``test_public_formats``), so the
checker reading the JSON papers speaks for the HTML, Word, Markdown and spreadsheet
papers too. The control shows the checker can fail: one month's internal copy among the
public papers gives a withheld count away, and is caught.
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, example, given, settings, strategies as st

from corpparent.periods import FinancialQuarter, FinancialYear, Period
from corpparent.report import ScorecardReport, finish
from corpparent.report.disclosure import figures_of
from corpparent.report.disclosure.check import check
from test_disclosure_protect_property import MONTHS, _scorecard

Key = tuple[str, ...]
#: The papers of 2023-24 in the order a panel publishes them: each month, each quarter
#: after its last month, the year after March.
YEAR = [period for month in MONTHS[12:] for period in (
    month, *((FinancialQuarter(2023, (MONTHS.index(month) - 12) // 3 + 1),)
             if month.month in (6, 9, 12, 3) else ()),
    *((FinancialYear(2023),) if month.month == 3 else ()))]

#: Counts of children placed in and out of county in a month: small ones often.
_COUNT = st.one_of(st.integers(0, 7), st.integers(8, 80))
_ROWS = st.lists(st.tuples(_COUNT, _COUNT), min_size=len(MONTHS), max_size=len(MONTHS))


def _papers(rows: list[tuple[int, int]], lower: int, width: int, target: int,
            tolerance: int) -> list[ScorecardReport]:
    """Each public paper of the year, protected against every paper before it."""
    published: dict[Key, float] = {}
    withheld: set[Key] = set()
    papers = []
    for period in YEAR:
        report = _scorecard(rows, lower, width, target, tolerance, period)
        paper = finish(report, "json", profile="public", published=dict(published),
                       withheld_before=frozenset(withheld))
        figures = figures_of(paper)
        published.update({k: v for k, v in figures.values.items() if v is not None})
        withheld.update(figures.withheld)
        papers.append(paper)
    return papers


def _small(rows: list[tuple[int, int]]) -> bool:
    return any(0 < count < 6 for row in rows[12:] for count in row)


@settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_ROWS, lower=st.integers(0, 6), width=st.integers(2, 10),
       target=st.integers(1, 12), tolerance=st.integers(0, 3))
# a chart whose baseline does not vary (its one non-zero month screened out) says
# common cause variation of a latest point outside its coinciding limits; and the months
# of an earlier year's quarter, never published, are no secret to keep
@example(rows=[(0, 0)] * 11 + [(1, 5)] + [(0, 0)] * 11 + [(0, 1)], lower=0, width=2,
         target=1, tolerance=0)
# a quarter of the previous year withheld in one paper, its months published by the
# later papers (the same month a year before, beside this year's): each later paper
# keeps the quarter, and no paper withholds a figure the earlier papers already give
@example(rows=[(6, 70), (30, 22), (6, 76), (5, 55), (5, 6), (73, 2), (4, 78), (27, 2),
               (1, 40), (5, 7), (6, 5), (21, 48), (2, 0), (32, 54), (53, 72), (55, 1),
               (6, 4), (34, 4), (6, 0), (4, 8), (2, 4), (3, 6), (64, 68), (5, 1)],
         lower=2, width=5, target=4, tolerance=1)
# the same; and a month never published that a quarter less its other months would
# give, with one of its parts published and the other small: that quarter stays withheld
@example(rows=[(5, 62), (4, 3), (47, 1), (4, 61), (24, 0), (35, 80), (0, 5), (6, 71),
               (6, 7), (6, 10), (5, 80), (51, 4), (56, 52), (76, 3), (0, 2), (3, 5),
               (40, 5), (3, 70), (1, 6), (2, 51), (6, 3), (42, 4), (22, 4), (0, 9)],
         lower=4, width=2, target=2, tolerance=3)
# a month never printed (its process chart withdrawn whole) that a quarter published
# earlier, less a month this paper shows, would show small with the quarter's third
# month, withheld: the month shown here is withheld too
@example(rows=[(0, 0)] * 3 + [(4, 1), (6, 6), (1, 4)] + [(0, 0)] * 17 + [(0, 1)], lower=0,
         width=2, target=1, tolerance=0)
def test_a_years_public_papers_pin_no_withheld_figure(
        rows: list[tuple[int, int]], lower: int, width: int, target: int,
        tolerance: int) -> None:
    assume(_small(rows))
    papers = _papers(rows, lower, width, target, tolerance)
    result = check(papers)
    assert result.safe, "\n".join(result.lines())


@settings(max_examples=3, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_ROWS)
def test_one_internal_copy_among_them_is_caught(rows: list[tuple[int, int]]) -> None:
    month = next((i for i, row in enumerate(rows[12:], 12) if 0 < row[1] < 6), None)
    assume(month is not None)
    assert month is not None
    papers = _papers(rows, 2, 7, 9, 1)
    leak: Period = MONTHS[month]
    internal = finish(_scorecard(rows, 2, 7, 9, 1, leak), "json", profile="internal")
    assert check(papers).safe
    assert not check([*papers, internal]).safe
