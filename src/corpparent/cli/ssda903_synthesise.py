"""``corpparent ssda903 synthesise``: a synthetic SSDA903 return of invented children, for
trying the measures, tests and demonstrations without any real child's data.

It writes one folder per collection year (``2023-24/``), each holding the year's CSV
tables (``Header.csv``, ``Episodes.csv``, ...) or, with ``--format xml``, the year's
return as the XML the DfE collects (``SSDA903_2023-24.xml``), as
[`corpparent.files.read_returns`][corpparent.files.read_returns] and the DfE's validator read
them; the histories are drawn by
[`corpparent.ssda903.synthetic.synthesise`][corpparent.ssda903.synthesise].
"""

from __future__ import annotations

from pathlib import Path

import click

from corpparent.cli.ssda903 import ssda903

__all__ = ["synthesise"]


@ssda903.command(short_help="Write a synthetic return of invented children.")
@click.option("--children", "-n", type=click.IntRange(1, 1_000_000), default=500,
              show_default=True, help="How many invented children to draw.")
@click.option("--years", "-k", type=click.IntRange(1, 12), default=5, show_default=True,
              help="How many collection years to write, ending with --last-year.")
@click.option("--last-year", "last_year", default="2025-26", show_default=True,
              metavar="YYYY-YY", help="The last collection year written.")
@click.option("--seed", "-s", type=int, default=0, show_default=True,
              help="The seed the children are drawn from: the same seed, the same return.")
@click.option("--format", "-f", "output_format", type=click.Choice(("csv", "xml")),
              default="csv", show_default=True,
              help="Each year as its CSV tables, or as one XML file as the DfE collects it.")
@click.option("--output", "-o", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="The folder to write the years' folders into.")
def synthesise(children: int, years: int, last_year: str, seed: int, output_format: str,
               output: Path) -> None:
    """Write a synthetic SSDA903 return of invented children over several collection
    years into the folder OUTPUT, one folder per year, each with the year's CSV tables
    (or its XML file, with --format xml). No real child is in it. The years from 2022-23
    on pass the DfE's validation rules.

    \b
    Examples:
      corpparent ssda903 synthesise --children 500 --years 5 --seed 1 -o returns/
      corpparent ssda903 measures returns/ --year 2024-25
      corpparent ssda903 synthesise -n 50 -k 2 --format xml -o returns-xml/
    """
    from corpparent.files.ssda903.writer import write_returns
    from corpparent.files.ssda903.xml_writer import write_xml_returns
    from corpparent.ssda903.returns import collection_year
    from corpparent.ssda903.synthetic import synthesise as draw

    made = draw(children, years, seed, last=collection_year(last_year))
    (write_xml_returns if output_format == "xml" else write_returns)(made, output)
    click.echo(f"Wrote {len(made.children)} invented children's returns, "
               f"{made.episodes} episodes, for {made.years[0]} to {made.years[-1]} "
               f"into {output}", err=True)
