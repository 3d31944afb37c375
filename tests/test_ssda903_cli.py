"""``corpparent ssda903 measures`` and the run behind it, on the example return."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.files import read_returns
from corpparent.runs.ssda903 import ssda903_measures
from corpparent.ssda903 import MEASURES, Return, Returns

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "ssda903"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def test_writes_every_measure_as_json() -> None:
    result = run("ssda903", "measures", str(EXAMPLE), "--year", "2023-24", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [row["measure"] for row in rows] == list(MEASURES)
    # The example's children, worked by hand in docs/ssda903.md: 1 of the 5 children
    # looked after at 31 March had three placements in the year.
    assert rows[3] == {"profile": "internal", "publication": "not for publication",
                       "measure": "placements_3plus", "year": "2023-24",
                       "as_at": "2024-03-31", "numerator": 1, "denominator": 5,
                       "value": 20.0, "short_history": None}


def test_writes_the_measures_asked_for_as_csv_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "measures.csv"
    result = run("ssda903", "measures", str(EXAMPLE / "2023-24"), "-y", "2023-24",
                 "-m", "starts", "-m", "missing_incidents", "-f", "csv", "-o", str(target))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    about = {"profile": "internal", "publication": "not for publication"}
    assert rows == [
        {**about, "measure": "starts", "year": "2023-24", "as_at": "2024-03-31",
         "numerator": "2", "denominator": "", "value": "2.0", "short_history": ""},
        {**about, "measure": "missing_incidents", "year": "2023-24", "as_at": "2024-03-31",
         "numerator": "3", "denominator": "2", "value": "1.5", "short_history": ""}]


def test_writes_a_markdown_table_by_default() -> None:
    result = run("ssda903", "measures", str(EXAMPLE), "--year", "2023-24")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "| oc2_health_check | 2023-24 | 2024-03-31 | 2 | 3 | 66.67 |  |" in lines
    assert lines[0].startswith("Internal working copy for officers. Not for publication.")


def test_bad_input_is_one_line_and_exit_code_2(tmp_path: Path) -> None:
    result = run("ssda903", "measures", str(tmp_path), "--year", "2023-24")
    assert result.exit_code == 2
    assert "the 2023-24 return has no Header table" in result.stderr
    unknown = run("ssda903", "measures", str(EXAMPLE), "--year", "2023-24", "-m", "nope")
    assert unknown.exit_code == 2
    assert "no SSDA903 measure 'nope'" in unknown.stderr


def test_a_measure_left_out_is_a_warning_not_a_zero() -> None:
    found = read_returns(EXAMPLE)["2023-24"]
    without = Returns([Return(found.year, {name: table for name, table in
                                           found.tables.items() if name != "OC2"})])
    run_ = ssda903_measures(without, "2023-24")
    assert "oc2_health_check" not in [v.measure for v in run_.values]
    assert [str(w) for w in run_.warnings][:3] == [
        f"{m} needs the OC2 table, which the 2023-24 return lacks: not computed"
        for m in ("oc2_health_check", "oc2_immunisations", "oc2_teeth_check")]
    # The 2023-24 return alone shows SYN08 only from June 2022 (docs/ssda903.md).
    [stability] = run_.warnings[3:]
    assert str(stability).startswith(
        "the long_term_stability figure at 2024-03-31 needs each child's care since "
        "2021-09-30 (30 months before): children looked after that day were in care ")


def test_takes_the_measures_at_each_day_asked_for() -> None:
    result = run("ssda903", "measures", str(EXAMPLE), "-y", "2023-24", "--as-at",
                 "2023-09-30", "--as-at", "2023-12-31", "-m", "cla_31_march",
                 "-m", "long_term_stability", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = [(r["as_at"], r["measure"], r["numerator"], r["denominator"])
            for r in json.loads(result.stdout)]
    # Worked in docs/ssda903.md: on 30 September 2023, SYN01, SYN05 and SYN06 have been
    # looked after since 30 March 2021 and stayed put since 30 September 2021; on 31
    # December SYN08 (since May 2021) joins them, moved in June 2022.
    assert rows == [("2023-09-30", "cla_31_march", 6, None),
                    ("2023-09-30", "long_term_stability", 3, 3),
                    ("2023-12-31", "cla_31_march", 7, None),
                    ("2023-12-31", "long_term_stability", 3, 4)]


def test_a_day_outside_the_year_is_one_line_and_exit_code_2() -> None:
    result = run("ssda903", "measures", str(EXAMPLE), "-y", "2023-24", "--as-at",
                 "2024-04-30")
    assert result.exit_code == 2
    assert "the day 2024-04-30 is not in the collection year 2023-24" in result.stderr
