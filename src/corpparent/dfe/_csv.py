"""Reading the DfE's CSV files: encoding, header checks, and pydantic errors as problems.

Shared by every reader in :mod:`corpparent.dfe`, so each reports bad input the same way:
one :class:`~corpparent.errors.DataError` with a problem per bad cell, naming the file,
the line (the header is line 1) and the column.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

from pydantic import ValidationError

from corpparent.errors import DataError, Problem

__all__ = ["CsvRecords", "problems_from", "read_csv"]


class CsvRecords:
    """The header and the records of one CSV file, each record with its first line number."""

    __slots__ = ("header", "records", "source")

    def __init__(
        self, source: str, header: tuple[str, ...], records: list[tuple[int, dict[str, str]]]
    ) -> None:
        self.source = source
        self.header = header
        self.records = records

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        return iter(self.records)


def read_csv(path: str | Path, required: Collection[str]) -> CsvRecords:
    """Read ``path`` (UTF-8, with or without a byte-order mark).

    Raises :class:`DataError` when the file cannot be read, when a ``required`` column
    is missing from the header (one problem per column), or when a record has more or
    fewer cells than the header.
    """
    source = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = _unique(name.strip() for name in next(reader, []))
            if not header:
                raise DataError.single(source, "the file is empty; expected a header line", row=1)
            missing = [name for name in required if name not in header]
            if missing:
                raise DataError(
                    Problem(source, f"missing column {name!r}; the header has "
                            f"{', '.join(header)}", row=1, field=name)
                    for name in missing
                )
            records: list[tuple[int, dict[str, str]]] = []
            problems: list[Problem] = []
            line = reader.line_num + 1
            for cells in reader:
                if cells and len(cells) != len(header):
                    problems.append(Problem(
                        source,
                        f"{len(cells)} cells where the header has {len(header)} columns",
                        row=line,
                    ))
                elif cells:
                    records.append((line, dict(zip(header, cells, strict=True))))
                line = reader.line_num + 1
    except OSError as exc:
        raise DataError.single(source, f"cannot read the file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise DataError.single(source, f"not UTF-8 text ({exc.reason} at byte {exc.start})") \
            from None
    except csv.Error as exc:
        raise DataError.single(source, f"not a well-formed CSV file: {exc}") from None
    if problems:
        raise DataError(problems)
    return CsvRecords(source, header, records)


def _unique(names: Iterator[str]) -> tuple[str, ...]:
    """Headings with repeats numbered as spreadsheets read them: SNP, SNP.1, SNP.2 ..."""
    seen: dict[str, int] = {}
    result = []
    for name in names:
        count = seen.get(name, 0)
        seen[name] = count + 1
        result.append(name if count == 0 else f"{name}.{count}")
    return tuple(result)


def problems_from(
    error: ValidationError, source: str, row: int | None, columns: Mapping[str, str] | None = None
) -> list[Problem]:
    """One problem per pydantic error, naming the column (``columns`` maps field to column)."""
    problems = []
    for detail in error.errors(include_url=False):
        location = detail["loc"]
        name: str | None = None
        if location:
            first = str(location[0])
            name = (columns or {}).get(first, first) + "".join(
                f"[{part}]" if isinstance(part, int) else f".{part}" for part in location[1:]
            )
        message = str(detail["msg"]).removeprefix("Value error, ")
        if detail["type"] not in {"value_error", "missing"} and "input" in detail:
            message += f"; got {detail['input']!r}"
        problems.append(Problem(source, message, row=row, field=name))
    return problems
