"""Political balance "checked against the membership of a period": every roster of the
period, not only the last day's."""

from __future__ import annotations

from datetime import date

from corpparent.findings import Status
from corpparent.governance.balance import PoliticalBalance
from corpparent.governance.constitution import Constitution
from corpparent.governance.meetings import Meetings
from corpparent.governance.membership import Member, MemberClass, Membership
from corpparent.governance.panel import PanelRecord
from corpparent.periods import MunicipalYear

COUNCILLOR = MemberClass.CORE_COUNCILLOR
# Seats by group, as Middlesbrough's terms give them (5 Labour, 1 Conservative, ...),
# cut down to three seats for the test.
BALANCE = PoliticalBalance({"Labour": 2, "Conservative": 1})


def _review(*members: Member) -> list[tuple[str | None, Status]]:
    record = PanelRecord.for_period("Panel", Membership(members), Meetings(()),
                                    MunicipalYear(2023))
    panel = Constitution("Panel", political_balance=BALANCE)
    return [(f.subject_name, f.status) for f in panel.review(record)
            if f.rule == BALANCE.name]


def test_a_period_in_balance_throughout_gives_the_last_days_finding() -> None:
    found = _review(Member("L1", COUNCILLOR, group="Labour"),
                    Member("L2", COUNCILLOR, group="Labour"),
                    Member("C1", COUNCILLOR, group="Conservative"))
    assert len(found) == 1
    assert found[0][1] is Status.MET


def test_a_roster_out_of_balance_within_the_period_is_reported_with_its_date() -> None:
    found = _review(
        Member("L1", COUNCILLOR, group="Labour"),
        Member("C1", COUNCILLOR, group="Conservative"),
        Member("L2", COUNCILLOR, group="Labour", left=date(2023, 8, 31)),
        Member("C2", COUNCILLOR, group="Conservative", joined=date(2023, 9, 1),
               left=date(2023, 12, 31)),
        Member("L3", COUNCILLOR, group="Labour", joined=date(2024, 1, 1)),
    )
    assert [status for _, status in found] == [Status.BREACHED]
    (name, _), = found
    assert name is not None
    assert "2023-09-01" in name or "1 September 2023" in name
