"""Members, tenure and rosters."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from corpparent.errors import DefinitionError
from corpparent.governance.membership import Member, MemberClass, Membership, Office
from corpparent.governance.years import YearKind
from corpparent.periods import CalendarYear, FinancialYear, MunicipalYear
from corpparent.testing.governance_strategies import memberships

# 004 §7: "Michael Greatorex (to Oct 2019)", "Richard Ford (from Jan 2020)".
GREATOREX = Member("Michael Greatorex", MemberClass.CORE_COUNCILLOR, left=date(2019, 10, 3))
FORD = Member("Richard Ford", "core councillor", joined=date(2020, 1, 9))  # type: ignore[arg-type]


def test_tenure_is_inclusive_at_both_ends() -> None:
    assert GREATOREX.serves_on(date(2019, 10, 3))
    assert not GREATOREX.serves_on(date(2019, 10, 4))
    assert FORD.serves_on(date(2020, 1, 9))
    assert not FORD.serves_on(date(2020, 1, 8))
    assert GREATOREX.tenure == "to 3 October 2019"


def test_roster_on_a_day() -> None:
    membership = Membership((GREATOREX, FORD))
    assert [m.name for m in membership.on(date(2019, 11, 1)).members] == []
    assert [m.name for m in membership.on(date(2019, 6, 1)).members] == ["Michael Greatorex"]
    assert membership.on(date(2020, 2, 1)).find("richard  ford") == FORD


def test_left_before_joined_is_rejected() -> None:
    with pytest.raises(DefinitionError, match="'left' must be on or after 'joined'"):
        Member("A", MemberClass.CO_OPTED, joined=date(2020, 1, 2), left=date(2020, 1, 1))


def test_overlapping_spells_are_rejected_but_separate_spells_are_allowed() -> None:
    first = Member("A", MemberClass.CO_OPTED, left=date(2019, 12, 31))
    Membership((first, Member("A", MemberClass.CORE_COUNCILLOR, joined=date(2020, 1, 1))))
    with pytest.raises(DefinitionError, match="overlapping tenure"):
        Membership((first, Member("a", MemberClass.CORE_COUNCILLOR, joined=date(2019, 12, 31))))


def test_offices_and_roles() -> None:
    chair = Member("Mark Sutton", MemberClass.CORE_COUNCILLOR, office="chair",  # type: ignore[arg-type]
                   role="Cabinet Member for Children and Young People")
    assert chair.office is Office.CHAIR
    assert chair.holds_role("cabinet member for children and young  people")
    with pytest.raises(DefinitionError):
        Member("  ", MemberClass.CORE_COUNCILLOR)


@pytest.mark.parametrize(("kind", "expected"), [
    (YearKind.FINANCIAL, FinancialYear(2020)),  # April starts 2020-21
    (YearKind.MUNICIPAL, MunicipalYear(2019)),
    (YearKind.CALENDAR, CalendarYear(2020)),
])
def test_year_kinds(kind: YearKind, expected: object) -> None:
    # Staffordshire appoints at the May council meeting (004 §7): a municipal year.
    assert kind.containing(date(2020, 4, 15)) == expected


def test_overlapping_years() -> None:
    years = YearKind.MUNICIPAL.overlapping(date(2019, 5, 1), date(2020, 5, 1))
    assert years == (MunicipalYear(2019), MunicipalYear(2020))


@given(memberships(), st.dates(date(2019, 1, 1), date(2020, 12, 31)))
def test_the_roster_holds_exactly_the_members_serving_that_day(
    membership: Membership, day: date
) -> None:
    roster = membership.on(day)
    assert set(roster.members) == {m for m in membership.members if m.serves_on(day)}
    for member in roster.members:
        assert member.serves_during(day, day)
