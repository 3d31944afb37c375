"""Time national benchmarking: the engine against a hand-written pandas baseline.

Not a test: it prints timings for the machine it runs on, and the targets beside them
(reported, never asserted). In one run, on the same data, it times

(a) the engine (``corpparent.dfe.national_table.benchmark_all``) over the whole LAIT
    dataset, (b) the hand-written pandas/NumPy baseline of ``national_baseline.py``
    computing the same figures, (c) the parquet read by each, beside
    ``pyarrow.parquet.read_table``;

checks that (a) and (b) agree figure by figure, and does it all again at ten times the
data (the dataset repeated with each copy's measures renamed and its numbers perturbed
by up to 1%). Run with ``.venv/bin/python benchmarks/national.py [FOLDER] [REPEATS]``
(FOLDER defaults to ../shared/data/dfe, REPEATS to 7). Each figure is the median of its
repeats after one run not counted.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import national_baseline as baseline  # beside this script
import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from corpparent.dfe.national_results import NationalResults
from corpparent.dfe.national_table import benchmark_all
from corpparent.files.dfe.lait import read_lait_dictionary
from corpparent.files.dfe.lait_columns import read_lait_table
from corpparent.files.dfe.neighbours import read_neighbours
from corpparent.files.dfe.ofsted import read_ofsted

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"
LAIT, DICTIONARY = "lait_bds_long.parquet", "lait_data_dictionary.csv"
MODEL, OFSTED = "sn_model_2025_wide.csv", "ofsted_ilacs_outcomes_2025-03-31.csv"
COMPARED = ("rank", "ranked", "band", "england", "region_value", "neighbours_mean",
            "neighbours_median", "neighbours_with_value", "outstanding_mean",
            "outstanding_with_value", "outstanding_better_than", "previous_value",
            "direction")


def median_time(action: Callable[[], object], repeats: int) -> float:
    """The median of ``repeats`` timed runs, after one run not counted: the first run in
    a process pays for caches and memory that every later run finds ready."""
    action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ten_times(folder: Path, target: Path) -> None:
    """The dataset ten times over (measures renamed ``M~2`` ..., numbers perturbed by up
    to 1%), with the dictionary listing every copy."""
    frame = pd.read_parquet(folder / LAIT)
    dictionary = pd.read_csv(folder / DICTIONARY, dtype=str, keep_default_na=False,
                             encoding="utf-8-sig")
    generator = np.random.default_rng(0)
    copies, entries = [frame], [dictionary]
    for k in range(2, 11):
        copy = frame.copy()
        copy["Short Desc"] = copy["Short Desc"] + f"~{k}"
        number = pd.to_numeric(copy["Values"], errors="coerce")
        noisy = (number * generator.uniform(0.99, 1.01, len(copy))).round(4)
        copy["Values"] = np.where(number.notna(), noisy.astype(str), copy["Values"])
        copies.append(copy)
        entries.append(dictionary.assign(Measure_short=dictionary["Measure_short"] + f"~{k}"))
    pd.concat(copies).to_parquet(target / LAIT, index=False)
    pd.concat(entries).to_csv(target / DICTIONARY, index=False)
    for name in (MODEL, OFSTED):
        (target / name).write_bytes((folder / name).read_bytes())


def agree(engine: NationalResults, hand: pd.DataFrame) -> int:
    """Compare every figure of the two; return how many were compared."""
    mine = engine.plain().to_pandas()
    hand = hand.rename(columns={"Short Desc": "measure", "Years": "years",
                                "code": "authority_code"})
    both = mine.merge(hand, on=["measure", "years", "authority_code"],
                      suffixes=("", "_hand"), how="outer", indicator=True)
    assert (both["_merge"] == "both").all(), both[both["_merge"] != "both"].head()
    compared = 0
    for column in COMPARED:
        ours, theirs = both[column], both[f"{column}_hand"]
        if column == "neighbours_with_value":
            ours = ours.where(both["neighbours_note"].isna())
            theirs = theirs.where(both["neighbours_note"].isna())
        numeric = pd.api.types.is_numeric_dtype
        if not (numeric(ours) and numeric(theirs)):
            same = ours.fillna("-").astype(str) == theirs.fillna("-").astype(str)
        else:
            a, b = ours.astype(float).to_numpy(), theirs.astype(float).to_numpy()
            same = np.isclose(a, b, rtol=1e-9, atol=1e-9) | (np.isnan(a) & np.isnan(b))
        if not np.all(same):
            bad = both.loc[~np.asarray(same), ["measure", "years", "authority_code", column,
                                               f"{column}_hand"]]
            raise AssertionError(f"{column} differs in {len(bad)} rows:\n{bad.head()}")
        compared += len(both)
    return compared


def run(folder: Path, repeats: int, *, check: bool) -> dict[str, float]:
    dictionary = read_lait_dictionary(folder / DICTIONARY)
    model = read_neighbours(folder / MODEL)
    outstanding = read_ofsted(folder / OFSTED).codes()
    hand_dictionary = pd.read_csv(folder / DICTIONARY, dtype=str, keep_default_na=False,
                                  encoding="utf-8-sig")
    hand_model = pd.read_csv(folder / MODEL, dtype=str)
    path = folder / LAIT
    table = read_lait_table(path)
    frame = baseline.read(path)
    figures = {
        "pyarrow.parquet.read_table": median_time(lambda: pq.read_table(path), repeats),
        "(c) engine read": median_time(lambda: read_lait_table(path), repeats),
        "(c) baseline read": median_time(lambda: baseline.read(path), repeats),
        "(a) engine evaluate": median_time(
            lambda: benchmark_all(table, dictionary, model, outstanding), repeats),
        "(b) baseline evaluate": median_time(
            lambda: baseline.evaluate(frame, hand_dictionary, hand_model, outstanding),
            repeats),
    }
    if check:
        compared = agree(benchmark_all(table, dictionary, model, outstanding),
                         baseline.evaluate(frame, hand_dictionary, hand_model, outstanding))
        print(f"  (a) and (b) agree on all {compared:,} figures "
              f"({len(COMPARED)} per row, means to 1e-9)")
    for label, seconds in figures.items():
        print(f"  {label:<32} {seconds * 1000:9.1f} ms (median of {repeats})")
    return figures


def startup(repeats: int) -> dict[str, float]:
    """Whole-process medians of ``import corpparent`` and ``corpparent --help``."""
    script = Path(sys.executable).parent / "corpparent"
    commands = {"import corpparent": [sys.executable, "-c", "import corpparent"],
                "corpparent --help": [str(script), "--help"],
                "python (nothing imported)": [sys.executable, "-c", "pass"]}
    return {label: median_time(lambda c=command: subprocess.run(c, check=True,
                                                                 capture_output=True),
                               repeats)
            for label, command in commands.items()}


def main(folder: Path = DEFAULT, repeats: int = 7) -> None:
    print("== start-up (whole process)")
    started = startup(repeats)
    for label, seconds in started.items():
        print(f"  {label:<32} {seconds * 1000:9.1f} ms (median of {repeats})")
    print(f"== the LAIT dataset ({folder / LAIT})")
    one = run(folder, repeats, check=True)
    with tempfile.TemporaryDirectory() as scratch:
        ten_times(folder, Path(scratch))
        print("== ten times the data (perturbed copies)")
        ten = run(Path(scratch), max(3, repeats // 2), check=True)
    evaluate = one["(a) engine evaluate"] / one["(b) baseline evaluate"]
    whole = one["(c) engine read"] + one["(a) engine evaluate"]
    scaling = (ten["(c) engine read"] + ten["(a) engine evaluate"]) / whole
    read = one["(c) engine read"] / one["pyarrow.parquet.read_table"]
    print("== targets (reported, not asserted)")
    print(f"  a/b (engine / baseline evaluate)  {evaluate:6.2f}   target <= 1.0")
    print(f"  engine read + evaluate            {whole:6.3f} s target < 1 s")
    print(f"  10x data / 1x data (engine)       {scaling:6.2f}x  target <= 11x")
    for part in ("(c) engine read", "(a) engine evaluate"):
        print(f"    of which {part[4:]:<24} {ten[part] / one[part]:6.2f}x")
    print(f"  engine read / read_table          {read:6.2f}x  target <= 1.5x")
    print(f"  import corpparent                 {started['import corpparent']:6.3f} s "
          "target < 0.15 s")
    print(f"  corpparent --help                 {started['corpparent --help']:6.3f} s "
          "target < 0.25 s")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT,
         int(sys.argv[2]) if len(sys.argv) > 2 else 7)
