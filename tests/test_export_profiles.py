"""Exports carry their profile: every table, workbook, Parquet file and Word paper says in
the file who it is for, an internal one that it is not for publication; and a public
profile withholds from the tables exactly what it withholds from the web page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.report import finish, render
from corpparent.report.backends.spreadsheets import ABOUT_SHEET, metadata_key
from corpparent.report.output import render_binary
from corpparent.report.profiles import PROFILES, banner, default_profile
from corpparent.report.tables import tidy_tables
from reports_support import READINGS, count_report, wiltshire_report

NOT_FOR_PUBLICATION = "Not for publication"


def _scorecard(*options: str) -> Result:
    result = CliRunner().invoke(cli, ["scorecard", str(READINGS), "-a", "wiltshire", "-p",
                                      "2022-23 Q4", *options])
    assert result.exit_code == 0, result.output
    return result


def test_the_tables_default_to_internal_and_the_papers_to_public() -> None:
    """Spreadsheets are the analysts' working copies inside the council; papers may be
    published. The defaults stay so: each file now says which it is."""
    assert {f: default_profile(f) for f in ("csv", "xlsx", "parquet", "json", "terminal")} \
        == dict.fromkeys(("csv", "xlsx", "parquet", "json", "terminal"), "internal")
    assert {default_profile(f) for f in ("html", "markdown", "docx")} == {"public"}


@pytest.mark.parametrize("profile", PROFILES)
def test_every_row_of_every_table_names_its_profile(profile: str) -> None:
    report = finish(wiltshire_report(), "csv", profile=profile)  # type: ignore[arg-type]
    for table in tidy_tables(report):
        assert table.columns[0] == "profile"
        assert {row[0] for row in table.rows} <= {profile}
    frame = pd.read_csv(io.StringIO(render(report, "csv")))  # read as it is, no options
    assert list(frame.columns[:3]) == ["profile", "publication", "authority"]
    assert set(frame["profile"]) == {profile}
    assert len(frame) == len(tidy_tables(report)[0].rows)


def test_an_internal_workbook_says_not_for_publication_on_its_first_sheet() -> None:
    report = finish(wiltshire_report(), "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(render_binary(report, "xlsx")))
    assert book.sheetnames[0] == ABOUT_SHEET
    about = {row[0].value: row[1].value for row in book[ABOUT_SHEET].iter_rows()}
    assert about["Profile"] == "internal"
    assert NOT_FOR_PUBLICATION in about["Who it is for"]
    assert about["Who it is for"] == banner("internal", report.suppression)
    assert (book.properties.category, book.properties.keywords) == (
        "internal", "profile: internal")
    assert NOT_FOR_PUBLICATION in (book.properties.description or "")
    assert book.properties.title == report.title


def test_a_public_workbook_states_its_suppression() -> None:
    report = finish(count_report({"Q1": 2, "Q2": 7, "Q3": 4, "Q4": 8}), "xlsx",
                    profile="public")
    book = openpyxl.load_workbook(io.BytesIO(render_binary(report, "xlsx")))
    about = {row[0].value: row[1].value for row in book[ABOUT_SHEET].iter_rows()}
    assert about["Profile"] == "public"
    assert about["Who it is for"].startswith("For publication. Counts of fewer than 6")
    assert about["Withheld figures"] == report.suppression.footnote
    assert NOT_FOR_PUBLICATION not in about["Who it is for"]


def test_a_parquet_file_names_its_profile_in_its_metadata_and_column() -> None:
    report = finish(wiltshire_report(), "parquet")
    table = pq.read_table(io.BytesIO(render_binary(report, "parquet")))
    metadata = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    assert metadata[metadata_key("Profile")] == "internal"
    assert NOT_FOR_PUBLICATION in metadata["corpparent.who_it_is_for"]
    assert set(table.column("profile").to_pylist()) == {"internal"}


@pytest.mark.parametrize(("profile", "publication"), [("internal", False),
                                                      ("private", False),
                                                      ("public", True)])
def test_a_word_paper_says_who_it_is_for_in_its_header_and_properties(
    profile: str, publication: bool
) -> None:
    report = finish(wiltshire_report(), "docx", profile=profile)  # type: ignore[arg-type]
    paper = docx.Document(io.BytesIO(render_binary(report, "docx")))
    said = banner(report.profile, report.suppression)
    assert (NOT_FOR_PUBLICATION.lower() in said.lower()) is not publication
    assert paper.paragraphs[1].text == said  # the banner under the title, as before
    for section in paper.sections:  # portrait and landscape pages alike
        assert section.header.paragraphs[0].text == said
    core = paper.core_properties
    assert (core.category, core.keywords, core.comments) == (
        profile, f"profile: {profile}", said)


def test_public_tables_from_the_command_line_withhold_what_the_page_withholds(
    tmp_path: Path,
) -> None:
    """``-f csv --profile public`` and ``-f xlsx --profile public`` withhold the same
    figures as the HTML paper, whose report is the public JSON."""
    page = json.loads(_scorecard("-f", "json", "--profile", "public").stdout)
    withheld = {(i["id"], p["period"]) for i in page["indicators"] for p in i["trend"]
                if p["value"] is None}
    assert withheld, "the Wiltshire readings have no small count to withhold"
    rows = list(csv.DictReader(io.StringIO(
        _scorecard("-f", "csv", "--profile", "public").stdout)))
    assert {(r["indicator_id"], r["period"]) for r in rows if r["value"] == ""} >= withheld
    assert {r["profile"] for r in rows} == {"public"}
    shown = {(r["indicator_id"], r["period"]): float(r["value"]) for r in rows if r["value"]}
    published = {(i["id"], p["period"]): p["value"] for i in page["indicators"]
                 for p in i["trend"] if p["value"] is not None}
    assert shown == published
    book_path = tmp_path / "public.xlsx"
    _scorecard("--profile", "public", "-o", str(book_path))
    sheet = openpyxl.load_workbook(book_path)["indicators"]
    header, *cells = [[c.value for c in row] for row in sheet.iter_rows()]
    records = [dict(zip(header, row, strict=True)) for row in cells]
    assert {(r["indicator_id"], r["period"]): r["value"] for r in records
            if r["value"] is not None} == published


def test_the_tables_written_beside_a_csv_name_their_profile(tmp_path: Path) -> None:
    out = tmp_path / "w.csv"
    _scorecard("-o", str(out))
    for path in sorted(tmp_path.glob("w*.csv")):
        frame = pd.read_csv(path)
        assert set(frame["profile"]) == {"internal"}, path.name
