"""Every CSV the benchmark command writes, whichever authorities and periods it is asked
for, opens in pandas and polars with no options: each column holds one type. LAIT's
``Years`` labels mix a year with the release it is from ("2025 (Rev)", "2024-25 (OT)"),
so the downloads carry the year as a number (``year``) and the release as text
(``release``) instead."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pandas
import polars
import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.dfe.national_inputs import benchmark_national
from corpparent.files.dfe.national_package import read_national_inputs
from corpparent.report.model import BenchmarkRowOut
from corpparent.report.tables import model_types

EES = Path("/work/shared/data/dfe")

#: Each way of choosing authorities and periods, with a measure or two where the whole
#: would take long; the labels of these carry release notes ("(Rev)", "(OT)").
FORMS = {
    "one authority": ("-a", "Wiltshire"),
    "one authority, every period": ("-a", "Wiltshire", "--all-periods"),
    "one authority, periods named": ("-a", "Wiltshire", "-p", "2024", "-p", "2023-24"),
    "several authorities": ("-a", "Wiltshire", "-a", "Dorset"),
    "a region": ("--region", "London"),
    "a region, every period": ("--region", "South West", "-m", "LAC_LongStable%",
                               "-m", "FosteringFinance", "--all-periods"),
    "neighbours": ("--neighbours-of", "Wiltshire"),
    "neighbours, every period": ("--neighbours-of", "Wiltshire", "-m", "CPP_rate",
                                 "-m", "A3A", "--all-periods"),
}


def _csv(args: tuple[str, ...], tmp_path: Path) -> Path:
    target = tmp_path / "benchmark.csv"
    result = CliRunner().invoke(cli, ["benchmark", *args, "-f", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.mark.parametrize("args", list(FORMS.values()), ids=list(FORMS))
def test_pandas_and_polars_read_every_csv_with_no_options(args: tuple[str, ...],
                                                          tmp_path: Path) -> None:
    target = _csv(args, tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a mixed-type column warns in pandas
        frame = pandas.read_csv(target)
    other = polars.read_csv(target)
    assert frame.shape == other.shape
    assert len(frame) > 0
    assert str(frame["year"].dtype) == "int64"
    assert other.schema["year"] == polars.Int64
    assert other.schema["release"] == polars.String
    # A column the report declares a number is read as numbers by both, wherever
    # polars sees one in the rows it infers types from (its first 100).
    declared = dict(zip(BenchmarkRowOut.model_fields, model_types(BenchmarkRowOut),
                        strict=True))
    for name, kind in declared.items():
        if kind in ("integer", "number") and other[name].head(100).drop_nulls().len():
            assert other.schema[name].is_numeric(), name
            assert frame[name].dtype.kind in "if", name


def test_the_year_and_release_are_the_labels_own(tmp_path: Path) -> None:
    """``year`` is the year LAIT's label names (the year the period ends in) and
    ``release`` the note after it, in words, for every row of Wiltshire's whole record."""
    target = _csv(FORMS["one authority, every period"], tmp_path)
    engine = {(r["measure"], r["period"]): r["years"] for r in benchmark_national(
        read_national_inputs()).authority("Wiltshire").to_pylist()}
    notes = {"OT": "outturn", "Rev": "revised", "Final": "final", "prov": "provisional"}
    seen = set()
    with target.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = engine[(row["measure"], row["period"])]
            year, _, note = label.partition(" (")
            last = year.replace("/", "-").split("-")[-1]
            assert row["year"] == str(int(last) + (2000 if len(last) == 2 else 0)), label
            assert row["release"] == (notes[note.rstrip(")")] if note else ""), label
            seen.add(row["release"])
    assert {"", "revised", "outturn"} <= seen


@pytest.mark.skipif(not EES.is_dir(), reason="the DfE's EES files are not here")
def test_the_csv_with_funnel_flags_reads_too(tmp_path: Path) -> None:
    target = _csv(("--neighbours-of", "Wiltshire", "--ees", str(EES)), tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = pandas.read_csv(target)
    other = polars.read_csv(target)
    assert frame.shape == other.shape
    assert set(other["funnel_998"].drop_nulls()) <= {"above", "below", "within", "not judged"}
    assert other["funnel_998"].drop_nulls().len() > 0
