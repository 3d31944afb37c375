"""`corpparent benchmark`: one authority on LAIT's measures, from the shipped files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.files.dfe.national_package import shipped_folder
from national_data import NATIONAL_DATA

MEASURE = "LAC_LongStable%"  # polarity High in the dictionary


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["benchmark", *args], prog_name="corpparent")


def _expected_rank() -> str:
    """Wiltshire's 2025 rank on the measure, worked out from the shipped parquet: one
    more than the authorities with a higher value, of those with a number."""
    table = pq.read_table(shipped_folder() / "lait_bds_long.parquet").to_pylist()
    values = {}
    for row in table:
        if (row["Short Desc"], row["Years"]) == (MEASURE, "2025") and \
                row["LA Number"] < 970 and row["Values"] != "-":
            values[int(row["LA Number"])] = float(row["Values"])
    own = values[865]
    return f"{1 + sum(v > own for v in values.values())} of {len(values)}"


@pytest.mark.parametrize("output_format", ["terminal", "markdown", "json", "html", "csv"])
def test_every_format_shows_rank_band_and_publication_dates(output_format: str) -> None:
    result = run("-a", "Wiltshire", "-m", MEASURE, "-f", output_format)
    assert result.exit_code == 0, result.output
    text = result.stdout
    # The terminal wraps long lines; a CSV's sources go to standard error, not into it.
    words = " ".join((result.stderr if output_format == "csv" else text).split())
    assert "Open Government Licence v3.0" in words
    assert "published 25 September 2025" in words
    assert "published 8 April 2026" in words
    if output_format == "json":
        (row,) = json.loads(text)["rows"]
        assert f"{row['rank']} of {row['ranked']}" == _expected_rank()
        assert row["band"] in "ABCD"
    elif output_format == "csv":
        (row,) = csv.DictReader(io.StringIO(text))
        assert f"{row['rank']} of {row['ranked']}" == _expected_rank()
    else:
        assert _expected_rank() in words


def test_by_code_and_chosen_periods() -> None:
    result = run("-a", "865", "-m", MEASURE, "-p", "2023", "-p", "2023-24", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["rows"]
    assert [r["year"] for r in rows] == [2023, 2024]
    every = json.loads(run("-a", "E06000054", "-m", MEASURE, "--all-periods",
                           "-f", "json").stdout)["rows"]
    assert len(every) > 2
    assert {r["authority"] for r in every} == {"Wiltshire"}


def test_writes_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "wiltshire.html"
    result = run("-a", "Wiltshire", "-m", MEASURE, "-f", "html", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "<table " in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "message"), [
    (("-a", "Atlantis"), "no area is called or coded 'Atlantis'"),
    (("-a", "Wiltshire", "-m", "NOPE"), "no LAIT measure 'NOPE'"),
    (("-a", "Wiltshire", "-m", MEASURE, "-p", "1999"), "no values for Wiltshire"),
])
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.national_data
def test_reads_a_newer_folder_and_names_its_files() -> None:
    result = run("-a", "Cumbria", "-m", MEASURE, "--data", str(NATIONAL_DATA),
                 "--neighbours", "2021", "-f", "markdown")
    assert result.exit_code == 0, result.output
    text = result.stdout.replace("\\", "")  # Markdown escapes the underscores
    assert "lait_bds_long.parquet (file dated" in text
    assert "New_Statistical_Neighbour_Groupings_April_2021.csv" in text


def test_help_and_import_load_neither_numpy_nor_pyarrow() -> None:
    code = ("import sys, corpparent, corpparent.cli\n"
            "from click.testing import CliRunner\n"
            "CliRunner().invoke(corpparent.cli.cli, ['--help'])\n"
            "CliRunner().invoke(corpparent.cli.cli, ['benchmark', '--help'])\n"
            "print(sorted(m for m in ('numpy', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_a_data_folder_missing_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "lait_bds_long.parquet").write_bytes(
        (shipped_folder() / "lait_bds_long.parquet").read_bytes())
    result = run("-a", "Wiltshire", "--data", str(tmp_path))
    assert result.exit_code == 2
    assert "lacks lait_data_dictionary.csv" in result.stderr
    assert "ofsted_ilacs_outcomes_2025-03-31.csv" in result.stderr


def _outstanding_columns(*args: str) -> list[tuple[str, str | None, int | None]]:
    result = run("-a", "Wiltshire", "-m", MEASURE, "--all-periods", "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return [(r["period"], r["outstanding_as_at"], r["outstanding_unknown"])
            for r in json.loads(result.stdout)["rows"]]


def _inspected() -> list[date]:
    """The day each authority's latest inspection took place, from the shipped file:
    Ofsted's release dates an inspection by it, not by its report."""
    with (shipped_folder() / "ofsted_ilacs_outcomes_2025-03-31.csv").open(
            encoding="utf-8-sig", newline="") as handle:
        return [date.fromisoformat(r["Inspection date"]) for r in csv.DictReader(handle)]


def test_each_period_is_compared_with_the_outstanding_group_as_at_its_end() -> None:
    """Ofsted's release gives each authority's latest inspection: a 2022-23 value is
    compared with the authorities judged Outstanding in an inspection by 31 March 2023,
    and those inspected later are not counted."""
    inspected = _inspected()
    rows = {period: (as_at, unknown) for period, as_at, unknown in _outstanding_columns()}
    assert rows["2022-23"] == ("2023-03-31", sum(d > date(2023, 3, 31) for d in inspected))
    assert rows["2024-25"] == ("2025-03-31", sum(d > date(2025, 3, 31) for d in inspected))
    markdown = run("-a", "Wiltshire", "-m", MEASURE, "-p", "2022-23", "-f", "markdown").stdout
    assert "as at its end" in markdown


def test_one_date_for_every_period() -> None:
    rows = _outstanding_columns("--outstanding-as-at", "2025-03-31")
    later = sum(d > date(2025, 3, 31) for d in _inspected())
    assert later == 0  # the release's own date: it places every authority
    assert {(as_at, unknown) for _, as_at, unknown in rows} == {("2025-03-31", later)}
    for wrong, said in (("31/03/2025", "expected a date written YYYY-MM-DD"),
                        ("2025-02-30", "2025-02-30 is no day of the calendar")):
        result = run("-a", "Wiltshire", "--outstanding-as-at", wrong)
        assert result.exit_code == 2
        assert said in result.stderr


@pytest.mark.parametrize("columns", ["80", "120", "200"])
def test_the_terminal_shows_every_figure_at_any_width(columns: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Each measure is a short block of wrapped lines: none longer than the terminal,
    and the rank, the trend and the group's date all there."""
    monkeypatch.setenv("COLUMNS", columns)
    result = run("-a", "Wiltshire", "-m", MEASURE)
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= int(columns)
    words = " ".join(result.stdout.split())
    assert _expected_rank() in words
    assert "\u2191" in words or "\u2193" in words or "no change" in words
