"""What the subcommands share: exit codes, one-line errors, argument types (periods,
dates, an indicator set from Python), progress, output options and writing output.

What only some commands use (plug-ins, the disclosure record, rich's progress bar, the
tidy tables) is imported where it is used, so a command pays only for its own."""

from __future__ import annotations

import functools
import os
import re
import shutil
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, final

import click
from attrs import field, frozen

from corpparent.cli.exits import EXIT_BAD_INPUT, EXIT_BREACH, EXIT_INCOMPLETE, one_line
from corpparent.cli.outputs import given_outputs, refuse_overwriting_inputs, write_output
from corpparent.disclosure.tables import DEFAULT_THRESHOLD
from corpparent.errors import CorpparentError, DataError
from corpparent.periods import Period, parse_period
from corpparent.report.formats import RenderOptions, backend, format_names
from corpparent.report.model import (
    AnyReport,
    FindingsReport,
    Profile,
    ScorecardReport,
)
from corpparent.report.output import finish, render, render_binary
from corpparent.report.profiles import PROFILES, default_profile
from corpparent.report.provenance import make_provenance
from corpparent.safe_text import printable_tree

if TYPE_CHECKING:
    from rich.console import Console

    from corpparent.cli.record_owner import Owner
    from corpparent.cli.recording import Recording
    from corpparent.findings import Finding
    from corpparent.governance.register import AttendanceRegister
    from corpparent.indicators.sets import IndicatorSet
    from corpparent.profile import AuthorityProfile
    from corpparent.runs.notes import RunWarning

#: What a paper gives away beside the figures earlier papers published (by key), and the
#: keys of those they withheld: the keys of the figures it must withhold too.
GivenAway = Callable[[Mapping[tuple[str, ...], float], Collection[tuple[str, ...]]],
                     Collection[tuple[str, ...]]]

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_BREACH",
    "EXIT_INCOMPLETE",
    "DateType",
    "Output",
    "OutputPath",
    "PeriodType",
    "breached",
    "emit",
    "findings_document",
    "load_indicator_set",
    "one_line",
    "options_used",
    "output_options",
    "profile_and_indicators",
    "progress",
    "refuse_overwriting_inputs",
    "slug",
    "terminal_width",
    "write_output",
]

T = TypeVar("T")
R = TypeVar("R", ScorecardReport, FindingsReport)
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


def progress(items: Sequence[T], description: str, console: Console | None = None) -> Iterator[T]:
    """``items``, with a rich progress bar on ``console`` (default: standard error) when
    it is a terminal and there is more than one item."""
    from rich.console import Console
    from rich.progress import track

    console = console or Console(stderr=True)
    if len(items) < 2 or not console.is_terminal:
        yield from items
        return
    yield from track(items, description=description, console=console, transient=True)


def profile_and_indicators(
    authority_id: str | None, indicator_ref: str | None,
) -> tuple[AuthorityProfile | None, IndicatorSet]:
    """The plug-in named by ``--authority`` (if any) and the indicator set to use: from
    ``--indicators`` when given, else the plug-in's; one of the two is needed."""
    from corpparent.plugins import load_authority

    if authority_id is None and indicator_ref is None:
        raise click.UsageError("give --authority (an installed plug-in) or --indicators")
    profile = None if authority_id is None else load_authority(authority_id)
    if indicator_ref is not None:
        return profile, load_indicator_set(indicator_ref)
    assert profile is not None
    return profile, profile.indicators


def load_indicator_set(reference: str) -> IndicatorSet:
    """An indicator set from Python: an [`IndicatorSet`][corpparent.indicators.sets.IndicatorSet],
    or a function returning one."""
    from corpparent.indicators.sets import IndicatorSet
    from corpparent.plugins.python_objects import load_object

    return load_object(reference, IndicatorSet, "indicators")


def terminal_width() -> int:
    return max(80, min(shutil.get_terminal_size((120, 40)).columns, 160))


def emit(report: AnyReport, output_format: str,
         output: Path | None, options: RenderOptions | None = None) -> None:
    """Print or write ``report``. A binary format needs a file (checked with the options,
    before any work); a format of tables (CSV, Parquet) written to a file gets the
    report's other tidy tables beside it, named ``NAME-TABLE.csv``: every table is
    rendered and every name checked before any is written, then each file is written
    whole or not at all (the set is not one step: a full disk part-way leaves the tables
    before it new and those after it as they were)."""
    # Control characters from data are written out before rendering, so a terminal's
    # own colours survive while an escape sequence in a name or a cell does not. A
    # report with none (the usual case) is rendered as it is, not validated again.
    dumped = report.model_dump()
    printable = printable_tree(dumped)
    if printable != dumped:
        report = type(report).model_validate(printable)
    chosen = backend(output_format)
    if output is None or chosen.table_writer is None:
        if chosen.binary:
            assert output is not None, "a binary format without --output is refused earlier"
            write_output(render_binary(report, output_format, options), output,
                         what=f"the {output_format} report")
            return
        color = output is None and output_format == "terminal" and sys.stdout.isatty()
        text = render(report, output_format, width=terminal_width(), color=color)
        write_output(text, output, what=f"the {output_format} report")
        return
    from corpparent.report.tables import tidy_tables

    tables = tidy_tables(report)
    targets = [output, *(output.with_name(f"{output.stem}-{t.name}{output.suffix}")
                         for t in tables[1:])]
    for table, target in zip(tables, targets, strict=True):
        refuse_overwriting_inputs(target, f"the {table.name} table")
        if target.is_dir():
            raise DataError.single(str(target), "cannot write a table here: it is a folder; "
                                   "nothing was written")
    rendered = [chosen.write_table(table) for table in tables]  # all, before any is written
    for table, target, content in zip(tables, targets, rendered, strict=True):
        write_output(content, target, what=f"the {table.name} table")


def _recording() -> Recording:
    """A disclosure record kept where the options leave it by default."""
    from corpparent.cli.recording import Recording

    return Recording()


def breached(reports: Iterable[ScorecardReport | FindingsReport]) -> bool:
    return any(f.breach for report in reports for f in report.findings)


@final
@frozen
class Output:
    """How a command writes its report: the shared output options, as one value."""

    format: str
    path: Path | None
    profile: Profile | None
    suppress: bool | None
    threshold: int
    fail_on_breach: bool
    recording: Recording = field(factory=lambda: _recording())
    paper: RenderOptions = field(factory=RenderOptions)

    @property
    def chosen_profile(self) -> Profile:
        """The profile given, or the format's default."""
        return self.profile or default_profile(self.format)

    def options(self) -> dict[str, str | int | float | bool | None]:
        """The options as the provenance block records them."""
        return {"format": self.format, "profile": self.chosen_profile,
                "suppress": self.suppress, "threshold": self.threshold}

    def finish(self, report: R, owner: Owner | None, *,
               also_withheld: GivenAway | None = None) -> R:
        """``report`` under the chosen profile and suppression; a public paper protected
        against what the disclosure record of ``owner``'s authority (and this command's
        earlier papers) published, and withholding too the figures ``also_withheld``
        finds, given those (what a chart would give away through a declared total)."""
        public = self.chosen_profile == "public" and self.suppress is not False
        # An officer's copy with --suppress withholds what the public paper does, against
        # the same record, so its log says why each c of the public paper is there.
        protected = public or self.suppress is True
        published, withheld = self.recording.earlier(protected, owner)
        if protected and also_withheld is not None:
            withheld = withheld | frozenset(also_withheld(published or {}, withheld))
        finished = finish(report, self.format, profile=self.profile,
                          suppress_small=self.suppress, threshold=self.threshold,
                          published=published, withheld_before=withheld)
        self.recording.finished(finished)
        return finished

    def exit_on_breach(self, reports: Iterable[ScorecardReport | FindingsReport]) -> None:
        """Exit with 1 when ``--fail-on-breach`` was given and a finding is a breach."""
        if self.fail_on_breach and breached(reports):
            sys.exit(EXIT_BREACH)


class OutputPath(click.Path):
    """A file to write: not an existing folder, and not a name ending in ``/`` (which
    means a folder; writing a file called ``name`` instead would surprise)."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        text = os.fspath(value)
        if isinstance(text, str) and text.endswith(("/", os.sep)):
            self.fail(f"{text!r} names a folder: give a file name, such as "
                      f"{text}report.html", param, ctx)
        return super().convert(value, param, ctx)


_OUTPUT_OPTIONS = [
    click.option("--format", "-f", "output_format", type=click.Choice(format_names()),
                 default="terminal", show_default=True, help="Output format."),
    click.option("--output", "-o", type=OutputPath(),
                 help="Write to this file instead of standard output; without --format, "
                 "its suffix (.html, .md, .docx, .json, .csv, .xlsx, .parquet) chooses "
                 "the format. With several periods, include {period} in the name."),
    click.option("--profile", type=click.Choice(PROFILES),
                 help="Who the report is for. Default: public for html, markdown and docx "
                 "(papers), internal for terminal, json and the tables."),
    click.option("--suppress/--no-suppress", "suppress_small", default=None,
                 help="Withhold small counts of children (shown as c). Default: on for "
                 "the public profile, off otherwise."),
    click.option("--threshold", type=click.IntRange(min=1), default=DEFAULT_THRESHOLD,
                 show_default=True, help="Counts below this are withheld."),
    click.option("--fail-on-breach", is_flag=True,
                 help="Exit with code 1 when any finding is a breach."),
    click.option("--disclosure-record", "record", type=click.Path(dir_okay=False,
                 path_type=Path), metavar="FILE",
                 help="The record of what the authority's public papers have published: "
                 "a public paper is protected against it and adds its own figures. "
                 "Default: a file per authority in the user's data folder "
                 "(CORPPARENT_DATA_DIR), never beside the paper."),
    click.option("--no-disclosure-record", "no_record", is_flag=True,
                 help="Protect a public paper on its own, neither reading nor adding to a "
                 "disclosure record."),
    click.option("--paper", "paper_size", type=click.Choice(["a4", "letter"]),
                 help="The Word paper's page size. Default: the template's (A4)."),
    click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 help="The council's Word template (.docx or .dotx) for the paper."),
    click.option("--author", help="The Word paper's author. Default: corpparent."),
]


#: The format a file's suffix names, when ``--format`` is not given.
_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html",
                   ".htm": "html", ".docx": "docx", ".json": "json", ".csv": "csv",
                   ".xlsx": "xlsx", ".parquet": "parquet"}


def _format_for(output_format: str, output: Path | None) -> str:
    """The format asked for with ``--format``; or, when it was left at its default, the
    one the output file's suffix names (``-o paper.docx`` writes a Word paper, not the
    terminal's text in a file called .docx)."""
    context = click.get_current_context(silent=True)
    given = context is not None and context.get_parameter_source(
        "output_format") not in (None, click.core.ParameterSource.DEFAULT)
    if given or output is None:
        return output_format
    named = _SUFFIX_FORMATS.get(output.suffix.lower())
    return named if named is not None and named in format_names() else output_format


def output_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """Add the options every reporting command shares, passed to it as ``out``."""

    @functools.wraps(function)
    def command(*args: Any, output_format: str, output: Path | None,
                profile: Profile | None, suppress_small: bool | None, threshold: int,
                fail_on_breach: bool, record: Path | None, no_record: bool,
                paper_size: str | None, template: Path | None, author: str | None,
                **kwargs: Any) -> Any:
        output_format = _format_for(output_format, output)
        if backend(output_format).binary and output is None:
            raise click.UsageError(
                f"--format {output_format} writes a binary file: give --output FILE")
        if output is not None:  # before any work, so the refusal is the only line
            refuse_overwriting_inputs(output, f"the {output_format} report")
        for option, other in given_outputs():  # the command's other outputs (--ics) too
            refuse_overwriting_inputs(other, f"the {option} file")
        if record is not None and no_record:
            raise click.UsageError("--disclosure-record and --no-disclosure-record "
                                   "cannot be given together")
        from corpparent.cli.recording import Recording

        out = Output(output_format, output, profile, suppress_small, threshold, fail_on_breach,
                     Recording(record, enabled=not no_record),
                     RenderOptions(paper_size=paper_size, template=template, author=author))
        return function(*args, out=out, **kwargs)

    decorated: Callable[..., Any] = command
    for option in reversed(_OUTPUT_OPTIONS):
        decorated = option(decorated)
    return decorated


def options_used(**options: object) -> dict[str, str | int | float | bool | None]:
    used: dict[str, str | int | float | bool | None] = {}
    for key, value in options.items():
        if value is None or isinstance(value, str | int | float | bool):
            used[key] = value
        else:
            used[key] = str(value)
    return used


def slug(period: Period) -> str:
    """A period as it goes in a file name: ``2022-23-Q4``."""
    return str(period).replace(" ", "-")


class DateType(click.ParamType):  # type: ignore[type-arg]
    """A calendar date written ``2023-09-01``."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                self.fail(f"{text} is no day of the calendar (written YYYY-MM-DD, it names "
                          "a month or day that does not exist)", param, ctx)
            self.fail(f"expected a date written YYYY-MM-DD, such as 2023-09-01; got {value!r}",
                      param, ctx)


def warn(warnings: Iterable[RunWarning], command: str) -> None:
    """Print a run's warnings on standard error, one line each, with the option that
    would answer it where the run names one."""
    for warning in warnings:
        hint = f": {warning.hint}" if warning.hint else ""
        click.echo(f"corpparent {command}: warning: {warning}{hint}", err=True)


def findings_document(
    findings: Sequence[Finding],
    out: Output,
    *,
    title: str,
    authority: str | None,
    period: Period | None,
    inputs: Sequence[Path],
    options: dict[str, str | int | float | bool | None],
    owner: Owner | None,
    register: AttendanceRegister | None = None,
    notes: Sequence[str] = (),
) -> FindingsReport:
    """``findings`` as a report document with its provenance (and the attendance register
    of a report of meetings, and the run's ``notes``), protected against the disclosure
    record of ``owner``'s authority."""
    from corpparent.report.build import findings_report

    provenance = make_provenance(
        inputs=inputs, period=period, options={**options, **out.options()},
        generated_at=datetime.now(UTC).replace(microsecond=0),
    )
    return out.finish(findings_report(findings, provenance, title=title,
                                      authority=authority, period=period,
                                      register=register, notes=notes), owner)
