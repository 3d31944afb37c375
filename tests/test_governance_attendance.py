"""Attendance over tenure, thresholds and the six-month warning.

The Staffordshire records in tests/data/governance reconstruct 2019-20 from the annual
report: nine meetings (004 §13), members and tenure (004 §7–8). Which meetings each
member missed is not published; the records are built to reproduce the published
counts, so these tests check that the counts *and the possible meetings derived from
tenure* come out as the report prints them.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from corpparent.errors import DefinitionError
from corpparent.files.panel.meetings import read_meetings
from corpparent.files.panel.membership import read_membership
from corpparent.findings import Status
from corpparent.governance.attendance import (
    AttendanceOutcome,
    AttendanceThreshold,
    SixMonthRule,
    attendance_table,
)
from corpparent.governance.meetings import Meeting, Meetings, Substitution
from corpparent.governance.membership import Member, MemberClass, Membership
from corpparent.governance.panel import PanelRecord
from corpparent.governance.register import Mark, attendance_register
from corpparent.periods import MunicipalYear
from corpparent.testing.governance_strategies import memberships

DATA = Path(__file__).parent / "data" / "governance"
YEAR = MunicipalYear(2019)

# 004 §7 (county councillors) and §8 (co-opted district/borough councillors), verbatim.
PUBLISHED = {
    "Gill Burnett": "8/9", "Bernard Peters": "5/9", "Janet Eagland": "6/9",
    "Natasha Pullen": "2/9", "John Francis": "7/9", "Paul Snape": "8/9",
    "Gill Heath": "2/9", "Mark Sutton": "8/9", "Michael Greatorex": "2/4",
    "Carolyn Trowbridge": "8/9", "Phil Hewitt": "8/9", "Ron Clarke": "8/9",
    "Bryan Jones": "9/9", "Maureen Compton": "6/9", "Jill Hood": "6/9",
    "Richard Ford": "2/3",
    "Ann Edgeller": "7/9", "Barbara Hughes": "3/9", "Alan Pearson": "4/9",
    "Jill Waring": "0/9", "Wendy Sutton": "7/9", "Jeremy Oates": "3/9",
    "Janice Silvester-Hall": "2/3",
}


@pytest.fixture(scope="module")
def staffordshire() -> PanelRecord:
    membership = read_membership(DATA / "staffordshire_2019-20_membership.json")
    meetings = read_meetings(DATA / "staffordshire_2019-20_meetings.json")
    return PanelRecord.for_period("Staffordshire CPP", membership, meetings, YEAR)


def test_staffordshire_attendance_table_matches_the_annual_report(
    staffordshire: PanelRecord,
) -> None:
    table = {row.member.name: f"{row.attended}/{row.possible}"
             for row in attendance_table(staffordshire)}
    assert table == PUBLISHED


def test_possible_counts_only_meetings_during_tenure(staffordshire: PanelRecord) -> None:
    # "Michael Greatorex (to Oct 2019) (2/4)", "Richard Ford (from Jan 2020) (2/3)".
    rows = {row.member.name: row for row in attendance_table(staffordshire)}
    assert rows["Michael Greatorex"].possible == 4
    assert rows["Richard Ford"].possible == 3
    assert rows["Janice Silvester-Hall"].possible == 3


def test_the_csv_and_json_records_agree() -> None:
    assert read_meetings(DATA / "staffordshire_2019-20_meetings.csv") == read_meetings(
        DATA / "staffordshire_2019-20_meetings.json")


def test_threshold_findings_name_low_attendance(staffordshire: PanelRecord) -> None:
    rule = AttendanceThreshold("50%", member_classes=(MemberClass.CO_OPTED,))
    findings = {f.subject: f for f in rule.findings(staffordshire)}
    assert set(findings) == {n for n in PUBLISHED if n in {
        "Ann Edgeller", "Barbara Hughes", "Alan Pearson", "Jill Waring", "Wendy Sutton",
        "Jeremy Oates", "Janice Silvester-Hall"}}
    assert findings["Jill Waring"].status is Status.WARNING  # 0/9
    assert "attended 0 of 9 meetings" in findings["Jill Waring"].explanation
    assert findings["Wendy Sutton"].status is Status.MET  # 7/9
    assert findings["Alan Pearson"].status is Status.WARNING  # 4/9 is under a half


def test_threshold_is_inclusive() -> None:
    # Greatorex 2/4 is exactly 50%.
    member = Member("A", MemberClass.CORE_COUNCILLOR)
    meetings = Meetings([Meeting(date(2019, 6, d), present=["A"] if d < 3 else [])
                         for d in (1, 2, 3, 4)])
    record = PanelRecord("P", Membership((member,)), meetings, date(2019, 6, 1),
                         date(2019, 6, 30), date(2019, 6, 30))
    (finding,) = AttendanceThreshold("50%").findings(record)
    assert finding.status is Status.MET


def test_threshold_cannot_judge_a_member_with_no_recorded_meeting() -> None:
    member = Member("A", MemberClass.CORE_COUNCILLOR)
    record = PanelRecord("P", Membership((member,)), Meetings([Meeting(date(2019, 6, 1))]),
                         date(2019, 6, 1), date(2019, 6, 30), date(2019, 6, 30))
    (finding,) = AttendanceThreshold("50%").findings(record)
    assert finding.status is Status.INSUFFICIENT_DATA


def test_below_must_be_a_warning_or_a_breach() -> None:
    with pytest.raises(DefinitionError):
        AttendanceThreshold("50%", below=Status.MET)


# The six-month rule (LGA 1972 s.85; national-rules.md §1.1 G1, G2, G4) -----------------

def _record(*meetings: Meeting, as_of: date, members: tuple[Member, ...] | None = None
            ) -> PanelRecord:
    people = members or (Member("Cllr A", MemberClass.CORE_COUNCILLOR),
                         Member("Co-optee B", MemberClass.CO_OPTED))
    return PanelRecord("P", Membership(people), Meetings(meetings), date(2019, 5, 1),
                       date(2020, 4, 30), as_of)


def test_six_months_from_last_attendance_is_a_warning_not_a_breach() -> None:
    record = _record(Meeting(date(2019, 6, 10), present=["Cllr A"]),
                     Meeting(date(2019, 9, 10), present=[]),
                     Meeting(date(2019, 12, 10), present=[]), as_of=date(2019, 12, 10))
    (finding,) = SixMonthRule().findings(record)
    assert finding.status is Status.WARNING
    assert "10 June 2019" in finding.explanation
    assert "10 December 2019" in finding.explanation
    assert "s.85" in finding.explanation


def test_one_day_short_of_six_months_is_met() -> None:
    record = _record(Meeting(date(2019, 6, 10), present=["Cllr A"]), as_of=date(2019, 12, 9))
    (finding,) = SixMonthRule().findings(record)
    assert finding.status is Status.MET


def test_notice_warns_before_six_months_run_out() -> None:
    record = _record(Meeting(date(2019, 6, 10), present=["Cllr A"]), as_of=date(2019, 11, 20))
    (finding,) = SixMonthRule(notice_days=30).findings(record)
    assert finding.status is Status.WARNING
    assert finding.outcome is AttendanceOutcome.APPROACHING_SIX_MONTHS


def test_attending_as_a_substitute_counts_for_the_substitute_not_the_member() -> None:
    # s.85 looks at the councillor's own attendance: a substitute sent in their place
    # does not reset the member's clock, but it does reset the substitute's.
    sub = Member("Cllr S", MemberClass.SUBSTITUTE)
    record = _record(Meeting(date(2019, 6, 10), present=[]),
                     Meeting(date(2019, 11, 10), present=[],
                             substitutions=[Substitution("Cllr S", "Cllr A")]),
                     as_of=date(2019, 12, 20),
                     members=(Member("Cllr A", MemberClass.CORE_COUNCILLOR,
                                     joined=date(2019, 5, 1)), sub))
    both = SixMonthRule(member_classes=[MemberClass.CORE_COUNCILLOR, MemberClass.SUBSTITUTE])
    findings = {f.subject: f.status for f in both.findings(record)}
    assert findings == {"Cllr A": Status.WARNING, "Cllr S": Status.MET}


def test_a_substitute_is_not_judged_on_meetings_they_were_not_called_to() -> None:
    # Mark Ellis only ever substitutes: once, on 22 July 2019, for Cllr A. Cllr A came
    # to 4 of the 5 meetings (80%, at or above 75%) and is judged; Mark Ellis is not
    # expected at meetings, so gets neither an attendance-rate nor a six-month finding
    # (the default six-month rule judges core councillors), and his register row shows
    # the one meeting he sat at, no absences: 1 of 1.
    days = [date(2019, 6, 10), date(2019, 7, 22), date(2019, 9, 16), date(2020, 1, 13),
            date(2020, 3, 10)]
    meetings = [Meeting(d, present=[] if d == days[1] else ["Cllr A"],
                        apologies=["Cllr A"] if d == days[1] else [],
                        substitutions=[Substitution("Mark Ellis", "Cllr A")]
                        if d == days[1] else [])
                for d in days]
    record = _record(*meetings, as_of=date(2020, 4, 30),
                     members=(Member("Cllr A", MemberClass.CORE_COUNCILLOR),
                              Member("Mark Ellis", MemberClass.SUBSTITUTE)))
    rate = AttendanceThreshold("75%").findings(record)
    assert [(f.subject, f.status) for f in rate] == [("Cllr A", Status.MET)]
    assert [f.subject for f in SixMonthRule().findings(record)] == ["Cllr A"]
    (row,) = [r for r in attendance_register(record).rows if r.member.name == "Mark Ellis"]
    assert row.marks == (Mark.NOT_A_MEMBER, Mark.AS_SUBSTITUTE, Mark.NOT_A_MEMBER,
                         Mark.NOT_A_MEMBER, Mark.NOT_A_MEMBER)
    assert (row.attended, row.possible) == (1, 1)


def test_co_opted_members_are_outside_section_85() -> None:
    record = _record(Meeting(date(2019, 6, 10), present=["Cllr A"]), as_of=date(2019, 7, 1))
    assert [f.subject for f in SixMonthRule().findings(record)] == ["Cllr A"]


def test_unrecorded_attendance_since_the_last_known_attendance_is_insufficient() -> None:
    record = _record(Meeting(date(2019, 6, 10), present=["Cllr A"]),
                     Meeting(date(2019, 9, 10)), as_of=date(2020, 1, 1))
    (finding,) = SixMonthRule().findings(record)
    assert finding.status is Status.INSUFFICIENT_DATA


# Properties ---------------------------------------------------------------------------

def _meetings_for(data: st.DataObject, membership: Membership) -> Meetings:
    names = [m.name for m in membership.members]
    days = data.draw(st.lists(st.integers(0, 365), unique=True, max_size=12))
    return Meetings(
        Meeting(YEAR.start + timedelta(days=d),
                present=data.draw(st.lists(st.sampled_from(names), unique=True)))
        for d in days
    )


@given(memberships(), st.data())
def test_attendance_rates_lie_between_zero_and_one(
    membership: Membership, data: st.DataObject
) -> None:
    record = PanelRecord.for_period("P", membership, _meetings_for(data, membership), YEAR)
    for row in attendance_table(record):
        assert 0 <= row.attended <= row.possible
        assert row.rate is None or 0.0 <= row.rate <= 1.0


@given(memberships(), st.data(), st.integers(1, 2000), st.integers(1, 2000))
def test_tenure_outside_the_year_never_changes_a_rate(
    membership: Membership, data: st.DataObject, before: int, after: int
) -> None:
    meetings = _meetings_for(data, membership)
    # Meetings outside the year, which a longer tenure would cover.
    outside = Meetings([*meetings, Meeting(YEAR.start - timedelta(days=before),
                                            present=[m.name for m in membership.members]),
                        Meeting(YEAR.end + timedelta(days=after), present=[])])
    extended = Membership(tuple(
        Member(m.name, m.member_class,
               joined=m.joined - timedelta(days=before)
               if m.joined is not None and m.joined <= YEAR.start else m.joined,
               left=m.left + timedelta(days=after)
               if m.left is not None and m.left >= YEAR.end else m.left)
        for m in membership.members
    ))
    base = attendance_table(PanelRecord.for_period("P", membership, meetings, YEAR))
    wider = attendance_table(PanelRecord.for_period("P", extended, outside, YEAR))
    assert [(r.attended, r.possible) for r in base] == [(r.attended, r.possible) for r in wider]


@given(st.integers(1, 30), st.integers(1, 100))
def test_the_attendance_threshold_is_exact_at_its_boundary(possible: int, percent: int) -> None:
    rule = AttendanceThreshold(f"{percent}%")
    needed = -(-percent * possible // 100)  # the least count reaching the percentage
    member = Member("A", MemberClass.CORE_COUNCILLOR)

    def status(attended: int) -> Status:
        meetings = Meetings(Meeting(YEAR.start + timedelta(days=7 * i),
                                    present=["A"] if i < attended else [])
                            for i in range(possible))
        record = PanelRecord.for_period("P", Membership((member,)), meetings, YEAR)
        (finding,) = rule.findings(record)
        return finding.status

    if needed <= possible:
        assert status(needed) is Status.MET
    if needed >= 1:
        assert status(needed - 1) is Status.WARNING
