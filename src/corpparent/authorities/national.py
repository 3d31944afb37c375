"""The ``national`` plug-in: the DfE children-looked-after indicators with their polarity,
the statutory timescales panels monitor, and the reporting every panel is expected to
receive (the LGA pack, 003).

The profile is the plug-in file ``national.toml`` beside this module, with the obligations
declared in ``corpparent/governance/declared/national.toml``.
"""

from __future__ import annotations

from corpparent.authorities._files import built_in_profile
from corpparent.plugins.profile import AuthorityProfile

__all__ = ["profile"]


def profile() -> AuthorityProfile:
    """The ``national`` authority profile."""
    return built_in_profile("national")
