"""Numbers as a councillor reads them, shared by every renderer."""

from __future__ import annotations

from corpparent.report.model import IndicatorOut, Provenance, TargetOut, TrendPoint

__all__ = [
    "provenance_items",
    "show_number",
    "show_point",
    "show_range",
    "show_target",
    "show_value",
]


def show_number(value: float) -> str:
    """``1,234.5``, ``7``, ``-0.5``: one decimal place at most, no trailing zeros."""
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def show_value(indicator: IndicatorOut, value: float | None, *, bare: bool = False) -> str:
    """A value with the indicator's unit: ``7%``, ``461 children``; ``–`` for none."""
    if value is None:
        return "–"
    text = show_number(value)
    if indicator.unit == "percent":
        return f"{text}%"
    return text if bare else f"{text} {indicator.unit_label}"


def show_point(indicator: IndicatorOut, point: TrendPoint) -> str:
    """A trend point's value, its symbol, or a dash."""
    if point.value is not None:
        return show_value(indicator, point.value, bare=True)
    return point.symbol or "–"


def show_range(indicator: IndicatorOut) -> str:
    """The expected range, ``75%–82%``; ``none set`` when there is none. A range from
    the process limits says so, and where a range was also set by hand the process
    limits are shown beside it: ``75%–82%; process limits 70%–85%``."""
    expected = indicator.expected_range
    if expected is None:
        return "none set"
    lower = show_value(indicator, expected.lower, bare=True)
    shown = f"{lower}–{show_value(indicator, expected.upper)}"
    if expected.from_process:
        return f"{shown} (process limits)"
    derived = indicator.process_range
    if derived is not None:
        low = show_value(indicator, derived.lower, bare=True)
        shown += f"; process limits {low}–{show_value(indicator, derived.upper)}"
    return shown


def show_target(indicator: IndicatorOut, target: TargetOut) -> str:
    """``ambition: at least 65%``."""
    kind = "ambition" if target.ambition else "target"
    return f"{kind}: {target.direction} {show_value(indicator, target.value)}"


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
        ("Input", f"{i.path}, {i.bytes:,} bytes, SHA-256 {i.sha256}") for i in provenance.inputs
    )
    if provenance.options:
        items.append(("Options", ", ".join(f"{k} = {v}" for k, v in provenance.options.items())))
    if provenance.generated_at is not None:
        items.append(("Generated", provenance.generated_at.isoformat(timespec="seconds")))
    return items
