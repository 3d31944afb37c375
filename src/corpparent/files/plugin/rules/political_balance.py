"""The codec of ``political_balance``: seats by political group (a table of group to
seats), or groups that must each hold a seat; the fields of
[`PoliticalBalance`][corpparent.governance.balance.PoliticalBalance]."""

from __future__ import annotations

from typing import Any

from corpparent.files.plugin.rules._codec import Context, FieldsCodec, register
from corpparent.governance.balance import PoliticalBalance
from corpparent.governance.declared import rule_type_for


def _table(value: Any, context: Context) -> dict[str, int]:
    return dict(value)


CODEC = register(FieldsCodec(rule_type_for(PoliticalBalance),
                             types={"seats_by_group": dict[str, int]},
                             writing={"seats_by_group": _table}))
