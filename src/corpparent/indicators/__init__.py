"""Indicators: definitions, readings, indicator sets, aggregation and readings files."""

from corpparent.indicators.aggregation import Unavailable, value_for
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.readings import Reading, Readings
from corpparent.indicators.sets import IndicatorSet

__all__ = [
    "Indicator",
    "IndicatorSet",
    "Kind",
    "Polarity",
    "Reading",
    "Readings",
    "Unavailable",
    "value_for",
]
