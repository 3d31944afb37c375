"""Comparisons as rules over readings, and comparator sets declared as data."""

from __future__ import annotations

import pytest

from corpparent.comparators import Comparator, ComparatorKind, CompareWith, Verdict
from corpparent.errors import DataError, UnitError, UnknownNameError
from corpparent.files import comparator_set_from_data
from corpparent.findings import RuleSet, Status
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Reading
from corpparent.periods import FinancialQuarter, FinancialYear
from corpparent.units import quantity

MOVES = Indicator("placement-moves", "3+ placement moves", Kind.PERCENTAGE,
                  Polarity.LOWER_IS_BETTER)
Q4 = FinancialQuarter(2022, 4)
# 002 §30-32: 7% at the end of Q4 2022-23, against the 2020-21 comparators.
ENGLAND = Comparator("England", ComparatorKind.ENGLAND, {("placement-moves", "2020-21"): 9})
SOUTH_WEST = Comparator("South West", ComparatorKind.REGION,
                        {("placement-moves", "2020-21"): 11})


def test_a_reading_is_compared_with_the_latest_published_comparator() -> None:
    finding = CompareWith(MOVES, ENGLAND).evaluate(Reading("placement-moves", Q4, 7.0))
    assert finding.status is Status.EXCEEDED
    assert finding.period == Q4
    assert finding.evidence["comparator_period"] == "2020-21"
    assert "2020-21" in finding.explanation
    assert finding.outcome is Verdict.BETTER
    assert (finding.subject, finding.subject_name) == (MOVES.id, MOVES.name)


def test_a_withheld_reading_is_insufficient_data_with_its_reason() -> None:
    reading = Reading("placement-moves", Q4, None, symbol="c")
    finding = CompareWith(MOVES, ENGLAND).evaluate(reading)
    assert finding.status is Status.INSUFFICIENT_DATA
    assert "confidential" in finding.explanation


def test_a_reading_of_another_indicator_is_not_compared() -> None:
    finding = CompareWith(MOVES, ENGLAND).evaluate(Reading("other", Q4, 7.0))
    assert finding.status is Status.INSUFFICIENT_DATA


def test_a_comparator_without_an_earlier_period_is_not_compared() -> None:
    rule = CompareWith(MOVES, ENGLAND, comparator_period=FinancialYear(2021))
    finding = rule.evaluate(Reading("placement-moves", Q4, 7.0))
    assert finding.status is Status.INSUFFICIENT_DATA
    assert "2021-22" in finding.explanation


def test_the_status_for_worse_can_be_chosen() -> None:
    reading = Reading("placement-moves", Q4, 12.0)
    assert CompareWith(MOVES, ENGLAND).evaluate(reading).status is Status.WARNING
    strict = CompareWith(MOVES, ENGLAND, worse=Status.BREACHED)
    assert strict.evaluate(reading).status is Status.BREACHED


def test_tolerance_may_be_a_quantity_in_another_unit() -> None:
    rule = CompareWith(MOVES, ENGLAND, quantity(0.025, "fraction"))
    assert rule.tolerance == pytest.approx(2.5)
    assert rule.evaluate(Reading("placement-moves", Q4, 7.0)).status is Status.MET
    with pytest.raises(UnitError):
        CompareWith(MOVES, ENGLAND, quantity(3, "children"))
    with pytest.raises(ValueError, match=">= 0"):
        CompareWith(MOVES, ENGLAND, -1)


def test_comparison_rules_run_in_a_rule_set() -> None:
    rules = RuleSet([CompareWith(MOVES, ENGLAND), CompareWith(MOVES, SOUTH_WEST)])
    findings = rules.evaluate(Reading("placement-moves", Q4, 10.0))
    assert [f.status for f in findings] == [Status.WARNING, Status.EXCEEDED]


DECLARATION = {
    "authority": {"name": "Wiltshire", "code": "865", "region": "South West"},
    "statistical_neighbours": [{"name": "Gloucestershire", "code": "916"},
                               {"name": "Hampshire", "code": "850"}],
    "outstanding": [{"name": "Hampshire"}],
    "comparators": [
        {"name": "England", "kind": "England", "source": "DfE"},
        {"name": "South West", "kind": "region",
         "values": [{"indicator": "placement-moves", "period": "2020-21", "value": 11}]},
    ],
}


def test_a_declared_set_takes_values_inline_or_by_name() -> None:
    cset = comparator_set_from_data(DECLARATION, source="wiltshire.toml", values=[ENGLAND])
    assert cset.authority.code == "865"
    assert [a.name for a in cset.statistical_neighbours] == ["Gloucestershire", "Hampshire"]
    assert cset.get("England").value("placement-moves", FinancialYear(2020)) == 9
    assert cset.get("England").source == "DfE"
    assert cset.get("South West").kind is ComparatorKind.REGION
    assert cset.get("South West").value("placement-moves", FinancialYear(2020)) == 11
    with pytest.raises(UnknownNameError, match=r"no comparator 'Wales' .* 'England'"):
        cset.get("Wales")


def test_a_bad_declaration_names_every_key_path() -> None:
    bad = {
        "authority": {"name": ""},
        "comparators": [{"name": "England", "kind": "nation"},
                        {"name": "SW", "kind": "region", "colour": "red"}],
    }
    with pytest.raises(DataError) as caught:
        comparator_set_from_data(bad, source="plugin.json")
    fields = {p.field for p in caught.value.problems}
    assert fields == {"authority.name", "comparators[0].kind", "comparators[1].colour"}
    assert all(p.source == "plugin.json" for p in caught.value.problems)


def test_bad_inline_values_are_reported_by_path() -> None:
    bad = {
        "authority": {"name": "Wiltshire"},
        "comparators": [{"name": "England", "kind": "England",
                         "values": [{"indicator": "placement-moves", "period": "2020-21",
                                     "value": "n/a"}]}],
    }
    with pytest.raises(DataError) as caught:
        comparator_set_from_data(bad, source="plugin.json")
    (problem,) = caught.value.problems
    assert problem.field == "comparators[0]"
    assert "official symbol" in problem.message
