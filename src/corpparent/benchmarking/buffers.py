"""Arrow columns to NumPy arrays and back, through their memory buffers.

pyarrow imports pandas, where it is installed, the first time it converts between
Arrow and NumPy or Python data by its own functions (``Array.to_numpy``, ``pa.array``,
``pa.scalar``, or a compute function given a Python value): about 0.4 s, more than a
whole benchmark takes to work out. National benchmarking never uses pandas, so every
place it moves a column between Arrow and NumPy goes through these functions, which
read and write the buffers themselves (a fixed-width column is its validity bitmap and
its values, laid out as NumPy lays them out):

- `to_numpy`: an integer, floating-point, boolean or date column (an array or a chunked
  array) as a NumPy array; a null is NaN in a floating-point column and ``null`` (if
  given) in any other; a column of another type (text, decimals) is left to Arrow's
  own ``to_numpy``;
- `from_numpy`: a one-dimensional NumPy array as an Arrow array, null where ``mask``;
- `strings`: Python texts as an Arrow string array, and `string_scalar` one text as
  a scalar to compare a column with;
- `table_rows`: a table's rows as Python dicts, as ``Table.to_pylist`` gives them, each
  dictionary column's texts made once per distinct text rather than once per row
  (three to four times quicker on a benchmark's rows);
- `compute` and `cast_options`: one of Arrow's compute functions by its name, called
  without importing ``pyarrow.compute``, which on import writes a Python function and
  its docstring for each of Arrow's several hundred functions (about 0.03 s of a
  benchmark's start-up), where reading LAIT's file calls four of them.

A dictionary-encoded column is its indices (a fixed-width column) and its dictionary
(``to_pylist`` reads that without pandas).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pyarrow as pa

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = ["cast_options", "compute", "from_numpy", "string_scalar", "strings", "table_rows",
           "to_numpy"]

#: Each fixed-width Arrow type read here, by its name, and the NumPy type of its values.
_NUMPY: Final = {
    "int8": np.int8, "int16": np.int16, "int32": np.int32, "int64": np.int64,
    "uint8": np.uint8, "uint16": np.uint16, "uint32": np.uint32, "uint64": np.uint64,
    "float": np.float32, "double": np.float64, "date32[day]": np.int32,
}
#: Each NumPy type written here, by its kind and size, and its Arrow type.
_ARROW: Final = {
    np.dtype(np.int8): pa.int8(), np.dtype(np.int16): pa.int16(),
    np.dtype(np.int32): pa.int32(), np.dtype(np.int64): pa.int64(),
    np.dtype(np.uint8): pa.uint8(), np.dtype(np.uint16): pa.uint16(),
    np.dtype(np.uint32): pa.uint32(), np.dtype(np.uint64): pa.uint64(),
    np.dtype(np.float32): pa.float32(), np.dtype(np.float64): pa.float64(),
}


def _bits(buffer: Any, offset: int, length: int) -> NDArray[np.bool_]:
    """``length`` bits of an Arrow bitmap (least significant bit first) from bit
    ``offset``, one boolean each."""
    unpacked = np.unpackbits(np.frombuffer(buffer, dtype=np.uint8), bitorder="little",
                             count=offset + length)
    found: NDArray[np.bool_] = unpacked[offset:].view(np.bool_)
    return found


def _chunk(array: Any, null: Any) -> NDArray[Any]:
    kind = array.type
    length, offset = len(array), array.offset
    buffers = array.buffers()
    if pa.types.is_boolean(kind):
        values: NDArray[Any] = (_bits(buffers[1], offset, length) if length
                                else np.zeros(0, dtype=np.bool_))
    else:
        dtype = _NUMPY[str(kind)]
        values = (np.frombuffer(buffers[1], dtype=dtype, count=length,
                                offset=offset * np.dtype(dtype).itemsize)
                  if length else np.zeros(0, dtype=dtype))
    if not array.null_count:
        return values
    if null is None:
        if values.dtype.kind != "f":
            raise ValueError(f"a {kind} column with nulls: say what a null reads as")
        null = np.nan
    return np.where(_bits(buffers[0], offset, length), values, null)


def to_numpy(column: Any, *, null: Any = None) -> NDArray[Any]:
    """``column`` (an Arrow array or chunked array of integers, floating-point numbers,
    booleans or dates, the last as days since 1970) as a NumPy array: the column's own
    memory where it is one chunk without nulls (read-only, as Arrow's is), else a copy.
    A null reads as ``null``, or as NaN in a floating-point column when ``null`` is
    not given; a column of another type with nulls and no ``null`` is refused
    (`ValueError`). A column of any other type is Arrow's ``to_numpy(zero_copy_only=False)``
    (which may import pandas), ``null`` unused."""
    if not (pa.types.is_boolean(column.type) or str(column.type) in _NUMPY):
        found: NDArray[Any] = column.to_numpy(zero_copy_only=False)
        return found
    if isinstance(column, pa.ChunkedArray):
        parts = [_chunk(chunk, null) for chunk in column.chunks]
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return _chunk(pa.Array.from_buffers(column.type, 0, [None, None]), null)
        return np.concatenate(parts)
    return _chunk(column, null)


def from_numpy(values: NDArray[Any], mask: NDArray[np.bool_] | None = None) -> pa.Array:
    """``values`` (one-dimensional: integers, floating-point numbers or booleans) as an
    Arrow array, null where ``mask`` is true. The values are shared, not copied, when
    already contiguous: change them afterwards and the array changes."""
    values = np.ascontiguousarray(values)
    if values.ndim != 1:
        raise ValueError(f"from_numpy takes one dimension, not {values.ndim}")
    if values.dtype == np.bool_:
        kind, data = pa.bool_(), np.packbits(values, bitorder="little")
    elif values.dtype in _ARROW:
        kind, data = _ARROW[values.dtype], values
    else:
        raise TypeError(f"from_numpy writes integers, floating-point numbers and "
                        f"booleans, not {values.dtype}")
    validity, nulls = None, 0
    if mask is not None:
        nulls = int(np.count_nonzero(mask))
        if nulls:
            validity = pa.py_buffer(np.packbits(~np.asarray(mask, dtype=np.bool_),
                                                bitorder="little"))
    return pa.Array.from_buffers(kind, len(values), [validity, pa.py_buffer(data)],
                                 null_count=nulls)


def strings(texts: Sequence[str]) -> pa.Array:
    """``texts`` as an Arrow string array (a large string array past 2 GiB)."""
    encoded = [text.encode("utf-8") for text in texts]
    sizes = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    small = offsets[-1] < 2**31
    return pa.Array.from_buffers(
        pa.string() if small else pa.large_string(), len(encoded),
        [None, pa.py_buffer(offsets.astype(np.int32) if small else offsets),
         pa.py_buffer(b"".join(encoded))])


def compute(name: str, *arguments: Any, options: Any = None) -> Any:
    """Arrow's compute function ``name`` (``"equal"``, ``"filter"``, ``"min_max"``) on
    ``arguments``, with its ``options``: what ``pyarrow.compute.NAME(*arguments)`` gives,
    called through ``call_function``, the one entry point that module's functions all
    go through, from the compiled module that defines it."""
    try:
        from pyarrow._compute import call_function
    except ImportError:  # a pyarrow that moves it: its public module has it too
        from pyarrow.compute import call_function

    return call_function(name, list(arguments), options)


def cast_options(kind: pa.DataType) -> Any:
    """The options of a safe cast to ``kind``, as ``pyarrow.compute.cast`` gives by
    default (an overflow or a text that is no number is an error, not a guess)."""
    try:
        from pyarrow._compute import CastOptions
    except ImportError:  # a pyarrow that moves it: its public module has it too
        from pyarrow.compute import CastOptions

    return CastOptions.safe(kind)


def string_scalar(text: str) -> pa.Scalar:
    """``text`` as an Arrow string scalar, to compare a column with."""
    found: pa.Scalar = strings([text])[0]
    return found


def _python(column: Any) -> list[Any]:
    """A column's values as Python objects; a dictionary column's made from its
    dictionary's, once per distinct value, chunk by chunk."""
    if not pa.types.is_dictionary(column.type):
        found: list[Any] = column.to_pylist()
        return found
    values: list[Any] = []
    for chunk in column.chunks:
        words = chunk.dictionary.to_pylist()
        values.extend(None if at is None else words[at] for at in chunk.indices.to_pylist())
    return values


def table_rows(table: pa.Table) -> list[dict[str, Any]]:
    """``table``'s rows as dicts of Python values, as ``table.to_pylist()`` gives them."""
    names = table.column_names
    columns = [_python(column) for column in table.columns]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
