"""Several authorities in one chart over time, each told apart: the South West's 15 and
Wiltshire with its ten neighbours each have a line of their own colour, dash and mark,
no two differing in colour alone; beyond what the styles tell apart (London's 33) the
page says so and points to the table; and the table of figures is a row per authority,
as wide as the periods, not as the authorities."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from functools import cache
from itertools import combinations

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.report.backends.benchmark_svg import authority_style, series_chart
from corpparent.report.benchmark_chart import DISTINCT_LINES, series_block
from corpparent.report.benchmark_chart_parts import SeriesOut

MEASURE = "LAC_LongStable%"
SVG = "{http://www.w3.org/2000/svg}"


@cache
def report(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["benchmark", *args, "-m", MEASURE, "-f", "json"])
    assert result.exit_code == 0, result.output
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded


def series_of(*args: str) -> tuple[SeriesOut, ...]:
    return tuple(SeriesOut.model_validate(s) for s in report(*args)["series"])  # type: ignore[attr-defined]


def drawn_styles(series: tuple[SeriesOut, ...]) -> dict[str, tuple[str, str, str]]:
    """Each authority's line as drawn: its colour, dash pattern and the shape of its
    marks (the element and whether it is open), read back from the SVG."""
    svg = series_chart(series, "Stability", "c1")
    root = ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    found = {}
    for group in root.iter(f"{SVG}g"):
        name = group.get("class", "")
        if not name.startswith("line a"):
            continue
        line = group.find(f"{SVG}polyline")
        mark = next(c for c in group if c.tag != f"{SVG}polyline")
        shape = mark.get("d", mark.tag)
        shape = "".join(ch for ch in shape if not (ch.isdigit() or ch in ".- "))
        found[name] = (group.get("stroke", ""),
                       "" if line is None else line.get("stroke-dasharray", ""),
                       f"{shape}{mark.get('fill', '')}")
    return found


@pytest.mark.parametrize("args", [("--region", "South West"),
                                  ("--neighbours-of", "Wiltshire")])
def test_each_authority_has_a_style_of_its_own(args: tuple[str, ...]) -> None:
    series = series_of(*args)
    styles = drawn_styles(series)
    assert len(styles) == len(series) >= 11
    for (a, one), (b, other) in combinations(styles.items(), 2):
        assert one != other, (a, b)
        # Never colour alone: the dash or the mark differs too.
        assert one[1:] != other[1:], (a, b)
    # Wiltshire, Bath and North East Somerset and the Isles of Scilly, once all alike.
    names = {s.authority: f"line a{i}" for i, s in enumerate(series)}
    if "Isles of Scilly" in names:
        trio = {styles[names[n]] for n in ("Wiltshire", "Bath and North East Somerset",
                                           "Isles of Scilly")}
        assert len(trio) == 3


def test_the_first_styles_differ_in_colour_and_dash_and_never_in_colour_alone() -> None:
    styles = [authority_style(i) for i in range(DISTINCT_LINES)]
    assert len({(colour, dash) for colour, dash, _ in styles}) == DISTINCT_LINES
    assert len({(dash, mark) for _, dash, mark in styles}) == DISTINCT_LINES
    # The next repeats a colour and dash, told apart by its mark only.
    beyond = authority_style(DISTINCT_LINES)
    assert beyond[:2] in {s[:2] for s in styles}
    assert beyond not in styles


def test_more_authorities_than_styles_are_told_to_read_the_table() -> None:
    london = CliRunner().invoke(cli, ["benchmark", "--region", "London", "-m", MEASURE,
                                      "-f", "markdown"])
    assert london.exit_code == 0, london.output
    assert f"more than the {DISTINCT_LINES} line styles a chart can tell apart" in \
        london.stdout
    assert "read each authority's figures in the table" in london.stdout
    south_west = CliRunner().invoke(cli, ["benchmark", "--region", "South West", "-m",
                                          MEASURE, "-f", "markdown"])
    assert "line styles a chart can tell apart" not in south_west.stdout


def test_the_figures_of_several_are_a_row_per_authority_and_a_column_per_period() -> None:
    series = series_of("--region", "South West")
    table = series_block(series, "mean", "s").points
    periods = sorted({p.period for s in series for p in s.points})
    assert table.columns == ("Authority", *periods)
    assert [row[0].text for row in table.rows] == [s.authority for s in series] + ["England"]
    wiltshire = next(s for s in series if s.authority == "Wiltshire")
    row = next(r for r in table.rows if r[0].text == "Wiltshire")
    latest = wiltshire.points[-1]
    assert row[1 + periods.index(latest.period)].value == latest.value
