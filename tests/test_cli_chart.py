"""`corpparent chart` and process charts in `corpparent scorecard`, end to end: a monthly
series from the example data and the DfE's annual series for one authority."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.report import published_schema
from corpparent.report.model import FindingsReport, Provenance
from corpparent.report.parts import ChartOut, ChartPointOut
from corpparent.report.suppression import Suppression, suppress
from national_data import NATIONAL_DATA
from spc_support import reference_limits

ROOT = Path(__file__).resolve().parent.parent
MONTHLY = ROOT / "examples" / "data" / "wiltshire_health_assessments_monthly_illustrative.csv"
CHART = ["chart", str(MONTHLY), "-a", "wiltshire", "-n", "health_assessments"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def monthly_values() -> list[float]:
    lines = MONTHLY.read_text(encoding="utf-8").splitlines()[1:]
    return [float(line.split(",")[2]) for line in lines]


def test_a_monthly_series_charted_as_json() -> None:
    result = run(*CHART, "-f", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator(published_schema()).validate(document)
    chart = document["chart"]
    values = monthly_values()
    assert [p["value"] for p in chart["points"]] == values
    mean, lower, upper = reference_limits(values)
    assert (chart["mean"], chart["lower_limit"], chart["upper_limit"]) == pytest.approx(
        (mean, lower, upper))
    assert chart["trial"] is False
    assert chart["variation"] == "special cause concern (low)"  # 82 < the lower limit
    assert chart["target"] == 94  # 002 §88
    assert chart["assurance"] == "consistently missed"  # 94 above the upper limit
    families = {f["family"] for f in document["findings"]}
    assert {"variation", "special cause variation", "assurance"} <= families


def test_the_chart_in_html_and_markdown_says_its_verdicts_in_words() -> None:
    html = run(*CHART, "-f", "html")
    assert html.exit_code == 0, html.output
    assert '<svg class="chart process"' in html.stdout
    assert "<strong>Variation:</strong> ⇩ special cause concern (low)" in html.stdout
    assert "<strong>Assurance:</strong> ✗ consistently missed" in html.stdout
    markdown = run(*CHART, "-f", "markdown")
    assert "## Process chart" in markdown.stdout
    assert "| 2023-03 | 82% |" in markdown.stdout  # a percentage in every format


def test_options_change_the_chart() -> None:
    six = json.loads(run(*CHART, "-f", "json", "--run-length", "6", "--no-screen",
                         "--baseline", "13", "--minimum-points", "12",
                         "--rebase", "2022-04").stdout)
    options = six["chart"]["options"]
    assert (options["run_length"], options["screen_outliers"], options["baseline"],
            options["rebased"]) == (6, False, 13, 1)
    values = monthly_values()
    after = values[12:]  # the group from 2022-04, limits from its first 12 (<= 13) points
    mean = sum(after) / len(after)
    assert six["chart"]["mean"] == pytest.approx(mean)


def test_the_scorecard_charts_an_indicator_with_enough_history() -> None:
    args = ["scorecard", str(MONTHLY), "-a", "wiltshire", "-p", "2023-03"]
    document = json.loads(run(*args, "-f", "json").stdout)
    jsonschema.Draft202012Validator(published_schema()).validate(document)
    (health,) = [i for i in document["indicators"] if i["id"] == "health_assessments"]
    assert health["variation"] == "special cause concern (low)"
    assert health["assurance"] == "consistently missed"
    assert health["expected_range"]["from_process"] is True
    others = [i for i in document["indicators"] if i["id"] != "health_assessments"]
    assert all(i["chart"] is None for i in others)
    html = run(*args, "-f", "html").stdout
    assert html.count('<svg class="chart process"') == 1
    plain = json.loads(run(*args, "-f", "json", "--no-process-charts").stdout)
    (health,) = [i for i in plain["indicators"] if i["id"] == "health_assessments"]
    assert health["chart"] is None
    assert health["expected_range"] is None  # Wiltshire sets none by hand for it
    assert plain["provenance"]["options"]["process_charts"] is False


def test_bad_input_is_one_line() -> None:
    for args, fragment in (
        (["chart", "--national", str(ROOT), "-n", "cla_number"], "--area"),
        ([*CHART[:4], "-n", "no_such_indicator"], "no_such_indicator"),
        (["chart", "-n", "x"], "READINGS"),
    ):
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert fragment in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


def test_a_count_chart_with_small_counts_is_withheld_in_public() -> None:
    points = [ChartPointOut(period=str(i), value=v, mean=5, lower_limit=0, upper_limit=10)
              for i, v in enumerate([3.0, 7, 8])]
    chart = ChartOut(mean=5, lower_limit=0, upper_limit=10, trial=True, varies=True,
                     variation="common cause variation", unit="child", points=points)
    report = FindingsReport(title="t", findings=[], chart=chart,
                            suppression={"applied": False, "threshold": 0},
                            provenance=Provenance(corpparent_version="0", python_version="3"))
    hidden = suppress(report, Suppression(6))
    assert hidden.chart is None
    assert hidden.suppression.withheld == 1
    larger = report.model_copy(update={"chart": chart.model_copy(update={"points": points[1:]})})
    assert suppress(larger, Suppression(6)).chart is not None


@pytest.mark.national_data
def test_the_national_annual_series_for_one_authority() -> None:
    """Wiltshire (area 865), children looked after at 31 March, 2015-16 to 2024-25, from
    the LAIT dataset (measure LACnum, read here straight from the parquet file): 10
    annual points, fewer than 13, so trial limits that say so."""
    result = run("chart", "--national", str(NATIONAL_DATA), "--area", "865",
                 "-n", "cla_number", "-f", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    jsonschema.Draft202012Validator(published_schema()).validate(document)
    table = pq.read_table(NATIONAL_DATA / "lait_bds_long.parquet").to_pylist()
    rows = sorted((r["Years"], float(r["Values"])) for r in table
                  if r["Short Desc"] == "LACnum" and r["LA Number"] == 865)
    chart = document["chart"]
    assert [p["value"] for p in chart["points"]] == [v for _, v in rows]
    assert len(rows) == 10
    mean, lower, upper = reference_limits([v for _, v in rows])
    assert (chart["mean"], chart["lower_limit"], chart["upper_limit"]) == pytest.approx(
        (mean, lower, upper))
    assert chart["trial"] is True
    assert any("trial limits" in f["explanation"] for f in document["findings"])
    html = run("chart", "--national", str(NATIONAL_DATA), "--area", "865", "-n",
               "cla_number", "-f", "html")
    assert '<svg class="chart process"' in html.stdout


def test_the_committee_paper_shows_the_chart_and_says_its_verdicts(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "chart.docx"
    result = run(*CHART, "-f", "docx", "-o", str(path))
    assert result.exit_code == 0, result.output
    document = docx.Document(str(path))
    said = [p.text for p in document.paragraphs if p.text.startswith("Process chart.")]
    mean, lower, upper = reference_limits(monthly_values())
    assert said == ["Process chart. Variation: ⇩ special cause concern (low). Assurance: "
                    f"✗ consistently missed. Mean {mean:.1f}%, process limits {lower:.1f}% to "
                    f"{upper:.1f}%. Target 94%."]
    # the chart, then Making Data Count's variation and assurance icons
    from docx.oxml.ns import qn

    described = [frame.get("descr") for frame in document.element.body.iter(qn("wp:docPr"))]
    assert len(document.inline_shapes) == 3
    assert described[1:] == ["Variation: special cause concern (low)",
                             "Assurance: consistently missed"]
