"""Helpers for testing code built on corpparent (hypothesis strategies).

Importing :mod:`corpparent.testing.strategies` needs hypothesis (``pip install
corpparent[test]``); ``import corpparent`` never imports it.
"""
