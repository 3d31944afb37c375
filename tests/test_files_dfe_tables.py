"""The DfE's tables from a DataFrame: the LAIT dictionary and an EES file read from
pandas and polars give what the published CSV files give."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import polars as pl
import pytest

from corpparent.files.dfe.ees import read_ees
from corpparent.files.dfe.lait import read_lait_dictionary

pytestmark = pytest.mark.national_data

COLUMNS = ("children_count", "children_percent")


def test_the_lait_dictionary_from_a_dataframe(national_data: Path) -> None:
    path = national_data / "lait_data_dictionary.csv"
    expected = list(read_lait_dictionary(path))
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(read_lait_dictionary(frame)) == expected
    assert list(read_lait_dictionary(pl.read_csv(path, infer_schema=False))) == expected


def test_an_ees_file_from_a_dataframe(national_data: Path) -> None:
    path = national_data / "la_cla_placement_stability.csv"
    expected = read_ees(path, COLUMNS).rows
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert read_ees(frame, COLUMNS).rows == expected
