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

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Final, Protocol, final

from attrs import evolve, field, frozen

from corpparent.dates import day_text
from corpparent.errors import DefinitionError
from corpparent.findings import Finding
from corpparent.wording import counted, listed, noun

if TYPE_CHECKING:  # the comparators load when a finding is made, not with a group
    from corpparent.comparators import Benchmark

__all__ = ["OUTSTANDING", "DatedGroup", "InspectionLike"]

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
    def from_inspections(cls, inspections: Iterable[InspectionLike], as_at: date, *,
                         judgement: str = "Outstanding", name: str = OUTSTANDING,
                         source: str = "") -> DatedGroup:
        """The authorities whose latest inspection, taking place on or before ``as_at``,
        judged them ``judgement`` overall; those inspected later are ``unknown``."""
        members, unknown = [], []
        for inspection in inspections:
            if inspection.inspected > as_at:
                unknown.append(inspection.name)
            elif str(inspection.overall) == judgement:
                members.append(inspection.name)
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
