"""The benchmark by the dictionary's themes, with a summary of each theme first.

The summary's counts are checked against counts made here from the JSON rows, each
theme's measures against the dictionary's own first topic read here from the shipped
file, and the most improved and worsened against the stated yardstick worked out here
(the change since the period before over the spread of every authority's figure,
turned by polarity)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from corpparent.cli import cli
from corpparent.report.benchmark import BenchmarkPage, benchmark_report
from corpparent.report.benchmark_summary import (
    BANDS,
    MOST,
    OTHER,
    TRAVELS,
    by_theme,
    movement,
    summarise,
)
from corpparent.report.composer import compose
from corpparent.report.document import Section, Table
from corpparent.report.model import BenchmarkReport, BenchmarkRowOut
from corpparent.report.provenance import make_provenance

DICTIONARY = Path(__file__).parents[1] / "src" / "corpparent" / "data" / "dfe"


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["benchmark", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def wiltshire() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(_run("-a", "Wiltshire", "-f", "json"))
    return loaded


@pytest.fixture(scope="module")
def sections(wiltshire: dict[str, Any]) -> tuple[Section, ...]:
    return compose(BenchmarkReport.model_validate(wiltshire)).sections


def _first_topics() -> dict[str, str]:
    """Each measure's first topic, read from the shipped dictionary with the csv
    module."""
    topics: dict[str, str] = {}
    with (DICTIONARY / "lait_data_dictionary.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            topics.setdefault(row["Measure_short"], row["Topic"])
    return topics


def _tables(sections: tuple[Section, ...], ident: str) -> Table:
    return next(b for s in sections for b in s.blocks
                if isinstance(b, Table) and b.ident == ident)


def test_the_summary_comes_first_and_counts_each_theme(
        wiltshire: dict[str, Any], sections: tuple[Section, ...]) -> None:
    rows = wiltshire["rows"]
    assert sections[0].title == "Summary by theme"
    counts = _tables(sections, "benchmark-summary-counts")
    bands: Counter[tuple[str, str | None]] = Counter(
        (r["theme"] or OTHER, r["band"]) for r in rows)
    travels: Counter[tuple[str, str]] = Counter(
        (r["theme"] or OTHER, r["travel"] or "not comparable") for r in rows)
    themes = Counter(r["theme"] or OTHER for r in rows)
    assert [row[0].text for row in counts.rows] == sorted(themes, key=str.casefold)
    for row in counts.rows:
        theme = row[0].text
        expected = [themes[theme], *(bands[theme, b] for b in ("A", "B", "C", "D", None)),
                    *(travels[theme, t] for t in ("improved", "worsened", "no change",
                                                 "not comparable", "no polarity"))]
        assert [int(cell.text) for cell in row[1:]] == expected, theme
    assert sum(int(row[1].text) for row in counts.rows) == len(rows) == 434


def test_the_summary_reads_the_same_in_markdown(wiltshire: dict[str, Any]) -> None:
    shown = _run("-a", "Wiltshire", "-f", "markdown")
    rows = wiltshire["rows"]
    looked_after = [r for r in rows if r["theme"] == "Children Looked After"]
    line = next(line for line in shown.splitlines()
                if line.startswith("| Children Looked After | "))
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert int(cells[1]) == len(looked_after)
    assert int(cells[2]) == sum(r["band"] == "A" for r in looked_after)
    assert int(cells[7]) == sum(r["travel"] == "improved" for r in looked_after)
    assert shown.index("## Summary by theme") < shown.index("## Children Looked After")


def test_every_measure_is_in_exactly_one_theme_its_dictionarys(
        wiltshire: dict[str, Any], sections: tuple[Section, ...]) -> None:
    topics = _first_topics()
    rows = wiltshire["rows"]
    themed = [s for s in sections if s.ident.startswith("theme-")]
    assert sum(len(b.rows) for s in themed for b in s.blocks
               if isinstance(b, Table)) == len(rows)
    for section in themed:
        (table,) = section.blocks
        assert isinstance(table, Table)
        expected = sorted(r["measure_name"] or r["measure"] for r in rows
                          if topics.get(r["measure"], OTHER) == section.title)
        assert sorted(row[0].text for row in table.rows) == expected, section.title
    assert len({s.title for s in themed}) == len(themed) == len(set(topics.values()))


def test_a_measure_with_no_theme_goes_under_other_last(wiltshire: dict[str, Any]) -> None:
    rows = [dict(r) for r in wiltshire["rows"][:3]]
    rows[1]["theme"] = None
    report = benchmark_report(
        BenchmarkPage("Wiltshire", "865", "2025", (), rows), make_provenance())
    themed = [s for s in compose(report).sections if s.ident.startswith("theme-")]
    assert themed[-1].title == OTHER
    (table,) = themed[-1].blocks
    assert isinstance(table, Table)
    assert [row[0].text for row in table.rows] == [rows[1]["measure"]]  # no names given


def test_the_most_improved_and_worsened_by_the_stated_yardstick(
        wiltshire: dict[str, Any], sections: tuple[Section, ...]) -> None:
    """The change since the period before over the spread of every authority's figure,
    positive where the polarity makes it an improvement."""
    sign = {"higher is better": 1, "lower is better": -1}
    moved: dict[str, list[tuple[float, str]]] = {}
    for r in wiltshire["rows"]:
        if (r["polarity"] in sign and r["travel"] in ("improved", "worsened")
                and r["spread"] and r["previous_value"] is not None):
            change = sign[r["polarity"]] * (r["value"] - r["previous_value"]) / r["spread"]
            moved.setdefault(r["theme"] or OTHER, []).append((change, r["measure_name"]))
    movers = _tables(sections, "benchmark-summary-movers")
    for theme, improved, worsened in ((row[0].text, row[1].text, row[2].text)
                                      for row in movers.rows):
        ups = sorted((c for c in moved.get(theme, []) if c[0] > 0), reverse=True)[:MOST]
        downs = sorted(c for c in moved.get(theme, []) if c[0] < 0)[:MOST]
        assert improved == ("; ".join(f"{n} ({c:+.2f})" for c, n in ups) or "none")
        assert worsened == ("; ".join(f"{n} ({c:+.2f})" for c, n in downs) or "none")


def test_the_spread_is_the_interquartile_range_of_every_authority() -> None:
    """Worked out here from the shipped LAIT file: every authority's figure (LA numbers
    below 970: England is 970, the regions 980 and above) for the latest year."""
    import numpy as np
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    (row,) = json.loads(_run("-a", "Wiltshire", "-m", "LAC_LongStable%", "-f",
                             "json"))["rows"]
    table = pq.read_table(DICTIONARY / "lait_bds_long.parquet")
    table = table.filter(pc.and_(pc.equal(table["Short Desc"], "LAC_LongStable%"),
                                 pc.equal(table["Years"], str(row["year"]))))
    figures = []
    for number, value in zip(table["LA Number"].to_pylist(), table["Values"].to_pylist(),
                             strict=True):
        try:
            figures.append(float(value))
        except (TypeError, ValueError):
            continue  # "-", a withheld figure
        if number >= 970:
            figures.pop()
    low, high = np.percentile(figures, [25, 75])
    assert row["spread"] == pytest.approx(high - low, abs=1e-9)
    assert row["spread"] > 0


_ROWS = st.builds(
    BenchmarkRowOut, measure=st.sampled_from(["M1", "M2", "M3", "M4"]),
    year=st.just(2025), period=st.just("2024-25"),
    authority=st.sampled_from(["Wiltshire", "Dorset"]),
    authority_code=st.sampled_from(["865", "838"]),
    theme=st.sampled_from([None, "Adoption", "Key Stage 4", "adoption 2"]),
    band=st.sampled_from(BANDS), travel=st.sampled_from([*TRAVELS, None]),
    value=st.one_of(st.none(), st.floats(-100, 100)),
    previous_value=st.one_of(st.none(), st.floats(-100, 100)),
    spread=st.one_of(st.none(), st.floats(0, 50)),
    polarity=st.sampled_from([None, "higher is better", "lower is better", "neutral"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(_ROWS, max_size=30))
def test_every_row_is_counted_once_in_its_theme(rows: list[BenchmarkRowOut]) -> None:
    grouped = by_theme(rows)
    assert sorted(id(r) for rs in grouped.values() for r in rs) == sorted(map(id, rows))
    assert list(grouped) == sorted(grouped, key=lambda t: (t == OTHER, t.casefold()))
    for summary in summarise(rows):
        assert sum(summary.bands) == sum(summary.travels) == summary.positions
        assert summary.positions == len(grouped[summary.theme])
        assert len(summary.improved) <= MOST
        assert len(summary.worsened) <= MOST
        assert all(m.change > 0 for m in summary.improved)
        assert all(m.change < 0 for m in summary.worsened)
        changes = sorted((c for r in grouped[summary.theme]
                          if (c := movement(r)) is not None and c > 0), reverse=True)
        assert [m.change for m in summary.improved] == changes[:MOST]


def test_a_region_has_a_row_per_authority_in_each_theme() -> None:
    rows = json.loads(_run("--region", "South West", "-m", "LAC_LongStable%", "-m",
                           "CareLeaverAcc", "-f", "json"))["rows"]
    shown = _run("--region", "South West", "-m", "LAC_LongStable%", "-m", "CareLeaverAcc",
                 "-f", "markdown")
    assert "| Positions |" in shown
    line = next(line for line in shown.splitlines()
                if line.startswith("| Children Looked After | "))
    assert int(line.strip("|").split("|")[1]) == sum(
        r["theme"] == "Children Looked After" for r in rows)
    assert "Authority (region)" in shown


def test_a_row_whose_published_figures_are_equal_is_no_mover_either_way() -> None:
    """LAIT's travel can say "improved" where the figures, at their published decimal
    places, are equal: such a row moved by no share a reader can see, so it is neither
    among the most improved nor (with a change of +0.00) among the most worsened."""
    still = BenchmarkRowOut(measure="M1", year=2025, period="2024-25",
                            authority="Wiltshire", authority_code="865", theme="Adoption",
                            band="A", travel="improved", value=71.0, previous_value=71.0,
                            spread=10.0, polarity="higher is better")
    assert movement(still) is None
    (summary,) = summarise([still])
    assert summary.improved == summary.worsened == ()
