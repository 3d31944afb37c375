"""The ``wiltshire`` plug-in: Wiltshire Council's 2022-23 scorecard, its 2016-18 terms
of reference, the 2022-23 panel and its reporting obligations (documents 001 and 002).

The profile is the plug-in file ``wiltshire.toml`` beside this module, with the obligations
declared in ``corpparent/governance/declared/wiltshire.toml``.
"""

from __future__ import annotations

from corpparent.authorities._files import built_in_profile
from corpparent.plugins.profile import AuthorityProfile

__all__ = ["profile"]


def profile() -> AuthorityProfile:
    """The ``wiltshire`` authority profile."""
    return built_in_profile("wiltshire")
