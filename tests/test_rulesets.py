"""Rule sets that belong to their year: a plug-in that declares 2022-23 and a 2023-24
built from it, the set in force for each period, and carrying a set forward."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, strategies as st

from corpparent.cli import cli
from corpparent.errors import DefinitionError, PluginFileError
from corpparent.families import RuleFamily
from corpparent.files import profile_from_toml, profile_to_toml
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Reading, Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import FinancialQuarter, FinancialYear, MunicipalYear, Period
from corpparent.profile import AuthorityProfile
from corpparent.ranges import ExpectedRange, Target, TargetDirection
from corpparent.rulesets import BeforeFirstYearError, RulesByYear, YearChanges, YearRules, shifted
from corpparent.runs import assess_scorecard
from corpparent.scorecard import ScorecardResult

# Wiltshire's kinds of indicator and the ranges its 2022-23 report gives (002 §30,
# §33, §43): 3+ placement moves 7%-9.1%, long-term stability 75%-82%, placed over 20
# miles 34%-37%. The 2023-24 figures are invented for the test: two ranges changed, one
# indicator removed and one added, as a panel's annual review may do.
PLUGIN = '''format_version = 1
[authority]
id = "ourtown"
name = "Our Town Council"
rules_year = "2022-23"

[[indicators]]
id = "moves"
name = "Three or more placement moves"
kind = "percentage"
polarity = "lower is better"

[[indicators]]
id = "stability"
name = "Long-term stability"
kind = "percentage"
polarity = "higher is better"

[[indicators]]
id = "miles20"
name = "Placed over 20 miles from home"
kind = "percentage"
polarity = "lower is better"

[[ranges]]
indicator = "moves"
period = "2022-23"
lower = 7
upper = 9.1

[[ranges]]
indicator = "stability"
period = "2022-23"
lower = 75
upper = 82

[[ranges]]
indicator = "miles20"
period = "2022-23"
lower = 34
upper = 37

[[years]]
year = "2023-24"
source = "annual review of the scorecard, 2023"
remove_indicators = ["miles20"]
ranges = [
    {indicator = "moves", period = "2023-24", lower = 6, upper = 8},
    {indicator = "stability", period = "2023-24", lower = 70, upper = 78},
    {indicator = "in_house", period = "2023-24", lower = 42, upper = 48},
]

[[years.indicators]]
id = "in_house"
name = "In house foster care"
kind = "percentage"
polarity = "higher is better"
'''

Q4_2022 = FinancialQuarter(2022, 4)
Q4_2023 = FinancialQuarter(2023, 4)


def assess(rule_sets: RulesByYear, readings: Readings, period: Period) -> ScorecardResult:
    """The scorecard for ``period`` by the set in force, as ``corpparent scorecard``
    judges it (without process charts)."""
    profile = AuthorityProfile("ourtown", "Our Town", rule_sets.first.indicators,
                               rule_sets=rule_sets)
    return assess_scorecard(readings, [period], profile=profile, process=None).periods[0].result


def test_the_plug_in_loads_and_validates(tmp_path: Path) -> None:
    path = tmp_path / "ourtown.toml"
    path.write_text(PLUGIN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 indicators; rules for 2022-23, 2023-24" in result.stdout
    profile = profile_from_toml(PLUGIN)
    assert profile.rule_sets is not None
    assert [str(s.year) for s in profile.rule_sets] == ["2022-23", "2023-24"]
    later = profile.rule_sets.sets[1]
    assert later.built_from == ("rule set 2022-23 with 1 indicator added (in_house); "
                                "1 indicator removed (miles20); 3 ranges set")


def test_each_period_is_judged_by_the_set_in_force() -> None:
    profile = profile_from_toml(PLUGIN)
    rule_sets = profile.rule_sets
    assert rule_sets is not None
    assert rule_sets.in_force(Q4_2022).indicators.ids == ("moves", "stability", "miles20")
    assert rule_sets.in_force(Q4_2023).indicators.ids == ("moves", "stability", "in_house")
    # 8.5% with three or more moves: within 7%-9.1% in 2022-23, above the changed 6%-8%
    # in 2023-24. 72% stability: below 75%-82%, within the changed 70%-78%. 40% in house:
    # below 42%-48%.
    readings = Readings([Reading("moves", Q4_2022, 8.5), Reading("moves", Q4_2023, 8.5),
                         Reading("stability", Q4_2022, 72), Reading("stability", Q4_2023, 72),
                         Reading("miles20", Q4_2022, 36), Reading("in_house", Q4_2023, 40)])
    first = assess(rule_sets, readings, Q4_2022)
    second = assess(rule_sets, readings, Q4_2023)
    assert [a.indicator.id for a in first.assessments] == ["moves", "stability", "miles20"]
    assert [a.indicator.id for a in second.assessments] == ["moves", "stability", "in_house"]
    assert [str(a.performance) for a in first.assessments] == [
        "as expected", "worse than expected", "as expected"]
    assert [str(a.performance) for a in second.assessments] == [
        "worse than expected", "as expected", "worse than expected"]
    for result, year in ((first, "2022-23"), (second, "2023-24")):
        for finding in result.findings:
            assert finding.evidence["rule set"] == year
        ranged = [f for f in result.findings if f.family is RuleFamily.EXPECTED_RANGE]
        assert all(f"set for {year}" in f.explanation
                   or f.explanation.endswith(f"(rule set {year}).") for f in ranged)


def test_a_period_before_the_first_year_says_so() -> None:
    rule_sets = profile_from_toml(PLUGIN).rule_sets
    assert rule_sets is not None
    with pytest.raises(BeforeFirstYearError, match="2021-22 Q4 is before the first rule set, set "
                       "for 2022-23"):
        rule_sets.in_force(FinancialQuarter(2021, 4))
    finding = rule_sets.before_first(FinancialQuarter(2021, 4), "ourtown")
    assert "before the first rule set, set for 2022-23" in finding.explanation


def test_the_command_line_refuses_a_period_before_the_first_year() -> None:
    # Wiltshire's rules are those of its 2022-23 report; 2020-21 has none.
    result = CliRunner().invoke(cli, ["scorecard", "examples/data/wiltshire_readings_2022-23"
                                      ".csv", "-a", "wiltshire", "-p", "2020-21 Q1"])
    assert result.exit_code == 2
    assert "2020-21 Q1 is before the first rule set, set for 2022-23" in result.output


def test_years_are_written_back_and_read_equal() -> None:
    profile = profile_from_toml(PLUGIN)
    again = profile_from_toml(profile_to_toml(profile))
    assert again == profile
    assert again.rule_sets == profile.rule_sets


@pytest.mark.parametrize(("years", "message", "field"), [
    ('[[years]]\nyear = "2023-24"\nremove_indicators = ["nothing"]\n',
     "'nothing' is not defined in the year before", "years[0].remove_indicators[0]"),
    ('[[years]]\nyear = "2023-24"\nranges = [{indicator = "miles20", period = "2023-24", '
     'lower = 1, upper = 2}]\nremove_indicators = ["miles20"]\n',
     "'miles20' is not defined", "years[0].ranges[0].indicator"),
])
def test_a_year_that_names_what_is_not_there_is_refused(years: str, message: str,
                                                        field: str) -> None:
    text = PLUGIN[:PLUGIN.index("[[years]]")] + years
    with pytest.raises(PluginFileError) as caught:
        profile_from_toml(text)
    assert any(message in str(p) and field in str(p) for p in caught.value.problems), \
        caught.value.problems


def test_years_need_the_year_the_file_was_set_for() -> None:
    text = PLUGIN.replace('rules_year = "2022-23"\n', "")
    with pytest.raises(PluginFileError, match=r"need authority\.rules_year"):
        profile_from_toml(text)


# --- in Python ------------------------------------------------------------------------

STABILITY = Indicator("stability", "Long-term stability", Kind.PERCENTAGE,
                      Polarity.HIGHER_IS_BETTER)
FY22 = FinancialYear(2022)


def _first(*ranges: ExpectedRange) -> YearRules:
    return YearRules(FY22, IndicatorSet((STABILITY,), ranges))


def test_a_year_may_not_add_what_exists_or_redefine_what_does_not() -> None:
    with pytest.raises(DefinitionError, match="added but already defined"):
        RulesByYear(_first(), [YearChanges(FinancialYear(2023), add=[STABILITY])])
    other = Indicator("other", "Other", Kind.COUNT, Polarity.NEUTRAL)
    with pytest.raises(DefinitionError, match="redefined but not defined"):
        RulesByYear(_first(), [YearChanges(FinancialYear(2023), redefine=[other])])


def test_a_redefinition_applies_from_its_year() -> None:
    renamed = Indicator("stability", "Long-term placement stability", Kind.PERCENTAGE,
                        Polarity.HIGHER_IS_BETTER)
    sets = RulesByYear(_first(), [YearChanges(FinancialYear(2023), redefine=[renamed])])
    assert sets.in_force(Q4_2022).indicators["stability"].name == "Long-term stability"
    assert sets.in_force(Q4_2023).indicators["stability"].name == ("Long-term placement "
                                                                   "stability")


periods_in_2022 = st.sampled_from([FY22, *FY22.quarters()])


@given(periods_in_2022, st.floats(0, 100), st.floats(0, 100), st.floats(0, 100),
       st.floats(0, 100), st.booleans())
def test_carrying_a_set_forward_unchanged_gives_the_same_findings(
        period: Period, lower: float, width: float, value: float, target: float,
        ambition: bool) -> None:
    first = YearRules(FY22, IndicatorSet(
        (STABILITY,), (ExpectedRange("stability", lower, lower + width, period),),
        (Target("stability", target, TargetDirection.AT_LEAST, period, ambition=ambition),)))
    sets = RulesByYear(first).carried_forward(YearChanges(FinancialYear(2023)))
    later = shifted(period, 1)
    readings = Readings([Reading("stability", period, value),
                         Reading("stability", later, value)])
    before = assess(sets, readings, period)["stability"]
    after = assess(sets, readings, later)["stability"]
    judged = (RuleFamily.EXPECTED_RANGE, RuleFamily.TARGET, RuleFamily.AMBITION)
    pairs = list(zip([f for f in before.findings if f.family in judged],
                     [f for f in after.findings if f.family in judged], strict=True))
    assert len(pairs) == 2
    for old, new in pairs:
        assert (old.rule, old.status, old.outcome) == (new.rule, new.status, new.outcome)
        assert {k: v for k, v in old.evidence.items() if k != "rule set"} == {
            k: v for k, v in new.evidence.items() if k != "rule set"}


def test_governance_is_judged_by_the_constitution_in_force() -> None:
    # Staffordshire's rules are those of its 2019-20 report: the municipal year from the
    # May council meeting (004 §7).
    meetings = "examples/data/staffordshire_2019-20_meetings.csv"
    result = CliRunner().invoke(cli, ["meetings", meetings, "-a", "staffordshire", "-p",
                                      "MY 2019-20", "-f", "json"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    assert findings
    assert {f["evidence"]["rule set"] for f in findings} == {"MY 2019-20"}
    early = CliRunner().invoke(cli, ["meetings", meetings, "-a", "staffordshire", "-p",
                                     "MY 2018-19"])
    assert early.exit_code == 2
    assert "MY 2018-19 is before the first rule set, set for MY 2019-20" in early.output


CONSTITUTION_2022 = '''
[constitution]
panel = "Our Town Corporate Parenting Panel"
seats = [{member_class = "core councillor", count = 8}]
quorum = {parts = [{minimum = 3}]}
'''


def test_a_year_may_change_the_constitution() -> None:
    # Councils change their constitutions at the annual meeting: from 2023-24 the panel
    # has nine seats and a quorum of four.
    text = (PLUGIN.replace("\n[[indicators]]", CONSTITUTION_2022 + "\n[[indicators]]", 1)
            + '\n[years.constitution]\npanel = "Our Town Corporate Parenting Panel"\n'
            'seats = [{member_class = "core councillor", count = 9}]\n'
            "quorum = {parts = [{minimum = 4}]}\n")
    profile = profile_from_toml(text)
    assert profile.rule_sets is not None
    first, second = (s.constitution for s in profile.rule_sets)
    assert first is not None
    assert second is not None
    assert (first.seats[0].count, second.seats[0].count) == (8, 9)
    assert "a new constitution" in profile.rule_sets.sets[1].built_from
    assert profile_from_toml(profile_to_toml(profile)) == profile
    broken = text.replace("{minimum = 4}", "{minimum = 12}")
    with pytest.raises(PluginFileError) as caught:
        profile_from_toml(broken)
    assert any("years[0].constitution" in str(p) and "can never be met" in str(p)
               for p in caught.value.problems), caught.value.problems


def test_authorities_show_lists_every_year_of_ranges_and_the_indicators_added(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ourtown.toml"
    path.write_text(PLUGIN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["authorities", "show", str(path)], terminal_width=200)
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "(2022-23)" in text
    assert "6%–8% (2023-24)" in text  # moves, as 2023-24 changed it
    assert "in_house" in text  # added in 2023-24
    assert "miles20" in text  # removed in 2023-24, shown with its 2022-23 range


YEAR_WITH_COMPARATORS_AND_OBLIGATIONS = '''
[[years.obligations]]
id = "minutes-to-council"
title = "Panel minutes to Council"
document = "minutes"
recipient = "Council"
trigger = { kind = "after_each_meeting" }
deadline = { within_days = 21 }

[years.comparators]
authority = {name = "Our Town", code = "999"}

[[years.comparators.comparators]]
name = "England"
kind = "England"
values = [{indicator = "moves", period = "2022-23", value = 10}]
'''


def test_a_year_may_replace_the_comparators_and_the_obligations() -> None:
    profile = profile_from_toml(PLUGIN + YEAR_WITH_COMPARATORS_AND_OBLIGATIONS)
    rule_sets = profile.rule_sets
    assert rule_sets is not None
    first, second = rule_sets.in_force(Q4_2022), rule_sets.in_force(Q4_2023)
    assert first.comparators is None
    assert len(first.obligations) == 0
    assert second.comparators is not None
    assert [c.name for c in second.comparators.comparators] == ["England"]
    assert [o.id for o in second.obligations] == ["minutes-to-council"]


def test_a_bad_obligation_in_a_year_names_its_place() -> None:
    text = PLUGIN + YEAR_WITH_COMPARATORS_AND_OBLIGATIONS.replace(
        "within_days = 21", "within_days = -3")
    with pytest.raises(PluginFileError) as caught:
        profile_from_toml(text)
    assert any("years[0].obligations[0]" in str(p) for p in caught.value.problems), \
        caught.value.problems


# The groups a panel compared itself with, as at the end of each year. Publication dates
# from Ofsted's release as at 31 March 2025: Bracknell Forest (29 July 2022) and Bexley
# (24 March 2023) Outstanding; Barnet's latest (23 July 2024) is after 31 March 2023.
GROUPS = '''
[[groups]]
name = "Outstanding authorities"
as_at = 2023-03-31
members = ["Bracknell Forest", "Bexley"]
unknown = ["Barnet"]
source = "Ofsted, local authority inspection outcomes"

[[years.groups]]
name = "Outstanding authorities"
as_at = 2024-03-31
members = ["Bracknell Forest", "Bexley"]
'''


def test_each_year_declares_the_groups_it_used_with_their_dates() -> None:
    profile = profile_from_toml(PLUGIN + GROUPS)
    rule_sets = profile.rule_sets
    assert rule_sets is not None
    first, second = rule_sets.in_force(Q4_2022), rule_sets.in_force(Q4_2023)
    assert [g.label for g in first.groups] == ["Outstanding authorities as at 31 March 2023"]
    assert first.group("Outstanding authorities").unknown == ("Barnet",)
    assert [g.label for g in second.groups] == ["Outstanding authorities as at 31 March 2024"]
    assert "Outstanding authorities as at 31 March 2024" in second.built_from


def test_years_comparators_obligations_and_groups_are_written_back_and_read_equal() -> None:
    profile = profile_from_toml(PLUGIN + YEAR_WITH_COMPARATORS_AND_OBLIGATIONS + GROUPS)
    text = profile_to_toml(profile)
    assert "[[groups]]" in text
    assert profile_from_toml(text) == profile


@pytest.mark.parametrize(("extra", "where", "message"), [
    (GROUPS.replace("[[years.groups]]", "[[groups]]"), "groups[1].name", "defined twice"),
    (GROUPS.replace('unknown = ["Barnet"]', 'unknown = ["Bexley"]'), "groups[0]",
     "both a member and unknown"),
    (GROUPS.replace("as_at = 2023-03-31", 'as_at = "31/03/2023"'), "groups[0].as_at", "date"),
    (YEAR_WITH_COMPARATORS_AND_OBLIGATIONS.replace('indicator = "moves"',
                                                   'indicator = "miles20"'),
     "years[0].comparators.comparators[0].values[0].indicator",
     "'miles20' is not an indicator of 2023-24 (not defined, or removed by that year)"),
])
def test_a_bad_group_or_year_comparator_names_its_place(extra: str, where: str,
                                                         message: str) -> None:
    with pytest.raises(PluginFileError) as caught:
        profile_from_toml(PLUGIN + extra)
    found = [str(p) for p in caught.value.problems]
    assert any(f"'{where}" in p and message in p for p in found), found
    assert all(", line " in p for p in found), found


def test_groups_need_the_year_the_file_was_set_for() -> None:
    text = PLUGIN.replace('rules_year = "2022-23"\n', "").split("[[years]]")[0]
    with pytest.raises(PluginFileError, match=r"\[\[groups\]\] need authority.rules_year"):
        profile_from_toml(text + GROUPS.split("[[years.groups]]")[0])


def test_the_scorecard_uses_the_comparators_of_the_year_in_force(tmp_path: Path) -> None:
    plugin = tmp_path / "ourtown.toml"
    plugin.write_text(PLUGIN + YEAR_WITH_COMPARATORS_AND_OBLIGATIONS.replace(
        'period = "2022-23", value = 10', 'period = "2023-24", value = 10'), encoding="utf-8")
    readings = tmp_path / "readings.csv"
    readings.write_text("indicator,period,value\nmoves,2022-23 Q4,8\nmoves,2023-24 Q4,7\n",
                        encoding="utf-8")
    shown = {}
    for period in ("2022-23 Q4", "2023-24 Q4"):
        result = CliRunner().invoke(cli, ["scorecard", str(readings), "-a", str(plugin),
                                          "-p", period, "-f", "json"])
        assert result.exit_code == 0, result.output
        moves = next(i for i in json.loads(result.stdout)["indicators"] if i["id"] == "moves")
        shown[period] = [(c["name"], c["value"]) for c in moves["comparators"]]
    assert shown == {"2022-23 Q4": [], "2023-24 Q4": [("England", 10.0)]}


def test_the_guides_group_loads_into_a_plug_in() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "plugins.md").read_text(
        encoding="utf-8")
    block = next(b for b in re.findall(r"^```toml\n(.*?)^```", page, re.M | re.S)
                 if b.startswith("[[groups]]"))
    profile = profile_from_toml(PLUGIN + block)
    assert profile.rule_sets is not None
    (group,) = profile.rule_sets.first.groups
    assert group.label == "Outstanding authorities as at 31 March 2023"


def test_authorities_show_lists_each_years_groups_with_their_dates(tmp_path: Path) -> None:
    path = tmp_path / "ourtown.toml"
    path.write_text(PLUGIN + GROUPS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["authorities", "show", str(path)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert ("Outstanding authorities as at 31 March 2023: 2 members, 1 authority not known"
            in result.stdout)
    assert "Outstanding authorities as at 31 March 2024: 2 members" in result.stdout


def test_obligations_check_uses_the_obligations_of_the_year_in_force(tmp_path: Path) -> None:
    plugin = tmp_path / "ourtown.toml"
    plugin.write_text(PLUGIN + YEAR_WITH_COMPARATORS_AND_OBLIGATIONS, encoding="utf-8")
    log = tmp_path / "log.csv"
    log.write_text("document,recipient,date,relates_to\nminutes,Council,2023-07-20,2023-07-01\n",
                   encoding="utf-8")

    def check(period: str) -> Result:
        return CliRunner().invoke(cli, ["obligations", "check", str(log), "-a", str(plugin),
                                        "-p", period, "--as-of", "2024-04-30",
                                        "--meeting", "2023-07-01", "-f", "json"])

    later = check("2023-24")
    assert later.exit_code == 0, later.output
    found = [(f["subject"], f["status"]) for f in json.loads(later.stdout)["findings"]]
    assert found == [("minutes-to-council", "met")]
    earlier = check("2022-23")  # the 2022-23 rules hold no obligations
    assert earlier.exit_code == 2
    assert ("no reporting obligations (Our Town Council's rule set 2022-23 declares none)"
            in earlier.stderr)


@pytest.mark.parametrize(("members", "where", "message"), [
    ('["Bexly"]', "groups[0].members[0]", "expected an English local authority's name"),
    ('["Bexley", "303"]', "groups[0].members[1]", "'303' is listed twice"),
])
def test_a_groups_authorities_are_english_authorities_each_once(
        members: str, where: str, message: str) -> None:
    text = PLUGIN + GROUPS.split("[[years.groups]]")[0].replace(
        'members = ["Bracknell Forest", "Bexley"]', f"members = {members}")
    with pytest.raises(PluginFileError) as caught:
        profile_from_toml(text, "ourtown.toml")
    (problem,) = caught.value.problems
    assert f"field '{where}'" in str(problem), problem
    assert message in str(problem), problem
    assert str(problem).startswith("ourtown.toml, line ")


def test_rules_are_set_for_a_whole_year() -> None:
    with pytest.raises(PluginFileError, match=r"expected a whole year.*found '2022-23 Q4'"):
        profile_from_toml(PLUGIN.replace('rules_year = "2022-23"', 'rules_year = "2022-23 Q4"'))


def test_readings_of_an_indicator_the_year_removed_are_named_not_dropped(
        tmp_path: Path) -> None:
    plugin = tmp_path / "ourtown.toml"
    plugin.write_text(PLUGIN, encoding="utf-8")
    readings = tmp_path / "readings.csv"
    readings.write_text("indicator,period,value\nmoves,2023-24 Q4,7\nmiles20,2023-24 Q4,30\n",
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["scorecard", str(readings), "-a", str(plugin),
                                      "-p", "2023-24 Q4", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert ("warning: miles20 has readings for 2023-24 Q4 but is not in rule set 2023-24, "
            "so not judged") in result.stderr


def test_a_plug_in_file_is_named_among_the_reports_inputs(tmp_path: Path) -> None:
    plugin = tmp_path / "ourtown.toml"
    plugin.write_text(PLUGIN, encoding="utf-8")
    readings = tmp_path / "readings.csv"
    readings.write_text("indicator,period,value\nmoves,2023-24 Q4,7\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["scorecard", str(readings), "-a", str(plugin),
                                      "-p", "2023-24 Q4", "-f", "json"])
    inputs = json.loads(result.stdout)["provenance"]["inputs"]
    assert [Path(i["path"]).name for i in inputs] == ["readings.csv", "ourtown.toml"]
    assert inputs[1]["sha256"] == hashlib.sha256(plugin.read_bytes()).hexdigest()


def test_authorities_show_lists_a_years_own_comparators_and_obligations(
        tmp_path: Path) -> None:
    path = tmp_path / "ourtown.toml"
    path.write_text(PLUGIN + YEAR_WITH_COMPARATORS_AND_OBLIGATIONS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["authorities", "show", str(path)], terminal_width=200)
    assert result.exit_code == 0, result.output
    later = result.stdout.split("Rules: rule set 2023-24")[1]
    assert "  Comparators: England" in later
    assert "  Obligation: Panel minutes to Council: after each meeting, within 21 days" in later


def test_a_range_in_a_year_entry_for_another_year_is_refused_at_its_period() -> None:
    # A copy-paste slip: 2023-24's entry keeps the 2022-23 range of 'moves', which would
    # judge nothing and leave 2023-24 to the 7%-9.1% range carried forward.
    text = PLUGIN.replace('{indicator = "moves", period = "2023-24", lower = 6, upper = 8}',
                          '{indicator = "moves", period = "2022-23", lower = 6, upper = 8}')
    with pytest.raises(PluginFileError) as caught:
        profile_from_toml(text, "ourtown.toml")
    assert [(p.line, p.field, p.message) for p in caught.value.problems] == [
        (48, "years[0].ranges[0].period", "the range of 'moves' is for 2022-23, which is "
         "not within 2023-24: a year's changes set the ranges and targets for that year")]


def test_a_target_in_a_year_entry_for_a_later_year_is_refused_at_its_period() -> None:
    text = PLUGIN.replace("[[years.indicators]]", 'targets = [{indicator = "moves", period = '
                          '"2023-24 Q4", value = 8}, {indicator = "moves", period = '
                          '"2024-25 Q1", value = 8}]\n\n[[years.indicators]]')
    with pytest.raises(PluginFileError) as caught:
        profile_from_toml(text, "ourtown.toml")
    ((problem,),) = [caught.value.problems]
    assert problem.field == "years[0].targets[1].period"
    assert "the target of 'moves' is for 2024-25 Q1, which is not within 2023-24" in str(problem)


def test_year_changes_set_ranges_and_targets_within_their_year_only() -> None:
    within = YearChanges(FinancialYear(2023), ranges=[
        ExpectedRange("moves", 6, 8, FinancialQuarter(2023, 2)),
        ExpectedRange("stability", 70, 78, FinancialYear(2023))])
    assert len(within.ranges) == 2
    # A financial year's range in a municipal year's changes (May to April): 2023-24 has
    # all but April 2023 in MY 2023-24, 2024-25 only April 2024.
    YearChanges(MunicipalYear(2023), ranges=[ExpectedRange("moves", 6, 8, FinancialYear(2023))])
    with pytest.raises(DefinitionError, match=r"rule set MY 2023-24: the range of 'moves' is "
                       r"for 2024-25, which is not within MY 2023-24"):
        YearChanges(MunicipalYear(2023),
                    ranges=[ExpectedRange("moves", 6, 8, FinancialYear(2024))])
    with pytest.raises(DefinitionError, match=r"rule set 2023-24: the target of 'moves' is "
                       r"for 2022-23 Q4, which is not within 2023-24"):
        YearChanges(FinancialYear(2023), targets=[
            Target("moves", 8, TargetDirection.AT_MOST, FinancialQuarter(2022, 4))])
