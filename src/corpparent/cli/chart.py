"""``corpparent chart``: one indicator's process (XmR) chart and its signals."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import click

from corpparent.cli.common import (
    Output,
    PeriodType,
    options_used,
    output_options,
    profile_and_indicators,
)
from corpparent.cli.isolation import Outcome, deliver, outcome, user_code
from corpparent.cli.record_owner import owner_of
from corpparent.errors import CorpparentError
from corpparent.files.panel.readings import read_readings
from corpparent.indicators.definitions import Indicator
from corpparent.indicators.readings import Readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period
from corpparent.profile import AuthorityProfile
from corpparent.report.build import chart_report
from corpparent.report.provenance import make_provenance
from corpparent.rulesets import BeforeFirstYearError
from corpparent.runs.chart import chart_series
from corpparent.runs.chart_totals import Key, given_away
from corpparent.spc.chart import DEFAULT_MINIMUM_POINTS, XmROptions
from corpparent.spc.rules import DEFAULT_RUN_LENGTH, DEFAULT_TREND_LENGTH

__all__ = ["chart"]


def _from_file(readings: Path | None, authority_id: str | None, indicator_ref: str | None,
               indicator_id: str) -> tuple[Indicator, Readings, AuthorityProfile | None,
                                           IndicatorSet | None]:
    if readings is None:
        raise click.UsageError("give a READINGS file, or --national with --area")
    profile, indicators = profile_and_indicators(authority_id, indicator_ref)
    if indicator_ref is None and profile is not None:
        indicators = profile.reading_indicators
    indicator = indicators[indicator_id]
    return (indicator, read_readings(readings, indicators), profile,
            None if indicator_ref is None else indicators)


def _from_national(folder: Path, area: str | None,
                   indicator_id: str) -> tuple[Indicator, Readings, str | None]:
    if area is None:
        raise click.UsageError("--national needs --area, the authority's code in the DfE "
                               "files (such as 865 for Wiltshire)")
    # The DfE readers are loaded only when asked for, so 'corpparent --help' stays light.
    from corpparent.files.dfe.national import read_lait_benchmarking

    benchmarking = read_lait_benchmarking(folder)
    indicator = benchmarking.indicator(indicator_id)
    names = {a.code: a.name for a in benchmarking.data.areas}
    if area not in names:
        raise CorpparentError(f"no area {area!r} in the DfE files in {folder}")
    return indicator, benchmarking.data.readings(area), names[area]


@click.command(short_help="Draw an indicator's process chart and its signals.")
@click.argument("readings", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--indicator", "-n", "indicator_id", required=True, metavar="ID",
              help="The indicator to chart.")
@click.option("--authority", "-a", "authority_id", metavar="ID|FILE",
              help="An installed plug-in's id, or a plug-in file not installed (.toml, or "
              ".py or module:NAME): the indicator's definition and targets.")
@click.option("--indicators", "-i", "indicator_ref", metavar="FILE.py[:NAME]",
              help="An indicator set from Python instead.")
@click.option("--national", type=click.Path(file_okay=False, path_type=Path), metavar="FOLDER",
              help="Chart the DfE's published annual series instead of a readings file: the "
              "folder holding the LAIT dataset (lait_bds_long.parquet) and its dictionary.")
@click.option("--area", metavar="CODE", help="With --national: the authority's code (old LA "
              "code, such as 865 for Wiltshire).")
@click.option("--period", "-p", "up_to", type=PeriodType(),
              help="The last period charted (default: the latest reading).")
@click.option("--rebase", type=PeriodType(), multiple=True,
              help="Start a new group, with its own limits, at this period. Repeatable.")
@click.option("--baseline", type=click.IntRange(min=2),
              help="Set each group's limits from its first N points only.")
@click.option("--minimum-points", type=click.IntRange(min=2), default=DEFAULT_MINIMUM_POINTS,
              show_default=True, help="Fewer points than this give trial limits.")
@click.option("--screen/--no-screen", "screen_outliers", default=True, show_default=True,
              help="Leave out moving ranges at or above 3.267 times their average "
              "(NHSRplotthedots); --no-screen as the Making Data Count Excel tool.")
@click.option("--run-length", type=click.IntRange(min=6), default=DEFAULT_RUN_LENGTH,
              show_default=True, help="Points on one side of the mean that make a run "
              "(6 as NHS England's SQL).")
@click.option("--trend-length", type=click.IntRange(min=6), default=DEFAULT_TREND_LENGTH,
              show_default=True, help="Points rising or falling that make a trend.")
@output_options
def chart(
    readings: Path | None,
    indicator_id: str,
    authority_id: str | None,
    indicator_ref: str | None,
    national: Path | None,
    area: str | None,
    up_to: Period | None,
    rebase: tuple[Period, ...],
    baseline: int | None,
    minimum_points: int,
    screen_outliers: bool,
    run_length: int,
    trend_length: int,
    out: Output,
) -> None:
    """Draw one indicator's process (XmR) chart: its mean and process limits from its
    own history, the signals of special cause variation, the variation of its latest
    value, and whether its target will be met consistently, hit and miss, or missed.

    READINGS is a readings file (see 'corpparent scorecard'); or give --national and
    --area to chart the DfE's published annual figures for one authority.

    \b
    Examples:
      corpparent chart examples/data/wiltshire_health_assessments_monthly_illustrative.csv \\
          -a wiltshire -n health_assessments
      corpparent chart --national ../shared/data/dfe --area 865 -n cla_number -f html \\
          -o wiltshire-children-in-care.html
    """
    options = XmROptions(screen_outliers=screen_outliers, baseline=baseline,
                         minimum_points=minimum_points, run_length=run_length,
                         trend_length=trend_length)
    used = options_used(indicator=indicator_id, authority=authority_id,
                        indicators=indicator_ref,
                        national=str(national) if national is not None else None, area=area,
                        rebase=", ".join(str(p) for p in rebase) or None, baseline=baseline,
                        minimum_points=minimum_points, screen=screen_outliers,
                        run_length=run_length, trend_length=trend_length)
    charted = partial(_charted, readings, indicator_id, authority_id, indicator_ref, national,
                      area, up_to, rebase, options, used, out)
    code = () if national is not None else user_code(authority=authority_id,
                                                     indicators=indicator_ref)
    deliver(outcome(charted, code), out, "chart")


def _charted(readings: Path | None, indicator_id: str, authority_id: str | None,
             indicator_ref: str | None, national: Path | None, area: str | None,
             up_to: Period | None, rebase: tuple[Period, ...], options: XmROptions,
             used: dict[str, str | int | float | bool | None], out: Output) -> Outcome:
    """The chart as a report document: the part of the command that runs a Python
    plug-in's code (in a child process when there is one)."""
    profile: AuthorityProfile | None = None
    indicators: IndicatorSet | None = None
    if national is not None:
        indicator, data, authority = _from_national(national, area, indicator_id)
        inputs: list[Path] = []
        source = str(national)
    else:
        indicator, data, profile, indicators = _from_file(
            readings, authority_id, indicator_ref, indicator_id)
        authority = None if profile is None else profile.name
        inputs = [] if readings is None else [readings]
        source = str(readings)
    try:
        run = chart_series(indicator, data, profile=profile, indicators=indicators,
                           up_to=up_to, rebase=rebase, options=options, source=source)
    except BeforeFirstYearError as exc:
        raise click.UsageError(str(exc)) from None
    provenance = make_provenance(
        inputs=inputs, period=run.last, options={**used, **out.options()},
        generated_at=datetime.now(UTC).replace(microsecond=0))
    owner = owner_of(profile, authority)
    chosen, periods = run.indicators, run.chart.periods

    def given(published: Mapping[Key, float], withheld: Collection[Key]) -> frozenset[Key]:
        """The points that would give a figure of a declared total away."""
        if chosen is None or periods is None:
            return frozenset()
        return given_away(indicator.id, periods, chosen, data, published, withheld,
                          out.threshold)

    return Outcome((out.finish(chart_report(run, provenance, authority=authority), owner,
                               also_withheld=given),), owner=owner)
