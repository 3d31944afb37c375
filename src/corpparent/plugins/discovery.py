"""Finding authority plug-ins through the ``corpparent.authorities`` entry points.

Discovery reads installed distributions' metadata only:
[`discover`][corpparent.plugins.discovery.discover] lists every plug-in, its distribution and
version, without importing anything, and ``import corpparent`` imports no plug-in. A plug-in is
imported when it is loaded (`corpparent.plugins.loading`).

An entry point's name is the authority identifier; its value is one of:

* ``package:file.toml`` — a plug-in data file shipped inside ``package`` (any object
  reference whose attribute ends in ``.toml``), read with `importlib.resources`;
  no Python is needed beyond the package directory;
* ``module:attribute`` — an [`AuthorityProfile`][corpparent.profile.AuthorityProfile], a
  path (or `importlib.resources` file) of a ``.toml`` plug-in file, or a callable
  taking no arguments that returns either.

Two distributions that claim one identifier give a
[`PluginConflictError`][corpparent.plugins.errors.PluginConflictError] naming both, and neither is
used until the user blocks all but one.

Allow and block lists take identifiers (``wiltshire``), ``distribution:identifier``
(``corpparent-ourtown:ourtown``) or shell-style patterns of either (``corpparent-ourtown:*``),
by argument and from the comma-separated environment variables
``CORPPARENT_PLUGINS_ALLOW`` and ``CORPPARENT_PLUGINS_BLOCK``. A plug-in is used when it
matches the allow list (if there is one: the argument's, else the environment's) and
matches neither block list.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from fnmatch import fnmatchcase
from importlib import metadata
from typing import final

from attrs import field, frozen

from corpparent.errors import PluginError
from corpparent.plugins.errors import PluginConflictError, PluginLoadError
from corpparent.profile import ENTRY_POINT_GROUP

__all__ = [
    "ALLOW_ENV",
    "BLOCK_ENV",
    "STRICT_ENV",
    "Discovery",
    "PluginSpec",
    "discover",
    "installed",
    "spec_of",
]

ALLOW_ENV = "CORPPARENT_PLUGINS_ALLOW"
BLOCK_ENV = "CORPPARENT_PLUGINS_BLOCK"
STRICT_ENV = "CORPPARENT_PLUGINS_STRICT"


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@final
@frozen
class PluginSpec:
    """A plug-in as its metadata describes it: nothing of it has been imported."""

    id: str
    distribution: str
    version: str
    value: str
    entry_point: metadata.EntryPoint = field(eq=False, repr=False)

    @property
    def label(self) -> str:
        """``distribution:identifier``, the form allow and block lists accept."""
        return f"{_normalise(self.distribution)}:{self.id}"

    def matches(self, pattern: str) -> bool:
        """Whether an allow or block list entry names this plug-in."""
        pattern = pattern.strip()
        if ":" in pattern:
            dist, _, ident = pattern.partition(":")
            return fnmatchcase(self.label, f"{_normalise(dist)}:{ident}")
        return fnmatchcase(self.id, pattern)

    def error(self, message: str) -> PluginLoadError:
        """A load error naming this plug-in."""
        return PluginLoadError(message, authority=self.id, distribution=self.distribution,
                               version=self.version, entry_point=f"{self.id} = {self.value}")


def spec_of(entry_point: metadata.EntryPoint) -> PluginSpec:
    """The plug-in an entry point describes, with its distribution and version."""
    dist = entry_point.dist
    name = dist.name if dist is not None else "(unknown distribution)"
    version = dist.version if dist is not None else "(unknown version)"
    return PluginSpec(entry_point.name, name, version, entry_point.value, entry_point)


def _patterns(argument: Iterable[str] | None, environ: Mapping[str, str], name: str
              ) -> tuple[str, ...] | None:
    if argument is not None:
        return tuple(p for p in argument if p.strip())
    text = environ.get(name)
    if text is None or not text.strip():
        return None
    return tuple(p.strip() for p in text.split(",") if p.strip())


@final
@frozen
class Discovery:
    """What the installed metadata offers: usable plug-ins, conflicts, and those filtered out."""

    specs: tuple[PluginSpec, ...]
    conflicts: tuple[PluginConflictError, ...] = ()
    excluded: tuple[PluginSpec, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """Identifiers of the usable plug-ins, sorted."""
        return tuple(sorted(spec.id for spec in self.specs))

    def __getitem__(self, authority: str) -> PluginSpec:
        for spec in self.specs:
            if spec.id == authority:
                return spec
        for conflict in self.conflicts:
            if conflict.authority == authority:
                raise conflict
        for spec in self.excluded:
            if spec.id == authority:
                raise PluginError(f"authority plug-in {authority!r} from {spec.distribution} "
                                  f"{spec.version} is excluded by the allow or block list")
        known = ", ".join(self.ids) or "none"
        raise PluginError(f"no authority plug-in {authority!r} is installed; installed: {known}")


def discover(
    *,
    allow: Iterable[str] | None = None,
    block: Iterable[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Discovery:
    """The plug-ins in the ``corpparent.authorities`` entry-point group, from metadata only.

    ``environ`` defaults to `os.environ`; pass ``{}`` to ignore the environment.
    """
    env = os.environ if environ is None else environ
    allowed = _patterns(allow, env, ALLOW_ENV)
    blocked = (*(_patterns(block, {}, BLOCK_ENV) or ()), *(_patterns(None, env, BLOCK_ENV) or ()))
    usable: list[PluginSpec] = []
    excluded: list[PluginSpec] = []
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        spec = spec_of(entry_point)
        allowed_here = allowed is None or any(spec.matches(p) for p in allowed)
        if allowed_here and not any(spec.matches(p) for p in blocked):
            usable.append(spec)
        else:
            excluded.append(spec)
    by_id: dict[str, list[PluginSpec]] = {}
    for spec in usable:
        by_id.setdefault(spec.id, []).append(spec)
    conflicts = tuple(
        PluginConflictError(ident, [(s.distribution, s.version, s.value) for s in claimants])
        for ident, claimants in sorted(by_id.items()) if len(claimants) > 1
    )
    return Discovery(
        specs=tuple(sorted((c[0] for c in by_id.values() if len(c) == 1), key=lambda s: s.id)),
        conflicts=conflicts,
        excluded=tuple(excluded),
    )


def installed(authority: str) -> tuple[PluginSpec, ...]:
    """Every installed plug-in claiming ``authority``, whatever the allow and block lists."""
    return tuple(spec_of(entry_point) for entry_point
                 in metadata.entry_points(group=ENTRY_POINT_GROUP, name=authority))
