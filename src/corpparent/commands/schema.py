"""``corpparent schema``: the JSON Schemas of reports and of input records."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from corpparent.commands.common import write_output
from corpparent.files import plugin_schema
from corpparent.files.meetings import meetings_json_schema
from corpparent.files.membership import membership_json_schema
from corpparent.files.obligations import obligation_schema
from corpparent.files.readings import ReadingRecord
from corpparent.report.model import report_schema

__all__ = ["schema"]


def _schemas() -> dict[str, Callable[[], dict[str, Any]]]:
    return {
        "report": report_schema,
        "readings": lambda: ReadingRecord.model_json_schema(),
        "meetings": meetings_json_schema,
        "membership": membership_json_schema,
        "obligations": obligation_schema,
        "authority-plugin": plugin_schema,
    }


@click.command(short_help="Print the JSON Schema of reports or input records.")
@click.argument("name", required=False)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
def schema(name: str | None, output: Path | None) -> None:
    """Print a JSON Schema: of reports, of a record of an input file, or of a file.

    report: every JSON report; readings: one row of a readings file; meetings and
    membership: the JSON meeting records and membership files; obligations: an
    obligations file; authority-plugin: an authority plug-in file.

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
    write_output(text, output, what="the schema")
