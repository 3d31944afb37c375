"""Numbers as a councillor reads them, shared by every renderer."""

from __future__ import annotations

from corpparent.indicators.definitions import number_text, places_apart
from corpparent.ranges import TargetDirection
from corpparent.report.model import Provenance, SuppressionNote
from corpparent.report.parts import IndicatorOut, TargetOut, TrendPoint

__all__ = [
    "judged_places",
    "over_time",
    "provenance_items",
    "show_judged_value",
    "show_number",
    "show_point",
    "show_range",
    "show_target",
    "show_value",
    "withheld_lines",
]

_AT_LEAST = TargetDirection.AT_LEAST.value


def show_number(value: float, places: int = 1) -> str:
    """``1,234.5``, ``7``, ``-0.5``: one decimal place at most (or ``places``), no
    trailing zeros ([`number_text`][corpparent.indicators.definitions.number_text])."""
    return number_text(value, places)


def show_value(indicator: IndicatorOut, value: float | None, *, bare: bool = False,
               places: int = 1) -> str:
    """A value with the indicator's unit: ``7%``, ``461 children``; ``–`` for none."""
    if value is None:
        return "–"
    text = show_number(value, places)
    if indicator.unit == "percent":
        return f"{text}%"
    return text if bare else f"{text} {indicator.unit_label}"


def judged_places(indicator: IndicatorOut) -> int:
    """The decimal places the indicator's value, expected range, process limits and
    targets are shown to, side by side on its row of the scorecard and its card: enough
    for the value to show beyond each bound it is beyond
    ([`places_apart`][corpparent.indicators.definitions.places_apart]), so 37.05% above a
    range of 34%–37% is never shown as "37%"."""
    value = indicator.value
    if value is None:
        return 1
    ranges = [r for r in (indicator.expected_range, indicator.process_range) if r is not None]
    targets = indicator.targets
    return places_apart(
        value, lower=[r.lower for r in ranges] + [t.value for t in targets
                                                  if t.direction == _AT_LEAST],
        upper=[r.upper for r in ranges] + [t.value for t in targets
                                           if t.direction != _AT_LEAST])


def show_judged_value(indicator: IndicatorOut) -> str:
    """The indicator's value with its unit, to the places of
    [`judged_places`][corpparent.report.formatting.judged_places]: its ``value_text``."""
    return show_value(indicator, indicator.value, places=judged_places(indicator))


def show_point(indicator: IndicatorOut, point: TrendPoint) -> str:
    """A trend point's value, its symbol, or a dash."""
    if point.value is not None:
        return show_value(indicator, point.value, bare=True)
    return point.symbol or "–"


def show_range(indicator: IndicatorOut) -> str:
    """The expected range, ``75%–82%``; ``none set`` when there is none. A range from
    the process limits says so, and where a range was also set by hand the process
    limits are shown beside it: ``75%–82%; process limits 70%–85%``. The bounds are
    shown to the places the value is
    ([`judged_places`][corpparent.report.formatting.judged_places])."""
    expected = indicator.expected_range
    if expected is None:
        return "none set"
    places = judged_places(indicator)
    lower = show_value(indicator, expected.lower, bare=True, places=places)
    shown = f"{lower}–{show_value(indicator, expected.upper, places=places)}"
    if expected.from_process:
        return f"{shown} (process limits)"
    derived = indicator.process_range
    if derived is not None:
        low = show_value(indicator, derived.lower, bare=True, places=places)
        shown += (f"; process limits {low}–"
                  f"{show_value(indicator, derived.upper, places=places)}")
    return shown


def show_target(indicator: IndicatorOut, target: TargetOut) -> str:
    """``ambition: at least 65%``, to the places the value is shown to."""
    kind = "ambition" if target.ambition else "target"
    shown = show_value(indicator, target.value, places=judged_places(indicator))
    return f"{kind}: {target.direction} {shown}"


def over_time(indicator: IndicatorOut, authority: str) -> tuple[list[str], list[list[str]]]:
    """The comparators over time beside the authority's own values: a header (period,
    the authority, each comparator) and a row per period any comparator published, as
    text; no rows unless some comparator published for two periods or more."""
    if not any(len(c.history) > 1 for c in indicator.comparators):
        return [], []
    periods = sorted({p.period for c in indicator.comparators for p in c.history}
                     | {p.period for p in indicator.beside})
    own = {p.period: p for p in indicator.beside}

    def shown(value: float | None, symbol: str | None) -> str:
        if value is not None:
            return show_value(indicator, value)
        return symbol or "–"

    rows = []
    for period in periods:
        mine = own.get(period)
        row = [period, "–" if mine is None else shown(mine.value, mine.symbol)]
        for comparator in indicator.comparators:
            point = next((p for p in comparator.history if p.period == period), None)
            row.append("–" if point is None else shown(point.value, point.symbol))
        rows.append(row)
    return ["Period", authority, *(c.name for c in indicator.comparators)], rows


def withheld_lines(note: SuppressionNote) -> list[str]:
    """The suppression log as sentences, one per withheld figure (empty in public)."""
    lines = []
    for item in note.log:
        why = {"small count": "a small count",
               "computed from a withheld count": "computed from a withheld count",
               "gives one away": "withheld so that another figure cannot be worked out",
               "withdrawn": f"{item.statement} withdrawn, as it would bound a withheld figure"}
        protects = f" ({item.protects})" if item.protects else ""
        lines.append(f"{item.indicator}, {item.period}: {why[item.reason]}{protects}")
    return lines


def provenance_items(provenance: Provenance) -> list[tuple[str, str]]:
    """The provenance block as (label, text) pairs, in the order every format prints them."""
    plugins = ", ".join(
        f"{p.name} ({p.distribution or 'unknown'} {p.version or ''})".replace(" )", ")")
        for p in provenance.plugins
    )
    items = [("Made with", f"corpparent {provenance.corpparent_version}, Python "
                           f"{provenance.python_version}")]
    if provenance.period:
        items.append(("Period", provenance.period))
    items.append(("Authority plug-ins installed", plugins or "none"))
    items.extend(
        ("Input", i.path if i.sha256 is None or i.bytes is None
         else f"{i.path}, {i.bytes:,} bytes, SHA-256 {i.sha256}") for i in provenance.inputs
    )
    if provenance.options:
        items.append(("Options", ", ".join(f"{k} = {v}" for k, v in provenance.options.items())))
    if provenance.generated_at is not None:
        items.append(("Generated", provenance.generated_at.isoformat(timespec="seconds")))
    return items
