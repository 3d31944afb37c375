"""An indicator's headline status, trend and comparators, decided by the assessment,
and the report documents built from it."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, strategies as st

from corpparent import FinancialQuarter, Finding, Status
from corpparent.comparators import Comparator, ComparatorKind
from corpparent.comparators.figures import comparator_figures
from corpparent.families import RuleFamily
from corpparent.findings import worst
from corpparent.headline import headline_status
from corpparent.report import summarise
from corpparent.report.labels import STATUS_ORDER
from corpparent.trends import trend_values
from reports_support import Q4, count_report, wiltshire_report, wiltshire_set

statuses = st.sampled_from(list(Status))


def finding(family: RuleFamily, status: Status, rule: str = "any name") -> Finding:
    return Finding("x", rule, status, "An explanation.", family=family)


# The headline is "outside the expected range or below the required target level" (002
# §12a); an ambition is no required level, and its finding is never the headline.
JUDGEMENTS = [RuleFamily.EXPECTED_RANGE, RuleFamily.TARGET]
TRAVEL = [RuleFamily.TRAVEL_SINCE_LAST_PERIOD, RuleFamily.TRAVEL_SINCE_LAST_YEAR]


@given(st.lists(st.tuples(st.sampled_from(JUDGEMENTS), statuses), min_size=1),
       st.lists(st.tuples(st.sampled_from([*TRAVEL, RuleFamily.AMBITION]), statuses)))
def test_judgements_decide_the_headline_whatever_the_travel_and_ambition(
    judgements: list[tuple[RuleFamily, Status]], others: list[tuple[RuleFamily, Status]]
) -> None:
    found = [finding(family, s) for family, s in judgements]
    found += [finding(family, s) for family, s in others]
    assert headline_status(found) is worst(s for _, s in judgements)


def test_an_ambition_alone_is_not_the_headline() -> None:
    """With a value and only an ambition to judge it by, nothing the panel acts on judges
    it: not judged, the ambition's warning kept among its findings."""
    assert headline_status([finding(RuleFamily.AMBITION, Status.WARNING)]) is None
    assert headline_status([finding(RuleFamily.AMBITION, Status.INSUFFICIENT_DATA)],
                           has_value=False) is Status.INSUFFICIENT_DATA


@given(st.lists(statuses, min_size=1))
def test_a_breached_judgement_is_a_breached_headline(others: list[Status]) -> None:
    found = [finding(RuleFamily.TARGET, s) for s in others]
    found.append(finding(RuleFamily.EXPECTED_RANGE, Status.BREACHED))
    assert headline_status(found) is Status.BREACHED


@given(st.text(), st.sampled_from(TRAVEL), statuses)
def test_the_headline_goes_by_the_rule_family_not_the_rule_name(
    name: str, travel: RuleFamily, status: Status
) -> None:
    """A travel finding named like a judgement is still travel, and a judgement with any
    name still decides the headline."""
    found = [finding(travel, Status.BREACHED, rule="expected range"),
             finding(RuleFamily.EXPECTED_RANGE, status, rule=name)]
    assert headline_status(found) is status


def test_without_range_target_or_history_nothing_is_judged_whatever_the_travel() -> None:
    """One step between two values is not a judgement: the panel's exceptions are values
    "outside the expected range or below the required target level" (002 §12a), and a
    single step may be ordinary variation (NHS Making Data Count), so travel alone
    leaves an indicator not judged, never "met"."""
    worsened = finding(RuleFamily.TRAVEL_SINCE_LAST_YEAR, Status.WARNING)
    rose = finding(RuleFamily.TRAVEL_SINCE_LAST_PERIOD, Status.MET)
    unknown = finding(RuleFamily.TRAVEL_SINCE_LAST_PERIOD, Status.INSUFFICIENT_DATA)
    assert headline_status([worsened, unknown]) is None
    assert headline_status([rose]) is None
    assert headline_status([unknown]) is None
    assert headline_status([unknown], has_value=False) is Status.INSUFFICIENT_DATA


@given(statuses, st.lists(st.tuples(st.sampled_from(TRAVEL), statuses)))
def test_without_range_or_target_the_variation_decides(
    status: Status, travel: list[tuple[RuleFamily, Status]]
) -> None:
    found = [finding(RuleFamily.VARIATION, status)]
    found += [finding(family, s) for family, s in travel]
    assert headline_status(found) is status


NOT_HEADLINE = [f for f in RuleFamily
                if not f.is_judgement and not f.is_travel and f is not RuleFamily.VARIATION]


@given(st.lists(st.tuples(st.sampled_from(NOT_HEADLINE), statuses), min_size=1),
       st.lists(st.tuples(st.sampled_from(TRAVEL), statuses)), st.booleans())
def test_a_finding_neither_judgement_nor_travel_never_changes_the_headline(
    others: list[tuple[RuleFamily, Status]], travel: list[tuple[RuleFamily, Status]],
    has_value: bool,
) -> None:
    """A comparison or any other finding beside an indicator's travel is not travel: the
    headline is what it would be without it."""
    travelled = [finding(family, s) for family, s in travel]
    beside = [finding(family, s) for family, s in others]
    assert headline_status(travelled + beside, has_value) is headline_status(travelled,
                                                                             has_value)


def test_summary_counts_indicators_not_judged_apart() -> None:
    report = wiltshire_report()
    summary = summarise(report.indicators)
    assert sum(summary.values()) == len(report.indicators)
    assert summary["not judged"] == sum(i.status is None for i in report.indicators)


def test_trend_starts_at_the_first_reading_and_ends_at_the_period() -> None:
    """002 §33: long-term stability 78%, 75%, 73% (2021-22 Q2-Q4), 71%, 72%, 73%, 73%."""
    report = wiltshire_report()
    stability = next(i for i in report.indicators if i.id == "long_term_stability")
    assert [p.value for p in stability.trend] == [78, 75, 73, 71, 72, 73, 73]
    assert stability.trend[-1].period == str(Q4)
    assert {(p.lower, p.upper) for p in stability.trend} == {(75, 82)}


def test_trend_shows_at_most_history_periods() -> None:
    indicators = wiltshire_set()
    report = wiltshire_report(history=3)
    assert all(len(i.trend) <= 3 for i in report.indicators)
    assert trend_values(indicators["long_term_stability"], indicators,
                        _readings(), Q4, history=2)[0].period == Q4.previous()


def _readings():  # type: ignore[no-untyped-def]
    from corpparent import read_readings
    from reports_support import READINGS

    return read_readings(READINGS, wiltshire_set())


def test_comparators_take_the_latest_value_published_by_the_period() -> None:
    indicator = wiltshire_set()["long_term_stability"]
    england = Comparator("England", ComparatorKind.ENGLAND, {
        ("long_term_stability", "2020-21"): 70,
        ("long_term_stability", "2021-22"): 71,
        ("long_term_stability", "2023-24"): 68,
    })
    (found,) = comparator_figures(indicator, [england], FinancialQuarter(2022, 4))
    assert (found.value, str(found.period)) == (71, "2021-22")  # 2023-24 had not ended


def test_count_reports_carry_the_value_and_its_text() -> None:
    item = count_report({"Q3": 12, "Q4": 30}).indicators[0]
    assert (item.value, item.value_text) == (30, "30 children")


def test_summaries_list_statuses_most_severe_first() -> None:
    for stronger, weaker in pairwise(STATUS_ORDER):
        assert worst([weaker, stronger]) is stronger
