"""An indicator set given as Python, for the command line's --indicators option."""

from corpparent.indicators.sets import IndicatorSet
from corpparent.plugins import load_profile

NOT_A_SET = 3


def wiltshire_indicators() -> IndicatorSet:
    """The built-in Wiltshire plug-in's indicators, as an authority's own code might."""
    return load_profile("wiltshire").indicators
