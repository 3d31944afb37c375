"""The public strategies of ``corpparent.testing``: every draw is valid by corpparent's
own validation, every ``satisfying(rule)`` draw passes its rule, and every
``violating(rule)`` draw is rejected by it."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, given, settings, strategies as st

from corpparent.comparators import ComparatorSet, CompareWith, Verdict
from corpparent.files.plugin.reader import profile_from_toml
from corpparent.files.plugin.writer import profile_to_toml
from corpparent.findings import Status
from corpparent.governance.attendance import AttendanceThreshold, SixMonthRule
from corpparent.governance.composition import MaximumSize, SeatLimit
from corpparent.governance.constitution import Constitution, Seats
from corpparent.governance.frequency import MeetingFrequency
from corpparent.governance.membership import MemberClass
from corpparent.governance.panel import PanelRecord
from corpparent.governance.quorum import ClassQuorum, Quorum
from corpparent.indicator_rules import ExpectedRangeRule, TargetRule, TravelRule
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.obligations import evaluate_obligations
from corpparent.obligations.definitions import ObligationSet
from corpparent.obligations.triggers import OnEvent
from corpparent.periods import FinancialYear
from corpparent.profile import AuthorityProfile
from corpparent.ranges import ExpectedRange, Position, Target, Travel
from corpparent.spc import firings, xmr
from corpparent.spc.limits import Limits
from corpparent.testing import rules
from corpparent.testing.governance_strategies import class_quorums, meeting_frequencies
from corpparent.testing.obligations import latest_due, obligation_sets


def _numbers(readings: Readings) -> list[float]:
    return [r.value for r in readings if r.value is not None]


@given(rules.profiles())
def test_a_drawn_profile_is_a_valid_plugin_file(profile: AuthorityProfile) -> None:
    """Written as a plug-in file and read back through the file's validation."""
    attrs.validate(profile)
    again = profile_from_toml(profile_to_toml(profile), "drawn.toml")
    assert again.id == profile.id
    assert again.indicators.ids == profile.indicators.ids


@given(rules.readings_series())
def test_drawn_readings_are_valid(readings: Readings) -> None:
    assert Readings(list(readings)) == readings or len(Readings(list(readings))) == len(readings)
    for reading in readings:
        assert reading.value is not None or reading.unavailable_reason


@given(rules.comparator_sets(), rules.constitutions(), rules.indicator_sets())
def test_drawn_values_pass_their_validators(comparators: ComparatorSet,
                                            constitution: Constitution,
                                            indicators: IndicatorSet) -> None:
    for value in (comparators, constitution, *indicators):
        attrs.validate(value)
    # Rebuilding runs each constructor's own checks again.
    assert attrs.evolve(comparators) == comparators
    assert attrs.evolve(constitution) == constitution


@given(rules.expected_ranges().flatmap(
    lambda r: st.tuples(st.just(r), rules.satisfying(r), rules.violating(r))))
def test_readings_within_and_outside_a_range(case: tuple[ExpectedRange, Readings, Readings]
                                            ) -> None:
    expected, within, outside = case
    assert all(expected.position(v) is Position.WITHIN for v in _numbers(within))
    assert any(expected.position(v) is not Position.WITHIN for v in _numbers(outside))
    assert all(expected.applies_to(r.period) for r in (*within, *outside))


@given(rules.targets().flatmap(
    lambda t: st.tuples(st.just(t), rules.satisfying(t), rules.violating(t))))
def test_readings_meeting_and_missing_a_target(case: tuple[Target, Readings, Readings]) -> None:
    target, meeting, missing = case
    assert all(target.is_met(v) for v in _numbers(meeting))
    assert not all(target.is_met(v) for v in _numbers(missing))


@given(st.data(), rules.expected_ranges(), rules.targets())
def test_indicator_rules_judge_satisfying_and_violating(data: st.DataObject,
                                                        expected: ExpectedRange,
                                                        target: Target) -> None:
    range_rule, target_rule = ExpectedRangeRule(expected), TargetRule(target)
    assert range_rule.evaluate(data.draw(rules.satisfying(range_rule))).status is Status.MET
    assert range_rule.evaluate(data.draw(rules.violating(range_rule))).status is not Status.MET
    assert target_rule.evaluate(data.draw(rules.satisfying(target_rule))).status is Status.MET
    missed = target_rule.evaluate(data.draw(rules.violating(target_rule)))
    # An ambition missed is a warning, a target missed a breach (TargetRule's shortfall).
    assert missed.status is (Status.WARNING if target.ambition else Status.BREACHED)


@given(st.data(), class_quorums())
def test_sittings_satisfying_and_violating_a_quorum(data: st.DataObject,
                                                   rule: ClassQuorum) -> None:
    assert rule.seats is not None
    required = rule.required(rule.seats)
    quorum = Quorum(rule, consequence="the meeting is adjourned")
    if required <= rule.seats:
        assert rule.evaluate(data.draw(rules.satisfying(rule))).status is Status.MET
        assert quorum.evaluate(data.draw(rules.satisfying(quorum))).status is Status.MET
    if required >= 1:
        assert rule.evaluate(data.draw(rules.violating(rule))).status is Status.BREACHED
        assert quorum.evaluate(data.draw(rules.violating(quorum))).status is Status.BREACHED


@given(st.data(), meeting_frequencies())
def test_calendars_satisfying_and_violating_a_frequency(data: st.DataObject,
                                                       rule: MeetingFrequency) -> None:
    kept = rule.findings(data.draw(rules.satisfying(rule)))
    assert not any(f.is_breach for f in kept)
    broken = rule.findings(data.draw(rules.violating(rule)))
    assert any(f.is_breach for f in broken)


@settings(max_examples=30)
@given(st.data(), obligation_sets())
def test_logs_satisfying_and_violating_obligations(data: st.DataObject,
                                                  obligations: ObligationSet) -> None:
    year = FinancialYear(2022)
    meetings = [year.start.replace(month=m) for m in (6, 9, 12)]
    events = {o.trigger.event: [year.start.replace(month=7)]
              for o in obligations if isinstance(o.trigger, OnEvent)}
    context = {"period": year, "meetings": meetings, "events": events}
    as_of = latest_due(obligations, **context)
    kept = data.draw(rules.satisfying(obligations, **context))
    assert not any(f.is_breach for f in evaluate_obligations(obligations, kept, as_of=as_of,
                                                              **context))
    # A breaching log breaches once judged after the latest deadline (breaching_logs).
    broken = data.draw(rules.violating(obligations, **context))
    after = as_of + timedelta(days=data.draw(st.integers(1, 90)))
    assert any(f.is_breach for f in evaluate_obligations(obligations, broken, as_of=after,
                                                          **context))


@pytest.mark.parametrize("kind", [Indicator, ExpectedRange, Target, ComparatorSet,
                                  Constitution, Readings, IndicatorSet, AuthorityProfile,
                                  PanelRecord])
def test_types_are_registered_for_from_type(kind: type) -> None:
    @given(st.from_type(kind))
    def drawn(value: object) -> None:
        assert isinstance(value, kind)
        attrs.validate(value) if attrs.has(type(value)) else None

    drawn()


def test_a_rule_with_no_strategy_is_named() -> None:
    with pytest.raises(TypeError, match="no strategy satisfies a str"):
        rules.satisfying("quorum")


def test_importing_corpparent_imports_neither_hypothesis_nor_pytest() -> None:
    code = ("import sys, corpparent, corpparent.cli; "
            "print(sorted(m for m in ('hypothesis', 'pytest') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_the_types_come_from_the_hypothesis_entry_point() -> None:
    from importlib import metadata

    from hypothesis.strategies._internal.types import _global_type_lookup

    (entry_point,) = [e for e in metadata.entry_points(group="hypothesis")
                      if e.value.startswith("corpparent.")]
    assert entry_point.value == "corpparent.testing.types:_hypothesis_setup_hook"
    assert {Indicator, ExpectedRange, AuthorityProfile} <= set(_global_type_lookup)


@given(st.data(), st.booleans(), st.floats(0, 10))
def test_observations_satisfying_and_violating_travel(data: st.DataObject, last_year: bool,
                                                     tolerance: float) -> None:
    rule = TravelRule(against_last_year=last_year, tolerance=tolerance)
    assert rule.evaluate(data.draw(rules.satisfying(rule))).status is Status.MET
    worse = rule.evaluate(data.draw(rules.violating(rule)))
    assert worse.outcome is Travel.WORSENED


THRESHOLDS = st.builds(
    AttendanceThreshold, st.fractions(min_value=Fraction(1, 20), max_value=1),
    st.lists(st.sampled_from([MemberClass.CORE_COUNCILLOR, MemberClass.CO_OPTED,
                              MemberClass.ASSOCIATE]), unique=True, max_size=2))


@given(st.data(), THRESHOLDS)
def test_records_satisfying_and_violating_an_attendance_threshold(
        data: st.DataObject, rule: AttendanceThreshold) -> None:
    kept = rule.findings(data.draw(rules.satisfying(rule)))
    assert kept
    assert all(f.status is Status.MET for f in kept)
    constitution = Constitution("Panel", seats=[Seats(c, 2) for c in rule.member_classes])
    broken = rule.findings(data.draw(rules.violating(rule, constitution=constitution)))
    assert broken
    assert all(f.status is rule.below for f in broken)


@given(rules.constitutions().flatmap(lambda c: st.tuples(st.just(c), rules.panel_records(c))))
def test_a_panel_record_fills_its_constitution(case: tuple[Constitution, PanelRecord]) -> None:
    constitution, record = case
    for seat in constitution.seats:
        serving = [m for m in record.membership.members if m.member_class is seat.member_class]
        assert len(serving) == seat.count
    findings = constitution.review(record)
    assert all(isinstance(f.status, Status) for f in findings)


@given(st.data(), rules.comparator_sets(), st.sampled_from([Polarity.HIGHER_IS_BETTER,
                                                           Polarity.LOWER_IS_BETTER]),
       st.floats(0, 5))
def test_readings_satisfying_and_violating_a_comparison(
        data: st.DataObject, comparators: ComparatorSet, polarity: Polarity,
        tolerance: float) -> None:
    assume(comparators.comparators)
    indicator = Indicator("indicator", "Indicator", Kind.PERCENTAGE, polarity)
    rule = CompareWith(indicator, data.draw(st.sampled_from(comparators.comparators)),
                       tolerance=tolerance)
    kept = rule.evaluate(data.draw(rules.satisfying(rule)))
    assert kept.outcome in (Verdict.BETTER, Verdict.IN_LINE)
    broken = rule.evaluate(data.draw(rules.violating(rule)))
    assert broken.outcome is Verdict.WORSE
    assert broken.status is rule.worse


@given(st.data(), rules.spc_limits())
def test_series_satisfying_and_violating_process_limits(data: st.DataObject,
                                                       limits: Limits) -> None:
    ordinary = data.draw(rules.satisfying(limits))
    assert firings(ordinary, limits) == ()
    special = data.draw(rules.violating(limits))
    assert firings(special, limits) != ()
    # Both are charts corpparent accepts.
    for series in (ordinary, special):
        if len(series) >= 2:
            xmr(series)


@given(st.data(), st.builds(
    SixMonthRule,
    st.lists(st.sampled_from([MemberClass.CORE_COUNCILLOR, MemberClass.SUBSTITUTE]),
             unique=True, min_size=1),
    st.integers(0, 90)))
def test_records_satisfying_and_violating_the_six_month_rule(
        data: st.DataObject, rule: SixMonthRule) -> None:
    kept = rule.findings(data.draw(rules.satisfying(rule)))
    assert kept
    assert all(f.status is Status.MET for f in kept)
    broken = rule.findings(data.draw(rules.violating(rule)))
    assert any(f.status is not Status.MET for f in broken)


SEAT_LIMITS = st.builds(SeatLimit, st.sampled_from(list(MemberClass)), st.integers(1, 12),
                        st.booleans())
SIZES = st.builds(MaximumSize, st.integers(1, 25),
                  st.lists(st.sampled_from(list(MemberClass)), unique=True, max_size=2))


@given(st.data(), st.one_of(SEAT_LIMITS, SIZES))
def test_rosters_satisfying_and_violating_a_composition_rule(
        data: st.DataObject, rule: SeatLimit | MaximumSize) -> None:
    assert rule.evaluate(data.draw(rules.satisfying(rule))).status is Status.MET
    assert rule.evaluate(data.draw(rules.violating(rule))).status is Status.BREACHED
