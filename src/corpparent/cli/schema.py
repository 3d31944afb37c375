"""``corpparent schema``: the JSON Schema of every registered kind of file that has one."""

from __future__ import annotations

import json
from pathlib import Path

import click

from corpparent.cli.common import write_output
from corpparent.kinds import KINDS

__all__ = ["schema"]


@click.command(short_help="Print the JSON Schema of reports or input files.")
@click.argument("name", required=False)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
def schema(name: str | None, output: Path | None) -> None:
    """Print the JSON Schema of a kind of file: of reports, of an input file, or of
    one record of a tabular file (readings, comparators, submissions).

    Without NAME, lists the kinds that have a schema, each with what it is.

    \b
    Examples:
      corpparent schema                 # list them
      corpparent schema report          # the schema every JSON report validates against
      corpparent schema readings -o readings.schema.json
      corpparent schema authority-plugin
    """
    schemas = {kind.name: kind for kind in KINDS if kind.schema is not None}
    if name is None:
        width = max(len(known) for known in schemas)
        click.echo("\n".join(f"{known:<{width}}  {kind.description}"
                             for known, kind in sorted(schemas.items())))
        return
    chosen = schemas.get(name)
    if chosen is None or chosen.schema is None:
        raise click.BadParameter(f"unknown schema {name!r}; expected one of "
                                 f"{', '.join(sorted(schemas))}", param_hint="NAME")
    text = json.dumps(chosen.schema(), indent=2, ensure_ascii=False) + "\n"
    write_output(text, output, what="the schema")
