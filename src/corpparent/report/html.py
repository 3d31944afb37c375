"""A self-contained HTML report for councillors.

One file, readable offline and printable: styles are inline, charts are inline SVG, and
the page loads nothing from the network (a Content-Security-Policy forbids it, and any
script). Statuses are written as a symbol and a word on a tinted badge, never colour
alone; text and badge colours meet WCAG 2.2 AA contrast (4.5:1 for text, 3:1 for chart
marks). Every piece of text, names above all since they come from data files, passes
through :func:`html.escape`.
"""

from __future__ import annotations

from functools import partial
from html import escape
from types import MappingProxyType
from typing import Final

from corpparent.families import RuleFamily
from corpparent.findings import Status
from corpparent.report.formatting import (
    over_time,
    provenance_items,
    show_number,
    show_point,
    show_range,
    show_target,
    show_value,
    withheld_lines,
)
from corpparent.report.labels import (
    REGISTER_SYMBOLS,
    SUMMARY_ORDER,
    finding_label,
    finding_sections,
    meeting_heading,
    register_key,
    status_key,
    status_label,
    travel_cell,
)
from corpparent.report.model import (
    FindingOut,
    FindingsReport,
    IndicatorOut,
    Provenance,
    RegisterOut,
    ScorecardReport,
)
from corpparent.report.process import assurance_label, variation_label
from corpparent.report.process_svg import process_chart, process_legend
from corpparent.report.profiles import banner
from corpparent.report.suppression import COUNT_UNIT
from corpparent.report.svg import CHART_COLOURS, comparator_chart, trend_chart
from corpparent.wording import counted

__all__ = [
    "BADGE_COLOURS",
    "NOT_JUDGED_COLOURS",
    "PAGE_COLOURS",
    "contrast_ratio",
    "page",
    "render_html",
    "scrolling",
]

#: (text, background) of each status badge.
BADGE_COLOURS: Final = MappingProxyType(
    {
        Status.BREACHED: ("#8b1a1a", "#fde7e7"),
        Status.WARNING: ("#6a4500", "#fff1cc"),
        Status.INSUFFICIENT_DATA: ("#4b2f73", "#efe7f8"),
        Status.NOT_YET_DUE: ("#34414d", "#e9eef2"),
        Status.MET: ("#1d5a2c", "#e3f3e7"),
        Status.EXCEEDED: ("#0d4a66", "#ddeff8"),
    }
)
#: (text, background) of the badge of an indicator not judged.
NOT_JUDGED_COLOURS: Final = ("#3d4148", "#ffffff")
#: (text, background) pairs of the page itself.
PAGE_COLOURS: Final = MappingProxyType(
    {
        "body": ("#1b1b1b", "#ffffff"),
        "muted": ("#4a4f55", "#ffffff"),
        "card": ("#1b1b1b", "#f7f8fa"),
        "private": ("#ffffff", "#8b1a1a"),
        "internal": ("#ffffff", "#34414d"),
        "public": ("#1b1b1b", "#eef3f8"),
        "link": ("#1d4f91", "#ffffff"),
    }
)

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _css() -> str:
    badges = "\n".join(
        f".s-{status.name.lower()}{{color:{fg};background:{bg};border-color:{fg}}}"
        for status, (fg, bg) in BADGE_COLOURS.items()
    ) + ".s-not-judged{{color:{0};background:{1};border-color:{0}}}".format(*NOT_JUDGED_COLOURS)
    text, white = PAGE_COLOURS["body"]
    muted = PAGE_COLOURS["muted"][0]
    card = PAGE_COLOURS["card"][1]
    private_fg, private_bg = PAGE_COLOURS["private"]
    public_fg, public_bg = PAGE_COLOURS["public"]
    internal_fg, internal_bg = PAGE_COLOURS["internal"]
    return f"""
*{{box-sizing:border-box}}
body{{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
color:{text};background:{white}}}
main{{max-width:1180px;margin:0 auto;padding:24px}}
h1{{font-size:1.7rem;margin:.2rem 0 .4rem}} h2{{font-size:1.3rem;margin:2rem 0 .6rem;
border-bottom:2px solid {text};padding-bottom:.2rem}} h3{{font-size:1.05rem;margin:1.2rem 0 .4rem}}
.facts{{color:{muted};margin:0 0 1rem}}
.banner{{padding:.6rem .9rem;border-radius:4px;font-weight:600;margin:.6rem 0 1rem;
color:{public_fg};background:{public_bg};border-left:6px solid {text}}}
.banner.private{{color:{private_fg};background:{private_bg};border-left-color:{private_bg}}}
.banner.internal{{color:{internal_fg};background:{internal_bg};border-left-color:{internal_bg}}}
.summary{{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none;margin:0}}
.badge{{display:inline-block;border:1px solid;border-radius:4px;padding:.05rem .45rem;
font-weight:600;white-space:nowrap}}
{badges}
ul.findings{{padding-left:0;list-style:none}} ul.findings li{{margin:.35rem 0}}
a{{color:{PAGE_COLOURS["link"][0]}}}
caption{{text-align:left}}
table{{border-collapse:collapse;width:100%;font-size:.92rem}}
th,td{{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #8c9299}}
th{{background:{card}}} td.num{{text-align:right;white-space:nowrap}} th.num{{text-align:right}}
.cards{{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(520px,100%),1fr));gap:16px}}
.table-wrap{{overflow-x:auto}}
.scroll-hint{{display:none;font-size:.85rem;color:{muted};margin:.2rem 0}}
@media (max-width:760px){{.scroll-hint{{display:block}}}}
.scroll-hint.always{{display:block}}
.sticky-first th:first-child,.sticky-first td:first-child{{position:sticky;left:0;
background:{white};min-width:12em;max-width:18em;box-shadow:1px 0 0 #8c9299}}
.sticky-first th:first-child{{background:{card}}}
.card{{background:{card};border:1px solid #8c9299;border-radius:6px;padding:12px 14px;
break-inside:avoid}}
.card h4{{margin:0 0 .3rem;font-size:1.02rem}}
.card .value{{font-size:1.6rem;font-weight:700;margin-right:.6rem}}
.card dl{{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.5rem 0;
font-size:.92rem}} .card dt{{color:{muted}}} .card dd{{margin:0}}
.charts{{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start;background:{white};
border-radius:4px;padding:4px}}
.charts figure{{flex:1 1 min(360px,100%);margin:0;max-width:560px}}
.charts figcaption{{font-size:.85rem;color:{muted};text-align:center}}
.chart{{width:100%;height:auto}}
.chart-wrap figure{{margin:.5rem 0;min-width:520px;max-width:900px}}
.legend{{font-size:.85rem;color:{muted};margin:.3rem 0 0}}
.legend svg{{vertical-align:middle;margin:0 .2rem 0 .6rem}}
details{{margin-top:.4rem;font-size:.9rem}}
.footnote{{font-size:.9rem;color:{muted};overflow-wrap:anywhere}}
td.mark{{text-align:center;position:relative}}
.vh{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap}}
code{{font-size:.85rem;word-break:break-all}}
"""


def _css_string(text: str) -> str:
    """``text`` as a CSS string: every character but letters, digits and spaces written
    as a hex escape, so no quote, backslash or ``</style>`` from a name can end it."""
    escaped = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def _print_css(title: str) -> str:
    """A4 pages with the report's title at the head of each and "Page n of m" at the
    foot, the indicator cards two to a row with their charts kept small, so a printed
    paper takes about a page for every four indicators. Chromium prints the running head
    and foot from CSS page-margin boxes."""
    muted = PAGE_COLOURS["muted"][0]
    margin_font = f"font:8.5pt system-ui,Arial,sans-serif;color:{muted}"
    return f"""
@page{{size:A4;margin:16mm 12mm 16mm;
@top-left{{content:{_css_string(title)};{margin_font}}}
@bottom-right{{content:"Page " counter(page) " of " counter(pages);{margin_font}}}}}
@media print{{body{{font-size:9.5pt}} main{{max-width:none;padding:0}}
h2,h3{{break-after:avoid;margin:.8rem 0 .3rem}} .scroll-hint{{display:none}}
.table-wrap{{overflow:visible;break-before:avoid}}
th,td{{padding:.2rem .35rem}} td:first-child{{min-width:16em}}
.cards{{display:block}} .card{{display:grid;grid-template-columns:minmax(0,28%) minmax(0,1fr);
column-gap:10px;align-items:start;padding:5px 8px;margin:0 0 5px;break-inside:avoid}}
.card>*{{grid-column:1}} .card>h4{{grid-column:1/-1;margin:0}}
.card>.charts{{grid-column:2;grid-row:2/span 3;padding:0;gap:4px;flex-wrap:nowrap}}
.charts figure{{flex:1 1 50%}} .chart{{max-height:40mm}} .charts figcaption{{font-size:.7rem}}
.card .value{{font-size:1.1rem}} .card p{{margin:.2rem 0}}
.card dl{{font-size:.8rem;margin:.2rem 0}} .legend{{font-size:.7rem}} details{{display:none}}}}
"""


def _badge(status: Status | None, label: str | None = None) -> str:
    kind = "not-judged" if status is None else status.name.lower()
    return f'<span class="badge s-{kind}">{_e(label or status_label(status))}</span>'


def _summary(summary: dict[str, int]) -> str:
    items = [
        f"<li>{_badge(status, f'{status_label(status)}: {summary[status_key(status)]}')}</li>"
        for status in SUMMARY_ORDER
        if summary.get(status_key(status))
    ]
    return f'<ul class="summary" aria-label="Findings by status">{"".join(items)}</ul>'


def _glance(report: ScorecardReport | FindingsReport) -> str:
    if isinstance(report, ScorecardReport):
        lead = f"<p>{counted(len(report.indicators), 'indicator')}, by their headline status:</p>"
        return lead + _summary(report.summary)
    return f"<p>{counted(len(report.findings), 'finding')}:</p>" + _summary(report.summary)


def _findings_list(title: str, findings: list[FindingOut]) -> str:
    items = "".join(
        f"<li>{_badge(f.status, finding_label(f))} {_e(f.explanation)}</li>" for f in findings
    )
    body = f'<ul class="findings">{items}</ul>' if findings else "<p>None.</p>"
    return f"<h3>{_e(title)} ({len(findings)})</h3>{body}"


def _legend() -> str:
    c = CHART_COLOURS
    return (
        '<p class="legend" aria-hidden="true">'
        f'<svg width="22" height="10"><line x1="0" x2="22" y1="5" y2="5" stroke="{c["line"]}" '
        'stroke-width="2.5"/></svg>value'
        f'<svg width="22" height="12"><rect width="22" height="12" fill="{c["band"]}" '
        f'stroke="{c["band_edge"]}"/></svg>expected range'
        f'<svg width="22" height="10"><line x1="0" x2="22" y1="5" y2="5" stroke="{c["target"]}" '
        'stroke-width="2" stroke-dasharray="6 4"/></svg>target or ambition'
        "</p>"
    )


_SINCE_PERIOD = RuleFamily.TRAVEL_SINCE_LAST_PERIOD
_SINCE_YEAR = RuleFamily.TRAVEL_SINCE_LAST_YEAR


def _table(headers: list[str], rows: list[list[str]], caption: str = "",
           caption_id: str = "") -> str:
    """A table from cells that are already HTML (escape text before passing it)."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    named = f' id="{caption_id}"' if caption_id else ""
    caption_html = f'<caption class="facts"{named}>{caption}</caption>' if caption else ""
    return f"<table>{caption_html}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def scrolling(table: str, labelled_by: str, *, wide: bool = False) -> str:
    """A wide table that scrolls on its own on a narrow screen, not the page: a region a
    keyboard can reach (WCAG 2.1.1), named by the caption or heading with id
    ``labelled_by``. A ``wide`` table, wider than a desktop screen too, says so at
    every width and keeps its first column in view while it scrolls."""
    hint = "scroll-hint always" if wide else "scroll-hint"
    wrap = "table-wrap sticky-first" if wide else "table-wrap"
    return (f'<p class="{hint}" aria-hidden="true">The table scrolls sideways: '
            f'more columns are to the right.</p><div class="{wrap}" role="region" '
            f'tabindex="0" aria-labelledby="{labelled_by}">{table}</div>')


def _trend_table(indicator: IndicatorOut) -> str:
    rows = [
        [f"<td>{_e(p.period)}</td>", f'<td class="num">{_e(show_point(indicator, p))}</td>',
         f"<td>{_e(p.note or '')}</td>"]
        for p in indicator.trend
    ]
    table = _table(["Period", "Value", "Note"], rows)
    return f"<details><summary>Figures behind the chart</summary>{table}</details>"


def _over_time(indicator: IndicatorOut, authority: str) -> str:
    headers, rows = over_time(indicator, authority)
    if not rows:
        return ""
    cells = [[f"<td>{_e(row[0])}</td>", *(f'<td class="num">{_e(c)}</td>' for c in row[1:])]
             for row in rows]
    table = _table([_e(h) for h in headers], cells)
    return f"<details><summary>Comparators over time</summary>{table}</details>"


def _counts_beside(indicator: IndicatorOut) -> str:
    """Comparators of a count, as figures and not as bars: England's 81,770 children
    beside an authority's 1,306 says nothing about either; a rate per 10,000 children,
    where the scorecard has one, is the comparison to make."""
    items = "".join(
        f"<li>{_e(c.name)}: {_e(c.symbol or '–') if c.value is None else _e(show_number(c.value))}"
        f" ({_e(c.period)})</li>" for c in indicator.comparators)
    return ('<figure class="counts"><ul class="footnote">' + items + "</ul><figcaption>"
            "Counts for areas of different sizes, shown as figures, not bars: compare "
            "rates per 10,000 children</figcaption></figure>")


def _card(indicator: IndicatorOut, index: int, authority: str) -> str:
    # Under the heading "Target", a target needs no label; an ambition keeps its own.
    targets = "; ".join(show_target(indicator, t).removeprefix("target: ")
                        for t in indicator.targets) or "none set"
    verdict = _badge(indicator.status)
    if indicator.performance and indicator.performance.lower() not in status_label(
        indicator.status
    ).lower():
        verdict += f" {_e(indicator.performance)}"
    charts = (f"<figure>{trend_chart(indicator, f'c{index}')}"
              "<figcaption>Trend against the expected range</figcaption></figure>")
    if indicator.comparators and indicator.unit == COUNT_UNIT:
        charts += _counts_beside(indicator)
    elif indicator.comparators:
        charts += (f"<figure>{comparator_chart(indicator, authority, f'k{index}')}"
                   "<figcaption>Latest value beside comparators</figcaption></figure>")
    process = ""
    facts = ""
    if indicator.chart is not None:
        shown = process_chart(indicator.chart, indicator.name, f"p{index}",
                              partial(show_value, indicator))
        process = (f"<figure>{shown}<figcaption>Process chart: the range of ordinary "
                   f"variation from the data</figcaption></figure>"
                   f"{process_legend(indicator.chart)}")
        facts = (f"<dt>Variation</dt><dd>{_e(variation_label(indicator.variation))}</dd>"
                 f"<dt>Assurance</dt><dd>{_e(assurance_label(indicator.assurance))}</dd>")
    return (
        f'<article class="card" id="indicator-{index}">'
        f"<h4>{_e(indicator.name)}</h4>"
        f'<p><span class="value">{_e(indicator.value_text)}</span>{verdict}</p>'
        "<dl>"
        f"<dt>Expected range</dt><dd>{_e(show_range(indicator))}</dd>"
        f"<dt>Target</dt><dd>{_e(targets)}</dd>"
        + (f"<dt>National rank</dt><dd>{_e(indicator.national.text)}</dd>"
           if indicator.national is not None else "") +
        f"<dt>Since last period</dt><dd>{_e(travel_cell(indicator.findings, _SINCE_PERIOD))}</dd>"
        f"<dt>Since last year</dt><dd>{_e(travel_cell(indicator.findings, _SINCE_YEAR))}</dd>"
        f"{facts}</dl>"
        f'<div class="charts">{charts}</div>{_legend()}{process}{_trend_table(indicator)}'
        f"{_over_time(indicator, authority)}"
        "</article>"
    )


def _overview(report: ScorecardReport) -> str:
    rows = [
        [f'<td><a href="#indicator-{i}">{_e(item.name)}</a></td>',
         f'<td class="num">{_e(item.value_text)}</td>', f"<td>{_e(show_range(item))}</td>",
         f"<td>{_e('; '.join(show_target(item, t) for t in item.targets) or '–')}</td>",
         f"<td>{_badge(item.status)}</td>",
         f"<td>{_e(travel_cell(item.findings, _SINCE_PERIOD))}</td>",
         f"<td>{_e(travel_cell(item.findings, _SINCE_YEAR))}</td>"]
        for i, item in enumerate(report.indicators)
    ]
    headers = ["Indicator", "Value", "Expected range", "Target", "Status",
               "Since last period", "Since last year"]
    if any(item.chart is not None for item in report.indicators):
        headers += ["Variation", "Assurance"]
        for row, item in zip(rows, report.indicators, strict=True):
            row += [f"<td>{_e(variation_label(item.variation))}</td>",
                    f"<td>{_e(assurance_label(item.assurance))}</td>"]
    caption = f"Each indicator in {_e(report.period)}"
    return scrolling(_table(headers, rows, caption=caption, caption_id="scorecard-caption"),
                      "scorecard-caption")


def _scorecard(report: ScorecardReport) -> str:
    exceptions = report.exception_report
    parts = [
        "<h2>Exception report</h2>",
        _findings_list("Outside expected range or below target", exceptions.exceptions),
        _findings_list("Successes", exceptions.successes),
        _findings_list("Insufficient data", exceptions.insufficient),
        "<h2>Scorecard</h2>",
        _overview(report),
        "<h2>Indicators in detail</h2>",
    ]
    authority = report.authority or "This authority"
    domains: dict[str, list[tuple[int, IndicatorOut]]] = {}
    for index, indicator in enumerate(report.indicators):
        domains.setdefault(indicator.domain or "Indicators", []).append((index, indicator))
    for domain, items in domains.items():
        cards = "".join(_card(indicator, index, authority) for index, indicator in items)
        parts.append(f'<section><h3>{_e(domain)}</h3><div class="cards">{cards}</div></section>')
    return "".join(parts)


def _findings_table(report: FindingsReport) -> str:
    parts = []
    for number, (title, findings) in enumerate(finding_sections(report.findings)):
        rows = [
            [f"<td>{_badge(f.status, finding_label(f))}</td>", f"<td>{_e(f.display_subject)}</td>",
             f"<td>{_e(f.rule)}</td>", f"<td>{_e(f.explanation)}</td>"]
            for f in findings
        ]
        heading = f"findings-{number}"
        table = (scrolling(_table(["Status", "Subject", "Rule", "Finding"], rows), heading)
                 if rows else "<p>None.</p>")
        parts.append(f'<h2 id="{heading}">{_e(title)} ({len(findings)})</h2>{table}')
    if report.attendance_register is not None:
        parts.append(_register(report.attendance_register))
    return "".join(parts)


def _register(register: RegisterOut) -> str:
    """The attendance register: a symbol in each cell, with its word for screen readers
    and in the key above (never the symbol alone)."""
    rows = [
        [f"<th scope=\"row\">{_e(row.member)}</th>",
         *(f'<td class="mark"><span aria-hidden="true">{REGISTER_SYMBOLS[mark]}</span>'
           f'<span class="vh">{_e(mark)}</span></td>' for mark in row.marks),
         f'<td class="num">{row.attended} of {row.possible}</td>']
        for row in register.rows
    ]
    headers = ["Member", *(_e(meeting_heading(m)) for m in register.meetings), "Attended"]
    table = _table(headers, rows)
    return ('<h2 id="register">Attendance register</h2>'
            f'<p class="facts">{_e(register_key())}</p>{scrolling(table, "register")}')


def _provenance(provenance: Provenance) -> str:
    items = "".join(
        f"<li>{_e(label)}: {_e(text)}</li>" for label, text in provenance_items(provenance)
    )
    return f'<h2>How these figures were made</h2><ul class="footnote">{items}</ul>'


def render_html(report: ScorecardReport | FindingsReport) -> str:
    """The report as one self-contained HTML page."""
    facts = " · ".join(
        _e(fact)
        for fact in (
            report.authority and f"Authority: {report.authority}",
            report.period and f"Period: {report.period}",
        )
        if fact
    )
    banner_class = f"banner {report.profile}"
    body = _scorecard(report) if isinstance(report, ScorecardReport) else _findings_table(report)
    if isinstance(report, FindingsReport) and report.chart is not None:
        percent = report.chart.unit == "percent"
        shown = process_chart(report.chart, report.title, "p0",
                              lambda v: f"{show_number(v)}%" if percent else show_number(v))
        # On a phone the chart keeps a legible size and scrolls in its own region.
        body = (f'<h2 id="process-chart">Process chart</h2>'
                f'<div class="table-wrap chart-wrap" role="region" tabindex="0" '
                f'aria-labelledby="process-chart"><figure>{shown}</figure></div>'
                f"{process_legend(report.chart)}{body}")
    footnote = ""
    if report.suppression.applied and report.suppression.counts_shown:
        footnote = (
            f'<p class="footnote" id="suppression"><strong>{_e(report.suppression.symbol)}</strong>'
            f": {_e(report.suppression.footnote.split(': ', 1)[-1])} Figures withheld: "
            f"{report.suppression.withheld}.</p>"
        )
        logged = withheld_lines(report.suppression)
        if logged:
            footnote += ('<p class="footnote">Withheld figures (not for publication):</p>'
                         '<ul class="footnote">'
                         + "".join(f"<li>{_e(line)}</li>" for line in logged) + "</ul>")
    return page(
        report.title, report.provenance.corpparent_version,
        f"<header><h1>{_e(report.title)}</h1>"
        f'<p class="facts">{facts}</p>'
        f'<p class="{banner_class}">{_e(banner(report.profile, report.suppression))}</p>'
        f"<h2>At a glance</h2>{_glance(report)}</header>"
        f"{body}{footnote}{_provenance(report.provenance)}")


def page(title: str, version: str, main: str) -> str:
    """A whole HTML page around ``main`` (trusted markup): the reports' stylesheet,
    for screens from a phone's width up and for A4 print, and a content security
    policy that lets nothing run or load."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="corpparent {_e(version)}">'
        f"<title>{_e(title)}</title><style>{_css()}{_print_css(title)}</style></head>"
        f"<body><main>{main}</main></body></html>\n"
    )
