"""Measure how long ``corpparent disclosure check`` takes on the papers corpparent 0.2
published of the adversary's scenario (``tests/data/disclosure_0_2``).

Not a test: it prints timings for the machine it runs on. Run with ``make bench``.

Two sets of papers are checked, as ``tests/test_disclosure_check.py`` checks them: the
April, May, May-with-a-tolerance, first-quarter and year papers; and the same with
June's own paper, which prints a ``c`` for June's dental-check percentage. With it, the
June numerator joins one group of 32 figures a reader does not see: the year's and the
quarters' numerators and denominators and the nine months after June that no paper
prints, tied by percentages that only a few narrow fractions fit.

Before the feasibility questions were steered (commit d937c3b), on this machine (two
cores shared with other work, a load average of 1 to 7 while it ran), the second set
took 160 to 207 s: twelve questions such as "can the second quarter's denominator be 3"
each ran out of their 5 s (10 to 22 s of wall time under that load), and 314 questions
were put to the solver in all; the first set took about 2 s (0.7 to 0.8 s of processor
time). Now the second set puts 121 questions, none undecided, and each set takes under
a second of processor time (1.6 to 8 s of wall time as the load varied). Wall time on a
loaded machine can be several times the processor time, so both are printed, with the
load average at the start.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from corpparent.report import ScorecardReport
from corpparent.report.disclosure import CheckResult, check
from corpparent.report.disclosure.check import read_report
from corpparent.report.model import AnyReport, ExceptionReportOut
from corpparent.report.parts import TrendPoint

PAPERS = Path(__file__).resolve().parent.parent / "tests" / "data" / "disclosure_0_2"
NAMES = ("april.json", "may.json", "may-tolerance.json", "q1.json", "year.json")


def june_paper(quarter: AnyReport) -> ScorecardReport:
    """June's paper of the dental-check indicator alone, its percentage withheld (``c``),
    as 0.2 withheld a percentage whose numerator was below 6: the quarter's paper with
    one indicator, one withheld point, and no findings."""
    assert isinstance(quarter, ScorecardReport)
    (dental,) = [item for item in quarter.indicators if item.id == "dental_checks"]
    withheld = TrendPoint(period="2023-06", value=None, symbol="c",
                          note="withheld (c) to protect the children concerned")
    indicator = dental.model_copy(update={
        "value": None, "value_text": "c", "symbol": "c", "trend": [withheld],
        "beside": [], "comparators": [], "findings": []})
    return quarter.model_copy(update={
        "title": "Scorecard, 2023-06", "period": "2023-06", "indicators": [indicator],
        "exception_report": ExceptionReportOut(exceptions=[], successes=[],
                                               insufficient=[])})


def measured(label: str, action: Callable[[], CheckResult], repeat: int = 3) -> None:
    """The best wall and processor time of ``repeat`` runs, and what the check found."""
    wall = cpu = float("inf")
    result = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = action()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    assert result is not None
    undecided = sum(not item.range.decided for item in result.figures)
    print(f"{label:<44} {wall * 1000:9.1f} ms wall {cpu * 1000:9.1f} ms cpu")
    print(f"  {len(result.figures)} figures listed, {len(result.narrowed)} narrowed, "
          f"{undecided} undecided")


def main() -> None:
    print(f"load average at the start: {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    papers = [read_report(PAPERS / name) for name in NAMES]
    june = june_paper(papers[NAMES.index("q1.json")])
    check(papers[:1])  # SciPy imported once, outside the timings
    measured("check() on 0.2's five papers", lambda: check(papers))
    measured("check() on them and June's paper", lambda: check([*papers, june]))


if __name__ == "__main__":
    main()
