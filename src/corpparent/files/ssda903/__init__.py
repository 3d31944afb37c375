"""The council's SSDA903 return, read from its CSV tables into
[`corpparent.ssda903.Returns`][corpparent.ssda903.Returns]
([`read_returns`][corpparent.files.ssda903.read_returns])."""

from __future__ import annotations

from corpparent.files.ssda903.reader import read_returns

__all__ = ["read_returns"]
