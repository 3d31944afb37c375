"""What ``corpparent benchmark`` can be asked about: its authorities and its measures.

``--list-authorities`` lists every authority ``--la`` finds, with its codes, region,
other names and what replaced it; ``--search-measures WORDS`` lists the LAIT measures
whose code, name or theme holds every word. Each prints a plain table, or a CSV with
``--format csv``; nothing else is benchmarked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import click

from corpparent.cli.outputs import write_output

__all__ = ["list_authorities", "list_measures"]

#: The formats a listing is written in.
LIST_FORMATS = ("terminal", "csv")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], output_format: str) -> str:
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue()
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows,
                                                                          strict=True)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             .rstrip() for row in (header, *rows)]
    return "\n".join(lines) + "\n"


def _format(output_format: str, option: str) -> None:
    if output_format not in LIST_FORMATS:
        raise click.UsageError(f"{option} writes a plain table or a CSV: give --format "
                               "terminal or --format csv")


def list_authorities(output_format: str, output: Path | None) -> None:
    """Print (or write to ``output``) every authority, current and former."""
    from corpparent.dfe.authority_list import COLUMNS, listed_authorities

    _format(output_format, "--list-authorities")
    listed = listed_authorities()
    if output_format == "csv":
        text = _table(COLUMNS, [a.row() for a in listed], output_format)
    else:
        text = _table(("Code", "ONS code", "Name", "Region", "Also found by"),
                      [a.row()[:5] for a in listed], output_format)
        replaced = [a.replaced for a in listed if a.replaced]
        text += "\n" + "\n".join(f"{line}." for line in replaced) + "\n"
    write_output(text, output, what="the list of authorities")


def list_measures(words: str, folder: Path | None, output_format: str,
                  output: Path | None) -> None:
    """Print (or write to ``output``) the measures of LAIT's dictionary (the shipped
    one, or the one in ``folder``) that hold every one of ``words``."""
    from corpparent.dfe.measure_search import search_measures
    from corpparent.files.dfe.lait import read_lait_dictionary
    from corpparent.files.dfe.national import LAIT_DICTIONARY_FILE
    from corpparent.files.dfe.national_package import shipped_folder

    _format(output_format, "--search-measures")
    base = shipped_folder() if folder is None else folder
    found = search_measures(read_lait_dictionary(base / LAIT_DICTIONARY_FILE), words)
    if not found:
        raise click.UsageError(f"no LAIT measure's code, name or theme holds every one of "
                               f"{words!r}; try fewer words, or a theme such as "
                               "'Children Looked After'")
    rows = [(m.code, m.name, "; ".join(m.topics)) for m in found]
    write_output(_table(("Code", "Name", "Theme"), rows, output_format), output,
                 what="the measures found")
