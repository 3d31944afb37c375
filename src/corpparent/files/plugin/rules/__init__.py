"""The rule types of a plug-in file's ``[constitution]`` table: one codec module each.

Each module registers one codec (see `_codec`) for one rule type of
[`corpparent.governance`][corpparent.governance]; importing this package registers every codec
corpparent ships, so the plug-in format (its reading, writing and JSON Schema) knows their keys.
A rule type of a council's own registers its codec the same way, with
`register`, before the plug-in format is
first used; a codec registered later is refused, never silently left out.
"""

from corpparent.files.plugin.rules import (  # noqa: F401  (each registers its codec)
    attendance,
    chair_role,
    frequency,
    max_members,
    office_holders,
    offices,
    open_to_public,
    parent_panel,
    political_balance,
    priorities,
    priority_leads,
    quorum,
    reporting_lines,
    requirements,
    role_seats,
    seats,
    six_month,
    standing_invitees,
    substitutes,
    substitution_terms,
)
from corpparent.files.plugin.rules._codec import (
    Codec,
    Context,
    FieldsCodec,
    codec,
    codec_for,
    codecs,
    register,
)

__all__ = [
    "Codec",
    "Context",
    "FieldsCodec",
    "codec",
    "codec_for",
    "codecs",
    "register",
]
