"""Terminal, Markdown and HTML renderings: the same figures, statuses as words and
symbols, names from data escaped, and colours with enough contrast."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from click.testing import CliRunner

from corpparent import Finding, Status
from corpparent.cli import cli
from corpparent.families import RuleFamily
from corpparent.files import read_comparators
from corpparent.report import (
    STATUS_SYMBOLS,
    STATUS_WORDS,
    contrast_ratio,
    findings_report,
    finish,
    make_provenance,
    render_html,
    render_markdown,
    render_terminal,
    status_label,
)
from corpparent.report.backends.page import BADGE_COLOURS, PAGE_COLOURS
from corpparent.report.backends.process_svg import PROCESS_COLOURS
from corpparent.report.backends.svg import CHART_COLOURS, comparator_chart, period_label
from corpparent.report.labels import finding_label, travel_cell, travel_label, travel_of
from corpparent.report.model import ScorecardReport
from corpparent.report.parts import FindingOut
from reports_support import COMPARATORS, ROOT, count_report, wiltshire_report, wiltshire_set

EXAMPLES = ROOT / "examples" / "data"

HOSTILE = "<script>alert(1)</script>"


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    """WCAG 2.2 defines black on white as 21:1 and equal colours as 1:1."""
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("status", list(Status))
def test_badges_meet_wcag_aa_for_text(status: Status) -> None:
    foreground, background = BADGE_COLOURS[status]
    assert contrast_ratio(foreground, background) >= 4.5
    assert contrast_ratio(foreground, "#ffffff") >= 3  # the badge's border on the page


@pytest.mark.parametrize("pair", list(PAGE_COLOURS.values()), ids=list(PAGE_COLOURS))
def test_page_text_meets_wcag_aa(pair: tuple[str, str]) -> None:
    assert contrast_ratio(*pair) >= 4.5


@pytest.mark.parametrize(("name", "minimum"), [("text", 4.5), ("muted", 4.5), ("line", 4.5),
                                               ("target", 4.5), ("band_edge", 3),
                                               ("comparator", 3), ("axis", 3)])
def test_chart_marks_meet_wcag_non_text_contrast(name: str, minimum: float) -> None:
    """Lines and labels against the white chart (WCAG 2.2, 1.4.3 and 1.4.11)."""
    assert contrast_ratio(CHART_COLOURS[name], "#ffffff") >= minimum


@pytest.mark.parametrize("name", ["common", "improvement", "concern", "neither", "mean",
                                  "limit"])
def test_process_chart_marks_meet_wcag_non_text_contrast(name: str) -> None:
    """The process chart's marks against the white chart (WCAG 2.2, 1.4.11)."""
    assert contrast_ratio(PROCESS_COLOURS[name], "#ffffff") >= 3


def test_status_symbols_and_words_are_distinct() -> None:
    assert len(set(STATUS_SYMBOLS.values())) == len(Status)
    assert len(set(STATUS_WORDS.values())) == len(Status)


def test_every_format_names_each_exception_with_symbol_and_word() -> None:
    """002 §33: long-term stability, 73% against a 75%-82% range, is an exception."""
    report = finish(wiltshire_report(), "markdown", profile="internal")
    breached = status_label(Status.BREACHED)
    for text in (render_markdown(report), render_terminal(report), render_html(report)):
        assert breached in text
        assert "Looked after for more than 2.5 years and in placement for at least 2" in text
        assert "75%–82%" in text


def test_markdown_escapes_names_from_data() -> None:
    report = count_report({"Q4": 30}, name=f"{HOSTILE} | *bold*", domain="A|B")
    markdown = render_markdown(report)
    assert "<script>" not in markdown
    assert "&lt;script&gt;" in markdown
    row = next(line for line in markdown.splitlines() if "script" in line and line[0] == "|")
    cells = re.split(r"(?<!\\)\|", row)[1:-1]
    assert len(cells) == 8, row
    assert "\\*bold\\*" in row


def test_html_escapes_every_name_and_loads_nothing() -> None:
    report = count_report({"Q3": 20, "Q4": 30}, name=HOSTILE, domain='"><img src=x>')
    page = render_html(report)
    assert "<script" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "http:" not in page
    assert "https:" not in page
    assert "Content-Security-Policy" in page


def test_html_has_a_trend_chart_per_indicator_with_band_and_target() -> None:
    """The in-house fostering ambition of 65% (002 §49) and the 94% health-assessment
    target (002 §88) are drawn as target lines; an indicator with no value has no chart."""
    report = wiltshire_report()
    page = render_html(report)
    valued = [i for i in report.indicators if any(p.value is not None for p in i.trend)]
    assert page.count('<svg class="chart trend"') == len(valued) < len(report.indicators)
    assert page.count('class="target"') == 2
    assert 'class="band"' in page
    assert "Ambition 65" in page
    assert "Target 94" in page


def test_html_shows_comparators_side_by_side_when_given() -> None:
    """002 §34: long-term stability 2020-21, England 70%, South West 71%, statistical
    neighbours 70%, Outstanding LAs 63%."""
    comparators = read_comparators(COMPARATORS, indicators=wiltshire_set())
    report = wiltshire_report(comparators=comparators)
    stability = next(i for i in report.indicators if i.id == "long_term_stability")
    assert [(c.name, c.value, c.period) for c in stability.comparators] == [
        ("England", 70, "2020-21"), ("South West", 71, "2020-21"),
        ("Statistical neighbours", 70, "2020-21"), ("Outstanding LAs", 63, "2020-21"),
    ]
    page = render_html(report)
    assert page.count('<svg class="chart comparators"') == 4  # four indicators have them
    index = report.indicators.index(stability)
    card = page[page.index(f'id="indicator-{index}"'):]
    chart = card[card.index('<svg class="chart comparators"'):]
    chart = chart[: chart.index("</svg>")]
    assert chart.count('class="bar"') == 5  # Wiltshire and its four comparators
    for name in ("Wiltshire", "England", "South West", "Statistical neighbours"):
        assert name in chart
    assert "at least 2 years | 73% | 70% (2020-21) | 71% (2020-21)" in (
        render_markdown(report))


def test_withheld_values_are_gaps_marked_with_their_symbol() -> None:
    page = render_html(finish(count_report({"Q2": 20, "Q3": 2, "Q4": 30}), "html"))
    assert 'class="gap"' in page
    assert re.search(r'class="gap"[^>]*>c<title>', page)
    assert "Figures withheld: 1" in page


def test_terminal_without_colour_has_no_escape_codes() -> None:
    text = render_terminal(wiltshire_report(), color=False)
    assert "\x1b[" not in text
    assert "\x1b[" in render_terminal(wiltshire_report(), color=True)


@pytest.mark.parametrize(
    ("period", "lines"),
    [("2022-23 Q4", ("Q4", "2022-23")), ("2023-03", ("Mar", "2023")), ("2022-23", ("2022-23", ""))],
)
def test_period_labels_fit_two_lines(period: str, lines: tuple[str, str]) -> None:
    assert period_label(period) == lines


def test_findings_reports_put_what_needs_attention_first() -> None:
    made = [
        Finding("Cllr A", "attendance", Status.MET, "Attended 4 of 4 meetings.",
                family=RuleFamily.ATTENDANCE),
        Finding("2019-20", "meeting frequency", Status.BREACHED, "Met 9 times; 3 short.",
                family=RuleFamily.MEETING_FREQUENCY),
        Finding("Cllr B", "attendance", Status.WARNING, "Attended 1 of 4 meetings.",
                family=RuleFamily.ATTENDANCE),
    ]
    report = findings_report(made, make_provenance(), title="Governance")
    for text in (render_markdown(report), render_terminal(report), render_html(report)):
        assert text.index("3 short") < text.index("1 of 4") < text.index("4 of 4")
        assert text.index("Needing attention (2)") < text.index("Met or not yet due (1)")


def _renamed(findings: list[FindingOut]) -> list[FindingOut]:
    return [f.model_copy(update={"rule": "renamed"}) for f in findings]


@pytest.mark.parametrize("render", [render_markdown, render_html,
                                    lambda r: render_terminal(r, color=False)],
                         ids=["markdown", "html", "terminal"])
def test_a_scorecard_renders_the_same_whatever_its_rules_are_called(
    render: Callable[[ScorecardReport], str],
) -> None:
    """Travel arrows and headlines are found by rule family, so renaming every rule
    changes nothing a scorecard shows (it shows no rule names)."""
    report = wiltshire_report()
    exceptions = report.exception_report
    renamed = report.model_copy(update={
        "indicators": [i.model_copy(update={"findings": _renamed(i.findings)})
                       for i in report.indicators],
        "exception_report": exceptions.model_copy(update={
            "exceptions": _renamed(exceptions.exceptions),
            "successes": _renamed(exceptions.successes),
            "insufficient": _renamed(exceptions.insufficient)}),
    })
    text = render(report)
    assert "▲ improved" in text or "▼ worsened" in text
    assert render(renamed) == text


def test_only_a_travel_finding_that_could_be_judged_is_headed_by_an_arrow() -> None:
    """Arrows are chosen by family and Travel member, never by matching outcome text: a
    finding of another family whose outcome reads like a direction keeps its status."""
    def out(family: RuleFamily, status: Status, outcome: str | None) -> FindingOut:
        return FindingOut(subject="x", rule="any", family=family, status=status,
                          breach=False, explanation="e", outcome=outcome)

    since_year = RuleFamily.TRAVEL_SINCE_LAST_YEAR
    assert finding_label(out(since_year, Status.WARNING, "worsened")) == "▼ Worsened"
    assert travel_label(out(since_year, Status.MET, "no change")) == "= no change"
    unjudged = out(since_year, Status.INSUFFICIENT_DATA, "insufficient data")
    assert finding_label(unjudged) == "? Insufficient data"
    assert travel_label(unjudged) == "insufficient data"
    lookalike = out(RuleFamily.CUSTOM, Status.MET, "improved")
    assert travel_of(lookalike) is None
    assert finding_label(lookalike) == "✓ Met"
    assert travel_cell([lookalike], since_year) == "–"


def test_findings_reports_show_a_subjects_name_where_it_has_one() -> None:
    made = [Finding("minutes-to-select-chair", "reporting obligation", Status.BREACHED,
                    "Minutes were sent late.", family=RuleFamily.OBLIGATION,
                    subject_name="Panel minutes, 15 Nov 2022"),
            Finding("Cllr A", "attendance", Status.WARNING, "Attended 1 of 4 meetings.",
                    family=RuleFamily.ATTENDANCE)]
    report = findings_report(made, make_provenance(), title="Obligations")
    for text in (render_markdown(report), render_html(report),
                 render_terminal(report, color=False, width=200)):
        assert "Panel minutes, 15 Nov 2022" in text
        assert "minutes-to-select-chair" not in text
        assert "Cllr A" in text


def test_html_tables_stack_on_a_narrow_screen_and_never_cut_a_figure() -> None:
    """On a phone the scorecard table's rows stack, each cell under its column's name, so
    no figure is cut at the screen's edge (scrolling sideways, 475 showed as "47"), as
    do a findings table's; a table of marks (an attendance register) scrolls on its own
    instead, in a focusable region named by its section's heading."""
    page = render_html(wiltshire_report())
    assert re.search(r'<table class="stacked (st\d+)"><caption class="facts" '
                     r'id="scorecard-caption">Each indicator in 2022-23 Q4</caption>', page)
    kind = re.search(r'<table class="stacked (st\d+)"><caption class="facts" '
                     r'id="scorecard-caption">', page)
    assert kind is not None
    assert f"table.{kind.group(1)} td:nth-child(3)::before{{content:" in page  # "Value: "
    assert 'aria-labelledby="scorecard-caption"' not in page  # no scrolling region
    assert re.search(r"\.table-wrap\{overflow:visible[;}]", page)  # printed whole
    register = CliRunner().invoke(cli, [
        "meetings", str(EXAMPLES / "staffordshire_2019-20_meetings.csv"), "-a",
        "staffordshire", "-p", "MY 2019-20", "-f", "html"]).stdout
    regions = re.findall(r'<div class="table-wrap" role="region" tabindex="0" '
                         r'aria-labelledby="([^"]+)">', register)
    assert regions == ["register"]
    assert re.search(r'<table class="stacked st\d+" aria-labelledby="findings-0">'
                     r"<thead><tr><th>Status</th><th>Subject</th>", register)


def test_a_comparator_name_is_cut_to_fit_its_column_and_shown_whole_in_its_tooltip() -> None:
    comparators = read_comparators(COMPARATORS, indicators=wiltshire_set())
    report = wiltshire_report(comparators=comparators)
    stability = next(i for i in report.indicators if i.id == "long_term_stability")
    long_name = "Ofsted Outstanding authorities"  # 30 characters
    renamed = stability.model_copy(update={"comparators": [
        c.model_copy(update={"name": long_name}) if c.name == "Outstanding LAs" else c
        for c in stability.comparators]})
    chart = comparator_chart(renamed, "Wiltshire", "k0")
    labels = dict(re.findall(r'<text x="164" [^>]*>([^<]+)<title>([^<]+)</title>', chart))
    assert labels["Ofsted Outstanding auth…"] == long_name
    assert labels["Statistical neighbours"] == "Statistical neighbours"
    # 6.6 units a character at 12 px: every label fits the 160 units left of the bars.
    assert all(len(shown) * 6.6 <= 160 for shown in labels)


def test_a_count_is_not_drawn_as_a_bar_against_a_larger_area() -> None:
    """England's 81,770 children beside an authority's 1,306 (Staffordshire, 2024) says
    nothing about either: a count's comparators are listed as figures, not bars."""
    from corpparent import (
        FinancialYear,
        Indicator,
        IndicatorSet,
        Kind,
        Polarity,
        Reading,
        Readings,
        Scorecard,
    )
    from corpparent.comparators import Comparator, ComparatorKind
    from corpparent.report import scorecard_report

    indicators = IndicatorSet([Indicator("cla", "Children in care", Kind.COUNT,
                                         Polarity.NEUTRAL)])
    readings = Readings([Reading("cla", FinancialYear(2024), 1306)])
    england = Comparator("England", ComparatorKind.ENGLAND, {("cla", "2024-25"): 81770})
    result = Scorecard(indicators, comparators=[england]).assess(readings, FinancialYear(2024))
    page = render_html(scorecard_report(result, make_provenance()))
    assert '<svg class="chart comparators"' not in page
    assert "England: 81,770 (2024-25)" in page
    assert "compare rates per 10,000 children" in page
