"""The ``corpparent`` command: scorecards, governance and obligations a person can read.

Exit codes: 0 success; 1 when ``--fail-on-breach`` is given and a finding is a breach;
2 bad input, with one line on standard error naming the file, row and field; 3 when
``--strict`` is given and the report is incomplete (an indicator without a reading, or
nothing judged). No
traceback is printed for bad input. Progress is shown on standard error for runs over
several periods, and only when standard error is a terminal.
"""

from __future__ import annotations

import importlib
import logging
import signal
import sys
from collections.abc import Sequence
from types import MappingProxyType
from typing import Any, Final, NoReturn

import click

from corpparent.cli.exits import EXIT_BAD_INPUT, one_line
from corpparent.errors import CorpparentError

__all__ = ["COMMANDS", "cli", "main", "show_log"]

#: Each subcommand: the module that defines it (imported only when the command runs, so
#: ``corpparent --help`` loads none of them) and the short help the group lists, which a
#: test holds equal to the command's own.
COMMANDS: Final = MappingProxyType({
    "authorities": ("corpparent.cli.authorities",
                    "List and show the installed authority plug-ins."),
    "benchmark": ("corpparent.cli.benchmark",
                  "Rank and band an authority against England, its region, its neighbours "
                  "and Outstanding authorities."),
    "chart": ("corpparent.cli.chart", "Draw an indicator's process chart and its signals."),
    "disclosure": ("corpparent.cli.disclosure",
                   "Check published reports for withheld figures a reader can work out."),
    "meetings": ("corpparent.cli.meetings",
                 "Check quorum, meeting frequency and attendance."),
    "obligations": ("corpparent.cli.obligations",
                    "Judge a submissions log; list what falls due."),
    "schema": ("corpparent.cli.schema", "Print the JSON Schema of reports or input files."),
    "scorecard": ("corpparent.cli.scorecard",
                  "Assess a scorecard and its exception report."),
    "ssda903": ("corpparent.cli.ssda903",
                "Compute the DfE's children looked after measures from the council's "
                "SSDA903 return."),
    "validate": ("corpparent.cli.validate", "Check input files, listing every problem."),
})

EXIT_INTERRUPTED = 130  # the shell's convention for a run stopped by Ctrl-C


def _asked_for_help(error: click.UsageError) -> bool:
    """Whether ``error`` is click's "a group given no subcommand" (click 8.2 and later;
    earlier versions print the help themselves)."""
    kind = getattr(click.exceptions, "NoArgsIsHelpError", None)
    return kind is not None and isinstance(error, kind)


class _Group(click.Group):
    """A command group that turns bad input into one line on stderr and exit code 2, and
    imports a subcommand's module only when that command is run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, _ = COMMANDS[cmd_name]
        found: click.Command = getattr(importlib.import_module(module), cmd_name)
        return found

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

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
            if _asked_for_help(exc):  # a bare command group: its help, as --help shows it
                click.echo(exc.ctx.get_help() if exc.ctx is not None else "")
                sys.exit(0)
            where = exc.ctx.command_path if exc.ctx is not None else "corpparent"
            click.echo(f"{where}: error: {one_line(exc)} (see '{where} --help')", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except CorpparentError as exc:
            click.echo(f"corpparent: error: {one_line(exc)}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except click.ClickException as exc:
            click.echo(f"corpparent: error: {one_line(exc)}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("corpparent: aborted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"],
                                           "max_content_width": 100})
@click.version_option(package_name="corpparent", prog_name="corpparent")
@click.option("--verbose", "-v", count=True,
              help="Say on standard error what was read, skipped and assumed (-vv: more).")
def cli(verbose: int) -> None:
    """Governance and performance oversight for Corporate Parenting Panels.

    \b
    Examples:
      corpparent authorities list
      corpparent scorecard examples/data/wiltshire_readings_2022-23.csv \\
          --authority wiltshire --period "2022-23 Q4" --format html --output wiltshire.html
      corpparent chart examples/data/wiltshire_health_assessments_monthly_illustrative.csv \\
          -a wiltshire -n health_assessments
      corpparent meetings -a wiltshire -p 2022-23
      corpparent obligations due -a wiltshire --from 2023-09-01 --until 2024-03-31
      corpparent validate -a wiltshire examples/data/wiltshire_readings_2022-23.csv
      corpparent schema report
      corpparent benchmark -a Wiltshire -m LAC_LongStable%

    Exit codes: 0 success, 1 a breach found (with --fail-on-breach), 2 bad input,
    3 an incomplete report (with --strict).
    """
    show_log(verbose)


class _Stderr(logging.Handler):
    """Writes each record as one line, ``corpparent: warning: ...``, to the standard error
    of the moment (so a test runner's captured stream, too)."""

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        sys.stderr.write(f"corpparent: {record.levelname.lower()}: {message}\n")


def show_log(verbose: int) -> None:
    """Show the ``corpparent`` logger on standard error: warnings always, what was read,
    skipped and assumed with ``-v``, everything with ``-vv``."""
    logger = logging.getLogger("corpparent")
    if not any(isinstance(handler, _Stderr) for handler in logger.handlers):
        logger.addHandler(_Stderr())
    logger.setLevel({0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG))



def main() -> NoReturn:
    """The console script's entry point. Over a file-size limit a write fails with an
    error (and the file is left as it was) rather than the signal ending the process."""
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    cli.main(prog_name="corpparent")
