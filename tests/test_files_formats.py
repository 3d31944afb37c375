"""The one registry of file formats: each suffix is of one format, every reader and kind
takes its suffixes from it, and a new kind of file is one module and one entry."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from pydantic import BaseModel, ConfigDict, TypeAdapter, field_validator

import corpparent.kinds
from corpparent.cli import cli
from corpparent.errors import DataError, UnknownNameError
from corpparent.files._tabular.dates import required_date
from corpparent.files._tabular.formats import (
    FORMATS,
    RECORD_FORMATS,
    Shape,
    format_named,
    format_of,
    suffixes_of,
)
from corpparent.files._tabular.problems import in_file_order
from corpparent.files._tabular.records import read_records, validate_records
from corpparent.files.kinds import Against, FileKind, sniff
from corpparent.kinds import KINDS
from workbooks import WRITERS

ROWS = [["date", "item", "lead"], ["2024-05-20", "Annual report of the IRO service", ""],
        ["2024-07-15", "Sufficiency strategy", "Head of Placements"],
        ["20/09/2024", "Care leavers' offer", "Leaving Care Manager"]]


def test_each_suffix_is_of_one_format_only() -> None:
    suffixes = [suffix for found in FORMATS for suffix in found.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert all(suffix == suffix.lower() and suffix.startswith(".") for suffix in suffixes)


@pytest.mark.parametrize("suffix", [s for found in FORMATS for s in found.suffixes])
def test_a_file_is_of_the_format_its_suffix_is_of_in_any_case(suffix: str) -> None:
    found = format_of(f"a{suffix}")
    assert suffix in found.suffixes
    assert format_of(f"A{suffix.upper()}") is found


def test_a_suffix_of_no_format_read_names_the_suffixes_that_are() -> None:
    with pytest.raises(DataError) as caught:
        format_of("minutes.docx", ("csv", "json"))
    [problem] = caught.value.problems
    assert (problem.source, problem.expected, problem.found) == (
        "minutes.docx", "a .csv or .json file", "a .docx file")
    with pytest.raises(DataError, match="found a file without a suffix"):
        format_of("README", RECORD_FORMATS)


def test_a_format_named_overrides_the_suffix_among_those_read() -> None:
    assert format_of("attendance.json", RECORD_FORMATS, "csv").name == "csv"
    with pytest.raises(UnknownNameError, match="not a format read here: 'toml'"):
        format_of("plugin.toml", RECORD_FORMATS, "toml")
    with pytest.raises(UnknownNameError, match="the formats are csv, sheet, json, toml"):
        format_named("tsv")


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_every_kind_takes_its_suffixes_from_the_formats_it_names(kind: FileKind) -> None:
    assert kind.formats
    assert kind.suffixes == suffixes_of(kind.formats)
    assert {format_named(name).name for name in kind.formats} == set(kind.formats)


def _json(path: Path, rows: list[list[str]]) -> Path:
    header, *body = rows
    path.write_text(json.dumps([dict(zip(header, row, strict=True)) for row in body]),
                    encoding="utf-8")
    return path


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join(",".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


WRITE: dict[str, Callable[[Path, list[list[str]]], Path]] = {
    ".csv": _csv, ".json": _json, **WRITERS}


@pytest.mark.parametrize("suffix", sorted(WRITE))
def test_records_are_the_same_in_every_format_they_are_read_from(tmp_path: Path,
                                                                 suffix: str) -> None:
    assert format_of(f"plan{suffix}").name in RECORD_FORMATS
    path = WRITE[suffix](tmp_path / f"plan{suffix}", ROWS)
    records = read_records(path, required=("date", "item"), optional=("lead",))
    assert [{name: record.fields.get(name, "") for name in ROWS[0]} for record in records] \
        == [dict(zip(ROWS[0], row, strict=True)) for row in ROWS[1:]]
    if format_of(path).shape is Shape.TABLE:  # the header is the first line or row
        assert [record.row for record in records] == [2, 3, 4]


@pytest.mark.parametrize("suffix", sorted(WRITE))
def test_a_file_is_sniffed_in_its_format(tmp_path: Path, suffix: str) -> None:
    path = WRITE[suffix](tmp_path / f"plan{suffix}", ROWS)
    sniffed = sniff(path)
    assert sniffed.format == format_of(path).name
    assert sniffed.has("date", "item", "lead")
    assert format_of(path).shape is (Shape.DOCUMENT if suffix == ".json" else Shape.TABLE)


def test_a_file_of_no_format_is_of_no_kind(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"PK\x03\x04 not a table")
    assert sniff(path).names == frozenset()
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert "cannot tell what kind of file this is" in result.stderr
    missing = CliRunner().invoke(cli, ["validate", str(tmp_path / "absent.docx")])
    assert "file not found" in missing.stderr


# --- a new kind of file: one module (here, this section) and one registry entry --------


class _PlanItem(BaseModel):
    """One row of a panel's forward plan: when an item is to be taken, and who leads."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date
    item: str
    lead: str | None = None

    _dates = field_validator("date", mode="before")(required_date)


def read_forward_plan(path: Path) -> list[_PlanItem]:
    """The items of a panel's forward plan, from any format records are read from."""
    valid, problems = validate_records(_PlanItem, read_records(
        path, required=("date", "item"), optional=("lead",), json_key="plan"))
    if problems:
        raise DataError(in_file_order(problems))
    return [item for _raw, item in valid]


def _schema() -> dict[str, Any]:
    return TypeAdapter(list[_PlanItem]).json_schema()


FORWARD_PLAN = FileKind(
    "forward-plan", "the items planned for the panel's meetings", RECORD_FORMATS,
    lambda s: (s.has("date", "item") and not s.has("member")) or s.has("plan"),
    lambda path, _against: f"{len(read_forward_plan(path))} items planned", _schema)


def _validate(path: Path) -> Result:
    return CliRunner().invoke(cli, ["validate", str(path)])


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".ods", ".xls"])
def test_a_new_kind_of_file_is_one_module_and_one_registry_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    path = WRITE[suffix](tmp_path / f"plan{suffix}", ROWS)
    assert "cannot tell what kind" in _validate(path).stderr  # not yet registered

    monkeypatch.setattr(corpparent.kinds, "KINDS", (*KINDS, FORWARD_PLAN))
    result = _validate(path)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"ok: {path}: 3 items planned\n"

    WRITE[suffix](path, [*ROWS, ["2024-13-01", "Health of children in care", ""]])
    result = _validate(path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}, line 5, field 'date")
    in_json = _json(tmp_path / "plan.json", ROWS)
    assert FORWARD_PLAN.check(in_json, Against()) == "3 items planned"
