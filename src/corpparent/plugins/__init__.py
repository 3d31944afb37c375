"""Authority plug-ins: entry-point discovery and loading of authority profiles.

Importing this package imports no plug-in; see `corpparent.plugins.discovery`
(finding plug-ins from metadata), `corpparent.plugins.loading` (loading them so
that none can take the host down), `corpparent.plugins.references` (an authority
named on the command line, installed or a file) and `corpparent.plugins.sandbox`
(the user's code run in a child process, as the command line runs it). The profile a plug-in
provides, [`AuthorityProfile`][corpparent.profile.AuthorityProfile], and the entry-point group,
[`ENTRY_POINT_GROUP`][corpparent.profile.ENTRY_POINT_GROUP], are in
[`corpparent.profile`][corpparent.profile].
"""

from corpparent.plugins.discovery import (
    ALLOW_ENV,
    BLOCK_ENV,
    STRICT_ENV,
    Discovery,
    PluginSpec,
    discover,
    installed,
)
from corpparent.plugins.errors import PluginConflictError, PluginLoadError
from corpparent.plugins.loading import (
    DEFAULT_SLOW_SECONDS,
    SLOW_ENV,
    LoadedProfiles,
    load_profile,
    load_profiles,
    load_spec,
    slow_seconds,
)
from corpparent.plugins.references import clashes, is_plugin_reference, load_authority

__all__ = [
    "ALLOW_ENV",
    "BLOCK_ENV",
    "DEFAULT_SLOW_SECONDS",
    "SLOW_ENV",
    "STRICT_ENV",
    "Discovery",
    "LoadedProfiles",
    "PluginConflictError",
    "PluginLoadError",
    "PluginSpec",
    "clashes",
    "discover",
    "installed",
    "is_plugin_reference",
    "load_authority",
    "load_profile",
    "load_profiles",
    "load_spec",
    "slow_seconds",
]
