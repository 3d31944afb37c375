"""Write Wiltshire's 2022-23 Q4 scorecard as an HTML page for councillors, a Word
committee paper, and an Excel workbook of tidy tables for analysts.

The indicators, ranges, targets and comparators come from the built-in ``wiltshire``
authority plug-in, which takes them from Wiltshire Council's Corporate Parenting Panel
annual report 2022-23 (§23-106); the quarterly figures are in
``examples/data/wiltshire_readings_2022-23.csv``. The page is self-contained (no
network), has a trend chart per indicator against its expected range and target, and
ends with the provenance of every figure.
They are written to the current directory, each whole or not at all (a full disk
leaves an earlier copy as it was); their paths are printed.

Run: ``python examples/reports.py``
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from corpparent import FinancialQuarter, Scorecard, read_readings
from corpparent.files.writing import write_whole
from corpparent.plugins import load_profile
from corpparent.report import finish, make_provenance, render, scorecard_report
from corpparent.report.output import render_binary
from corpparent.report.tables import tidy_tables

HERE = Path(__file__).resolve().parent
READINGS = HERE / "data" / "wiltshire_readings_2022-23.csv"


def main() -> None:
    wiltshire = load_profile("wiltshire")
    indicators = wiltshire.indicators
    readings = read_readings(READINGS, indicators)
    comparators = wiltshire.comparators.comparators if wiltshire.comparators else ()
    period = FinancialQuarter(2022, 4)
    result = Scorecard(indicators, comparators=comparators).assess(readings, period)
    provenance = make_provenance(
        inputs=[READINGS], period=period, options={"authority": "wiltshire"},
        generated_at=datetime.now(UTC).replace(microsecond=0), name_only=True,
    )
    report = scorecard_report(result, provenance, authority=wiltshire.name)
    page = finish(report, "html")  # the public profile: small counts withheld
    target = Path.cwd() / "wiltshire-scorecard-2022-23-Q4.html"
    write_whole(target, render(page, "html"), what="the HTML page")
    exceptions = page.exception_report.exceptions
    print(f"{len(exceptions)} exceptions among {len(page.indicators)} indicators")
    print(f"wrote {target}")
    paper = Path.cwd() / "wiltshire-scorecard-2022-23-Q4.docx"
    write_whole(paper, render_binary(finish(report, "docx"), "docx"))  # public, as the page
    print(f"wrote {paper}")
    workbook = Path.cwd() / "wiltshire-scorecard-2022-23-Q4.xlsx"
    write_whole(workbook, render_binary(report, "xlsx"))  # the officers' internal copy
    sheets = ", ".join(f"{t.name} ({len(t.rows)} rows)" for t in tidy_tables(report))
    print(f"wrote {workbook}: {sheets}")


if __name__ == "__main__":
    main()
