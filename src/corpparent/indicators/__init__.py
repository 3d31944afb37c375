"""Indicators: definitions, readings, indicator sets, aggregation and readings files.

The names below are imported when first used (PEP 562): [`corpparent.ranges`][corpparent.ranges]
needs `definitions`, and indicator sets need ranges, so importing
the definitions must not import the sets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpparent._lazy import front_door

if TYPE_CHECKING:  # each public name, written once, imported on first use
    from corpparent.indicators.aggregation import (
        Unavailable as Unavailable,
        value_for as value_for,
    )
    from corpparent.indicators.definitions import (
        Indicator as Indicator,
        Kind as Kind,
        Polarity as Polarity,
    )
    from corpparent.indicators.reading import Reading as Reading
    from corpparent.indicators.readings import Readings as Readings
    from corpparent.indicators.sets import IndicatorSet as IndicatorSet

__getattr__, __dir__ = front_door(__name__, globals())
