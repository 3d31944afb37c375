"""One authority's national benchmark as text: terminal, Markdown, JSON, HTML or CSV.

The page holds the rows of :class:`~corpparent.dfe.national_results.NationalResults`
for one authority (one per measure and period), and the notes that say where the
figures come from and when they were published; every format shows the notes. Rank is
shown as "k of n" (1 the best) and the quartile band as LAIT shows it (A the best
quarter, "-" where it shows none).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from datetime import date
from html import escape
from typing import Any, Final, Literal, final

from attrs import field, frozen

from corpparent.dates import day_text

__all__ = ["BENCHMARK_FORMATS", "BenchmarkFormat", "BenchmarkPage", "render_benchmark"]

BenchmarkFormat = Literal["terminal", "markdown", "json", "html", "csv"]
BENCHMARK_FORMATS: Final[tuple[BenchmarkFormat, ...]] = (
    "terminal", "markdown", "json", "html", "csv")

#: The columns shown, with their headings.
_SHOWN: Final = (
    ("measure", "Measure"), ("period", "Period"), ("value", "Value"), ("rank", "Rank"),
    ("band", "Band"), ("england", "England"), ("region_value", "Region"),
    ("neighbours_mean", "Neighbours (mean)"), ("neighbours_median", "Neighbours (median)"),
    ("outstanding_mean", "Outstanding (mean)"), ("outstanding", "Better than Outstanding"),
    ("outstanding_as_at", "Outstanding as at"), ("direction", "Since previous"),
)


def _rows(rows: Sequence[Mapping[str, Any]]) -> tuple[Mapping[str, Any], ...]:
    return tuple(dict(row) for row in rows)


@final
@frozen
class BenchmarkPage:
    """What one benchmark output shows."""

    authority: str
    code: str
    model: str
    notes: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...] = field(converter=_rows)
    names: Mapping[str, str] = field(factory=dict)


def _number(value: object) -> str:
    """A figure to four significant digits, never in exponent form: 63.58, 52,430."""
    if value is None:
        return "-"
    if isinstance(value, float):
        if abs(value) >= 1e4:
            return f"{value:,.0f}"
        shown = float(f"{value:.4g}")
        return f"{int(shown):,}" if shown.is_integer() else f"{shown:,}"
    return str(value)


def _cell(row: Mapping[str, Any], key: str, names: Mapping[str, str]) -> str:
    if key == "measure":
        name = names.get(row["measure"])
        return f"{name} ({row['measure']})" if name else str(row["measure"])
    if key == "period":
        return f"{row['period']} [{row['years']}]" if row["years"] != row["period"] \
            else str(row["period"])
    if key == "value":
        if row["value"] is None:
            return f"not published ({row['symbol']})" if row.get("symbol") else "not published"
        return _number(row["value"])
    if key == "rank":
        return "-" if row["rank"] is None else f"{row['rank']} of {row['ranked']}"
    if key == "band":
        return row["band"] or "-"
    if key == "neighbours_mean" and row.get("neighbours_note"):
        return str(row["neighbours_note"])
    if key == "outstanding":
        k = row["outstanding_better_than"]
        n = row["outstanding_with_value"]
        return "-" if k is None or not n else f"{k} of {n}"
    if key == "outstanding_as_at":
        return _as_at(row.get("outstanding_as_at"), row.get("outstanding_unknown"))
    return _number(row.get(key))


def _as_at(day: object, unknown: object) -> str:
    """"31 March 2023 (12 judged later, not counted)": the group's date, and how many
    authorities it leaves out because their latest judgement was published later."""
    if not isinstance(day, date):
        return "-"
    return day_text(day) + (f" ({unknown} judged later, not counted)"
                            if isinstance(unknown, int) and unknown
                            else "")


def _table(page: BenchmarkPage) -> list[list[str]]:
    return [[_cell(row, key, page.names) for key, _ in _SHOWN] for row in page.rows]


def _title(page: BenchmarkPage) -> str:
    return f"National benchmark: {page.authority} ({page.code})"


def _terminal(page: BenchmarkPage, width: int) -> str:
    """Each measure as a short block of lines, each wrapped to ``width`` and indented
    under the first: every figure whole at any width, where a table of thirteen
    columns needs more than most terminals have."""
    import textwrap

    lines = [_title(page)]
    for row, cells in zip(page.rows, _table(page), strict=True):
        lines.append("")
        first, *rest = _block(row, dict(zip((k for k, _ in _SHOWN), cells, strict=True)))
        lines.extend(textwrap.wrap(first, width, subsequent_indent="    "))
        for line in rest:
            lines.extend(textwrap.wrap(line, width, initial_indent="  ",
                                       subsequent_indent="    "))
    lines += ["", *textwrap.wrap(f"Neighbours: {page.model}", width)]
    for note in page.notes:
        lines.extend(textwrap.wrap(note, width))
    return "\n".join(lines) + "\n"


def _block(row: Mapping[str, Any], cell: Mapping[str, str]) -> list[str]:
    """One row as a few lines: the measure and period, then its figures."""
    day = row.get("outstanding_as_at")
    group = "Outstanding authorities" + (f" as at {day_text(day)}" if isinstance(day, date)
                                         else "")
    unknown = row.get("outstanding_unknown") or 0
    later = f"; {unknown} judged later, not counted" if unknown else ""
    if not row.get("outstanding_with_value"):
        outstanding = f"{group}: none known{later}"
    else:
        position = (f", better than {cell['outstanding']}" if cell["outstanding"] != "-"
                    else "")
        outstanding = f"{group}: mean {cell['outstanding_mean']}{position}{later}"
    standing = (f"rank {cell['rank']}, band {cell['band']}"
                if row.get("rank") is not None or row.get("value") is None
                else "not ranked (the measure has no better or worse)")
    return [f"{cell['measure']}, {cell['period']}",
            f"{cell['value']}: {standing}; since previous: {cell['direction']}",
            f"England {cell['england']}, {row.get('region') or 'region'} "
            f"{cell['region_value']}, neighbours' mean {cell['neighbours_mean']} "
            f"(median {cell['neighbours_median']})",
            outstanding]


def _markdown(page: BenchmarkPage) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    lines = [f"# {_title(page)}", "", line([h for _, h in _SHOWN]),
             line(["---"] * len(_SHOWN))]
    lines += [line(cells) for cells in _table(page)]
    lines += ["", f"Neighbours: {page.model}", ""]
    lines += [f"- {note}" for note in page.notes]
    return "\n".join(lines) + "\n"


#: The columns whose cells are figures, set right-aligned.
_NUMERIC: Final = frozenset({"value", "rank", "england", "region_value", "neighbours_mean",
                             "neighbours_median", "outstanding_mean", "outstanding"})


def _html(page: BenchmarkPage) -> str:
    """The page in the reports' own style: the table scrolls on its own on a phone."""
    from corpparent.report.backends.page import page as html_page, scrolling
    from corpparent.report.provenance import corpparent_version

    head = "".join(f'<th scope="col" class="num">{escape(h)}</th>' if key in _NUMERIC
                   else f'<th scope="col">{escape(h)}</th>' for key, h in _SHOWN)
    body = "".join(
        "<tr>" + "".join(f'<td class="num">{escape(c)}</td>' if key in _NUMERIC
                         else f"<td>{escape(c)}</td>"
                         for (key, _), c in zip(_SHOWN, cells, strict=True)) + "</tr>"
        for cells in _table(page))
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    notes = "".join(f"<li>{escape(n)}</li>" for n in page.notes)
    return html_page(_title(page), corpparent_version(),
                     f'<h1 id="benchmark-title">{escape(_title(page))}</h1>'
                     '<p class="facts">Rank 1 is the best; band A is the best quarter.</p>'
                     f"{scrolling(table, 'benchmark-title', wide=True)}"
                     f'<h2>Sources</h2><p class="footnote">Neighbours: {escape(page.model)}</p>'
                     f'<ul class="footnote">{notes}</ul>')


def _json(page: BenchmarkPage) -> str:
    return json.dumps({"authority": page.authority, "code": page.code,
                       "neighbour_model": page.model, "sources": list(page.notes),
                       "rows": [dict(r) for r in page.rows]}, indent=2, default=str) + "\n"


def _csv(page: BenchmarkPage) -> str:
    buffer = io.StringIO()
    for note in (*page.notes, f"Neighbours: {page.model}"):
        buffer.write(f"# {note}\n")
    if page.rows:
        writer = csv.DictWriter(buffer, fieldnames=list(page.rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(page.rows)
    return buffer.getvalue()


def render_benchmark(page: BenchmarkPage, output_format: BenchmarkFormat,
                     *, width: int = 160) -> str:
    """The page in one format; each shows the sources and their publication dates."""
    if output_format == "terminal":
        return _terminal(page, width)
    if output_format == "markdown":
        return _markdown(page)
    if output_format == "html":
        return _html(page)
    if output_format == "json":
        return _json(page)
    return _csv(page)
