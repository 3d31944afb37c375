"""Finding and loading authority plug-ins through the ``corpparent.authorities`` entry points.

Discovery reads installed distributions' metadata only: :func:`discover` lists every
plug-in, its distribution and version, without importing anything, and
``import corpparent`` imports no plug-in. A plug-in is imported when it is loaded.

An entry point's name is the authority identifier; its value is one of:

* ``package:file.toml`` — a plug-in data file shipped inside ``package`` (any object
  reference whose attribute ends in ``.toml``), read with :mod:`importlib.resources`;
  no Python is needed beyond the package directory;
* ``module:attribute`` — an :class:`~corpparent.profile.AuthorityProfile`, a
  path (or :mod:`importlib.resources` file) of a ``.toml`` plug-in file, or a callable
  taking no arguments that returns either.

Loading is safe: :func:`load_profiles` loads every allowed plug-in, and one that fails
to import or gives something that is not a valid profile becomes a
:class:`~corpparent.plugins.errors.PluginLoadError` naming its distribution, version and
entry point, with the original exception chained, while every other plug-in still loads.
``strict=True`` (or ``CORPPARENT_PLUGINS_STRICT=1``) raises the first error instead. Two
distributions that claim one identifier give a
:class:`~corpparent.plugins.errors.PluginConflictError` naming both, and neither is used
until the user blocks all but one.

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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fnmatch import fnmatchcase
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import final

from attrs import field, frozen

from corpparent.errors import PluginError
from corpparent.files.plugin_reader import load_plugin_file, profile_from_toml
from corpparent.plugins.errors import PluginConflictError, PluginLoadError
from corpparent.plugins.python_objects import as_kind
from corpparent.profile import ENTRY_POINT_GROUP, AuthorityProfile

__all__ = [
    "ALLOW_ENV",
    "BLOCK_ENV",
    "STRICT_ENV",
    "Discovery",
    "LoadedProfiles",
    "PluginSpec",
    "discover",
    "load_profile",
    "load_profiles",
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


def _spec(entry_point: metadata.EntryPoint) -> PluginSpec:
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

    ``environ`` defaults to :data:`os.environ`; pass ``{}`` to ignore the environment.
    """
    env = os.environ if environ is None else environ
    allowed = _patterns(allow, env, ALLOW_ENV)
    blocked = (*(_patterns(block, {}, BLOCK_ENV) or ()), *(_patterns(None, env, BLOCK_ENV) or ()))
    usable: list[PluginSpec] = []
    excluded: list[PluginSpec] = []
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        spec = _spec(entry_point)
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


# --- loading --------------------------------------------------------------------------

_EXPECTED = ("an AuthorityProfile, a path to a .toml plug-in file, or a callable taking no "
             "arguments that returns one of those")


def _profile(obj: object) -> AuthorityProfile | None:
    """A profile, or the profile a plug-in file (a path or a package resource) declares."""
    if isinstance(obj, AuthorityProfile):
        return obj
    if isinstance(obj, (str, Path)) and str(obj).endswith(".toml"):
        return load_plugin_file(obj)
    if isinstance(obj, Traversable) and obj.name.endswith(".toml"):
        return profile_from_toml(obj.read_text(encoding="utf-8"), str(obj))
    return None


def _load(spec: PluginSpec) -> AuthorityProfile:
    entry_point = spec.entry_point
    try:
        attr = entry_point.attr
        if attr and attr.endswith(".toml"):
            resource = resources.files(entry_point.module).joinpath(attr)
            profile = profile_from_toml(resource.read_text(encoding="utf-8"),
                                        f"{entry_point.module}:{attr}")
        else:
            profile = as_kind(entry_point.load(), _profile, _EXPECTED, "the entry point")
    except PluginLoadError:
        raise
    except PluginError as exc:
        raise spec.error(str(exc)) from exc.__cause__ or exc
    except Exception as exc:  # a plug-in's own code may raise anything
        raise spec.error(f"{type(exc).__name__}: {exc}") from exc
    if profile.id != spec.id:
        raise spec.error(f"the profile's identifier is {profile.id!r}, but the entry point is "
                         f"named {spec.id!r}; they must be the same")
    return profile


def _frozen_mapping(items: Mapping[str, AuthorityProfile]) -> Mapping[str, AuthorityProfile]:
    return MappingProxyType(dict(items))


@final
@frozen
class LoadedProfiles:
    """The profiles that loaded, by identifier, and the errors of those that did not."""

    profiles: Mapping[str, AuthorityProfile] = field(converter=_frozen_mapping)
    errors: tuple[PluginError, ...] = ()

    def __getitem__(self, authority: str) -> AuthorityProfile:
        if authority in self.profiles:
            return self.profiles[authority]
        for error in self.errors:
            if getattr(error, "authority", None) == authority:
                raise error
        known = ", ".join(sorted(self.profiles)) or "none"
        raise PluginError(f"no authority profile {authority!r} was loaded; loaded: {known}")

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.profiles))

    def __len__(self) -> int:
        return len(self.profiles)

    def __contains__(self, authority: object) -> bool:
        return authority in self.profiles

    def report(self) -> str:
        """One line per loaded profile and per error, for a terminal."""
        lines = [f"loaded {ident}: {self.profiles[ident].name}" for ident in self]
        lines.extend(f"error: {error}" for error in self.errors)
        return "\n".join(lines)


def _strict(strict: bool | None, env: Mapping[str, str]) -> bool:
    if strict is not None:
        return strict
    return env.get(STRICT_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def load_profiles(
    *,
    strict: bool | None = None,
    allow: Iterable[str] | None = None,
    block: Iterable[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> LoadedProfiles:
    """Load every allowed plug-in; failures are collected, or raised when ``strict``."""
    env = os.environ if environ is None else environ
    strict_mode = _strict(strict, env)
    found = discover(allow=allow, block=block, environ=env)
    if strict_mode and found.conflicts:
        raise found.conflicts[0]
    profiles: dict[str, AuthorityProfile] = {}
    errors: list[PluginError] = list(found.conflicts)
    for spec in found.specs:
        try:
            profiles[spec.id] = _load(spec)
        except PluginError as exc:
            if strict_mode:
                raise
            errors.append(exc)
    return LoadedProfiles(profiles, tuple(errors))


def load_profile(
    authority: str,
    *,
    allow: Sequence[str] | None = None,
    block: Sequence[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> AuthorityProfile:
    """Load one plug-in by identifier, importing no other; raises a precise
    :class:`~corpparent.errors.PluginError` when it is missing, excluded, claimed twice
    or broken."""
    return _load(discover(allow=allow, block=block, environ=environ)[authority])
