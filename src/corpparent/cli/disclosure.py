"""``corpparent disclosure check``: try to work out every figure a set of published
reports withholds, as a reader who has all of them would (see
`corpparent.report.disclosure.check`).

Exit codes: 0 when no withheld figure is narrowed beyond what its ``c`` says, 1 when
one is, 2 for bad input (a file that is not a corpparent JSON report).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from corpparent.cli.exits import EXIT_BREACH
from corpparent.disclosure import DEFAULT_THRESHOLD
from corpparent.safe_text import printable

__all__ = ["disclosure"]

#: A withheld figure is narrowed: the reports give it away, wholly or in part.
EXIT_NARROWED = EXIT_BREACH


@click.group(short_help="Check published reports for withheld figures a reader can work "
             "out.")
def disclosure() -> None:
    """Disclosure control over published reports."""


@disclosure.command(short_help="Try to work out the figures published reports withhold.")
@click.argument("reports", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--threshold", "-t", type=click.IntRange(min=2), default=DEFAULT_THRESHOLD,
              show_default=True, help="A c stands for a count from 1 to THRESHOLD - 1.")
@click.option("--format", "-f", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="How to print the result.")
def check(reports: tuple[Path, ...], threshold: int, output_format: str) -> None:
    """Read each REPORT (a JSON report written by corpparent: the JSON of the papers
    published, which shows every figure any of their formats shows) and try to work out
    every figure they withhold from everything they publish together: totals and their
    parts, quarters and years and their months, percentages and their numerators,
    process charts' means, and the words that bound a figure (a status against a range
    or target, a direction of travel with its tolerance).

    Prints each withheld figure the reports narrow beyond what its c says, with what
    narrows it. Exits with 0 when none is narrowed, 1 when one is, 2 for a file that is
    not a corpparent JSON report.

    \b
    Examples:
      corpparent disclosure check april.json may.json q1.json
      corpparent disclosure check papers/*.json --format json
    """
    from corpparent.report.disclosure.check import check as check_reports

    result = check_reports(reports, threshold=threshold)
    if output_format == "json":
        click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(printable(line) for line in result.lines()))
    if not result.safe:
        sys.exit(EXIT_NARROWED)
