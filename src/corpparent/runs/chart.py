"""The chart job: one indicator's process chart, judged against the target in force.

[`chart_series`][corpparent.runs.chart.chart_series] is what ``corpparent chart`` runs. The chart is
drawn from the indicator's readings; its assurance is judged against the targets in force for its
last point, taken from the rule set in force for that point (chosen by the profile and carried
forward past the last year declared), so assurance does not disappear after the first
year a plug-in declared. The target drawn is the first of them that is no ambition. The
chart draws one target line, so the targets are those in force at its last point: the
one the panel asks about; each finding names the rule set in its evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import final

from attrs import field, frozen

from corpparent.errors import CorpparentError
from corpparent.findings import Finding
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.profile import AuthorityProfile
from corpparent.ranges import Target
from corpparent.rulesets import YearRules
from corpparent.runs.notes import carried_note
from corpparent.spc.chart import XmRChart, XmROptions
from corpparent.spc.expected import indicator_chart
from corpparent.spc.judgements import chart_findings

__all__ = ["ChartRun", "chart_series"]


def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


def _targets(items: Iterable[Target]) -> tuple[Target, ...]:
    return tuple(items)


@final
@frozen
class ChartRun:
    """An indicator's process chart, its findings, and the targets it was judged by."""

    indicator: Indicator
    chart: XmRChart
    findings: tuple[Finding, ...] = field(converter=_findings)
    targets: tuple[Target, ...] = field(default=(), converter=_targets)
    rule_set: YearRules | None = None
    indicators: IndicatorSet | None = None
    """The indicator set the chart was judged by, with its declared totals (none for a
    chart without a profile or set)."""

    @property
    def last(self) -> Period | None:
        """The period of the last point (``None`` for a series without periods)."""
        return None if self.chart.periods is None else self.chart.periods[-1]

    @property
    def target(self) -> Target | None:
        """The target drawn on the chart: the first in force that is no ambition."""
        return next(iter(self.targets), None)

    @property
    def title(self) -> str:
        return f"{self.indicator.name}: process chart"

    @property
    def notes(self) -> tuple[str, ...]:
        """What the report says beside the chart: the rule set carried forward."""
        return carried_note(self.rule_set)


def chart_series(
    indicator: Indicator,
    readings: Readings,
    *,
    profile: AuthorityProfile | None = None,
    indicators: IndicatorSet | None = None,
    up_to: Period | None = None,
    rebase: Iterable[Period] = (),
    options: XmROptions | None = None,
    source: str = "the readings",
) -> ChartRun:
    """Draw ``indicator``'s chart from ``readings`` up to ``up_to`` (default: its latest
    reading) and judge it; the targets come from ``indicators`` when given, else from the
    profile's rule set in force for the last point (none without either). Fewer than two
    values is a [`CorpparentError`][corpparent.errors.CorpparentError] naming ``source``."""
    drawn = indicator_chart(indicator, readings, up_to, rebase=rebase, options=options)
    if drawn is None:
        raise CorpparentError(f"{indicator.name}: fewer than 2 values to chart in {source}")
    last = None if drawn.periods is None else drawn.periods[-1]
    rule_set = None
    chosen = indicators
    if chosen is None and profile is not None and last is not None:
        rule_set = profile.rule_set_for(last)
        chosen = profile.indicators if rule_set is None else rule_set.indicators
    targets: tuple[Target, ...] = ()
    if chosen is not None and last is not None and indicator.id in chosen.ids:
        targets = tuple(t for t in chosen.targets_for(indicator.id, last) if not t.ambition)
    findings = chart_findings(drawn, indicator=indicator, targets=targets)
    if rule_set is not None:
        findings = rule_set.named_in(findings)
    return ChartRun(indicator, drawn, findings, targets, rule_set, chosen)
