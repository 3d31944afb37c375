"""A self-contained HTML report for councillors: the report's document as one page.

Charts are inline SVG; statuses are written as a symbol and a word on a tinted badge,
never colour alone. Every piece of text, names above all since they come from data
files, passes through `e` (``html.escape``). The
page's styles, colours and shell are in `corpparent.report.backends.page`.
"""

from __future__ import annotations

from attrs import evolve, frozen

from corpparent.families import RuleFamily
from corpparent.report.backends.benchmark_svg import compact_chart, series_chart
from corpparent.report.backends.funnel_svg import funnel_chart, funnel_legend
from corpparent.report.backends.mdc_icons import assurance_icon, variation_icon
from corpparent.report.backends.page import ColumnNames, badge, e, html_table, page, scrolling
from corpparent.report.backends.process_svg import process_chart, process_legend
from corpparent.report.backends.svg import (
    CHART_COLOURS,
    comparator_chart,
    trend_caption,
    trend_chart,
    trend_parts,
)
from corpparent.report.benchmark_chart import series_words
from corpparent.report.composer import compose
from corpparent.report.document import (
    Block,
    Cell,
    CellKind,
    ChartBlock,
    Document,
    FindingList,
    FunnelBlock,
    IndicatorDetails,
    Paragraph,
    Section,
    SeriesBlock,
    Table,
)
from corpparent.report.formats import RenderOptions
from corpparent.report.formatting import (
    show_number,
    show_point,
    show_range,
    show_target,
)
from corpparent.report.labels import QUESTIONS_LABEL, finding_label, status_label, travel_cell
from corpparent.report.model import AnyReport
from corpparent.report.parts import FindingOut, IndicatorOut
from corpparent.report.process import assurance_label, variation_label
from corpparent.report.suppression import COUNT_UNIT

__all__ = ["render_document", "render_html", "write"]

#: A column whose cells are none longer than this takes only their width, unbroken.
_SHORT = 12


@frozen
class _Page:
    """What the parts of one page share: its stacked tables' column names, given once in
    its stylesheet, and the element holding each chart over time's words, by the words,
    for a small chart of the same series to refer to rather than repeat them."""

    names: ColumnNames
    words: dict[str, str]


def _legend(indicator: IndicatorOut) -> str:
    """The key to the trend chart's marks, each only where the chart draws it."""
    c = CHART_COLOURS
    _values, band, target = trend_parts(indicator)
    kinds = sorted({"ambition" if t.ambition else "target" for t in indicator.targets},
                   reverse=True)
    return (
        '<p class="legend" aria-hidden="true">'
        f'<svg width="22" height="10"><line x1="0" x2="22" y1="5" y2="5" stroke="{c["line"]}" '
        'stroke-width="2.5"/></svg>value'
        + (f'<svg width="22" height="12"><rect width="22" height="12" fill="{c["band"]}" '
           f'stroke="{c["band_edge"]}"/></svg>expected range' if band else "")
        + (f'<svg width="22" height="10"><line x1="0" x2="22" y1="5" y2="5" '
           f'stroke="{c["target"]}" stroke-width="2" stroke-dasharray="6 4"/></svg>'
           f'{" or ".join(kinds)}' if target else "")
        + "</p>"
    )


def _trend_table(indicator: IndicatorOut) -> str:
    rows = [
        [f"<td>{e(p.period)}</td>", f'<td class="num">{e(show_point(indicator, p))}</td>',
         f"<td>{e(p.note or '')}</td>"]
        for p in indicator.trend
    ]
    table = html_table(["Period", "Value", "Note"], rows)
    return f"<details><summary>Figures behind the chart</summary>{table}</details>"


def _counts_beside(indicator: IndicatorOut) -> str:
    """Comparators of a count, as figures and not as bars: England's 81,770 children
    beside an authority's 1,306 says nothing about either; a rate per 10,000 children,
    where the scorecard has one, is the comparison to make."""
    items = "".join(
        f"<li>{e(c.name)}: {e(c.symbol or '–') if c.value is None else e(show_number(c.value))}"
        f" ({e(c.period)})</li>" for c in indicator.comparators)
    return ('<figure class="counts"><ul class="footnote">' + items + "</ul><figcaption>"
            "Counts for areas of different sizes, shown as figures, not bars: compare "
            "rates per 10,000 children</figcaption></figure>")


def _card(indicator: IndicatorOut, index: int, authority: str,
          chart: ChartBlock | None) -> str:
    # Under the heading "Target", a target needs no label; an ambition keeps its own.
    targets = "; ".join(show_target(indicator, t).removeprefix("target: ")
                        for t in indicator.targets) or "none set"
    verdict = badge(indicator.status)
    if indicator.performance and indicator.performance.lower() not in status_label(
        indicator.status
    ).lower():
        verdict += f" {e(indicator.performance)}"
    values = trend_parts(indicator)[0]
    charts = (f"<figure>{trend_chart(indicator, f'c{index}')}"
              f"<figcaption>{e(trend_caption(indicator))}</figcaption></figure>"
              if values else "")
    if indicator.comparators and indicator.unit == COUNT_UNIT:
        charts += _counts_beside(indicator)
    elif indicator.comparators:
        charts += (f"<figure>{comparator_chart(indicator, authority, f'k{index}')}"
                   "<figcaption>Latest value beside comparators</figcaption></figure>")
    since_period = travel_cell(indicator.findings, RuleFamily.TRAVEL_SINCE_LAST_PERIOD)
    since_year = travel_cell(indicator.findings, RuleFamily.TRAVEL_SINCE_LAST_YEAR)
    process = ""
    facts = ""
    if chart is not None:
        shown = process_chart(chart.chart, chart.title, chart.ident, chart.show)
        process = (f"<figure>{shown}<figcaption>Process chart: the range of ordinary "
                   f"variation from the data</figcaption></figure>"
                   f"{process_legend(chart.chart)}")
        facts = (f"<dt>Variation</dt><dd>{variation_icon(indicator.variation, 22)}"
                 f"{e(variation_label(indicator.variation))}</dd>"
                 f"<dt>Assurance</dt><dd>{assurance_icon(indicator.assurance, 22)}"
                 f"{e(assurance_label(indicator.assurance))}</dd>")
    return (
        f'<article class="card" id="indicator-{index}">'
        f"<h4>{e(indicator.name)}</h4>"
        f'<p><span class="value">{e(indicator.value_text)}</span>{verdict}</p>'
        "<dl>"
        f"<dt>Expected range</dt><dd>{e(show_range(indicator))}</dd>"
        f"<dt>Target</dt><dd>{e(targets)}</dd>"
        + (f"<dt>National rank</dt><dd>{e(indicator.national.text)}</dd>"
           if indicator.national is not None else "") +
        f"<dt>Since last period</dt><dd>{e(since_period)}</dd>"
        f"<dt>Since last year</dt><dd>{e(since_year)}</dd>"
        f"{facts}</dl>"
        + (f'<div class="charts">{charts}</div>' if charts else "")
        + (_legend(indicator) if values else "")
        + f"{process}{_trend_table(indicator)}"
        "</article>"
    )


def _summary(document: Document) -> str:
    items = "".join(f"<li>{badge(status, f'{status_label(status)}: {count}')}</li>"
                    for status, count in document.summary)
    return f'<ul class="summary" aria-label="Findings by status">{items}</ul>'


def _glance(document: Document) -> str:
    if not document.summary:
        return f"<p>{e(document.lead)}.</p>"
    what = ", by their headline status" if document.summary_of == "Indicators" else ""
    return f"<p>{e(document.lead)}{what}:</p>{_summary(document)}"


def _findings(block: FindingList, level: int, ident: str, out: _Page) -> str:
    named = f' id="{ident}"' if ident else ""
    heading = f"<h{level}{named}>{e(block.heading)}</h{level}>"
    if not block.findings:
        return f"{heading}<p>None.</p>"
    if block.subjects:  # a table, whose rows stack on a narrow screen, as `_table`'s
        names = ("Status", "Subject", "Rule", "Finding")
        rows = [[f"<td>{badge(f.status, finding_label(f))}</td>",
                 f"<td>{e(f.display_subject)}</td>", f"<td>{e(f.rule)}</td>",
                 f"<td>{e(f.explanation)}</td>"] for f in block.findings]
        return heading + _stacking(html_table(list(names), rows), names,
                                   (False,) * len(names), ident, out)
    items = "".join(f"<li>{badge(f.status, finding_label(f))} {e(f.explanation)}"
                    f"{_questions(f)}</li>" for f in block.findings)
    return f'{heading}<ul class="findings">{items}</ul>'


def _questions(finding: FindingOut) -> str:
    if not finding.questions:
        return ""
    asked = "".join(f"<li>{e(q)}</li>" for q in finding.questions)
    return f'<div class="questions"><p>{e(QUESTIONS_LABEL)}:</p><ul>{asked}</ul></div>'


def _cell(cell: Cell) -> str:
    if cell.kind is CellKind.STATUS:
        return f"<td>{badge(cell.status, cell.text)}</td>"
    if cell.kind is CellKind.MARK:
        return (f'<td class="mark"><span aria-hidden="true">{e(cell.text)}</span>'
                f'<span class="vh">{e(cell.word or cell.text)}</span></td>')
    text = e(cell.text)
    if cell.anchor:
        text = f'<a href="#{e(cell.anchor)}">{text}</a>'
    return f'<td class="num">{text}</td>' if cell.kind.numeric else f"<td>{text}</td>"


def _table(block: Table, named_by: str, fallback: str, out: _Page) -> str:
    """A table of the document, named by the heading ``named_by`` where given, else by
    its own caption.

    On a narrow screen each row is a list of its cells, each under its column's name
    (`_stacked`): a table scrolling sideways in a phone's width showed a figure cut at
    the screen's edge, "47" of 475 children, "wi" of "withheld". Only a table of marks
    (an attendance register: a member's row of ticks and crosses, read across the
    meetings) scrolls on its own instead; and a ``wide`` table, wider than a desktop's
    screen too, scrolls there."""
    key = f'<p class="facts">{e(block.key)}</p>' if block.key else ""
    marks = any(c.kind is CellKind.MARK for row in block.rows for c in row)
    if block.stacked or not marks:
        ident = named_by or block.ident or fallback
        stacked = _stacked(block, ident, not named_by, out, fitted=block.stacked)
        return key + (scrolling(stacked, ident, wide=True, stacks=True) if block.wide
                      else stacked)
    rows = [[f'<th scope="row">{e(row[0].text)}</th>', *(_cell(c) for c in row[1:])]
            for row in block.rows]
    headers = [e(c) for c in block.columns]
    if named_by:
        return key + scrolling(html_table(headers, rows), named_by, wide=block.wide)
    ident = block.ident or fallback
    return key + scrolling(html_table(headers, rows, caption=e(block.title),
                                      caption_id=ident), ident, wide=block.wide)


def _stacked(block: Table, ident: str, captioned: bool, out: _Page, *,
             fitted: bool = True) -> str:
    """A table whose rows stack on a narrow screen, each cell headed by its column's
    name (`ColumnNames`); ``fitted``, one that fits a wider screen too, a column of
    short cells (figures, bands, periods) taking only their width, the others the rest
    (a table the document stacks everywhere, dense with short figures). A table with
    trends has a small chart of each row's series after its first column."""
    names = list(block.columns)
    fit = [all(len(row[i].text) <= _SHORT for row in block.rows)
           for i in range(len(block.columns))]
    rows = [[_cell(c) for c in row] for row in block.rows]
    if block.trends:
        names.insert(1, "Trend")
        fit.insert(1, True)
        for number, (row, series) in enumerate(zip(rows, block.trends, strict=True)):
            drawn = compact_chart(series, block.rows[number][0].text,
                                  f"{ident}-trend-{number}", block.average,
                                  words_id=out.words.get(
                                      series_words(series, block.average), "")
                                  ) if series else ""
            row.insert(1, f'<td class="trend">{drawn}</td>')
    table = html_table([e(name) for name in names], rows,
                       caption=e(block.title) if captioned else "",
                       caption_id=ident if captioned else "")
    columns = "".join('<col class="fit">' if short else "<col>" for short in fit)
    table = _stacking(table, tuple(names), tuple(fit), "" if captioned else ident, out)
    return table.replace("<thead>", f"<colgroup>{columns}</colgroup><thead>", 1) \
        if fitted else table


def _stacking(table: str, names: tuple[str, ...], short: tuple[bool, ...], labelled_by: str,
              out: _Page) -> str:
    """``table`` (markup) marked to stack on a narrow screen, its cells headed by
    ``names`` (`ColumnNames`), named by the element with id ``labelled_by`` where given."""
    named = f' aria-labelledby="{labelled_by}"' if labelled_by else ""
    return table.replace("<table>", f'<table class="stacked {out.names.of(names, short)}"'
                         f"{named}>", 1)


def _chart(block: ChartBlock) -> str:
    """A process chart; on a phone it keeps a legible size and scrolls in its own
    region."""
    shown = process_chart(block.chart, block.title, block.ident, block.show)
    return (f'<div class="table-wrap chart-wrap" role="region" tabindex="0" '
            f'aria-label="{e(block.points.title)}"><figure>{shown}</figure></div>'
            f"{process_legend(block.chart)}")


def _funnel(block: FunnelBlock, level: int, out: _Page) -> str:
    """A funnel plot under its title, with its words, its key and its table; on a phone
    it keeps a legible size and scrolls in its own region."""
    ident = block.ident or "funnel"
    shown = funnel_chart(block.funnel, block.title, ident, block.caption)
    return (f"<h{level}>{e(block.title)}</h{level}><p>{e(block.caption)}</p>"
            f'<div class="table-wrap chart-wrap" role="region" tabindex="0" '
            f'aria-label="{e(block.title)}: funnel plot"><figure>{shown}</figure></div>'
            f"{funnel_legend()}{_table(block.points, '', f'{ident}-table', out)}")


def _series(block: SeriesBlock, level: int, out: _Page) -> str:
    """A measure's chart over time with its words and its figures: under its heading
    where it is printed too, else folded in a ``<details>`` a reader opens (and print
    leaves out). Its figures stack on a phone, as the themes' tables do."""
    ident = block.ident or "series"
    # the chart's words are the paragraph above it, which describes it
    shown = series_chart(block.series, block.title, ident, block.average,
                         words_id=f"{ident}-words")
    body = (f'<p id="{e(ident)}-words">{e(block.caption)}</p>'
            f'<figure class="over-time">{shown}</figure>'
            f"{_table(evolve(block.points, stacked=True), '', f'{ident}-table', out)}")
    if block.shown:
        return f"<h{level}>{e(block.title)}</h{level}>{body}"
    return (f'<details class="series" id="{e(ident)}"><summary>{e(block.title)}</summary>'
            f"{body}</details>")


def _details(block: IndicatorDetails, level: int) -> str:
    domains: dict[str, list[tuple[int, IndicatorOut]]] = {}
    for index, indicator in enumerate(block.indicators):
        domains.setdefault(indicator.domain or "Indicators", []).append((index, indicator))
    return "".join(
        f'<section><h{level}>{e(domain)}</h{level}><div class="cards">'
        + "".join(_card(indicator, index, block.authority, block.chart_of(index))
                  for index, indicator in items) + "</div></section>"
        for domain, items in domains.items())


def _block(block: Block, level: int, section: Section, number: int, out: _Page) -> str:
    if isinstance(block, Paragraph):
        return f"<p><strong>{e(block.text)}</strong></p>" if block.strong else \
            f"<p>{e(block.text)}</p>"
    if isinstance(block, FindingList):
        return _findings(block, level, "" if section.title else f"findings-{number}", out)
    if isinstance(block, Table):
        # a register (with its key) or a table titled as its section, alone under the
        # section's heading, is named by the heading; any other table by its caption
        named_by = section.ident if (block.key or block.title == section.title) and len(
            section.blocks) == 1 else ""
        return _table(block, named_by, f"{section.ident or 'section'}-table-{number}", out)
    if isinstance(block, ChartBlock):
        return _chart(block)
    if isinstance(block, FunnelBlock):
        return _funnel(block, level, out)
    if isinstance(block, SeriesBlock):
        return _series(block, level, out)
    return _details(block, level)


def _section(section: Section, out: _Page) -> str:
    """A section under its heading; one whose charts are all folded (and so left out of
    print) is on screen only."""
    level = 3 if section.title else 2
    named = f' id="{section.ident}"' if section.ident else ""
    heading = f"<h2{named}>{e(section.title)}</h2>" if section.title else ""
    body = heading + "".join(_block(block, level, section, n, out)
                             for n, block in enumerate(section.blocks))
    charts = [b for b in section.blocks if isinstance(b, SeriesBlock)]
    if charts and not any(b.shown for b in charts):
        return f'<div class="screen-only">{body}</div>'
    return body


def render_document(document: Document) -> str:
    """The document as one self-contained HTML page."""
    facts = " · ".join(e(f"{label}: {text}") for label, text in document.facts)
    notes = "".join(f'<p class="footnote">{e(note)}</p>' for note in document.notes)
    if document.withheld:
        notes += ('<p class="footnote">Withheld figures (not for publication):</p>'
                  '<ul class="footnote">'
                  + "".join(f"<li>{e(line)}</li>" for line in document.withheld) + "</ul>")
    provenance = "".join(f"<li>{e(label)}: {e(text)}</li>"
                         for label, text in document.provenance)
    out = _Page(ColumnNames(), {block.caption: f"{block.ident or 'series'}-words"
                                for section in document.sections for block in section.blocks
                                if isinstance(block, SeriesBlock)})
    main = "".join(_section(s, out) for s in document.sections)
    return page(
        document.title, document.version,
        f"<header><h1>{e(document.title)}</h1>"
        f'<p class="facts">{facts}</p>'
        f'<p class="banner {e(document.profile)}">{e(document.banner)}</p>'
        f"<h2>At a glance</h2>{_glance(document)}</header>"
        + main + notes
        + f'<h2>How these figures were made</h2><ul class="footnote">{provenance}</ul>',
        out.names.css())


def render_html(report: AnyReport) -> str:
    """The report as one self-contained HTML page."""
    return render_document(compose(report))


def write(report: AnyReport, options: RenderOptions) -> str:
    """The HTML backend."""
    return render_html(report)
