"""Reading a built-in plug-in file and joining the obligations corpparent declares.

The reporting obligations of the built-in authorities are kept, as data, with the
obligations code (``corpparent/governance/declared/``); a built-in profile is its plug-in
file with those obligations added, so each fact is written once.
"""

from __future__ import annotations

from importlib import resources

from attrs import evolve

from corpparent.governance.obligation_files import built_in_obligations
from corpparent.plugins.declarative import profile_from_toml
from corpparent.plugins.profile import AuthorityProfile

__all__ = ["built_in_profile"]


def built_in_profile(name: str) -> AuthorityProfile:
    """The profile in ``corpparent/authorities/<name>.toml``, with its obligations."""
    text = resources.files("corpparent.authorities").joinpath(f"{name}.toml").read_text(
        encoding="utf-8")
    profile = profile_from_toml(text, f"corpparent/authorities/{name}.toml")
    if profile.obligations is None:
        profile = evolve(profile, obligations=built_in_obligations(name))
    return profile
