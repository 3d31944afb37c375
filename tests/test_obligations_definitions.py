"""Obligation definitions: triggers, cycles, deadlines, precedence, and declared files."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from authority_data import built_in_obligations
from corpparent.errors import DataError, DefinitionError, UnknownNameError
from corpparent.files.panel.obligations import (
    load_obligations,
    obligation_schema,
    obligations_from_data,
    obligations_to_data,
)
from corpparent.governance.membership import name_key
from corpparent.obligations.cycles import CYCLE_LENGTHS, MonthSpan, cycle_containing
from corpparent.obligations.definitions import Obligation, ObligationSet, Precedence
from corpparent.obligations.triggers import (
    AfterEachMeeting,
    ByMonth,
    OnEvent,
    Recurring,
    WithinDays,
    annually,
    every_n_months,
    quarterly,
)
from corpparent.periods import CalendarYear, FinancialQuarter, FinancialYear, Month, MunicipalYear
from corpparent.testing.obligations import obligation_sets

DATA = Path(__file__).parent / "data" / "obligations"
BUILT_IN_OBLIGATIONS = ("national", "staffordshire", "wiltshire")
SELECT_CHAIR = "Chairman of Children's Select Committee"


def minutes(**changes: object) -> Obligation:
    fields: dict[str, object] = {
        "id": "minutes",
        "document": "minutes",
        "recipient": SELECT_CHAIR,
        "trigger": AfterEachMeeting(),
        "deadline": WithinDays(14),
    }
    fields.update(changes)
    return Obligation(**fields)  # type: ignore[arg-type]


# --- cycles and triggers -------------------------------------------------------------


def test_cycles_use_the_named_period_types() -> None:
    day = date(2023, 2, 10)
    assert cycle_containing(day, 3, 4) == FinancialQuarter(2022, 4)
    assert cycle_containing(day, 12, 4) == FinancialYear(2022)
    assert cycle_containing(day, 12, 5) == MunicipalYear(2022)
    assert cycle_containing(day, 12, 1) == CalendarYear(2023)
    assert cycle_containing(day, 1, 4) == Month(2023, 2)


def test_a_six_monthly_cycle_from_april_is_october_to_march() -> None:
    # "On a six monthly basis" (001 §6), half-years aligned to the financial year.
    cycle = cycle_containing(date(2023, 2, 10), 6, 4)
    assert cycle == MonthSpan(Month(2022, 10), 6)
    assert (cycle.start, cycle.end) == (date(2022, 10, 1), date(2023, 3, 31))
    assert str(cycle) == "October 2022 to March 2023"
    assert cycle.previous() == MonthSpan(Month(2022, 4), 6)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    st.sampled_from(CYCLE_LENGTHS),
    st.integers(1, 12),
)
def test_cycles_contain_their_day_and_tile_the_calendar(
    day: date, months: int, start_month: int
) -> None:
    cycle = cycle_containing(day, months, start_month)
    assert cycle.contains(day)
    assert len(cycle.months()) == months
    assert (cycle.start.month - start_month) % months == 0
    following = cycle_containing(cycle.end + timedelta(days=1), months, start_month)
    assert following.start == cycle.end + timedelta(days=1)


def test_recurring_triggers_name_their_cadence() -> None:
    assert quarterly() == Recurring(3, 4)
    assert annually(5, "start") == Recurring(12, 5, "start")
    assert every_n_months(6).describe() == "six-monthly (cycles from April), after each cycle ends"


@pytest.mark.parametrize("months", [0, 5, 7, 18])
def test_a_cadence_that_does_not_tile_a_year_is_rejected(months: int) -> None:
    with pytest.raises(DefinitionError, match="1, 2, 3, 4, 6 or 12"):
        Recurring(months)


def test_a_report_on_a_cycle_opens_after_it_ends_and_a_plan_at_its_start() -> None:
    # A report presented before its cycle ends is read as being for it only when the
    # entry's relates_to says so ("at the end of the financial year", 001 §4.2).
    year = FinancialYear(2022)
    assert annually().opens(year) == date(2023, 4, 1)
    assert annually().trigger_date(year) == date(2023, 3, 31)
    plan = annually(5, "start")
    assert plan.trigger_date(MunicipalYear(2019)) == date(2019, 5, 1)
    assert plan.opens(MunicipalYear(2019)) == date(2019, 5, 1)


# --- deadlines -----------------------------------------------------------------------


def test_by_july_after_a_financial_year_is_the_end_of_the_following_july() -> None:
    # "Going forward the annual report will be scheduled for the July meetings of
    # Council" (002, Executive Summary).
    assert ByMonth(7).due(date(2023, 3, 31)) == date(2023, 7, 31)
    assert ByMonth(3).due(date(2023, 3, 31)) == date(2023, 3, 31)
    assert ByMonth(2, 30).due(date(2023, 3, 31)) == date(2024, 2, 29)


def test_within_days_counts_calendar_days() -> None:
    assert WithinDays(14).due(date(2023, 1, 17)) == date(2023, 1, 31)
    assert WithinDays(0).due(date(2023, 1, 17)) == date(2023, 1, 17)
    assert WithinDays(0).describe() == "on the day"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
       st.integers(1, 12), st.one_of(st.none(), st.integers(1, 31)))
def test_a_fixed_month_deadline_is_the_first_one_on_or_after_the_trigger(
    trigger: date, month: int, day: int | None
) -> None:
    due = ByMonth(month, day).due(trigger)
    assert due >= trigger
    assert due.month == month
    assert (due - trigger).days <= ByMonth(month, day).longest
    assert ByMonth(month, day).due(due) == due


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: WithinDays(-1), "'days' must be 0-730"),
        (lambda: ByMonth(13), "'month' must be 1-12"),
        (lambda: ByMonth(7, 0), "'day' must be 1-31"),
        (lambda: Precedence("x", -1), "'min_days' must be >= 0"),
        (lambda: OnEvent("  "), "'event' must not be empty"),
        (lambda: minutes(id="has space"), "must be letters, digits"),
        (lambda: minutes(recipient=""), "'recipient' must not be empty"),
        (lambda: minutes(covers=("education", "Education")), "lists the topic"),
        (lambda: minutes(covers="education"), "list of topics"),
        (lambda: minutes(after=("minutes",)), "cannot come after itself"),
        (lambda: minutes(deadline=14), "'deadline' must be WithinDays or ByMonth"),
        (lambda: minutes(trigger="monthly"), "'trigger' must be"),
    ],
)
def test_invalid_definitions_raise_when_built(build: object, message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        build()  # type: ignore[operator]


def test_the_title_defaults_to_document_and_recipient() -> None:
    assert minutes().title == "Minutes to Chairman of Children's Select Committee"
    assert minutes().with_deadline(WithinDays(7)).deadline == WithinDays(7)


def test_names_match_whatever_the_case_quotes_or_spacing() -> None:
    assert name_key("Children’s  Select Committee ") == name_key("children's select committee")


# --- obligation sets -----------------------------------------------------------------


def test_a_set_rejects_two_obligations_a_log_could_not_tell_apart() -> None:
    with pytest.raises(DefinitionError, match="could not tell them apart"):
        ObligationSet([minutes(), minutes(id="minutes-again", recipient=SELECT_CHAIR.upper())])
    with pytest.raises(DefinitionError, match="two obligations have the id"):
        ObligationSet([minutes(), minutes(document="notes")])


def test_precedence_must_name_a_known_obligation_with_the_same_trigger() -> None:
    with pytest.raises(DefinitionError, match="not among the obligations"):
        ObligationSet([minutes(after=("shared",))])
    shared = minutes(id="shared", recipient="Children's Select Committee",
                     trigger=annually())
    with pytest.raises(DefinitionError, match="same trigger"):
        ObligationSet([shared, minutes(after=("shared",))])


def test_a_precedence_cycle_is_named() -> None:
    a = minutes(id="a", document="a", after=("b",))
    b = minutes(id="b", document="b", after=("a",))
    with pytest.raises(DefinitionError, match="a -> b -> a"):
        ObligationSet([a, b])


def test_precedence_order_puts_what_must_come_first_first() -> None:
    council = minutes(id="council", document="annual report", recipient="Full Council",
                      after=("select",))
    select = minutes(id="select", document="annual report", recipient="Select")
    obligations = ObligationSet([council, select])
    assert [o.id for o in obligations] == ["council", "select"]
    assert [o.id for o in obligations.in_precedence_order] == ["select", "council"]
    assert obligations.for_log_entry("Annual Report", "full council") == council
    with pytest.raises(UnknownNameError, match="known: council, select"):
        obligations["minutes"]


def test_deadlines_are_configured_by_replacing_obligations() -> None:
    # The Wiltshire terms of reference name no deadline for the minutes (001 §6).
    configured = built_in_obligations("wiltshire").with_deadlines(
        {"minutes-to-select-chair": WithinDays(10)})
    assert configured["minutes-to-select-chair"].deadline == WithinDays(10)
    assert built_in_obligations("wiltshire")["minutes-to-select-chair"].deadline == WithinDays(14)


# --- declared as data ----------------------------------------------------------------


def test_wiltshire_declares_its_three_reporting_lines() -> None:
    wiltshire = built_in_obligations("wiltshire")
    # "addressing progress against each of the seven strategic priorities" (001 §6).
    assert len(wiltshire["six-monthly-report"].covers) == 7
    assert wiltshire["six-monthly-report"].trigger == every_n_months(6)
    assert wiltshire["minutes-to-select-chair"].trigger == AfterEachMeeting()
    # "shared with the Children's Select Committee prior to submission" (001 §6).
    assert wiltshire["annual-report-council"].after == (Precedence("annual-report-select"),)
    assert wiltshire["annual-report-council"].recipient == "Full Council"


def test_staffordshire_reports_to_three_bodies_and_keeps_a_work_programme() -> None:
    # "report to the appropriate Select Committee, the Local Safeguarding Children Board
    # and the Health and Wellbeing Board"; "agree a work programme annually and review it
    # at each meeting" (004, terms of reference).
    staffordshire = built_in_obligations("staffordshire")
    recipients = {o.recipient for o in staffordshire if o.document == "annual report"}
    assert recipients == {"Safe and Strong Communities Select Committee",
                          "Local Safeguarding Children Board", "Health and Wellbeing Board"}
    assert staffordshire["work-programme-agreed"].trigger == annually(5, "start")
    assert staffordshire["work-programme-review"].trigger == AfterEachMeeting()
    assert staffordshire["work-programme-review"].deadline == WithinDays(0)


def test_the_national_set_holds_the_lga_quarterly_and_iro_reports() -> None:
    # "Reports should be published once a quarter" and "The IRO manager should produce
    # an annual report for the consideration of the Corporate Parenting Panel" (003).
    national = built_in_obligations("national")
    assert national["quarterly-performance-report"].trigger == quarterly()
    assert national["iro-annual-report"].trigger == annually()
    assert {o.recipient for o in national} == {"Corporate Parenting Panel"}


def test_every_built_in_obligation_cites_its_source() -> None:
    for authority in BUILT_IN_OBLIGATIONS:
        for obligation in built_in_obligations(authority):
            assert obligation.source.startswith(("001", "003", "004")), obligation.id


@pytest.mark.parametrize("authority", BUILT_IN_OBLIGATIONS)
def test_built_in_obligations_survive_a_round_trip_through_json(authority: str) -> None:
    obligations = built_in_obligations(authority)
    text = json.dumps(obligations_to_data(obligations))
    assert obligations_from_data(json.loads(text)) == obligations


def test_an_authority_file_loads(tmp_path: Path) -> None:
    loaded = load_obligations(DATA / "wiltshire_configured.toml")
    assert [o.id for o in loaded.in_precedence_order][-1] == "annual-report-council"
    as_json = tmp_path / "wiltshire.json"
    as_json.write_text(json.dumps(obligations_to_data(loaded)), encoding="utf-8")
    assert load_obligations(as_json) == loaded


def test_every_problem_in_an_obligations_file_is_reported_with_its_key_path() -> None:
    with pytest.raises(DataError) as caught:
        load_obligations(DATA / "bad_obligations.toml")
    found = {(p.line, p.field) for p in caught.value.problems}
    assert (5, "obligations[0].trigger") in found  # after_each_meeting takes no months
    assert (6, "obligations[0].deadline") in found  # within_days and by_month together
    assert (14, "obligations[1].colour") in found
    messages = str(caught.value)
    assert "takes no months" in messages
    assert "exactly one of 'within_days' and 'by_month'" in messages
    assert ("bad_obligations.toml, line 14, field 'obligations[1].colour': unknown key; "
            "expected one of id, ") in messages


def test_a_cadence_error_inside_a_file_names_the_obligation() -> None:
    data = {"obligations": [{"id": "report", "document": "report", "recipient": "Council",
                             "trigger": {"kind": "every_n_months", "months": 5},
                             "deadline": {"within_days": 30}}]}
    with pytest.raises(DataError,
                       match=r"plugin.toml, field 'obligations\[0\]': a recurring obligation"):
        obligations_from_data(data, "plugin.toml")


def test_unreadable_obligation_files_raise_data_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[obligations]\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 1: not valid TOML"):
        load_obligations(broken)
    with pytest.raises(DataError, match=r"\.toml or \.json"):
        load_obligations(tmp_path / "obligations.yaml")
    with pytest.raises(DataError, match="file not found"):
        load_obligations(tmp_path / "absent.toml")
    with pytest.raises(DataError, match="'obligations' list"):
        obligations_from_data([], "x.json")


def test_the_schema_describes_the_file() -> None:
    schema = obligation_schema()
    assert schema["required"] == ["obligations"]
    assert "TriggerModel" in schema["$defs"]


@given(obligation_sets())
def test_any_obligation_set_round_trips_through_its_data_form(obligations: ObligationSet) -> None:
    data = json.loads(json.dumps(obligations_to_data(obligations)))
    assert obligations_from_data(data) == obligations
