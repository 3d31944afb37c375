"""``corpparent authorities``: the installed authority plug-ins, and what each declares."""

from __future__ import annotations

import io
import sys
import time
from functools import partial
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from corpparent.cli.common import EXIT_BAD_INPUT, progress, terminal_width
from corpparent.cli.isolation import UserCode, isolated, user_code
from corpparent.cli.terms_text import terms_lines
from corpparent.errors import CorpparentError
from corpparent.files import profile_to_toml
from corpparent.files.plugin.writer import profile_to_json
from corpparent.governance.membership import Office
from corpparent.plugins import PluginSpec, discover, load_authority, load_spec, slow_seconds
from corpparent.plugins.scaffold import distribution_name, write_distribution, write_plugin_file
from corpparent.profile import AuthorityProfile, check_identifier
from corpparent.rulesets import all_indicators
from corpparent.wording import counted

__all__ = ["authorities", "describe_profile", "new"]


def _console() -> Console:
    stream = sys.stdout
    return Console(file=stream, width=terminal_width(), highlight=False, emoji=False,
                   no_color=not stream.isatty())


@click.group(short_help="List and show the installed authority plug-ins.")
def authorities() -> None:
    """The authority plug-ins installed (entry-point group corpparent.authorities).

    \b
    Examples:
      corpparent authorities list
      corpparent authorities show wiltshire
      corpparent authorities show wiltshire --toml > wiltshire.toml
      corpparent authorities new middlesbrough
    """


@authorities.command("list", short_help="List the installed plug-ins, loading each.")
def list_authorities() -> None:
    """List every installed authority plug-in, with its distribution and version, and
    load each, timing it: a plug-in that fails to load is named on standard error with
    the reason, and the command exits with 2; one slower than 2 seconds (or
    CORPPARENT_PLUGINS_SLOW_SECONDS) is warned of.

    \b
    Examples:
      corpparent authorities list
      CORPPARENT_PLUGINS_BLOCK=national corpparent authorities list
    """
    found = discover()
    table = Table(title="Authority plug-ins", title_justify="left")
    for column in ("Id", "Name", "Distribution", "Version", "Indicators", "Loads", "Seconds"):
        table.add_column(column)
    failed: list[str] = []
    limit = slow_seconds()
    for spec in progress(found.specs, "Loading plug-ins"):
        started = time.perf_counter()
        try:
            name, indicators = _loaded(spec, limit)
        except CorpparentError as exc:
            took = time.perf_counter() - started
            failed.append(" ".join(str(exc).split()))
            table.add_row(Text(spec.id), "", Text(spec.distribution), Text(spec.version), "",
                          "✗ no", f"{took:.2f}")
        else:
            took = time.perf_counter() - started
            table.add_row(Text(spec.id), Text(name), Text(spec.distribution),
                          Text(spec.version), str(indicators), "✓ yes", f"{took:.2f}")
    for spec in found.excluded:
        table.add_row(Text(spec.id), "", Text(spec.distribution), Text(spec.version), "",
                      "excluded by allow or block list", "")
    _console().print(table)
    problems = [*failed, *(" ".join(str(c).split()) for c in found.conflicts)]
    for problem in problems:
        click.echo(f"corpparent: error: {problem}", err=True)
    if problems:
        sys.exit(EXIT_BAD_INPUT)


def _summary(spec: PluginSpec, limit: float) -> tuple[str, int]:
    profile, _took = load_spec(spec, slow_after=limit)  # logs a slow load
    return profile.name, len(profile.indicators)


def _loaded(spec: PluginSpec, limit: float) -> tuple[str, int]:
    """The name and number of indicators of the plug-in ``spec``, loaded: in a child
    process of its own when its entry point names Python, so that a plug-in that ends,
    stalls or prints is reported and the others still listed."""
    code = () if (spec.entry_point.attr or "").endswith(".toml") else (
        UserCode(f"the plug-in {spec.id}", spec),)
    name, indicators = isolated(partial(_summary, spec, limit), code)
    return str(name), int(indicators)


def describe_profile(profile: AuthorityProfile) -> list[Table | Text]:
    """What a profile declares, as rich renderables: identity, indicators, priorities,
    comparators, constitution, obligations and sources."""
    codes = " · ".join(part for part in (
        profile.gss_code and f"GSS code {profile.gss_code}",
        profile.dfe_code and f"DfE code {profile.dfe_code}", profile.region) if part)
    head = Text(f"{profile.name} ({profile.id})", style="bold")
    if codes:
        head.append(f"\n{codes}")
    if profile.description:
        head.append(f"\n{profile.description}")
    parts: list[Table | Text] = [head]
    # Every year's rules: an indicator added later, and the ranges and targets each year
    # set, are shown with the year they belong to.
    sets = [r.indicators for r in profile.rule_sets] if profile.rule_sets else [
        profile.indicators]
    every = all_indicators(profile.rule_sets) if profile.rule_sets else profile.indicators
    all_ranges = tuple(dict.fromkeys(r for s in sets for r in s.ranges))
    all_targets = tuple(dict.fromkeys(t for s in sets for t in s.targets))
    indicators = Table(title=f"Indicators ({len(every)})", title_justify="left",
                       expand=True)
    indicators.add_column("Id", no_wrap=True)
    for column in ("Name", "Kind", "Polarity", "Expected ranges", "Targets"):
        indicators.add_column(column, ratio={"Name": 3, "Kind": 1, "Polarity": 1}.get(column, 2))
    for indicator in every:
        ranges = "; ".join(f"{indicator.format_range(r.lower, r.upper)} ({r.period})"
                           for r in all_ranges if r.indicator == indicator.id)
        targets = "; ".join(
            f"{'ambition' if t.ambition else 'target'} {t.direction} "
            f"{indicator.format(t.value)} ({t.period})"
            for t in all_targets if t.indicator == indicator.id)
        indicators.add_row(Text(indicator.id), Text(indicator.name), indicator.kind.value,
                           indicator.polarity.value, Text(ranges or "–"),
                           Text(targets or "–"))
    parts.append(indicators)
    lines = Text()
    for priority in profile.priorities:
        leads = ", ".join(priority.leads) or "no lead named"
        lines.append(f"Priority: {priority.title} (lead: {leads})\n")
    if profile.comparators is not None:
        names = ", ".join(c.name for c in profile.comparators.comparators) or "none"
        lines.append(f"Comparators: {names}\n")
    if profile.constitution is not None:
        lines.append("".join(f"{line}\n" for line in terms_lines(profile.constitution)))
    years = profile.rule_sets.sets if profile.rule_sets is not None else ()
    for index, rules in enumerate(years):
        lines.append(f"Rules: {rules.label}"
                     + (f", built from {rules.built_from}" if rules.built_from else "") + "\n")
        before = years[index - 1] if index else None
        if before is not None and rules.comparators is not before.comparators \
                and rules.comparators is not None:
            names = ", ".join(c.name for c in rules.comparators.comparators) or "none"
            lines.append(f"  Comparators: {names}\n")
        if before is not None and rules.constitution is not before.constitution \
                and rules.constitution is not None:
            lines.append("".join(f"  {line}\n" for line in terms_lines(rules.constitution)))
        if before is not None and rules.obligations is not before.obligations:
            for obligation in rules.obligations:
                lines.append(f"  Obligation: {obligation.describe()}\n")
        for group in rules.groups:
            unknown = (f", {counted(len(group.unknown), 'authority')} not known"
                       if group.unknown else "")
            lines.append(f"  {group.label}: {counted(len(group.members), 'member')}"
                         f"{unknown}\n")
    if profile.membership is not None:
        members = profile.membership.members
        offices = "".join(f"; {office}: {m.name}" for office in Office
                          for m in members if m.office is office)
        lines.append(f"Membership: {counted(len(members), 'member')} on record{offices}\n")
    if profile.meetings:
        lines.append(f"Meetings: {counted(len(profile.meetings), 'meeting')} on record\n")
    for obligation in profile.obligations:
        lines.append(f"Obligation: {obligation.describe()}\n")
    for document in profile.documents:
        lines.append(f"Source {document.id}: {document.title}\n")
    parts.append(lines)
    return parts


@authorities.command(short_help="Show what one plug-in declares.")
@click.argument("authority")
@click.option("--toml", "as_toml", is_flag=True,
              help="Print the profile as a plug-in file instead (a start for a new one).")
@click.option("--json", "as_json", is_flag=True,
              help="Print the plug-in's data as JSON instead: the keys and tables of its "
              "plug-in file.")
def show(authority: str, as_toml: bool, as_json: bool) -> None:
    """Show what the AUTHORITY plug-in (an installed one's id, or a plug-in file) declares:
    its indicators with their expected ranges
    and targets by year, priorities and leads, comparators, every clause of the panel's
    terms of reference (and those not stated), obligations and the documents it cites.

    \b
    Examples:
      corpparent authorities show wiltshire
      corpparent authorities show staffordshire --toml > staffordshire.toml
      corpparent authorities show wiltshire --json
    """
    if as_toml and as_json:
        raise click.UsageError("give --toml or --json, not both")
    form = "toml" if as_toml else "json" if as_json else "text"
    color = sys.stdout.isatty() and form == "text"
    click.echo(isolated(partial(_shown, authority, form, color),
                        user_code(authority=authority)), nl=False, color=color)


def _shown(authority: str, form: str, color: bool) -> str:
    """What ``show`` prints in ``form`` (text, toml or json): the part of it that loads a
    Python plug-in's code (in a child process when there is one)."""
    profile = load_authority(authority)
    if form == "toml":
        return profile_to_toml(profile)
    if form == "json":
        return profile_to_json(profile)
    buffer = io.StringIO()
    console = Console(file=buffer, width=terminal_width(), highlight=False,
                      emoji=False, force_terminal=color, no_color=not color)
    for part in describe_profile(profile):
        console.print(part)
    return buffer.getvalue()


@authorities.command(short_help="Write a new plug-in to start from.")
@click.argument("authority", metavar="NAME")
@click.option("--name", "display_name", metavar="TEXT",
              help="The authority's name as reports show it. Default: NAME in title case "
              "followed by 'Council'.")
@click.option("--python", "as_python", is_flag=True,
              help="Write an installable distribution (pyproject.toml with its entry point, "
              "the module, a test) in the folder corpparent-NAME instead of one .toml file.")
@click.option("--directory", "-d", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=True, help="Where to write it.")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def new(authority: str, display_name: str | None, as_python: bool, directory: Path,
        force: bool) -> None:
    """Write a working authority plug-in for NAME (its identifier: lower case letters,
    digits, '_' and '-') to start from: NAME.toml, a plug-in data file that validates
    and loads as it is, with one example indicator, range and target to replace.

    \b
    Examples:
      corpparent authorities new middlesbrough --name "Middlesbrough Council"
      corpparent validate middlesbrough.toml
      corpparent authorities show middlesbrough.toml
      corpparent authorities new middlesbrough --python
      pip install ./corpparent-middlesbrough && corpparent authorities show middlesbrough
    """
    check_identifier(authority, "authority identifier")
    name = display_name or f"{authority.replace('_', ' ').replace('-', ' ').title()} Council"
    if as_python:
        written = write_distribution(authority, name, directory / distribution_name(authority),
                                     force=force)
    else:
        written = (write_plugin_file(authority, name, directory, force=force),)
    for path in written:
        click.echo(f"wrote {path}")
