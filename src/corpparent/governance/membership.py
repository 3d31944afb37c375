"""Who sits on the panel, in which class of seat, for how long, and what each leads.

Panels mix classes of member. Wiltshire's panel "will comprise up to 8 Core Members
drawn from elected Councillors politically balanced and nominated by group leaders.
Group leaders will ensure that they appoint substitute members to cover absences", with
ten Associate Members "from the council and key partner agencies", one of them "A
Representative from the Children in Care Council" (001 §3). Staffordshire's has "15
elected members of the County Council" and co-opts "Members of Staffordshire's
District/Borough Councils" (004 §7–8).

Members join and leave during a year ("Michael Greatorex (to Oct 2019)", "Richard Ford
(from Jan 2020)", 004 §7), so each [`Member`][corpparent.governance.membership.Member] carries its
tenure, and a [`Membership`][corpparent.governance.membership.Membership] answers who sat on a given
day as a [`Roster`][corpparent.governance.membership.Roster].

Every class here holds plain values (strings, dates, enums, tuples), so an authority
can declare its panel as data.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import final

from attrs import field, frozen

from corpparent.dates import day_text
from corpparent.errors import DefinitionError
from corpparent.governance.years import add_months
from corpparent.wording import counted

__all__ = [
    "Credential",
    "Member",
    "MemberClass",
    "Membership",
    "Office",
    "PriorityLead",
    "Roster",
    "name_key",
]


def name_key(name: str) -> str:
    """The form in which names are compared: case, curly apostrophes and runs of spaces
    do not matter, so "Children’s  Select Committee" matches "children's select
    committee" and "Jo O’Neill" matches "jo o'neill"."""
    return " ".join(name.replace("\u2019", "'").replace("\u2018", "'").split()).casefold()


def _clean_name(value: str) -> str:
    cleaned = " ".join(str(value).split())
    if not cleaned:
        raise DefinitionError("a name must not be empty")
    return cleaned


def _optional_text(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(str(value).split())
    return cleaned or None


def _reserve_for(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    names = (value,) if isinstance(value, str) else tuple(value)
    return tuple(dict.fromkeys(n for n in (_optional_text(v) for v in names) if n))


def _office(value: Office | str | None) -> Office | None:
    return None if value is None else Office(value)


def _credentials(values: Iterable[Credential] | None) -> tuple[Credential, ...] | None:
    return None if values is None else tuple(values)


def _members(values: Iterable[Member]) -> tuple[Member, ...]:
    return tuple(values)


def _leads(values: Iterable[PriorityLead]) -> tuple[PriorityLead, ...]:
    return tuple(values)


class MemberClass(Enum):
    """A class of seat on the panel; quorum and seat limits count by class."""

    CORE_COUNCILLOR = "core councillor"
    """Elected councillors appointed to the panel (Wiltshire's "Core Members")."""
    ASSOCIATE = "associate member"
    """Officers and partners sitting by role (Wiltshire's ten "Associate Members")."""
    CO_OPTED = "co-opted member"
    """Co-optees, such as Staffordshire's district and borough councillors."""
    SUBSTITUTE = "substitute"
    """Named substitutes who stand in for an absent member; not themselves seats."""
    CHILDREN_IN_CARE_COUNCIL = "Children in Care Council representative"
    """Young people's representatives, where they form a class of their own."""

    @property
    def plural(self) -> str:
        """The class in the plural, as explanations use it ("5 of 8 councillors")."""
        return _PLURALS[self]

    @property
    def singular(self) -> str:
        """One member of the class, as explanations name them ("1 councillor")."""
        return _SINGULARS[self]

    def counted(self, count: int) -> str:
        """``count`` members of the class, the noun agreeing: "1 associate member",
        "6 councillors"."""
        return counted(count, self.singular, self.plural)

    def __str__(self) -> str:
        return self.value


_SINGULARS = {
    MemberClass.CORE_COUNCILLOR: "councillor",
    MemberClass.ASSOCIATE: "associate member",
    MemberClass.CO_OPTED: "co-opted member",
    MemberClass.SUBSTITUTE: "substitute",
    MemberClass.CHILDREN_IN_CARE_COUNCIL: "Children in Care Council representative",
}

_PLURALS = {
    MemberClass.CORE_COUNCILLOR: "councillors",
    MemberClass.ASSOCIATE: "associate members",
    MemberClass.CO_OPTED: "co-opted members",
    MemberClass.SUBSTITUTE: "substitutes",
    MemberClass.CHILDREN_IN_CARE_COUNCIL: "Children in Care Council representatives",
}


class Office(Enum):
    """An office a member holds on the panel."""

    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"

    def __str__(self) -> str:
        return self.value


@final
@frozen
class Credential:
    """A requirement a member has completed: a training course, a DBS check.

    ``name`` matches a [`Requirement`][corpparent.governance.requirements.Requirement] by
    `name_key`; ``expires`` is the last day it is valid, if it lapses.
    """

    name: str = field(converter=_clean_name)
    completed: date
    expires: date | None = None

    def valid_on(self, day: date, renew_every_months: int | None = None) -> bool:
        """Whether the credential was held on ``day``, given an optional renewal cycle."""
        if self.completed > day:
            return False
        if self.expires is not None and day > self.expires:
            return False
        return renew_every_months is None or day < add_months(
            self.completed, renew_every_months
        )


@final
@frozen
class Member:
    """One person's seat on the panel, from ``joined`` to ``left`` (both inclusive).

    ``joined=None`` means a member from before any period considered; ``left=None`` a
    member still serving. ``role`` is the post a member sits by ("Cabinet Member for
    Children and Young People", "Virtual School Headteacher"); ``group`` the political
    group of a councillor, used to check that substitutes cover each group;
    ``credentials`` the requirements completed (None: not recorded, which leaves a
    requirement unjudged; an empty tuple: none completed).
    """

    name: str = field(converter=_clean_name)
    member_class: MemberClass = field(converter=MemberClass)
    role: str | None = field(default=None, converter=_optional_text)
    group: str | None = field(default=None, converter=_optional_text)
    joined: date | None = None
    left: date | None = None
    office: Office | None = field(default=None, converter=_office)
    credentials: tuple[Credential, ...] | None = field(default=None, converter=_credentials)
    voting: bool = True
    """Whether the member votes: Durham's co-opted members are "non-voting" (national
    rules reference §2); a quorum rule may count voting members only."""
    reserve_for: tuple[str, ...] = field(default=(), converter=_reserve_for)
    """The members this substitute or reserve stands in for, when the terms name them
    (empty: not named). A name alone is read as one member; a reserve for two members
    is one entry naming both, not two entries."""
    key: str = field(init=False, eq=False, repr=False)
    """The name as compared (see `name_key`)."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "key", name_key(self.name))
        if self.joined is not None and self.left is not None and self.left < self.joined:
            raise DefinitionError(
                f"member {self.name!r}: 'left' must be on or after 'joined': "
                f"{self.left.isoformat()} < {self.joined.isoformat()}"
            )

    def serves_on(self, day: date) -> bool:
        """Whether ``day`` falls within the member's tenure."""
        return (self.joined is None or self.joined <= day) and (
            self.left is None or day <= self.left
        )

    def serves_during(self, start: date, end: date) -> bool:
        """Whether the tenure shares at least one day with ``start``..``end``."""
        return (self.joined is None or self.joined <= end) and (
            self.left is None or start <= self.left
        )

    @property
    def tenure(self) -> str:
        """The tenure in words: "to 14 October 2019", "from 6 January 2020", or ""."""
        parts = []
        if self.joined is not None:
            parts.append(f"from {day_text(self.joined)}")
        if self.left is not None:
            parts.append(f"to {day_text(self.left)}")
        return " ".join(parts)

    def holds_role(self, role: str) -> bool:
        """Whether the member's role is ``role`` (compared like names)."""
        return self.role is not None and name_key(self.role) == name_key(role)


@final
@frozen
class PriorityLead:
    """A member who leads a strategic priority, with the officer who supports them.

    "Each member of the Panel has a lead role for a strategic priority ensuring
    oversight and critical challenge" (002 §15).
    """

    priority: str = field(converter=_clean_name)
    member: str = field(converter=_clean_name)
    officer: str | None = field(default=None, converter=_optional_text)


def _check_overlaps(members: tuple[Member, ...]) -> None:
    by_key: dict[str, list[Member]] = {}
    for member in members:
        for earlier in by_key.get(member.key, []):
            overlap_start = max(member.joined or date.min, earlier.joined or date.min)
            overlap_end = min(member.left or date.max, earlier.left or date.max)
            if overlap_start <= overlap_end:
                raise DefinitionError(_twice(earlier, member))
        by_key.setdefault(member.key, []).append(member)


def _twice(earlier: Member, member: Member) -> str:
    """Why two entries for one person over the same days are refused: a reserve listed
    once per member they stand in for is told to name them all in one entry."""
    if earlier.reserve_for != member.reserve_for and (earlier.reserve_for
                                                     or member.reserve_for):
        names = dict.fromkeys((*earlier.reserve_for, *member.reserve_for))
        both = ", ".join(f'"{n}"' for n in names)
        return (f"member {member.name!r} is listed twice, as reserve for different "
                f"members; a reserve for several members is one entry naming them all: "
                f"reserve_for = [{both}]")
    return (f"member {member.name!r} appears twice with overlapping tenure; give each "
            "spell on the panel its own 'joined' and 'left' dates")


@final
@frozen
class Roster:
    """The panel as it stood on ``as_of``: the members serving that day and the leads."""

    as_of: date
    members: tuple[Member, ...] = field(converter=_members)
    leads: tuple[PriorityLead, ...] = field(default=(), converter=_leads)

    def of_class(self, *classes: MemberClass) -> tuple[Member, ...]:
        """The members in any of ``classes``."""
        return tuple(m for m in self.members if m.member_class in classes)

    def find(self, name: str) -> Member | None:
        """The serving member called ``name``, if any."""
        key = name_key(name)
        return next((m for m in self.members if m.key == key), None)

    def holding(self, office: Office) -> Member | None:
        """The member holding ``office``, if any."""
        return next((m for m in self.members if m.office is office), None)

    def leads_of(self, member: Member) -> tuple[PriorityLead, ...]:
        """The priorities ``member`` leads."""
        return tuple(lead for lead in self.leads if name_key(lead.member) == member.key)


@final
@frozen
class Membership:
    """Everyone who sat on the panel over a span, each with their tenure.

    A person may appear more than once only for separate spells that do not overlap.
    """

    members: tuple[Member, ...] = field(converter=_members)
    leads: tuple[PriorityLead, ...] = field(default=(), converter=_leads)

    def __attrs_post_init__(self) -> None:
        _check_overlaps(self.members)

    def on(self, day: date) -> Roster:
        """The roster on ``day``: members whose tenure includes it."""
        return Roster(
            as_of=day,
            members=tuple(m for m in self.members if m.serves_on(day)),
            leads=self.leads,
        )

    def during(self, start: date, end: date) -> tuple[Member, ...]:
        """Members whose tenure shares a day with ``start``..``end``."""
        return tuple(m for m in self.members if m.serves_during(start, end))

    def spells(self, name: str) -> tuple[Member, ...]:
        """Every spell of the person called ``name``."""
        key = name_key(name)
        return tuple(m for m in self.members if m.key == key)

    def with_members(self, members: Iterable[Member]) -> Membership:
        """A copy with ``members`` added."""
        return Membership(members=(*self.members, *members), leads=self.leads)
