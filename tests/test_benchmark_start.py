"""What ``corpparent benchmark`` loads to start: only what its run uses.

A user waits for the whole process, imports included (benchmarks/process.py times it),
so the terminal benchmark must not load what it never calls: pyarrow.compute (which
writes a wrapper for each of Arrow's functions on import; reading LAIT calls four of
them by name), pyarrow.dataset, pandas, the comparators and the process charts (a
scorecard's), and the funnels (only with ``--ees``).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, strategies as st

from corpparent.benchmarking.buffers import cast_options, compute, string_scalar

#: Loaded by no terminal benchmark without funnels.
_UNUSED = ("pyarrow.compute", "pyarrow.dataset", "pandas", "corpparent.comparators",
           "corpparent.spc", "corpparent.benchmarking.funnel",
           "corpparent.report.process")
#: Loaded by every one: the run itself, so a run that did nothing passes no test.
_USED = ("numpy", "pyarrow.parquet", "corpparent.dfe.national_table", "rich.console")


def _loaded(*arguments: str) -> dict[str, bool]:
    """Which of the modules above a benchmark run in a fresh process had loaded."""
    names = (*_UNUSED, *_USED)
    program = ("import sys\n"
               "from corpparent.cli import cli\n"
               "try:\n"
               f"    cli.main(['benchmark', *{list(arguments)!r}])\n"
               "except SystemExit as exc:\n"
               "    assert exc.code == 0, exc.code\n"
               "sys.stdout.flush()\n"
               "import json\n"
               f"sys.stderr.write(json.dumps({{m: m in sys.modules for m in {names!r}}}))\n")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "Wiltshire" in result.stdout
    found: dict[str, bool] = json.loads(result.stderr.strip().splitlines()[-1])
    return found


def test_the_terminal_benchmark_loads_only_what_it_uses() -> None:
    loaded = _loaded("--la", "Wiltshire")
    assert [m for m in _UNUSED if loaded[m]] == []
    assert [m for m in _USED if not loaded[m]] == []


def test_a_benchmark_of_one_measure_loads_no_more() -> None:
    loaded = _loaded("--la", "Wiltshire", "-m", "LAC_LongStable%", "--all-periods")
    assert [m for m in _UNUSED if loaded[m]] == []


def _figures(numbers: pa.Array) -> list[object]:
    """The numbers, NaN written out (it equals nothing, itself included)."""
    return ["NaN" if n is not None and n != n else n for n in numbers.to_pylist()]


_TEXTS = st.lists(st.one_of(st.none(), st.sampled_from(["-", "1.5", "-3", "7.0E-2", "x",
                                                        " 2", "", "1e400", "nan"]),
                            st.text(max_size=6)), max_size=30)


@given(_TEXTS)
def test_compute_by_name_is_pyarrow_compute(texts: list[str | None]) -> None:
    words = pa.array(texts, pa.string())
    assert compute("equal", words, string_scalar("-")).equals(
        pc.equal(words, string_scalar("-")))
    try:
        expected = pc.cast(words, pa.float64())
    except pa.ArrowInvalid:
        with pytest.raises(pa.ArrowInvalid):
            compute("cast", words, options=cast_options(pa.float64()))
    else:
        found = compute("cast", words, options=cast_options(pa.float64()))
        assert _figures(found) == _figures(expected)
    mask = pc.is_null(words)
    table = pa.table({"word": words})
    assert compute("filter", table, mask).equals(table.filter(mask))


@given(st.lists(st.lists(st.integers(0, 50), max_size=10), min_size=1, max_size=4))
def test_min_max_by_name_is_pyarrow_computes(chunks: list[list[int]]) -> None:
    column = pa.chunked_array([pa.array(c, pa.int32()) for c in chunks], pa.int32())
    assert compute("min_max", column).equals(pc.min_max(column))
