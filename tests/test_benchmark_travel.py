"""Travel with meaning: "improved" or "worsened" by the measure's polarity, beside the
raw direction, "not comparable" where the period before is missing, and "no polarity"
where the dictionary gives the measure no better direction.

The expected travel is worked out here from the values and the dictionary's own words
(``High``, ``Low``, ``-``, ``NA``), never from the engine's direction column.
"""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from corpparent.cli import cli
from corpparent.dfe.national_inputs import benchmark_national
from corpparent.dfe.national_results import TRAVELS, travel
from corpparent.dfe.national_table import benchmark_all
from corpparent.files.dfe.national_package import read_national_inputs, shipped_folder
from corpparent.indicators.definitions import Polarity
from national_engine_support import Cell, dictionary, neighbours, table

CELLS = st.one_of(st.sampled_from([1.0, 2.0, 2.5]), st.floats(-1e3, 1e3), st.just("c"),
                  st.none())
#: Which way is better for each polarity; None where there is no better way.
BETTER = {Polarity.HIGHER_IS_BETTER: 1, Polarity.LOWER_IS_BETTER: -1,
          Polarity.NEUTRAL: None, None: None}


def _expected(before: Cell, now: Cell, better: int | None) -> str:
    if not isinstance(before, float) or not isinstance(now, float):
        return "not comparable"
    if now == before:
        return "no change"
    if better is None:
        return "no polarity"
    return "improved" if (now - before) * better > 0 else "worsened"


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.integers(2015, 2025), st.lists(CELLS, min_size=3, max_size=3),
                       min_size=1, max_size=6),
       st.sampled_from(list(BETTER)))
def test_travel_follows_the_polarity(years: dict[int, list[Cell]],
                                     polarity: Polarity | None) -> None:
    data = table({str(year): cells for year, cells in sorted(years.items())})
    rows = benchmark_all(data, dictionary(polarity), neighbours({}, 3),
                         set()).table.to_pylist()
    for row in rows:
        year = int(row["years"])
        index = int(row["authority_code"]) - 100
        earlier = years.get(year - 1, [None] * 3)[index]
        assert row["travel"] == _expected(earlier, years[year][index], BETTER[polarity])
        assert row["direction"] in ("not comparable", "increase", "decrease", "no change")


def test_the_scalar_definition_says_each_case() -> None:
    assert travel("increase", Polarity.HIGHER_IS_BETTER) == "improved"
    assert travel("decrease", Polarity.HIGHER_IS_BETTER) == "worsened"
    assert travel("increase", Polarity.LOWER_IS_BETTER) == "worsened"
    assert travel("decrease", Polarity.LOWER_IS_BETTER) == "improved"
    for polarity in (Polarity.NEUTRAL, None):
        assert travel("increase", polarity) == "no polarity"
        assert travel("no change", polarity) == "no change"
    assert travel("not comparable", Polarity.HIGHER_IS_BETTER) == "not comparable"
    with pytest.raises(ValueError, match="no direction of travel 'up'"):
        travel("up", Polarity.HIGHER_IS_BETTER)
    assert {travel(d, p) for d in ("increase", "decrease", "no change", "not comparable")
            for p in BETTER} == set(TRAVELS)


def _dictionary_words() -> dict[str, str]:
    """Each measure's polarity word as the shipped dictionary writes it."""
    with (shipped_folder() / "lait_data_dictionary.csv").open(encoding="utf-8",
                                                              newline="") as handle:
        return {row["Measure_short"]: row["Polarity"] for row in csv.DictReader(handle)}


def test_every_published_row_travels_by_its_dictionary_polarity() -> None:
    """Over every authority, measure and year of the shipped data: an increase is
    "improved" exactly where the dictionary says ``High``, and a measure marked ``-`` or
    ``NA`` is never said to improve or worsen."""
    words = _dictionary_words()
    results = benchmark_national(read_national_inputs())
    pairs = results.table.select(["measure", "direction", "travel", "value",
                                  "previous_value"]).to_pylist()
    seen = set()
    for row in pairs:
        word = words[row["measure"]]
        direction, moved = row["direction"], row["travel"]
        if row["value"] is None or row["previous_value"] is None:
            assert (direction, moved) == ("not comparable", "not comparable")
            continue
        change = row["value"] - row["previous_value"]
        if change == 0:
            assert moved == "no change"
        elif word in ("High", "Low"):
            assert moved == ("improved" if (change > 0) is (word == "High") else "worsened")
        else:
            assert moved == "no polarity"
        seen.add((word, moved))
    assert {("High", "improved"), ("High", "worsened"), ("Low", "improved"),
            ("Low", "worsened"), ("-", "no polarity"), ("NA", "no polarity")} <= seen


def _json_rows(*args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["benchmark", "-a", "Wiltshire", "-f", "json", *args])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.stdout)["rows"]
    return rows


def test_the_report_keeps_the_raw_direction_beside_the_travel() -> None:
    words = _dictionary_words()
    rows = _json_rows("--all-periods", "-m", "LAC_LongStable%", "-m", "LAC")
    assert {words["LAC_LongStable%"], words["LAC"]} == {"High", "-"}
    for row in rows:
        assert row["direction"] is not None
        assert row["travel"] is not None
        if row["measure"] == "LAC" and row["direction"] in ("increase", "decrease"):
            assert row["travel"] == "no polarity"
            assert row["polarity"] == "neutral"
        if row["measure"] == "LAC_LongStable%" and row["direction"] == "increase":
            assert row["travel"] == "improved"
            assert row["polarity"] == "higher is better"


def test_every_format_shows_the_travel_with_the_direction() -> None:
    rows = _json_rows("--all-periods", "-m", "LAC_LongStable%", "-m", "LAC")
    shown = CliRunner().invoke(cli, ["benchmark", "-a", "Wiltshire", "--all-periods",
                                     "-m", "LAC_LongStable%", "-m", "LAC",
                                     "-f", "markdown"]).stdout
    for row in rows:
        direction, moved = row["direction"], row["travel"]
        arrow = {"increase": "\u2191", "decrease": "\u2193"}.get(direction)
        if moved in ("improved", "worsened"):
            assert f"{moved} {arrow}" in shown  # the raw direction as an arrow
        elif moved == "no polarity":
            assert f"| {direction} |" in shown
    assert any(row["travel"] == "no polarity" for row in rows)
    assert any(row["travel"] in ("improved", "worsened") for row in rows)
