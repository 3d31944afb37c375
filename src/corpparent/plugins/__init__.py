"""Authority plug-ins: entry-point discovery and loading of authority profiles.

Importing this package imports no plug-in; see :mod:`corpparent.plugins.discovery`. The
profile a plug-in provides, :class:`~corpparent.profile.AuthorityProfile`, and the
entry-point group, :data:`~corpparent.profile.ENTRY_POINT_GROUP`, are in
:mod:`corpparent.profile`.
"""

from corpparent.plugins.discovery import (
    ALLOW_ENV,
    BLOCK_ENV,
    STRICT_ENV,
    Discovery,
    LoadedProfiles,
    PluginSpec,
    discover,
    load_profile,
    load_profiles,
)
from corpparent.plugins.errors import PluginConflictError, PluginLoadError

__all__ = [
    "ALLOW_ENV",
    "BLOCK_ENV",
    "STRICT_ENV",
    "Discovery",
    "LoadedProfiles",
    "PluginConflictError",
    "PluginLoadError",
    "PluginSpec",
    "discover",
    "load_profile",
    "load_profiles",
]
