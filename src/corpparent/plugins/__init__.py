"""Authority plug-ins: entry-point discovery and loading of authority profiles.

Importing this package imports no plug-in; see :mod:`corpparent.plugins.discovery`.
"""

from corpparent.plugins.discovery import (
    ALLOW_ENV,
    BLOCK_ENV,
    ENTRY_POINT_GROUP,
    STRICT_ENV,
    Discovery,
    LoadedProfiles,
    PluginSpec,
    discover,
    load_profile,
    load_profiles,
)
from corpparent.plugins.errors import PluginConflictError, PluginLoadError
from corpparent.profile import AuthorityProfile, Document, Priority

__all__ = [
    "ALLOW_ENV",
    "BLOCK_ENV",
    "ENTRY_POINT_GROUP",
    "STRICT_ENV",
    "AuthorityProfile",
    "Discovery",
    "Document",
    "LoadedProfiles",
    "PluginConflictError",
    "PluginLoadError",
    "PluginSpec",
    "Priority",
    "discover",
    "load_profile",
    "load_profiles",
]
