"""The benchmark's charts over time: the series against LAIT's published file, the band's
range, the two drawings with their text alternatives, and the chart in every format."""

from __future__ import annotations

import csv
import json
import re
import statistics
import xml.etree.ElementTree as ET
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings, strategies as st

from corpparent.cli import cli
from corpparent.files.dfe.national_package import read_national_inputs, shipped_folder
from corpparent.report.backends.benchmark_svg import compact_chart, series_chart, value_range
from corpparent.report.benchmark_chart import FULL_CHARTS_PRINTED, series_words
from corpparent.report.benchmark_chart_parts import SeriesOut, SeriesPointOut
from corpparent.runs.benchmark import BenchmarkRun, benchmark_authority

MEASURE = "LAC_LongStable%"
WILTSHIRE = "865"
SVG = "{http://www.w3.org/2000/svg}"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["benchmark", *args], prog_name="corpparent")


@cache
def wiltshire(*measures: str) -> BenchmarkRun:
    return benchmark_authority(read_national_inputs(), "Wiltshire", measures=measures)


@cache
def published() -> list[dict[str, Any]]:
    """The measure's rows of the package's own copy of LAIT's file."""
    table = pq.read_table(shipped_folder() / "lait_bds_long.parquet").to_pylist()
    return [r for r in table if r["Short Desc"] == MEASURE]


def number(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def shipped_neighbours(code: str) -> list[str]:
    path = shipped_folder() / "sn_model_2025_wide.csv"
    with path.open(encoding="utf-8-sig", newline="") as file:
        row = next(r for r in csv.DictReader(file) if r["old_la_code"] == code)
    return [row[f"SN_{i}"].strip() for i in range(1, 11)]


def test_wiltshires_series_is_lait_s_published_figures_in_every_year() -> None:
    rows = published()
    years = sorted({r["Years"] for r in rows})
    by_la = {(r["Years"], int(r["LA Number"])): number(r["Values"]) for r in rows
             if r["LA Number"] is not None}
    by_name = {(r["Years"], r["LA and Regions"]): number(r["Values"]) for r in rows}
    (series,) = wiltshire(MEASURE).series
    assert [p.years for p in series.points] == years  # every year, not the latest only
    neighbours = [int(code) for code in shipped_neighbours(WILTSHIRE)]
    for point in series.points:
        year = point.years
        assert point.value == by_la[(year, 865)]
        assert point.england == by_name[(year, "England")]
        assert point.region_value == by_name[(year, "South West")]
        theirs = [v for code in neighbours if (v := by_la.get((year, code))) is not None]
        assert point.neighbours_mean == pytest.approx(statistics.fmean(theirs))
        assert point.neighbours_median == pytest.approx(statistics.median(theirs))


def test_the_band_range_is_the_quarter_of_every_authority_s_values_holding_its_own() -> None:
    rows = published()
    (series,) = wiltshire(MEASURE).series
    for point in series.points:
        values = sorted(v for r in rows if r["Years"] == point.years
                        and r["LA Number"] is not None and r["LA Number"] < 970
                        and (v := number(r["Values"])) is not None)
        # authorities are numbered below 970 (England and the regions from it); R's
        # type 7 is NumPy's linear percentile
        edges = [values[0], *np.percentile(values, [25, 50, 75]).tolist(), values[-1]]
        assert point.value is not None
        quarter = sum(point.value > edge for edge in edges[1:4])
        assert point.band == "DCBA"[quarter]  # higher is better: the top quarter is A
        assert (point.band_lower, point.band_upper) == pytest.approx(
            (edges[quarter], edges[quarter + 1]))


def test_the_band_range_holds_the_value_wherever_a_band_is_shown() -> None:
    run_ = wiltshire()
    banded = [p for s in run_.series for p in s.points if p.band]
    assert len(banded) > 1000
    for point in banded:
        assert point.band_lower is not None
        assert point.band_upper is not None
        assert point.value is not None
        assert point.band_lower <= point.value <= point.band_upper
    unbanded = [p for s in run_.series for p in s.points if not p.band]
    assert unbanded
    assert all(p.band_lower is None for p in unbanded)


def test_the_series_ignore_the_periods_the_table_shows() -> None:
    found = benchmark_authority(read_national_inputs(), "Wiltshire", measures=[MEASURE],
                                periods=["2023-24"])
    assert [r["period"] for r in found.rows] == ["2023-24"]
    assert len(found.series[0].points) == len(wiltshire(MEASURE).series[0].points) > 5


def chart_of(series: tuple[SeriesOut, ...], compact: bool = False) -> ET.Element:
    draw = compact_chart if compact else series_chart
    svg = draw(series, "Placement & stability <x>", "c1")
    return ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def report_series(*args: str) -> tuple[SeriesOut, ...]:
    result = run(*args, "-m", MEASURE, "-f", "json")
    assert result.exit_code == 0, result.output
    return tuple(SeriesOut.model_validate(s) for s in json.loads(result.stdout)["series"])


@pytest.mark.parametrize("compact", [False, True])
def test_each_drawing_parses_as_xml_with_its_title_and_description(compact: bool) -> None:
    series = report_series("-a", "Wiltshire")
    root = chart_of(series, compact)
    assert root.findtext(f"{SVG}title") == "Placement & stability <x>: over time"
    assert root.findtext(f"{SVG}desc") == series_words(series)
    assert root.get("role") == "img"
    if compact:
        assert (root.get("width"), root.get("height")) == ("120", "28")
    else:  # the key names each line in words
        words = [t.text for t in root.iter(f"{SVG}text")]
        assert {"Wiltshire", "England", "South West", "Neighbours (mean)"} <= set(words)


@pytest.mark.parametrize("compact", [False, True])
def test_a_drawing_beside_its_words_refers_to_them_and_keeps_every_mark(compact: bool) -> None:
    series = report_series("-a", "Wiltshire")
    draw = compact_chart if compact else series_chart
    svg = draw(series, "Placement", "c1", words_id="c1-words")
    root = ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    assert root.find(f"{SVG}desc") is None
    assert (root.get("aria-labelledby"), root.get("aria-describedby")) == ("c1-t", "c1-words")
    alone = chart_of(series, compact)
    # the same drawing but for the words: every mark and its figure
    assert [e.tag for e in root.iter()] == [e.tag for e in alone.iter() if e.tag != f"{SVG}desc"]
    if not compact:
        tips = [t.text for t in root.iter(f"{SVG}title")][1:]
        points = series[0].points
        assert f"Wiltshire, {points[-1].period}: {points[-1].value:g}" in tips
        assert len(tips) == sum(v is not None for p in points for v in (
            p.value, p.england, p.region_value, p.neighbours_mean)) + sum(
            p.band_lower is not None for p in points)


def test_several_authorities_draw_one_line_each_and_england() -> None:
    series = report_series("-a", "Wiltshire", "-a", "Dorset", "-a", "Swindon")
    assert [s.authority for s in series] == ["Wiltshire", "Dorset", "Swindon"]
    root = chart_of(series)
    lines = [c for g in root.iter(f"{SVG}g") if (c := g.get("class", "")).startswith("line")]
    assert sorted(lines) == ["line a0", "line a1", "line a2", "line england"]
    assert not [g for g in root.iter(f"{SVG}g") if g.get("class") == "band"]
    assert [g for g in chart_of(series[:1]).iter(f"{SVG}g") if g.get("class") == "band"]
    described = series_words(series)
    assert all(name in described for name in ("Wiltshire:", "Dorset:", "Swindon:"))


def test_the_neighbours_median_is_drawn_where_chosen() -> None:
    result = run("-a", "Wiltshire", "-m", MEASURE, "--neighbours-average", "median",
                 "-f", "markdown")
    assert result.exit_code == 0, result.output
    (series,) = report_series("-a", "Wiltshire")
    latest = series.points[-1]
    assert "| Period | Wiltshire | Band (range) | England | South West | Neighbours " \
        "(median) |" in result.stdout
    assert re.search(rf"\| {latest.period} \| .* \| {latest.neighbours_median:g} \|$",
                     result.stdout, re.MULTILINE)
    assert latest.neighbours_median != latest.neighbours_mean


figure = st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False))


@st.composite
def series_strategy(draw: st.DrawFn) -> tuple[SeriesOut, ...]:
    count = draw(st.integers(1, 4))
    periods = [f"{2010 + i}-{11 + i}" for i in range(draw(st.integers(1, 12)))]
    out = []
    for i in range(count):
        points = []
        for period in periods:
            low, high = sorted(draw(st.lists(st.floats(-1e6, 1e6), min_size=2,
                                             max_size=2)))
            banded = draw(st.booleans())
            points.append(SeriesPointOut(
                period=period, years=period, value=draw(figure), england=draw(figure),
                region_value=draw(figure), neighbours_mean=draw(figure),
                neighbours_median=draw(figure), band="B" if banded else None,
                band_lower=low if banded else None, band_upper=high if banded else None))
        out.append(SeriesOut(measure="M", authority=f"LA {i}", authority_code=str(i),
                             region="R", points=points))
    return tuple(out)


@settings(max_examples=60, deadline=None)
@given(series_strategy(), st.sampled_from(["mean", "median"]))
def test_the_vertical_range_holds_every_figure_drawn_and_every_band(
        series: tuple[SeriesOut, ...], average: str) -> None:
    low, high = value_range(series, average)
    assert low < high
    drawn = [p.england for p in series[0].points]
    if len(series) == 1:
        drawn += [p.region_value for p in series[0].points]
        drawn += [getattr(p, f"neighbours_{average}") for p in series[0].points]
        drawn += [b for p in series[0].points for b in (p.band_lower, p.band_upper)]
    drawn += [p.value for s in series for p in s.points]
    assert all(low <= v <= high for v in drawn if v is not None)
    # and every round mark on a line falls inside the plot, between its margins
    root = chart_of(series)
    marks = [float(c.get("cy", 0)) for g in root.iter(f"{SVG}g")
             if g.get("class", "").startswith("line") for c in g.iter(f"{SVG}circle")]
    assert all(14 - 0.1 <= y <= 250 - 30 + 0.1 for y in marks)


def test_the_word_paper_has_each_chart_as_a_picture_with_its_words(tmp_path: Path) -> None:
    out = tmp_path / "wiltshire.docx"
    result = run("-a", "Wiltshire", "-m", MEASURE, "-m", "CPP_rate", "-f", "docx", "-o",
                 str(out))
    assert result.exit_code == 0, result.output
    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    pictures = re.findall(r'<wp:docPr [^>]*title="([^"]*): over time" descr="([^"]*)"', body)
    assert [title.split(" (")[-1] for title, _ in pictures] == ["CPP_rate)",
                                                                "LAC_LongStable%)"]
    assert all("Wiltshire:" in descr and "England:" in descr for _, descr in pictures)


def test_a_benchmark_of_many_measures_folds_its_charts_in_html_only() -> None:
    measures = [s.measure for s in wiltshire().series][:FULL_CHARTS_PRINTED + 1]
    options = [o for m in measures for o in ("-m", m)]
    html = run("-a", "Wiltshire", *options, "-f", "html")
    markdown = run("-a", "Wiltshire", *options, "-f", "markdown")
    assert html.exit_code == markdown.exit_code == 0, html.output + markdown.output
    assert html.stdout.count('<details class="series"') == len(measures)
    assert html.stdout.count('<svg class="chart series"') == len(measures)
    assert "the figures over time" not in markdown.stdout
    assert f"With {len(measures)} measures, each chart is folded" in markdown.stdout


def test_a_few_measures_draw_every_chart_open_in_html_and_give_its_table_in_text() -> None:
    html = run("-a", "Wiltshire", "-m", MEASURE, "-f", "html")
    terminal = run("-a", "Wiltshire", "-m", MEASURE, "--neighbours-average", "median")
    assert html.exit_code == terminal.exit_code == 0
    assert '<details class="series"' not in html.stdout
    assert html.stdout.count('<svg class="chart series"') == 1
    assert "<h2 id=\"charts\">Charts over time</h2>" in html.stdout
    assert "Neighbours (median)" in terminal.stdout


def test_a_count_is_drawn_without_england_s_and_the_region_s_lines() -> None:
    result = run("-a", "Wiltshire", "-m", "10_ICPC", "-f", "json")
    assert result.exit_code == 0, result.output
    (series,) = (SeriesOut.model_validate(s) for s in json.loads(result.stdout)["series"])
    assert series.axis == "Number"  # the dictionary's axis title: a count of children
    lines = {c for g in chart_of((series,)).iter(f"{SVG}g")
             if (c := g.get("class", "")).startswith("line")}
    assert lines == {"line value", "line neighbours"}
    assert "England's and the region's are in the table, not drawn" in series_words(
        (series,))
    rate = report_series("-a", "Wiltshire")[0]
    assert not rate.counts
    assert "line england" in {g.get("class") for g in chart_of((rate,)).iter(f"{SVG}g")}


def _trend_titles(html: str) -> list[str]:
    """The title of each small chart in the themes' Trend columns, in page order."""
    cells = re.findall(r'<td class="trend"[^>]*>(.*?)</td>', html, re.S)
    return [re.search(r"<title[^>]*>(.*?)</title>", c).group(1) if c else "" for c in cells]


def test_each_row_of_a_theme_draws_its_own_measure_small_in_html_only() -> None:
    measures = ("LAC_LongStable%", "LACStable_2016on", "CareLeaverAcc")
    options = [o for m in measures for o in ("-m", m)]
    html = run("-a", "Wiltshire", *options, "-f", "html")
    markdown = run("-a", "Wiltshire", *options, "-f", "markdown")
    assert html.exit_code == markdown.exit_code == 0, html.output + markdown.output
    titles = _trend_titles(html.stdout)
    assert len(titles) == len(measures)
    # each row's chart is of the row's own measure: its title starts with the measure's
    # name, as the row's first cell gives it
    rows = re.findall(r'<tr><td>([^<]*)</td><td class="trend"'
                      r'[^>]*><svg[^>]*><title[^>]*>(.*?): over time</title>',
                      html.stdout, re.S)
    assert len(rows) == len(measures)
    assert all(title == first for first, title in rows)
    assert '<th>Trend</th>' in html.stdout or '>Trend</th>' in html.stdout
    assert "| Trend |" not in markdown.stdout


def test_several_authorities_draw_each_row_s_own_authority() -> None:
    html = run("-a", "Wiltshire", "-a", "Dorset", "-m", MEASURE, "-f", "html").stdout
    cells = re.findall(r'<td class="trend"[^>]*>(.*?)</td>', html, re.S)
    assert len(cells) == 2
    # each its own words (no chart of the page holds these two authorities' alone)
    described = [re.search(r"<desc[^>]*>(.*?)</desc>", c, re.S).group(1) for c in cells]
    assert "Wiltshire:" in described[0]
    assert "Dorset:" not in described[0]
    assert "Dorset:" in described[1]
    assert "Wiltshire:" not in described[1]


def test_a_small_chart_refers_to_its_measures_words_where_the_page_shows_them() -> None:
    html = run("-a", "Wiltshire", "-m", MEASURE, "-m", "CPP_rate", "-f", "html").stdout
    cells = re.findall(r'<td class="trend"[^>]*>(.*?)</td>', html, re.S)
    assert len(cells) == 2
    for cell in cells:
        assert "<desc" not in cell
        words = re.search(r'aria-describedby="([^"]+)"', cell).group(1)
        shown = re.search(rf'<p id="{words}">(.*?)</p>', html, re.S).group(1)
        name = re.search(r"<title[^>]*>(.*?): over time</title>", cell).group(1)
        # the words of the chart over time of the row's own measure
        assert re.search(rf'<svg class="chart series"[^>]*aria-describedby="{words}"'
                         rf"[^>]*><title[^>]*>{re.escape(name)} \(", html)
        assert "Wiltshire:" in shown
        assert "England:" in shown


def test_a_folded_chart_is_written_short_with_its_words_and_its_figures() -> None:
    measures = [s.measure for s in wiltshire().series][:FULL_CHARTS_PRINTED + 1]
    html = run("-a", "Wiltshire", *(o for m in measures for o in ("-m", m)), "-f", "html")
    folded = re.findall(r'<details class="series".*?</details>', html.stdout, re.S)
    assert len(folded) == len(measures)
    for chart in folded:
        words = re.search(r'<svg class="chart series"[^>]*aria-describedby="([^"]+)"',
                          chart).group(1)
        assert re.search(rf'<p id="{words}">[^<]*Wiltshire: ', chart)  # its words, beside
        assert chart.count("<tr>") > 2  # and its figures' table, a row a period
    # A folded chart with its words and figures averaged 11.6 KB written long (each
    # element's colours, every cell naming its column); written short, under 9 KB.
    assert sum(map(len, folded)) / len(folded) < 9000
    assert "data-label" not in html.stdout
