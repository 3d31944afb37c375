"""The 2025 statistical-neighbour model and Ofsted's outcomes, read from the real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpparent.dfe.neighbours import Closeness, StatisticalNeighbours
from corpparent.dfe.ofsted import Judgement
from corpparent.errors import DataError
from corpparent.files.dfe.neighbours import read_neighbours
from corpparent.files.dfe.ofsted import read_ofsted
from national_data import NATIONAL_DATA

DFE = NATIONAL_DATA
HEADER = "old_la_code,la_name,region_ind,region_name," + ",".join(
    f"SN_{i},SN_{i}P" for i in range(1, 11))


@pytest.fixture(scope="module")
def model(national_data: Path) -> StatisticalNeighbours:
    return read_neighbours(DFE / "sn_model_2025_wide.csv")


def test_wiltshires_ten_neighbours(model: StatisticalNeighbours) -> None:
    # national-rules.md §3.1: Wiltshire (865) 2025 neighbours, Hampshire extremely close.
    neighbours = model.of("Wiltshire")
    assert [n.name for n in neighbours] == [
        "Hampshire", "Gloucestershire", "North Somerset", "West Sussex", "Leicestershire",
        "Warwickshire", "Cheshire East", "Essex", "North Yorkshire", "South Gloucestershire"]
    assert neighbours[0].closeness is Closeness.EXTREMELY_CLOSE
    assert {n.closeness for n in neighbours[1:]} == {Closeness.VERY_CLOSE}
    assert model.codes("865")[0] == "850"


def test_staffordshires_ten_neighbours(model: StatisticalNeighbours) -> None:
    # national-rules.md §3.1: Staffordshire (860) 2025 neighbours.
    assert [n.name for n in model.of("860")] == [
        "East Riding of Yorkshire", "Herefordshire, County of", "Shropshire",
        "North Yorkshire", "Somerset", "Derbyshire", "Warrington", "Nottinghamshire",
        "Westmorland and Furness", "Lancashire"]


def test_the_model_covers_153_authorities_with_ten_distinct_neighbours(
        model: StatisticalNeighbours) -> None:
    assert len(model) == 153
    for area in model:
        codes = model.codes(area.code)
        assert len(set(codes)) == 10
        assert area.code not in codes


def _model(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "sn.csv"
    path.write_text("\ufeff" + HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _eleven_authorities() -> list[str]:
    """Rows of a well-formed model of 11 authorities, each the others' neighbour."""
    codes = [str(c) for c in range(801, 812)]
    return [f"{code},LA {code},7,South West,"
            + ",".join(f"{n},Close " for n in codes if n != code)
            for code in codes]


@pytest.mark.parametrize(
    ("line", "old", "new", "field"),
    [(4, ",801,", ",999,", "SN_1"),        # a neighbour that is not in the model
     (2, "Close ", "Near", "SN_1P"),       # a closeness label the model does not use
     (3, ",801,", ",803,", "SN_2")],       # the same neighbour twice
)
def test_a_bad_neighbour_cell_is_named_by_row_and_column(
        tmp_path: Path, line: int, old: str, new: str, field: str) -> None:
    rows = _eleven_authorities()
    read_neighbours(_model(tmp_path, *rows))
    rows[line - 2] = rows[line - 2].replace(old, new, 1)
    with pytest.raises(DataError) as caught:
        read_neighbours(_model(tmp_path, *rows))
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (line, field)


def test_a_model_without_a_neighbour_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sn.csv"
    path.write_text(HEADER.replace(",SN_10P", "") + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_neighbours(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (1, "SN_10P")


@pytest.mark.national_data
def test_ofsted_outstanding_authorities() -> None:
    # Ofsted, LA inspection outcomes at 31 March 2025: 36 Outstanding, Wiltshire among them
    # (inspected 25 September 2023); Staffordshire "Requires improvement to be good".
    outcomes = read_ofsted(DFE / "ofsted_ilacs_outcomes_2025-03-31.csv")
    assert len(outcomes) == 153
    outstanding = outcomes.codes()
    assert len(outstanding) == 36
    assert "865" in outstanding
    assert "860" not in outstanding
    wilts = outcomes.get("Wiltshire")
    assert wilts is not None
    assert wilts.inspected.isoformat() == "2023-09-25"
    staffs = outcomes.get("E10000028")
    assert staffs is not None
    assert staffs.overall is Judgement.REQUIRES_IMPROVEMENT
    assert staffs.children_in_care is Judgement.GOOD


@pytest.mark.national_data
def test_a_bad_judgement_or_date_is_named(tmp_path: Path) -> None:
    source = (DFE / "ofsted_ilacs_outcomes_2025-03-31.csv").read_text(encoding="utf-8")
    lines = source.splitlines()
    lines[1] = lines[1].replace("2023-07-10", "10/07/2023")
    lines[2] = lines[2].replace(",Good,", ",Excellent,", 1)
    path = tmp_path / "ofsted.csv"
    path.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_ofsted(path)
    assert [(p.line, p.field) for p in caught.value.problems] == [
        (2, "Inspection date"), (3, "Overall effectiveness")]


@pytest.mark.national_data
def test_the_april_2021_groupings_are_read_too() -> None:
    # New_Statistical_Neighbour_Groupings_April_2021.csv: Wiltshire's nearest is
    # Gloucestershire (Extremely Close); the file ends with the groupings of abolished
    # authorities under an "Old SNs:" heading, which are kept.
    model = read_neighbours(DFE / "New_Statistical_Neighbour_Groupings_April_2021.csv")
    wilts = model.of("865")
    assert [n.name for n in wilts][:3] == ["Gloucestershire", "Shropshire", "Devon"]
    assert wilts[0].closeness is Closeness.EXTREMELY_CLOSE
    assert model.of("Dorset (Pre LG)")[0].code == "893"
