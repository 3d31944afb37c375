"""Loading authority plug-ins so that no plug-in can take the host down.

A plug-in is someone else's code run inside the user's command. Whatever it does on
import or when called — raise any exception, call `sys.exit`, name a module that
is not there, give something that is not a profile, ship a bad data file — becomes a
[`PluginLoadError`][corpparent.plugins.errors.PluginLoadError] naming its distribution, version and
entry point, with the original exception chained as ``__cause__``, and every other
plug-in still loads. Only `KeyboardInterrupt` passes through: the user asked to
stop, and a plug-in must not swallow that.

``strict=True`` (or ``CORPPARENT_PLUGINS_STRICT=1``) raises the first error instead.

Loading here happens in the caller's process: it trusts the plug-in's code as any import
does, and contains what Python can catch. What it cannot — ``os._exit``, ``fork()``,
printing, sleeping, allocating without end — the command line contains by loading a
Python plug-in in a child process (`corpparent.plugins.sandbox`).

Each plug-in's load is timed. One that takes longer than
[`DEFAULT_SLOW_SECONDS`][corpparent.plugins.loading.DEFAULT_SLOW_SECONDS] (or the seconds in
``CORPPARENT_PLUGINS_SLOW_SECONDS``) is logged as a warning on the ``corpparent.plugins`` logger
once that time has passed (while it is still loading) and again when it has loaded, and is listed by
[`LoadedProfiles.slow`][corpparent.plugins.loading.LoadedProfiles.slow], so a user whose command
stalls learns which plug-in it is.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import final

from attrs import field, frozen

from corpparent.errors import PluginError
from corpparent.files.plugin.reader import load_plugin_file, profile_from_toml
from corpparent.plugins.discovery import STRICT_ENV, PluginSpec, discover
from corpparent.plugins.errors import PluginLoadError
from corpparent.plugins.python_objects import as_kind
from corpparent.profile import AuthorityProfile

__all__ = [
    "DEFAULT_SLOW_SECONDS",
    "SLOW_ENV",
    "LoadedProfiles",
    "load_profile",
    "load_profiles",
    "load_spec",
    "slow_seconds",
]

_log = logging.getLogger(__name__)

#: A plug-in that takes longer than this many seconds to load is warned of.
DEFAULT_SLOW_SECONDS = 2.0
#: The environment variable that sets another number of seconds.
SLOW_ENV = "CORPPARENT_PLUGINS_SLOW_SECONDS"

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


def _import(spec: PluginSpec) -> AuthorityProfile:
    entry_point = spec.entry_point
    attr = entry_point.attr
    if attr and attr.endswith(".toml"):
        resource = resources.files(entry_point.module).joinpath(attr)
        return profile_from_toml(resource.read_text(encoding="utf-8"),
                                 f"{entry_point.module}:{attr}")
    return as_kind(entry_point.load(), _profile, _EXPECTED, "the entry point")


def _contained(spec: PluginSpec) -> AuthorityProfile:
    """The plug-in's profile; anything it raises but an interrupt becomes its load error."""
    try:
        profile = _import(spec)
    except PluginLoadError:
        raise
    except PluginError as exc:
        raise spec.error(str(exc)) from exc.__cause__ or exc
    except SystemExit as exc:  # sys.exit() in a plug-in must not end the user's command
        raise spec.error(f"it called sys.exit({exc.code!r}) while loading") from exc
    except Exception as exc:  # a plug-in's own code may raise anything
        raise spec.error(f"{type(exc).__name__}: {exc}") from exc
    if profile.id != spec.id:
        raise spec.error(f"the profile's identifier is {profile.id!r}, but the entry point is "
                         f"named {spec.id!r}; they must be the same")
    return profile


def slow_seconds(environ: Mapping[str, str] | None = None) -> float:
    """The seconds past which a load is warned of: ``CORPPARENT_PLUGINS_SLOW_SECONDS`` when
    it holds a positive number, else
    [`DEFAULT_SLOW_SECONDS`][corpparent.plugins.loading.DEFAULT_SLOW_SECONDS]."""
    text = (os.environ if environ is None else environ).get(SLOW_ENV, "").strip()
    try:
        seconds = float(text)
    except ValueError:
        if text:
            _log.warning("%s=%r is not a number of seconds; using %s", SLOW_ENV, text,
                         DEFAULT_SLOW_SECONDS)
        return DEFAULT_SLOW_SECONDS
    return seconds if seconds > 0 else DEFAULT_SLOW_SECONDS


def load_spec(spec: PluginSpec, *, slow_after: float | None = None
              ) -> tuple[AuthorityProfile, float]:
    """Load one discovered plug-in: its profile and the seconds the load took.

    A failure of any kind but `KeyboardInterrupt` is a
    [`PluginLoadError`][corpparent.plugins.errors.PluginLoadError]; a load slower than
    ``slow_after`` seconds (default: [`slow_seconds`][corpparent.plugins.loading.slow_seconds]) is
    logged as a warning.
    """
    limit = slow_seconds() if slow_after is None else slow_after
    _log.info("loading authority plug-in %r from %s %s (%s)", spec.id, spec.distribution,
              spec.version, spec.value)
    started = time.perf_counter()
    # Said while the plug-in is still loading, so a user whose command stalls knows why.
    still = threading.Timer(limit, _log.warning, (
        "authority plug-in %r from %s %s is still loading after %.1f s", spec.id,
        spec.distribution, spec.version, limit))
    still.daemon = True
    if math.isfinite(limit):
        still.start()
    try:
        profile = _contained(spec)
    finally:
        still.cancel()
        took = time.perf_counter() - started
        if took > limit:
            _log.warning("authority plug-in %r from %s %s took %.1f s to load (over %.1f s; "
                         "%s sets the limit)", spec.id, spec.distribution, spec.version, took,
                         limit, SLOW_ENV)
    _log.debug("loaded %r in %.3f s", spec.id, took)
    return profile, took


def _frozen_mapping(items: Mapping[str, AuthorityProfile]) -> Mapping[str, AuthorityProfile]:
    return MappingProxyType(dict(items))


def _frozen_seconds(items: Mapping[str, float]) -> Mapping[str, float]:
    return MappingProxyType(dict(items))


@final
@frozen
class LoadedProfiles:
    """The profiles that loaded, by identifier, the errors of those that did not, and the
    seconds each plug-in took to load (or to fail)."""

    profiles: Mapping[str, AuthorityProfile] = field(converter=_frozen_mapping)
    errors: tuple[PluginError, ...] = ()
    seconds: Mapping[str, float] = field(factory=dict, converter=_frozen_seconds)
    slow_after: float = DEFAULT_SLOW_SECONDS

    @property
    def slow(self) -> tuple[str, ...]:
        """The identifiers of the plug-ins that took longer than ``slow_after`` to load."""
        return tuple(sorted(i for i, took in self.seconds.items() if took > self.slow_after))

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
        """One line per loaded profile, per error and per slow plug-in, for a terminal."""
        lines = [f"loaded {ident}: {self.profiles[ident].name}" for ident in self]
        lines.extend(f"error: {error}" for error in self.errors)
        lines.extend(f"warning: {ident} took {self.seconds[ident]:.1f} s to load (over "
                     f"{self.slow_after:.1f} s)" for ident in self.slow)
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
    slow_after: float | None = None,
) -> LoadedProfiles:
    """Load every allowed plug-in; failures are collected, or raised when ``strict``.

    ``slow_after`` is the seconds past which a load is warned of (default:
    [`slow_seconds`][corpparent.plugins.loading.slow_seconds] of ``environ``).
    """
    env = os.environ if environ is None else environ
    limit = slow_seconds(env) if slow_after is None else slow_after
    strict_mode = _strict(strict, env)
    found = discover(allow=allow, block=block, environ=env)
    if strict_mode and found.conflicts:
        raise found.conflicts[0]
    for conflict in found.conflicts:
        _log.warning("skipped: %s", conflict)
    for spec in found.excluded:
        _log.info("skipped authority plug-in %r from %s %s: excluded by the allow or block "
                  "list", spec.id, spec.distribution, spec.version)
    profiles: dict[str, AuthorityProfile] = {}
    seconds: dict[str, float] = {}
    errors: list[PluginError] = list(found.conflicts)
    for spec in found.specs:
        started = time.perf_counter()
        try:
            profiles[spec.id], seconds[spec.id] = load_spec(spec, slow_after=limit)
        except PluginError as exc:
            seconds[spec.id] = time.perf_counter() - started
            if strict_mode:
                raise
            _log.warning("skipped: %s", exc)
            errors.append(exc)
    return LoadedProfiles(profiles, tuple(errors), seconds, limit)


def load_profile(
    authority: str,
    *,
    allow: Sequence[str] | None = None,
    block: Sequence[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> AuthorityProfile:
    """Load one plug-in by identifier, importing no other; raises a precise
    [`PluginError`][corpparent.errors.PluginError] when it is missing, excluded, claimed twice
    or broken."""
    spec = discover(allow=allow, block=block, environ=environ)[authority]
    return load_spec(spec, slow_after=slow_seconds(environ))[0]
