"""Comparator groups as at a date: the Outstanding authorities a panel used in its year,
with the date shown."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from attrs import frozen

from corpparent.comparators import Benchmark
from corpparent.dated_groups import DatedGroup
from corpparent.dates import day_text
from corpparent.dfe.areas import known_areas
from corpparent.errors import DefinitionError, UnknownNameError
from corpparent.files.dfe.ofsted import read_ofsted
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import FinancialYear
from corpparent.rulesets import RulesByYear, YearChanges, YearRules
from national_data import NATIONAL_DATA

OFSTED = NATIONAL_DATA / "ofsted_ilacs_outcomes_2025-03-31.csv"


@frozen
class Inspected:
    name: str
    inspected: date
    published: date
    overall: str


INSPECTIONS = [Inspected("Bexley", date(2023, 2, 6), date(2023, 3, 24), "Outstanding"),
               Inspected("Bracknell Forest", date(2022, 6, 13), date(2022, 7, 29),
                         "Outstanding"),
               Inspected("Barnet", date(2024, 6, 10), date(2024, 7, 23), "Good"),
               # Inspected before the date and reported after it: Ofsted's release counts
               # it as at the date.
               Inspected("Camden", date(2023, 3, 6), date(2023, 4, 20), "Outstanding")]


def test_an_authority_inspected_after_the_date_is_unknown_not_guessed() -> None:
    group = DatedGroup.from_inspections(INSPECTIONS, date(2023, 3, 31))
    assert group.members == ("Bexley", "Bracknell Forest", "Camden")
    assert group.unknown == ("Barnet",)
    earlier = DatedGroup.from_inspections(INSPECTIONS, date(2022, 12, 31))
    assert earlier.members == ("Bracknell Forest",)
    assert earlier.unknown == ("Barnet", "Bexley", "Camden")
    assert earlier.label == "Outstanding authorities as at 31 December 2022"


def test_a_name_both_member_and_unknown_is_refused() -> None:
    with pytest.raises(DefinitionError, match="both a member and unknown"):
        DatedGroup("Outstanding authorities", ["Bexley"], date(2025, 3, 31), ["Bexley"])


def test_the_finding_shows_the_date_and_what_is_unknown() -> None:
    indicator = Indicator("moves", "Three or more placement moves", Kind.PERCENTAGE,
                          Polarity.LOWER_IS_BETTER)
    benchmark = Benchmark(indicator, FinancialYear(2022),
                          {"Bexley": 10.0, "Bracknell Forest": 12.0, "Barnet": 8.0})
    group = DatedGroup.from_inspections(INSPECTIONS, date(2023, 3, 31))
    finding = group.finding(benchmark, 9.0, authority="Wiltshire")
    assert finding.rule == "position among Outstanding authorities as at 31 March 2023"
    # Lower is better: 9% is better than both members with a figure (10% and 12%);
    # Barnet, inspected after the date, is left out.
    assert finding.evidence["better_than"] == 2
    assert finding.evidence["n"] == 2
    assert finding.evidence["as at"] == "2023-03-31"
    assert ("1 authority whose latest inspection took place after 31 March 2023"
            in finding.explanation)


def test_each_year_keeps_the_group_it_used() -> None:
    indicator = Indicator("moves", "Moves", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER)
    first = YearRules(FinancialYear(2022), IndicatorSet((indicator,)), groups=[
        DatedGroup.from_inspections(INSPECTIONS, date(2023, 3, 31))])
    sets = RulesByYear(first, [YearChanges(FinancialYear(2023), groups=[
        DatedGroup.from_inspections(INSPECTIONS, date(2024, 3, 31))])])
    older, newer = (s.group("Outstanding authorities") for s in sets)
    assert older.as_at == date(2023, 3, 31)
    assert newer.as_at == date(2024, 3, 31)
    assert "Outstanding authorities as at 31 March 2024" in sets.sets[1].built_from
    with pytest.raises(UnknownNameError, match="no group 'Good authorities'"):
        sets.first.group("Good authorities")


@pytest.mark.national_data
def test_the_group_from_ofsteds_release_as_at_an_earlier_date() -> None:
    outcomes = read_ofsted(OFSTED)
    with OFSTED.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    day = date(2023, 3, 31)
    expected = sorted(r["Local authority name"] for r in rows
                      if r["Overall effectiveness"] == "Outstanding"
                      and date.fromisoformat(r["Inspection date"]) <= day)
    later = sorted(r["Local authority name"] for r in rows
                   if date.fromisoformat(r["Inspection date"]) > day)
    group = DatedGroup.from_inspections(outcomes, day)
    assert list(group.members) == expected
    assert list(group.unknown) == later
    # The release holds some inspections published after 31 March 2025; as at the last
    # publication date it gives, every authority is known.
    last = max(date.fromisoformat(r["Publication date"]) for r in rows)
    whole = DatedGroup.from_inspections(outcomes, last)
    assert whole.unknown == ()
    assert len(whole.members) == sum(r["Overall effectiveness"] == "Outstanding"
                                     for r in rows)


@pytest.mark.national_data
def test_ofsteds_release_gives_the_group_by_code_as_at_a_date() -> None:
    outcomes = read_ofsted(OFSTED)
    with OFSTED.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    areas = known_areas()
    for day in (date(2019, 3, 31), date(2023, 3, 31), date(2025, 3, 31)):
        group = outcomes.as_at(day)
        assert group.as_at == day
        assert {areas[c].ons_code for c in group.members} == {
            r["Local authority area code"] for r in rows
            if r["Overall effectiveness"] == "Outstanding"
            and date.fromisoformat(r["Inspection date"]) <= day}
        assert {areas[c].ons_code for c in group.unknown} == {
            r["Local authority area code"] for r in rows
            if date.fromisoformat(r["Inspection date"]) > day}
    # "Inspections as at 31 March 2025, with a report published by 30 June 2025": as at
    # its own date the release places every authority, and its 36 Outstanding are the group.
    own = outcomes.as_at(date(2025, 3, 31))
    assert not own.unknown
    assert len(own.members) == 36
    # After the release's last report it knows nothing newer: the group is as at that.
    last = max(date.fromisoformat(r["Publication date"]) for r in rows)
    later = outcomes.as_at(date(2030, 1, 1))
    assert later.as_at == last
    assert later.label == f"Outstanding authorities as at {day_text(last)}"
    assert not later.unknown


def test_a_group_without_a_date_is_named_without_one() -> None:
    group = DatedGroup("Outstanding authorities", ["Bexley"])
    assert group.label == "Outstanding authorities"
    with pytest.raises(DefinitionError, match="need the date"):
        DatedGroup("Outstanding authorities", ["Bexley"], unknown=["Barnet"])
