"""Rule sets that belong to their year, each built from the year before.

Panels review their indicators every year: "Annually, the indicators themselves,
together with their expected ranges and targets are reviewed" (Wiltshire, 002 §17);
councils change their constitutions at the annual meeting ("Members are appointed
annually at the Council meeting in May", Staffordshire, 004 §7). So an authority's
indicator definitions, expected ranges, targets, comparator set, constitution and
obligations belong to the year they were set for, as a [`YearRules`][corpparent.rulesets.YearRules].

A later year is written as what it changes ([`YearChanges`][corpparent.rulesets.YearChanges]):
indicators added, removed or redefined, the ranges and targets set for it, and, where they changed,
a new comparator set, constitution or obligations. Everything else is carried forward,
with each range and target moved on by a year so that it judges the same part of the
new year as it did of the old: a range set for 2022-23 Q4 in the 2022-23 set is a range
for 2023-24 Q4 in a 2023-24 set that does not change it. The DfE's own return validator
builds each year's rules the same way, from the previous year's with stated additions
and deletions.

[`RulesByYear.in_force`][corpparent.rulesets.RulesByYear.in_force] gives the set in force for any
period (the latest whose year starts on or before the period's start); a period before the first
year raises [`BeforeFirstYearError`][corpparent.rulesets.BeforeFirstYearError] saying so. A period
after the last year declared is judged by the last year's rules carried forward, moved on year by
year exactly as an empty ``[[years]]`` entry would move them, and the set says so
([`YearRules.carried_from`][corpparent.rulesets.YearRules.carried_from]): a panel whose plug-in was
last updated a year ago still sees its indicators judged, and is told which year's ranges and
targets judged them, never a silent "Not judged".
[`RulesByYear.assess`][corpparent.rulesets.RulesByYear.assess] judges a scorecard period by the set
in force and names its year in every finding.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from datetime import date
from typing import final

from attrs import evolve, field, frozen

from corpparent.comparators.sets import ComparatorSet
from corpparent.dated_groups import DatedGroup
from corpparent.errors import DefinitionError, UnknownNameError
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import Finding, Status
from corpparent.governance.constitution import Constitution
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.obligations.definitions import ObligationSet
from corpparent.periods import Period
from corpparent.ranges import ExpectedRange, Target
from corpparent.scorecard import Scorecard, ScorecardResult
from corpparent.wording import counted, listed

__all__ = [
    "BeforeFirstYearError",
    "RulesByYear",
    "YearChanges",
    "YearRules",
    "all_indicators",
    "name_rule_set",
    "set_outside",
    "shifted",
]


class BeforeFirstYearError(UnknownNameError):
    """A period before the first year an authority's rules were set for."""


def shifted(period: Period, years: int) -> Period:
    """``period`` moved by whole ``years``: 2022-23 Q4 by one year is 2023-24 Q4.

    Works for every period type with a ``containing`` constructor (months, quarters and
    years); any other raises [`DefinitionError`][corpparent.errors.DefinitionError].
    """
    if years == 0:
        return period
    start = period.start
    containing = getattr(type(period), "containing", None)
    if containing is None or start.day != 1:
        raise DefinitionError(f"{period} cannot be carried forward by {years} years")
    target = date(start.year + years, start.month, 1)
    moved = containing(target)
    if not isinstance(moved, type(period)) or moved.start != target:
        raise DefinitionError(f"{period} cannot be carried forward by {years} years")
    return moved


def _groups(items: Iterable[DatedGroup]) -> tuple[DatedGroup, ...]:
    groups = tuple(items)
    names = [g.name for g in groups]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise DefinitionError(f"comparator group {repeated[0]!r} is given twice")
    return groups


@final
@frozen
class YearRules:
    """An authority's rules as set for ``year``: indicators with their ranges and
    targets, and optionally its comparator set, constitution and obligations.
    ``built_from`` says, for a later year, what changed from the year before."""

    year: Period
    indicators: IndicatorSet
    comparators: ComparatorSet | None = None
    constitution: Constitution | None = None
    obligations: ObligationSet = field(factory=lambda: ObligationSet(()))
    built_from: str = ""
    source: str = field(default="", eq=False)
    groups: tuple[DatedGroup, ...] = field(default=(), converter=_groups)
    """Comparator groups as at the date the year used them (the Outstanding
    authorities), each named with its date in findings."""
    carried_from: Period | None = None
    """The last year rules were declared for, when this set is that year's carried
    forward to [`year`][corpparent.rulesets.YearRules.year] because none was declared for it;
    ``None`` for a year declared in the plug-in."""

    @property
    def evidence(self) -> dict[str, str]:
        """What every finding judged by this set carries in its evidence: the set's
        year, and the year it was carried forward from, if it was."""
        if self.carried_from is None:
            return {"rule set": str(self.year)}
        return {"rule set": str(self.year), "carried forward from": str(self.carried_from)}

    def named_in(self, findings: Iterable[Finding]) -> tuple[Finding, ...]:
        """``findings`` each carrying [`evidence`][corpparent.rulesets.YearRules.evidence]: judged
        by this set."""
        return tuple(evolve(f, evidence={**f.evidence, **self.evidence}) for f in findings)

    def group(self, name: str) -> DatedGroup:
        """The group called ``name``; an [`UnknownNameError`][corpparent.errors.UnknownNameError]
        naming those there are."""
        for group in self.groups:
            if group.name == name:
                return group
        known = ", ".join(g.label for g in self.groups) or "none"
        raise UnknownNameError(f"{self.label} has no group {name!r}; it has {known}")

    @property
    def label(self) -> str:
        """How findings name the set: "rule set 2023-24", or for a year none was declared
        for, "rule set 2024-25: ranges and targets set for 2023-24, carried forward"."""
        if self.carried_from is None:
            return f"rule set {self.year}"
        return (f"rule set {self.year}: ranges and targets set for {self.carried_from}, "
                "carried forward")


def _indicators(items: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(items)


def _ids(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _ranges(items: Iterable[ExpectedRange]) -> tuple[ExpectedRange, ...]:
    return tuple(items)


def _targets(items: Iterable[Target]) -> tuple[Target, ...]:
    return tuple(items)


def set_outside(rule: ExpectedRange | Target, year: Period) -> str | None:
    """Why a range or target cannot be among those a year's changes set for ``year``, or
    ``None`` when it can: its period must lie within the year ("the ranges and targets
    set for it", docs/plugins.md), or, of another calendar (a financial year's range in
    a municipal year's changes), have most of its days in it. A range for 2024-25 among
    2025-26's was kept and judged nothing, leaving 2025-26 to the range carried forward."""
    period = rule.period
    shared = (min(period.end, year.end) - max(period.start, year.start)).days + 1
    if 2 * shared > (period.end - period.start).days + 1:
        return None
    what = "range" if isinstance(rule, ExpectedRange) else "target"
    return (f"the {what} of {rule.indicator!r} is for {period}, which is not within "
            f"{year}: a year's changes set the ranges and targets for that year")


@final
@frozen
class YearChanges:
    """What ``year`` changes from the year before.

    ``add`` are new indicators and ``redefine`` new definitions of existing ones (an id
    in ``add`` that exists, or in ``redefine`` or ``remove`` that does not, is refused);
    ``ranges`` and ``targets`` are set for the new year, each replacing the carried
    range or target of its indicator whose period overlaps it (one for a period outside
    the year is refused: see [`set_outside`][corpparent.rulesets.set_outside]); ``comparators``,
    ``constitution`` and ``obligations`` replace the year before's when given.
    """

    year: Period
    add: tuple[Indicator, ...] = field(default=(), converter=_indicators)
    remove: tuple[str, ...] = field(default=(), converter=_ids)
    redefine: tuple[Indicator, ...] = field(default=(), converter=_indicators)
    ranges: tuple[ExpectedRange, ...] = field(default=(), converter=_ranges)
    targets: tuple[Target, ...] = field(default=(), converter=_targets)
    comparators: ComparatorSet | None = None
    constitution: Constitution | None = None
    obligations: ObligationSet | None = None
    source: str = field(default="", eq=False)
    groups: tuple[DatedGroup, ...] = field(default=(), converter=_groups)
    """Comparator groups taken anew this year, each replacing the group of its name."""

    def __attrs_post_init__(self) -> None:
        rules: tuple[ExpectedRange | Target, ...] = (*self.ranges, *self.targets)
        for rule in rules:
            wrong = set_outside(rule, self.year)
            if wrong is not None:
                raise DefinitionError(f"rule set {self.year}: {wrong}")

    def describe(self) -> str:
        """What the year changes, in words: "1 indicator added (x); 2 ranges set"."""
        parts = []
        for items, what, done in ((self.add, "indicator", "added"),
                                  (self.redefine, "indicator", "redefined")):
            if items:
                parts.append(f"{counted(len(items), what)} {done} "
                             f"({listed([i.id for i in items])})")
        if self.remove:
            parts.append(f"{counted(len(self.remove), 'indicator')} removed "
                         f"({listed(self.remove)})")
        if self.ranges:
            parts.append(f"{counted(len(self.ranges), 'range')} set")
        if self.targets:
            parts.append(f"{counted(len(self.targets), 'target')} set")
        parts.extend(f"{g.label}" for g in self.groups)
        parts.extend(f"a new {name}" for name, value in (
            ("comparator set", self.comparators), ("constitution", self.constitution),
            ("obligation set", self.obligations)) if value is not None)
        return "; ".join(parts) or "no changes"

    def apply(self, previous: YearRules) -> YearRules:
        """The set for [`year`][corpparent.rulesets.YearChanges.year]: ``previous`` carried forward
        with these changes."""
        where = f"rule set {self.year}"
        years = self.year.start.year - previous.year.start.year
        if years < 1:
            raise DefinitionError(f"{where} must come after {previous.label}")
        current = {i.id: i for i in previous.indicators}
        for indicator in self.add:
            if indicator.id in current:
                raise DefinitionError(f"{where}: indicator {indicator.id!r} is added but "
                                      "already defined; redefine it instead")
            current[indicator.id] = indicator
        for indicator in self.redefine:
            if indicator.id not in current:
                raise DefinitionError(f"{where}: indicator {indicator.id!r} is redefined "
                                      "but not defined; add it instead")
            current[indicator.id] = indicator
        for removed in self.remove:
            if current.pop(removed, None) is None:
                raise DefinitionError(f"{where}: indicator {removed!r} is removed but not "
                                      "defined")
        ranges = [evolve(r, period=shifted(r.period, years)) for r in previous.indicators.ranges
                  if r.indicator in current]
        ranges = [r for r in ranges if not any(
            n.indicator == r.indicator and n.period.overlaps(r.period) for n in self.ranges)]
        targets = [evolve(t, period=shifted(t.period, years))
                   for t in previous.indicators.targets if t.indicator in current]
        targets = [t for t in targets if not any(
            n.indicator == t.indicator and n.period.overlaps(t.period)
            and n.ambition == t.ambition for n in self.targets)]
        try:
            indicators = IndicatorSet(tuple(current.values()), (*ranges, *self.ranges),
                                      (*targets, *self.targets))
        except DefinitionError as exc:
            raise DefinitionError(f"{where}: {exc}") from None
        return YearRules(
            year=self.year, indicators=indicators,
            comparators=self.comparators or previous.comparators,
            constitution=self.constitution or previous.constitution,
            obligations=(self.obligations if self.obligations is not None
                         else previous.obligations),
            built_from=f"{previous.label} with {self.describe()}", source=self.source,
            groups=(*(g for g in previous.groups
                      if all(n.name != g.name for n in self.groups)), *self.groups))


@final
class RulesByYear:
    """An authority's rule sets by year: the ``first`` set whole, each later one built
    by its [`YearChanges`][corpparent.rulesets.YearChanges] from the one before, in year order."""

    __slots__ = ("changes", "sets")

    def __init__(self, first: YearRules, changes: Iterable[YearChanges] = ()) -> None:
        self.changes = tuple(sorted(changes, key=lambda c: c.year.start))
        sets = [first]
        for change in self.changes:
            sets.append(change.apply(sets[-1]))
        self.sets = tuple(sets)

    def __iter__(self) -> Iterator[YearRules]:
        return iter(self.sets)

    def __len__(self) -> int:
        return len(self.sets)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RulesByYear) and self.sets == other.sets

    def __hash__(self) -> int:
        return hash(self.sets)

    def __repr__(self) -> str:
        return f"RulesByYear({', '.join(str(s.year) for s in self.sets)})"

    @property
    def first(self) -> YearRules:
        return self.sets[0]

    def carried_forward(self, changes: YearChanges) -> RulesByYear:
        """These sets with one more year built from the last."""
        return RulesByYear(self.first, (*self.changes, changes))

    def in_force(self, period: Period) -> YearRules:
        """The set in force for ``period``: the latest whose year starts on or before the
        period starts. A period before the first year is judged by the first set only
        if that set gives a range or target for it (Wiltshire's 2022-23 report also
        quotes the ranges of its previous report, for 2021-22: 002 §30, §33); otherwise
        [`BeforeFirstYearError`][corpparent.rulesets.BeforeFirstYearError] says the period is before
        the first year."""
        first = self.first.indicators
        if period.start < self.first.year.start and (
                any(r.applies_to(period) for r in first.ranges)
                or any(t.applies_to(period) for t in first.targets)):
            return self.first
        return self._in_force_from(period.start, str(period),
                                   "no indicator definitions, ranges or targets are in "
                                   "force for it")

    def in_force_on(self, day: date) -> YearRules:
        """The set in force on ``day`` (for what falls due from that day): the latest
        whose year starts on or before it, carried forward as for a period;
        [`BeforeFirstYearError`][corpparent.rulesets.BeforeFirstYearError] before the first year."""
        return self._in_force_from(day, day.isoformat(), "no rules are in force on it")

    def _in_force_from(self, start: date, named: str, missing: str) -> YearRules:
        """The latest set whose year starts on or before ``start``, carried forward past
        the last; before the first, a
        [`BeforeFirstYearError`][corpparent.rulesets.BeforeFirstYearError] naming ``named``."""
        found = [s for s in self.sets if s.year.start <= start]
        if not found:
            raise BeforeFirstYearError(f"{named} is before the first rule set, set for "
                                       f"{self.first.year}: {missing}")
        if found[-1] is not self.sets[-1]:
            return found[-1]
        return self._carried_forward(start)

    def _carried_forward(self, start: date) -> YearRules:
        """The last set, or, for a period starting (or a day) in a later year than any
        declared, the last set carried forward to that year as an empty
        [`YearChanges`][corpparent.rulesets.YearChanges] would carry it (each range and target moved
        on by the years between), marked as carried."""
        last = self.sets[-1]
        years = 0
        while shifted(last.year, years + 1).start <= start:
            years += 1
        if years == 0:
            return last
        year = shifted(last.year, years)
        carried = YearChanges(year=year).apply(last)
        return evolve(carried, built_from=f"{last.label} carried forward to {year}: no rule "
                      f"set was declared for {year}", carried_from=last.year)

    def before_first(self, period: Period, subject: str) -> Finding:
        """The finding for a period before the first year: insufficient data, saying so."""
        return Finding(
            subject=subject, rule="rule set in force", family=RuleFamily.GOVERNANCE,
            status=Status.INSUFFICIENT_DATA, outcome=NotJudged.INSUFFICIENT_DATA,
            explanation=f"{period} is before the first rule set, set for {self.first.year}, "
            "so nothing was judged.",
            evidence={"first rule set": str(self.first.year)}, period=period)

    def assess(self, readings: Readings, period: Period, *,
               default_tolerance: float = 0.0) -> ScorecardResult:
        """The scorecard for ``period`` by the set in force, each finding naming the set's
        year (raises [`BeforeFirstYearError`][corpparent.rulesets.BeforeFirstYearError] before the
        first year).

        Deprecated: it judges the indicators alone, without the year's comparators,
        Outstanding group, national figures or process charts. Use
        [`corpparent.runs.assess_scorecard`][corpparent.runs.assess_scorecard], which gives what
        ``corpparent scorecard`` prints."""
        warnings.warn("RulesByYear.assess is deprecated and goes in 0.4: use "
                      "corpparent.runs.assess_scorecard(readings, [period], profile=...), "
                      "which also shows the year's comparators, national figures and "
                      "process charts", DeprecationWarning, stacklevel=2)
        rule_set = self.in_force(period)
        result = Scorecard(rule_set.indicators, default_tolerance).assess(readings, period)
        return name_rule_set(result, rule_set)


def name_rule_set(result: ScorecardResult, rule_set: YearRules) -> ScorecardResult:
    """``result`` with every finding naming ``rule_set``'s year in its evidence ("rule
    set": "2023-24"), and the range and target findings, which the set decides, also at
    the end of their explanations, unless they already say the range or target was "set
    for" that year (a carried-forward set is always named: its ranges were set for an
    earlier year)."""
    def named(finding: Finding) -> Finding:
        evidence = {**finding.evidence, **rule_set.evidence}
        if finding.family not in (RuleFamily.EXPECTED_RANGE, RuleFamily.TARGET,
                                  RuleFamily.AMBITION) or (
                f"set for {rule_set.year}" in finding.explanation
                and rule_set.carried_from is None):
            return evolve(finding, evidence=evidence)
        explanation = finding.explanation.rstrip(".")
        if rule_set.carried_from is not None:  # the range was set for the earlier year
            explanation = explanation.replace(f"set for {rule_set.year}",
                                              f"carried forward to {rule_set.year}")
        return evolve(finding, explanation=f"{explanation} ({rule_set.label}).",
                      evidence=evidence)
    return evolve(result, assessments=tuple(
        evolve(a, findings=tuple(map(named, a.findings))) for a in result.assessments))


def all_indicators(rule_sets: RulesByYear) -> IndicatorSet:
    """Every indicator of every year, each by its latest definition, without ranges or
    targets: what a readings file spanning the years is read against."""
    latest: dict[str, Indicator] = {}
    for rule_set in rule_sets:
        latest.update((i.id, i) for i in rule_set.indicators)
    return IndicatorSet(tuple(latest.values()))
