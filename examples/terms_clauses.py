"""Three clause forms a terms of reference may use, declared in a plug-in file and judged:
political balance in proportion to the council, standing invitees, and minutes due by
the next meeting of another body.

Run: python examples/terms_clauses.py
"""

from __future__ import annotations

from datetime import date

from corpparent.files import profile_from_toml
from corpparent.governance.proportional import CouncilGroups, allocate
from corpparent.obligations import Submission
from corpparent.periods import FinancialYear

TERMS = """
format_version = 1

[authority]
id = "ourtown"
name = "Ourtown Borough Council"

[constitution]
panel = "Ourtown Corporate Parenting Panel"
standing_invitees = ["Virtual School Head"]
six_month_warning = false

[constitution.political_balance]
seats = 5
council = [{since = 2022-05-05, groups = {Labour = 28, Conservative = 14, Green = 3}}]

[[constitution.reporting_lines]]
recipient = "Cabinet"
document = "minutes"
by_next_meeting_of = {body = "Cabinet", meetings = [2023-06-20, 2023-09-19, 2023-12-12]}

[membership]
members = [
    {name = "Cllr A", class = "core councillor", group = "Labour"},
    {name = "Cllr B", class = "core councillor", group = "Labour"},
    {name = "Cllr C", class = "core councillor", group = "Labour"},
    {name = "Cllr D", class = "core councillor", group = "Conservative"},
    {name = "Cllr E", class = "core councillor", group = "Conservative"},
]

[[meetings]]
date = 2023-06-01
present = ["Cllr A", "Cllr B", "Cllr D", "Virtual School Head"]

[[meetings]]
date = 2023-09-01
present = ["Cllr A", "Cllr C", "Cllr E"]
invited = ["Virtual School Head"]
"""


def main() -> None:
    council = CouncilGroups(date(2022, 5, 5), {"Labour": 28, "Conservative": 14, "Green": 3})
    print("Five seats in proportion:", allocate(council, 5))
    profile = profile_from_toml(TERMS)
    constitution = profile.constitution
    assert constitution is not None
    year = FinancialYear(2023)
    findings = constitution.review_period(profile.meetings, profile.membership, year,
                                          year.end)
    log = [Submission(document="minutes", recipient="Cabinet", date=date(2023, 6, 15)),
           Submission(document="minutes", recipient="Cabinet", date=date(2023, 10, 2))]
    findings += constitution.reporting_findings(log, year, year.end,
                                                profile.meetings.dates)
    for finding in findings:
        if finding.rule in ("political balance", "standing invitees") \
                or finding.rule.startswith("reporting line"):
            print(f"{finding.status}: {finding.rule}: {finding.explanation}")


if __name__ == "__main__":
    main()
