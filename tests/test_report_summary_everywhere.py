"""Every summary count has one meaning and the same number in every format: the
indicators of the scorecard by headline status, for the Wiltshire and Staffordshire
examples, as the terminal, Markdown, HTML, JSON, Word and CSV outputs print them."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.report.labels import SUMMARY_ORDER, status_key, status_label

DATA = Path(__file__).resolve().parent.parent / "examples" / "data"
CASES = {
    "wiltshire": [str(DATA / "wiltshire_readings_2022-23.csv"), "-a", "wiltshire",
                  "-p", "2022-23 Q4"],
    "staffordshire": [str(DATA / "staffordshire_readings_2019-20.csv"), "-a",
                      "staffordshire", "-p", "2019-10"],
}


def _run(args: list[str], fmt: str, output: Path | None = None) -> str:
    extra = ["-o", str(output)] if output else []
    result = CliRunner().invoke(cli, ["scorecard", *args, "-f", fmt, "--profile", "internal",
                                      *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def _counted(text: str) -> dict[str, int]:
    """The "label: n" pairs of a summary, by status key."""
    found = {}
    for status in SUMMARY_ORDER:
        match = re.search(re.escape(status_label(status)) + r": (\d+)", text)
        if match:
            found[status_key(status)] = int(match.group(1))
    return found


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_format_prints_the_same_summary(case: str, tmp_path: Path) -> None:
    args = CASES[case]
    document = json.loads(_run(args, "json"))
    expected = document["summary"]
    assert sum(expected.values()) == len(document["indicators"])
    headlines = Counter(status_key(None) if i["status"] is None else i["status"]
                        for i in document["indicators"])
    assert expected == dict(headlines)

    terminal = _run(args, "terminal")
    markdown = _run(args, "markdown")
    html = _run(args, "html")
    lead = markdown.split("## Exception report")[0]
    glance = html.split("<h2>Exception report")[0] if "<h2>Exception report" in html else html
    assert _counted(re.sub(r"[│\s]+", " ", terminal)) == expected  # lines wrap in the box
    assert _counted(lead) == expected
    assert _counted(glance) == expected

    paper = docx.Document(io.BytesIO(_paper(args, tmp_path)))
    table = paper.tables[0]
    from_paper = {row.cells[0].text: int(row.cells[1].text) for row in table.rows[1:]}
    assert _counted(" ".join(f"{k}: {v}" for k, v in from_paper.items())) == expected

    rows = list(csv.DictReader(io.StringIO(_run(args, "csv"))))
    from_csv = Counter(r["status"] for r in rows if r["is_report_period"] == "yes")
    assert dict(from_csv) == expected


def _paper(args: list[str], where: Path) -> bytes:
    out = where / "paper.docx"
    _run(args, "docx", out)
    return out.read_bytes()


def test_the_exception_report_agrees_with_the_headlines() -> None:
    """The headline "insufficient data: n" is the section below it, not a count of
    something else: each indicator with no value is listed once under Insufficient data."""
    document = json.loads(_run(CASES["wiltshire"], "json"))
    no_value = {i["id"] for i in document["indicators"]
                if i["status"] == "insufficient data"}
    listed = [f["subject"] for f in document["exception_report"]["insufficient"]]
    assert no_value
    assert no_value <= set(listed)
    for section in ("exceptions", "successes", "insufficient"):
        subjects = [f["subject"] for f in document["exception_report"][section]]
        assert len(subjects) == len(set(subjects)), section
