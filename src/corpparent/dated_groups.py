"""Comparator groups as they stood on a date, with the date shown.

Some comparator groups change as time passes. Wiltshire compares itself with "those
authorities who have received an 'Outstanding' Ofsted assessment" (002 §16), and which
authorities those are changes with every inspection: Ofsted publishes "Local authority
inspection outcomes as at 31 March 2025", each authority's latest inspection only. A
2022-23 scorecard compared with the 2025 list is compared with a group the panel never
used. A [`DatedGroup`][corpparent.dated_groups.DatedGroup] is a group as at a date, so each year's
rule set ([`YearRules`][corpparent.rulesets.YearRules]) can hold the group it used, and every
finding names the date ("position among Outstanding authorities as at 31 March 2023").

[`DatedGroup.from_inspections`][corpparent.dated_groups.DatedGroup.from_inspections] takes the group
from a release of inspection outcomes as at any date on or after the inspections it needs, dating
each inspection as Ofsted's release does, by the day it took place (its "as at 31 March 2025" holds
inspections up to that day, reported by 30 June): an authority whose latest inspection took place
after that date had an earlier judgement the release does not give, so it is listed in ``unknown``
rather than guessed in or out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Final, Protocol, TypeVar, final

from attrs import evolve, field, frozen

from corpparent.dates import day_text
from corpparent.errors import DefinitionError
from corpparent.findings import Finding
from corpparent.wording import counted, listed, noun

if TYPE_CHECKING:  # the comparators load when a finding is made, not with a group
    from corpparent.comparators import Benchmark

__all__ = ["OUTSTANDING", "DatedGroup", "InspectionLike", "unformed"]

#: The name of the group of authorities Ofsted judged Outstanding, as panels call it.
OUTSTANDING: Final = "Outstanding authorities"


class InspectionLike(Protocol):
    """An authority's latest inspection: its name, when it took place and was
    published, and its judgement."""

    @property
    def name(self) -> str: ...
    @property
    def inspected(self) -> date: ...
    @property
    def published(self) -> date: ...
    @property
    def overall(self) -> object: ...


_Inspection = TypeVar("_Inspection", bound=InspectionLike)


def _names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({" ".join(str(v).split()) for v in values}))


@final
@frozen
class DatedGroup:
    """The ``members`` of group ``name`` as at ``as_at``; ``unknown`` are authorities
    whose membership on that date the source does not say. A group given without a
    date (``as_at`` None) is named without one."""

    name: str
    members: tuple[str, ...] = field(converter=_names)
    as_at: date | None = None
    unknown: tuple[str, ...] = field(default=(), converter=_names)
    source: str = field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.name.strip():
            raise DefinitionError("a comparator group needs a name")
        both = set(self.members) & set(self.unknown)
        if both:
            raise DefinitionError(f"{self.name}: {listed(sorted(both))} "
                                  f"{noun(len(both), 'is', 'are')} both a member and unknown")
        if self.unknown and self.as_at is None:
            raise DefinitionError(f"{self.name}: authorities unknown to the group need the "
                                  "date it is taken as at")

    @property
    def label(self) -> str:
        """The group with its date: "Outstanding authorities as at 31 March 2025"."""
        return self.name if self.as_at is None else f"{self.name} as at {day_text(self.as_at)}"

    @classmethod
    def from_inspections(cls, inspections: Iterable[_Inspection], as_at: date, *,
                         judgement: str = "Outstanding", name: str = OUTSTANDING,
                         source: str = "",
                         named: Callable[[_Inspection], str] | None = None) -> DatedGroup:
        """The authorities whose latest inspection, taking place on or before ``as_at``,
        judged them ``judgement`` overall; those inspected later are ``unknown``. Each
        is given by its name, or by what ``named`` makes of its inspection (an old LA
        code, for [`InspectionOutcomes.as_at`][corpparent.dfe.ofsted.InspectionOutcomes.as_at])."""
        members, unknown = [], []
        for inspection in inspections:
            key = inspection.name if named is None else named(inspection)
            if inspection.inspected > as_at:
                unknown.append(key)
            elif str(inspection.overall) == judgement:
                members.append(key)
        return cls(name, members, as_at, unknown, source=source)

    def finding(self, benchmark: Benchmark, value: float | None, *,
                authority: str = "") -> Finding:
        """Where ``value`` stands among the members, the date in the rule's name and the
        evidence, and the authorities whose membership is not known noted."""
        from corpparent.comparators import group_finding

        found = group_finding(benchmark, self.label, self.members, value, authority=authority)
        if self.as_at is None:
            return found
        note = (f" {counted(len(self.unknown), 'authority')} whose latest inspection "
                f"took place after {day_text(self.as_at)} could not be placed in or out of "
                "the group." if self.unknown else "")
        if value is not None and not [m for m in self.members if m != authority]:
            found = evolve(found, explanation=f"No other authority is known to have been "
                           f"among the {self.label}.")
        return evolve(found, explanation=found.explanation + note,
                      evidence={**found.evidence, "as at": self.as_at.isoformat(),
                                "unknown": len(self.unknown)})


def unformed(groups: Sequence[DatedGroup]) -> str:
    """Why ``groups`` (one group, or the same group as at several days, in order) give
    no figure where no other authority is known to be in them and some were judged after
    their day: "Outstanding authorities as at 31 March 2021: cannot be formed, no other
    authority known to be in it (153 authorities judged later)". The Python benchmark's
    description and the command's notes both say it so."""
    if not groups:
        raise ValueError("no group to say cannot be formed")
    days = [day_text(g.as_at) for g in groups if g.as_at is not None]
    label = groups[0].name + (f" as at {listed(days)}" if days else "")
    counts = sorted({len(g.unknown) for g in groups})
    later = counted(counts[-1], "authority", "authorities") if len(counts) == 1 else \
        f"{counts[0]} to {counts[-1]} authorities"
    one = len(groups) == 1
    return (f"{label}: cannot be formed, no other authority known to be in "
            f"{'it' if one else 'any of them'} ({later} judged later"
            f"{'' if one else ' on each day'})")
