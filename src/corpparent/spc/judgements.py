"""An XmR chart's findings: its signals, the variation of its latest point, whether its
limits can be relied on, and the assurance it gives about a target.

Assurance, as NHSRplotthedots (``R/ptd_calculate_assurance_type.R``) gives it: a target
strictly beyond a limit is consistently met or consistently missed, and any other target,
one lying exactly on a limit included, is "inconsistent" (hit and miss); none is given
"for neutral direction or when there is no target". NHS England's SPC SQL v2.6 agrees
but for the target on a limit: "Up is good: Target ≤ LPL → Pass; LPL < Target < UPL →
Hit or Miss; Target ≥ UPL → Fail ... Since v2.1, a target lying exactly on a limit counts
as pass or fail." corpparent follows NHSRplotthedots there, as it does for the rules: a
value on a limit is inside the limits, a value the process ordinarily produces, so a
target there is met in some periods and missed in others. corpparent's panels read these
as a target consistently met, hit and miss, or consistently missed "unless the process
changes".

Statuses: a special cause improvement is ``exceeded`` (a success to acknowledge); a
concern, or a signal of a neutral indicator, is a ``warning`` (worth the panel's time,
not a breach of a level the council set); common cause variation is ``met``. A target
consistently met is ``met``; hit and miss and consistently missed are warnings.

Where no process limits can be set (a baseline whose average moving range is 0), a
latest point that no run or trend takes in is not judged: nothing says it lies within
what the process ordinarily produces, so its variation finding is insufficient data,
never common cause variation.
"""

from __future__ import annotations

from enum import Enum

from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import EvidenceValue, Finding, Status
from corpparent.indicators.definitions import Indicator, Polarity
from corpparent.periods import Period
from corpparent.ranges import Target, TargetDirection
from corpparent.spc.chart import Group, XmRChart
from corpparent.spc.limits import MOVING_RANGE_FACTOR
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
    finding is insufficient data (outcome [`NotJudged`][corpparent.families.NotJudged]) with
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
    way from the chart's polarity) or a [`Target`][corpparent.ranges.Target] (the better
    way from its direction). ``None`` for a neutral indicator's number, or when the
    baseline does not vary, so no limits are set."""
    up = _higher_is_better(target, chart.polarity)
    if up is None or not chart.varies:
        return None
    level = target.value if isinstance(target, Target) else float(target)
    lower, upper = chart.lower_limit, chart.upper_limit
    if lower <= level <= upper:  # on a limit too: NHSRplotthedots' "inconsistent"
        return Assurance.HIT_AND_MISS
    met = level < lower if up else level > upper
    return Assurance.CONSISTENTLY_MET if met else Assurance.CONSISTENTLY_MISSED


def variation(chart: XmRChart) -> Variation:
    """The variation of the latest point: common cause where no rule fired. Where no
    limits can be set (the chart's ``varies`` false) only runs and trends are looked
    for, so common cause then means only that none took the point in, and
    ``variation_finding`` does not judge it."""
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
    if not chart.varies:
        return f"no process limits can be set around the {trial}mean of {mean}"
    return f"{trial}process limits {lower} to {upper} around a mean of {mean}"


def _span(labels: list[str], consecutive: bool = True) -> str:
    if len(labels) == 1:
        return labels[0]
    if consecutive:
        return f"{labels[0]} to {labels[-1]}"
    return ", ".join(labels[:-1]) + f" and {labels[-1]}"


def _group_span(chart: XmRChart, group: Group) -> str:
    return _span([chart.label(group.start), chart.label(group.stop - 1)])


def _trial_words(chart: XmRChart, group: Group) -> str:
    return (f"trial limits, set from {group.limits.baseline_points} points, fewer than the "
            f"{chart.options.minimum_points} needed to rely on them")


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
        span = _span(labels, consecutive)
        found.append(_signal_finding(chart, subject, indicator, signal, name, labels, span))
    return tuple(found)


def _signal_finding(chart: XmRChart, subject: str, indicator: Indicator | None,
                    signal: Signal, name: str, labels: list[str], span: str) -> Finding:
    nature = {Nature.NEITHER: "", Nature.IMPROVEMENT: ", an improvement",
              Nature.CONCERN: ", a concern"}[signal.nature]
    # After a rebase an earlier group may have trial limits though the last has not.
    group = chart.groups[chart.points[signal.points[0]].group]
    trial = f", judged against {_trial_words(chart, group)}" if group.trial else ""
    return _make(
        chart, subject, indicator,
        rule=str(signal.cause),
        family=RuleFamily.SPECIAL_CAUSE,
        status=_NATURE_STATUS[signal.nature],
        explanation=(
            f"{name}: special cause variation, {signal.cause} ({signal.side}){nature}, "
            f"at {span} ({len(labels)} point{'s' if len(labels) > 1 else ''}){trial}."),
        evidence={"rule": signal.cause.value, "side": signal.side.value,
                  "nature": signal.nature.value, "points": ", ".join(labels),
                  "count": len(labels), "trial": group.trial},
        outcome=signal.nature,
    )


def limits_findings(
    chart: XmRChart, subject: str = "series", indicator: Indicator | None = None
) -> tuple[Finding, ...]:
    """A finding for each group whose baseline does not vary (no limits are set), and one
    for each group whose limits are trial limits: the last group's, and, after a rebase,
    an earlier group's, whose signals were judged against them."""
    found = []
    several = len(chart.groups) > 1
    for group in chart.groups:
        where = f" ({_group_span(chart, group)})" if several else ""
        if not group.limits.varies:
            found.append(_no_variation(chart, subject, indicator, group, where))
        if group.trial:
            found.append(_make(
                chart, subject, indicator,
                rule="process limits", family=RuleFamily.PROCESS_LIMITS,
                status=Status.WARNING, outcome=LimitsNote.TRIAL,
                explanation=(f"{_name(subject, indicator)}{where}: trial limits: set from "
                             f"{group.limits.baseline_points} points, fewer than the "
                             f"{chart.options.minimum_points} needed to rely on them."),
                evidence={"note": LimitsNote.TRIAL.value, "trial": True,
                          "points": _group_span(chart, group),
                          "baseline_points": group.limits.baseline_points,
                          "minimum_points": chart.options.minimum_points},
                ))
    return tuple(found)


def _no_variation(chart: XmRChart, subject: str, indicator: Indicator | None, group: Group,
                  where: str) -> Finding:
    """Why no limits are set: the baseline's values are all the same, or screening left
    out every moving range that is not 0."""
    limits = group.limits
    count, screened = limits.baseline_points, limits.screened
    mean = _show(indicator, limits.mean)
    if screened == 0:
        why = (f"the {count} values the limits are set from are all {mean}, so their "
               f"average moving range is 0")
    else:
        ranges = (f"the only one of their {count - 1} moving ranges that is not 0 is"
                  if screened == 1 else
                  f"the {screened} of their {count - 1} moving ranges that are not 0 are")
        why = (f"the {count} values the limits are set from (mean {mean}) are not all the "
               f"same, but {ranges} at least {MOVING_RANGE_FACTOR} times their average, "
               f"so screening leaves {'it' if screened == 1 else 'them'} out; the "
               f"average moving range of the rest is 0")
    return _make(
        chart, subject, indicator,
        rule="process limits", family=RuleFamily.PROCESS_LIMITS,
        status=Status.INSUFFICIENT_DATA, outcome=NotJudged.INSUFFICIENT_DATA,
        explanation=(f"{_name(subject, indicator)}{where}: {why} and no process limits can "
                     f"be set; only runs and trends are looked for."),
        evidence={"note": LimitsNote.NO_VARIATION.value, "mean": limits.mean,
                  "average_moving_range": 0.0, "baseline_points": count,
                  "screened": screened, "points": _group_span(chart, group)},
        )


def variation_finding(
    chart: XmRChart, subject: str = "series", indicator: Indicator | None = None
) -> Finding:
    """The variation of the latest point, in words; insufficient data where no limits
    can be set and no run or trend takes the latest point in, since nothing then says
    it is within what the process ordinarily produces."""
    shown = variation(chart)
    name = _name(subject, indicator)
    latest = _show(indicator, chart.values[-1])
    where = chart.label(len(chart.values) - 1)
    if not chart.varies and shown is Variation.COMMON_CAUSE:
        return _make(
            chart, subject, indicator,
            rule="variation", family=RuleFamily.VARIATION,
            status=Status.INSUFFICIENT_DATA, outcome=NotJudged.INSUFFICIENT_DATA,
            explanation=(f"{name}: {latest} in {where} is not judged: "
                         f"{_limits_text(chart, indicator)}, as the average moving range they "
                         f"would be set from is 0, and no run or trend takes it in."),
            evidence={"value": chart.values[-1], "mean": chart.mean, "trial": chart.trial,
                      "note": LimitsNote.NO_VARIATION.value},
        )
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
