"""Reading Ofsted's published table of inspection outcomes (ILACS), as CSV.

The outcomes themselves are `corpparent.dfe.ofsted`.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, field_validator

from corpparent.dfe.ofsted import Inspection, InspectionOutcomes, Judgement
from corpparent.errors import DataError
from corpparent.files._tabular.problems import in_file_order
from corpparent.files._tabular.records import validate_records
from corpparent.files._tabular.tables import TableSource, records_of

__all__ = ["COLUMNS", "read_ofsted"]

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


def read_ofsted(path: TableSource) -> InspectionOutcomes:
    """Read Ofsted's outcomes table (CSV with the published column headings)."""
    records = records_of(path, required=tuple(COLUMNS.values()), unknown_columns="keep",
                           normalise_header=False)
    valid, problems = validate_records(_Row, records)
    first_line: dict[str, int] = {}
    for raw, row in valid:
        earlier = first_line.setdefault(row.code, raw.row)
        if earlier != raw.row:  # one authority's outcomes twice: neither can be chosen
            problems.append(raw.problem_at(COLUMNS["code"], f"a second row for {row.code}; "
                                           f"the first is at line {earlier}"))
    if problems:
        raise DataError(in_file_order(problems))
    valid = [(raw, row) for raw, row in valid if first_line[row.code] == raw.row]
    inspections = (Inspection(ons_code=row.code, **row.model_dump(exclude={"code"}))
                   for _, row in valid)
    return InspectionOutcomes(records.source, tuple(inspections))
