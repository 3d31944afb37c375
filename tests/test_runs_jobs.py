"""The governance, obligations and chart runs: what the command line prints, from Python,
and a chart drawn a year after the last rule set still judged against its target."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from attrs import evolve
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.families import RuleFamily
from corpparent.files import read_meetings, read_readings, read_submissions
from corpparent.indicators.readings import Readings
from corpparent.periods import FinancialYear, MunicipalYear
from corpparent.plugins import load_profile
from corpparent.rulesets import shifted
from corpparent.runs import chart_series, check_obligations, review_governance

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "examples" / "data"
MONTHLY = DATA / "wiltshire_health_assessments_monthly_illustrative.csv"


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), prog_name="corpparent")
    assert result.exit_code == 0, result.output
    return result


def _outcomes(findings: object) -> list[tuple[str, str, str, str]]:
    assert isinstance(findings, list | tuple)
    return [(f["subject"], f["rule"], f["status"], f["explanation"]) if isinstance(f, dict)
            else (f.subject, f.rule, str(f.status), f.explanation) for f in findings]


def test_governance_from_python_is_what_meetings_prints() -> None:
    meetings = DATA / "staffordshire_2019-20_meetings.csv"
    membership = DATA / "staffordshire_2019-20_membership.json"
    printed = json.loads(run("meetings", str(meetings), "-a", "staffordshire", "-m",
                             str(membership), "-p", "MY 2019-20", "-f", "json").stdout)
    from corpparent.files import read_membership

    reviewed = review_governance(MunicipalYear(2019), profile=load_profile("staffordshire"),
                                 meetings=read_meetings(meetings),
                                 membership=read_membership(membership))
    assert _outcomes(reviewed.findings) == _outcomes(printed["findings"])
    assert reviewed.register is not None
    assert not reviewed.warnings


def test_governance_without_the_membership_warns_as_data() -> None:
    without = evolve(load_profile("staffordshire"), membership=None)
    reviewed = review_governance(MunicipalYear(2019), profile=without,
                                 meetings=read_meetings(DATA / "staffordshire_2019-20_"
                                                        "meetings.csv"))
    assert [str(w) for w in reviewed.warnings] == [
        "quorum, attendance and composition need the panel's membership"]
    assert reviewed.register is None


def test_obligations_from_python_are_what_obligations_check_prints() -> None:
    log = DATA / "wiltshire_submissions_2022-23.csv"
    printed = json.loads(run("obligations", "check", str(log), "-a", "wiltshire", "-p",
                             "2022-23", "--as-of", "2023-09-01", "-f", "json").stdout)
    checked = check_obligations(read_submissions(log), FinancialYear(2022), date(2023, 9, 1),
                                profile=load_profile("wiltshire"))
    assert _outcomes(checked.findings) == _outcomes(printed["findings"])


def test_a_chart_a_year_on_is_judged_against_the_target_carried_forward() -> None:
    """Wiltshire's 94% health assessment target is set for 2022-23 (002 §88). The same
    monthly series a year on is judged against it carried forward, where 0.2 looked the
    target up in the first year's rules only and lost the assurance."""
    wiltshire = load_profile("wiltshire")
    indicator = wiltshire.reading_indicators["health_assessments"]
    readings = read_readings(MONTHLY, wiltshire.reading_indicators)
    later = Readings([evolve(r, period=shifted(r.period, 1)) for r in readings])
    before = chart_series(indicator, readings, profile=wiltshire)
    after = chart_series(indicator, later, profile=wiltshire)
    assert before.target is not None
    assert after.target is not None
    assert after.target.value == before.target.value == 94
    assert str(after.target.period) == "2023-24"
    assert after.rule_set is not None
    assert after.rule_set.carried_from == FinancialYear(2022)
    assured = [f for f in after.findings if f.family is RuleFamily.ASSURANCE]
    assert [f.outcome for f in assured] == [
        f.outcome for f in before.findings if f.family is RuleFamily.ASSURANCE]
    assert assured
    assert all(f.evidence["carried forward from"] == "2022-23" for f in after.findings)
    assert after.notes == ("No rule set was declared for 2023-24: the ranges and targets set "
                           "for 2022-23 judged it, carried forward.",)
    assert before.notes == ()


def test_a_benchmark_run_gives_the_measures_asked_for_and_no_others() -> None:
    """The run itself keeps to the measures asked for, whatever the inputs hold."""
    from corpparent.files.dfe.national_package import read_national_inputs
    from corpparent.runs import benchmark_authority

    inputs = read_national_inputs()
    run_ = benchmark_authority(inputs, "Wiltshire", measures=["LAC_LongStable%"])
    assert run_.area.name == "Wiltshire"
    assert {r["measure"] for r in run_.rows} == {"LAC_LongStable%"}
    every = benchmark_authority(inputs, "865", measures=["LAC_LongStable%", "CareLeaverAcc"],
                                every=True)
    assert {r["measure"] for r in every.rows} == {"LAC_LongStable%", "CareLeaverAcc"}
    assert len(every.rows) > len(run_.rows)


def test_what_falls_due_is_drawn_from_the_rules_in_force_on_the_first_day() -> None:
    """A plug-in whose 2023-24 rules add an obligation the 2022-23 rules lack: from a
    day in 2023-24, and a day in 2025-26 (carried forward), it falls due; 0.2 took the
    first year's obligations, and found none."""
    from corpparent.files import profile_from_toml
    from corpparent.runs import obligations_due
    from test_rulesets import PLUGIN, YEAR_WITH_COMPARATORS_AND_OBLIGATIONS

    profile = profile_from_toml(PLUGIN + YEAR_WITH_COMPARATORS_AND_OBLIGATIONS)
    for start in (date(2023, 9, 1), date(2025, 9, 1)):
        due = obligations_due(start, start.replace(month=12), profile=profile,
                              meetings=[start.replace(month=10)])
        assert [o.id for o in due.obligations] == ["minutes-to-council"]
        assert [i.obligation.id for i in due.upcoming.due] == ["minutes-to-council"]
