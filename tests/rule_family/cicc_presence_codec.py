"""The plug-in file codec of the Children in Care Council presence rule: its fields say
it all but one, the minimum, written "50%", "1/2" or 0.5."""

from __future__ import annotations

from cicc_presence import CICC_PRESENCE

from corpparent.files.plugin.rules import FieldsCodec, register

CODEC = register(FieldsCodec(CICC_PRESENCE, types={"minimum": str | float}))
