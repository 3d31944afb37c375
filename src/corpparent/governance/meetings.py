"""Meetings as held: the date, who attended, who substituted for whom, who sent apologies.

A [`Meeting`][corpparent.governance.meetings.Meeting] whose ``present`` is ``None`` was held but its
attendance was not recorded (Wiltshire's annual report gives the dates of its four meetings in
2022-23, 002 §10, but not who attended); rules then report insufficient data rather than guess.

A [`Sitting`][corpparent.governance.meetings.Sitting] is a meeting seen against the roster on its
date: it counts who was present in each class of seat. "If any of the core members are unable to
attend a meeting they will send a substitute representative" (001 §3), so a substitute counts
for the absent member they replace, and only once: two substitutes for one member, or a
substitute for a member who came after all, add nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from enum import Enum
from typing import final

from attrs import field, frozen

from corpparent.errors import DataError, Problem
from corpparent.governance.membership import Member, MemberClass, Roster, name_key

__all__ = ["ClassCount", "Meeting", "MeetingKind", "Meetings", "PrivateItem", "Sitting",
           "Substitution"]


def _name(value: str) -> str:
    return " ".join(str(value).split())


def _substitutions(values: Iterable[Substitution]) -> tuple[Substitution, ...]:
    return tuple(values)


def _names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(" ".join(str(v).split()) for v in values)


def _optional_names(values: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if values is None else _names(values)


def _private_items(values: Iterable[PrivateItem]) -> tuple[PrivateItem, ...]:
    return tuple(values)


def _exempt_paragraph(_instance: object, _attribute: object, value: int | None) -> None:
    if value is not None and not 1 <= value <= 7:
        raise DataError([Problem(source="meetings", field="exempt_paragraph",
                                 message=f"an exempt-information paragraph is 1 to 7, got "
                                 f"{value}")])


@final
@frozen
class PrivateItem:
    """An agenda ``item`` taken in private, with the public excluded, and the paragraph
    of the Local Government Act 1972 Sch 12A (exempt information, paragraphs 1 to 7 in
    England) the minutes give for it (None: none given)."""

    item: int
    exempt_paragraph: int | None = field(default=None, validator=_exempt_paragraph)


class MeetingKind(Enum):
    """Whether a meeting was a formal meeting of the panel or an informal one.

    Staffordshire "met formally and in informal workshops" (004 §13).
    """

    FORMAL = "formal"
    INFORMAL = "informal"

    def __str__(self) -> str:
        return self.value


@final
@frozen
class Substitution:
    """``substitute`` attended in place of the member ``replaces``.

    ``noted_at_start`` says whether the substitution was noted at the start of the
    meeting (None: not recorded); ``from_item`` the agenda item from which the substitute
    sat, when they arrived late. Terms of reference may make both conditions of a
    substitute counting (see `SubstitutionTerms`).
    """

    substitute: str = field(converter=_name)
    replaces: str = field(converter=_name)
    noted_at_start: bool | None = None
    from_item: int | None = None


@final
@frozen
class Meeting:
    """One meeting of the panel.

    ``present`` lists the members who attended in person (``None``: not recorded);
    ``substitutions`` those who attended in another's place; ``apologies`` those who
    sent apologies; ``invited`` those who attended by invitation without being members
    (officers, guests, partners): recorded, and never counted toward quorum or
    attendance. A name in ``present`` that is not on the membership that day is reported
    (see [`UnknownAttendees`][corpparent.governance.attendees.UnknownAttendees]), never dropped
    silently, so invited attendees belong in ``invited``. ``in_public`` says whether the
    meeting was open to the public, and ``private_items`` the items taken in private.
    """

    held_on: date
    present: tuple[str, ...] | None = field(default=None, converter=_optional_names)
    substitutions: tuple[Substitution, ...] = field(default=(), converter=_substitutions)
    apologies: tuple[str, ...] = field(default=(), converter=_names)
    kind: MeetingKind = field(default=MeetingKind.FORMAL, converter=MeetingKind)
    title: str | None = None
    source: str | None = field(default=None, eq=False)
    invited: tuple[str, ...] = field(default=(), converter=_names)
    in_public: bool | None = None
    """Whether the meeting was open to the public (None: the record does not say)."""
    private_items: tuple[PrivateItem, ...] = field(default=(), converter=_private_items)
    """The items taken in private, the public excluded."""
    _present_keys: frozenset[str] = field(init=False, eq=False, repr=False)
    _replaced_keys: frozenset[str] = field(init=False, eq=False, repr=False)
    _substitute_keys: frozenset[str] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Names are compared often (every member, every rule); fold them once.
        object.__setattr__(self, "_present_keys",
                           frozenset(name_key(p) for p in self.present or ()))
        object.__setattr__(self, "_replaced_keys",
                           frozenset(name_key(s.replaces) for s in self.substitutions))
        object.__setattr__(self, "_substitute_keys",
                           frozenset(name_key(s.substitute) for s in self.substitutions))

    @property
    def attendance_recorded(self) -> bool:
        """Whether the record says who attended."""
        return self.present is not None

    def attended(self, name: str) -> bool:
        """Whether ``name`` attended in person (False when attendance is not recorded)."""
        return name_key(name) in self._present_keys

    def substituted(self, name: str) -> bool:
        """Whether someone attended in place of ``name``."""
        return name_key(name) in self._replaced_keys

    def came(self, member: Member) -> bool:
        """Whether ``member`` attended in person."""
        return member.key in self._present_keys

    def covered(self, member: Member) -> bool:
        """Whether ``member`` was absent but a substitute attended in their place."""
        return member.key not in self._present_keys and member.key in self._replaced_keys

    def sat_as_substitute(self, member: Member) -> bool:
        """Whether ``member`` attended as a substitute for another, not in person: the
        attendance a reserve's own record shows."""
        return member.key not in self._present_keys and member.key in self._substitute_keys

    def __str__(self) -> str:
        label = f"meeting on {self.held_on.isoformat()}"
        return label if self.kind is MeetingKind.FORMAL else f"{self.kind} {label}"


@final
class Meetings:
    """Meetings in date order, at most one a day.

    Two meetings on one day raise [`DataError`][corpparent.errors.DataError] naming both.
    """

    __slots__ = ("_meetings",)

    def __init__(self, meetings: Iterable[Meeting] = ()) -> None:
        by_day: dict[date, Meeting] = {}
        problems: list[Problem] = []
        for meeting in meetings:
            earlier = by_day.get(meeting.held_on)
            if earlier is not None:
                problems.append(Problem(
                    source=meeting.source or "meetings",
                    message=f"a second meeting on {meeting.held_on.isoformat()}; the first "
                    f"is at {earlier.source or 'an earlier record'}",
                    field="date",
                ))
                continue
            by_day[meeting.held_on] = meeting
        if problems:
            raise DataError(problems)
        self._meetings = tuple(sorted(by_day.values(), key=lambda m: m.held_on))

    def between(self, start: date, end: date) -> Meetings:
        """The meetings held from ``start`` to ``end`` inclusive."""
        return Meetings(m for m in self._meetings if start <= m.held_on <= end)

    def of_kind(self, *kinds: MeetingKind) -> Meetings:
        """The meetings of any of ``kinds``."""
        return Meetings(m for m in self._meetings if m.kind in kinds)

    @property
    def dates(self) -> tuple[date, ...]:
        """The dates, in order."""
        return tuple(m.held_on for m in self._meetings)

    def __iter__(self) -> Iterator[Meeting]:
        return iter(self._meetings)

    def __len__(self) -> int:
        return len(self._meetings)

    def __getitem__(self, index: int) -> Meeting:
        return self._meetings[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Meetings) and self._meetings == other._meetings

    def __hash__(self) -> int:
        return hash(self._meetings)

    def __repr__(self) -> str:
        return f"Meetings({len(self)} meetings)"


@final
@frozen
class ClassCount:
    """Who counted as present for one class of seat at a sitting."""

    member_class: MemberClass
    filled: int
    """Members of the class serving on the day."""
    in_person: tuple[str, ...]
    """Members of the class who attended."""
    by_substitute: tuple[str, ...]
    """Absent members of the class whose substitute attended."""

    @property
    def present(self) -> int:
        """Members counted present, each once."""
        return len(self.in_person) + len(self.by_substitute)


@final
@frozen
class Sitting:
    """A meeting seen against the roster on its day."""

    meeting: Meeting
    roster: Roster

    def count(self, member_class: MemberClass, *, voting_only: bool = False) -> ClassCount:
        """Who counts as present in ``member_class``, substitutes counted once each;
        ``voting_only`` leaves out non-voting members."""
        members = tuple(m for m in self.roster.of_class(member_class)
                        if m.voting or not voting_only)
        in_person = tuple(m.name for m in members if self.meeting.came(m))
        by_substitute = tuple(m.name for m in members if self.meeting.covered(m))
        return ClassCount(member_class, len(members), in_person, by_substitute)

    def members_present(self, classes: Iterable[MemberClass], *,
                        voting_only: bool = False) -> tuple[Member, ...]:
        """Members of ``classes`` counted present, in person or by substitute
        (``voting_only``: voting members only)."""
        wanted = set(classes)
        return tuple(
            m for m in self.roster.members
            if m.member_class in wanted and (m.voting or not voting_only)
            and (self.meeting.came(m) or self.meeting.covered(m))
        )

    @property
    def subject(self) -> str:
        """How findings about the sitting identify it: "meeting on 2023-06-01"."""
        return str(self.meeting)

    @property
    def subject_name(self) -> str:
        """How a reader knows the sitting: the subject, with the meeting's title where
        the record gives one ("meeting on 2023-06-01: Corporate Parenting Panel")."""
        title = self.meeting.title
        return f"{self.subject}: {title}" if title else self.subject
