"""Measure what the read limits cost: the time and peak memory of refusing each hostile
input (a cell at XFD1048576, a zip bomb, entity expansion, a row repeated a million
times, an ``.xls`` declaring four billion rows, a CSV of a million columns), what an
``.xls`` far cell within the default bounds costs to read whole (16.7 million cells: 3 s
and 184 MB here; under ``CORPPARENT_MAX_CELLS=1000000`` it is refused in 0.09 s, the
interpreter's start included), and the memory a reading takes, so the ``rows`` bound
can be set against it.

Not a test: it prints figures for the machine it runs on. Each input is read in a fresh
interpreter, so one's peak memory is not another's. Run with
``.venv/bin/python benchmarks/bounds.py [READINGS]`` (READINGS, the rows of the
readings file measured, defaults to 200,000; the time and memory grow in step with it).
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the hostile inputs are written as the tests write them

from hostile_inputs import HOSTILE  # noqa: E402

_MEASURE = """
import json, resource, sys, time
start = time.perf_counter()
outcome = "read"
try:
    from corpparent import DataError
    from corpparent.files._tabular.records import read_records
    read_records(sys.argv[1], required=(), unknown_columns="keep", normalise_header=False)
except DataError as error:
    outcome = str(error)
print(json.dumps({"seconds": time.perf_counter() - start, "outcome": outcome,
                  "megabytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# Timed in one process; its memory traced in another, as tracing slows it down. The
# peak is of what Python allocates while the file is read, over what it held before.
_READINGS = """
import json, sys, time, tracemalloc
from corpparent import Indicator, IndicatorSet, Kind, Polarity, read_readings
indicators = IndicatorSet([Indicator(f"indicator_{n:05d}", f"Indicator {n}", Kind.SNAPSHOT,
                                     Polarity.NEUTRAL) for n in range(int(sys.argv[2]))])
traced = sys.argv[3] == "traced"
if traced:
    tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
start = time.perf_counter()
count = len(read_readings(sys.argv[1], indicators))
print(json.dumps({"seconds": time.perf_counter() - start, "readings": count,
                  "megabytes": (tracemalloc.get_traced_memory()[1] - before) / 2**20}))
"""

MONTHS = 200
_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _fresh(code: str, *args: str) -> dict[str, object]:
    env_path = str(ROOT / "src")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, check=True, env={"PYTHONPATH": env_path})
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _readings_file(folder: Path, rows: int) -> tuple[Path, int]:
    indicators = max(1, rows // MONTHS)
    months = [f"{_NAMES[i % 12]} {2008 + i // 12}" for i in range(MONTHS)]
    path = folder / "readings.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["indicator", "period", "value"])
        for number in range(indicators):
            writer.writerows([f"indicator_{number:05d}", month, (number * 7 + i) % 900]
                             for i, month in enumerate(months))
    return path, indicators


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'input':40} {'bytes':>10} {'seconds':>8} {'peak MB':>8}  outcome")
        for name, write in HOSTILE.items():
            path = write(Path(folder))
            found = _fresh(_MEASURE, str(path))
            print(f"{name:40} {path.stat().st_size:>10,} {found['seconds']:>8.2f} "
                  f"{found['megabytes']:>8.0f}  {str(found['outcome'])[:90]}")
        path, indicators = _readings_file(Path(folder), rows)
        timed = _fresh(_READINGS, str(path), str(indicators), "timed")
        traced = _fresh(_READINGS, str(path), str(indicators), "traced")
        count = int(str(timed["readings"]))
        grown = float(str(traced["megabytes"]))
        per_row = grown * 1024 / count
        seconds = float(str(timed["seconds"]))
        print(f"\nreadings: {count:,} read in {seconds:.1f} s, at most {grown:.0f} MB "
              f"allocated: {per_row:.2f} KB and {seconds / count * 1e6:.0f} us a reading")
        for scale in (1_000_000, 2_000_000, 10_000_000):
            print(f"  {scale:>12,} readings: about {per_row * scale / 1024 / 1024:.1f} GB "
                  f"and {seconds / count * scale / 60:.0f} min")


if __name__ == "__main__":
    main()
