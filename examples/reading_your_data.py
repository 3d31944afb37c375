"""Reading your data: the same readings from CSV, JSON, Excel, a list of dicts and a
DataFrame, from workbooks as analysts keep them (percentages, dates, laid out wide),
Ofsted's published ODS table, and how bad input is reported.

Run: python examples/reading_your_data.py
"""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

from corpparent import DataError, load_profile, read_readings
from corpparent.files.dfe.ofsted import read_ofsted

DATA = Path(__file__).resolve().parent / "data"
OFSTED = (Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"
          / "LA_Inspection_Outcomes_as_at_31_March_2025.ods")

indicators = load_profile("wiltshire").indicators

# 1. CSV, as most councils' systems export it.
from_csv = read_readings(DATA / "wiltshire_readings_2022-23.csv", indicators)
print(f"CSV:   {len(from_csv)} readings")

# 2. Excel: the table is found on its sheet ("Readings", starting at A3, after a
#    "Notes" sheet); sheet="Readings" would name it.
from_xlsx = read_readings(DATA / "wiltshire_readings_2022-23.xlsx", indicators)
print(f"Excel: {len(from_xlsx)} readings, the same as the CSV: {set(from_xlsx) == set(from_csv)}")

# 3. A list of dicts, as a script or an API gives them.
with (DATA / "wiltshire_readings_2022-23.csv").open(encoding="utf-8") as stream:
    records = list(csv.DictReader(stream))
from_dicts = read_readings(records, indicators)
print(f"dicts: {len(from_dicts)} readings")

# 4. A DataFrame (pandas, polars, pyarrow, DuckDB: anything speaking Arrow), when
#    pandas and pyarrow are installed.
try:
    import pandas
except ImportError:
    print("DataFrame: pandas is not installed here")
else:
    frame = pandas.read_csv(DATA / "wiltshire_readings_2022-23.csv")
    print(f"DataFrame: {len(read_readings(frame, indicators))} readings")
    # A cell no CSV file could hold (a list, bytes) is named, never guessed at.
    frame["value"] = frame["value"].astype(object)
    frame.at[0, "value"] = [461]
    try:
        read_readings(frame, indicators)
    except DataError as error:
        print("DataFrame problem:", error)

# 5. Ofsted's published ODS, as published: notes sheets first, the table from A3.
if OFSTED.is_file():
    outcomes = read_ofsted(OFSTED)
    print(f"ODS:   the latest inspections of {len(outcomes)} authorities")

# 6. Workbooks as analysts keep them (examples/make_example_workbooks.py makes them from
#    the CSV file): percentages as fractions in percentage-formatted cells, quarters as
#    their last days, and the scorecard laid out wide (an indicator a row, a period a
#    column, each year merged over its quarters). Each gives the CSV file's readings.
for kept in ("wiltshire_readings_2022-23_percentages.xlsx",
             "wiltshire_readings_2022-23_dates.xlsx",
             "wiltshire_scorecard_2022-23_wide.xlsx"):
    same = set(read_readings(DATA / kept, indicators)) == set(from_csv)
    print(f"{kept}: the same readings as the CSV: {same}")

# 7. Bad input: every problem, each naming the file, the line or cell, and the field.
with tempfile.TemporaryDirectory() as folder:
    bad = Path(folder) / "readings.json"
    bad.write_text(json.dumps({"readings": [
        {"indicator": "children_in_care", "period": "2022-23 Q4", "value": 1.7e308},
        {"indicator": "children_in_care", "period": "2022-23 Q3", "value": 461,
         "unit": "child**0"}]}, indent=1), encoding="utf-8")
    try:
        read_readings(bad, indicators)
    except DataError as error:
        for problem in error.problems:
            print("problem:", str(problem).replace(folder, "<folder>"))
