"""A year still in progress: its return is an extract taken before 31 March, so no
figure at its 31 March is computed from it, by ``measures`` as by ``readings`` and the
scorecard (one rule, `corpparent.runs.ssda903.in_progress`); its month ends still are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.files import read_returns
from corpparent.indicators.definitions import Indicator, Kind
from corpparent.periods import FinancialYear
from corpparent.runs.ssda903 import (
    in_progress,
    ssda903_measures,
    ssda903_readings,
    still_to_come,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "ssda903"
CLA = Indicator("cla", "Looked after", Kind.SNAPSHOT, "neutral", ssda903="cla_31_march")
EXTRACT = ("the 2023-24 return ends on 2024-03-31, after today (2024-01-15): it is an "
           "extract taken before the year's end, so no figure for the year 2023-24 is "
           "computed from it")


def test_the_measures_of_a_year_not_yet_ended_are_not_computed() -> None:
    returns = read_returns(EXAMPLE)
    early = ssda903_measures(returns, "2023-24", ["cla_31_march"], today=dt.date(2024, 1, 15))
    assert early.values == ()
    [warning] = early.warnings
    assert (str(warning), warning.incomplete) == (EXTRACT, True)
    # The readings, and so the scorecard, say the same in the same words.
    readings = ssda903_readings(returns, [CLA], ["2023-24"], today=dt.date(2024, 1, 15))
    assert len(readings.readings) == 0
    assert readings.warnings == (warning,)
    # From its 31 March on, the year is computed; its month ends always are.
    ended = ssda903_measures(returns, "2023-24", ["cla_31_march"], today=dt.date(2024, 3, 31))
    assert [v.numerator for v in ended.values] == [5]
    days = ssda903_measures(returns, "2023-24", ["cla_31_march"],
                            [dt.date(2023, 12, 31)], today=dt.date(2024, 1, 15))
    assert [(v.as_at, v.numerator) for v in days.values] == [("2023-12-31", 7)]


def test_the_rule_is_the_31_march_against_today() -> None:
    year = FinancialYear(2026)
    assert in_progress(year, dt.date(2027, 3, 30)) is not None
    assert in_progress(year, dt.date(2027, 3, 31)) is None


def test_no_figure_is_taken_at_a_day_still_to_come() -> None:
    """Counted at a day after the extract's, every child looked after on the extract's
    day would count as still in care: such a day is left out, a warning saying why, by
    measures and readings alike; the days up to today are taken."""
    returns = read_returns(EXAMPLE)
    today = dt.date(2024, 1, 15)
    later, earlier = dt.date(2024, 2, 29), dt.date(2023, 12, 31)
    both = ssda903_measures(returns, "2023-24", ["cla_31_march"], [earlier, later],
                            today=today)
    assert [(v.as_at, v.numerator) for v in both.values] == [("2023-12-31", 7)]
    warning = still_to_come(later, today)
    assert warning is not None
    assert warning in both.warnings
    assert str(warning).startswith("the day 2024-02-29 is after today (2024-01-15)")
    alone = ssda903_measures(returns, "2023-24", ["cla_31_march"], [later], today=today)
    assert (alone.values, alone.warnings) == ((), (warning,))
    readings = ssda903_readings(returns, [CLA], (), [earlier, later], today=today)
    assert [str(r.period) for r in readings.readings] == ["2023-24 Q3"]
    assert warning in readings.warnings
    assert still_to_come(today, today) is None


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def test_the_command_line_skips_a_year_not_yet_ended(tmp_path: Path) -> None:
    # 2099-00 ends on 31 March 2100: in progress on whatever day this runs.
    made = run("ssda903", "synthesise", "-n", "30", "-k", "2", "--last-year", "2099-00",
               "-o", str(tmp_path))
    assert made.exit_code == 0, made.output
    result = run("ssda903", "measures", str(tmp_path), "-y", "2099-00", "-m",
                 "cla_31_march", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == []
    assert "it is an extract taken before the year's end, so no figure for the year " \
        "2099-00 is computed from it" in result.stderr
    days = run("ssda903", "measures", str(tmp_path), "-y", "2099-00", "-m",
               "cla_31_march", "--as-at", "2099-06-30", "-f", "csv")
    # Its month ends are taken up to today (with today injected, above); a day still
    # to come is not, and the command says why.
    assert days.exit_code == 0, days.output
    assert days.stdout.splitlines()[1:] == []
    assert "the day 2099-06-30 is after today" in days.stderr
    assert "no figure is taken at a day still to come" in days.stderr
