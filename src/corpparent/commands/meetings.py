"""``corpparent meetings``: quorum, frequency, attendance and composition from records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from corpparent.commands.common import (
    DateType,
    Output,
    PeriodType,
    load_from_python,
    output_options,
    report_findings,
)
from corpparent.findings import Finding, Status
from corpparent.governance.constitution import Constitution
from corpparent.governance.frequency import MeetingLog
from corpparent.governance.membership_file import read_membership
from corpparent.governance.panel import PanelRecord
from corpparent.governance.records import read_meetings
from corpparent.periods import Period

__all__ = ["governance_findings", "meetings"]


def governance_findings(
    constitution: Constitution,
    meeting_file: Path,
    membership_file: Path | None,
    period: Period,
    as_of: date,
) -> tuple[Finding, ...]:
    """Every governance finding for ``period``: the constitution's whole review with a
    membership file; without one, meeting frequency, and a finding that says quorum,
    attendance and composition could not be judged."""
    records = read_meetings(meeting_file)
    if membership_file is not None:
        record = PanelRecord.for_period(constitution.panel, read_membership(membership_file),
                                        records, period, as_of=as_of)
        return constitution.review(record)
    found: list[Finding] = []
    if constitution.frequency is not None:
        log = MeetingLog.of(records, period.start, period.end, as_of, panel=constitution.panel,
                            kinds=constitution.frequency_counts)
        found.extend(constitution.frequency.findings(log))
    found.append(Finding(
        subject=constitution.panel,
        rule="quorum, attendance and composition",
        status=Status.INSUFFICIENT_DATA,
        explanation=("Quorum, attendance and composition were not judged: they need the "
                     "panel's membership (give --membership)."),
        evidence={"meetings": len(records.between(period.start, min(period.end, as_of)))},
        period=period,
        outcome="insufficient data",
    ))
    return tuple(found)


@click.command(short_help="Check quorum, meeting frequency and attendance.")
@click.argument("meeting_file", metavar="MEETINGS",
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--constitution", "-C", "constitution_ref", required=True,
              metavar="FILE.py[:NAME]",
              help="The panel's Constitution: a Python file or module and the Constitution "
              "(or function returning one) it defines.")
@click.option("--membership", "-m", "membership_file",
              type=click.Path(dir_okay=False, path_type=Path),
              help="The membership file (JSON): who sat on the panel, and when. Needed for "
              "quorum, attendance and composition.")
@click.option("--period", "-p", type=PeriodType(), required=True,
              help="The span to judge, e.g. 'MY 2019-20' or '2022-23'.")
@click.option("--as-of", type=DateType(),
              help="The day the records are read on. Default: the period's last day.")
@click.option("--authority", "-a", help="The authority's name, shown in the report.")
@output_options
def meetings(
    meeting_file: Path,
    constitution_ref: str,
    membership_file: Path | None,
    period: Period,
    as_of: date | None,
    authority: str | None,
    out: Output,
) -> None:
    """Judge a panel's meetings against its constitution: quorum at each formal meeting,
    meeting frequency and gaps, attendance over each member's tenure, and composition.

    MEETINGS is a meeting records file (CSV: date, member, attendance; or JSON).

    \b
    Examples:
      corpparent meetings examples/data/staffordshire_2019-20_meetings.csv \\
          -C examples/governance.py:STAFFORDSHIRE \\
          -m examples/data/staffordshire_2019-20_membership.json -p "MY 2019-20"
      corpparent meetings examples/data/wiltshire_2022-23_meetings.csv \\
          -C examples/governance.py:WILTSHIRE -p 2022-23 -f markdown
      corpparent meetings meetings.csv -C constitution.py -m members.json -p 2022-23 \\
          --fail-on-breach -f json -o governance.json
    """
    constitution = load_from_python(constitution_ref, Constitution, "constitution")
    day = as_of or period.end
    findings = governance_findings(constitution, meeting_file, membership_file, period, day)
    inputs = [meeting_file] if membership_file is None else [meeting_file, membership_file]
    report_findings(
        findings, out, title=f"{constitution.panel}: governance, {period}", authority=authority,
        period=period, inputs=inputs,
        options={"constitution": constitution_ref, "as_of": day.isoformat()},
    )
