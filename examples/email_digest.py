"""A new output format in one module: a plain-text email digest of any report.

The digest is what an officer pastes into an email to the panel: the title, who it is
for, the summary counts, and each list of findings with its count, one line a finding.
It writes the report's document, like every built-in format, so its counts are the
counts of the HTML page and the Word paper. One call registers it; from then on
``render(report, "digest")`` writes it.

Run: ``python examples/email_digest.py``
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from corpparent import FinancialQuarter, Scorecard, read_readings
from corpparent.plugins import load_profile
from corpparent.report import (
    Backend,
    FindingsReport,
    ScorecardReport,
    compose,
    finish,
    format_names,
    make_provenance,
    register,
    render,
    scorecard_report,
    status_label,
)
from corpparent.report.document import FindingList
from corpparent.report.formats import RenderOptions
from corpparent.report.labels import finding_label

READINGS = Path(__file__).resolve().parent / "data" / "wiltshire_readings_2022-23.csv"


def write_digest(report: ScorecardReport | FindingsReport, options: RenderOptions) -> str:
    """The report as a plain-text email, wrapped to 72 columns."""
    document = compose(report)
    lines = [f"Subject: {document.title}", "", document.banner, ""]
    counts = ", ".join(f"{status_label(s)}: {n}" for s, n in document.summary)
    lines += [*textwrap.wrap(f"{document.lead}: {counts}", 72), ""]
    for block in document.blocks():
        if isinstance(block, FindingList) and block.findings:
            lines += [block.heading, "-" * len(block.heading)]
            for finding in block.findings:
                lines += textwrap.wrap(f"{finding_label(finding)}: {finding.explanation}", 72,
                                       initial_indent="* ", subsequent_indent="  ")
            lines.append("")
    lines += [*document.notes, f"corpparent {document.version}"]
    return "\n".join(lines) + "\n"


DIGEST = Backend("digest", binary=False, publishable=True, writer=write_digest,
                 description="a plain-text email to the panel")


def main() -> None:
    if "digest" not in format_names():
        register(DIGEST)
    wiltshire = load_profile("wiltshire")
    period = FinancialQuarter(2022, 4)
    result = Scorecard(wiltshire.indicators).assess(
        read_readings(READINGS, wiltshire.indicators), period)
    report = scorecard_report(result, make_provenance(period=period),
                              authority="Wiltshire Council")
    print(render(finish(report, "digest"), "digest"))


if __name__ == "__main__":
    main()
