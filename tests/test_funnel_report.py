"""Funnel plots in the benchmark: the flag in the table, the limits in the downloads and
the chart with its words, in every format, from the one report document."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corpparent.benchmarking.funnel import Flag, FunnelRow, Kind, funnel
from corpparent.cli import cli
from corpparent.files.dfe.funnels import read_funnel_measures
from corpparent.periods import FinancialYear
from corpparent.report.document import FunnelBlock, Table
from corpparent.report.funnel import funnel_block
from corpparent.report.funnel_parts import funnel_out

MEASURES = ("-m", "LAC_LongStable%", "-m", "LAC", "-m", "CareLeaverAcc")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["benchmark", "-a", "Wiltshire", *args],
                              prog_name="corpparent")


@pytest.fixture(scope="module")
def report(national_data: Path) -> dict[str, object]:
    result = run(*MEASURES, "--ees", str(national_data), "-f", "json")
    assert result.exit_code == 0, result.output
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded


def test_each_measure_with_a_denominator_has_its_funnel_and_its_flag_in_the_row(
        national_data: Path, report: dict[str, object]) -> None:
    rows, funnels = report["rows"], report["funnels"]
    assert isinstance(rows, list)
    assert isinstance(funnels, list)
    assert {f["measure"] for f in funnels} == {"LAC_LongStable%", "LAC", "CareLeaverAcc"}
    measures = {(m.measure, m.period): m for m in read_funnel_measures(national_data)}
    for row in rows:
        expected = measures[(row["measure"], FinancialYear(2024))].funnel().point_of("865")
        assert expected is not None
        assert expected.limits is not None
        assert row["period"] == "2024-25"
        assert (row["funnel_998"], row["funnel_95"]) == (expected.flag_998.value,
                                                         expected.flag_95.value)
        assert row["funnel_upper_998"] == pytest.approx(expected.limits.upper_998, abs=1e-4)
        (drawn,) = [f for f in funnels if f["measure"] == row["measure"]]
        (own,) = [p for p in drawn["points"] if p["code"] == "865"]
        assert own["flag_998"] == row["funnel_998"]
        assert drawn["authority_code"] == "865"
        assert len(drawn["points"]) > 140
        assert len(drawn["curve"]) > 20


def test_without_ees_files_there_is_no_funnel_and_no_column() -> None:
    result = run("-m", "LAC_LongStable%", "-f", "json")
    assert result.exit_code == 0, result.output
    loaded = json.loads(result.stdout)
    assert loaded["funnels"] == []
    assert loaded["rows"][0]["funnel_998"] is None
    markdown = run("-m", "LAC_LongStable%", "-f", "markdown").stdout
    assert "funnel" not in markdown.lower()


@pytest.mark.national_data
def test_html_draws_each_funnel_with_the_authority_marked_and_words_beside_it(
        national_data: Path) -> None:
    result = run(*MEASURES, "--ees", str(national_data), "-f", "html")
    assert result.exit_code == 0, result.output
    page = result.stdout
    charts = re.findall(r'<svg class="chart funnel".*?</svg>', page, re.S)
    assert len(charts) == 3
    for chart in charts:
        assert 'role="img"' in chart
        assert chart.count('class="point chosen"') == 1
        assert re.search(r"<desc id=\"funnel-\d-d\">Wiltshire: [\d.]+", chart)
    assert "Against England (99.8% funnel)" in page
    assert "Statistically above or below England: funnel plots" in page


@pytest.mark.national_data
def test_csv_carries_both_flags_and_the_limits(national_data: Path) -> None:
    result = run(*MEASURES, "--ees", str(national_data), "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3
    for row in rows:
        assert row["funnel_998"] in ("above", "below", "within")
        assert row["funnel_95"] in ("above", "below", "within")
        assert float(row["funnel_lower_998"]) <= float(row["funnel_lower_95"]) <= float(
            row["funnel_upper_95"]) <= float(row["funnel_upper_998"])


@pytest.mark.national_data
def test_the_word_paper_draws_each_funnel_as_a_described_picture(
        national_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "wiltshire.docx"
    result = run(*MEASURES, "--ees", str(national_data), "-f", "docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    described = re.findall(r'<wp:docPr [^>]*title="([^"]*): funnel plot"', body)
    assert len(described) == 3


def test_the_words_and_table_name_the_authority_and_those_outside_the_limits() -> None:
    rows = [FunnelRow(f"LA{i}", 50, 100, code=str(i)) for i in range(20)]
    rows += [FunnelRow("High", 95, 100, code="h"), FunnelRow("Low", 5, 100, code="l"),
             FunnelRow("Withheld", None, None, "c", code="w")]
    found = funnel(rows, Kind.PROPORTION, target=50.0)
    block = funnel_block(funnel_out(found, "M", "2024-25", "3", "A measure"), "funnel-0")
    assert isinstance(block, FunnelBlock)
    assert block.caption.startswith("LA3: 50.0% of 100, within what chance allows at "
                                    "both 95% and 99.8%")
    assert block.caption.endswith(
        "1 authority not judged: no count, or no denominator above 0, published.")
    assert "1 above and 1 below the 99.8% limits" in block.caption
    assert isinstance(block.points, Table)
    assert [row[0].text for row in block.points.rows] == ["LA3", "High", "Low"]
    high = found.point_of("h")
    assert high is not None
    assert high == found.point("High")
    assert high.flag_998 is Flag.ABOVE


def test_an_ees_folder_without_the_files_is_refused_naming_them(tmp_path: Path) -> None:
    result = run("-m", "LAC", "--ees", str(tmp_path))
    assert result.exit_code != 0
    assert "none of the mapped files is here" in result.output
    assert "la_cla_placement_stability.csv" in result.output
    assert "Traceback" not in result.output
