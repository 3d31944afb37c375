"""One codec per rule type: how a rule is read from, written to and described in a
plug-in file's ``[constitution]`` table, all from one object.

A rule class is an attrs class, so its fields already say what a file may hold: a
`FieldsCodec` derives the pydantic model that validates the key (and so its
JSON Schema), builds the rule from the validated values through the class's own
converters and validators, and writes a rule back as the same keys, leaving out every
field at its default. The plug-in format is configured once, here: enums are written
as their values, tuples as lists, exact fractions as text ("75%"). A codec module
names only what its rule's fields do not say: a field whose file type differs from its
class's type (a fraction read from "75%" or 0.75), or a value that is written in other
words in a file (a priority by its identifier).

Every codec is registered once with `register`; `codecs` lists them in the
order their rule types are reviewed.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from fractions import Fraction
from functools import partial
from typing import Any, Literal, Protocol, Union

import attrs
from attrs import frozen
from pydantic import BaseModel, ConfigDict, Field, create_model

from corpparent.errors import DefinitionError
from corpparent.files._tabular.problems import Attempts
from corpparent.governance._fractions import fraction_text
from corpparent.governance.declared import RuleType, rule_type_of, rule_types

__all__ = ["Codec", "Context", "FieldsCodec", "codec", "codecs", "in_use", "plain", "register"]

Where = tuple[str | int, ...]


class FileModel(BaseModel):
    """A table of a plug-in file: unknown keys are errors; values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@frozen
class Context:
    """What a codec may need beyond its own table: ``titles`` of the file's priorities
    by identifier (reading), and their ``ids`` by title (writing)."""

    titles: Mapping[str, str] = attrs.field(factory=dict)
    ids: Mapping[str, str] = attrs.field(factory=dict)


class Codec(Protocol):
    """Reads, writes and describes the rules of one rule type under its key."""

    @property
    def rule_type(self) -> RuleType:
        """The rule type the codec is for."""
        ...

    def file_type(self) -> Any:
        """The type the key's value is validated as: a pydantic model, a list of them,
        or a shorthand value (its JSON Schema is the key's)."""
        ...

    def read(self, value: Any, context: Context, attempt: Attempts,
             where: Where) -> tuple[object, ...] | None:
        """The rules ``value`` (as validated) declares; None when one failed, its
        problem placed by ``attempt`` under ``where``."""
        ...

    def write(self, rules: tuple[object, ...], context: Context) -> Any:
        """The value of the key for ``rules`` (None: the key is left out)."""
        ...


def plain(value: Any) -> Any:
    """``value`` in the plug-in format's terms: enums as values, tuples as lists,
    fractions as text, mappings as tables."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Fraction):
        return fraction_text(value)
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def _file_type(hint: Any, where: str) -> Any:
    """The file type of a field's type: tuples become lists, the rest is kept."""
    origin = typing.get_origin(hint)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return list[_file_type(args[0], where)]  # type: ignore[misc]
    elif origin in (Union, types.UnionType):
        return Union[tuple(_file_type(a, where) for a in typing.get_args(hint))]  # noqa: UP007
    elif origin is None and (hint in (str, int, bool, float, type(None))
                             or (isinstance(hint, type) and issubclass(hint, Enum))):
        return hint
    raise DefinitionError(f"{where} has no file type: give it one in the codec's 'types'")


def _default(field: attrs.Attribute[Any]) -> Any:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


def fields_model(rule: type, types_: Mapping[str, Any] | None = None,
                 name: str | None = None) -> type[FileModel]:
    """The pydantic model of ``rule``'s attrs fields, each optional where the field has
    a default; ``types_`` gives the file type of a field whose class type is not one."""
    hints = typing.get_type_hints(rule)
    given = types_ or {}
    fields: dict[str, Any] = {}
    for field in attrs.fields(rule):
        if not field.init:
            continue
        where = f"{rule.__name__}.{field.name}"
        kind = given.get(field.name) or _file_type(hints[field.name], where)
        if field.default is attrs.NOTHING:
            fields[field.name] = (kind, ...)
        else:
            fields[field.name] = (kind, Field(default=plain(_default(field))))
    doc = (rule.__doc__ or "").strip().split("\n\n")[0]
    model: type[FileModel] = create_model(
        name or f"{rule.__name__}Model", __base__=FileModel, __doc__=doc, **fields)
    return model


def fields_of(table: BaseModel, hooks: Mapping[str, Callable[[Any, Context], Any]],
              context: Context) -> dict[str, Any]:
    """The keyword arguments a validated ``table`` gives: only the keys the file set,
    lists as tuples, each passed through its reading hook."""
    found = {}
    for name in table.model_fields_set:
        value = getattr(table, name)
        value = tuple(value) if isinstance(value, list) else value
        hook = hooks.get(name)
        found[name] = value if hook is None else hook(value, context)
    return found


def table_of(rule: object, hooks: Mapping[str, Callable[[Any, Context], Any]],
             context: Context) -> dict[str, Any]:
    """``rule``'s fields as a table, leaving out each at its default."""
    table = {}
    kind: Any = type(rule)
    for field in attrs.fields(kind):
        value = getattr(rule, field.name)
        if not field.init or (field.default is not attrs.NOTHING
                              and value == _default(field)):
            continue
        hook = hooks.get(field.name)
        table[field.name] = plain(value if hook is None else hook(value, context))
    return table


@frozen
class FieldsCodec:
    """The codec an attrs rule class's fields give (see the module's docstring).

    ``types`` names the file type of fields whose class type is not one;
    ``reading`` and ``writing`` map a field to the hook that reads it from, or writes
    it to, the file's words.
    """

    rule_type: RuleType
    types: Mapping[str, Any] = attrs.field(factory=dict)
    reading: Mapping[str, Callable[[Any, Context], Any]] = attrs.field(factory=dict)
    writing: Mapping[str, Callable[[Any, Context], Any]] = attrs.field(factory=dict)
    table_model: type[FileModel] = attrs.field(init=False, eq=False)
    """The model of the rule's table, derived once from its fields."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "table_model",
                           fields_model(self.rule_type.rule, self.types))

    def file_type(self) -> Any:
        kind = self.rule_type
        table: Any = self.table_model
        if kind.shorthand is not None:
            short = self.table_model.model_fields[kind.shorthand].annotation
            table = Union[short, table]  # noqa: UP007
        if kind.many:
            return list[table]
        if kind.default is not None:
            return Union[table, Literal[False]]  # noqa: UP007
        return table

    def _one(self, value: Any, context: Context, attempt: Attempts,
             where: Where) -> object | None:
        if isinstance(value, BaseModel):
            found = fields_of(value, self.reading, context)
        else:
            name = self.rule_type.shorthand
            assert name is not None
            found = fields_of(self.table_model(**{name: value}), self.reading, context)
        return attempt(where, partial(self.rule_type.rule, **found))

    def read(self, value: Any, context: Context, attempt: Attempts,
             where: Where) -> tuple[object, ...] | None:
        if value == [] and not self.rule_type.many:
            return ()  # a shorthand list left empty declares nothing
        values = list(value) if self.rule_type.many else [value]
        at = [(*where, i) for i in range(len(values))] if self.rule_type.many else [where]
        built = [self._one(v, context, attempt, w) for v, w in zip(values, at, strict=True)]
        kept = tuple(b for b in built if b is not None)
        return kept if len(kept) == len(built) else None

    def write(self, rules: tuple[object, ...], context: Context) -> Any:
        kind = self.rule_type
        tables = [table_of(r, self.writing, context) for r in rules]
        short = kind.shorthand
        if short is not None:
            hook = self.writing.get(short)
            values = [getattr(r, short) for r in rules]
            shown = [plain(v if hook is None else hook(v, context)) for v in values]
            tables = [v if set(t) <= {short} else {short: v, **t}
                      for v, t in zip(shown, tables, strict=True)]
        if kind.many:
            return tables or None
        if not tables:
            return False if kind.default is not None else None
        if kind.default is not None and not tables[0]:
            return None  # the rule in force by default, as it is
        return tables[0]


_CODECS: dict[str, Codec] = {}
_IN_USE: list[bool] = []


def register(codec: Codec) -> Codec:
    """Register ``codec`` for its rule type (once, from its codec module), before the
    plug-in format is first used: a codec registered later would be left out of the
    format, so it is refused."""
    key = codec.rule_type.key
    if key in _CODECS and _CODECS[key] is not codec:
        raise DefinitionError(f"a codec for the constitution's {key!r} is registered twice")
    if _IN_USE and key not in _CODECS:
        raise DefinitionError(
            f"the codec for the constitution's {key!r} is registered after the plug-in "
            "format was first used: import its module before reading plug-in files")
    _CODECS[key] = codec
    return codec


def in_use() -> tuple[Codec, ...]:
    """The codecs of the plug-in format, now fixed: `codecs`, after which no
    codec may be registered."""
    _IN_USE[:] = [True]
    return codecs()


def codecs() -> tuple[Codec, ...]:
    """Every codec registered, in the review order of their rule types."""
    order = {t.key: i for i, t in enumerate(rule_types())}
    return tuple(sorted(_CODECS.values(), key=lambda c: order.get(c.rule_type.key, 0)))


def codec(key: str) -> Codec | None:
    """The codec registered for the rule type ``key``, if any."""
    return _CODECS.get(key)


def codec_for(rule: object) -> Codec:
    """The codec of ``rule``'s type; a rule of a type with none cannot be written."""
    kind = rule_type_of(rule)
    found = _CODECS.get(kind.key)
    if found is None:
        raise DefinitionError(f"a {type(rule).__name__} cannot be written in a plug-in file: "
                              f"no codec is registered for the constitution's {kind.key!r}")
    return found

