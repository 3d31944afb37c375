"""Writing national benchmarking results: the tidy table as CSV or Parquet.

The results ([`NationalResults`][corpparent.dfe.national_results.NationalResults]) are worked out
in the domain, which writes no files; this is where they leave as one.
"""

from __future__ import annotations

from pathlib import Path

from corpparent.dfe.national_results import NationalResults
from corpparent.errors import DataError
from corpparent.files.writing import write_whole

__all__ = ["write_national_results"]


def write_national_results(results: NationalResults, path: str | Path) -> Path:
    """Write the results' table as CSV (``.csv``, every text column as plain text) or
    Parquet (``.parquet``, as held), whole or not at all
    (`write_whole`); return the path written."""
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise DataError.single(str(target), "write results as .csv or .parquet")
    buffer = pa.BufferOutputStream()
    if suffix == ".csv":
        pcsv.write_csv(results.plain(), buffer)
    else:
        pq.write_table(results.table, buffer)
    return write_whole(target, buffer.getvalue().to_pybytes(), what="the results")
