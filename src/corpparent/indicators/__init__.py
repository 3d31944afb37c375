"""Indicators: definitions, readings, indicator sets, aggregation and readings files."""

from corpparent.indicators.aggregation import Unavailable, value_for
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.files import ReadingRecord, read_readings, readings_from_records
from corpparent.indicators.readings import Reading, Readings
from corpparent.indicators.sets import IndicatorSet

__all__ = [
    "Indicator",
    "IndicatorSet",
    "Kind",
    "Polarity",
    "Reading",
    "ReadingRecord",
    "Readings",
    "Unavailable",
    "read_readings",
    "readings_from_records",
    "value_for",
]
