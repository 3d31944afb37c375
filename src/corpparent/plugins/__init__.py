"""Authority plug-ins: profiles, entry-point discovery and declarative plug-in files.

Importing this package imports no plug-in; see :mod:`corpparent.plugins.discovery`.
"""

from corpparent.plugins.declarative import (
    load_plugin_file,
    profile_from_toml,
    validate_plugin_file,
)
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
from corpparent.plugins.errors import PluginConflictError, PluginFileError, PluginLoadError
from corpparent.plugins.export import profile_to_toml
from corpparent.plugins.file_format import FORMAT_VERSION, PluginFile, plugin_schema
from corpparent.plugins.profile import AuthorityProfile, Document, Priority

__all__ = [
    "ALLOW_ENV",
    "BLOCK_ENV",
    "ENTRY_POINT_GROUP",
    "FORMAT_VERSION",
    "STRICT_ENV",
    "AuthorityProfile",
    "Discovery",
    "Document",
    "LoadedProfiles",
    "PluginConflictError",
    "PluginFile",
    "PluginFileError",
    "PluginLoadError",
    "PluginSpec",
    "Priority",
    "discover",
    "load_plugin_file",
    "load_profile",
    "load_profiles",
    "plugin_schema",
    "profile_from_toml",
    "profile_to_toml",
    "validate_plugin_file",
]
