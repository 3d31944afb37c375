"""The page every HTML report is written in: its styles, colours and shell.

One file, readable offline and printable: styles are inline, and the page loads nothing
from the network (a Content-Security-Policy forbids it, and any script). Text and badge
colours meet WCAG 2.2 AA contrast (4.5:1 for text, 3:1 for chart marks).
"""

from __future__ import annotations

from html import escape
from types import MappingProxyType
from typing import Final

from attrs import define, field

from corpparent.findings import Status
from corpparent.report.labels import status_label

__all__ = [
    "BADGE_COLOURS",
    "NOT_JUDGED_COLOURS",
    "PAGE_COLOURS",
    "ColumnNames",
    "badge",
    "contrast_ratio",
    "e",
    "html_table",
    "page",
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
        "stripe": ("#1b1b1b", "#eceff3"),
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
.mdc-icon{{vertical-align:middle;margin-right:.35rem}}
.questions{{font-size:.9rem;margin:.2rem 0 .2rem 1rem}} .questions p{{margin:0;font-style:italic}}
.questions ul{{margin:.1rem 0;padding-left:1.2rem;list-style:disc}} .questions li{{margin:.1rem 0}}
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
@media screen and (max-width:760px){{.scroll-hint.stacks{{display:none}}
.stacks.sticky-first td:first-child{{position:static;box-shadow:none;max-width:none}}}}
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
.chart{{width:100%;height:auto}} .chart.series{{max-width:600px}} figure.over-time{{margin:.5rem 0}}
@media screen and (max-width:760px){{.chart-wrap .chart.funnel{{min-width:540px}}}}
td.trend{{padding-top:.2rem;padding-bottom:.2rem}}
td.trend .chart.compact{{width:5em;height:1.2em;display:block}}
@media screen and (max-width:760px){{td.trend .chart.compact{{display:inline-block;
vertical-align:middle}}}}
.chart-wrap figure{{margin:.5rem 0;max-width:640px}}
.legend{{font-size:.85rem;color:{muted};margin:.3rem 0 0}}
.legend svg{{vertical-align:middle;margin:0 .2rem 0 .6rem}}
details{{margin-top:.4rem;font-size:.9rem}}
.footnote{{font-size:.9rem;color:{muted};overflow-wrap:anywhere}}
td.mark{{text-align:center;position:relative}}
.vh{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap}}
code{{font-size:.85rem;word-break:break-all}}
col.fit{{width:1%}}
@media screen and (max-width:760px){{table.stacked thead{{display:none}}
table.stacked,table.stacked caption,table.stacked tbody,table.stacked tr,
table.stacked td{{display:block}}
table.stacked tr{{border-bottom:1px solid #8c9299;padding:.3rem 0}}
table.stacked td{{border:0;padding:.05rem .2rem;text-align:left;white-space:normal}}
table.stacked td:first-child{{font-weight:600}}
table.stacked td+td{{display:inline-block;margin-right:.7rem}}
table.stacked td+td::before{{color:{muted}}}}}
"""


def _css_string(text: str) -> str:
    """``text`` as a CSS string: every character but letters, digits and spaces written
    as a hex escape, so no quote, backslash or ``</style>`` from a name can end it."""
    escaped = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def _print_css(title: str) -> str:
    """A4 pages with the report's title at the head of each and "Page n of m" at the
    foot, the indicator cards two to a row with their charts kept small, so a printed
    paper takes about a page for every four indicators; a table that may be stacked (a
    benchmark's, by theme) in 7 point, its rows striped rather than ruled. Chromium
    prints the running head and foot from CSS page-margin boxes."""
    muted = PAGE_COLOURS["muted"][0]
    stripe = PAGE_COLOURS["stripe"][1]
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
.card dl{{font-size:.8rem;margin:.2rem 0}} .legend{{font-size:.7rem}} details{{display:none}}
.screen-only{{display:none}}
table.stacked{{font-size:7pt;line-height:1.05}} table.stacked th,table.stacked td{{
padding:.03rem .16rem}} table.stacked td:first-child{{min-width:0}}
h2[id^=theme-]{{font-size:11pt;line-height:1.2;margin:.4rem 0 .1rem;border-bottom-width:1px}}
table.stacked td{{border-bottom:0}} table.stacked tbody tr:nth-child(even){{background:{stripe};
print-color-adjust:exact;-webkit-print-color-adjust:exact}}
table.stacked caption{{font-size:8pt}}
td.trend .chart.compact{{width:3em;height:.8em}} table.stacked td.trend{{padding:0 .1rem}}}}
"""


@define
class ColumnNames:
    """The names of a stacked table's columns, given once in the page's stylesheet: a
    class for each distinct set of columns (``st1``, ``st2``), under which, on a narrow
    screen, each cell after the first is headed by its column's name, and a short
    column's cells stay on one line. A cell holds its figure alone: 434 folded charts'
    tables of figures named each column in every cell, a megabyte of a 6 MB page."""

    _classes: dict[tuple[tuple[str, ...], tuple[bool, ...]], str] = field(
        factory=dict, init=False)

    def of(self, names: tuple[str, ...], short: tuple[bool, ...]) -> str:
        """The class of a stacked table with columns ``names`` (text, not markup), those
        ``short`` marks kept on one line."""
        return self._classes.setdefault((names, short), f"st{len(self._classes) + 1}")

    def css(self) -> str:
        """The rules of every class given."""
        rules, narrow = [], []
        for (names, short), name in self._classes.items():
            kept = [f"table.{name} td:nth-child({n})" for n, s in enumerate(short, 1) if s]
            if kept:
                rules.append(",".join(kept) + "{white-space:nowrap}")
            narrow += [f"table.{name} td:nth-child({n})::before{{content:"
                       f"{_css_string(label + ': ')}}}"
                       for n, label in enumerate(names, 1) if n > 1]
        return "".join(rules) + (f"@media screen and (max-width:760px){{{''.join(narrow)}}}"
                                 if narrow else "")


def badge(status: Status | None, label: str | None = None) -> str:
    """A status as a tinted badge: its symbol and word (``label``), never colour alone."""
    kind = "not-judged" if status is None else status.name.lower()
    return f'<span class="badge s-{kind}">{e(label or status_label(status))}</span>'


def e(text: object) -> str:
    """``text`` escaped for HTML, quotes too."""
    return escape(str(text), quote=True)


def html_table(headers: list[str], rows: list[list[str]], caption: str = "",
           caption_id: str = "") -> str:
    """A table from cells that are already HTML (escape text before passing it)."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(row) + "</tr>" for row in rows)
    named = f' id="{caption_id}"' if caption_id else ""
    caption_html = f'<caption class="facts"{named}>{caption}</caption>' if caption else ""
    return f"<table>{caption_html}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def scrolling(table: str, labelled_by: str, *, wide: bool = False,
              stacks: bool = False) -> str:
    """A wide table that scrolls on its own on a narrow screen, not the page: a region a
    keyboard can reach (WCAG 2.1.1), named by the caption or heading with id
    ``labelled_by``. A ``wide`` table, wider than a desktop screen too, says so at
    every width and keeps its first column in view while it scrolls, but for a table
    that ``stacks`` on a narrow screen (a stacked table's rows), which then fits it."""
    hint = "scroll-hint always" if wide else "scroll-hint"
    wrap = "table-wrap sticky-first" if wide else "table-wrap"
    if stacks:
        hint, wrap = f"{hint} stacks", f"{wrap} stacks"
    return (f'<p class="{hint}" aria-hidden="true">The table scrolls sideways: '
            f'more columns are to the right.</p><div class="{wrap}" role="region" '
            f'tabindex="0" aria-labelledby="{labelled_by}">{table}</div>')


def page(title: str, version: str, main: str, styles: str = "") -> str:
    """A whole HTML page around ``main`` (trusted markup): the reports' stylesheet,
    for screens from a phone's width up and for A4 print, with ``styles`` (trusted CSS)
    after it, and a content security policy that lets nothing run or load."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="corpparent {e(version)}">'
        f"<title>{e(title)}</title><style>{_css()}{styles}{_print_css(title)}</style></head>"
        f"<body><main>{main}</main></body></html>\n"
    )
