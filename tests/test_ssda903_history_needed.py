"""A measure that needs more history than the returns read hold says so.

Long-term stability counts children looked after continuously since 30 September two
and a half years before 31 March (the DfE: "looked after continuously for at least 2.5
years"). A year's return holds the episodes open on some day of its year, so a child
whose episode open on the first day read began, by a placement move, after that 30
September may have been looked after long before: only the earlier returns say. Read
without them, the figure is flagged (its ``short_history``), the command line warns,
and the scorecard is given no reading to judge, saying why.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import event, given, strategies as st

from corpparent.cli import cli
from corpparent.indicators.definitions import Indicator, Kind
from corpparent.periods import FinancialYear
from corpparent.runs.ssda903 import ssda903_measures, ssda903_readings
from corpparent.ssda903 import Return, Returns, Table, compute
from corpparent.testing.ssda903 import child_episodes, split_history

D = dt.date
YEAR = FinancialYear(2023)
STABLE = Indicator("stable", "Long-term stability", Kind.PERCENTAGE, "higher is better",
                   ssda903="long_term_stability")


def ep(child: str, decom: D, rne: str, place: str, dec: D | None = None) -> dict[str, Any]:
    return {"CHILD": child, "DECOM": decom, "RNE": rne, "LS": "C2", "PLACE": place,
            "PLACE_PROVIDER": "PR1", "DEC": dec, "REC": None if dec is None else "X1"}


#: P: looked after since June 2021, moved in January 2023 (in the cohort at 31 March
#: 2024, not stable). Q: since February 2021, moved on 1 March 2022 (stable). R: came
#: into care in December 2021 (after 30 September 2021: not in the cohort, whatever is
#: read, as RNE S says the period began then).
HISTORY = [ep("P", D(2021, 6, 1), "S", "U1", D(2023, 1, 1)), ep("P", D(2023, 1, 1), "P", "U3"),
           ep("Q", D(2021, 2, 1), "S", "U1", D(2022, 3, 1)), ep("Q", D(2022, 3, 1), "P", "U4"),
           ep("R", D(2021, 12, 1), "S", "U1")]


def _years(children: str, first: int, last: int = 2023) -> Returns:
    """The returns of the years ``first`` to ``last`` of the children's one history,
    as councils hold them (the history begins in 2021-22, so ``first`` = 2021 reads it
    whole)."""
    rows = [row for row in HISTORY if row["CHILD"] in children]
    whole = Table.from_rows("Episodes", rows)
    years = [FinancialYear(y) for y in range(2021, last + 1)]
    header = Table.from_rows("Header", [{"CHILD": c, "SEX": "1", "DOB": D(2012, 6, 1)}
                                        for c in children])
    # Each return a full year's: a review on its 31 March (its latest date), as the
    # return of a year read after its end records events to its last days.
    return Returns([Return(y, {"Episodes": t, "Header": header, "Reviews": Table.from_rows(
                        "Reviews", [{"CHILD": children[0], "REVIEW": y.end}])})
                    for y, t in zip(years, split_history(whole, years), strict=True)
                    if y.year >= first])


def test_too_few_years_read_flags_the_figure_and_says_why() -> None:
    [whole] = compute(_years("PQR", 2021), "2023-24", ["long_term_stability"])
    assert (whole.numerator, whole.denominator, whole.short_history) == (1, 2, None)
    [alone] = compute(_years("PQR", 2023), "2023-24", ["long_term_stability"])
    # Read alone, P and Q seem to have come into care in 2023 and 2022: 0 of 0.
    assert (alone.numerator, alone.denominator) == (0, 0)
    assert alone.short_history == (
        "the long_term_stability figure at 2024-03-31 needs each child's care since 2021-09-30 (30 "
        "months before): children looked after that day were in care on 2023-04-01, when "
        "the returns read begin, since a day they do not show (the 2021-22 and 2022-23 "
        "returns would)")
    # With 2022-23 read, Q's move of 1 March 2022 still hides when Q came into care.
    [later] = compute(_years("PQR", 2022), "2023-24", ["long_term_stability"])
    assert later.short_history is not None
    assert "children looked after that day were in care on 2022-04-01" in later.short_history


def test_a_child_who_started_to_be_looked_after_in_the_years_not_read_leaves_no_doubt(
        ) -> None:
    # R's episode open on 1 April 2023 began with RNE S, in December 2021: R came into
    # care then, which the 2023-24 return alone says.
    [value] = compute(_years("R", 2023), "2023-24", ["long_term_stability"])
    assert (value.numerator, value.denominator, value.short_history) == (0, 0, None)


def test_a_measure_needing_only_the_year_is_never_flagged() -> None:
    values = compute(_years("PQR", 2023), "2023-24")
    assert [v.measure for v in values if v.short_history is not None] == [
        "long_term_stability"]


def test_the_run_warns_and_the_scorecard_is_given_no_reading() -> None:
    run = ssda903_measures(_years("PQR", 2023), "2023-24", ["long_term_stability"])
    [value] = run.values
    [warning] = run.warnings
    assert warning.incomplete
    assert str(warning) == f"{value.short_history}: the figure is not to be trusted"
    done = ssda903_readings(_years("PQR", 2023), [STABLE])
    assert len(done.readings) == 0
    [said] = done.warnings
    assert said.incomplete
    assert str(said) == f"{value.short_history}: no reading is computed from it, so it " \
        "is not judged"
    whole = ssda903_readings(_years("PQR", 2021), [STABLE], ["2023-24"])
    assert [(r.numerator, r.denominator) for r in whole.readings] == [(1, 2)]
    assert whole.warnings == ()


@given(st.integers(1, 3), st.data())
def test_reading_only_the_later_years_never_gives_another_figure_unflagged(
        dropped: int, data: st.DataObject) -> None:
    """Four years' returns of one generated history, read whole and with the first
    ``dropped`` years left out: each year's long-term stability read from fewer years
    is flagged or is the figure of the whole read."""
    rows: list[dict[str, object]] = []
    header: list[dict[str, object]] = []
    for number in range(data.draw(st.integers(1, 8))):
        child = f"H{number:02d}"
        rows += data.draw(child_episodes(child, YEAR, history=1300))
        born = D(2009, 1, 1) + dt.timedelta(days=data.draw(st.integers(0, 3000)))
        header.append({"CHILD": child, "SEX": "1", "DOB": born})
    years = [FinancialYear(y) for y in range(2020, 2024)]
    tables = split_history(Table.from_rows("Episodes", rows), years)
    heading = Table.from_rows("Header", header)
    read = [Return(y, {"Episodes": t, "Header": heading})
            for y, t in zip(years, tables, strict=True)]
    whole, fewer = Returns(read), Returns(read[dropped:])
    for year in fewer:
        [full] = compute(whole, year, ["long_term_stability"])
        [part] = compute(fewer, year, ["long_term_stability"])
        if year.year >= 2022:  # the whole read holds 30 months before 31 March
            assert full.short_history is None
        event("flagged" if part.short_history else "not flagged")
        if part.short_history is None:
            assert (part.numerator, part.denominator) == (full.numerator, full.denominator)
        else:
            event("differs" if (part.numerator, part.denominator)
                  != (full.numerator, full.denominator) else "flagged, the same")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ret")
    made = run("ssda903", "synthesise", "-n", "300", "-k", "3", "--last-year", "2024-25",
               "--seed", "7", "-o", str(folder))
    assert made.exit_code == 0, made.output
    return folder


def test_the_command_line_warns_of_a_figure_from_too_few_years(synthetic: Path) -> None:
    one = run("ssda903", "measures", str(synthetic / "2024-25"), "-y", "2024-25",
              "-m", "long_term_stability", "-f", "json")
    assert one.exit_code == 0, one.output
    assert "the long_term_stability figure at 2025-03-31 needs each child's care since 2022-09-30" \
        in one.stderr
    assert "the figure is not to be trusted" in one.stderr
    # The three years read hold 2022-23: the 2024-25 figure stands without a warning.
    every = run("ssda903", "measures", str(synthetic), "-y", "2024-25",
                "-m", "long_term_stability", "-f", "json")
    assert every.exit_code == 0, every.output
    assert "not to be trusted" not in every.stderr
    # The file says so too, for whoever opens it away from the warnings.
    [flagged] = json.loads(one.stdout)
    assert flagged["short_history"].startswith("the long_term_stability figure at 2025-03-31")
    [trusted] = json.loads(every.stdout)
    assert trusted["short_history"] is None


def test_the_measures_csv_and_table_carry_the_flag(synthetic: Path) -> None:
    for output_format in ("csv", "markdown"):
        one = run("ssda903", "measures", str(synthetic / "2024-25"), "-y", "2024-25",
                  "-m", "long_term_stability", "-f", output_format)
        assert one.exit_code == 0, one.output
        assert "short_history" in one.stdout
        assert "needs each child's care since 2022-09-30" in one.stdout


def test_the_scorecard_does_not_judge_a_figure_from_too_few_years(synthetic: Path) -> None:
    args = ["-a", "wiltshire", "-p", "2024-25", "-f", "json", "--profile", "internal"]
    one = run("scorecard", "--ssda903", str(synthetic / "2024-25"), *args)
    every = run("scorecard", "--ssda903", str(synthetic), *args)
    assert one.exit_code == 0 == every.exit_code, one.output + every.output

    def stability(result: Result) -> tuple[object, list[str]]:
        report = json.loads(result.stdout)
        [found] = [i for i in report["indicators"] if i["id"] == "long_term_stability"]
        return found["value"], report["notes"]

    value, notes = stability(one)
    assert value is None
    assert any(note.startswith("The long_term_stability figure at 2025-03-31 needs each "
                               "child's care") and "not judged" in note for note in notes)
    value, notes = stability(every)
    assert value is not None
    # Only the earlier years, which the three years read do not settle, are not judged.
    assert not any("at 2025-03-31" in note for note in notes)
