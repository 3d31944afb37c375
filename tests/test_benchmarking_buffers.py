"""Arrow columns to NumPy and back through their buffers: the same values Arrow's own
conversions give, and a national benchmark that loads neither pandas nor anything else
it does not use."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, strategies as st

from corpparent.benchmarking.buffers import (
    from_numpy,
    string_scalar,
    strings,
    table_rows,
    to_numpy,
)

_TYPES = {"int8": pa.int8(), "int16": pa.int16(), "int32": pa.int32(), "int64": pa.int64(),
          "uint8": pa.uint8(), "uint32": pa.uint32(), "double": pa.float64(),
          "float": pa.float32(), "bool": pa.bool_()}


def _values(kind: pa.DataType) -> st.SearchStrategy[int | float | bool | None]:
    if pa.types.is_boolean(kind):
        return st.none() | st.booleans()
    if pa.types.is_floating(kind):
        return st.none() | st.floats(allow_nan=False, width=kind.bit_width)
    bits = kind.bit_width
    low, high = ((-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if pa.types.is_signed_integer(kind)
                 else (0, 2**bits - 1))
    return st.none() | st.integers(low, high)


@st.composite
def _columns(draw: st.DrawFn) -> pa.ChunkedArray:
    """A chunked column of one type, with nulls, each chunk perhaps a slice (an offset
    into its buffers, as a filtered or sliced column has)."""
    kind = _TYPES[draw(st.sampled_from(sorted(_TYPES)))]
    chunks = []
    for _ in range(draw(st.integers(0, 3))):
        values = draw(st.lists(_values(kind), max_size=40))
        start = draw(st.integers(0, len(values)))
        chunks.append(pa.array(values, kind).slice(start))
    return pa.chunked_array(chunks, kind)


def _arrow(column: pa.ChunkedArray, null: float | int | bool) -> np.ndarray:
    """Arrow's own conversion, nulls filled first."""
    return column.fill_null(null).to_numpy() if column.null_count else column.to_numpy()


@given(_columns())
def test_a_column_reads_as_arrow_reads_it(column: pa.ChunkedArray) -> None:
    null = np.nan if pa.types.is_floating(column.type) else (
        True if pa.types.is_boolean(column.type) else 7)
    found = to_numpy(column, null=null)
    expected = _arrow(column, null)
    assert found.dtype == expected.dtype
    np.testing.assert_array_equal(found, expected)
    for chunk in column.chunks:
        np.testing.assert_array_equal(to_numpy(chunk, null=null), _arrow(
            pa.chunked_array([chunk], column.type), null))


@given(_columns())
def test_a_column_written_back_is_the_same_column(column: pa.ChunkedArray) -> None:
    whole = column.combine_chunks()
    valid = whole.is_valid().to_numpy(zero_copy_only=False)
    filler = False if pa.types.is_boolean(whole.type) else 0
    written = from_numpy(to_numpy(whole, null=filler), mask=~valid)
    written.validate(full=True)
    assert written.equals(whole)


def test_a_floating_point_null_is_nan_and_another_needs_saying() -> None:
    assert np.isnan(to_numpy(pa.array([1.5, None]))[1])
    with pytest.raises(ValueError, match="say what a null reads as"):
        to_numpy(pa.array([1, None], pa.int32()))


def test_other_columns_are_left_to_arrow() -> None:
    assert to_numpy(pa.array(["865", None])).tolist() == ["865", None]


@given(st.lists(st.text()))
def test_texts_are_the_array_arrow_builds(texts: list[str]) -> None:
    written = strings(texts)
    written.validate(full=True)
    assert written.equals(pa.array(texts, pa.string()))
    for text in texts[:3]:
        assert string_scalar(text).equals(pa.scalar(text, pa.string()))


_WORDS = st.none() | st.sampled_from(["A", "B", "no change", "Wiltshire", ""])


@given(st.lists(st.tuples(_WORDS, st.none() | st.integers(-5, 5),
                          st.none() | st.floats(allow_nan=False)), max_size=30),
       st.integers(1, 3))
def test_a_tables_rows_are_those_arrow_gives(rows: list[tuple[object, ...]],
                                             chunks: int) -> None:
    """Dictionary columns (several chunks, each with its own dictionary, nulls among
    the indices) and plain ones."""
    words, numbers, figures = (list(column) for column in zip(*rows, strict=True)) \
        if rows else ([], [], [])
    size = max(1, -(-len(rows) // chunks))
    parts = [slice(i, i + size) for i in range(0, len(rows), size)] or [slice(0, 0)]
    table = pa.table({
        "word": pa.chunked_array([pa.array(words[p], pa.string()).dictionary_encode()
                                  for p in parts], pa.dictionary(pa.int32(), pa.string())),
        "number": pa.chunked_array([pa.array(numbers[p], pa.int64()) for p in parts],
                                   pa.int64()),
        "figure": pa.array(figures, pa.float64()),
    })
    assert table_rows(table) == table.to_pylist()


#: What a national benchmark written as JSON has no use for: pandas (pyarrow loads it on
#: its own conversions, about 0.4 s), the plug-in machinery, the scalar benchmark, the
#: HTML writer and small-number suppression (JSON is an internal format).
_NOT_LOADED = ("pandas", "corpparent.plugins.loading", "corpparent.dfe.benchmark",
               "corpparent.report.backends.html", "corpparent.report.suppression")


def test_a_benchmark_loads_only_what_it_uses() -> None:
    program = ("import sys\n"
               "from corpparent.cli import cli\n"
               "try:\n"
               "    cli.main(['benchmark', '--la', 'Wiltshire', '-f', 'json'])\n"
               "except SystemExit as exc:\n"
               "    assert exc.code == 0, exc.code\n"
               "sys.stdout.flush()\n"
               f"loaded = [m for m in {_NOT_LOADED!r} if m in sys.modules]\n"
               "sys.stderr.write(f'loaded: {loaded}')\n")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert '"Wiltshire"' in result.stdout
    assert result.stderr.endswith("loaded: []")
