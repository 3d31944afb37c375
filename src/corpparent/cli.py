"""The ``corpparent`` command: scorecards, governance and obligations a person can read.

Exit codes: 0 success; 1 when ``--fail-on-breach`` is given and a finding is a breach;
2 bad input, with one line on standard error naming the file, row and field. No
traceback is printed for bad input. Progress is shown on standard error for runs over
several periods, and only when standard error is a terminal.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn, TypeVar

import click

from corpparent.comparators.files import read_comparators
from corpparent.errors import CorpparentError, DataError, PluginError
from corpparent.indicators.files import ReadingRecord, read_readings
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import Period, parse_period
from corpparent.report.build import scorecard_report
from corpparent.report.model import FindingsReport, Profile, ScorecardReport, report_schema
from corpparent.report.output import FORMATS, Format, finish, render
from corpparent.report.profiles import PROFILES, default_profile
from corpparent.report.provenance import make_provenance
from corpparent.report.suppression import DEFAULT_THRESHOLD
from corpparent.scorecard import Scorecard

__all__ = ["cli", "main"]

T = TypeVar("T")
EXIT_BREACH = 1
EXIT_BAD_INPUT = 2


def _one_line(error: BaseException) -> str:
    """An error as one line: a DataError's first problem and how many more there are."""
    if isinstance(error, click.ClickException):
        return " ".join(error.format_message().split())
    if isinstance(error, DataError) and len(error.problems) > 1:
        more = len(error.problems) - 1
        return (f"{error.problems[0]} (and {more} more problem{'s' if more > 1 else ''}; "
                f"'corpparent validate' lists them all)")
    return " ".join(str(error).split())


class _Group(click.Group):
    """A command group that turns bad input into one line on stderr and exit code 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> NoReturn:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False,
                                windows_expand_args=windows_expand_args, **extra)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "corpparent"
            click.echo(f"{where}: error: {_one_line(exc)} (see '{where} --help')", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except CorpparentError as exc:
            click.echo(f"corpparent: error: {_one_line(exc)}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except click.ClickException as exc:
            click.echo(f"corpparent: error: {_one_line(exc)}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("corpparent: aborted", err=True)
            sys.exit(EXIT_BAD_INPUT)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"],
                                           "max_content_width": 100})
@click.version_option(package_name="corpparent", prog_name="corpparent")
def cli() -> None:
    """Governance and performance oversight for Corporate Parenting Panels.

    \b
    Examples:
      corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \\
          --indicators examples/scorecard.py:wiltshire_indicators \\
          --authority Wiltshire --period "2022-23 Q4"
      corpparent schema report

    Exit codes: 0 success, 1 a breach found (with --fail-on-breach), 2 bad input.
    """


# --- shared helpers -------------------------------------------------------------------


class PeriodType(click.ParamType):  # type: ignore[type-arg]
    """A period as written: '2022-23 Q4', '2023-03', '2022-23'."""

    name = "PERIOD"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Period:
        if isinstance(value, Period):
            return value
        try:
            return parse_period(str(value))
        except CorpparentError as exc:
            self.fail(str(exc), param, ctx)


def _progress(items: Sequence[T], description: str) -> Iterator[T]:
    """``items``, with a rich progress bar on stderr when it is a terminal and there is
    more than one item."""
    from rich.console import Console
    from rich.progress import track

    console = Console(stderr=True)
    if len(items) < 2 or not console.is_terminal:
        yield from items
        return
    yield from track(items, description=description, console=console, transient=True)


def _load_python(reference: str) -> object:
    """``path/to/file.py:name`` or ``package.module:name``: the named object."""
    target, _, name = reference.partition(":")
    module: ModuleType
    try:
        if target.endswith(".py"):
            path = Path(target)
            if not path.is_file():
                raise DataError.single(target, "file not found")
            spec = importlib.util.spec_from_file_location(f"_corpparent_{path.stem}", path)
            if spec is None or spec.loader is None:
                raise PluginError(f"cannot load Python file {target}")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        else:
            module = importlib.import_module(target)
    except CorpparentError:
        raise
    except Exception as exc:  # the user's code: report it in one line, not a traceback
        raise PluginError(f"cannot load {target}: {type(exc).__name__}: {exc}") from exc
    if not name:
        candidates = [n for n in vars(module) if n.endswith("indicators") and
                      callable(getattr(module, n)) and not n.startswith("_")]
        if len(candidates) != 1:
            raise PluginError(f"{target}: name the indicator set as {target}:NAME; found "
                              f"{', '.join(candidates) or 'no function ending in indicators'}")
        name = candidates[0]
    if not hasattr(module, name):
        raise PluginError(f"{target} defines no {name!r}")
    return getattr(module, name)


def load_indicator_set(reference: str) -> IndicatorSet:
    """An indicator set from Python: an :class:`IndicatorSet`, or a function returning one."""
    found = _load_python(reference)
    if callable(found) and not isinstance(found, IndicatorSet):
        try:
            found = found()
        except CorpparentError:
            raise
        except Exception as exc:
            raise PluginError(f"{reference} failed: {type(exc).__name__}: {exc}") from exc
    if not isinstance(found, IndicatorSet):
        raise PluginError(f"{reference} is a {type(found).__name__}, not an IndicatorSet")
    return found


def _write(text: str, output: Path | None, *, what: str) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DataError.single(str(output), f"cannot write {what}: {exc.strerror}") from exc
    click.echo(f"wrote {output}", err=True)


def _terminal_width() -> int:
    return max(80, min(shutil.get_terminal_size((120, 40)).columns, 160))


def _emit(report: ScorecardReport | FindingsReport, output_format: Format,
          output: Path | None) -> None:
    color = output is None and output_format == "terminal" and sys.stdout.isatty()
    text = render(report, output_format, width=_terminal_width(), color=color)
    _write(text, output, what=f"the {output_format} report")


def _breached(reports: Iterable[ScorecardReport | FindingsReport]) -> bool:
    return any(f.breach for report in reports for f in report.findings)


def output_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options every reporting command shares."""
    options = [
        click.option("--format", "-f", "output_format", type=click.Choice(FORMATS),
                     default="terminal", show_default=True, help="Output format."),
        click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write to this file instead of standard output. With several "
                     "periods, include {period} in the name."),
        click.option("--profile", type=click.Choice(PROFILES),
                     help="Who the report is for. Default: public for html and markdown, "
                     "internal for terminal and json."),
        click.option("--suppress/--no-suppress", "suppress_small", default=None,
                     help="Withhold small counts of children (shown as c). Default: on for "
                     "the public profile, off otherwise."),
        click.option("--threshold", type=click.IntRange(min=1), default=DEFAULT_THRESHOLD,
                     show_default=True, help="Counts below this are withheld."),
        click.option("--fail-on-breach", is_flag=True,
                     help="Exit with code 1 when any finding is a breach."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _options_used(**options: object) -> dict[str, str | int | float | bool | None]:
    used: dict[str, str | int | float | bool | None] = {}
    for key, value in options.items():
        if value is None or isinstance(value, str | int | float | bool):
            used[key] = value
        else:
            used[key] = str(value)
    return used


# --- scorecard --------------------------------------------------------------------------


@cli.command(short_help="Assess a scorecard and its exception report.")
@click.argument("readings", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--period", "-p", "periods", type=PeriodType(), multiple=True, required=True,
              help="The period to assess, e.g. '2022-23 Q4'. Repeat for several periods.")
@click.option("--indicators", "-i", "indicator_ref", required=True, metavar="FILE.py[:NAME]",
              help="The indicator set: a Python file or module and the IndicatorSet (or "
              "function returning one) it defines.")
@click.option("--authority", "-a", help="The authority's name, shown in the report.")
@click.option("--comparators", "-c", "comparators_file",
              type=click.Path(dir_okay=False, path_type=Path),
              help="A comparators file (comparator, indicator, period, value): shown beside "
              "each indicator's latest value.")
@click.option("--title", help="The report's title.")
@click.option("--history", type=click.IntRange(min=1, max=40), default=8, show_default=True,
              help="How many periods each trend chart shows.")
@output_options
def scorecard(
    readings: Path,
    periods: tuple[Period, ...],
    indicator_ref: str,
    authority: str | None,
    comparators_file: Path | None,
    title: str | None,
    history: int,
    output_format: Format,
    output: Path | None,
    profile: Profile | None,
    suppress_small: bool | None,
    threshold: int,
    fail_on_breach: bool,
) -> None:
    """Assess a scorecard for a period from a readings file, with its exception report.

    READINGS is a CSV or JSON readings file (columns indicator, period, value, and
    optionally unit, numerator, denominator, population).

    \b
    Examples:
      corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \\
          -i examples/scorecard.py:wiltshire_indicators -a Wiltshire -p "2022-23 Q4"
      corpparent scorecard readings.csv -i examples/scorecard.py -p "2022-23 Q4" \\
          -c comparators.csv --format html --output scorecard.html
      corpparent scorecard readings.csv -i examples/scorecard.py -p "2022-23 Q3" \\
          -p "2022-23 Q4" -f markdown -o "scorecard-{period}.md"
      corpparent scorecard readings.csv -i examples/scorecard.py -p "2022-23 Q4" \\
          -f json --fail-on-breach
    """
    if len(periods) > 1 and (output is None or "{period}" not in str(output)):
        raise click.UsageError("several periods need --output with {period} in the file name")
    indicators = load_indicator_set(indicator_ref)
    data = read_readings(readings, indicators)
    comparators = () if comparators_file is None else read_comparators(
        comparators_file, indicators=indicators)
    inputs = [readings] if comparators_file is None else [readings, comparators_file]
    assessor = Scorecard(indicators)
    chosen = profile or default_profile(output_format)
    reports: list[ScorecardReport] = []
    now = datetime.now(UTC).replace(microsecond=0)
    for period in _progress(periods, "Assessing periods"):
        provenance = make_provenance(
            inputs=inputs,
            period=period,
            options=_options_used(indicators=indicator_ref, authority=authority,
                                  format=output_format, profile=chosen,
                                  suppress=suppress_small, threshold=threshold,
                                  history=history),
            generated_at=now,
            name_only=chosen == "public",
        )
        result = assessor.assess(data, period)
        report = scorecard_report(result, indicators, data, provenance, title=title,
                                  authority=authority, history=history, comparators=comparators)
        report = finish(report, output_format, profile=profile, suppress_small=suppress_small,
                        threshold=threshold)
        target = None if output is None else Path(str(output).replace("{period}",
                                                                      _slug(period)))
        _emit(report, output_format, target)
        reports.append(report)
    if fail_on_breach and _breached(reports):
        sys.exit(EXIT_BREACH)


def _slug(period: Period) -> str:
    return str(period).replace(" ", "-")


# --- schema -----------------------------------------------------------------------------


def _schemas() -> dict[str, Callable[[], dict[str, Any]]]:
    return {
        "report": report_schema,
        "readings": lambda: ReadingRecord.model_json_schema(),
    }


@cli.command(short_help="Print the JSON Schema of reports or input records.")
@click.argument("name", required=False)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
def schema(name: str | None, output: Path | None) -> None:
    """Print a JSON Schema: of reports, or of a record of an input file.

    Without NAME, lists the schemas available.

    \b
    Examples:
      corpparent schema                 # list them
      corpparent schema report          # the schema every JSON report validates against
      corpparent schema readings -o readings.schema.json
    """
    schemas = _schemas()
    if name is None:
        click.echo("\n".join(sorted(schemas)))
        return
    if name not in schemas:
        raise click.BadParameter(f"unknown schema {name!r}; expected one of "
                                 f"{', '.join(sorted(schemas))}", param_hint="NAME")
    text = json.dumps(schemas[name](), indent=2, ensure_ascii=False) + "\n"
    _write(text, output, what="the schema")


def main() -> NoReturn:
    """The console script's entry point."""
    cli.main(prog_name="corpparent")

