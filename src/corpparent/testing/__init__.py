"""Helpers for testing code built on corpparent.

:mod:`corpparent.testing.rules` has hypothesis strategies for every rule family, with
``satisfying(rule)`` and ``violating(rule)``; :mod:`corpparent.testing.values` the value
strategies it re-exports; :mod:`corpparent.testing.types` registers corpparent's types
for ``st.from_type``; :mod:`corpparent.testing.pytest` is an opt-in pytest plug-in.
They need hypothesis (and pytest) from ``pip install 'corpparent[test]'``;
``import corpparent`` imports neither.
"""
