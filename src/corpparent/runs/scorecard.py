"""The scorecard job: every period assessed by the rules in force for it, with warnings.

[`assess_scorecard`][corpparent.runs.scorecard.assess_scorecard] is what ``corpparent scorecard``
runs, so a Python caller gets exactly what the command line prints: for each period, the rule set in
force chosen by the profile ([`rule_set_for`][corpparent.profile.AuthorityProfile.rule_set_for],
carried forward past the last year declared), that year's indicators, ranges, targets and comparator
set, the national standings with that year's Outstanding group, the process charts, and
the warnings worked out from the results (indicators without a reading, indicators the
year removed, ranges and targets for another length of period than the one assessed,
nothing judged at all), never from a rendered report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, final

from attrs import evolve, field, frozen

from corpparent.comparators.national_standing import NationalStanding
from corpparent.comparators.series import Comparator
from corpparent.dated_groups import OUTSTANDING, DatedGroup
from corpparent.errors import DefinitionError
from corpparent.families import RuleFamily
from corpparent.findings import Finding, Status
from corpparent.headline import HEADLINE_FAMILIES
from corpparent.indicator_rules import BOUNDS_FOR
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.profile import AuthorityProfile
from corpparent.rulesets import YearRules, name_rule_set
from corpparent.runs.fractions import fractions_warning
from corpparent.runs.notes import RunWarning, carried_warning, notes_of
from corpparent.scorecard import Scorecard, ScorecardResult
from corpparent.spc.chart import XmROptions
from corpparent.trends import DEFAULT_HISTORY
from corpparent.wording import counted, listed, noun

if TYPE_CHECKING:  # read only when national figures are asked for: NumPy and pyarrow
    from corpparent.dfe.national_inputs import NationalInputs

__all__ = ["PeriodScorecard", "ScorecardRun", "assess_scorecard"]

_JUDGED = frozenset({Status.MET, Status.EXCEEDED, Status.WARNING, Status.BREACHED})


def _tuple(items: Sequence[RunWarning]) -> tuple[RunWarning, ...]:
    return tuple(items)


@final
@frozen
class PeriodScorecard:
    """One period's scorecard: its result, the rule set that judged it (``None`` when the
    indicators came without years), and the warnings about it."""

    result: ScorecardResult
    rule_set: YearRules | None = None
    warnings: tuple[RunWarning, ...] = field(default=(), converter=_tuple)

    @property
    def period(self) -> Period:
        return self.result.period

    @property
    def notes(self) -> tuple[str, ...]:
        """What the period's report says beside its findings: the rule set carried
        forward, and the warnings, each a sentence."""
        return notes_of(self.rule_set, self.warnings)


@final
@frozen
class ScorecardRun:
    """Every period asked for, in order, with the warnings about the run as a whole."""

    periods: tuple[PeriodScorecard, ...]
    authority: str | None = None
    warnings: tuple[RunWarning, ...] = field(default=(), converter=_tuple)

    @property
    def all_warnings(self) -> tuple[RunWarning, ...]:
        """The run's warnings, then each period's."""
        return (*self.warnings, *(w for p in self.periods for w in p.warnings))

    @property
    def incomplete(self) -> bool:
        """Whether a warning says the report is not complete (``--strict`` exits 3)."""
        return any(w.incomplete for w in self.all_warnings)


def assess_scorecard(
    readings: Readings,
    periods: Sequence[Period],
    *,
    profile: AuthorityProfile | None = None,
    indicators: IndicatorSet | None = None,
    comparators: Sequence[Comparator] | None = None,
    history: int = DEFAULT_HISTORY,
    process: XmROptions | None = XmROptions(),  # noqa: B008 - frozen, never mutated
    national: NationalInputs | None = None,
) -> ScorecardRun:
    """Assess ``readings`` for each of ``periods``.

    The indicators, ranges and targets are ``indicators`` when given, else those of the
    ``profile``'s rule set in force for each period (or its indicators, when it declares
    no years); the comparators are ``comparators`` when given, else the rule set's or the
    profile's. ``national``, the DfE's files as read
    (`corpparent.files.dfe.national_package.read_national_inputs`), ranks the
    authority nationally on each indicator that names its LAIT measure, among the
    Outstanding group the rule set in force declares, or Ofsted's as at each period's end;
    it needs a ``profile`` with the DfE or ONS code of an English authority.
    ``process=None`` draws no process charts.
    """
    if indicators is not None:
        own_indicators = indicators
    elif profile is not None:
        own_indicators = profile.indicators
    else:
        raise DefinitionError("a scorecard needs an authority profile or an indicator set")
    if national is not None:
        _check_code(profile)
    standings = _Standings(profile, indicators, national)
    assessor = Scorecard(own_indicators, process=process, history=history)
    done = []
    for period in periods:
        rule_set = None if indicators is not None or profile is None else (
            profile.rule_set_for(period))
        # The year's indicators, comparators and Outstanding group, where it has a rule
        # set; the profile's own (or those given) otherwise.
        source = rule_set if rule_set is not None else profile
        declared = () if source is None or source.comparators is None else (
            source.comparators.comparators)
        group = None if rule_set is None else next(
            (g for g in rule_set.groups if g.name == OUTSTANDING), None)
        judged = evolve(assessor,
                        indicators=own_indicators if rule_set is None else rule_set.indicators,
                        comparators=declared if comparators is None else tuple(comparators),
                        national=standings.for_group(group))
        result = judged.assess(readings, period)
        if rule_set is not None:
            result = name_rule_set(result, rule_set)
        done.append(PeriodScorecard(result, rule_set, _period_warnings(
            result, readings, rule_set)))
    run_warnings = standings.warnings()
    groups_warned = {w for p in done if p.rule_set is not None and national is not None
                     for w in [_unused_groups(p.rule_set)] if w is not None}
    return ScorecardRun(tuple(done), None if profile is None else profile.name,
                        (*run_warnings, *(RunWarning(w) for w in sorted(groups_warned))))


def _check_code(profile: AuthorityProfile | None) -> None:
    """A [`DefinitionError`][corpparent.errors.DefinitionError] unless ``profile`` names an English
    authority by its DfE or ONS code, which national figures are looked up by."""
    if profile is None or not (profile.dfe_code or profile.gss_code):
        raise DefinitionError("national standings need an authority profile with its DfE "
                              "code (dfe_code) or ONS code (gss_code)")
    from corpparent.dfe.areas import known_areas

    code = profile.dfe_code or profile.gss_code
    if code not in known_areas():
        field = "dfe_code" if profile.dfe_code else "gss_code"
        raise DefinitionError(f"the profile's authority.{field} {code!r} is no English local "
                              "authority's code (such as '865' or 'E06000054'), so it has no "
                              "national figures")


@final
class _Standings:
    """The national standings, worked out once for each Outstanding group asked for."""

    __slots__ = ("_every", "absent", "by_group", "code", "inputs", "measures")

    def __init__(self, profile: AuthorityProfile | None, indicators: IndicatorSet | None,
                 inputs: NationalInputs | None) -> None:
        self.inputs = inputs
        self.code = "" if profile is None else profile.dfe_code or profile.gss_code
        every = indicators if indicators is not None else (
            None if profile is None else profile.reading_indicators)
        self.measures = sorted({i.national_measure for i in every or ()
                                if i.national_measure})
        self.by_group: dict[DatedGroup | None, Mapping[str, tuple[NationalStanding, ...]]] = {}
        self.absent: list[str] = []
        self._every = every

    def for_group(self, group: DatedGroup | None) -> Mapping[str, tuple[NationalStanding, ...]]:
        if self.inputs is None or not self.measures:
            return {}
        if group not in self.by_group:  # NumPy and pyarrow are loaded only here
            from corpparent.dfe.national_inputs import benchmark_national, standings_of

            results = benchmark_national(self.inputs, measures=self.measures,
                                         outstanding=group)
            found = standings_of(results, self.code, self.measures)
            if not self.by_group:
                self.absent = [f"{i.id} ({i.national_measure!r})" for i in self._every or ()
                               if i.national_measure and i.national_measure not in found]
            self.by_group[group] = found
        return self.by_group[group]

    def warnings(self) -> tuple[RunWarning, ...]:
        if not self.absent:
            return ()
        many = len(self.absent)
        return (RunWarning(f"the national data has no measure named by "
                           f"{noun(many, 'indicator')} {listed(self.absent)}, so "
                           f"{noun(many, 'it has', 'they have')} no national rank"),)


def _period_warnings(result: ScorecardResult, readings: Readings,
                     rule_set: YearRules | None) -> tuple[RunWarning, ...]:
    """What the results of one period leave unsaid: a rule set carried forward, readings
    the rule set does not judge, indicators without a reading, percentages that look like
    fractions, ranges and targets that cannot judge a period of its length, and nothing
    judged at all."""
    found: list[RunWarning] = []
    period = result.period
    carried = carried_warning(rule_set)
    if carried is not None:
        found.append(carried)
    if rule_set is not None:
        outside = _outside_rule_set(readings, period, rule_set)
        if outside is not None:
            found.append(RunWarning(outside))
    missing = _missing_readings(result, readings)
    if missing is not None:
        found.append(RunWarning(missing, incomplete=True))
    fractions = fractions_warning(result)
    if fractions is not None:
        found.append(RunWarning(fractions, incomplete=True))
    other_length = _other_length(result)
    if other_length is not None:
        found.append(RunWarning(other_length))
    judged = any(f.family.is_judgement and f.status in _JUDGED for f in result.findings)
    read = any(a.value is not None or a.symbol is not None for a in result.assessments)
    if read and not judged:  # with no reading at all, the warning above says it all
        why = (f" ({rule_set.label})" if rule_set is not None else "")
        fit = " that can judge a period of its length" if other_length is not None else ""
        found.append(RunWarning(
            f"nothing was judged for {period}: no indicator has both a reading and an "
            f"expected range or target for it{fit}{why}", incomplete=True))
    return tuple(found)


def _other_length(result: ScorecardResult) -> str | None:
    """A warning naming the indicators whose range or target is for another length of
    period than the one assessed (a quarter's, against a year's total), so not applied:
    those left not judged, and those another range or target judged, whose headline
    that one gives ([`headline_status`][corpparent.headline.headline_status])."""
    unjudged: list[str] = []
    partly: list[str] = []
    unapplied: list[Finding] = []
    by: set[str] = set()
    for assessment in result.assessments:
        headline = [f for f in assessment.findings if f.family in HEADLINE_FAMILIES]
        other = [f for f in headline if BOUNDS_FOR in f.evidence]
        if not other:
            continue
        applied = [f for f in headline if BOUNDS_FOR not in f.evidence
                   and f.status is not Status.INSUFFICIENT_DATA]
        if applied:
            partly.append(assessment.indicator.id)
            unapplied.extend(other)
            by.update(_RULE_WORD[f.family] for f in applied)
        else:
            unjudged.append(assessment.indicator.id)
    parts = []
    if unjudged:
        lengths = _lengths(f for f in result.findings if f.subject in unjudged)
        parts.append(
            f"the ranges or targets of {listed(sorted(unjudged))} are for {lengths}'s "
            f"figures, so {noun(len(unjudged), 'it is', 'they are')} not judged for "
            f"{result.period}")
    if partly:
        words = sorted({_RULE_WORD[f.family] for f in unapplied})
        what = noun(len(unapplied), words[0]) if len(words) == 1 else "ranges and targets"
        parts.append(
            f"the {what} of {listed(sorted(partly))} for {_lengths(unapplied)}'s figures "
            f"{noun(len(unapplied), 'is', 'are')} not applied to {result.period}, judged "
            f"by {noun(len(partly), 'its', 'their')} {listed(sorted(by))} alone")
    if not parts:
        return None
    return "; ".join(parts) + ": a count or rate grows with the length of its period"


_RULE_WORD = {RuleFamily.EXPECTED_RANGE: "range", RuleFamily.TARGET: "target"}


def _lengths(findings: Iterable[Finding]) -> str:
    """The lengths of period the findings' ranges or targets are for, as prose."""
    return listed(sorted({str(f.evidence[BOUNDS_FOR]) for f in findings
                          if BOUNDS_FOR in f.evidence}), "or")


def _missing_readings(result: ScorecardResult, readings: Readings) -> str | None:
    """A warning when indicators have no reading for the period: all of them (with the
    latest period that has readings), or some (named). A withheld value (``c``) is a
    reading: it is not missing."""
    period = result.period
    missing = [a.indicator.id for a in result.assessments
               if a.value is None and a.symbol is None]
    if not missing:
        return None
    if len(missing) == len(result.assessments):
        earlier = [p for p in readings.periods if p.end <= period.end]
        latest = (f"; the latest period with readings is {max(earlier, key=lambda p: p.end)}"
                  if earlier else "; the file has no reading for it or before it")
        return f"no indicator has a reading for {period}{latest}"
    names = ", ".join(missing[:5])
    more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
    verb = "has" if len(missing) == 1 else "have"
    return (f"{len(missing)} of {counted(len(result.assessments), 'indicator')} {verb} no "
            f"reading for {period}: {names}{more}")


def _outside_rule_set(readings: Readings, period: Period, rule_set: YearRules) -> str | None:
    """A warning naming the indicators with readings in ``period`` that the rule set in
    force does not define (removed that year, say), which are therefore not judged."""
    ids = {i.id for i in rule_set.indicators}
    outside = sorted(name for name in readings.indicators if name not in ids
                     and any(period.overlaps(p) for p in readings.periods_of(name)))
    if not outside:
        return None
    many = len(outside)
    return (f"{listed(outside)} {noun(many, 'has', 'have')} readings for {period} but "
            f"{noun(many, 'is', 'are')} not in {rule_set.label}, so not judged")


def _unused_groups(rule_set: YearRules) -> str | None:
    """A warning when the rule set declares comparator groups but none called
    "Outstanding authorities", the one the national standing uses (a misspelt name
    would otherwise be passed over in silence)."""
    if not rule_set.groups or any(g.name == OUTSTANDING for g in rule_set.groups):
        return None
    names = listed([repr(g.name) for g in rule_set.groups])
    return (f"{rule_set.label} declares {noun(len(rule_set.groups), 'group')} {names} but "
            f"none called {OUTSTANDING!r}, which the national rank compares with; Ofsted's "
            "group as at the end of each year is used instead")
