"""The codec of ``priorities``: the priorities every lead covers, a list of the file's
priority identifiers (or titles), read as titles and written back as identifiers."""

from __future__ import annotations

from typing import Any

from corpparent.files.plugin.rules._codec import Context, FieldsCodec, register
from corpparent.governance.composition import PrioritiesHaveLeads
from corpparent.governance.declared import rule_type_for


def _titles(value: Any, context: Context) -> tuple[str, ...]:
    return tuple(context.titles.get(p, p) for p in value)


def _ids(value: Any, context: Context) -> list[str]:
    return [context.ids.get(p, p) for p in value]


CODEC = register(FieldsCodec(rule_type_for(PrioritiesHaveLeads),
                             reading={"priorities": _titles}, writing={"priorities": _ids}))
