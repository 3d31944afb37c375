"""Terms of reference as written, and rules that belong to their year.

Run it with ``python examples/terms_and_years.py``. It declares a panel whose terms of
reference leave its quorum unstated, expect (rather than require) six meetings a year,
allocate its councillor seats by political group and hold a seat for an office holder;
reviews a year of meetings against it; then builds a 2023-24 rule set from a 2022-23
one with two ranges changed, one indicator removed and one added, and judges each year's
fourth quarter by the set in force.
"""

from __future__ import annotations

from datetime import date

from corpparent.dated_groups import OUTSTANDING, DatedGroup
from corpparent.governance import (
    Constitution,
    Meeting,
    MeetingFrequency,
    Meetings,
    Member,
    MemberClass,
    Membership,
)
from corpparent.governance.balance import PoliticalBalance
from corpparent.governance.offices import RoleSeat
from corpparent.governance.terms import Clause
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Reading, Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import FinancialQuarter, FinancialYear
from corpparent.profile import AuthorityProfile
from corpparent.ranges import ExpectedRange
from corpparent.rulesets import BeforeFirstYearError, RulesByYear, YearChanges, YearRules
from corpparent.runs import assess_scorecard


def terms_of_reference() -> None:
    """A panel declared as its terms of reference are written."""
    panel = Constitution(
        "Ourtown Corporate Parenting Panel",
        not_stated=[Clause.QUORUM],
        frequency=MeetingFrequency(minimum_per_year=6, expectation=True),
        # Middlesbrough's nine councillor seats: 5 Labour, 1 Conservative, 2 MICA,
        # 1 Independent.
        political_balance=PoliticalBalance(
            {"Labour": 5, "Conservative": 1, "MICA": 2, "Independent": 1}),
        role_seats=[RoleSeat(["Executive Member for Children and Young People"])],
        six_month_warning=None,
    )
    groups = ["Labour"] * 5 + ["Conservative", "MICA", "MICA", "Independent"]
    members = [Member(f"Cllr {i + 1}", MemberClass.CORE_COUNCILLOR, group=g)
               for i, g in enumerate(groups)]
    members[0] = Member("Cllr 1", MemberClass.CORE_COUNCILLOR, group="Labour",
                        role="Executive Member for Children and Young People")
    meetings = Meetings([Meeting(date(2023, 5, 10), present=["Cllr 1", "Cllr 2", "Cllr 9"],
                                 invited=["Virtual School Head"]),
                         Meeting(date(2023, 9, 13), present=["Cllr 1", "Cllr Jones"])])
    year = FinancialYear(2023)
    print(panel.describe())
    for finding in panel.review_period(meetings, Membership(members), year, year.end):
        print(f"  {finding.status}: {finding.rule}: {finding.explanation}")


def rule_sets() -> None:
    """A 2023-24 rule set built from 2022-23's."""
    moves = Indicator("moves", "Three or more placement moves", Kind.PERCENTAGE,
                      Polarity.LOWER_IS_BETTER)
    stability = Indicator("stability", "Long-term stability", Kind.PERCENTAGE,
                          Polarity.HIGHER_IS_BETTER)
    miles = Indicator("miles20", "Placed over 20 miles from home", Kind.PERCENTAGE,
                      Polarity.LOWER_IS_BETTER)
    in_house = Indicator("in_house", "In house foster care", Kind.PERCENTAGE,
                         Polarity.HIGHER_IS_BETTER)
    fy22, fy23 = FinancialYear(2022), FinancialYear(2023)
    # Wiltshire's 2022-23 ranges (002 §30, §33, §43).
    # Each year compares itself with the Outstanding authorities as they stood then
    # (publication dates from Ofsted's release as at 31 March 2025).
    first = YearRules(fy22, IndicatorSet((moves, stability, miles), (
        ExpectedRange("moves", 7, 9.1, fy22), ExpectedRange("stability", 75, 82, fy22),
        ExpectedRange("miles20", 34, 37, fy22))), groups=[DatedGroup(
            OUTSTANDING, ["Bracknell Forest", "Bexley"], date(2023, 3, 31), ["Barnet"])])
    sets = RulesByYear(first, [YearChanges(
        fy23, add=[in_house], remove=["miles20"],
        ranges=[ExpectedRange("moves", 6, 8, fy23), ExpectedRange("stability", 70, 78, fy23),
                ExpectedRange("in_house", 42, 48, fy23)],
        groups=[DatedGroup(OUTSTANDING, ["Bracknell Forest", "Bexley"], date(2024, 3, 31))])])
    readings = Readings([Reading(i, q, v) for q in (FinancialQuarter(2022, 4),
                                                    FinancialQuarter(2023, 4),
                                                    FinancialQuarter(2024, 4))
                         for i, v in (("moves", 8.5), ("stability", 72), ("miles20", 36),
                                      ("in_house", 40))])
    profile = AuthorityProfile("ourtown", "Our Town Council", first.indicators,
                               rule_sets=sets)
    for quarter in (FinancialQuarter(2022, 4), FinancialQuarter(2023, 4),
                    FinancialQuarter(2024, 4)):
        rule_set = profile.rule_set_for(quarter)
        assert rule_set is not None
        print(f"{quarter}: {rule_set.label}"
              + (f", {rule_set.built_from}" if rule_set.built_from else ""))
        print(f"  compared with the {rule_set.group(OUTSTANDING).label}")
        (assessed,) = assess_scorecard(readings, [quarter], profile=profile).periods
        for assessment in assessed.result.assessments:
            found = assessment.range_finding
            print(f"  {found.explanation if found else assessment.indicator.id}")
    try:
        sets.in_force(FinancialQuarter(2021, 4))
    except BeforeFirstYearError as exc:
        print(exc)


if __name__ == "__main__":
    terms_of_reference()
    rule_sets()
