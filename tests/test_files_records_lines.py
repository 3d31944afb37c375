"""The shared record reader numbers CSV records by their line in the file."""

from __future__ import annotations

from pathlib import Path

from corpparent.files.records import read_records


def test_records_after_a_blank_line_keep_their_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("document,date\nminutes,2023-01-05\n\nreport,2023-02-05\n",
                    encoding="utf-8")
    records = read_records(path, required=("document", "date"))
    assert [(r.row, r.fields["document"]) for r in records] == [(2, "minutes"), (4, "report")]
