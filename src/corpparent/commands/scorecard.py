"""``corpparent scorecard``: a scorecard and its exception report, in any format."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import click
from attrs import evolve

from corpparent.commands.common import (
    EXIT_INCOMPLETE,
    Output,
    PeriodType,
    emit,
    options_used,
    output_options,
    profile_and_indicators,
    progress,
    slug,
)
from corpparent.comparators.national_standing import NationalStanding
from corpparent.comparators.series import Comparator
from corpparent.dated_groups import OUTSTANDING, DatedGroup
from corpparent.files.panel.comparators import read_comparators
from corpparent.files.panel.readings import read_readings
from corpparent.indicators.readings import Readings
from corpparent.periods import Period
from corpparent.plugins.references import plugin_file
from corpparent.report.build import scorecard_report
from corpparent.report.model import ScorecardReport
from corpparent.report.provenance import make_provenance
from corpparent.rulesets import BeforeFirstYearError, YearRules, all_indicators, name_rule_set
from corpparent.scorecard import Scorecard
from corpparent.spc.chart import XmROptions
from corpparent.wording import counted, listed, noun

__all__ = ["scorecard"]


@click.command(short_help="Assess a scorecard and its exception report.")
@click.argument("readings", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--period", "-p", "periods", type=PeriodType(), multiple=True, required=True,
              help="The period to assess, e.g. '2022-23 Q4'. Repeat for several periods.")
@click.option("--authority", "-a", "authority_id", metavar="ID|FILE",
              help="An installed plug-in's id, or a plug-in file not installed "
              "(.toml, or .py or module:NAME): its "
              "indicators, ranges, targets, comparators and name.")
@click.option("--indicators", "-i", "indicator_ref", metavar="FILE.py[:NAME]",
              help="An indicator set from Python instead: a file or module and the "
              "IndicatorSet (or function returning one) it defines.")
@click.option("--name", "authority_name", help="The authority's name, shown in the report "
              "(default: the plug-in's).")
@click.option("--comparators", "-c", "comparators_file",
              type=click.Path(dir_okay=False, path_type=Path),
              help="A comparators file (comparator, indicator, period, value): shown beside "
              "each indicator's latest value.")
@click.option("--title", help="The report's title.")
@click.option("--sheet", metavar="NAME", help="The sheet of an .xlsx or .ods READINGS file "
              "(default: the first sheet holding the readings' columns).")
@click.option("--history", type=click.IntRange(min=1, max=40), default=8, show_default=True,
              help="How many periods each trend chart shows.")
@click.option("--national", "use_national", is_flag=True,
              help="Show the authority's national rank and quartile band beside each "
              "indicator that names its DfE measure, from the DfE files shipped with "
              "corpparent (needs --authority, a plug-in with its DfE code).")
@click.option("--national-data", type=click.Path(file_okay=False, path_type=Path),
              metavar="DIR", help="The same from a newer download of the DfE files "
              "(implies --national).")
@click.option("--process-charts/--no-process-charts", default=True, show_default=True,
              help="Draw the process chart of each indicator with 13 or more readings up to "
              "the period: its variation, the assurance about its target, and its process "
              "limits as the expected range where none was set (see docs/spc.md).")
@click.option("--strict", is_flag=True,
              help="Exit with code 3 when an indicator has no reading for a period assessed "
              "(a warning is printed either way).")
@output_options
def scorecard(
    readings: Path,
    periods: tuple[Period, ...],
    authority_id: str | None,
    indicator_ref: str | None,
    authority_name: str | None,
    comparators_file: Path | None,
    title: str | None,
    sheet: str | None,
    history: int,
    use_national: bool,
    national_data: Path | None,
    process_charts: bool,
    strict: bool,
    out: Output,
) -> None:
    """Assess a scorecard for a period from a readings file, with its exception report.

    READINGS is a CSV, JSON, Excel (.xlsx) or OpenDocument (.ods) readings file
    (columns indicator, period, value, and optionally unit, numerator, denominator,
    population).

    The indicators, their expected ranges and targets come from an authority plug-in
    (--authority) or from Python (--indicators); comparators from the plug-in or a file.

    \b
    Examples:
      corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \\
          -a wiltshire -p "2022-23 Q4"
      corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \\
          -a wiltshire -p "2022-23 Q4" --format html --output scorecard.html
      corpparent scorecard readings.csv -a wiltshire -p "2022-23 Q3" -p "2022-23 Q4" \\
          -f markdown -o "scorecard-{period}.md"
      corpparent scorecard readings.csv -i my_indicators.py:indicators --name "Our Council" \\
          -c comparators.csv -p "2022-23 Q4" -f json --fail-on-breach
    """
    if len(periods) > 1 and (out.path is None or "{period}" not in str(out.path)):
        raise click.UsageError("several periods need --output with {period} in the file name")
    profile, indicators = profile_and_indicators(authority_id, indicator_ref)
    if indicator_ref is None and profile is not None and profile.rule_sets is not None:
        indicators = all_indicators(profile.rule_sets)  # every year's, to read the readings
    authority = authority_name or (None if profile is None else profile.name)
    data = read_readings(readings, indicators, sheet=sheet)
    comparators: tuple[Comparator, ...] = ()
    if comparators_file is not None:
        comparators = read_comparators(comparators_file, indicators=indicators)
    elif profile is not None and profile.comparators is not None:
        comparators = profile.comparators.comparators
    inputs = [f for f in (readings, comparators_file, plugin_file(authority_id)) if f]
    standings: dict[DatedGroup | None, dict[str, tuple[NationalStanding, ...]]] = {}

    def national_for(group: DatedGroup | None) -> dict[str, tuple[NationalStanding, ...]]:
        """The national standings, each period's Outstanding authorities taken as at its
        end, or ``group`` as the rule set in force declares it (worked out once each)."""
        if not (use_national or national_data is not None):
            return {}
        if profile is None or not (profile.dfe_code or profile.gss_code):
            raise click.UsageError("--national needs --authority: a plug-in with its DfE code")
        measures = [i.national_measure for i in indicators if i.national_measure]
        if measures and group not in standings:  # NumPy and pyarrow are loaded only here
            from corpparent.dfe.areas import known_areas
            from corpparent.files.dfe.national_package import national_standings

            code = profile.dfe_code or profile.gss_code
            if code not in known_areas():
                field = "dfe_code" if profile.dfe_code else "gss_code"
                raise click.UsageError(f"--national: the plug-in's authority.{field} {code!r} "
                                       "is no English local authority's code (such as "
                                       "'865' or 'E06000054')")
            standings[group] = national_standings(code, measures, national_data,
                                                  outstanding=group)
            absent = [i for i in indicators if i.national_measure
                      and i.national_measure not in standings[group]]
            if absent and len(standings) == 1:
                named = listed([f"{i.id} ({i.national_measure!r})" for i in absent])
                click.echo(f"corpparent scorecard: warning: the national data has no measure "
                           f"named by {noun(len(absent), 'indicator')} {named}, so "
                           f"{noun(len(absent), 'it has', 'they have')} no national rank",
                           err=True)
        return standings.get(group, {})

    assessor = Scorecard(indicators, process=XmROptions() if process_charts else None,
                         comparators=comparators, history=history)
    reports: list[ScorecardReport] = []
    warned: set[str] = set()
    incomplete = False
    now = datetime.now(UTC).replace(microsecond=0)
    for period in progress(periods, "Assessing periods"):
        provenance = make_provenance(
            inputs=inputs,
            period=period,
            options={**options_used(authority=authority_id, indicators=indicator_ref,
                                    comparators=None if comparators_file is None
                                    else str(comparators_file), history=history,
                                    process_charts=process_charts,
                                    national=use_national or national_data is not None),
                     **out.options()},
            generated_at=now,
        )
        rule_set = None
        if indicator_ref is None and profile is not None and profile.rule_sets is not None:
            try:
                rule_set = profile.rule_sets.in_force(period)
            except BeforeFirstYearError as exc:
                raise click.UsageError(str(exc)) from None
        if rule_set is None:
            result = evolve(assessor, national=national_for(None)).assess(data, period)
        else:
            result = name_rule_set(_for_rule_set(assessor, rule_set, comparators_file is None,
                                                 national_for).assess(data, period), rule_set)
        report = scorecard_report(result, provenance, title=title, authority=authority)
        if rule_set is not None:
            unjudged = outside_rule_set(data, period, rule_set)
            if unjudged is not None:
                click.echo(f"corpparent scorecard: warning: {unjudged}", err=True)
            unused = unused_groups(rule_set) if use_national or national_data else None
            if unused is not None and unused not in warned:
                warned.add(unused)
                click.echo(f"corpparent scorecard: warning: {unused}", err=True)
        warning = missing_readings(report, data, period)
        if warning is not None:
            click.echo(f"corpparent scorecard: warning: {warning}", err=True)
            incomplete = True
        report = out.finish(report)
        target = None if out.path is None else Path(str(out.path).replace("{period}",
                                                                          slug(period)))
        emit(report, out.format, target)
        reports.append(report)
    if strict and incomplete:
        sys.exit(EXIT_INCOMPLETE)
    out.exit_on_breach(reports)


def missing_readings(report: ScorecardReport, data: Readings, period: Period) -> str | None:
    """A warning when indicators have no reading for ``period``: all of them (with the
    latest period that has readings), or some (named); ``None`` when none is missing.
    A withheld value (``c``) is a reading: it is not missing."""
    missing = [i for i in report.indicators if i.value is None and i.symbol is None]
    if not missing:
        return None
    if len(missing) == len(report.indicators):
        earlier = [p for p in data.periods if p.end <= period.end]
        latest = f"; the latest period with readings is {max(earlier, key=lambda p: p.end)}" \
            if earlier else "; the file has no reading for it or before it"
        return f"no indicator has a reading for {period}{latest}"
    names = ", ".join(i.id for i in missing[:5])
    more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
    verb = "has" if len(missing) == 1 else "have"
    return (f"{len(missing)} of {counted(len(report.indicators), 'indicator')} {verb} no "
            f"reading for {period}: {names}{more}")


def outside_rule_set(data: Readings, period: Period, rule_set: YearRules) -> str | None:
    """A warning naming the indicators with readings in ``period`` that the rule set in
    force does not define (removed that year, say), which are therefore not judged."""
    ids = {i.id for i in rule_set.indicators}
    outside = sorted({r.indicator for r in data if r.indicator not in ids
                      and period.overlaps(r.period)})
    if not outside:
        return None
    many = len(outside)
    return (f"{listed(outside)} {noun(many, 'has', 'have')} readings for {period} but "
            f"{noun(many, 'is', 'are')} not in {rule_set.label}, so not judged")


def unused_groups(rule_set: YearRules) -> str | None:
    """A warning when the rule set declares comparator groups but none called
    "Outstanding authorities", the one the national standing uses (a misspelt name
    would otherwise be passed over in silence)."""
    if not rule_set.groups or any(g.name == OUTSTANDING for g in rule_set.groups):
        return None
    names = listed([repr(g.name) for g in rule_set.groups])
    return (f"{rule_set.label} declares {noun(len(rule_set.groups), 'group')} {names} but "
            f"none called {OUTSTANDING!r}, which the national rank compares with; Ofsted's "
            "group as at the end of each year is used instead")


def _for_rule_set(assessor: Scorecard, rule_set: YearRules, own_comparators: bool,
                  national_for: Callable[[DatedGroup | None],
                                         dict[str, tuple[NationalStanding, ...]]],
                  ) -> Scorecard:
    """The scorecard as the rule set in force has it: its indicators, its comparator set
    (unless a comparators file was given), and the national standings with its
    Outstanding group where it declares one."""
    group = next((g for g in rule_set.groups if g.name == OUTSTANDING), None)
    comparators = assessor.comparators
    if own_comparators and rule_set.comparators is not None:
        comparators = rule_set.comparators.comparators
    return evolve(assessor, indicators=rule_set.indicators, comparators=comparators,
                  national=national_for(group))
