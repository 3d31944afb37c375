"""The ``staffordshire`` plug-in: Staffordshire County Council's terms of reference and
2019-20 annual report (document 004), with its reporting obligations.

The profile is the plug-in file ``staffordshire.toml`` beside this module, with the obligations
declared in ``corpparent/governance/declared/staffordshire.toml``.
"""

from __future__ import annotations

from corpparent.authorities._files import built_in_profile
from corpparent.plugins.profile import AuthorityProfile

__all__ = ["profile"]


def profile() -> AuthorityProfile:
    """The ``staffordshire`` authority profile."""
    return built_in_profile("staffordshire")
