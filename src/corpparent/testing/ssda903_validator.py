"""Run the DfE's validation rules for the SSDA903 return (``csc-validator-be-903``, import
name ``lac_validator``) on a folder of a year's CSV tables (or its XML file), and print
each rule that found an error, with how many.

The validator pins pandas < 2 and NumPy < 1.25, so it lives in a virtual environment of
its own (``make validator-903`` builds ``.venv-903``) and this file is run there as a
script, importing nothing of corpparent:

    .venv-903/bin/python -I src/corpparent/testing/ssda903_validator.py 2024-25/ E06000054 \\
        [--last 2023-24/]

It validates the folder's tables as the year its name gives (``2024-25``) with that
year's rules, and with last year's tables beside them where ``--last`` names a folder
(as a council sends them), for the local authority whose code is given. It prints one
line per rule that found an error (``RULE<TAB>COUNT<TAB>TABLE``), one per rule that could
not run on the tables (``RULE<TAB>could not run``), then ``rules run: N``; it exits with 1
where any error was found.
"""

from __future__ import annotations

import csv
import importlib
import io
import logging
import sys
from pathlib import Path
from typing import Any

_LETTERS = {"1": "M", "2": "F"}


def _recoded(text: bytes) -> bytes:
    """Last year's Header or UASC table with the child's sex coded as this year's
    (1 and 2 until 2023-24, M and F from 2024-25), so that rule 202 compares like with
    like, as a council's system recodes last year's return."""
    rows = list(csv.reader(io.StringIO(text.decode("utf-8"))))
    if not rows or "SEX" not in rows[0]:
        return text
    column = rows[0].index("SEX")
    for row in rows[1:]:
        row[column] = _LETTERS.get(row[column], row[column])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _files(folder: Path, description: str, letters: bool) -> list[dict[str, Any]]:
    return [{"name": file.name, "description": description,
             "file_content": _recoded(file.read_bytes()) if letters else file.read_bytes()}
            for file in sorted([*folder.glob("*.csv"), *folder.glob("*.xml")])]


def main(arguments: list[str]) -> int:
    """Validate the folder named first, for the authority named second."""
    logging.disable(logging.CRITICAL)
    folder, authority = Path(arguments[0]), arguments[1]
    last = Path(arguments[3]) if len(arguments) > 3 and arguments[2] == "--last" else None
    start = int(folder.name[:4])
    validator = importlib.import_module("lac_validator.lac_validator")
    rules = importlib.import_module(f"lac_validator.rules.lac{start}_{(start + 1) % 100:02d}")
    files = _files(folder, "This year", False) \
        + ([] if last is None else _files(last, "Prev year", start >= 2024))
    run = validator.LacValidator(metadata={"collectionYear": str(start + 1),
                                           "localAuthority": authority},
                                 files=files, registry=rules.registry, selected_rules=None)
    failed = 0
    for name, table in run.ds_results.items():
        if name == "metadata" or not hasattr(table, "columns"):
            continue
        for column in table.columns:
            if str(column).startswith("ERR_"):
                count = int(table[column].fillna(False).astype(bool).sum())
                if count:
                    failed += count
                    print(f"{column[4:]}\t{count}\t{name}")
    for code in run.fails:
        print(f"{code}\tcould not run")
    print(f"rules run: {len(run.dones)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
