"""Ofsted's inspection outcomes for local authority children's services (ILACS).

Ofsted's official statistics "Local authority inspection outcomes as at 31 March 2025"
list every authority's latest inspection: area code (ONS), name, Ofsted region,
inspection and publication dates, the overall effectiveness judgement and four
sub-judgements. The authorities judged Outstanding overall are the comparator set
panels use: "those authorities who have received an 'Outstanding' Ofsted assessment"
(Wiltshire CPP annual report 2022-23, §16).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Final, final

from attrs import frozen
from pydantic import BaseModel, ConfigDict, Field, field_validator

from corpparent.dfe.areas import Areas, known_areas
from corpparent.errors import DataError
from corpparent.files.records import read_records, validate_records

__all__ = ["Inspection", "InspectionOutcomes", "Judgement", "read_ofsted"]


class Judgement(Enum):
    """An Ofsted judgement, in Ofsted's words."""

    OUTSTANDING = "Outstanding"
    GOOD = "Good"
    REQUIRES_IMPROVEMENT = "Requires improvement to be good"
    INADEQUATE = "Inadequate"

    def __str__(self) -> str:
        return self.value


COLUMNS: Final = {
    "code": "Local authority area code",
    "name": "Local authority name",
    "region": "Ofsted region",
    "inspected": "Inspection date",
    "published": "Publication date",
    "overall": "Overall effectiveness",
    "leaders": "The impact of leaders on social work practice with children and families",
    "help_and_protection": "The experiences and progress of children who need help and "
    "protection",
    "children_in_care": "The experiences and progress of children in care",
    "care_leavers": "The experiences and progress of care leavers",
}


class _Row(BaseModel):
    """One line of the table, read under its published column headings."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    code: str = Field(alias=COLUMNS["code"], pattern=r"^E\d{8}$")
    name: str = Field(alias=COLUMNS["name"], min_length=1)
    region: str = Field(alias=COLUMNS["region"])
    inspected: date = Field(alias=COLUMNS["inspected"])
    published: date = Field(alias=COLUMNS["published"])
    overall: Judgement = Field(alias=COLUMNS["overall"])
    leaders: Judgement = Field(alias=COLUMNS["leaders"])
    help_and_protection: Judgement = Field(alias=COLUMNS["help_and_protection"])
    children_in_care: Judgement = Field(alias=COLUMNS["children_in_care"])
    care_leavers: Judgement | None = Field(alias=COLUMNS["care_leavers"])

    @field_validator("care_leavers", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        # Care leavers were judged separately only from inspections from January 2023.
        return None if value == "" else value


@final
@frozen
class Inspection:
    """One authority's latest inspection. ``care_leavers`` is None when not judged apart."""

    ons_code: str
    name: str
    region: str
    inspected: date
    published: date
    overall: Judgement
    leaders: Judgement
    help_and_protection: Judgement
    children_in_care: Judgement
    care_leavers: Judgement | None


@final
class InspectionOutcomes:
    """Every authority's latest inspection, from one release."""

    __slots__ = ("_inspections", "source")

    def __init__(self, source: str, inspections: tuple[Inspection, ...]) -> None:
        self.source = source
        self._inspections = inspections

    def judged(self, judgement: Judgement = Judgement.OUTSTANDING) -> tuple[Inspection, ...]:
        """The authorities whose overall effectiveness is ``judgement``."""
        return tuple(i for i in self._inspections if i.overall is judgement)

    def codes(self, judgement: Judgement = Judgement.OUTSTANDING,
              areas: Areas | None = None) -> frozenset[str]:
        """The old LA codes of the authorities so judged, looked up by ONS code or name.

        ``areas`` defaults to :func:`~corpparent.dfe.areas.known_areas`. Raises
        :class:`~corpparent.dfe.areas.UnknownAreaError` naming an authority it lacks.
        """
        areas = known_areas() if areas is None else areas
        return frozenset(
            (areas.get(i.ons_code) or areas[i.name]).code for i in self.judged(judgement)
        )

    def get(self, name_or_code: str) -> Inspection | None:
        """The inspection of an authority given by ONS code or name (any case)."""
        wanted = name_or_code.casefold()
        return next((i for i in self._inspections
                     if wanted in (i.ons_code.casefold(), i.name.casefold())), None)

    def __iter__(self) -> Iterator[Inspection]:
        return iter(self._inspections)

    def __len__(self) -> int:
        return len(self._inspections)

    def __repr__(self) -> str:
        return f"InspectionOutcomes({len(self)} authorities from {self.source})"


def read_ofsted(path: str | Path) -> InspectionOutcomes:
    """Read Ofsted's outcomes table (CSV with the published column headings)."""
    records = read_records(path, required=tuple(COLUMNS.values()), unknown_columns="keep",
                           normalise_header=False)
    valid, problems = validate_records(_Row, records)
    if problems:
        raise DataError(problems)
    inspections = (Inspection(ons_code=row.code, **row.model_dump(exclude={"code"}))
                   for _, row in valid)
    return InspectionOutcomes(records.source, tuple(inspections))
