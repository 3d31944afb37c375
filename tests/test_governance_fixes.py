"""Governance rules that once gave the wrong verdict or the wrong words, each with the
case that showed it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, strategies as st

from corpparent.cli import cli
from corpparent.errors import DefinitionError
from corpparent.findings import Status
from corpparent.governance import (
    Constitution,
    Meeting,
    MeetingFrequency,
    MeetingLog,
    Meetings,
    Member,
    MemberClass,
    Membership,
    MinimumPresent,
    PanelRecord,
    Quorum,
    Roster,
    SeatLimit,
    Seats,
    SixMonthRule,
)
from corpparent.governance.years import add_months_from
from corpparent.wording import counted


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


# --- month-end cadences are measured by calendar month ---------------------------------


def test_month_end_meetings_keep_a_monthly_cadence_with_no_tolerance() -> None:
    # 31 January, 28 February and 31 March 2023 are each one calendar month apart; a
    # clamped 28 February + 1 month = 28 March once made 31 March "3 days over".
    log = MeetingLog((date(2023, 1, 31), date(2023, 2, 28), date(2023, 3, 31)),
                     start=date(2023, 1, 31), end=date(2023, 3, 31), as_of=date(2023, 3, 31))
    gaps = [f for f in MeetingFrequency(every_months=1).findings(log)
            if f.rule == "meeting gaps"]
    assert [f.status for f in gaps] == [Status.MET]
    assert "3 days over" not in gaps[0].explanation


def test_a_month_end_meeting_a_day_past_the_next_month_end_is_still_late() -> None:
    log = MeetingLog((date(2023, 2, 28), date(2023, 4, 1)), start=date(2023, 2, 28),
                     end=date(2023, 4, 30), as_of=date(2023, 4, 30))
    gaps = [f for f in MeetingFrequency(every_months=1).findings(log)
            if f.rule == "meeting gaps"]
    assert [f.status for f in gaps] == [Status.BREACHED]
    assert "allows until 31 March 2023: 1 day over" in gaps[0].explanation


@given(st.dates(date(2000, 1, 1), date(2099, 12, 1)), st.integers(0, 60),
       st.integers(1, 12))
def test_calendar_month_steps_never_go_backwards(day: date, later: int, months: int) -> None:
    assert add_months_from(day, months) <= add_months_from(day + timedelta(days=later), months)
    assert add_months_from(day, months) > day


# --- the six-month warning counts only meetings that were held -------------------------

COUNCILLOR = Member("Cllr A", MemberClass.CORE_COUNCILLOR)


def _record(*meetings: Meeting, as_of: date) -> PanelRecord:
    return PanelRecord("P", Membership((COUNCILLOR,)), Meetings(meetings), date(2019, 5, 1),
                       date(2020, 4, 30), as_of)


def test_a_record_with_no_meetings_warns_nobody() -> None:
    (finding,) = SixMonthRule().findings(_record(as_of=date(2020, 4, 30)))
    assert finding.status is not Status.WARNING
    assert "no meeting of the panel was held" in finding.explanation
    assert ("attendance at other meetings of the council is not known to the panel's "
            "record") in finding.explanation


def test_no_meeting_since_the_last_attendance_warns_nobody() -> None:
    record = _record(Meeting(date(2019, 6, 10), present=["Cllr A"]), as_of=date(2020, 1, 31))
    (finding,) = SixMonthRule().findings(record)
    assert finding.status is not Status.WARNING


def test_missed_meetings_warn_and_say_what_the_record_cannot_know() -> None:
    record = _record(Meeting(date(2019, 6, 10), present=["Cllr A"]),
                     Meeting(date(2019, 9, 10), present=[]), as_of=date(2020, 1, 31))
    (finding,) = SixMonthRule().findings(record)
    assert finding.status is Status.WARNING
    assert "1 meeting of the panel held and missed" in finding.explanation
    assert "not known to the panel's record" in finding.explanation


# --- a quorum larger than the seats is refused -----------------------------------------


def test_a_quorum_of_12_from_9_seats_is_refused_at_definition() -> None:
    with pytest.raises(DefinitionError, match="at least 12 members present, but the "
                       "constitution provides 9 seats"):
        Constitution("P", seats=[Seats(MemberClass.CORE_COUNCILLOR, 9)],
                     quorum=Quorum(MinimumPresent(12)))
    # A quorum the seats can meet is accepted.
    Constitution("P", seats=[Seats(MemberClass.CORE_COUNCILLOR, 9)],
                 quorum=Quorum(MinimumPresent(9)))


def test_validate_refuses_a_plug_in_whose_quorum_exceeds_its_seats(tmp_path: Path) -> None:
    plugin = tmp_path / "plugin.toml"
    text = ('format_version = 1\n[authority]\nid = "x"\nname = "X"\n[constitution]\n'
            'panel = "P"\nseats = [{member_class = "core councillor", count = 9}]\n'
            "[constitution.quorum]\nparts = [{minimum = %d}]\n")
    plugin.write_text(text % 12, encoding="utf-8")
    result = run("validate", str(plugin))
    assert result.exit_code == 2
    assert "the quorum can never be met" in result.stderr
    plugin.write_text(text % 5, encoding="utf-8")
    assert run("validate", str(plugin)).exit_code == 0


# --- attendees not on the membership are reported --------------------------------------


def test_attendees_not_on_the_membership_are_findings_not_silence() -> None:
    panel = Constitution("P", seats=[Seats(MemberClass.CORE_COUNCILLOR, 3)],
                         quorum=Quorum(MinimumPresent(2, [MemberClass.CORE_COUNCILLOR])),
                         six_month_warning=None)
    members = Membership((COUNCILLOR, Member("Cllr B", MemberClass.CORE_COUNCILLOR)))
    meeting = Meeting(date(2023, 1, 12), present=["Cllr A", "Cllr Smyth", "Cllr Jones"])
    record = PanelRecord("P", members, Meetings([meeting]), date(2023, 1, 1),
                         date(2023, 1, 31), date(2023, 1, 31))
    findings = panel.review(record)
    unknown = [f for f in findings if f.rule == "attendees not on the membership"]
    assert len(unknown) == 1
    assert unknown[0].status is Status.WARNING
    assert "2 attendees not on the membership that day (Cllr Smyth and Cllr Jones)" in \
        unknown[0].explanation
    (quorum,) = [f for f in findings if f.rule == "quorum"]
    assert "1 councillor present; at least 2 required: not quorate" in quorum.explanation


def test_invited_attendees_are_recorded_and_never_counted_or_reported() -> None:
    panel = Constitution("P", quorum=Quorum(MinimumPresent(2)), six_month_warning=None)
    meeting = Meeting(date(2023, 1, 12), present=["Cllr A"], invited=["Head of Service"])
    record = PanelRecord("P", Membership((COUNCILLOR,)), Meetings([meeting]),
                         date(2023, 1, 1), date(2023, 1, 31), date(2023, 1, 31))
    findings = panel.review(record)
    assert not [f for f in findings if f.rule == "attendees not on the membership"]
    (quorum,) = [f for f in findings if f.rule == "quorum"]
    assert quorum.status is Status.BREACHED
    assert meeting.invited == ("Head of Service",)


# --- plurals and dates in one wording ---------------------------------------------------


def test_seat_counts_agree_with_their_numbers() -> None:
    roster = Roster(date(2023, 3, 31), (Member("Sally Smith", MemberClass.ASSOCIATE),))
    finding = SeatLimit(MemberClass.ASSOCIATE, 1).evaluate(roster)
    assert "1 associate member against up to 1 seat: the seat filled" in finding.explanation
    finding = SeatLimit(MemberClass.ASSOCIATE, 3, exact=True).evaluate(roster)
    assert "1 associate member against 3 seats: 2 seats vacant" in finding.explanation


def test_authorities_show_states_the_quorum_and_never_none() -> None:
    # Wiltshire: "75% (6) Councillors, 70% (7) Associate Members" (001 §4); "bi-monthly
    # with a minimum of 5 meetings a year" (001 §5).
    result = run("authorities", "show", "wiltshire")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert ("quorum: 75% of voting councillors and 70% of associate members, voting or "
            "not") in text
    assert "meets every two months, at least 5 meetings a financial year" in text
    assert "None" not in text
    assert "month(s)" not in text
    assert "Rules: rule set 2022-23" in text


def test_a_frequency_with_no_cadence_is_described_without_one() -> None:
    text = MeetingFrequency(minimum_per_year=1).describe()
    assert text == f"at least {counted(1, 'meeting')} a financial year"
    assert "None" not in Constitution("P", frequency=MeetingFrequency(minimum_per_year=4)
                                      ).describe()
