"""Time national benchmarking: the engine against DuckDB computing the same columns.

Not a test: it prints timings for the machine it runs on, and the target beside them
(reported, never asserted). DuckDB (the ``bench`` extra: ``pip install
corpparent[bench]``) reads the same LAIT parquet file and computes, in one SQL query,
the thirteen figures per row that ``corpparent.dfe.national_table.benchmark_all`` gives
and ``national.py`` checks the pandas baseline against: rank ("min" ties, 1 best, by
polarity), how many are ranked, the quartile band (LAIT's cuts: R's type 7,
``(1 - h) * x[lo] + h * x[hi]`` from each measure-year's sorted values, as
`corpparent.benchmarking.lait` gives them; A best by polarity, none for ``No_Quartile``
or fewer than four values), England's and the region's own rows, the statistical
neighbours' mean, median and count, the other Outstanding authorities' mean, count and
how many the value beats, the previous period's value and the direction of travel
(periods from the ``Years`` labels by the dictionary's year type, in SQL). It checks
DuckDB's figures equal the engine's figure by figure (``national.agree``), then times,
side by side, each the median of its repeats after one run not counted,

(a) the engine's read and evaluate (``read_lait_table`` then ``benchmark_all``), and
(b) DuckDB from the parquet file to an Arrow table of the results;

the target is (a) at most 0.35x (b). The dictionary, the neighbour model and the
Outstanding authorities are read before timing by both, as in ``national.py``.
Without DuckDB installed it says so and exits 0. Run with ``.venv/bin/python
benchmarks/national_duckdb.py [FOLDER] [REPEATS]`` (FOLDER defaults to
../shared/data/dfe, REPEATS to 7).

One run, 7 December 2026, 7 repeats, on the 2-core build machine shared with other
jobs (load average about 4; DuckDB with both cores, the engine with one):

```text
DuckDB 2.0.1 and the engine agree on all 7,743,580 figures (13 per row, means to 1e-9)
  (a) engine read + evaluate           470.6 ms (median of 7)
  (b) DuckDB, parquet to results      1786.5 ms (median of 7)
  a/b                                   0.26    target <= 0.35
```

DuckDB took 1.8 s to 2.5 s in other runs that afternoon. Its progress bar, on by
default, cost about a second more, so the script turns it off. Most of DuckDB's time is
the neighbours' join (every authority's ten neighbours on every measure-year, 5.8
million rows); "how many the value beats" is counted from each measure-year's list of
Outstanding keys, which took half the time of an inequality join.
"""

from __future__ import annotations

import sys
from pathlib import Path

TARGET = 0.35

#: The query: ``{lait}`` is the parquet file; ``dictionary`` (the data dictionary, with
#: its line), ``model`` (the neighbour model) and ``outstanding`` (``code``) are tables.
QUERY = r"""
WITH
raw AS (
  SELECT "Short Desc" AS measure, "Years" AS years, "LA and Regions" AS area,
         TRY_CAST("Values" AS DOUBLE) AS value, "LA Number" AS number, "Region" AS region
  FROM read_parquet('{lait}')),
info AS (
  SELECT Measure_short AS measure, Polarity AS polarity, lower(trim(Year_Type)) AS year_type
  FROM dictionary QUALIFY row_number() OVER (PARTITION BY Measure_short ORDER BY line) = 1),
unbanded AS (SELECT DISTINCT Measure_short AS measure FROM dictionary WHERE No_Quartile = 'N'),
labels AS (
  SELECT m.measure, m.years, i.polarity,
         CASE i.year_type WHEN 'financial year' THEN 3 WHEN 'annual' THEN 3
           WHEN 'academic year' THEN 8 WHEN 'calendar year' THEN 12
           WHEN 'annual (end of sept)' THEN 9 WHEN 'annual - january' THEN 1 END AS month,
         regexp_replace(trim(m.years), '\s*\([A-Za-z]+\)$', '') AS text,
         (u.measure IS NULL) AS quartiles
  FROM (SELECT DISTINCT measure, years FROM raw) m
  JOIN info i USING (measure) LEFT JOIN unbanded u USING (measure)),
parts AS (
  SELECT *, regexp_extract(text, '^(\d{4})[-/](\d{2})$', ['a', 'b']) AS pair,
         regexp_extract(text, '^(\d{4})/(\d{2})-(\d{2})/(\d{2})$', ['a', 'b', 'c', 'd']) AS three
  FROM labels WHERE month IS NOT NULL),
periods AS (
  SELECT measure, years,
    CASE WHEN regexp_full_match(text, '\d{4}') THEN text::INT
         WHEN pair.a <> '' AND pair.b::INT = (pair.a::INT + 1) % 100 THEN pair.a::INT + 1
         WHEN month IN (3, 8, 12) AND three.a <> '' THEN three.a::INT // 100 * 100 + three.d::INT
         WHEN month = 12 AND pair.a <> '' AND text[5] = '-'
           THEN pair.a::INT // 100 * 100 + pair.b::INT END AS "end",
    CASE WHEN regexp_full_match(text, '\d{4}') THEN 1
         WHEN pair.a <> '' AND pair.b::INT = (pair.a::INT + 1) % 100 THEN 1
         WHEN month IN (3, 8, 12) AND three.a <> '' THEN 3
         WHEN month = 12 AND pair.a <> '' AND text[5] = '-'
           THEN pair.a::INT // 100 * 100 + pair.b::INT - pair.a::INT + 1 END AS span,
    CASE polarity WHEN 'Low' THEN 1.0 WHEN 'High' THEN -1.0 ELSE 0.0 END AS sign,
    quartiles, row_number() OVER () AS g, dense_rank() OVER (ORDER BY measure) AS mid
  FROM parts),
measured AS (
  SELECT r.*, p."end", p.span, p.sign, (p.sign <> 0 AND p.quartiles) AS banded, p.g, p.mid
  FROM raw r JOIN periods p USING (measure, years) WHERE p."end" IS NOT NULL),
published AS (SELECT measure, years, area, value FROM measured WHERE number >= 970),
local AS MATERIALIZED (
  SELECT m.*, CAST(CAST(number AS BIGINT) AS VARCHAR) AS code, value * sign AS key,
         CASE region WHEN 'Inner London' THEN 'London (Inner)'
           WHEN 'Outer London' THEN 'London (Outer)'
           WHEN 'Yorkshire and The Humber' THEN 'Yorkshire and the Humber'
           ELSE region END AS region_row
  FROM measured m WHERE number < 970),
cuts AS (
  SELECT measure, years, count(value) AS n, list(value ORDER BY value)
         FILTER (WHERE value IS NOT NULL) AS xs
  FROM local GROUP BY measure, years),
places AS (
  SELECT measure, years, slot, xs, 1 + (n - 1) * p AS idx, floor(1 + (n - 1) * p) AS lo
  FROM cuts, (VALUES (1, 0.25), (2, 0.5), (3, 0.75)) q(slot, p) WHERE n > 0),
cut AS (
  SELECT measure, years, slot, idx - lo AS h, xs[lo::BIGINT] AS low,
         xs[ceil(idx)::BIGINT] AS high
  FROM places),
quartiles AS (
  SELECT measure, years,
    max(CASE WHEN h > 0 AND low <> high THEN (1 - h) * low + h * high ELSE low END)
      FILTER (WHERE slot = 1) AS q25,
    max(CASE WHEN h > 0 AND low <> high THEN (1 - h) * low + h * high ELSE low END)
      FILTER (WHERE slot = 2) AS q50,
    max(CASE WHEN h > 0 AND low <> high THEN (1 - h) * low + h * high ELSE low END)
      FILTER (WHERE slot = 3) AS q75
  FROM cut GROUP BY measure, years),
pairs AS (
  SELECT DISTINCT old_la_code::DOUBLE AS number, neighbour::DOUBLE AS neighbour FROM (
    UNPIVOT (SELECT old_la_code, SN_1, SN_2, SN_3, SN_4, SN_5, SN_6, SN_7, SN_8, SN_9, SN_10
             FROM model)
    ON COLUMNS(* EXCLUDE (old_la_code)) INTO NAME slot VALUE neighbour)),
neighbours AS (
  SELECT l.g, l.number, avg(o.value) AS neighbours_mean,
         median(o.value) AS neighbours_median, count(o.value) AS neighbours_with_value
  FROM pairs p JOIN (SELECT DISTINCT g, number FROM local) l ON l.number = p.number
  LEFT JOIN local o ON o.g = l.g AND o.number = p.neighbour
  GROUP BY l.g, l.number),
members AS (
  SELECT g, value, key FROM local
  WHERE code IN (SELECT code FROM outstanding) AND value IS NOT NULL),
totals AS (
  SELECT g, sum(value) AS total, count(*) AS count FROM members GROUP BY g),
keys AS (SELECT g, list(key) AS keys FROM members GROUP BY g)
SELECT l.measure, l.years, l.code AS authority_code,
  CASE WHEN l.sign <> 0 AND l.value IS NOT NULL THEN
    rank() OVER (PARTITION BY l.measure, l.years ORDER BY l.key NULLS LAST) END AS rank,
  count(l.value) OVER (PARTITION BY l.measure, l.years) AS ranked,
  CASE WHEN l.banded AND l.value IS NOT NULL AND
            count(l.value) OVER (PARTITION BY l.measure, l.years) >= 4 THEN
    ['A', 'B', 'C', 'D'][1 + CASE WHEN l.sign > 0 THEN quarter ELSE 3 - quarter END] END
    AS band,
  e.value AS england, r.value AS region_value,
  n.neighbours_mean, n.neighbours_median, n.neighbours_with_value,
  CASE WHEN coalesce(t.count, 0) - own > 0 THEN
    (coalesce(t.total, 0) - CASE WHEN own = 1 THEN l.value ELSE 0 END)
    / (coalesce(t.count, 0) - own) END AS outstanding_mean,
  coalesce(t.count, 0) - own AS outstanding_with_value,
  CASE WHEN l.sign <> 0 AND l.value IS NOT NULL THEN
    len(list_filter(coalesce(k.keys, []), lambda m: m > l.key)) END AS outstanding_better_than,
  before.value AS previous_value,
  CASE WHEN l.value > before.value THEN 'increase' WHEN l.value < before.value THEN 'decrease'
       WHEN l.value = before.value THEN 'no change' ELSE 'not comparable' END AS direction
FROM (SELECT *, (value > q25)::INT + (value > q50)::INT + (value > q75)::INT AS quarter,
             CASE WHEN value IS NOT NULL AND code IN (SELECT code FROM outstanding)
                  THEN 1 ELSE 0 END AS own
      FROM local LEFT JOIN quartiles USING (measure, years)) l
LEFT JOIN published e ON e.measure = l.measure AND e.years = l.years AND e.area = 'England'
LEFT JOIN published r ON r.measure = l.measure AND r.years = l.years AND r.area = l.region_row
LEFT JOIN neighbours n ON n.g = l.g AND n.number = l.number
LEFT JOIN totals t ON t.g = l.g
LEFT JOIN keys k ON k.g = l.g
LEFT JOIN local before ON before.mid = l.mid AND before.number = l.number
  AND before.span = l.span AND before."end" = l."end" - 1
"""


def main(argv: list[str]) -> int:
    try:
        import duckdb
    except ImportError:
        print("DuckDB is not installed: nothing to compare (install the bench extra, "
              "pip install 'corpparent[bench]')")
        return 0
    import pandas as pd
    from national import DEFAULT, DICTIONARY, LAIT, MODEL, OFSTED, agree, median_time

    from corpparent.dfe.national_table import benchmark_all
    from corpparent.files.dfe.lait import read_lait_dictionary
    from corpparent.files.dfe.lait_columns import read_lait_table
    from corpparent.files.dfe.neighbours import read_neighbours
    from corpparent.files.dfe.ofsted import read_ofsted

    folder = Path(argv[0]) if argv else DEFAULT
    repeats = int(argv[1]) if len(argv) > 1 else 7
    path = folder / LAIT
    dictionary = read_lait_dictionary(folder / DICTIONARY)
    model = read_neighbours(folder / MODEL)
    outstanding = read_ofsted(folder / OFSTED).codes()
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    hand_dictionary = pd.read_csv(folder / DICTIONARY, dtype=str, keep_default_na=False,
                                  encoding="utf-8-sig")
    connection.register("dictionary", hand_dictionary.assign(line=range(len(hand_dictionary))))
    connection.register("model", pd.read_csv(folder / MODEL, dtype=str))
    connection.register("outstanding", pd.DataFrame({"code": sorted(outstanding)}))
    query = QUERY.replace("{lait}", str(path).replace("'", "''"))

    def engine() -> object:
        return benchmark_all(read_lait_table(path), dictionary, model, outstanding)

    def ducked() -> object:
        return connection.sql(query).to_arrow_table()

    found = connection.sql(query).df().rename(columns={"measure": "Short Desc",
                                                       "years": "Years",
                                                       "authority_code": "code"})
    compared = agree(benchmark_all(read_lait_table(path), dictionary, model, outstanding),
                     found)
    print(f"DuckDB {duckdb.__version__} and the engine agree on all {compared:,} figures "
          "(13 per row, means to 1e-9)")
    ours = median_time(engine, repeats)
    theirs = median_time(ducked, repeats)
    print(f"  (a) engine read + evaluate       {ours * 1000:9.1f} ms (median of {repeats})")
    print(f"  (b) DuckDB, parquet to results   {theirs * 1000:9.1f} ms (median of {repeats})")
    print(f"  a/b                              {ours / theirs:9.2f}    target <= {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
