"""A return extract taken before the day its figures are taken at: the SSDA903 return
records no day it was extracted, so the latest date it holds of its year stands for it,
and figures taken four weeks or more after it are given with a warning, by ``measures``,
``readings`` and the scorecard alike (`corpparent.runs.ssda903_extract`).

The returns, made by hand: 2024-25 in full; 2025-26 in full, and as an extract of it
taken on 30 September 2025 (as a council's system gives one: the episodes begun by
then, those ending after it still open, the reviews held by then, an empty OC2 table).

- A: looked after since 1 January 2023; reviews on 25 March 2025, 15 September 2025
  and 20 March 2026.
- B: looked after since 1 June 2024.
- C: from 10 May 2025 to 1 November 2025 (still looked after in the extract).
- D: from 15 January 2026 (not in the extract).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.indicators.definitions import Indicator, Kind
from corpparent.periods import FinancialYear
from corpparent.runs.ssda903 import ssda903_measures, ssda903_readings
from corpparent.runs.ssda903_extract import RECORDED_WITHIN, cut_short, recorded_to
from corpparent.ssda903 import Return, Returns, Table

D = dt.date
YEAR = FinancialYear(2025)
TODAY = D(2026, 12, 1)  # both years ended: no warning of a year still in progress
STARTS = Indicator("started", "Started", Kind.COUNT, "neutral", ssda903="starts")


def ep(child: str, decom: D, dec: D | None = None, rec: str | None = None) -> dict[str, Any]:
    return {"CHILD": child, "DECOM": decom, "RNE": "S", "LS": "C2", "PLACE": "U1",
            "PLACE_PROVIDER": "PR1", "DEC": dec, "REC": rec}


def header(children: str) -> list[dict[str, Any]]:
    return [{"CHILD": c, "SEX": "1", "DOB": D(2012, 6, 1)} for c in children]


EARLIER = {"Header": header("AB"),
           "Episodes": [ep("A", D(2023, 1, 1)), ep("B", D(2024, 6, 1))],
           "Reviews": [{"CHILD": "A", "REVIEW": D(2025, 3, 25)}]}
FULL = {"Header": header("ABCD"),
        "Episodes": [ep("A", D(2023, 1, 1)), ep("B", D(2024, 6, 1)),
                     ep("C", D(2025, 5, 10), D(2025, 11, 1), "E8"), ep("D", D(2026, 1, 15))],
        "Reviews": [{"CHILD": "A", "REVIEW": D(2025, 9, 15)},
                    {"CHILD": "A", "REVIEW": D(2026, 3, 20)}]}
EXTRACT = {"Header": header("ABC"),
           "Episodes": [ep("A", D(2023, 1, 1)), ep("B", D(2024, 6, 1)), ep("C", D(2025, 5, 10))],
           "Reviews": [{"CHILD": "A", "REVIEW": D(2025, 9, 15)}]}


def returns(year: Mapping[str, Sequence[dict[str, Any]]]) -> Returns:
    def made(tables: Mapping[str, Sequence[dict[str, Any]]]) -> dict[str, Table]:
        return {name: Table.from_rows(name, rows) for name, rows in tables.items()}

    return Returns([Return(FinancialYear(2024), made(EARLIER)), Return(YEAR, made(year))])


def test_the_latest_date_of_the_year_the_return_records() -> None:
    assert recorded_to(returns(FULL)[YEAR]) == D(2026, 3, 20)
    assert recorded_to(returns(EXTRACT)[YEAR]) == D(2025, 9, 15)  # A's review
    # The earlier year's own latest date is A's review of 25 March 2025.
    assert recorded_to(returns(FULL)[FinancialYear(2024)]) == D(2025, 3, 25)


def test_a_mid_year_extract_read_as_the_year_is_warned_of() -> None:
    extract = ssda903_measures(returns(EXTRACT), YEAR, ["starts", "ceased"], today=TODAY)
    # The figures are given, as the warning is no refusal: C's start and no one ceased,
    # where the year holds C's and D's starts and C's end.
    assert [(v.measure, v.numerator) for v in extract.values] == [("starts", 1),
                                                                  ("ceased", 0)]
    [warning] = extract.warnings
    # 15 September 2025 to 31 March 2026: 15 + 31 + 30 + 31 + 31 + 28 + 31 days.
    assert str(warning) == (
        "the 2025-26 return's latest date is 15 September 2025, 197 days before the "
        "year's end (on 31 March 2026): if it is an extract taken then, the year's "
        "figures are not the year's")
    assert warning.incomplete
    full = ssda903_measures(returns(FULL), YEAR, ["starts", "ceased"], today=TODAY)
    assert [(v.measure, v.numerator) for v in full.values] == [("starts", 2), ("ceased", 1)]
    assert full.warnings == ()
    # The readings, and so the scorecard, say the same in the same words.
    read = ssda903_readings(returns(EXTRACT), [STARTS], ["2025-26"], today=TODAY)
    assert read.warnings == (warning,)
    assert ssda903_readings(returns(FULL), [STARTS], ["2025-26"], today=TODAY).warnings == ()


@pytest.mark.parametrize(("latest", "warned"), [(D(2026, 3, 3), True), (D(2026, 3, 4), False)])
def test_four_weeks_before_the_day_is_the_threshold(latest: D, warned: bool) -> None:
    assert RECORDED_WITHIN == 28
    year = {**FULL, "Reviews": [{"CHILD": "A", "REVIEW": latest}]}  # D began in January
    found = cut_short(returns(year), YEAR)
    assert (found is not None) is warned
    if found is not None:
        assert "latest date is 3 March 2026, 28 days before the year's end" in str(found)


@pytest.mark.parametrize(("table", "row", "counts"), [
    ("Episodes", ep("C", D(2025, 5, 10), D(2026, 3, 20), "E8"), True),
    ("Missing", {"CHILD": "A", "MISSING": "M", "MIS_START": D(2025, 8, 1),
                 "MIS_END": D(2026, 3, 20)}, True),
    ("PlacedAdoption", {"CHILD": "B", "DATE_PLACED": D(2026, 3, 20)}, True),
    ("SWEpisodes", {"CHILD": "A", "SW_DECOM": D(2026, 3, 20)}, True),
    # A date of birth, or the day UASC status ceased (on or before the 18th birthday),
    # is a child's, not an event the council records, and never named in a message.
    ("Header", {"CHILD": "E", "SEX": "1", "DOB": D(2026, 3, 20)}, False),
    ("UASC", {"CHILD": "B", "DUC": D(2026, 3, 20)}, False),
    # A date outside the year is not the year's.
    ("Reviews", {"CHILD": "A", "REVIEW": D(2026, 4, 2)}, False)])
def test_every_table_s_event_dates_count_and_no_birthday(table: str, row: dict[str, Any],
                                                         counts: bool) -> None:
    tables = {name: list(rows) for name, rows in EXTRACT.items()}
    if table == "Episodes":
        tables["Episodes"] = [r for r in tables["Episodes"] if r["CHILD"] != "C"]
    tables.setdefault(table, []).append(row)
    latest = recorded_to(returns(tables)[YEAR])
    assert latest == (D(2026, 3, 20) if counts else D(2025, 9, 15))
    assert (cut_short(returns(tables), YEAR) is None) is counts


def test_a_return_recording_no_date_of_its_year_is_warned_of() -> None:
    year = {"Header": header("AB"), "Episodes": [ep("A", D(2023, 1, 1)), ep("B", D(2024, 6, 1))]}
    warning = cut_short(returns(year), YEAR)
    assert warning is not None
    assert str(warning) == (
        "the 2025-26 return records no date of its year (from 1 April 2025): if it is an "
        "extract taken at its start, the year's figures are not the year's")


def test_a_day_after_the_extract_s_latest_date_is_warned_of() -> None:
    """Figures taken at a day the extract does not reach count nothing after it: at 31
    October 2025, C is still looked after and A's, B's and C's figures stop at 15
    September. Four weeks after the latest date, a warning says so; before, none."""
    found = returns(EXTRACT)
    days = [D(2025, 9, 30), D(2025, 10, 12), D(2025, 10, 13)]
    run = ssda903_measures(found, YEAR, ["cla_31_march"], days, today=TODAY)
    assert [(v.as_at, v.numerator) for v in run.values] == [
        ("2025-09-30", 3), ("2025-10-12", 3), ("2025-10-13", 3)]
    [warning] = run.warnings
    assert str(warning) == (
        "the 2025-26 return's latest date is 15 September 2025, 28 days before the day "
        "the figures are taken at (on 13 October 2025): if it is an extract taken then, "
        "what happened after it is not counted, and every child looked after on it "
        "counts as still looked after")
    assert warning.incomplete
    cla = Indicator("cla", "Looked after", Kind.SNAPSHOT, "neutral", ssda903="cla_31_march")
    read = ssda903_readings(found, [cla], (), [D(2025, 9, 30), D(2025, 10, 31)],
                            today=TODAY)
    assert [str(r.period) for r in read.readings] == ["2025-26 Q2", "2025-10"]
    [said] = read.warnings
    assert "46 days before the day the figures are taken at (on 31 October 2025)" in str(said)


# --- through the command line: the scorecard's --strict -----------------------------

PLUGIN = """format_version = 1
[authority]
id = "testshire"
name = "Testshire"
[[indicators]]
id = "started"
name = "Children who started to be looked after"
kind = "count"
polarity = "neutral"
ssda903 = "starts"
[[ranges]]
indicator = "started"
period = "2025-26"
lower = 0
upper = 10
"""


def write(folder: Path, tables: Mapping[str, Sequence[dict[str, Any]]]) -> None:
    """The tables as the return's CSV files, dates written dd/mm/yyyy."""
    folder.mkdir(parents=True)
    for name, rows in tables.items():
        columns = list(dict.fromkeys(key for row in rows for key in row))
        lines = [",".join(columns)] + [",".join(
            "" if row.get(c) is None else row[c].strftime("%d/%m/%Y")
            if isinstance(row[c], D) else str(row[c]) for c in columns) for row in rows]
        (folder / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def scorecard(tmp_path: Path, year: Mapping[str, Sequence[dict[str, Any]]]) -> Result:
    write(tmp_path / "903" / "2024-25", EARLIER)
    write(tmp_path / "903" / "2025-26", year)
    plugin = tmp_path / "testshire.toml"
    plugin.write_text(PLUGIN, encoding="utf-8")
    return CliRunner().invoke(cli, [
        "scorecard", "-a", str(plugin), "--ssda903", str(tmp_path / "903"), "-p", "2025-26",
        "-f", "markdown", "--profile", "internal", "--strict"], prog_name="corpparent")


def test_the_scorecard_of_an_extract_is_incomplete(tmp_path: Path) -> None:
    result = scorecard(tmp_path, EXTRACT)
    assert result.exit_code == 3, result.output
    said = "the 2025-26 return's latest date is 15 September 2025, 197 days before"
    assert said in result.stderr
    assert "T" + said[1:] in result.stdout  # the report's note
    assert scorecard(tmp_path / "full", FULL).exit_code == 0
