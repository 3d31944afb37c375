"""Helpers for testing code built on corpparent.

[`corpparent.testing.rules`][corpparent.testing.rules] has hypothesis strategies for every rule
family, with ``satisfying(rule)`` and ``violating(rule)``;
[`corpparent.testing.values`][corpparent.testing.values] the value strategies it re-exports;
[`corpparent.testing.types`][corpparent.testing.types] registers corpparent's types for
``st.from_type``; [`corpparent.testing.pytest`][corpparent.testing.pytest] is an opt-in pytest
plug-in. They need hypothesis (and pytest) from ``pip install 'corpparent[test]'``; ``import
corpparent`` imports neither.
"""
