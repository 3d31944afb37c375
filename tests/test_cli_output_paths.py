"""Where a report is written: a name that means a folder is refused, a CSV and the
tables beside it are written whole or not at all, and a binary format without a file is
refused before any work, on one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from reports_support import READINGS

BASE = ["scorecard", str(READINGS), "-a", "wiltshire", "-p", "2022-23 Q4"]


def test_a_name_ending_in_a_slash_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    result = CliRunner().invoke(cli, [*BASE, "-f", "html", "-o", f"{folder}/"])
    assert result.exit_code == 2
    assert "names a folder: give a file name" in result.stderr
    assert not folder.exists()


def test_no_table_is_written_unless_all_can_be(tmp_path: Path) -> None:
    (tmp_path / "s-findings.csv").mkdir()
    result = CliRunner().invoke(cli, [*BASE, "-f", "csv", "-o", str(tmp_path / "s.csv")])
    assert result.exit_code == 2
    assert "s-findings.csv: cannot write a table here: it is a folder" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s-findings.csv"]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "parquet"])
def test_a_binary_format_without_a_file_is_one_line_before_any_work(fmt: str) -> None:
    result = CliRunner().invoke(cli, [*BASE, "-f", fmt], prog_name="corpparent")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"corpparent scorecard: error: --format {fmt} writes a binary file: give --output "
        "FILE (see 'corpparent scorecard --help')"]


@pytest.mark.parametrize(("suffix", "starts"), [
    (".docx", b"PK"), (".html", b"<!DOCTYPE html>"), (".md", b"# Wiltshire"),
    (".json", b"{"),
])
def test_without_a_format_the_output_suffix_chooses_it(tmp_path: Path, suffix: str,
                                                       starts: bytes) -> None:
    """``-o paper.docx`` alone writes a Word paper, where 0.2 wrote the terminal's text
    into a file called .docx; a format given still wins."""
    target = tmp_path / f"report{suffix}"
    result = CliRunner().invoke(cli, ["scorecard", str(READINGS), "-a", "wiltshire", "-p",
                                      "2022-23 Q4", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().lstrip().startswith(starts)
    forced = tmp_path / f"forced{suffix}"
    assert CliRunner().invoke(cli, ["scorecard", str(READINGS), "-a", "wiltshire", "-p",
                                    "2022-23 Q4", "-f", "markdown", "-o",
                                    str(forced)]).exit_code == 0
    assert forced.read_bytes().startswith(b"# Wiltshire")
