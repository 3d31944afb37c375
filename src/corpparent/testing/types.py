"""corpparent's types for hypothesis' ``st.from_type``, registered through hypothesis' own
entry point.

corpparent's ``pyproject.toml`` declares ``[project.entry-points.hypothesis]``, which
hypothesis calls as it is imported: `_hypothesis_setup_hook` registers a strategy
for each of corpparent's value types, so ``st.from_type(Indicator)`` or
``@given(range_=...)`` with a type annotation draws valid values. The strategies are
imported only when a type is first drawn (each registration is a function of the type),
so a program that imports hypothesis pays for corpparent's strategies only when it uses
them, and ``import corpparent`` imports neither hypothesis nor this module.
"""

from __future__ import annotations

from typing import Any

__all__ = ["register_types"]


def _strategy(name: str) -> Any:
    """A registration that imports the strategy ``name`` of `corpparent.testing`
    when a type is first drawn."""

    def resolve(_type: type) -> Any:
        from importlib import import_module

        return getattr(import_module("corpparent.testing.rules"), name)()

    return resolve


#: The types registered, each with the name of its strategy in corpparent.testing.rules.
TYPES: dict[str, tuple[str, str]] = {
    "Indicator": ("corpparent.indicators.definitions", "indicators"),
    "ExpectedRange": ("corpparent.ranges", "expected_ranges"),
    "Target": ("corpparent.ranges", "targets"),
    "ComparatorSet": ("corpparent.comparators", "comparator_sets"),
    "Constitution": ("corpparent.governance.constitution", "constitutions"),
    "Readings": ("corpparent.indicators", "readings_series"),
    "IndicatorSet": ("corpparent.indicators", "indicator_sets"),
    "AuthorityProfile": ("corpparent.profile", "profiles"),
    "PanelRecord": ("corpparent.governance.panel", "panel_records"),
}


def register_types() -> None:
    """Register a strategy for each of [`TYPES`][corpparent.testing.types.TYPES] with
    ``st.register_type_strategy``."""
    from importlib import import_module

    from hypothesis import strategies as st

    for type_name, (module, strategy) in TYPES.items():
        kind = getattr(import_module(module), type_name)
        st.register_type_strategy(kind, _strategy(strategy))


def _hypothesis_setup_hook() -> None:
    """Called by hypothesis through the ``hypothesis`` entry-point group."""
    register_types()
