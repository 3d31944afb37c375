"""An authority named on the command line: an installed plug-in, or a plug-in not installed.

Every command that takes ``--authority`` takes any of:

* ``wiltshire`` — the identifier of an installed plug-in (an entry point of the
  ``corpparent.authorities`` group);
* ``path/to/plugin.toml`` — a plug-in data file that is not installed, such as one
  ``corpparent authorities new`` wrote;
* ``path/to/plugin.py:NAME`` or ``package.module:NAME`` — a Python plug-in that is not
  installed: an [`AuthorityProfile`][corpparent.profile.AuthorityProfile], or a function taking no
  arguments that returns one (``:NAME`` may be left out when the module holds one).

A plug-in that is not installed and has the identifier of an installed one is used as
given, and the clash is returned by [`clashes`][corpparent.plugins.references.clashes] (and logged),
since installing it beside the other would disable both.
"""

from __future__ import annotations

import logging
from pathlib import Path

from corpparent.errors import PluginError
from corpparent.files.plugin.reader import load_plugin_file
from corpparent.plugins.discovery import PluginSpec, discover, installed
from corpparent.plugins.loading import load_profile
from corpparent.plugins.python_objects import load_object
from corpparent.profile import AuthorityProfile

__all__ = ["clashes", "installed_python", "is_plugin_reference", "load_authority", "plugin_file",
           "runs_python"]

_log = logging.getLogger(__name__)


def is_plugin_reference(reference: str) -> bool:
    """Whether ``reference`` names a plug-in that is not installed (a ``.toml`` or ``.py``
    file, or ``module:NAME``) rather than an installed plug-in's identifier."""
    return (reference.endswith((".toml", ".py")) or ":" in reference
            or "/" in reference or "\\" in reference)


def installed_python(reference: str) -> PluginSpec | None:
    """The installed plug-in ``reference`` names when its entry point names Python (a
    module's object) rather than a ``.toml`` data file; else None (a data file, or no
    such plug-in: loading it says why)."""
    if is_plugin_reference(reference):
        return None
    try:
        spec = discover()[reference]
    except PluginError:
        return None
    return None if (spec.entry_point.attr or "").endswith(".toml") else spec


def runs_python(reference: str) -> bool:
    """Whether loading ``reference`` runs Python: a ``.py`` file, ``module:NAME``, or an
    installed plug-in whose entry point names Python. A ``.toml`` file runs none."""
    if reference.endswith(".toml"):
        return False
    return is_plugin_reference(reference) or installed_python(reference) is not None


def plugin_file(reference: str | None) -> Path | None:
    """The file a plug-in reference reads (``plugin.toml``, ``plugin.py:NAME``), to be
    named among a report's inputs; None for an installed plug-in or a module."""
    if reference is None or not is_plugin_reference(reference):
        return None
    path = Path(reference.rsplit(":", 1)[0] if ".py:" in reference else reference)
    return path if path.suffix in (".toml", ".py") and path.is_file() else None


def clashes(profile: AuthorityProfile) -> tuple[PluginSpec, ...]:
    """The installed plug-ins that claim ``profile``'s identifier, whether or not the
    allow and block lists exclude them."""
    return installed(profile.id)


def _from_reference(reference: str) -> AuthorityProfile:
    if reference.endswith(".toml"):
        path = Path(reference)
        _log.info("reading the plug-in file %s", path)
        return load_plugin_file(path)
    if ":" not in reference and not reference.endswith(".py"):
        raise PluginError(f"{reference!r} is neither an installed plug-in's identifier nor a "
                          "plug-in file (.toml, .py or module:NAME)")
    _log.info("loading the Python plug-in %s", reference)
    return load_object(reference, AuthorityProfile, "profile")


def load_authority(reference: str, *, warn_of_clashes: bool = True) -> AuthorityProfile:
    """The profile ``reference`` names: an installed plug-in's identifier, a ``.toml``
    plug-in file, or a Python plug-in (``file.py:NAME``, ``module:NAME``).

    Raises a [`PluginError`][corpparent.errors.PluginError] (a
    [`PluginFileError`][corpparent.errors.PluginFileError] for an invalid file) saying what is
    wrong. A plug-in not installed that has an installed one's identifier is logged as a warning
    unless ``warn_of_clashes`` is false. A Python plug-in is imported and run in this
    process, trusted as any import is; the command line runs it in a child process
    (`runs_python` tells which references run code).
    """
    if not is_plugin_reference(reference):
        return load_profile(reference)
    profile = _from_reference(reference)
    for spec in clashes(profile) if warn_of_clashes else ():
        _log.warning("the plug-in %s has the identifier %r of the installed plug-in from "
                     "%s %s; the file is used here, but installing both would disable both",
                     reference, profile.id, spec.distribution, spec.version)
    return profile
