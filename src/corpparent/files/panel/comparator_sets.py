"""Comparator sets declared as data, as an authority plug-in ships them.

A plug-in describes its authority's comparators in a mapping (read from TOML, JSON or
YAML, or written in Python); the figures usually come separately from a long-format
file ([`read_comparators`][corpparent.files.panel.comparators.read_comparators]) and are matched to
the declared comparators by name:

    {
        "authority": {"name": "Wiltshire", "code": "865", "region": "South West"},
        "statistical_neighbours": [{"name": "Hampshire", "code": "850"}, ...],
        "outstanding": [{"name": "Hampshire"}, ...],
        "comparators": [
            {"name": "England", "kind": "England", "source": "DfE, CLA 2021"},
            {"name": "South West", "kind": "region"},
        ],
    }

Every problem in the declaration is reported together, each naming the key path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from corpparent.comparators.series import Authority, Comparator, ComparatorKind
from corpparent.comparators.sets import ComparatorSet
from corpparent.errors import DataError, DefinitionError, Problem
from corpparent.files._tabular.problems import Locator, problems_from_validation

__all__ = ["AuthorityModel", "ComparatorModel", "ComparatorSetModel", "comparator_set_from_data"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class AuthorityModel(_Strict):
    """An authority as declared: name, and optionally its DfE code and region."""

    name: str = Field(min_length=1)
    code: str | None = None
    region: str | None = None

    def build(self) -> Authority:
        """The [`Authority`][corpparent.comparators.series.Authority]."""
        return Authority(self.name, self.code, self.region)


class ComparatorModel(_Strict):
    """A comparator as declared; its values may be given inline as
    ``{"indicator": ..., "period": ..., "value": ...}`` records."""

    name: str = Field(min_length=1)
    kind: ComparatorKind
    source: str = ""
    code: str | None = None
    units: dict[str, str] = Field(default_factory=dict)
    values: list[dict[str, Any]] = Field(default_factory=list)

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        return ComparatorKind.parse(value) if isinstance(value, str) else value


class ComparatorSetModel(_Strict):
    """The declaration of one authority's comparator set."""

    authority: AuthorityModel
    statistical_neighbours: list[AuthorityModel] = Field(default_factory=list)
    outstanding: list[AuthorityModel] = Field(default_factory=list)
    comparators: list[ComparatorModel] = Field(default_factory=list)


def comparator_set_from_data(
    data: Mapping[str, Any], *, source: str, values: Iterable[Comparator] = (),
    where: Locator | None = None,
) -> ComparatorSet:
    """Build a [`ComparatorSet`][corpparent.comparators.sets.ComparatorSet] from a declaration.

    A declared comparator takes its inline values, or else the values of the
    comparator of the same name in ``values`` (as read from a file); its kind and
    source are the declaration's. Raises [`DataError`][corpparent.errors.DataError] naming
    ``source`` and the key path of every problem; ``where`` (by default the whole of
    ``source``) places them on their lines.
    """
    where = where or Locator(source)
    try:
        model = ComparatorSetModel.model_validate(dict(data))
    except ValidationError as exc:
        raise DataError(problems_from_validation(exc, where, model=ComparatorSetModel)
                        ) from None
    loaded = {comparator.name: comparator for comparator in values}
    problems: list[Problem] = []
    comparators: list[Comparator] = []
    for index, declared in enumerate(model.comparators):
        at = ("comparators", index)
        try:
            if declared.values:
                series: dict[tuple[str, str], Any] = {}
                for number, record in enumerate(declared.values):
                    try:
                        key = (str(record["indicator"]), str(record["period"]))
                        series[key] = record["value"]
                    except KeyError as missing:
                        problems.append(where.problem(
                            (*at, "values", number), expected="indicator, period and value",
                            found=f"no {missing}"))
                comparators.append(Comparator(
                    declared.name, declared.kind, series, declared.source, declared.units,
                    declared.code))
                continue
            found = loaded.get(declared.name)
            comparators.append(Comparator(
                declared.name, declared.kind, found.values if found else {},
                declared.source or (found.source if found else ""),
                {**(found.units if found else {}), **declared.units}, declared.code,
            ))
        except (DefinitionError, ValueError) as exc:
            problems.append(where.problem(at, str(exc)))
    if problems:
        raise DataError(problems)
    try:
        return ComparatorSet(
            model.authority.build(),
            comparators,
            [a.build() for a in model.statistical_neighbours],
            [a.build() for a in model.outstanding],
            source,
        )
    except DefinitionError as exc:
        raise DataError([where.problem(note=str(exc))]) from None
