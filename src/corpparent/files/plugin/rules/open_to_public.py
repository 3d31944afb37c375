"""The codec of ``open_to_public``: ``true`` where the terms require the panel's
meetings to be open to the public
(`OpenToPublic`), or a table of its fields where
one differs from its default."""

from __future__ import annotations

from typing import Any

from attrs import frozen

from corpparent.files._tabular.problems import Attempts
from corpparent.files.plugin.rules._codec import Context, FileModel, Where, register
from corpparent.governance.declared import RuleType, rule_type_for
from corpparent.governance.public import OpenToPublic


class OpenToPublicModel(FileModel):
    """Meetings open to the public, items in private only as exempt information."""

    paragraph_required: bool = True


@frozen
class OpenToPublicCodec:
    """``open_to_public = true`` declares the rule, a table declares it with its fields;
    ``false`` or no key, none."""

    rule_type: RuleType

    def file_type(self) -> Any:
        return bool | OpenToPublicModel

    def read(self, value: Any, context: Context, attempt: Attempts,
             where: Where) -> tuple[object, ...] | None:
        if isinstance(value, OpenToPublicModel):
            return (OpenToPublic(value.paragraph_required),)
        return (OpenToPublic(),) if value else ()

    def write(self, rules: tuple[object, ...], context: Context) -> Any:
        if not rules:
            return None
        rule = rules[0]
        assert isinstance(rule, OpenToPublic)
        return True if rule.paragraph_required else {"paragraph_required": False}


CODEC = register(OpenToPublicCodec(rule_type_for(OpenToPublic)))
