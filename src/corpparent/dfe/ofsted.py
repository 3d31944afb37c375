"""Ofsted's inspection outcomes for local authority children's services (ILACS).

Ofsted's official statistics "Local authority inspection outcomes as at 31 March 2025"
list every authority's latest inspection: area code (ONS), name, Ofsted region,
inspection and publication dates, the overall effectiveness judgement and four
sub-judgements. The authorities judged Outstanding overall are the comparator set
panels use: "those authorities who have received an 'Outstanding' Ofsted assessment"
(Wiltshire CPP annual report 2022-23, §16).

Which authorities those are changes with every inspection, so a benchmark compares each
period with the group as at the period's end:
[`outstanding_in`][corpparent.dfe.ofsted.outstanding_in] is that one rule, for the
command's engine and the Python benchmark alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, TypeAlias, final

from attrs import frozen

from corpparent.dated_groups import OUTSTANDING, DatedGroup
from corpparent.dfe.areas import Areas, known_areas

if TYPE_CHECKING:
    from corpparent.periods import Period

__all__ = ["Inspection", "InspectionOutcomes", "Judgement", "OutstandingGroups",
           "outstanding_groups", "outstanding_in"]


class Judgement(Enum):
    """An Ofsted judgement, in Ofsted's words."""

    OUTSTANDING = "Outstanding"
    GOOD = "Good"
    REQUIRES_IMPROVEMENT = "Requires improvement to be good"
    INADEQUATE = "Inadequate"

    def __str__(self) -> str:
        return self.value


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

        ``areas`` defaults to [`known_areas`][corpparent.dfe.areas.known_areas]. Raises
        [`UnknownAreaError`][corpparent.dfe.areas.UnknownAreaError] naming an authority it lacks.
        """
        areas = known_areas() if areas is None else areas
        return frozenset(
            (areas.get(i.ons_code) or areas[i.name]).code for i in self.judged(judgement)
        )

    @property
    def latest(self) -> date | None:
        """The latest publication date in the release: the last day it says anything
        about (None for an empty release)."""
        return max((i.published for i in self._inspections), default=None)

    def as_at(self, when: date, judgement: Judgement = Judgement.OUTSTANDING,
              areas: Areas | None = None) -> DatedGroup:
        """The authorities judged ``judgement`` as at ``when``, named by old LA code
        ("Outstanding authorities as at 31 March 2023").

        Ofsted's release gives each authority's latest inspection only, and dates it by
        the inspection, not the report: "Local authority inspection outcomes as at 31
        March 2025" covers "inspections as at 31 March 2025, with a report published by
        30 June 2025", so Camden, inspected in March and published in April, is among
        its 36 Outstanding authorities. So here: an authority whose latest inspection
        took place on or before ``when`` is in the group if it was so judged; one
        inspected later had an earlier judgement the release does not give, so it is
        ``unknown``, never guessed in or out: the rule of
        [`DatedGroup.from_inspections`][corpparent.dated_groups.DatedGroup.from_inspections],
        each authority named by its old LA code. A date after the release's
        [`latest`][corpparent.dfe.ofsted.InspectionOutcomes.latest] publication is taken as that
        date, the last the release knows.
        """
        areas = known_areas() if areas is None else areas
        latest = self.latest
        day = when if latest is None or when <= latest else latest

        def code(inspection: Inspection) -> str:
            return (areas.get(inspection.ons_code) or areas[inspection.name]).code

        return DatedGroup.from_inspections(self._inspections, day, judgement=str(judgement),
                                           name=f"{judgement} authorities",
                                           source=self.source, named=code)

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


#: What a benchmark takes as the Outstanding authorities: one group for every period
#: (old LA codes, or a [`DatedGroup`][corpparent.dated_groups.DatedGroup] of codes), or
#: Ofsted's release, from which each period takes the group as at its end.
OutstandingGroups: TypeAlias = Iterable[str] | DatedGroup | InspectionOutcomes


def outstanding_groups(given: OutstandingGroups) -> DatedGroup | InspectionOutcomes:
    """``given`` as a group or a release: codes become one undated group for every period."""
    if isinstance(given, DatedGroup | InspectionOutcomes):
        return given
    return DatedGroup(OUTSTANDING, tuple(given))


def outstanding_in(groups: DatedGroup | InspectionOutcomes, period: Period,
                   areas: Areas | None = None) -> DatedGroup:
    """The Outstanding group ``period`` is compared with, by old LA code: the one group
    given for every period, or, from Ofsted's release, the group as at the period's end
    ([`as_at`][corpparent.dfe.ofsted.InspectionOutcomes.as_at]: a 2022-23 value against
    the authorities judged Outstanding by 31 March 2023, with those inspected later
    ``unknown``). ``areas`` finds the inspected authorities' codes, by default
    [`known_areas`][corpparent.dfe.areas.known_areas]."""
    if isinstance(groups, DatedGroup):
        return groups
    return groups.as_at(period.end, areas=areas)
