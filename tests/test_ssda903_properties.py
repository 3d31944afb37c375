"""Properties of the SSDA903 measures over drawn returns: a change of legal status
only never adds a placement, a child in short breaks only is never counted, the order
of a table's rows changes nothing (care leavers' too), a history read from several
years' returns is the history read from one (long-term stability, under each of its
definitions), and a day's figures need nothing recorded after that day."""

from __future__ import annotations

import datetime as dt
from random import Random

import numpy as np
from hypothesis import event, given, strategies as st

from corpparent.periods import FinancialYear
from corpparent.ssda903 import Care, Return, Returns, Table, age_at, compute
from corpparent.testing.ssda903 import (
    ORDINARY,
    YEAR,
    child_episodes,
    returns,
    split_history,
)

FIRST, LAST = np.datetime64(YEAR.start, "D"), np.datetime64(YEAR.end, "D")


def _only(found: Returns) -> Return:
    [single] = found.values()
    return single


def _with(found: Return, name: str, table: Table) -> Returns:
    return Returns([Return(found.year, {**found.tables, name: table})])


@given(returns(), st.data())
def test_a_legal_status_only_change_never_adds_a_placement(found: Returns,
                                                           data: st.DataObject) -> None:
    year = _only(found)
    episodes = year.tables["Episodes"]
    ls, start, end = episodes.column("LS"), episodes.column("DECOM"), episodes.column("DEC")
    # An open episode is split no later than 31 March, as the return holds no later day.
    last = np.where(np.isnat(end), LAST + np.timedelta64(1, "D"), end)
    length = (last - start).astype(np.int64)
    splittable = np.flatnonzero(np.isin(ls, ORDINARY) & (length >= 2))
    if not len(splittable):
        return
    row = int(data.draw(st.sampled_from(splittable.tolist())))
    day = start[row] + np.timedelta64(data.draw(st.integers(1, int(length[row]) - 1)), "D")
    status = data.draw(st.sampled_from([s for s in ORDINARY if s != ls[row]]))
    first_part = {name: values[row] for name, values in episodes.columns.items()}
    first_part |= {"DEC": day, "REC": "X1"}
    second = {name: values[row] for name, values in episodes.columns.items()}
    second |= {"DECOM": day, "RNE": "L", "LS": status}
    rows = [{name: values[i] for name, values in episodes.columns.items()}
            for i in range(len(episodes)) if i != row]
    split = Table.of("Episodes", {name: [*(r[name] for r in rows), first_part[name],
                                         second[name]] for name in episodes.columns})
    before = Care.of(found, YEAR).placements_during(FIRST, LAST)
    after = Care.of(_with(year, "Episodes", split), YEAR).placements_during(FIRST, LAST)
    assert after.tolist() == before.tolist()
    assert compute(_with(year, "Episodes", split), YEAR) == compute(found, YEAR)


@given(returns(), child_episodes("SHORT", short_breaks=True), st.data())
def test_a_child_in_short_breaks_only_is_never_counted(found: Returns, breaks: list[dict[
        str, object]], data: st.DataObject) -> None:
    year = _only(found)
    tables = dict(year.tables)
    old = tables["Episodes"]
    tables["Episodes"] = Table.of("Episodes", {
        name: [*values.tolist(), *(row.get(name) for row in breaks)]
        for name, values in old.columns.items()})
    for name, extra in (("OC2", {"CHILD": "SHORT", "HEALTH_ASSESSMENT": "1",
                                 "IMMUNISATIONS": "1", "TEETH_CHECK": "1"}),
                        ("Missing", {"CHILD": "SHORT", "MISSING": "M",
                                     "MIS_START": YEAR.start, "MIS_END": None})):
        table = tables[name]
        tables[name] = Table.of(name, {column: [*values.tolist(), extra[column]]
                                       for column, values in table.columns.items()})
    assert compute(Returns([Return(YEAR, tables)]), YEAR) == compute(found, YEAR)


@given(returns(), st.randoms(use_true_random=False))
def test_the_order_of_the_rows_changes_nothing(found: Returns, random: Random) -> None:
    year = _only(found)
    shuffled = {}
    for name, table in year.tables.items():
        order = list(range(len(table)))
        random.shuffle(order)
        shuffled[name] = table.take(np.array(order, dtype=np.int64))
    assert compute(Returns([Return(YEAR, shuffled)]), YEAR) == compute(found, YEAR)


@given(returns())
def test_a_history_split_into_two_years_returns_gives_the_same_measures(
        found: Returns) -> None:
    """Each year's return holds the episodes open on some day of its year, an episode
    still open at its 31 March written without its end: read together, they are one
    continuous history."""
    year = _only(found)
    episodes = year.tables["Episodes"]
    start, end = episodes.column("DECOM"), episodes.column("DEC")
    earlier_end = np.datetime64(YEAR.start, "D") - np.timedelta64(1, "D")
    earlier_rows = np.flatnonzero(start <= earlier_end)
    earlier = episodes.take(earlier_rows)
    ended_later = ~np.isnat(earlier.columns["DEC"]) & (earlier.columns["DEC"] > earlier_end)
    earlier = Table.of("Episodes", {
        name: [None if ended_later[i] and name in ("DEC", "REC") else values[i]
               for i in range(len(earlier))]
        for name, values in earlier.columns.items()})
    later = episodes.take(np.isnat(end) | (end >= FIRST))
    split = Returns([Return(FinancialYear(2022), {"Episodes": earlier}),
                     Return(YEAR, {**year.tables, "Episodes": later})])
    assert compute(split, YEAR) == compute(found, YEAR)


@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)) | st.dates(),
       st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)) | st.dates())
def test_an_age_is_the_whole_years_since_the_last_birthday(born: dt.date,
                                                           on: dt.date) -> None:
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    assert age_at(np.array([born], dtype="datetime64[D]"),
                  np.datetime64(on, "D")).tolist() == [years]


def test_the_year_drawn_for_is_2023_24() -> None:
    assert FinancialYear(2023) == YEAR


@st.composite
def _histories(draw: st.DrawFn, year: FinancialYear) -> tuple[Table, Table]:
    """Several children's episodes over up to three and a half years to 31 March of
    ``year``, and their Header rows (some under 16, some not)."""
    rows: list[dict[str, object]] = []
    header: list[dict[str, object]] = []
    for number in range(draw(st.integers(1, 6))):
        child = f"H{number:02d}"
        rows += draw(child_episodes(child, year, history=1300))
        born = dt.date(2006, 1, 1) + dt.timedelta(days=draw(st.integers(0, 5000)))
        header.append({"CHILD": child, "SEX": "1", "DOB": born})
    return Table.from_rows("Episodes", rows), Table.from_rows("Header", header)


@given(st.sampled_from([FinancialYear(2022), YEAR]), st.integers(2, 4), st.data())
def test_long_term_stability_split_into_years_is_one_history(
        year: FinancialYear, count: int, data: st.DataObject) -> None:
    """Each definition (2022-23 the earlier, 2023-24 the later): a continuous history
    written as two to four years' returns, each holding the episodes open in its year,
    gives the figure the whole history gives."""
    whole, header = data.draw(_histories(year))
    years = [FinancialYear(year.year - count + 1 + i) for i in range(count)]
    split = Returns([Return(y, {"Episodes": t, "Header": header})
                     for y, t in zip(years, split_history(whole, years), strict=True)])
    one = Returns([Return(year, {"Episodes": whole, "Header": header})])
    [value] = compute(one, year, ["long_term_stability"])
    event(f"long-term stability cohort {'empty' if not value.denominator else 'drawn'}")
    assert compute(split, year, ["long_term_stability"]) == (value,)


def _extract(table: Table, day: np.datetime64, began: str, ended: str) -> Table:
    """The rows of ``table`` begun by ``day``, as an extract taken that day writes them:
    one not ended by it written without its end."""
    kept = table.take(table.column(began) <= day)
    end = kept.column(ended).copy()
    later = ~np.isnat(end) & (end > day)
    end[later] = np.datetime64("NaT")
    columns = dict(kept.columns) | {ended: end}
    if "REC" in columns:
        rec = columns["REC"].copy()
        rec[later] = ""
        columns["REC"] = rec
    return Table(table.name, columns, kept.lines, kept.source)


@given(returns(), st.integers(0, 365))
def test_a_days_figures_need_nothing_recorded_after_it(found: Returns, offset: int) -> None:
    """The measures at a day of the year from an extract taken that day are those the
    full year's return gives at that day: nothing after the day counts."""
    day = YEAR.start + dt.timedelta(days=offset)
    if day > YEAR.end:
        day = YEAR.end
    at = np.datetime64(day, "D")
    year = _only(found)
    tables = dict(year.tables)
    tables["Episodes"] = _extract(tables["Episodes"], at, "DECOM", "DEC")
    tables["Missing"] = _extract(tables["Missing"], at, "MIS_START", "MIS_END")
    extract = Returns([Return(YEAR, tables)])
    assert compute(extract, YEAR, as_at=day) == compute(found, YEAR, as_at=day)
