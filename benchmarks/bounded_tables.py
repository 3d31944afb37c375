"""Measure that the read limits cost nothing on real work and bound the rest: the LAIT
dataset ten times over read under the default limits, a million-row DataFrame and list
of dicts read as readings, and inputs over a limit refused.

Not a test: it prints, for the machine it runs on, each read's time and the peak memory
of the process that did it (each in a fresh child process, so one's memory is not
another's), and the footer's figures beside the default limits. Run with
``.venv/bin/python benchmarks/bounded_tables.py [FOLDER]`` (FOLDER, the DfE's published
files, defaults to ../shared/data/dfe). Needs pandas and polars (the ``test`` extra).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe"
ROWS = 100_000

#: Each measured in a child: its time (seconds) and its peak resident memory (MiB).
_CHILD = textwrap.dedent("""
    import json, sys, time
    setup, action = sys.argv[1], sys.argv[2]
    scope = {}
    exec(setup, scope)
    start = time.perf_counter()
    try:
        exec(action, scope)
        outcome = "read"
    except Exception as error:  # the refusal measured: its first line
        outcome = str(error).splitlines()[0][:150]
    took = time.perf_counter() - start
    # The process's own high-water mark (Linux): ru_maxrss would count the parent's
    # memory at the fork, kept across exec.
    status = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
    peak = int(status) / 1024
    print(json.dumps({"seconds": took, "peak_mib": peak, "outcome": outcome}))
""")


def measured(setup: str, action: str) -> dict[str, object]:
    """The time and peak memory of ``action`` run after ``setup`` in a fresh process."""
    done = subprocess.run([sys.executable, "-c", _CHILD, setup, action], capture_output=True,
                          text=True, check=True)
    found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return found


def show(name: str, figures: dict[str, object]) -> None:
    print(f"{name:<52} {figures['seconds']:7.2f} s {figures['peak_mib']:8.0f} MiB peak  "
          f"{figures['outcome']}")


def footer(path: Path) -> None:
    """The LAIT file's figures from its footer, beside the default limits."""
    import pyarrow.parquet as pq

    from corpparent.files import ReadLimits

    metadata = pq.read_metadata(path)
    limits = ReadLimits()
    groups = [metadata.row_group(i) for i in range(metadata.num_row_groups)]
    expanded = sum(group.total_byte_size for group in groups)
    print(f"  rows {metadata.num_rows:,} (limit {limits.parquet_rows:,}); largest row group "
          f"{max(g.num_rows for g in groups):,} (limit {limits.row_group_rows:,}); "
          f"uncompressed {expanded:,} bytes (limit {limits.expanded_bytes:,}); "
          f"cells read {metadata.num_rows * 6:,} (limit {limits.cells:,})")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    lait = folder / "lait_bds_long.parquet"
    readings = textwrap.dedent(f"""
        import pandas as pd, polars as pl
        from corpparent import Indicator, IndicatorSet, Kind, Polarity, read_readings
        indicators = IndicatorSet([Indicator(f'i{{n}}', f'I {{n}}', Kind.SNAPSHOT,
                                             Polarity.NEUTRAL) for n in range(1000)])
        names = ('January', 'February', 'March', 'April', 'May', 'June', 'July',
                 'August', 'September', 'October', 'November', 'December')
        columns = {{'indicator': [f'i{{n % 1000}}' for n in range({ROWS})],
                   'period': [f'{{names[n // 1000 % 12]}} {{2000 + n // 12000}}'
                              for n in range({ROWS})],
                   'value': [n % 900 for n in range({ROWS})]}}
    """)
    with tempfile.TemporaryDirectory() as scratch:
        if lait.is_file():
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from national import ten_times  # beside this script

            ten_times(folder, Path(scratch))
            bigger = Path(scratch) / "lait_bds_long.parquet"
            for name, path in (("LAIT dataset", lait), ("LAIT dataset, ten times over", bigger)):
                print(name)
                footer(path)
                show(f"  read_lait_table ({path.stat().st_size / 2**20:.1f} MiB file)", measured(
                    "from corpparent.files.dfe.lait_columns import read_lait_table",
                    f"read_lait_table({str(path)!r})"))
        else:
            print(f"no LAIT dataset in {folder}: its reads are not measured")
        print(f"readings, {ROWS:,} rows")
        show("  a pandas DataFrame", measured(readings, "read_readings(pd.DataFrame(columns), "
                                                      "indicators)"))
        show("  a polars DataFrame", measured(readings, "read_readings(pl.DataFrame(columns), "
                                                      "indicators)"))
        show("  a list of dicts", measured(
            readings, "read_readings([dict(zip(columns, row)) for row in "
            "zip(*columns.values())], indicators)"))
        print("refused")
        show("  an endless Arrow stream, rows limit 1,000,000", measured(
            "import pyarrow as pa\nfrom corpparent.files._tabular.tables import records_of\n"
            "from corpparent.files import reading_limits\n"
            "schema = pa.schema([('value', pa.string())])\n"
            "batch = pa.record_batch([pa.array(['1'] * 65536)], schema=schema)\n"
            "def batches():\n    while True:\n        yield batch\n",
            "with reading_limits(rows=1_000_000):\n"
            "    records_of(pa.RecordBatchReader.from_batches(schema, batches()), required=())"))
        show("  a polars frame of 100,000 columns", measured(
            "import polars as pl\nfrom corpparent.files._tabular.tables import records_of\n"
            "frame = pl.DataFrame({f'c{n}': [1] for n in range(100_000)})\n",
            "records_of(frame, required=())"))


if __name__ == "__main__":
    main()
