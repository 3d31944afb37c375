"""The words a committee management system writes, each read as the project's own.

A council's committee system exports attendance a row per meeting and attendee, and its
membership lists a row per member, in its own headings ("Meeting date", "Attendee",
"Attendance") and its own vocabulary ("Present as substitute", "In attendance",
"Apologies"). The meetings and membership readers take such files as they are: each
heading listed here is read as the field beside it (where the file has no column of the
field's own name), further headings are mapped with ``columns`` (``--columns``), as for
readings (`corpparent.files._tabular.column_names`), and each attendance and role word
is read as the project's state below. A word not listed is reported with the words
expected, never guessed.

The vendor's web-service documentation could not be found published, so the words are
those councils publish on their attendance pages and in their minutes; a system that
writes other words is read with its headings mapped and its words written as these.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from corpparent.governance.membership import MemberClass, Office
from corpparent.wording import listed

__all__ = [
    "ATTENDANCE_WORDS",
    "MEETING_SYNONYMS",
    "MEMBERSHIP_SYNONYMS",
    "ROLE_WORDS",
    "attendance_word",
    "role_word",
    "word_key",
]

#: Headings of an attendance export, each the field of the meetings reader it holds.
MEETING_SYNONYMS: Final = {
    "meeting_date": "date", "date_of_meeting": "date",
    "attendee": "member", "attendee_name": "member", "name": "member",
    "councillor": "member", "member_name": "member",
    "attendance_status": "attendance", "status": "attendance",
    "substitute_for_member": "substitute_for", "substituting_for": "substitute_for",
    "in_place_of": "substitute_for", "substitute_for_councillor": "substitute_for",
    "meeting_title": "title", "committee_name": "committee", "body": "committee",
    "attendee_role": "role", "attendance_role": "role",
}

#: Headings of a membership list, each the field of the membership reader it holds.
MEMBERSHIP_SYNONYMS: Final = {
    "member": "name", "councillor": "name", "member_name": "name", "full_name": "name",
    "committee_role": "role", "position_on_committee": "role",
    "party": "group", "political_group": "group", "political_party": "group",
    "portfolio": "post", "job_title": "post", "representing": "post",
    "from": "joined", "start_date": "joined", "date_from": "joined", "appointed": "joined",
    "to": "left", "end_date": "left", "date_to": "left", "until": "left",
    "seat": "class", "member_class": "class",
    "substitute_for": "reserve_for",
}

#: Attendance words as written, each the project's attendance state (`Attendance` value):
#: the project's own words, then a committee system's.
ATTENDANCE_WORDS: Final = {
    "present": "present", "apologies": "apologies", "absent": "absent",
    "substitute": "substitute", "invited": "invited", "not recorded": "not recorded",
    "cancelled": "cancelled",
    "Present as expected": "present", "Attended": "present",
    "Present as substitute": "substitute",
    "In attendance": "invited",
    "Meeting cancelled": "cancelled", "Canceled": "cancelled",
    "Apologies received": "apologies", "Sent apologies": "apologies",
    "Apologies for absence": "apologies",
    "Absent without apologies": "absent", "Did not attend": "absent",
}

#: Why a word a committee system writes is not read as any state, for its message.
_UNREAD: Final = {
    "expected": "'Expected' is written before attendance is taken: take it in the "
    "committee system and export again, or write the meeting as one row with no attendee "
    "and 'not recorded'",
    "present virtual": "remote attendance counts as the panel's terms say: write it as "
    "'Present' or 'In attendance' accordingly",
    "present as substitute virtual": "remote attendance counts as the panel's terms say: "
    "write it as 'Present as substitute' or 'In attendance' accordingly",
    "in attendance virtual": "write 'In attendance': it is recorded and never counted",
}

#: Committee roles, each the class of seat and office it is read as (None: the class
#: is the ``class`` column's, or a core councillor's).
ROLE_WORDS: Final[dict[str, tuple[MemberClass | None, Office | None]]] = {
    "Chair": (None, Office.CHAIR), "Chairman": (None, Office.CHAIR),
    "Vice-Chair": (None, Office.VICE_CHAIR), "Vice-Chairman": (None, Office.VICE_CHAIR),
    "Deputy Chair": (None, Office.VICE_CHAIR),
    "Member": (None, None), "Committee Member": (None, None),
    "Co-optee": (MemberClass.CO_OPTED, None), "Co-opted Member": (MemberClass.CO_OPTED, None),
    "Substitute": (MemberClass.SUBSTITUTE, None), "Reserve": (MemberClass.SUBSTITUTE, None),
    "Associate Member": (MemberClass.ASSOCIATE, None),
}

_ATTENDANCE: Final = {" ".join(word.lower().split()): state
                      for word, state in ATTENDANCE_WORDS.items()}
_ROLES: Final = {" ".join(word.lower().replace("-", " ").split()): read
                 for word, read in ROLE_WORDS.items()}


def word_key(text: str) -> str:
    """A word as looked up: lower case, spaces collapsed."""
    return " ".join(text.lower().split())


def _role_key(text: str) -> str:
    return word_key(text.replace("-", " "))


def _listed(words: Iterable[str]) -> str:
    """``'a', 'b' or 'c'``."""
    return listed([repr(word) for word in words], "or")


def _expected(words: Iterable[str]) -> str:
    return "one of " + _listed(words)


#: The project's own attendance words, listed first where a word is not known.
_OWN: Final = tuple(word for word in ATTENDANCE_WORDS if word == word.lower())


def attendance_word(value: object) -> object:
    """The project's attendance state for ``value`` as a committee system writes it
    (blank: none); a word not known raises a `ValueError` naming the words expected."""
    if not isinstance(value, str):
        return value
    key = word_key(value)
    if not key:
        return None
    if key in _ATTENDANCE:
        return _ATTENDANCE[key]
    why = _UNREAD.get(key)
    theirs = _listed(word for word in ATTENDANCE_WORDS if word not in _OWN)
    raise ValueError(f"expected {_expected(_OWN)}, or a committee system's {theirs}; "
                     f"found {value.strip()!r}" + (f" ({why})" if why else ""))


def role_word(value: str) -> tuple[MemberClass | None, Office | None]:
    """The class of seat and office a committee role names; a role not known raises a
    `ValueError` naming the roles expected."""
    key = _role_key(value)
    if key in _ROLES:
        return _ROLES[key]
    raise ValueError(f"expected {_expected(ROLE_WORDS)}; found {value.strip()!r}")

