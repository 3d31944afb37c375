"""`corpparent validate`: every problem of every file, one a line; exit 2 if any."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.obligations import obligations_to_data
from corpparent.plugins import load_profile
from national_data import NATIONAL_DATA
from reports_support import COMPARATORS, INDICATORS_PY, READINGS, wiltshire_set
from workbooks import WRITERS

INDICATORS = f"{INDICATORS_PY}:wiltshire_indicators"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def test_good_files_each_get_one_line() -> None:
    result = run("validate", "-i", INDICATORS, str(READINGS), str(COMPARATORS))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"ok: {READINGS}: ")
    assert lines[0].endswith(f"of {len(wiltshire_set())} indicators")
    assert lines[1] == f"ok: {COMPARATORS}: 4 comparators, 16 values"  # 002 §32-§48 tables


def test_every_problem_is_listed_with_file_row_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "readings.csv"
    bad.write_text("indicator,period,value\nno_such,2022-23 Q4,5\n"
                   "children_in_care,Q4 2023,1\nchildren_in_care,2022-23 Q3,lots\n",
                   encoding="utf-8")
    result = run("validate", "-i", INDICATORS, str(bad), str(READINGS))
    assert result.exit_code == 2
    problems = result.stderr.splitlines()
    assert [p.split(":")[0] for p in problems] == [
        f"{bad}, line 2, field 'indicator'", f"{bad}, line 3, field 'period'",
        f"{bad}, line 4, field 'value'",
    ]
    assert f"ok: {READINGS}" in result.stdout  # the good file is still checked


def test_readings_without_indicators_are_checked_for_shape(tmp_path: Path) -> None:
    bad = tmp_path / "readings.csv"
    bad.write_text("indicator,period,value\nanything,2022-23 Q5,5\n", encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 2
    assert f"{bad}, line 2, field 'period'" in result.stderr
    assert "not checked" in run("validate", str(READINGS)).stdout


def test_a_json_report_is_checked_against_the_model(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    made = run("scorecard", str(READINGS), "-i", INDICATORS, "-p", "2022-23 Q4", "-f", "json",
               "-o", str(report))
    assert made.exit_code == 0, made.output
    assert run("validate", str(report)).exit_code == 0
    document = json.loads(report.read_text(encoding="utf-8"))
    document["indicators"][0]["status"] = "fine"
    text = json.dumps(document, indent=2)
    report.write_text(text, encoding="utf-8")
    result = run("validate", str(report))
    assert result.exit_code == 2
    line = next(number for number, written in enumerate(text.splitlines(), start=1)
                if '"fine"' in written)
    assert f"{report}, line {line}, field 'indicators[0].status': expected one of" in (
        result.stderr)


@pytest.mark.parametrize(
    ("content", "suffix", "fragment"),
    [("a,b\n1,2\n", ".csv", "cannot tell what kind"), ("[1, 2", ".json", "line 1: invalid JSON")],
)
def test_unrecognised_files_exit_2(tmp_path: Path, content: str, suffix: str,
                                   fragment: str) -> None:
    odd = tmp_path / f"odd{suffix}"
    odd.write_text(content, encoding="utf-8")
    result = run("validate", str(odd))
    assert result.exit_code == 2
    assert fragment in result.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "absent.csv"))
    assert result.exit_code == 2
    assert "file not found" in result.stderr


def test_help_shows_examples() -> None:
    result = run("validate", "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout


def test_governance_and_obligation_files_are_told_apart_and_checked(tmp_path: Path) -> None:
    data = READINGS.parent
    obligations = load_profile("wiltshire").obligations
    own = tmp_path / "obligations.json"
    own.write_text(json.dumps(obligations_to_data(obligations)), encoding="utf-8")
    files = [data / "staffordshire_2019-20_meetings.csv",
             data / "staffordshire_2019-20_membership.json",
             data / "wiltshire_submissions_2022-23.csv", own]
    result = run("validate", *map(str, files))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith(": 9 meetings")  # "met 9 times" in 2019-20 (004 §13)
    assert lines[1].endswith(" members")
    assert lines[2].endswith(" log entries")
    assert lines[3].endswith(": 4 obligations")  # 001 §6: minutes, six-monthly, annual x2


def test_bad_submissions_log_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "log.csv"
    bad.write_text("document,recipient,date\nminutes,,2022-10-07\nminutes,Full Council,"
                   "2022-11-31\n", encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 2
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == [
        f"{bad}, line 2, field 'recipient'", f"{bad}, line 3, field 'date'"]


def test_plug_in_files_are_checked(tmp_path: Path) -> None:
    shipped = READINGS.parents[2] / "src" / "corpparent" / "authorities" / "wiltshire.toml"
    result = run("validate", str(shipped))
    assert result.exit_code == 0, result.output
    assert f"(Wiltshire Council), {len(wiltshire_set())} indicators" in result.stdout
    bad = tmp_path / "plugin.toml"
    bad.write_text('format_version = 1\n[authority]\nid = "x"\n', encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 2
    assert "field 'authority.name'" in result.stderr


DFE = NATIONAL_DATA
MAPPINGS = Path(__file__).parent.parent / "src/corpparent/dfe/mappings"


@pytest.mark.national_data
def test_published_dfe_and_ofsted_files_are_recognised_and_checked() -> None:
    files = [DFE / "la_cla_placement_stability.csv", DFE / "sn_model_2025_wide.csv",
             DFE / "ofsted_ilacs_outcomes_2025-03-31.csv", DFE / "lait_data_dictionary.csv",
             MAPPINGS / "la_cla_placement_stability.toml"]
    result = run("validate", *map(str, files))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"ok: {files[0]}: 3 indicators through the mapping for la_cla_placement_stability.csv",
        f"ok: {files[1]}: the neighbours of 153 authorities",
        f"ok: {files[2]}: the inspections of 153 authorities",
        f"ok: {files[3]}: 434 measures",
        f"ok: {files[4]}: a mapping of 3 indicators from la_cla_placement_stability.csv",
    ]


@pytest.mark.national_data
def test_an_ees_file_is_read_through_the_mapping_given_for_it(tmp_path: Path) -> None:
    lines = (DFE / "la_cla_placement_stability.csv").read_text(encoding="utf-8").splitlines()
    extract = tmp_path / "placements.csv"
    extract.write_text("\n".join(lines[:400]) + "\n", encoding="utf-8")
    unmapped = run("validate", str(extract))
    assert unmapped.exit_code == 0, unmapped.output
    assert "figures not checked; give --mapping" in unmapped.stdout
    mapping = tmp_path / "placements.toml"
    shipped = (MAPPINGS / "la_cla_placement_stability.toml").read_text(encoding="utf-8")
    mapping.write_text(shipped.replace('file = "la_cla_placement_stability.csv"',
                                       'file = "placements.csv"'), encoding="utf-8")
    mapped = run("validate", "-m", str(mapping), str(extract))
    assert mapped.exit_code == 0, mapped.output
    assert mapped.stdout == f"ok: {extract}: 3 indicators through the mapping for placements.csv\n"


def test_a_header_too_long_for_csv_is_a_problem_of_line_1(tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    huge = tmp_path / "huge.csv"
    huge.write_text("indicator,period," + "v" * (limit + 1) + "\n", encoding="utf-8")
    result = run("validate", str(huge))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{huge}, line 1: not a well-formed CSV file; expected cells of at most "
        f"{limit:,} characters, found a longer one"]


def test_a_header_with_an_unclosed_quote_is_a_problem_of_line_1(tmp_path: Path) -> None:
    unclosed = tmp_path / "unclosed.csv"
    unclosed.write_text('indicator,"period,value\nchildren_in_care,2022-23,5\n',
                        encoding="utf-8")
    for args in ((), ("--kind", "readings")):
        result = run("validate", *args, str(unclosed))
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [
            f"{unclosed}, line 1: not a well-formed CSV file; expected a closing quote to "
            "a quoted cell, found the end of the file"]


def test_every_problem_of_every_mapping_file_is_listed(tmp_path: Path) -> None:
    shipped = (MAPPINGS / "la_cla_placement_stability.toml").read_text(encoding="utf-8")
    lines = shipped.splitlines()
    unnamed = next(n for n, line in enumerate(lines, start=1) if line.startswith("title = "))
    bad = tmp_path / "bad.toml"
    bad.write_text(shipped.replace(lines[unnamed - 1], "titel = 'x'"), encoding="utf-8")
    absent = tmp_path / "absent.toml"
    readings = tmp_path / "readings.csv"
    readings.write_text("indicator,period,value\nanything,2022-23 Q5,5\n", encoding="utf-8")
    result = run("validate", "-m", str(bad), "-m", str(absent), str(readings))
    assert result.exit_code == 2
    *mappings, checked = result.stderr.splitlines()
    assert [line.split("; expected one of")[0] for line in mappings] == [
        f"{bad}, line 1, field 'title': expected a value, found nothing",
        f"{bad}, line {unnamed}, field 'titel': unknown key",
        f"{absent}: file not found",
    ]
    assert checked.startswith(f"{readings}, line 2, field 'period': ")  # still checked


STAFFORDSHIRE_MEETINGS = READINGS.parent / "staffordshire_2019-20_meetings.csv"


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_meetings_in_a_workbook_are_recognised_and_read_as_their_csv(tmp_path: Path,
                                                                    suffix: str) -> None:
    """The meetings kind takes its suffixes from the formats ``read_meetings`` reads, so
    a workbook of meetings is told from its columns as its CSV is (it was refused as
    "cannot tell what kind of file this is")."""
    with STAFFORDSHIRE_MEETINGS.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    book = WRITERS[suffix](tmp_path / f"meetings{suffix}", rows)
    result = run("validate", str(book))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"ok: {book}: 9 meetings\n"  # "met 9 times" in 2019-20 (004 §13)
    assert read_meetings(book) == read_meetings(STAFFORDSHIRE_MEETINGS)


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_a_bad_date_in_a_workbook_of_meetings_names_its_cell(tmp_path: Path,
                                                             suffix: str) -> None:
    rows = [["date", "member", "attendance"], ["2019-05-20", "Gill Burnett", "present"],
            ["2019-05-32", "Gill Burnett", "present"]]
    book = WRITERS[suffix](tmp_path / f"meetings{suffix}", rows)
    result = run("validate", str(book))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{book}, line 3, field 'date (Sheet1!A3)': ")


# --- an SSDA903 return --------------------------------------------------------------

SSDA903 = Path(__file__).resolve().parent.parent / "examples" / "data" / "ssda903"


def _broken_return(root: Path) -> Path:
    """The example return with three problems of three kinds: a date, a sex code and
    an OC2 code, each in its own table of the 2023-24 folder."""
    import shutil

    folder = root / "returns"
    shutil.copytree(SSDA903, folder)
    year = folder / "2023-24"
    for name, old, new in (("Episodes.csv", "SYN01,10/06/2020", "SYN01,2020-06-10"),
                           ("Header.csv", "SYN02,2,", "SYN02,7,"),
                           ("OC2.csv", "0,,1,1,1,0", "0,,7,1,1,0")):
        text = (year / name).read_text(encoding="utf-8")
        assert old in text
        (year / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_a_return_is_checked_as_the_hint_of_other_commands_says(tmp_path: Path) -> None:
    folder = _broken_return(tmp_path)
    measured = run("ssda903", "measures", str(folder), "-y", "2023-24")
    assert measured.exit_code == 2
    assert "(and 2 more problems; 'corpparent validate' lists them all)" in measured.stderr
    # The folder of years, the year's folder and its tables each list all three.
    year = folder / "2023-24"
    for paths in ([folder], [year], sorted(year.glob("*.csv"))):
        checked = run("validate", "--all-problems", *map(str, paths))
        assert checked.exit_code == 2, checked.output
        found = checked.stderr.splitlines()
        assert len(found) == 3, found
        assert [line.split(",")[0] for line in found] == [
            str(year / "Episodes.csv"), str(year / "Header.csv"), str(year / "OC2.csv")]
        assert "line 2, field 'DECOM'" in found[0]
    good = run("validate", str(SSDA903), str(SSDA903 / "2023-24" / "OC3.csv"))
    assert good.exit_code == 0, good.output
    assert good.stdout.splitlines() == [
        f"ok: {SSDA903}: an SSDA903 return of 2 years, 2022-23 to 2023-24: 8 tables, "
        "60 rows",
        f"ok: {SSDA903 / '2023-24' / 'OC3.csv'}: the OC3 table of an SSDA903 return, 6 rows"]


def test_a_return_as_xml_is_checked(tmp_path: Path) -> None:
    made = run("ssda903", "synthesise", "-n", "20", "-k", "1", "--last-year", "2023-24",
               "-f", "xml", "-o", str(tmp_path))
    assert made.exit_code == 0, made.output
    [xml] = sorted(tmp_path.rglob("*.xml"))
    checked = run("validate", str(xml))
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.startswith(f"ok: {xml}: an SSDA903 return of 2023-24: ")
    text = xml.read_text(encoding="utf-8")
    xml.write_text(text.replace("<SEX>", "<SEX>9", 1), encoding="utf-8")
    refused = run("validate", str(xml))
    assert refused.exit_code == 2
    assert "SEX" in refused.stderr
