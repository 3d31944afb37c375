"""Measure how fast corpparent reads its largest inputs: a 100,000-row workbook of
readings (made here), the same rows as CSV, a DataFrame and a list of dicts, the DfE's
EES folder and LAIT dataset, and Ofsted's published ODS.

Not a test: it prints timings for the machine it runs on. Run with
``.venv/bin/python benchmarks/inputs.py [FOLDER]`` (FOLDER, the DfE's published files,
defaults to ../shared/data/dfe). Making the workbook needs openpyxl (the ``test`` extra);
the DataFrame, pandas and pyarrow.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

from scorecard import timed  # the timing helper of benchmarks/scorecard.py, beside this script

from corpparent import Indicator, IndicatorSet, Kind, Polarity, read_readings
from corpparent.files.dfe.lait import read_lait
from corpparent.files.dfe.mapping import read_folder
from corpparent.files.dfe.ofsted import read_ofsted

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"
INDICATORS = 500
MONTHS = 200  # 500 indicators x 200 months = 100,000 readings


_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _months() -> list[str]:
    # Written 'March 2008': '2008-09' would read as a month or a financial year.
    return [f"{_NAMES[index % 12]} {2008 + index // 12}" for index in range(MONTHS)]


def _rows() -> list[list[object]]:
    return [[f"indicator_{number:03d}", month, (number * 7 + index) % 900]
            for number in range(INDICATORS) for index, month in enumerate(_months())]


def _indicators() -> IndicatorSet:
    return IndicatorSet([Indicator(f"indicator_{number:03d}", f"Indicator {number}",
                                   Kind.SNAPSHOT, Polarity.NEUTRAL)
                         for number in range(INDICATORS)])


def _workbook(path: Path, rows: list[list[object]]) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Readings")
    sheet.append(["indicator", "period", "value"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def main(folder: Path) -> None:
    indicators = _indicators()
    rows = _rows()
    with tempfile.TemporaryDirectory() as scratch:
        csv_path = Path(scratch) / "readings.csv"
        with csv_path.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows([["indicator", "period", "value"], *rows])
        timed(f"read {len(rows):,} readings from CSV", lambda: read_readings(csv_path,
                                                                              indicators))
        records = [dict(zip(("indicator", "period", "value"), row, strict=True))
                   for row in rows]
        timed(f"read {len(rows):,} readings from a list of dicts",
              lambda: read_readings(records, indicators))
        try:
            import pandas
        except ImportError:
            print("(pandas is not installed: no DataFrame timing)")
        else:
            frame = pandas.read_csv(csv_path)
            timed(f"read {len(rows):,} readings from a pandas DataFrame",
                  lambda: read_readings(frame, indicators))
        try:
            start = time.perf_counter()
            xlsx = Path(scratch) / "readings.xlsx"
            _workbook(xlsx, rows)
            print(f"{'(made the workbook with openpyxl in':<58} "
                  f"{(time.perf_counter() - start) * 1000:9.1f} ms)")
        except ImportError:
            print("(openpyxl is not installed: no workbook timing)")
        else:
            timed(f"read {len(rows):,} readings from .xlsx", lambda: read_readings(
                xlsx, indicators), repeat=1)
    if folder.is_dir():
        timed("read every mapped EES file of the folder", lambda: read_folder(folder))
        timed("read the LAIT parquet dataset", lambda: read_lait(
            folder / "lait_bds_long.parquet"), repeat=1)
        ods = folder / "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
        timed("read Ofsted's published ODS", lambda: read_ofsted(ods))
    else:
        print(f"({folder} is absent: no timings of the published files)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
