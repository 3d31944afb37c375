"""Write Wiltshire's 2022-23 Q4 scorecard as an HTML page for councillors.

The indicators, ranges, targets and comparators come from the built-in ``wiltshire``
authority plug-in, which takes them from Wiltshire Council's Corporate Parenting Panel
annual report 2022-23 (§23-106); the quarterly figures are in
``examples/data/wiltshire_readings_2022-23.csv``. The page is self-contained (no
network), has a trend chart per indicator against its expected range and target, and
ends with the provenance of every figure.
It is written to the current directory; its path is printed.

Run: ``python examples/reports.py``
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from corpparent import FinancialQuarter, Scorecard, read_readings
from corpparent.plugins import load_profile
from corpparent.report import finish, make_provenance, render, scorecard_report

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
    target.write_text(render(page, "html"), encoding="utf-8")
    exceptions = page.exception_report.exceptions
    print(f"{len(exceptions)} exceptions among {len(page.indicators)} indicators")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
