"""A year not read between the returns read: the figures of the years after it are
those of the returns from it on, never read across it (a child's episode open at the end
of one year is closed, if at all, in the next year's return), and the run says which
returns it left out and why."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest

from corpparent.files import read_returns
from corpparent.files.ssda903.writer import write_returns
from corpparent.periods import FinancialYear
from corpparent.runs.ssda903 import ssda903_measures
from corpparent.ssda903 import Returns, compute
from corpparent.ssda903.synthetic import synthesise

LAST = FinancialYear(2024)


@cache
def _written(root: Path) -> Path:
    write_returns(synthesise(300, 3, 7, last=LAST), root)
    return root


def _folder(tmp_path: Path, years: list[str]) -> Returns:
    every = _written(tmp_path / "every")
    kept = tmp_path / f"read {' '.join(years)}"
    for year in years:
        shutil.copytree(every / year, kept / year)
    return read_returns(kept)


def test_the_year_after_a_gap_is_measured_from_its_own_return(tmp_path: Path) -> None:
    """2022-23 and 2024-25 read, 2023-24 not: 2024-25's figures are those of its return
    read alone, where read across the gap they counted every child who left care in
    2023-24 as still looked after at 31 March 2025."""
    gap = _folder(tmp_path, ["2022-23", "2024-25"])
    alone = _folder(tmp_path, ["2024-25"])
    across = compute(gap, LAST)
    assert across == compute(alone, LAST)
    whole = _folder(tmp_path, ["2022-23", "2023-24", "2024-25"])
    (with_every,) = [v for v in compute(whole, LAST) if v.measure == "cla_31_march"]
    (gap_cla,) = [v for v in across if v.measure == "cla_31_march"]
    assert gap_cla.numerator == with_every.numerator


def test_the_returns_left_out_are_named_with_the_year_missing(tmp_path: Path) -> None:
    gap = _folder(tmp_path, ["2022-23", "2024-25"])
    run = ssda903_measures(gap, "2024-25", ["cla_31_march"])
    said = [str(w) for w in run.warnings]
    assert [w for w in said if w.startswith(
        "the 2022-23 return is not used for 2024-25's figures: 2023-24's is not read, and "
        "a child's episode open at 1 April 2023 is closed, if at all, in it")]


@pytest.mark.parametrize("years", [["2023-24", "2024-25"], ["2022-23", "2023-24", "2024-25"]])
def test_returns_read_without_a_gap_are_used_as_they_are(tmp_path: Path,
                                                         years: list[str]) -> None:
    found = _folder(tmp_path, years)
    assert found.unbroken_to(LAST) is found
    run = ssda903_measures(found, "2024-25", ["cla_31_march"])
    assert not [w for w in run.warnings if "not used for" in str(w)]
