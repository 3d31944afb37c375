"""Clean downloads of a benchmark: a CSV any reader takes with no options, its figures
rounded as the DfE publishes them, the provenance beside it (a file beside a CSV, a
sheet of a workbook), and Parquet whose schema is the same whatever the rows."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pandas
import polars
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.dfe.national_inputs import benchmark_national
from corpparent.files.dfe.national_package import read_national_inputs, shipped_folder
from corpparent.report.backends.data import write_parquet
from corpparent.report.benchmark import BenchmarkPage, benchmark_report, published_figure
from corpparent.report.formats import RenderOptions
from corpparent.report.output import finish
from corpparent.report.provenance import make_provenance

#: The columns holding figures of the measure, each rounded to its decimal places.
FIGURES = ("value", "england", "region_value", "neighbours_mean", "neighbours_median",
           "outstanding_mean", "gap_england", "gap_region", "gap_neighbours",
           "gap_outstanding", "previous_value")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["benchmark", "-a", "Wiltshire", *args])


@pytest.fixture(scope="module")
def whole_csv() -> Result:
    """Wiltshire's full benchmark (every measure's latest period) as CSV on stdout."""
    result = run("-f", "csv")
    assert result.exit_code == 0, result.output
    return result


def _dictionary_places() -> dict[str, int | None]:
    """Each measure's decimal places as the shipped dictionary gives them."""
    with (shipped_folder() / "lait_data_dictionary.csv").open(encoding="utf-8",
                                                              newline="") as handle:
        return {row["Measure_short"]: None if row["dps"] == "NA" else int(row["dps"])
                for row in csv.DictReader(handle)}


def test_pandas_and_polars_read_the_csv_with_no_options(whole_csv: Result) -> None:
    text = whole_csv.stdout
    assert not any(line.startswith("#") for line in text.splitlines())
    frame = pandas.read_csv(io.StringIO(text))
    other = polars.read_csv(io.BytesIO(text.encode("utf-8")))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(frame) == len(other) == len(rows) > 400
    assert list(frame.columns) == other.columns == list(rows[0])
    assert {"direction", "travel", "polarity", "decimals"} <= set(frame.columns)
    assert str(frame["rank"].dtype).startswith(("int", "Int", "float"))
    # The sources are not in the table, but a reader at a terminal still sees them.
    assert "Open Government Licence v3.0" in whole_csv.stderr


def test_figures_are_the_engines_to_the_published_decimal_places(whole_csv: Result) -> None:
    """Each figure is within half a unit of the last published place of the engine's
    own figure, and carries no more places than the dictionary gives; a measure the
    dictionary gives no places keeps the engine's figure, without its binary noise."""
    places = _dictionary_places()
    engine = {(r["measure"], r["period"]): r for r in benchmark_national(
        read_national_inputs()).authority("Wiltshire").to_pylist()}
    checked = 0
    for row in csv.DictReader(io.StringIO(whole_csv.stdout)):
        own = engine[(row["measure"], row["period"])]
        dps = places[row["measure"]]
        assert row["decimals"] == ("" if dps is None else str(dps))
        for name in FIGURES:
            text, expected = row[name], own[name]
            if expected is None:
                assert text == ""
                continue
            shown = float(text)
            if dps is None:
                assert math.isclose(shown, expected, rel_tol=1e-11, abs_tol=1e-11)
            else:
                assert abs(shown - expected) <= 0.5 * 10 ** -dps + 1e-9, (name, row)
                assert -Decimal(text).as_tuple().exponent <= max(dps, 1), (name, text)
            assert len(text.lstrip("-").replace(".", "").lstrip("0")) <= 13, text
            checked += 1
    assert checked > 2000


def test_published_figure_rounds_fives_up_as_the_dfe_does() -> None:
    """The DfE's rule (dfeR's round_five_up, whose tests these cases follow): a five is
    rounded away from zero, on the figure as written."""
    assert published_figure(2.85, 1) == 2.9
    assert published_figure(2.5, 0) == 3
    assert published_figure(-2.5, 0) == -3
    assert published_figure(2.675, 2) == 2.68  # binary 2.67499999...
    assert published_figure(98.71000000000001, 2) == 98.71
    assert published_figure(283.234, 0) == 283
    assert published_figure(12.299999999999999, None) == 12.3
    assert str(published_figure(-0.001, 2)) == "0.0"


def test_an_output_file_gets_its_provenance_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "wiltshire.csv"
    result = run("-m", "LAC_LongStable%", "-f", "csv", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "Open Government Licence" not in result.stderr  # written beside, not shown
    assert f"wrote {tmp_path / 'wiltshire-provenance.csv'}" in result.stderr
    frame = pandas.read_csv(target)
    assert len(frame) == 1
    beside = pandas.read_csv(tmp_path / "wiltshire-provenance.csv")
    items = dict(zip(beside["item"], beside["text"], strict=False))
    sources = " ".join(beside[beside["item"] == "source"]["text"])
    assert "Open Government Licence v3.0" in sources
    assert "published 25 September 2025" in sources
    assert items["option authority"] == "Wiltshire"
    assert items["corpparent version"]
    assert not (tmp_path / "wiltshire.provenance.json").exists()


def _empty_report_parquet() -> Any:
    page = BenchmarkPage("Wiltshire", "865", "sn_model_2025_wide.csv", ("a source",), [])
    report = finish(benchmark_report(page, make_provenance()), "parquet")
    return pq.read_table(io.BytesIO(write_parquet(report, RenderOptions())))


def test_parquet_keeps_one_schema_whatever_the_rows(tmp_path: Path) -> None:
    target = tmp_path / "wiltshire.parquet"
    assert run("-m", "LAC_LongStable%", "--all-periods", "-f", "parquet",
               "-o", str(target)).exit_code == 0
    full = pq.read_table(target)
    one = tmp_path / "one.parquet"
    assert run("-m", "LAC_LongStable%", "-f", "parquet", "-o", str(one)).exit_code == 0
    empty = _empty_report_parquet()
    assert full.num_rows > 1
    assert empty.num_rows == 0
    assert full.schema.remove_metadata() == empty.schema.remove_metadata()
    assert pq.read_table(one).schema.remove_metadata() == full.schema.remove_metadata()
    types = {field.name: str(field.type) for field in full.schema}
    assert types["rank"] == types["ranked"] == types["decimals"] == types["year"] == "int64"
    assert types["release"] == "string"
    assert types["value"] == types["neighbours_mean"] == "double"
    assert types["outstanding_as_at"] == "date32[day]"
    assert types["measure"] == types["travel"] == "string"
    assert full.column("outstanding_as_at").to_pylist()[-1] == date(2025, 3, 31)
    provenance = pq.read_table(tmp_path / "wiltshire-provenance.parquet").to_pylist()
    assert any("Open Government Licence" in row["text"] for row in provenance)


def test_the_workbook_has_its_provenance_sheet_and_typed_cells(tmp_path: Path) -> None:
    target = tmp_path / "wiltshire.xlsx"
    assert run("-m", "LAC_LongStable%", "--all-periods", "-f", "xlsx",
               "-o", str(target)).exit_code == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["About", "benchmark", "provenance"]
    sheet = book["benchmark"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (cell.value for cell in line), strict=True))
            for line in sheet.iter_rows(min_row=2)]
    expected = json.loads(run("-m", "LAC_LongStable%", "--all-periods", "-f",
                              "json").stdout)["rows"]
    assert [r["rank"] for r in rows] == [r["rank"] for r in expected]
    assert all(isinstance(r["rank"], int) for r in rows if r["rank"] is not None)
    assert [r["year"] for r in rows] == [r["year"] for r in expected]
    assert all(isinstance(r["year"], int) for r in rows)
    assert rows[-1]["outstanding_as_at"].date() == date(2025, 3, 31)
    texts = [line[3].value for line in book["provenance"].iter_rows(min_row=2)]
    assert any("Open Government Licence v3.0" in str(text) for text in texts)


def test_every_table_declares_a_type_for_every_column() -> None:
    """A scorecard's tables, as a benchmark's, declare their columns' types, so a file
    that keeps types has the same schema whatever the rows."""
    from corpparent.report.tables import TYPES, tidy_tables
    from reports_support import wiltshire_report

    for table in tidy_tables(wiltshire_report()):
        assert len(table.types) == len(table.columns), table.name
        assert set(table.types) <= set(TYPES.values())
