"""A panel's year, as a state machine: meetings are held, members join and leave,
submissions are made, and corpparent's reading of the record agrees with a plain model
of it after every step.

The model is kept independently of corpparent: who is on the panel on each day, which
meetings were held and who attended them, what was sent. After every step the library
is asked for the same facts from the record it builds (membership, meeting log,
attendance table, obligations) and must agree.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from corpparent.findings import Status
from corpparent.governance.attendance import attendance_table
from corpparent.governance.frequency import MeetingFrequency, MeetingLog
from corpparent.governance.meetings import Meeting, Meetings
from corpparent.governance.membership import Member, MemberClass, Membership
from corpparent.governance.panel import PanelRecord
from corpparent.obligations import evaluate_obligations
from corpparent.obligations.definitions import Obligation, ObligationSet
from corpparent.obligations.submissions import Submission
from corpparent.obligations.triggers import AfterEachMeeting, WithinDays
from corpparent.periods import FinancialYear

YEAR = FinancialYear(2022)
START, END = YEAR.start, YEAR.end
FREQUENCY = MeetingFrequency(every_months=2, tolerance_days=7)
MINUTES = ObligationSet([Obligation(id="minutes", document="Minutes",
                                    recipient="Democratic Services",
                                    trigger=AfterEachMeeting(), deadline=WithinDays(14))])


class PanelYear(RuleBasedStateMachine):
    """One financial year of a panel, step by step."""

    def __init__(self) -> None:
        super().__init__()
        self.today = START
        self.spells: list[tuple[str, MemberClass, date, date | None]] = []
        self.serving: dict[str, int] = {}
        self.held: dict[date, frozenset[str]] = {}
        self.sent: list[Submission] = []
        self.joined = 0

    # --- the model ---------------------------------------------------------------------

    def _membership(self) -> Membership:
        return Membership(tuple(Member(name, kind, joined=joined, left=left)
                                for name, kind, joined, left in self.spells))

    def _record(self) -> PanelRecord:
        meetings = Meetings(Meeting(day, present=tuple(sorted(names)))
                            for day, names in self.held.items())
        return PanelRecord("the panel", self._membership(), meetings, START, END, self.today)

    def _on(self, day: date) -> set[str]:
        return {name for name, _k, joined, left in self.spells
                if joined <= day and (left is None or day <= left)}

    # --- the steps ------------------------------------------------------------------------

    @precondition(lambda self: self.today < END - timedelta(days=30))
    @rule(days=st.integers(1, 30), kind=st.sampled_from(list(MemberClass)))
    def a_member_joins(self, days: int, kind: MemberClass) -> None:
        self.today += timedelta(days=days)
        self.joined += 1
        name = f"Member {self.joined}"
        self.serving[name] = len(self.spells)
        self.spells.append((name, kind, self.today, None))

    @precondition(lambda self: bool(self.serving) and self.today < END - timedelta(days=30))
    @rule(data=st.data(), days=st.integers(1, 30))
    def a_member_leaves(self, data: st.DataObject, days: int) -> None:
        name = data.draw(st.sampled_from(sorted(self.serving)))
        self.today += timedelta(days=days)
        index = self.serving.pop(name)
        spell = self.spells[index]
        self.spells[index] = (*spell[:3], self.today)
        self.today += timedelta(days=1)

    @precondition(lambda self: self.today < END - timedelta(days=60))
    @rule(data=st.data(), days=st.integers(1, 60))
    def a_meeting_is_held(self, data: st.DataObject, days: int) -> None:
        self.today += timedelta(days=days)
        serving = sorted(self._on(self.today))
        present = data.draw(st.lists(st.sampled_from(serving), unique=True)) if serving else []
        self.held[self.today] = frozenset(present)

    @precondition(lambda self: bool(self.held))
    @rule(late=st.booleans())
    def the_minutes_are_sent(self, late: bool) -> None:
        last = max(self.held)
        if any(s.date >= last for s in self.sent):
            return
        self.today = max(self.today, last + timedelta(days=20 if late else 3))
        self.sent.append(Submission(document="Minutes", recipient="Democratic Services",
                                     date=self.today))

    @rule(days=st.integers(1, 30))
    def time_passes(self, days: int) -> None:
        self.today = min(END, self.today + timedelta(days=days))

    # --- what must hold throughout -------------------------------------------------------

    @invariant()
    def membership_matches_the_model(self) -> None:
        roster = self._membership().on(self.today)
        assert {m.name for m in roster.members} == self._on(self.today)

    @invariant()
    def the_meeting_log_counts_every_meeting(self) -> None:
        log = MeetingLog(tuple(self.held), START, END, self.today)
        assert len(log.dates) == len(self.held)
        due = FREQUENCY.next_due(log)
        assert due is not None
        assert due > max(self.held, default=START)

    @invariant()
    def attendance_counts_only_meetings_in_tenure(self) -> None:
        for row in attendance_table(self._record()):
            name = row.member.name
            could = [d for d in self.held if d <= self.today and row.member.serves_on(d)]
            assert row.possible == len(could)
            assert row.attended == sum(name in self.held[d] for d in could)

    @invariant()
    def every_meeting_minuted_on_time_is_met(self) -> None:
        findings = evaluate_obligations(MINUTES, self.sent, period=YEAR, as_of=self.today,
                                        meetings=sorted(self.held))
        for finding in findings:
            assert finding.status in set(Status)
        late = [s for s in self.sent
                if (s.date - max(d for d in self.held if d <= s.date)).days > 14]
        if late:
            assert any(f.is_breach for f in findings)


TestPanelYear = PanelYear.TestCase
TestPanelYear.settings = settings(max_examples=25, stateful_step_count=20)
