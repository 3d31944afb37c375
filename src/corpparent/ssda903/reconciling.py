"""Reconciling the measures computed from the return with the figures the DfE published.

For a past year, a council can put its own computed measures beside the DfE's
published local-authority figures (the Explore Education Statistics files of "Children
looked after in England including adoptions") and see every difference. The comparison
is made as the DfE publishes:

- **at the published rounding**: each figure is compared at the decimal places its
  column shows in the file (local-authority counts are published unrounded, and
  percentages to the nearest whole number), a computed value rounded half up as the
  DfE's ``round_five_up`` does, so a computed 66.66 agrees with a published ``67``;
- **with its symbols**: a published ``c`` (suppressed), ``z`` (not applicable), ``x``
  (not available), ``low`` or ``k`` (rounds to zero) is *not comparable*, never a
  difference and never a match.

[`PUBLISHED_IN`][corpparent.ssda903.reconciling.PUBLISHED_IN] names, for each measure an
EES file publishes, that file and the indicator of the shipped mapping
(``corpparent/dfe/mappings/``) whose filter values pick its rows, so the rows are
declared once; [`NOT_PUBLISHED`][corpparent.ssda903.reconciling.NOT_PUBLISHED] says why
each other measure cannot be reconciled. The published figures are read by
[`corpparent.files.read_published`][corpparent.files.read_published]; this module reads
no file.

No real return is available to the project: reconciliation is tested on invented
returns against invented "published" files. Agreement with the DfE's own figures is
shown only when a council runs it on its own real return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from fractions import Fraction
from math import floor
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.ssda903.definitions import MEASURES
from corpparent.ssda903.measuring import Unit, definition
from corpparent.ssda903.returns import collection_year
from corpparent.symbols import symbol_meaning

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "NOT_PUBLISHED",
    "PUBLISHED_IN",
    "FigureCheck",
    "Publication",
    "PublishedFigure",
    "PublishedFigures",
    "Reconciliation",
    "Status",
    "at_rounding",
    "reconcile",
]

#: The figures compared for a count, and for a percentage of a cohort.
COUNT_FIGURES: Final = ("value",)
SHARE_FIGURES: Final = ("numerator", "denominator", "value")


@final
@frozen
class Publication:
    """Where the DfE publishes a measure: the EES data ``file`` and the ``indicator`` of
    the shipped mapping of that file whose filters and columns pick its figures."""

    file: str
    indicator: str


_STABILITY: Final = "la_cla_placement_stability.csv"
_NUMBERS: Final = "cla_number_and_rate_per_10k_children.csv"

#: Each measure an EES file publishes, by measure identifier.
PUBLISHED_IN: Final[Mapping[str, Publication]] = MappingProxyType({
    "cla_31_march": Publication(_NUMBERS, "cla_number"),
    "starts": Publication(_NUMBERS, "cla_starts_number"),
    "ceased": Publication(_NUMBERS, "cla_ceased_number"),
    "placements_3plus": Publication(_STABILITY, "placements_3plus"),
    "long_term_stability": Publication(_STABILITY, "long_term_stability"),
    "care_leavers_suitable_accommodation": Publication(
        "la_care_leavers_accommodation_suitability.csv",
        "care_leavers_19_21_suitable_accommodation"),
    "care_leavers_eet": Publication("la_care_leavers_activity.csv", "care_leavers_19_21_eet"),
    "care_leavers_17_18_suitable_accommodation": Publication(
        "la_care_leavers_accommodation_suitability.csv",
        "care_leavers_17_18_suitable_accommodation"),
    "care_leavers_17_18_eet": Publication("la_care_leavers_activity.csv",
                                          "care_leavers_17_18_eet"),
})

_NO_FILE: Final = "no EES file read publishes it"

#: Why each other measure cannot be reconciled.
NOT_PUBLISHED: Final[Mapping[str, str]] = MappingProxyType({
    "oc2_health_check": _NO_FILE + "; the DfE publishes OC2 outcomes in other files",
    "oc2_immunisations": _NO_FILE + "; the DfE publishes OC2 outcomes in other files",
    "oc2_teeth_check": _NO_FILE + "; the DfE publishes OC2 outcomes in other files",
    "missing_children": _NO_FILE + "; the DfE publishes missing incidents in other files",
    "missing_incidents": _NO_FILE + "; the DfE publishes only the two counts, not "
                         "incidents per child",
})


class Status(Enum):
    """How a computed figure stands against the published one."""

    AGREE = "agree"
    """Equal at the published rounding."""
    DIFFER = "differ"
    """Not equal at the published rounding."""
    NOT_COMPARABLE = "not comparable"
    """Published as a symbol, not published for the authority or year, or computed
    otherwise than the DfE publishes it: neither a match nor a difference."""


@final
@frozen
class PublishedFigure:
    """One published cell: its number (``value``) or official ``symbol``, the decimal
    places its column shows in the file (``decimals``), and where it was read."""

    value: float | None
    symbol: str | None = None
    decimals: int = 0
    source: str = ""


def _frozen(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(dict(value))


@final
@frozen
class PublishedFigures:
    """The DfE's published figures of one local authority.

    ``figures`` holds each figure by measure, collection year (``2023-24``) and figure
    (``numerator``, ``denominator``, ``value``); ``years`` holds, for each EES file
    read, the collection years it publishes, so a year or an authority the file lacks
    is told from a file not given. ``name`` is the authority's name in the files
    (``None`` where no file has it).
    """

    authority: str
    name: str | None = None
    figures: Mapping[tuple[str, str, str], PublishedFigure] = field(
        factory=dict, converter=_frozen)
    years: Mapping[str, tuple[str, ...]] = field(factory=dict, converter=_frozen)

    @property
    def shown(self) -> str:
        """The authority as named in the files, with the code it was asked by."""
        return self.authority if self.name is None else f"{self.name} ({self.authority})"


@final
@frozen
class FigureCheck:
    """One figure of one measure: computed (at the published rounding), published, how
    they stand, the difference (computed less published) and why, where not compared."""

    figure: str
    computed: float | None
    published: PublishedFigure | None
    status: Status
    difference: float | None = None
    note: str = ""


@final
@frozen
class Reconciliation:
    """One measure of one year against the published figures: ``differ`` where any
    figure differs, ``agree`` where every figure compared agrees, otherwise ``not
    comparable``; ``note`` says why a measure is not compared at all."""

    measure: str
    year: str
    status: Status
    checks: tuple[FigureCheck, ...] = ()
    note: str = ""
    file: str | None = None


def at_rounding(numerator: int, denominator: int | None, unit: Unit,
                decimals: int) -> float | None:
    """A measure's value (``unit`` of its counts) rounded half up to ``decimals``
    places, worked exactly from the counts; ``None`` where the denominator is 0."""
    if unit is Unit.COUNT:
        exact = Fraction(numerator)
    elif not denominator:
        return None
    else:
        exact = Fraction(numerator, denominator) * (100 if unit is Unit.PERCENT else 1)
    scale = Fraction(10) ** decimals
    return float(Fraction(floor(exact * scale + Fraction(1, 2))) / scale)


def _compare(name: str, computed: float | None, published: PublishedFigure) -> FigureCheck:
    if published.symbol is not None:
        return FigureCheck(name, computed, published, Status.NOT_COMPARABLE,
                           note=f"published as {published.symbol} "
                                f"({symbol_meaning(published.symbol)})")
    assert published.value is not None
    if computed is None:
        return FigureCheck(name, None, published, Status.DIFFER,
                           note="computed has no value (its denominator is 0)")
    difference = round(computed - published.value, max(published.decimals, 0))
    same = abs(difference) < 10 ** -(published.decimals + 3)
    return FigureCheck(name, computed, published, Status.AGREE if same else Status.DIFFER,
                       difference=0.0 if same else difference)


def _computed(name: str, row: Mapping[str, Any], unit: Unit, decimals: int) -> float | None:
    numerator, denominator = row["numerator"], row["denominator"]
    if name == "numerator":
        return at_rounding(numerator, None, Unit.COUNT, decimals)
    if name == "denominator":
        return None if denominator is None else at_rounding(denominator, None, Unit.COUNT,
                                                            decimals)
    return at_rounding(numerator, denominator, unit, decimals)


def _why_not(row: Mapping[str, Any], published: PublishedFigures) -> str | None:
    """Why a computed row is not compared at all, or ``None`` if it is."""
    measure, year = row["measure"], row["year"]
    reason = NOT_PUBLISHED.get(measure)
    if reason is not None:
        return reason
    if measure not in PUBLISHED_IN:
        return "no published file is mapped for it"
    chosen = collection_year(year)
    if row["as_at"] != chosen.end.isoformat():
        return (f"taken at {row['as_at']}; the DfE publishes the year's figures at "
                f"{chosen.end.isoformat()}")
    if definition(measure, chosen) is not MEASURES[measure]:
        return (f"computed by the definition in force for {year} "
                f"({definition(measure, chosen).title}), while the published file gives "
                f"every year by the current one ({MEASURES[measure].title})")
    file = PUBLISHED_IN[measure].file
    if file not in published.years:
        return f"{file} is not among the published files read"
    if year not in published.years[file]:
        held = ", ".join(published.years[file]) or "no year"
        return f"{file} publishes {held}, not {year}"
    return None


def _reconcile_row(row: Mapping[str, Any], published: PublishedFigures) -> Reconciliation:
    measure, year = row["measure"], row["year"]
    reason = _why_not(row, published)
    file = PUBLISHED_IN[measure].file if measure in PUBLISHED_IN else None
    if reason is not None:
        return Reconciliation(measure, year, Status.NOT_COMPARABLE, note=reason, file=file)
    unit = definition(measure, year).unit
    names = COUNT_FIGURES if unit is Unit.COUNT else SHARE_FIGURES
    checks = []
    for name in names:
        found = published.figures.get((measure, year, name))
        if found is None:
            checks.append(FigureCheck(
                name, _computed(name, row, unit, 0), None, Status.NOT_COMPARABLE,
                note=f"{published.shown} has no row for it in {file}"))
            continue
        checks.append(_compare(name, _computed(name, row, unit, found.decimals), found))
    statuses = {check.status for check in checks}
    status = Status.DIFFER if Status.DIFFER in statuses else (
        Status.AGREE if Status.AGREE in statuses else Status.NOT_COMPARABLE)
    return Reconciliation(measure, year, status, tuple(checks), file=file)


def reconcile(measures_table: pa.Table | Iterable[Mapping[str, Any]],
              published: PublishedFigures) -> tuple[Reconciliation, ...]:
    """Each measure of ``measures_table`` (the tidy table of
    [`measures`][corpparent.ssda903.measuring.measures], or its rows) against the
    ``published`` figures of the authority, in the table's order.

    A measure the EES files do not publish, one taken at a day other than 31 March,
    one computed by a definition other than the file's, and one whose file, year or
    authority was not read are each *not comparable*, the reason said.
    """
    rows = measures_table.to_pylist() if hasattr(measures_table, "to_pylist") \
        else list(measures_table)
    needed = {"measure", "year", "as_at", "numerator", "denominator", "value"}
    for row in rows:
        lacking = sorted(needed - set(row))
        if lacking:
            raise DefinitionError(f"a measures table needs the columns {', '.join(lacking)}; "
                                  "expected the table corpparent.ssda903.measures gives")
    return tuple(_reconcile_row(row, published) for row in rows)
