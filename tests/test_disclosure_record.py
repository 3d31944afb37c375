"""The disclosure record: what an authority's public papers have published, kept so the
next paper can be protected against all of them."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from corpparent.errors import DataError
from corpparent.files.panel.disclosure_record import (
    DATA_DIR_ENV,
    RECORD_NOTE,
    DisclosureRecord,
    default_record_path,
    read_record,
    record_published,
)

APRIL = {("value", "moves", "2024-04"): 7.0, ("value", "missing", "2024-04"): None}
MAY = {("value", "moves", "2024-05"): 9.0, ("value", "moves", "2024-04"): 8.0}


def test_no_file_is_an_empty_record(tmp_path: Path) -> None:
    record = read_record(tmp_path / "none.json", "Wiltshire")
    assert record == DisclosureRecord("Wiltshire")
    assert record.known == {}


def test_only_published_figures_are_recorded_and_revisions_keep_their_first_paper(
        tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    record_published(path, "Wiltshire", "April 2024", APRIL)
    record = record_published(path, "Wiltshire", "May 2024", MAY)
    assert record == read_record(path, "Wiltshire")
    assert record.known == {("value", "moves", "2024-04"): 8.0,
                            ("value", "moves", "2024-05"): 9.0}
    revised = record.figures[("value", "moves", "2024-04")]
    assert (revised.first_paper, revised.last_paper) == ("April 2024", "May 2024")
    assert record.papers == ("April 2024", "May 2024")
    text = path.read_text(encoding="utf-8")
    assert json.loads(text)["note"] == RECORD_NOTE
    assert "missing" not in text  # a withheld figure leaves no trace


def test_a_paper_recorded_twice_is_listed_once(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    record_published(path, "Wiltshire", "April 2024", APRIL)
    assert record_published(path, "Wiltshire", "April 2024", APRIL).papers == ("April 2024",)


def test_names_differing_only_in_case_or_punctuation_are_one_authority(
        tmp_path: Path) -> None:
    """The plug-in's identifier and a paper's --name, as 'wiltshire' and 'Wiltshire',
    are one authority, as they are one file (disclosure/wiltshire.json)."""
    path = tmp_path / "wiltshire.json"
    record_published(path, "wiltshire", "April 2024", APRIL)
    assert read_record(path, "Wiltshire").papers == ("April 2024",)
    assert read_record(path, "WILTSHIRE.").papers == ("April 2024",)


def test_another_authoritys_record_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    record_published(path, "Wiltshire", "April 2024", APRIL)
    with pytest.raises(DataError, match="record of 'Wiltshire', not of 'Staffordshire'"):
        read_record(path, "Staffordshire")


@pytest.mark.parametrize("text", ["[]", "{", '{"authority": "Wiltshire", "figures": '
                                  '[{"key": [], "value": 1, "first_paper": "a", '
                                  '"last_paper": "a"}]}'])
def test_a_file_that_is_not_a_record_is_named(tmp_path: Path, text: str) -> None:
    path = tmp_path / "record.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"record\.json.*not a corpparent disclosure record"):
        read_record(path, "Wiltshire")


def test_the_default_record_is_in_the_data_folder_not_beside_the_papers(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert default_record_path("Bath and North East Somerset") == (
        tmp_path / "disclosure" / "bath-and-north-east-somerset.json")
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_record_path("Wiltshire").parent == tmp_path / "xdg" / "corpparent" / \
        "disclosure"


def _add(path: str, paper: int) -> None:
    record_published(path, "Wiltshire", f"paper {paper}",
                     {("value", "moves", f"2024-{paper:02d}"): float(paper)})


def test_papers_written_at_once_all_reach_the_record(tmp_path: Path) -> None:
    path = str(tmp_path / "record.json")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_add, args=(path, paper)) for paper in range(1, 9)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(read_record(path, "Wiltshire").figures) == 8


def test_the_keys_of_withheld_figures_are_kept_never_their_values(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    record_published(path, "Wiltshire", "April 2024", APRIL,
                     withheld=[("value", "missing", "2024-04")])
    record = read_record(path, "Wiltshire")
    assert record.withheld == {("value", "missing", "2024-04")}
    assert ("value", "missing", "2024-04") not in record.known


def test_a_record_kept_under_the_authoritys_name_is_read_as_its_own(tmp_path: Path) -> None:
    """Earlier builds kept the record under the name the papers showed: it is the
    authority's record when that is one of its names, and is read with its own."""
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    record_published(old, "Wiltshire Council", "April 2024", APRIL,
                     [("value", "missing", "2024-04")])
    with pytest.raises(DataError, match="record of 'Wiltshire Council', not of 'wiltshire'"):
        read_record(old, "wiltshire")
    assert read_record(old, "wiltshire", names=["Wiltshire Council"]).authority == "wiltshire"
    record = record_published(new, "wiltshire", "May 2024", MAY,
                              names=["Wiltshire Council"], earlier=[old])
    assert record == read_record(new, "wiltshire")
    assert record.papers == ("April 2024", "May 2024")
    assert record.known[("value", "moves", "2024-04")] == 8.0  # the newer paper's
    assert record.withheld == {("value", "missing", "2024-04")}
    assert json.loads(new.read_text(encoding="utf-8"))["authority"] == "wiltshire"
