"""Members, rosters and names the rule types' strategies share."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from hypothesis import strategies as st

from corpparent.governance.membership import Member, MemberClass, PriorityLead, Roster

__all__ = ["DAY", "SEATED", "members", "roster", "texts"]

#: The day every drawn roster is of: the last day of the 2022-23 financial year.
DAY = date(2023, 3, 31)

#: The classes of member that hold seats (a substitute holds none).
SEATED = (MemberClass.CORE_COUNCILLOR, MemberClass.ASSOCIATE, MemberClass.CO_OPTED,
          MemberClass.CHILDREN_IN_CARE_COUNCIL)

#: Short texts for roles, priorities, groups and recipients: distinct once cleaned.
texts = st.sampled_from(["Director of Children's Services", "Lead Member", "Virtual School Head",
                         "Designated Nurse", "Care Leaver Adviser", "Fostering Lead",
                         "Health", "Education", "Housing", "Voice", "Labour", "Conservative",
                         "Liberal Democrat", "Independent", "Green"])


def members(member_class: MemberClass, count: int, prefix: str = "") -> tuple[Member, ...]:
    """``count`` members of ``member_class``, named by class and number."""
    name = prefix or member_class.value.title()
    return tuple(Member(f"{name} {i + 1}", member_class) for i in range(count))


def roster(people: Iterable[Member], leads: Iterable[PriorityLead] = ()) -> Roster:
    """The roster of ``people`` on `DAY`."""
    return Roster(DAY, tuple(people), tuple(leads))
