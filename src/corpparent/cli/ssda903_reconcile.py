"""``corpparent ssda903 reconcile``: the measures computed from the council's return beside
the figures the DfE published for the council, every difference listed.

``corpparent ssda903 reconcile FOLDER --published EES_FOLDER --year 2023-24 --la 302``
reads the return's CSV tables or XML
([`corpparent.files.read_returns`][corpparent.files.read_returns])
and the EES files of the DfE's release
([`corpparent.files.read_published`][corpparent.files.read_published]), computes the
year's measures (`corpparent.runs.ssda903.ssda903_measures`) and reconciles them
([`corpparent.ssda903.reconcile`][corpparent.ssda903.reconciling.reconcile]);
``--drill-down`` lists, for each measure that differs, the children it counts, in the
internal profile only. The rows are rendered by `corpparent.report.ssda903_reconcile`.

``--la`` is looked up first among the areas the published files hold, so a council
they hold under any code or name (an invented test council coded ``999`` among them)
is read; one they do not hold is looked up in the register of England's authorities
(`corpparent.dfe.areas.known_areas`, as ``corpparent benchmark --la`` finds them): an
authority it knows is reconciled with nothing published, and warned of; anything else
(a misspelt name or an unknown code) is refused with the closest names.
"""

from __future__ import annotations

from pathlib import Path

import click

from corpparent.cli.common import OutputPath, warn
from corpparent.cli.outputs import write_output
from corpparent.cli.ssda903 import ssda903
from corpparent.report.model import Profile
from corpparent.report.profiles import PROFILES
from corpparent.report.ssda903_reconcile import FORMATS

__all__ = ["reconcile"]


@ssda903.command(short_help="Reconcile a year's measures with the DfE's published figures.")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--published", "published_folder", required=True, metavar="EES_FOLDER",
              type=click.Path(file_okay=False, path_type=Path),
              help="The folder of the DfE's EES data files as downloaded "
                   "(la_cla_placement_stability.csv, cla_number_and_rate_per_10k_children.csv, "
                   "la_care_leavers_accommodation_suitability.csv, "
                   "la_care_leavers_activity.csv).")
@click.option("--year", "-y", required=True, metavar="YYYY-YY",
              help="The collection year to reconcile, as the DfE writes it ('2023-24').")
@click.option("--la", "authority", required=True, metavar="CODE",
              help="The council as the DfE's files name it: its three-digit code ('302'), "
                   "its ONS code ('E09000003') or its name.")
@click.option("--drill-down", "drill", is_flag=True,
              help="For each measure that differs, list the children it counts, by the "
                   "return's identifiers: internal profile only.")
@click.option("--profile", type=click.Choice(PROFILES), default="internal", show_default=True,
              help="Who the output is for: public shows a computed figure only where the "
                   "DfE published a number; only internal may hold the drill-down.")
@click.option("--format", "-f", "output_format", type=click.Choice(FORMATS),
              default="markdown", show_default=True, help="Output format.")
@click.option("--output", "-o", type=OutputPath(),
              help="Write to this file instead of standard output.")
def reconcile(folder: Path, published_folder: Path, year: str, authority: str, drill: bool,
              profile: Profile, output_format: str, output: Path | None) -> None:
    """Compare a past year's measures computed from the SSDA903 return in FOLDER with
    the DfE's published figures for the council in EES_FOLDER, at the published
    rounding and with its suppression symbols, and list every difference.

    \b
    Examples:
      corpparent ssda903 reconcile returns/ --published ees/ --year 2023-24 --la 302
      corpparent ssda903 reconcile returns/ --published ees/ -y 2023-24 --la Barnet -f csv
      corpparent ssda903 reconcile returns/ --published ees/ -y 2023-24 --la 302 --drill-down
    """
    from corpparent.files.dfe.ssda903_published import read_published
    from corpparent.files.ssda903.reader import read_returns
    from corpparent.report.ssda903_reconcile import (
        allow_drill_down,
        render_reconciliation,
    )
    from corpparent.runs.ssda903_reconcile import ssda903_reconciliation

    if drill:
        allow_drill_down(profile)  # refused before anything is read
    published = read_published(published_folder, authority)
    if published.name is None:
        _registered(authority)
    returns = read_returns(folder, year=year)
    run = ssda903_reconciliation(returns, year, published, drill=drill)
    warn(run.warnings, "ssda903 reconcile")
    write_output(render_reconciliation(run.results, output_format, profile, run.drills),
                 output, what=f"the {output_format} reconciliation")


def _registered(authority: str) -> None:
    """Refuse ``authority``, which no published file holds, unless the register of
    England's authorities knows it as one: an unknown name or code with the closest
    names, an area that is no local authority with what it is."""
    from corpparent.dfe.areas import Level, UnknownAreaError, known_areas

    area = known_areas()[authority]
    if area.level is not Level.LOCAL_AUTHORITY:
        raise UnknownAreaError(f"{area} is not a local authority: give the council's "
                               "name, its three-digit code or its ONS code")
