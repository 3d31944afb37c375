"""An OpenDocument spreadsheet's date cells (``office:value-type="date"``) are read as
dates, as an Excel workbook's are: a quarter's last day is its quarter by the column's
rule or by ``--periods``, and a date cell whose style shows a month and a year alone
(``Apr-21``) is that month."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from corpparent import DataError, read_readings
from corpparent.cli import cli
from corpparent.periods import FinancialQuarter, Month, Period
from corpparent.plugins import load_profile

DATA = Path(__file__).resolve().parent.parent / "examples" / "data"
INDICATORS = load_profile("wiltshire").indicators
NAMESPACES = " ".join(f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}"'
                      for prefix, name in (("office", "office:1.0"), ("table", "table:1.0"),
                                           ("text", "text:1.0"), ("style", "style:1.0"),
                                           ("number", "datastyle:1.0")))
#: A date style showing the day, and one showing the month and year alone.
STYLES = (
    '<number:date-style style:name="N1"><number:day/><number:text>/</number:text>'
    '<number:month/><number:text>/</number:text><number:year/></number:date-style>'
    '<number:date-style style:name="N2"><number:month number:textual="true"/>'
    "<number:text>-</number:text><number:year/></number:date-style>"
    '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
    '<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>')


MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>")


def text(value: str) -> str:
    return (f'<table:table-cell office:value-type="string"><text:p>{value}</text:p>'
            "</table:table-cell>")


def date(value: str, style: str | None = "ce1") -> str:
    named = "" if style is None else f' table:style-name="{style}"'
    return (f'<table:table-cell{named} office:value-type="date" office:date-value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>")


def ods(path: Path, periods: list[str], columns: str = "") -> Path:
    """A readings sheet whose period cells are ``periods`` (cells' XML), under
    ``columns`` (the table's column elements)."""
    rows = [[text("indicator"), text("period"), text("value")],
            *([text("children_in_care"), period, text(str(400 + n))]
              for n, period in enumerate(periods))]
    body = "".join("<table:table-row>" + "".join(row) + "</table:table-row>" for row in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} '
               f'office:version="1.2"><office:automatic-styles>{STYLES}'
               "</office:automatic-styles><office:body><office:spreadsheet>"
               f'<table:table table:name="Readings">{columns}{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    return path


def periods_of(path: Path, **options: str) -> list[Period]:
    return [r.period for r in read_readings(path, INDICATORS, **options)]


@pytest.mark.parametrize(("workbook", "tidy"), [
    ("wiltshire_readings_2022-23_dates.ods", "wiltshire_readings_2022-23.csv"),
    ("wiltshire_health_assessments_monthly_illustrative.ods",
     "wiltshire_health_assessments_monthly_illustrative.csv"),
])
def test_the_example_ods_workbooks_give_the_csvs_readings(workbook: str, tidy: str) -> None:
    with zipfile.ZipFile(DATA / workbook) as archive:
        assert 'office:value-type="date"' in archive.read("content.xml").decode()
    assert set(read_readings(DATA / workbook, INDICATORS)) == set(
        read_readings(DATA / tidy, INDICATORS))


def test_a_lone_quarter_end_date_cell_is_read_by_the_periods_option(tmp_path: Path) -> None:
    path = ods(tmp_path / "one.ods", [date("2023-03-31")])
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS)
    [problem] = caught.value.problems
    assert (problem.line, problem.found) == (2, "'2023-03-31'")
    assert "--periods quarter-end" in str(problem.fix)
    assert periods_of(path, periods="quarter-end") == [FinancialQuarter(2022, 4)]
    assert periods_of(path, periods="month-end") == [Month(2023, 3)]
    runner = CliRunner()
    assert runner.invoke(cli, ["validate", "-a", "wiltshire", str(path)]).exit_code == 2
    read = runner.invoke(cli, ["validate", "-a", "wiltshire", "--periods", "quarter-end",
                               str(path)])
    assert read.exit_code == 0, read.output


def test_a_date_cell_shown_as_its_month_is_that_month(tmp_path: Path) -> None:
    """The same cell, 1 January 2025: shown ``Jan-25`` it is January, by its own style or
    its column's; shown as a day it stands for no one period."""
    assert periods_of(ods(tmp_path / "a.ods", [date("2025-01-01", "ce2")])) == [
        Month(2025, 1)]
    column = ('<table:table-column table:number-columns-repeated="1"/>'
              '<table:table-column table:default-cell-style-name="ce2"/>')
    assert periods_of(ods(tmp_path / "b.ods", [date("2025-01-01", None)], column)) == [
        Month(2025, 1)]
    with pytest.raises(DataError) as caught:
        read_readings(ods(tmp_path / "c.ods", [date("2025-01-01")]), INDICATORS)
    assert caught.value.problems[0].found == "'2025-01-01'"


def test_a_date_cell_with_a_time_of_day_is_refused_not_cut_to_its_day(tmp_path: Path
                                                                      ) -> None:
    path = ods(tmp_path / "t.ods", [date("2022-06-30T09:30:00"), date("2022-09-30")])
    with pytest.raises(DataError) as caught:
        read_readings(path, INDICATORS, periods="quarter-end")
    [problem] = caught.value.problems
    assert problem.line == 2
    assert "a date and time (09:30:00)" in problem.note


@settings(max_examples=40)
@given(st.sets(st.integers(0, 60), min_size=2, max_size=8), st.booleans())
def test_quarter_end_date_cells_read_as_their_quarters(numbers: set[int], stated: bool
                                                       ) -> None:
    import tempfile

    quarters = [FinancialQuarter(2015 + n // 4, n % 4 + 1) for n in sorted(numbers)]
    options = {"periods": "quarter-end"} if stated else {}
    with tempfile.TemporaryDirectory() as folder:
        path = ods(Path(folder) / "q.ods", [date(q.end.isoformat()) for q in quarters])
        assert periods_of(path, **options) == quarters
    assert all(isinstance(q.end, dt.date) for q in quarters)
