"""The built-in authority plug-ins reproduce their sources.

Expected values come from the seed documents: 001 (Wiltshire terms of reference and
Corporate Parenting Strategy 2016-18), 002 (Wiltshire Corporate Parenting Panel annual
report 2022-23), 004 (Staffordshire annual report 2019-20) and the DfE's Local
Authority Interactive Tool data dictionary.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from corpparent.comparators.comparison import Verdict
from corpparent.families import RuleFamily
from corpparent.files.panel.readings import read_readings
from corpparent.findings import Status
from corpparent.indicators.definitions import Polarity
from corpparent.periods import FinancialQuarter, FinancialYear, parse_period
from corpparent.plugins import load_profile
from corpparent.profile import AuthorityProfile
from corpparent.ranges import Performance, Position
from corpparent.scorecard import Scorecard
from national_data import NATIONAL_DATA

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "examples" / "data"
LAIT = NATIONAL_DATA / "lait_data_dictionary.csv"


@pytest.fixture(scope="module")
def wiltshire() -> AuthorityProfile:
    return load_profile("wiltshire", environ={})


# --- Wiltshire: the report's own judgements on its own figures (002 §23-51, §88) ------

JUDGEMENTS = [
    # (paragraph, indicator, period, value the report gives, position, performance)
    ("§23: 461 CIC, below 469 and above 407", "children_in_care", "2022-23 Q4", 461,
     Position.WITHIN, Performance.AS_EXPECTED),
    ("§30: Q2 5.6% below our lower expected range", "placement_moves_3plus", "2022-23 Q2", 5.6,
     Position.BELOW, Performance.BETTER),
    ("§30: Q4 7%, in line with our lower range of 7%", "placement_moves_3plus", "2022-23 Q4", 7,
     Position.WITHIN, Performance.AS_EXPECTED),
    ("§33: dipped, below our 75% lower range", "long_term_stability", "2022-23 Q4", 73,
     Position.BELOW, Performance.WORSE),
    ("§38: above our expected higher range", "not_long_term_18m", "2022-23 Q4", 43,
     Position.ABOVE, Performance.WORSE),
    ("§42: above our higher expected range", "placed_over_20_miles", "2022-23 Q4", 39,
     Position.ABOVE, Performance.WORSE),
    ("§46: below our expected lower range of 90", "missing_episode", "2022-23 Q4", 71,
     Position.BELOW, Performance.BETTER),
    ("§46: Q2 2021 81, below the lower range of 90", "missing_episode", "2021-22 Q2", 81,
     Position.BELOW, Performance.BETTER),
    ("§46 In County: 47 against 30-60", "missing_episode_in_county", "2022-23 Q4", 47,
     Position.WITHIN, Performance.AS_EXPECTED),
    ("§46 Out of County: 13 against 15-45", "missing_episode_out_of_county", "2022-23 Q2", 13,
     Position.BELOW, Performance.BETTER),
    ("§49: less children in house, 39% against 42-48%", "in_house_fostering", "2022-23 Q4", 39,
     Position.BELOW, Performance.WORSE),
    ("§51: outside of our lower target of 17% at 14%", "connected_carers", "2022-23 Q2", 14,
     Position.BELOW, Performance.WORSE),
    ("§23: 10 per 10,000 against 12-18", "cla_starts_rate", "2022-23 Q4", 10,
     Position.BELOW, Performance.OUTSIDE),
]


@pytest.mark.parametrize(("paragraph", "indicator", "period", "value", "position", "judged"),
                         JUDGEMENTS, ids=[j[0] for j in JUDGEMENTS])
def test_wiltshire_reproduces_the_reports_judgements(
    wiltshire: AuthorityProfile, paragraph: str, indicator: str, period: str, value: float,
    position: Position, judged: Performance,
) -> None:
    readings = read_readings(DATA / "wiltshire_readings_2022-23.csv", wiltshire.indicators)
    result = Scorecard(wiltshire.indicators).assess(readings, parse_period(period))
    assessment = result[indicator]
    assert assessment.value == value
    assert assessment.expected is not None
    assert assessment.expected.position(value) is position
    assert assessment.performance is judged


def test_wiltshire_health_assessments_fall_short_of_the_target(
    wiltshire: AuthorityProfile,
) -> None:
    """002 §88: "82% of children in care had a health assessment ... (target is 94%)"."""
    readings = read_readings(DATA / "wiltshire_readings_2022-23.csv", wiltshire.indicators)
    result = Scorecard(wiltshire.indicators).assess(readings, FinancialQuarter(2022, 4))
    finding = result["health_assessments"].finding(RuleFamily.TARGET)
    assert finding is not None
    assert finding.status is Status.BREACHED
    assert (finding.evidence["value"], finding.evidence["target"]) == (82, 94)


def test_wiltshire_in_house_fostering_ambition_is_not_a_breach(
    wiltshire: AuthorityProfile,
) -> None:
    """002 §49: "We remain ambitious and want to see 65% of our children in 'in house'
    foster care": an ambition, so 39% is noted rather than breached."""
    readings = read_readings(DATA / "wiltshire_readings_2022-23.csv", wiltshire.indicators)
    result = Scorecard(wiltshire.indicators).assess(readings, FinancialQuarter(2022, 4))
    finding = result["in_house_fostering"].finding(RuleFamily.AMBITION)
    assert finding is not None
    assert finding.status is Status.WARNING


def test_wiltshire_exception_report_lists_what_the_report_flags(
    wiltshire: AuthorityProfile,
) -> None:
    """The exception report holds "those indicators which are outside the expected range
    or below the required target level" (002 §12a): at Q4 2022-23 those the report
    places outside their ranges (§23-51) or below target (§88), and nothing else. "...and
    successes are acknowledged": the missing episodes, below their range and better than
    expected (§46-47), are in the report once, as its success; the rest are exceptions."""
    readings = read_readings(DATA / "wiltshire_readings_2022-23.csv", wiltshire.indicators)
    report = Scorecard(wiltshire.indicators).assess(
        readings, FinancialQuarter(2022, 4)).exception_report()
    assert [finding.subject for finding in report.successes] == ["missing_episode"]
    flagged = {finding.subject for finding in (*report.exceptions, *report.successes)}
    assert len(flagged) == len(report.exceptions) + len(report.successes)
    assert flagged == {
        "cla_starts_rate",  # §23
        "long_term_stability",  # §33
        "not_long_term_18m",  # §38
        "placed_over_20_miles",  # §42
        "missing_episode",  # §46
        "in_house_fostering",  # §49
        "connected_carers",  # §51
        "health_assessments",  # §88
    }


def test_wiltshire_identity(wiltshire: AuthorityProfile) -> None:
    assert (wiltshire.gss_code, wiltshire.dfe_code, wiltshire.region) == (
        "E06000054", "865", "South West")
    # 002 §12a: "8 domains (Health & Wellbeing, Safety & Security, Stability &
    # Permanence, Timely & Consistent Support, Education, Fostering, Care Experienced
    # Young People and Child's Voice)".
    assert wiltshire.domains == (
        "Health & Wellbeing", "Safety & Security", "Stability & Permanence",
        "Timely & Consistent Support", "Education", "Fostering",
        "Care Experienced Young People", "Child's Voice",
    )


def test_wiltshire_priorities_and_their_leads(wiltshire: AuthorityProfile) -> None:
    current = [p for p in wiltshire.priorities if "2023" in p.strategy]
    earlier = [p for p in wiltshire.priorities if "2016-18" in p.strategy]
    # 002 §15: "The Strategy, has eight strategic priorities. Each member of the Panel
    # has a lead role"; §7 names the eight councillors of the Panel.
    assert len(current) == 8
    members = {"Mary Champion", "Ernie Clark", "Peter Hutton", "Simon Jacobs", "Laura Mayes",
               "Dominic Muns", "Stewart Palmen", "Sam Pearce-Kearney"}
    assert {lead.removeprefix("Cllr ") for p in current for lead in p.leads} == members
    assert wiltshire.priority("feel-safe").leads == ("Cllr Peter Hutton",)  # §15(iii)
    # 001 §3: "the following seven strategic priorities".
    assert len(earlier) == 7
    assert wiltshire.priority("education-2016").leads == ("Cllr Phil Whalley",)  # 001 §3.5


def test_wiltshire_ranges_belong_to_their_year(wiltshire: AuthorityProfile) -> None:
    """002 §23: the 407-469 range for children in care is the current one; the report
    gives none for 2021-22."""
    assert wiltshire.indicators.range_for("children_in_care", FinancialYear(2021)) is None
    current = wiltshire.indicators.range_for("children_in_care", FinancialQuarter(2022, 2))
    assert current is not None
    assert (current.lower, current.upper) == (407, 469)


# --- Wiltshire's comparators (002 §23, §28, §32-61) -----------------------------------------

B, W, L, N = Verdict.BETTER, Verdict.WORSE, Verdict.LOWER, Verdict.NOT_COMPARED
COMPARISONS = [
    # (paragraph, indicator, period, Wiltshire's figure, verdict against England, South
    # West, statistical neighbours, Outstanding authorities)
    ("§23 starts rate, no polarity", "cla_starts_rate", "2022-23 Q4", 10, (L, L, N, L)),
    ("§28 section 20: lower than OLA's at 29%", "section_20", "2022-23 Q4", 22, (N, N, N, L)),
    ("§32 stronger than our comparators", "placement_moves_3plus", "2020-21", 6, (B, B, B, B)),
    ("§34 higher than Outstanding authorities", "long_term_stability", "2020-21", 77,
     (B, B, B, B)),
    ("§43 35% against 21, 31, 33, 25", "placed_over_20_miles", "2020-21", 35, (W, W, W, W)),
    ("§49 52% against 48, 53, 49, 55", "in_house_fostering", "2020-21", 52, (B, W, B, W)),
    ("§57 Attainment 8 higher than all three", "attainment_8", "2021-22", 22.4, (B, B, B, N)),
    ("§58 Progress 8 better than all three", "progress_8", "2021-22", -0.5, (B, B, B, N)),
    ("§59 suspensions above England, below SW and SN", "suspensions", "2021-22", 11,
     (W, B, B, N)),
    ("§60 absence better than England and SW", "absence", "2021-22", 7, (B, B, N, N)),
    ("§61 persistent absence lower than all", "persistent_absence", "2021-22", 14.2,
     (B, B, B, N)),
]


@pytest.mark.parametrize(("paragraph", "indicator", "period", "value", "verdicts"),
                         COMPARISONS, ids=[c[0] for c in COMPARISONS])
def test_wiltshire_comparators_reproduce_the_report(
    wiltshire: AuthorityProfile, paragraph: str, indicator: str, period: str, value: float,
    verdicts: tuple[Verdict, ...],
) -> None:
    comparators = wiltshire.comparators
    assert comparators is not None
    readings = read_readings(DATA / "wiltshire_readings_2022-23.csv", wiltshire.indicators)
    own = readings.get(indicator, parse_period(period))
    assert own is not None
    assert own.value == value
    found = comparators.compare(wiltshire.indicators[indicator], value, parse_period(period))
    assert [c.comparator for c in found] == [
        "England", "South West", "Statistical neighbours", "Outstanding authorities"]
    assert tuple(c.verdict for c in found) == verdicts


def test_wiltshire_has_ten_statistical_neighbours(wiltshire: AuthorityProfile) -> None:
    """002 §22: "We have 10 comparator (statistical neighbours) Local Authorities"."""
    assert wiltshire.comparators is not None
    neighbours = wiltshire.comparators.statistical_neighbours
    assert len(neighbours) == 10
    assert wiltshire.comparators.authority.code == "865"
    assert "Wiltshire" not in {n.name for n in neighbours}


# --- Staffordshire (004) -----------------------------------------------------------------


def test_staffordshire_objectives_and_figures() -> None:
    staffordshire = load_profile("staffordshire", environ={})
    assert (staffordshire.gss_code, staffordshire.dfe_code, staffordshire.region) == (
        "E10000028", "860", "West Midlands")
    # 004 §16: "The Strategy has 6 key objectives".
    assert [p.title for p in staffordshire.priorities] == [
        "Keeping You Safe", "Where I live", "Your Education and learning",
        "Your wishes, views and feelings", "Becoming a Care Leaver", "Your Health and Wellbeing",
    ]
    # 004 §63: ten Care Leaver champions appointed in 2019.
    assert len(staffordshire.priority("becoming-a-care-leaver").leads) == 10
    readings = read_readings(DATA / "staffordshire_readings_2019-20.csv",
                             staffordshire.indicators)
    # 004 §18: "In June the LAC population peaked at 1225".
    peak = readings.get("children_in_care", parse_period("2019-06"))
    assert peak is not None
    assert peak.value == 1225


# --- every figure cites its source --------------------------------------------------------


@pytest.mark.parametrize("authority", ["national", "staffordshire", "wiltshire"])
def test_every_figure_cites_a_declared_document(authority: str) -> None:
    profile = load_profile(authority, environ={})
    cited = {document.id for document in profile.documents}
    pattern = re.compile(r"^(" + "|".join(re.escape(c) for c in cited) + r")\b")
    sources = [
        *(("indicator", i.id, i.source) for i in profile.indicators),
        *(("range", r.indicator, r.source) for r in profile.indicators.ranges),
        *(("target", t.indicator, t.source) for t in profile.indicators.targets),
        *(("priority", p.id, p.source) for p in profile.priorities),
    ]
    uncited = [(what, ident) for what, ident, source in sources if not pattern.match(source)]
    assert uncited == []


# --- national: polarity as the DfE publishes it, and the statutory baseline --------------

_LAIT_POLARITY = {"High": Polarity.HIGHER_IS_BETTER, "Low": Polarity.LOWER_IS_BETTER,
                  "-": Polarity.NEUTRAL}


@pytest.mark.national_data
def test_national_polarity_matches_the_dfe_data_dictionary() -> None:
    national = load_profile("national", environ={})
    with LAIT.open(encoding="utf-8-sig", newline="") as file:
        dictionary = {row["Measure_short"]: row["Polarity"] for row in csv.DictReader(file)}
    from_lait = [i for i in national.indicators if i.source.startswith("lait ")]
    assert len(from_lait) >= 25
    for indicator in from_lait:
        code = indicator.source.removeprefix("lait ")
        assert code in dictionary, indicator.id
        assert _LAIT_POLARITY[dictionary[code]] is indicator.polarity, indicator.id


def test_national_statutory_baseline() -> None:
    national = load_profile("national", environ={})
    timescales = [i for i in national.indicators if i.domain == "Statutory timescales"]
    # Reviews, visits, health assessments, PEPs and monthly visits to children's homes.
    assert {i.source.split()[0].rstrip(";") for i in timescales} >= {
        "cppcr2010", "health2015", "pep2018", "chr2015"}
    assert all(i.polarity is Polarity.HIGHER_IS_BETTER for i in timescales)
    # The six-month attendance rule (LGA 1972 s.85) is the only national panel rule.
    assert national.constitution is not None
    assert national.constitution.quorum is None
    assert national.constitution.six_month_warning is not None
    assert national.constitution.six_month_warning.source.startswith("lga1972 s.85(1)")


def test_the_national_care_leaver_identifiers_name_their_age_band() -> None:
    # LAIT's care-leaver measures are of the 19-21 cohort (lait_data_dictionary.csv,
    # CareLeaverEET: "Care Leavers 19-21 year olds in Education, Employment or Training
    # (%)"); the DfE files publish a 17-18 band beside it (care_leaver_age).
    national = load_profile("national", environ={}).indicators
    leavers = [i for i in national if i.domain == "Care leavers" and i.id != "staying_put"]
    assert leavers
    for indicator in leavers:
        band = indicator.id.split("_")[2:4]
        assert band in (["19", "21"], ["17", "18"]), indicator.id
        assert f"aged {band[0]}-{band[1]}" in indicator.name, indicator.id
    by_id = {i.id: i for i in leavers}
    for measure in ("eet", "neet", "suitable_accommodation"):
        older = by_id[f"care_leavers_19_21_{measure}"]
        assert older.polarity is by_id[f"care_leavers_17_18_{measure}"].polarity, measure


def test_plugins_do_not_import_the_national_data_readers() -> None:
    # The DfE readers depend on the national plug-in for their definitions, never the
    # other way round.
    code = ("import sys; from corpparent.plugins import load_profile; "
            "load_profile('national', environ={}); "
            "print(sorted(m for m in sys.modules if m.startswith('corpparent.dfe')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
