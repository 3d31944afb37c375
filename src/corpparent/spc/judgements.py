"""An XmR chart's findings: its signals, the variation of its latest point, whether its
limits can be relied on, and the assurance it gives about a target.

Assurance, from NHS England's SPC SQL v2.6 ("XmR only; needs a target, direction Up or
Down"): "Up is good: Target ≤ LPL → Pass; LPL < Target < UPL → Hit or Miss; Target ≥ UPL
→ Fail. Down is good: Target ≥ UPL → Pass; between → Hit or Miss; Target ≤ LPL → Fail.
Since v2.1, a target lying exactly on a limit counts as pass or fail." NHSRplotthedots
(``R/ptd_calculate_assurance_type.R``) agrees, and computes none "for neutral direction
or when there is no target". corpparent's panels read these as a target consistently
met, hit and miss, or consistently missed "unless the process changes".

Statuses: a special cause improvement is ``exceeded`` (a success to acknowledge); a
concern, or a signal of a neutral indicator, is a ``warning`` (worth the panel's time,
not a breach of a level the council set); common cause variation is ``met``. A target
consistently met is ``met``; hit and miss and consistently missed are warnings.
"""

from __future__ import annotations

from enum import Enum

from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import EvidenceValue, Finding, Status
from corpparent.indicators.definitions import Indicator, Polarity
from corpparent.periods import Period
from corpparent.ranges import Target, TargetDirection
from corpparent.spc.chart import XmRChart
from corpparent.spc.signals import Nature, Signal, Variation, variation_of

__all__ = [
    "Assurance",
    "LimitsNote",
    "assurance",
    "assurance_finding",
    "chart_findings",
    "limits_findings",
    "signal_findings",
    "variation",
    "variation_finding",
]


class Assurance(Enum):
    """Whether a process's limits say a target will be met."""

    CONSISTENTLY_MET = "consistently met"
    HIT_AND_MISS = "hit and miss"
    CONSISTENTLY_MISSED = "consistently missed"

    def __str__(self) -> str:
        return self.value


class LimitsNote(Enum):
    """Why a chart's limits cannot be fully relied on. Trial limits are a warning (the
    outcome of the finding); a baseline that does not vary sets no limits at all, so its
    finding is insufficient data (outcome :class:`~corpparent.families.NotJudged`) with
    the note in its evidence."""

    TRIAL = "trial limits"
    NO_VARIATION = "no variation"

    def __str__(self) -> str:
        return self.value


def _higher_is_better(target: float | Target, polarity: Polarity) -> bool | None:
    if isinstance(target, Target):
        return target.direction is TargetDirection.AT_LEAST
    if polarity is Polarity.NEUTRAL:
        return None
    return polarity is Polarity.HIGHER_IS_BETTER


def assurance(chart: XmRChart, target: float | Target) -> Assurance | None:
    """The assurance the last group's limits give about ``target``: a number (the better
    way from the chart's polarity) or a :class:`~corpparent.ranges.Target` (the better
    way from its direction). ``None`` for a neutral indicator's number, or when the
    baseline does not vary, so no limits are set."""
    up = _higher_is_better(target, chart.polarity)
    if up is None or not chart.varies:
        return None
    level = target.value if isinstance(target, Target) else float(target)
    lower, upper = chart.lower_limit, chart.upper_limit
    if lower < level < upper:
        return Assurance.HIT_AND_MISS
    met = level <= lower if up else level >= upper
    return Assurance.CONSISTENTLY_MET if met else Assurance.CONSISTENTLY_MISSED


def variation(chart: XmRChart) -> Variation:
    """The variation of the latest point."""
    return variation_of(chart.points[-1].signal)


_NATURE_STATUS = {
    None: Status.MET,
    Nature.IMPROVEMENT: Status.EXCEEDED,
    Nature.CONCERN: Status.WARNING,
    Nature.NEITHER: Status.WARNING,
}
_ASSURANCE_STATUS = {
    Assurance.CONSISTENTLY_MET: Status.MET,
    Assurance.HIT_AND_MISS: Status.WARNING,
    Assurance.CONSISTENTLY_MISSED: Status.WARNING,
}


def _show(indicator: Indicator | None, value: float) -> str:
    return f"{value:,.4g}" if indicator is None else indicator.format(value)


def _name(subject: str, indicator: Indicator | None) -> str:
    return subject if indicator is None else indicator.name


def _period(chart: XmRChart) -> Period | None:
    return None if chart.periods is None else chart.periods[-1]


def _limits_text(chart: XmRChart, indicator: Indicator | None) -> str:
    lower, upper = _show(indicator, chart.lower_limit), _show(indicator, chart.upper_limit)
    trial = "trial " if chart.trial else ""
    mean = _show(indicator, chart.mean)
    return f"{trial}process limits {lower} to {upper} around a mean of {mean}"


def _make(chart: XmRChart, subject: str, indicator: Indicator | None, *, rule: str,
          family: RuleFamily, status: Status, outcome: Enum, explanation: str,
          evidence: dict[str, EvidenceValue]) -> Finding:
    if indicator is not None:  # so a report can withhold a small count it reveals
        evidence = {**evidence, "unit": indicator.unit}
    return Finding(
        subject=subject if indicator is None else indicator.id,
        subject_name=None if indicator is None else indicator.name,
        period=_period(chart), rule=rule, family=family, status=status, outcome=outcome,
        explanation=explanation, evidence=evidence)


def signal_findings(
    chart: XmRChart, subject: str = "series", indicator: Indicator | None = None
) -> tuple[Finding, ...]:
    """One finding per signal, naming the rule that fired and the points it is reported
    for (each point under one rule only)."""
    found = []
    name = _name(subject, indicator)
    for signal in chart.signals:
        labels = [chart.label(i) for i in signal.points]
        consecutive = signal.points[-1] - signal.points[0] == len(signal.points) - 1
        if len(labels) == 1:
            span = labels[0]
        elif consecutive:
            span = f"{labels[0]} to {labels[-1]}"
        else:
            span = ", ".join(labels[:-1]) + f" and {labels[-1]}"
        found.append(_signal_finding(chart, subject, indicator, signal, name, labels, span))
    return tuple(found)


def _signal_finding(chart: XmRChart, subject: str, indicator: Indicator | None,
                    signal: Signal, name: str, labels: list[str], span: str) -> Finding:
    nature = {Nature.NEITHER: "", Nature.IMPROVEMENT: ", an improvement",
              Nature.CONCERN: ", a concern"}[signal.nature]
    return _make(
        chart, subject, indicator,
        rule=str(signal.cause),
        family=RuleFamily.SPECIAL_CAUSE,
        status=_NATURE_STATUS[signal.nature],
        explanation=(
            f"{name}: special cause variation, {signal.cause} ({signal.side}){nature}, "
            f"at {span} ({len(labels)} point{'s' if len(labels) > 1 else ''})."),
        evidence={"rule": signal.cause.value, "side": signal.side.value,
                  "nature": signal.nature.value, "points": ", ".join(labels),
                  "count": len(labels)},
        outcome=signal.nature,
    )


def limits_findings(
    chart: XmRChart, subject: str = "series", indicator: Indicator | None = None
) -> tuple[Finding, ...]:
    """A finding when the last group's limits are trial limits, and one when its
    baseline does not vary (no limits are set)."""
    found = []
    name = _name(subject, indicator)
    group = chart.last_group
    if not chart.varies:
        found.append(_make(
            chart, subject, indicator,
            rule="process limits", family=RuleFamily.PROCESS_LIMITS,
            status=Status.INSUFFICIENT_DATA, outcome=NotJudged.INSUFFICIENT_DATA,
            explanation=(
                f"{name}: the {group.limits.baseline_points} values the limits are set from "
                f"are all {_show(indicator, chart.mean)}, so their average moving range is "
                f"0 and no process limits can be set; only runs and trends are looked for."),
            evidence={"note": LimitsNote.NO_VARIATION.value, "mean": chart.mean,
                      "average_moving_range": 0.0,
                      "baseline_points": group.limits.baseline_points},
            ))
    if chart.trial:
        found.append(_make(
            chart, subject, indicator,
            rule="process limits", family=RuleFamily.PROCESS_LIMITS,
            status=Status.WARNING, outcome=LimitsNote.TRIAL,
            explanation=(
                f"{name}: trial limits: set from {group.limits.baseline_points} points, fewer "
                f"than the {chart.options.minimum_points} needed to rely on them."),
            evidence={"note": LimitsNote.TRIAL.value,
                      "baseline_points": group.limits.baseline_points,
                      "minimum_points": chart.options.minimum_points},
            ))
    return tuple(found)


def variation_finding(
    chart: XmRChart, subject: str = "series", indicator: Indicator | None = None
) -> Finding:
    """The variation of the latest point, in words."""
    shown = variation(chart)
    name = _name(subject, indicator)
    latest = _show(indicator, chart.values[-1])
    where = chart.label(len(chart.values) - 1)
    if shown is Variation.COMMON_CAUSE:
        said = "common cause variation: within what the process ordinarily produces"
    else:
        signal = chart.points[-1].signal
        assert signal is not None
        said = f"{shown} ({signal.cause})"
    return _make(
        chart, subject, indicator,
        rule="variation", family=RuleFamily.VARIATION,
        status=_NATURE_STATUS[shown.nature], outcome=shown,
        explanation=f"{name}: {latest} in {where} shows {said}; {_limits_text(chart, indicator)}.",
        evidence={"value": chart.values[-1], "mean": chart.mean,
                  "lower_limit": chart.lower_limit, "upper_limit": chart.upper_limit,
                  "trial": chart.trial, "variation": shown.value},
    )


def assurance_finding(
    chart: XmRChart, target: float | Target, subject: str = "series",
    indicator: Indicator | None = None,
) -> Finding | None:
    """The assurance about ``target``, in words; ``None`` where none is given (a neutral
    indicator's number, or a baseline that does not vary)."""
    found = assurance(chart, target)
    if found is None:
        return None
    level = target.value if isinstance(target, Target) else float(target)
    name = _name(subject, indicator)
    meaning = {
        Assurance.CONSISTENTLY_MET: "the target lies beyond the limits on the good side, so "
        "it will be met consistently while the process stays as it is",
        Assurance.HIT_AND_MISS: "the target lies between the limits, so it will be met "
        "some periods and missed in others by ordinary variation alone",
        Assurance.CONSISTENTLY_MISSED: "the target lies beyond the limits on the bad side, "
        "so it will be missed consistently unless the process changes",
    }[found]
    return _make(
        chart, subject, indicator,
        rule="assurance", family=RuleFamily.ASSURANCE,
        status=_ASSURANCE_STATUS[found], outcome=found,
        explanation=(f"{name}: target {_show(indicator, level)} {found}: {meaning} "
                     f"({_limits_text(chart, indicator)})."),
        evidence={"target": level, "lower_limit": chart.lower_limit,
                  "upper_limit": chart.upper_limit, "trial": chart.trial,
                  "assurance": found.value},
    )


def chart_findings(
    chart: XmRChart, subject: str = "series", indicator: Indicator | None = None,
    targets: tuple[float | Target, ...] = (),
) -> tuple[Finding, ...]:
    """Every finding of the chart: its limits notes, its variation, its signals, and the
    assurance about each target."""
    found = [*limits_findings(chart, subject, indicator),
             variation_finding(chart, subject, indicator),
             *signal_findings(chart, subject, indicator)]
    for target in targets:
        judged = assurance_finding(chart, target, subject, indicator)
        if judged is not None:
            found.append(judged)
    return tuple(found)
