"""Whose disclosure record a public paper goes to: the authority's, by its plug-in's
identifier, whatever name the paper shows it under.

A council's papers about one authority must all be protected against each other, so
their record cannot follow ``--name``: an annual paper headed "Wiltshire Council
Corporate Parenting Panel" and a quarter's headed "Wiltshire Council" are about the same
children. The owner is worked out where the plug-in is loaded (in a child process for a
Python plug-in) and travels back with the command's outcome, so it is kept apart from
the record's own code, which only some commands import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, final

from attrs import frozen

if TYPE_CHECKING:
    from corpparent.profile import AuthorityProfile

__all__ = ["Owner", "owner_of"]


@final
@frozen
class Owner:
    """Whose disclosure record a paper goes to: the ``key`` the record is kept under (the
    authority's plug-in identifier, else the name given), and the ``names`` earlier
    builds kept it under (the name the papers showed), whose records are read with it."""

    key: str
    names: tuple[str, ...] = ()

    def to_data(self) -> list[str]:
        """The owner as JSON data: its key, then its names."""
        return [self.key, *self.names]

    @classmethod
    def from_data(cls, data: list[str]) -> Owner:
        """The owner `to_data` gave."""
        return cls(data[0], tuple(data[1:]))


def owner_of(profile: AuthorityProfile | None, name: str | None) -> Owner | None:
    """The record of the authority of ``profile`` (the plug-in ``--authority`` names),
    shown under ``name`` (``--name``) or the plug-in's own name; without a plug-in, the
    record of ``name``; ``None`` with neither."""
    if profile is None:
        return None if name is None else Owner(name)
    return Owner(profile.id, tuple(dict.fromkeys(n for n in (name, profile.name) if n)))
