"""Built-in authority data shared by several test modules (not a test module itself)."""

from __future__ import annotations

from corpparent.obligations.definitions import ObligationSet
from corpparent.plugins import load_profile


def built_in_obligations(authority: str) -> ObligationSet:
    """The reporting obligations of a built-in authority plug-in."""
    obligations = load_profile(authority).obligations
    assert len(obligations) > 0, f"{authority} declares no obligations"
    return obligations
