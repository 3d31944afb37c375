"""The governance tables of a plug-in file: the panel's constitution, membership and meetings.

``[constitution]`` holds what the terms of reference require, as a
[`Constitution`][corpparent.governance.Constitution]: the panel, and one key per rule type
(seats by class, offices, the role the chair must hold, priorities and who must lead
them, requirements such as training, the quorum, the meeting frequency, an attendance
threshold...). Each rule type's key is read, written and described by its one codec in
`corpparent.files.plugin.rules`; the table's model is made from those codecs.
``[membership]`` and ``[[meetings]]`` use the governance file formats (see
[`membership_from_data`][corpparent.files.panel.membership.membership_from_data] and
[`meetings_from_data`][corpparent.files.panel.meetings.meetings_from_data]), so a membership or
meetings JSON file and a plug-in file hold the same keys.

Constitution priorities and membership leads may name a priority by its ``[[priorities]]``
identifier; it is read as that priority's title.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from pydantic import Field, create_model

from corpparent.files._tabular.problems import Attempts
from corpparent.files.panel.meetings import meetings_from_data
from corpparent.files.panel.membership import membership_from_data
from corpparent.files.plugin.rules import Context, codecs
from corpparent.files.plugin.rules._codec import FileModel, in_use
from corpparent.governance.constitution import Constitution
from corpparent.governance.meetings import MeetingKind, Meetings
from corpparent.governance.membership import Membership
from corpparent.governance.terms import Clause

__all__ = [
    "ConstitutionFields",
    "ConstitutionModel",
    "build_constitution",
    "build_meetings",
    "build_membership",
]


class ConstitutionFields(FileModel):
    """The keys of ``[constitution]`` that belong to no rule."""

    panel: str = Field(min_length=1)
    not_stated: list[Clause] = Field(
        default_factory=list, description="Clauses the terms of reference do not state.")
    frequency_counts: list[MeetingKind] = Field(
        default_factory=lambda: [MeetingKind.FORMAL],
        description="The kinds of meeting that count towards the meeting frequency.")
    source: str = ""


def _constitution_model() -> type[ConstitutionFields]:
    """The ``[constitution]`` table's model: its own keys, and one key per codec."""
    keys: dict[str, Any] = {c.rule_type.key: (c.file_type() | None, None) for c in in_use()}
    model: type[ConstitutionFields] = create_model(
        "ConstitutionModel", __base__=ConstitutionFields,
        __doc__="The ``[constitution]`` table: what the panel's terms of reference require.",
        **keys)
    return model


if TYPE_CHECKING:
    class ConstitutionModel(ConstitutionFields):
        """The ``[constitution]`` table (its rule keys come from the codecs)."""
else:
    ConstitutionModel = _constitution_model()


def build_constitution(model: ConstitutionFields, titles: Mapping[str, str],
                       attempt: Attempts,
                       where: tuple[str | int, ...] = ("constitution",)) -> Constitution | None:
    """The constitution ``model`` declares at key path ``where``, each key read by its
    rule type's codec; each problem is placed by ``attempt``."""
    failed = attempt.failed
    context = Context(titles=titles)
    rules: list[object] = []
    off: list[str] = []
    for codec in codecs():
        key = codec.rule_type.key
        value = getattr(model, key, None)
        if value is False:
            off.append(key)
        elif value is not None:
            rules.extend(codec.read(value, context, attempt, (*where, key)) or ())
    if attempt.failed > failed:
        return None
    return attempt(where, partial(
        Constitution, model.panel, rules,  # type: ignore[arg-type]
        frequency_counts=model.frequency_counts, source=model.source,
        not_stated=model.not_stated, switched_off=off))


def build_membership(raw: Mapping[str, Any], titles: Mapping[str, str],
                     attempt: Attempts) -> Membership | None:
    """The membership of the ``[membership]`` table, read by the membership reader; its
    problems are placed by ``attempt`` (on the plug-in file's lines)."""
    data = dict(raw)
    data["leads"] = [{**lead, "priority": titles.get(lead.get("priority"), lead.get("priority"))}
                     for lead in raw.get("leads", [])]
    where = attempt.where
    return attempt(("membership",), partial(
        membership_from_data, data, source=where.source, where=where.under("membership")))


def build_meetings(raw: Sequence[Mapping[str, Any]], attempt: Attempts) -> Meetings | None:
    """The meetings of the ``[[meetings]]`` tables, read by the meetings reader; its
    problems are placed by ``attempt`` (on the plug-in file's lines)."""
    where = attempt.where
    return attempt(("meetings",), partial(
        meetings_from_data, list(raw), source=where.source, where=where.under("meetings")))
