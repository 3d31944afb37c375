"""The codec of ``[constitution.quorum]``: ``all`` (or ``any``) of its ``parts``, each a
fraction of a class of members (``{member_class = "core councillor", fraction = "75%",
seats = 8}``) or a minimum number present (``{minimum = 3}``).

A part counts voting members only unless it says ``voting_only = false`` (the terms
count non-voting members too); a part is written with ``voting_only`` always, so the
file says which. A quorum is a rule made of rules, so its table is written here; each
part's keys are still the fields of its class
([`ClassQuorum`][corpparent.governance.quorum.ClassQuorum],
[`MinimumPresent`][corpparent.governance.quorum.MinimumPresent]). Deeper combinations need a plug-in
written in Python.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Literal

from attrs import frozen
from pydantic import Field

from corpparent.errors import DefinitionError
from corpparent.files._tabular.problems import Attempts
from corpparent.files.plugin.rules._codec import (
    Context,
    FileModel,
    Where,
    fields_model,
    fields_of,
    register,
    table_of,
)
from corpparent.findings import AllOf, AnyOf, Rule
from corpparent.governance.declared import RuleType, rule_type_for
from corpparent.governance.meetings import Sitting
from corpparent.governance.quorum import ClassQuorum, MinimumPresent, Quorum

__all__ = ["CODEC"]

_PARTS: dict[type, type[FileModel]] = {
    ClassQuorum: fields_model(ClassQuorum, {"fraction": str | float}, "ClassQuorumModel"),
    MinimumPresent: fields_model(MinimumPresent, name="MinimumPresentModel"),
}
_PART_TYPE: Any = _PARTS[ClassQuorum] | _PARTS[MinimumPresent]


class QuorumModel(FileModel):
    """``all`` (or ``any``) of the parts must be met for the meeting to be quorate."""

    combine: Literal["all", "any"] = "all"
    parts: list[_PART_TYPE] = Field(min_length=1)
    label: str | None = None
    consequence: str | None = Field(None, description="What the constitution says follows.")
    source: str = ""


_NO_HOOKS: dict[str, Any] = {}


@frozen
class QuorumCodec:
    """Reads and writes a [`Quorum`][corpparent.governance.quorum.Quorum]."""

    rule_type: RuleType

    def file_type(self) -> Any:
        return QuorumModel

    def read(self, value: Any, context: Context, attempt: Attempts,
             where: Where) -> tuple[object, ...] | None:
        table: QuorumModel = value
        parts: list[Rule[Sitting] | None] = []
        for index, part in enumerate(table.parts):
            kind = next(k for k, model in _PARTS.items() if isinstance(part, model))
            parts.append(attempt((*where, "parts", index), partial(
                kind, **fields_of(part, _NO_HOOKS, context))))
        built = [p for p in parts if p is not None]
        if len(built) != len(parts):
            return None
        requirement: Rule[Sitting]
        if len(built) == 1 and table.label is None:
            requirement = built[0]
        elif table.combine == "all":
            requirement = AllOf(tuple(built), table.label)
        else:
            requirement = AnyOf(tuple(built), table.label)
        quorum = attempt(where, partial(Quorum, requirement, table.consequence,
                                        source=table.source))
        return None if quorum is None else (quorum,)

    def write(self, rules: tuple[object, ...], context: Context) -> Any:
        if not rules:
            return None
        quorum = rules[0]
        assert isinstance(quorum, Quorum)
        requirement = quorum.requirement
        if isinstance(requirement, AllOf | AnyOf):
            combine = "all" if isinstance(requirement, AllOf) else "any"
            parts, label = requirement.rules, requirement.label
        else:
            combine, parts, label = "all", (requirement,), None
        table = {"combine": combine, "parts": [_part(p) for p in parts], "label": label,
                 "consequence": quorum.consequence, "source": quorum.source or None}
        return {k: v for k, v in table.items() if v is not None}


def _part(rule: Rule[Sitting]) -> dict[str, Any]:
    if type(rule) not in _PARTS or not isinstance(rule, ClassQuorum | MinimumPresent):
        raise DefinitionError(f"a quorum part {type(rule).__name__} cannot be written in a "
                              "plug-in file; write the plug-in in Python")
    # Whether a part counts voting members only is written even at its default, so the
    # plug-in's data says which members its quorum counts.
    return {**table_of(rule, _NO_HOOKS, Context()), "voting_only": rule.voting_only}



CODEC = register(QuorumCodec(rule_type_for(Quorum)))
