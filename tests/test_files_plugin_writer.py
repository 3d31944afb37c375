"""Any constitution, membership and meeting record round-trips through a plug-in file,
and the plug-ins command line reports what it finds."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st

from corpparent.files import profile_from_toml, profile_to_toml
from corpparent.findings import AllOf, AnyOf
from corpparent.governance import (
    AttendanceThreshold,
    ClassQuorum,
    Constitution,
    Meeting,
    MeetingFrequency,
    Meetings,
    Member,
    MemberClass,
    Membership,
    MinimumPresent,
    Office,
    Quorum,
    Requirement,
    Seats,
    SixMonthRule,
    Substitution,
    YearKind,
)
from corpparent.governance.balance import PoliticalBalance
from corpparent.governance.offices import OfficeHolders, RoleSeat
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.governance.terms import Clause, ReportingLine
from corpparent.profile import AuthorityProfile

_names = st.lists(st.sampled_from("abcdefgh"), min_size=1, max_size=6).map(
    lambda letters: "".join(letters).title())
_text = st.text(max_size=15)
_classes = st.sampled_from([MemberClass.CORE_COUNCILLOR, MemberClass.ASSOCIATE,
                            MemberClass.CO_OPTED])
_fractions = st.sampled_from(["75%", "70%", "1/3", "1/2", "100%", "2/3"])


@st.composite
def constitutions(draw: st.DrawFn) -> Constitution:
    classes = draw(st.lists(_classes, min_size=1, max_size=3, unique=True))
    seats = [Seats(c, draw(st.integers(1, 12)), exact=draw(st.booleans())) for c in classes]
    parts = [ClassQuorum(s.member_class, draw(_fractions), s.count, source=draw(_text))
             for s in seats]
    max_members = draw(st.none() | st.integers(1, 30))
    # A quorum the seats can never meet is refused, so the minimum fits the seats.
    room = min(sum(s.count for s in seats if s.member_class is not MemberClass.SUBSTITUTE)
               or 5, max_members or 30, 5)
    if draw(st.booleans()):
        parts.append(MinimumPresent(draw(st.integers(1, room))))
    requirement = (parts[0] if len(parts) == 1
                   else draw(st.sampled_from([AllOf, AnyOf]))(tuple(parts)))
    frequency = draw(st.none() | st.builds(
        MeetingFrequency, st.integers(1, 3), st.integers(0, 14),
        st.none() | st.integers(1, 12), st.sampled_from(YearKind)))
    balance = draw(st.none() | st.builds(
        PoliticalBalance, st.dictionaries(_names, st.integers(1, 5), min_size=1, max_size=3)))
    terms = draw(st.none() | st.builds(SubstitutionTerms, st.booleans(), st.booleans(),
                                       st.booleans()))
    lines = draw(st.lists(st.builds(ReportingLine, _names, st.sampled_from(
        ["reports to", "accountable to"]), st.none() | _names), max_size=2))
    declared = {Clause.POLITICAL_BALANCE: balance is not None,
                Clause.SUBSTITUTES: terms is not None, Clause.REPORTING: bool(lines)}
    return Constitution(
        panel=draw(_names), seats=tuple(seats), max_members=max_members,
        political_balance=balance, substitution_terms=terms, reporting_lines=lines,
        role_seats=draw(st.lists(st.builds(RoleSeat, st.lists(_names, min_size=1,
                                                                max_size=2)), max_size=2)),
        office_holders=draw(st.lists(st.builds(OfficeHolders, st.sampled_from(Office),
                                               st.lists(_classes, min_size=1, max_size=2,
                                                        unique=True)), max_size=1)),
        not_stated=draw(st.lists(st.sampled_from(
            [c for c, on in declared.items() if not on] or [Clause.SEATS]), unique=True,
            max_size=2)) if not all(declared.values()) else (),
        offices=tuple(draw(st.lists(st.sampled_from(Office), unique=True))),
        chair_role=draw(st.none() | _names),
        requirements=tuple(Requirement(n) for n in draw(st.lists(_names, unique=True,
                                                                  max_size=2))),
        quorum=Quorum(requirement, draw(st.none() | _names)),
        frequency=frequency,
        attendance=draw(st.none() | st.builds(AttendanceThreshold, _fractions)),
        six_month_warning=draw(st.sampled_from([None, SixMonthRule(), SixMonthRule(
            (MemberClass.CORE_COUNCILLOR,), 30)])),
    )


_days = st.dates(date(2019, 1, 1), date(2025, 12, 31))


@st.composite
def memberships(draw: st.DrawFn) -> Membership:
    names = draw(st.lists(_names, min_size=1, max_size=5, unique_by=str.lower))
    members = []
    for name in names:
        joined = draw(st.none() | _days)
        left = draw(st.none() | _days.filter(lambda d, j=joined: j is None or d >= j))
        members.append(Member(name, draw(_classes), joined=joined, left=left,
                              role=draw(st.none() | _names)))
    return Membership(members=tuple(members))


@st.composite
def meetings(draw: st.DrawFn) -> Meetings:
    days = draw(st.lists(_days, max_size=4, unique=True))
    held = []
    for day in days:
        present = draw(st.none() | st.lists(_names, max_size=3, unique_by=str.lower))
        subs = () if present else tuple(
            Substitution(s, r) for s, r in draw(st.lists(st.tuples(_names, _names), max_size=1))
            if s.lower() != r.lower())
        held.append(Meeting(day, present=present, substitutions=subs))
    return Meetings(held)


@settings(max_examples=100)
@given(constitutions(), memberships(), meetings())
def test_governance_round_trips_through_toml(
    constitution: Constitution, membership: Membership, held: Meetings,
) -> None:
    profile = AuthorityProfile("testshire", "Testshire", constitution=constitution,
                               membership=membership, meetings=held)
    assert profile_from_toml(profile_to_toml(profile)) == profile
