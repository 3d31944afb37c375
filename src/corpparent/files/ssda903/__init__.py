"""The council's SSDA903 return, read from its CSV tables into
:class:`corpparent.ssda903.Returns` (:func:`read_returns`)."""

from __future__ import annotations

from corpparent.files.ssda903.reader import read_returns

__all__ = ["read_returns"]
