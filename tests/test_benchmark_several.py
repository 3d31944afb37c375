"""`corpparent benchmark` for several authorities at once: `--la` repeated, `--region`,
`--neighbours-of`, each authority ranked and banded as when it is benchmarked alone."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings, strategies as st

from corpparent.benchmarking.funnel import Flag
from corpparent.cli import cli
from corpparent.dfe.areas import Level, UnknownAreaError, known_areas
from corpparent.dfe.neighbours import StatisticalNeighbours
from corpparent.files.dfe.funnels import read_funnel_measures
from corpparent.files.dfe.national_package import shipped_folder
from corpparent.files.dfe.neighbours import read_neighbours
from corpparent.runs.benchmark import chosen_authorities

MEASURE = "LAC_LongStable%"
#: England's nine regions as LAIT's file names them.
REGIONS = ("North East", "North West", "Yorkshire and the Humber", "East Midlands",
           "West Midlands", "East of England", "London", "South East", "South West")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["benchmark", "-m", MEASURE, *args],
                              prog_name="corpparent")


def json_rows(*args: str) -> list[dict[str, Any]]:
    result = run(*args, "-f", "json")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)["rows"]
    return rows


@cache
def published_in(region: str) -> frozenset[str]:
    """The old LA codes of the current authorities LAIT's shipped file has the
    measure's latest period for in ``region`` (London: both its sub-regions): LAIT
    keeps rows for the authorities replaced in a reorganisation, named "(Pre LG)"."""
    table = pq.read_table(shipped_folder() / "lait_bds_long.parquet").to_pylist()
    rows = [r for r in table if r["Short Desc"] == MEASURE and r["LA Number"] is not None
            and r["LA Number"] < 970]
    latest = max(r["Years"] for r in rows)
    return frozenset(str(int(r["LA Number"])) for r in rows if r["Years"] == latest
                     and "(Pre LG)" not in r["LA and Regions"] and (
        r["Region"] == region or (region == "London" and "London" in r["Region"])))


@cache
def neighbours() -> StatisticalNeighbours:
    return read_neighbours(shipped_folder() / "sn_model_2025_wide.csv")


def shipped_neighbours(code: str) -> list[str]:
    """SN_1 to SN_10 of ``code`` in the package's own copy of the 2025 model."""
    path = shipped_folder() / "sn_model_2025_wide.csv"
    with path.open(encoding="utf-8-sig", newline="") as file:
        row = next(r for r in csv.DictReader(file) if r["old_la_code"] == code)
    return [row[f"SN_{i}"].strip() for i in range(1, 11)]


def test_the_south_west_has_a_row_for_each_of_its_authorities() -> None:
    expected = published_in("South West")
    assert len(expected) == 15  # Isles of Scilly among them, its figure withheld
    path = shipped_folder() / "sn_model_2025_wide.csv"
    with path.open(encoding="utf-8-sig", newline="") as file:
        assert expected == {r["old_la_code"] for r in csv.DictReader(file)
                            if r["region_name"] == "South West"}
    rows = json_rows("--region", "south west")
    assert [r["authority_code"] for r in rows] == sorted(
        expected, key=lambda c: known_areas()[c].name)
    assert {r["region"] for r in rows} == {"South West"}
    alone = {r["authority_code"]: r for r in json_rows("-a", "Wiltshire", "-a", "Torbay")}
    for code in alone:  # ranked and banded among every authority, as when alone
        own = next(r for r in rows if r["authority_code"] == code)
        assert (own["rank"], own["band"], own["travel"]) == (
            alone[code]["rank"], alone[code]["band"], alone[code]["travel"])


def test_the_south_west_in_markdown_names_each_authority() -> None:
    result = run("--region", "South West", "-f", "markdown")
    assert result.exit_code == 0, result.output
    assert "# National benchmark: South West (E12000009)" in result.stdout
    assert "**Authorities:** South West" in result.stdout
    lines = [line for line in result.stdout.splitlines()
             if line.startswith("| Long Term Placement Stability (%) |")]
    assert len(lines) == len(published_in("South West"))
    for code in published_in("South West"):
        name = known_areas()[code].name
        assert sum(f"| {name} (South West) |" in line for line in lines) == 1, name


def test_london_holds_both_its_sub_regions() -> None:
    rows = json_rows("--region", "London")
    assert {r["authority_code"] for r in rows} == published_in("London")
    assert {r["region"] for r in rows} == {"Inner London", "Outer London"}


def test_wiltshire_and_its_ten_neighbours_nearest_first() -> None:
    result = run("--neighbours-of", "Wiltshire", "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["authority_code"] for r in rows] == ["865", *shipped_neighbours("865")]
    assert rows[0]["authority"] == "Wiltshire"
    assert all(r["rank"] or r["symbol"] for r in rows)


def test_neighbours_in_the_document_are_headed_by_the_group() -> None:
    result = run("--neighbours-of", "865", "-f", "html")
    assert result.exit_code == 0, result.output
    assert "Wiltshire and its statistical neighbours" in result.stdout
    assert "Authority (region)" in result.stdout
    for code in shipped_neighbours("865"):
        assert known_areas()[code].name.replace("&", "&amp;") in result.stdout


@pytest.mark.parametrize("output_format", ["terminal", "markdown", "html"])
def test_repeated_la_in_every_text_format(output_format: str) -> None:
    result = run("-a", "Wiltshire", "--la", "dorset", "-a", "865", "-f", output_format)
    assert result.exit_code == 0, result.output
    words = " ".join(result.stdout.split())
    assert "Wiltshire, Dorset (865, 838)" in words
    assert words.index("Wiltshire (South West)") < words.index("Dorset (South West)")


def test_repeated_la_gives_each_once_in_the_order_given(tmp_path: Path) -> None:
    rows = json_rows("-a", "Dorset", "-a", "Wiltshire", "-a", "E06000054")
    assert [r["authority"] for r in rows] == ["Dorset", "Wiltshire"]
    out = tmp_path / "two.parquet"
    result = run("-a", "Dorset", "-a", "Wiltshire", "-f", "parquet", "-o", str(out))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table["authority_code"].to_pylist() == ["838", "865"]
    assert table["rank"].to_pylist() == [r["rank"] for r in rows]


def test_one_authority_has_no_authority_column() -> None:
    result = run("-a", "Wiltshire", "-f", "markdown")
    assert result.exit_code == 0, result.output
    assert "Authority (region)" not in result.stdout
    assert "Region is the South West's figure" in result.stdout
    assert "**Authority:** Wiltshire" in result.stdout


def test_an_unknown_region_lists_the_regions() -> None:
    result = run("--region", "South Wst")
    assert result.exit_code != 0
    assert "no region is called or coded 'South Wst'" in result.output
    for region in ("North East", "South West", "London", "East of England"):
        assert repr(region) in result.output
    assert "Traceback" not in result.output


def test_an_authority_is_no_region() -> None:
    result = run("--region", "Wiltshire")
    assert result.exit_code != 0
    assert "no region is called or coded 'Wiltshire'" in result.output


@pytest.mark.parametrize("option", ["--la", "--neighbours-of"])
def test_england_is_no_local_authority_and_its_figure_is_beside_each(option: str) -> None:
    result = run(option, "England")
    assert result.exit_code == 2
    assert "England is not a local authority" in result.output
    assert "no values" not in result.output
    # What it points to is there: England's published figure, in every authority's row.
    rows = json_rows("-a", "Wiltshire")
    assert rows[0]["england"] is not None
    assert "England" in run("-a", "Wiltshire").output


@pytest.mark.parametrize("region", ["South West", "London", "Inner London"])
def test_a_region_is_no_local_authority_and_the_option_for_its_authorities(
        region: str) -> None:
    result = run("-a", region)
    assert result.exit_code == 2
    assert f"{region} is a region, not a local authority" in result.output
    assert f"--region {region!r}" in result.output
    assert "no values" not in result.output
    assert "Traceback" not in result.output
    # The option it names works, giving the region's authorities, and the region's figure.
    rows = json_rows("--region", region)
    assert len(rows) > 1
    assert all(r["region_value"] is not None for r in rows)


@pytest.mark.parametrize("option", ["--la", "--neighbours-of"])
def test_an_unknown_authority_says_which_was_meant(option: str) -> None:
    result = run("-a", "Dorset", option, "Wiltshre")
    assert result.exit_code != 0
    assert "no area is called or coded 'Wiltshre'; did you mean Wiltshire (865)?" in \
        result.output


def test_an_authority_the_model_gives_no_neighbours() -> None:
    result = run("--neighbours-of", "Cumbria")
    assert result.exit_code != 0
    assert "has no statistical neighbours" in result.output


def test_no_authority_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["benchmark"], prog_name="corpparent")
    assert result.exit_code == 2
    assert "--region NAME" in result.output


# -- chosen_authorities, on the directory of every authority -----------------------

CURRENT = tuple(a for a in known_areas().authorities
                if not known_areas().successors(a.code))


def test_the_nine_regions_partition_the_current_authorities() -> None:
    areas = known_areas()
    chosen = [a for region in REGIONS
              for a in chosen_authorities(areas, neighbours(), region=region)]
    assert sorted(a.code for a in chosen) == sorted(a.code for a in CURRENT)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(CURRENT), max_size=8),
       st.sampled_from((None, *REGIONS)), st.booleans())
def test_each_authority_chosen_once_in_the_order_given(
        named: list[Any], region: str | None, with_neighbours: bool) -> None:
    areas = known_areas()
    centre = "Wiltshire" if with_neighbours else None
    chosen = chosen_authorities(areas, neighbours(), authorities=[a.name for a in named],
                                region=region, neighbours_of=centre)
    assert len(set(chosen)) == len(chosen)
    assert list(chosen[:len(dict.fromkeys(named))]) == list(dict.fromkeys(named))
    assert all(a.level is Level.LOCAL_AUTHORITY for a in chosen)
    if region is not None:
        members = chosen_authorities(areas, neighbours(), region=region)
        assert set(members) <= set(chosen)
    if centre is not None:
        assert {a.code for a in chosen} >= {"865", *neighbours().codes("865")}


def test_an_unknown_region_is_an_unknown_area() -> None:
    with pytest.raises(UnknownAreaError, match="'Yorkshire and The Humber'"):
        chosen_authorities(known_areas(), neighbours(), region="Wessex")


def test_each_authority_has_its_own_funnel_flag(national_data: Path) -> None:
    result = run("--neighbours-of", "Wiltshire", "--ees", str(national_data), "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    measures = {(m.measure, str(m.period)): m for m in read_funnel_measures(national_data)}
    (drawn,) = report["funnels"]
    assert drawn["authority_code"] == "865"  # the first authority is highlighted
    for row in report["rows"]:
        funnel = measures[(row["measure"], row["period"])].funnel()
        point = funnel.point_of(row["authority_code"])
        expected = (Flag.NOT_JUDGED if point is None else point.flag_998).value
        assert row["funnel_998"] == expected, row["authority"]
    assert len(report["rows"]) == 11


def test_the_workbook_and_the_paper_have_every_authority(tmp_path: Path) -> None:
    book_path, paper_path = tmp_path / "sw.xlsx", tmp_path / "sw.docx"
    for path in (book_path, paper_path):
        result = run("--region", "South West", "-f", path.suffix[1:], "-o", str(path))
        assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(book_path)["benchmark"]
    header = [cell.value for cell in sheet[1]]
    codes = [line[header.index("authority_code")].value
             for line in sheet.iter_rows(min_row=2)]
    assert sorted(codes) == sorted(published_in("South West"))
    with zipfile.ZipFile(paper_path) as paper:
        text = paper.read("word/document.xml").decode()
    assert "Authority (region)" in text
    for code in published_in("South West"):
        assert known_areas()[code].name.replace("&", "&amp;") in text


def test_no_values_for_any_names_each_authority() -> None:
    result = run("-a", "Wiltshire", "-a", "Dorset", "-p", "1999")
    assert result.exit_code != 0
    assert "no values for Wiltshire, Dorset in the periods asked for" in result.output
