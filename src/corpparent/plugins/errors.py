"""The errors of authority plug-ins, each a [`PluginError`][corpparent.errors.PluginError].

A plug-in that cannot be loaded is named by its distribution, that distribution's
version and its entry point, with the original exception chained as ``__cause__``, so a
user can tell which installed package to fix or remove. A plug-in data file that is
invalid lists every problem with its line and key path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from corpparent.errors import PluginError

__all__ = ["PluginConflictError", "PluginLoadError"]


@final
class PluginLoadError(PluginError):
    """One plug-in could not be imported, or gave something that is not a valid profile."""

    def __init__(
        self,
        message: str,
        *,
        authority: str,
        distribution: str,
        version: str,
        entry_point: str,
    ) -> None:
        self.authority = authority
        self.distribution = distribution
        self.version = version
        self.entry_point = entry_point
        super().__init__(
            f"authority plug-in {authority!r} from {distribution} {version} "
            f"(entry point {entry_point}): {message}"
        )


@final
class PluginConflictError(PluginError):
    """Two or more distributions claim one authority identifier; none is used until the
    user blocks all but one."""

    def __init__(self, authority: str, claimants: Iterable[tuple[str, str, str]]) -> None:
        self.authority = authority
        self.claimants = claimants = tuple(claimants)
        sides = " and ".join(f"{dist} {version} ({value})" for dist, version, value in claimants)
        choices = ", ".join(f"'{dist}:{authority}'" for dist, _v, _e in self.claimants)
        super().__init__(
            f"authority {authority!r} is claimed by {sides}; neither is used. Choose one by "
            f"blocking the others (block=[...] or CORPPARENT_PLUGINS_BLOCK), e.g. one of {choices}"
        )
