"""Reading the statistical-neighbour model: the 2025 model, or the April 2021 groupings.

The model itself is `corpparent.dfe.neighbours`.
"""

from __future__ import annotations

from typing import Annotated, Final

from attrs import frozen
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from corpparent.dfe.areas import REGION_CODES, Area, Areas, Level
from corpparent.dfe.neighbours import NEIGHBOURS, Closeness, Neighbour, StatisticalNeighbours
from corpparent.errors import DataError, Problem
from corpparent.files._tabular.problems import in_file_order
from corpparent.files._tabular.records import RawRecord, validate_records
from corpparent.files._tabular.tables import TableSource, records_of

__all__ = ["LAYOUT_2021", "LAYOUT_2025", "read_neighbours"]

_CLOSENESS = {c.value.casefold(): c for c in Closeness}


def _closeness(value: object) -> Closeness:
    if isinstance(value, str) and (found := _CLOSENESS.get(" ".join(value.split()).casefold())):
        return found
    raise ValueError("expected one of " + ", ".join(repr(c.value) for c in Closeness))


def _code(value: str) -> str:
    if not (len(value) == 3 and value.isdigit()):
        raise ValueError(f"expected a three-digit LA code, got {value!r}")
    return value


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    old_la_code: str = Field(pattern=r"^\d{3}$")
    la_name: str = Field(min_length=1)
    region_name: str
    codes: tuple[Annotated[str, AfterValidator(_code)], ...]
    closeness: tuple[Annotated[Closeness, BeforeValidator(_closeness)], ...]


@frozen
class _Layout:
    """Where one edition of the model keeps each thing."""

    code: str
    name: str
    region: str
    neighbours: tuple[str, ...]
    closeness: tuple[str, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return (self.code, self.name, self.region, *self.neighbours, *self.closeness)

    @property
    def fields(self) -> dict[str, str]:
        """The column of each field of a grouping: ``codes.3`` is the fourth neighbour's."""
        return {
            "old_la_code": self.code, "la_name": self.name, "region_name": self.region,
            "codes": f"{self.neighbours[0]}..{self.neighbours[-1]}",
            "closeness": f"{self.closeness[0]}..{self.closeness[-1]}",
            **{f"codes.{i}": column for i, column in enumerate(self.neighbours)},
            **{f"closeness.{i}": column for i, column in enumerate(self.closeness)},
        }


#: The 2025 model (``sn_model_2025_wide.csv``): SN_1..SN_10 with SN_1P..SN_10P.
LAYOUT_2025: Final = _Layout(
    "old_la_code", "la_name", "region_name",
    tuple(f"SN_{i}" for i in range(1, NEIGHBOURS + 1)),
    tuple(f"SN_{i}P" for i in range(1, NEIGHBOURS + 1)),
)
#: The April 2021 groupings: SN1..SN10, each followed by a column headed SNP (read as
#: SNP, SNP.1 .. SNP.9, as duplicate headings are).
LAYOUT_2021: Final = _Layout(
    "LA num", "LA Name", "GOReg",
    tuple(f"SN{i}" for i in range(1, NEIGHBOURS + 1)),
    ("SNP", *(f"SNP.{i}" for i in range(1, NEIGHBOURS))),
)


def read_neighbours(path: TableSource) -> StatisticalNeighbours:
    """Read a wide statistical-neighbour model: the 2025 model's layout, or that of the
    April 2021 groupings (``New_Statistical_Neighbour_Groupings_April_2021.csv``).

    Each neighbour must be an authority of the same file, not the authority itself, and
    listed once; every problem is collected into one
    [`DataError`][corpparent.errors.DataError].
    """
    records = records_of(path, required=(), unknown_columns="keep", normalise_header=False)
    layout = LAYOUT_2021 if "SN1" in records.header else LAYOUT_2025
    records.require(layout.columns)
    source = records.source
    # A line with no code and no neighbours holds no grouping (the 2021 file has a blank
    # line and an "Old SNs:" heading before the groupings of abolished authorities).
    listed = [record for record in records if record.problem is not None or any(
        record.fields[c] for c in (layout.code, *layout.neighbours))]
    valid, problems = validate_records(
        _Row, records.with_records(_grouping(record, layout) for record in listed),
        columns=layout.fields)
    # Every authority listed, even on a row with a problem, so one bad cell is one problem.
    areas = Areas(
        Area(cells[layout.code], cells[layout.name], Level.LOCAL_AUTHORITY,
             region=REGION_CODES.get(cells[layout.region]))
        for cells in (record.fields for record in listed if record.problem is None)
    )
    neighbours: dict[str, tuple[Neighbour, ...]] = {}
    first_line: dict[str, int] = {}
    for raw, row in valid:
        line = raw.row
        earlier = first_line.setdefault(row.old_la_code, line)
        if earlier != line:  # a second grouping would replace the first unseen
            problems.append(Problem(source, f"authority {row.old_la_code} is listed again; "
                                    f"its neighbours are first given at line {earlier}",
                                    line=line, field=layout.code))
            continue
        found: list[Neighbour] = []
        for rank, (code, closeness) in enumerate(zip(row.codes, row.closeness, strict=True), 1):
            column = layout.neighbours[rank - 1]
            area = areas.get(code)
            if area is None:
                problems.append(Problem(source, f"neighbour {code} is not an authority of the "
                                        "model", line=line, field=column))
            elif code == row.old_la_code or any(n.code == code for n in found):
                problems.append(Problem(source, f"neighbour {code} is the authority itself or "
                                        "is listed twice", line=line, field=column))
            else:
                found.append(Neighbour(rank, area, closeness))
        neighbours[row.old_la_code] = tuple(found)
    if problems:
        raise DataError(in_file_order(problems))
    return StatisticalNeighbours(source, neighbours, areas)


def _grouping(record: RawRecord, layout: _Layout) -> RawRecord:
    """A line of the model with its neighbours and closeness gathered in rank order."""
    if record.problem is not None:
        return record
    cells = record.fields
    return RawRecord(record.source, record.row, {
        "old_la_code": cells[layout.code],
        "la_name": cells[layout.name],
        "region_name": cells[layout.region],
        "codes": tuple(cells[c] for c in layout.neighbours),
        "closeness": tuple(cells[c] for c in layout.closeness),
    })
