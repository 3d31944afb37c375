"""Writing national benchmarking results: the tidy table as CSV or Parquet.

The results (:class:`~corpparent.dfe.national_results.NationalResults`) are worked out
in the domain, which writes no files; this is where they leave as one.
"""

from __future__ import annotations

from pathlib import Path

from corpparent.dfe.national_results import NationalResults
from corpparent.errors import DataError

__all__ = ["write_national_results"]


def write_national_results(results: NationalResults, path: str | Path) -> Path:
    """Write the results' table as CSV (``.csv``, every text column as plain text) or
    Parquet (``.parquet``, as held); return the path written."""
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise DataError.single(str(target), "write results as .csv or .parquet")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".csv":
            pcsv.write_csv(results.plain(), target)
        else:
            pq.write_table(results.table, target)
    except OSError as exc:
        raise DataError.single(str(target), f"cannot write the results: {exc}") from None
    return target
