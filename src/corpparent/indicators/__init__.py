"""Indicators: definitions, readings, indicator sets, aggregation and readings files.

The names below are imported when first used (PEP 562): :mod:`corpparent.ranges` needs
:mod:`~corpparent.indicators.definitions`, and indicator sets need ranges, so importing
the definitions must not import the sets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpparent._lazy import lazy_exports

if TYPE_CHECKING:  # the names a type checker sees, each an explicit re-export
    from corpparent.indicators.aggregation import (
        Unavailable as Unavailable,
        value_for as value_for,
    )
    from corpparent.indicators.definitions import (
        Indicator as Indicator,
        Kind as Kind,
        Polarity as Polarity,
    )
    from corpparent.indicators.readings import Reading as Reading, Readings as Readings
    from corpparent.indicators.sets import IndicatorSet as IndicatorSet

#: Each public name and the module it is imported from when first used.
_EXPORTS: dict[str, str] = {
    "Indicator": "corpparent.indicators.definitions",
    "IndicatorSet": "corpparent.indicators.sets",
    "Kind": "corpparent.indicators.definitions",
    "Polarity": "corpparent.indicators.definitions",
    "Reading": "corpparent.indicators.readings",
    "Readings": "corpparent.indicators.readings",
    "Unavailable": "corpparent.indicators.aggregation",
    "value_for": "corpparent.indicators.aggregation",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
