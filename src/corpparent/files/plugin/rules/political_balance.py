"""The codec of ``political_balance``: seats by political group (a table of group to
seats), the council's members by group (each composition dated, for seats in proportion
to the council), or groups that must each hold a seat; the fields of
[`PoliticalBalance`][corpparent.governance.balance.PoliticalBalance]."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from corpparent.files.plugin.rules._codec import Context, FieldsCodec, FileModel, register
from corpparent.governance.balance import PoliticalBalance
from corpparent.governance.declared import rule_type_for
from corpparent.governance.proportional import CouncilGroups


class CouncilModel(FileModel):
    """The council's members by political group, from a date until the next one."""

    since: date = Field(description="The day this composition takes effect.")
    groups: dict[str, int] = Field(min_length=1,
                                   description="Members of the council by political group.")


def _table(value: Any, context: Context) -> dict[str, int]:
    return dict(value)


def _council_read(value: Any, context: Context) -> tuple[CouncilGroups, ...]:
    return tuple(CouncilGroups(c.since, c.groups) for c in value)


def _council_written(value: Any, context: Context) -> list[dict[str, Any]]:
    return [{"since": c.since, "groups": dict(c.groups)} for c in value]


CODEC = register(FieldsCodec(rule_type_for(PoliticalBalance),
                             types={"seats_by_group": dict[str, int],
                                    "council": list[CouncilModel]},
                             reading={"council": _council_read},
                             writing={"seats_by_group": _table,
                                      "council": _council_written}))
