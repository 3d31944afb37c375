"""The hypothesis strategies of the Children in Care Council presence rule: a year of
formal meetings with a representative present at enough of them, or at too few."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from cicc_presence import CiccPresence
from hypothesis import strategies as st

from corpparent.governance._fractions import ceil_of
from corpparent.governance.constitution import Constitution
from corpparent.governance.declared import PanelReview
from corpparent.governance.meetings import Meeting, Meetings
from corpparent.governance.membership import Member, MemberClass, Membership
from corpparent.governance.panel import PanelRecord
from corpparent.periods import FinancialYear
from corpparent.testing.panel_rules import register

YEAR = FinancialYear(2022)


@st.composite
def _year(draw: st.DrawFn, rule: CiccPresence, *, enough: bool) -> PanelRecord:
    held = draw(st.integers(1, 10))
    needed = ceil_of(rule.minimum, held)
    present = draw(st.integers(needed, held) if enough else st.integers(0, needed - 1))
    rep = Member("Young person", rule.member_class)
    chair = Member("Chair", MemberClass.CORE_COUNCILLOR)
    days = [YEAR.start + timedelta(days=30 * n) for n in range(held)]
    with_rep = set(draw(st.permutations(days))[:present])
    meetings = Meetings(Meeting(d, present=("Chair", "Young person") if d in with_rep
                                else ("Chair",)) for d in days)
    return PanelRecord("the panel", Membership((chair, rep)), meetings, YEAR.start, YEAR.end,
                       YEAR.end)


def _judge(rule: CiccPresence, record: PanelRecord) -> tuple[Any, ...]:
    return rule.review(PanelReview.of(Constitution("the panel", [rule]), record))


STRATEGIES = register(
    CiccPresence, rules=st.fractions(min_value="1/20", max_value=1).map(CiccPresence),
    satisfies=lambda rule, **context: _year(rule, enough=True),
    violates=lambda rule, **context: _year(rule, enough=False), judge=_judge)
