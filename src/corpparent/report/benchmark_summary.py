"""A benchmark by the data dictionary's themes, with a summary of each theme first.

[`by_theme`][corpparent.report.benchmark_summary.by_theme] groups a benchmark's rows
under their measure's theme (the first topic the LAIT dictionary lists the measure
under; a measure with none goes under "Other"), themes in alphabetical order with
"Other" last, so every measure sits in exactly one theme.
[`summarise`][corpparent.report.benchmark_summary.summarise] says of each theme how many
of its positions are in each quartile band (A the best quarter; "no band" where LAIT
shows none), how many improved, worsened, did not change, cannot be compared (no figure
for the period before) or have no polarity, and which improved and worsened most.

"Most" is measured against a stated yardstick: the change since the period before as a
share of the measure's spread, the interquartile range of every authority's figure in
the period (the row's ``spread``), turned by the measure's polarity so that a positive
share is an improvement ([`movement`][corpparent.report.benchmark_summary.movement]).
A change of 0.5 is half the distance between the authorities a quarter of the way from
the top and a quarter of the way from the bottom. A row with no spread (fewer than four
authorities' figures, or all equal) is counted but never named among the most changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final, final

from attrs import frozen

from corpparent.report.document import Cell, CellKind, Paragraph, Section, Table
from corpparent.report.model import BenchmarkRowOut

__all__ = ["BANDS", "MOST", "OTHER", "TRAVELS", "Mover", "ThemeSummary", "by_theme",
           "movement", "summarise", "summary_section", "theme_ident", "theme_of"]

#: The theme of a measure the dictionary gives none.
OTHER: Final = "Other"
#: The bands counted, in order; ``None`` is "no band".
BANDS: Final = ("A", "B", "C", "D", None)
#: The travels counted, in order; a row with none counts as "not comparable".
TRAVELS: Final = ("improved", "worsened", "no change", "not comparable", "no polarity")
#: How many of a theme's measures are named as improved or worsened most.
MOST: Final = 2
#: The sign of an improvement by the row's polarity.
_SIGN: Final = {"higher is better": 1.0, "lower is better": -1.0}


@final
@frozen
class Mover:
    """A position named among the most improved or worsened: its measure's name (with
    the authority's, in a benchmark of several) and its change in spreads, positive an
    improvement."""

    measure: str
    label: str
    change: float


@final
@frozen
class ThemeSummary:
    """One theme's positions: how many in each band (by `BANDS`) and of each travel
    (by `TRAVELS`), and those that improved and worsened most, most first."""

    theme: str
    positions: int
    bands: tuple[int, ...]
    travels: tuple[int, ...]
    improved: tuple[Mover, ...]
    worsened: tuple[Mover, ...]


def theme_of(row: BenchmarkRowOut) -> str:
    """The theme ``row`` is shown under: its own, else `OTHER`."""
    return row.theme or OTHER


def by_theme(rows: Iterable[BenchmarkRowOut]) -> dict[str, list[BenchmarkRowOut]]:
    """The rows under their themes, in their own order within each; themes in
    alphabetical order (in any case), `OTHER` last."""
    grouped: dict[str, list[BenchmarkRowOut]] = {}
    for row in rows:
        grouped.setdefault(theme_of(row), []).append(row)
    order = sorted(grouped, key=lambda theme: (theme == OTHER, theme.casefold()))
    return {theme: grouped[theme] for theme in order}


def movement(row: BenchmarkRowOut) -> float | None:
    """The change since the period before as a share of the spread, positive where the
    measure's polarity makes it an improvement; None where the row improved or worsened
    by no measurable share (no figure before, no spread, no polarity, or figures equal
    at the published decimal places, where the travel was read from finer ones)."""
    sign = _SIGN.get(row.polarity or "")
    if (sign is None or row.value is None or row.previous_value is None
            or not row.spread or row.travel not in ("improved", "worsened")
            or row.value == row.previous_value):
        return None
    return sign * (row.value - row.previous_value) / row.spread


def _movers(rows: Sequence[BenchmarkRowOut], several: bool,
            improved: bool) -> tuple[Mover, ...]:
    moved = [(change, row) for row in rows if (change := movement(row)) is not None
             and (change > 0) == improved]
    moved.sort(key=lambda pair: (-abs(pair[0]), pair[1].measure, pair[1].authority))
    return tuple(Mover(row.measure, _label(row, several), change)
                 for change, row in moved[:MOST])


def _label(row: BenchmarkRowOut, several: bool) -> str:
    name = row.measure_name or row.measure
    return f"{name}, {row.authority}" if several else name


def _count(values: Iterable[str | None], kinds: Sequence[str | None]) -> tuple[int, ...]:
    counts = Counter(values)
    return tuple(counts[kind] for kind in kinds)


def summarise(rows: Iterable[BenchmarkRowOut]) -> tuple[ThemeSummary, ...]:
    """Each theme's summary, in the order of
    [`by_theme`][corpparent.report.benchmark_summary.by_theme]."""
    grouped = by_theme(rows)
    several = len({row.authority_code for rows in grouped.values() for row in rows}) > 1
    return tuple(
        ThemeSummary(theme, len(items), _count((r.band for r in items), BANDS),
                     _count((r.travel or "not comparable" for r in items), TRAVELS),
                     _movers(items, several, True), _movers(items, several, False))
        for theme, items in grouped.items())


def theme_ident(theme: str) -> str:
    """The id of a theme's section, for the summary's links: ``theme-key-stage-4``."""
    return "theme-" + ("-".join("".join(c if c.isalnum() else " " for c in theme.casefold())
                                .split()) or "other")


def _change(mover: Mover) -> str:
    return f"{mover.label} ({mover.change:+.2f})"


#: What a theme's Trend column draws, where the formats that draw give it one.
_TRENDS = (" In the HTML page and its print, Trend draws the figure over every period "
           "published, small: the authority's as a solid line, England's dashed, and the "
           "range of the authority's quartile band in each period shaded.")


def summary_section(rows: Sequence[BenchmarkRowOut], region: str | None = None, *,
                    trends: bool = False) -> Section:
    """The summary, a page ahead of the detail: what the themes' tables show (``region``
    the region their authority is in, None for several authorities; ``trends`` where
    their rows carry a small chart over time), each theme's
    positions by band and by travel, each theme's name linking to its section, then the
    measures of each theme that improved and worsened most, with their change in
    spreads."""
    summaries = summarise(rows)
    several = len({row.authority_code for row in rows}) > 1
    what = "Positions" if several else "Measures"
    counts = Table(
        "Each theme's measures by quartile band and by change since the period before",
        ("Theme", what, "Band A", "Band B", "Band C", "Band D", "No band", "Improved",
         "Worsened", "No change", "Not comparable", "No polarity"),
        tuple((Cell(s.theme, anchor=theme_ident(s.theme)),
               *(Cell(str(n), CellKind.COUNT, value=float(n))
                 for n in (s.positions, *s.bands, *s.travels))) for s in summaries),
        ident="benchmark-summary-counts", stacked=True)
    movers = Table(
        "Each theme's measures that improved and worsened most, with the change as a "
        "share of the spread of every authority's figures",
        ("Theme", "Improved most", "Worsened most"),
        tuple((Cell(s.theme, anchor=theme_ident(s.theme)),
               Cell("; ".join(map(_change, s.improved)) or "none"),
               Cell("; ".join(map(_change, s.worsened)) or "none")) for s in summaries),
        ident="benchmark-summary-movers", stacked=True)
    whose = f"the {region}'s figure" if region else "each authority's region's figure"
    return Section("Summary by theme", (Paragraph(
        "Band A is the best quarter of authorities and rank 1 the best. In each theme's "
        f"table, Region is {whose} and Neighbours the mean of the statistical "
        "neighbours' figures. Change is the travel since the period before: improved or "
        "worsened by the measure's polarity, \u2191 where the figure rose and \u2193 where it "
        "fell. A change in brackets is measured against the spread of every authority's "
        "figures (their interquartile range): +0.50 is an improvement of half that "
        "spread." + (_TRENDS if trends else "")), counts, movers), ident="benchmark-summary")
