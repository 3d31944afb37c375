"""Arrow text arrays at the level of their bytes: where each cell begins, the bytes of
them all, and each cell stripped as Python strips it, without a copy where none needs it.

A column of a million cells is checked in a few passes of NumPy over its bytes rather
than a million Python strings: a blank cell is one whose start and end are the same, a
date one of exactly ten bytes read digit by digit, and so on.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["PYTHON_WHITESPACE", "offsets_of", "stripped", "text_bytes"]

#: The characters Python's ``str.strip()`` strips, which the row reader strips from
#: each cell: cells read as columns are stripped of exactly these.
PYTHON_WHITESPACE: Final = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
                            "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                            "\u200a\u2028\u2029\u202f\u205f\u3000")
#: The bytes a cell may begin or end with and be stripped: ASCII white space, and any
#: byte of a character beyond ASCII (some of which are white space).
_MAY_STRIP: Final = np.zeros(256, dtype=bool)
_MAY_STRIP[[ord(character) for character in PYTHON_WHITESPACE if ord(character) < 0x80]] = True
_MAY_STRIP[0x80:] = True
#: The highest byte of ASCII white space (the space).
_HIGHEST_SPACE: Final = 0x20


def stripped(values: pa.Array) -> pa.Array:
    """Each text with surrounding white space stripped, as ``str.strip()`` strips it.

    Most columns have nothing to strip: where no cell begins or ends with a byte that
    could be white space, the column is returned as it is, without the trim's copy."""
    if values.type == pa.string() and values.null_count == 0 and _untrimmed(values):
        return values
    return pc.utf8_trim(values, characters=PYTHON_WHITESPACE)


def _untrimmed(values: pa.Array) -> bool:
    """Whether no cell of a text array begins or ends with a byte `_MAY_STRIP` holds."""
    written = text_bytes(values)
    if not written.size:
        return True
    # A blank cell's start is the next filled cell's, and its end the last filled
    # cell's, so every cell is looked at without picking out the filled ones.
    offsets = offsets_of(values)
    at = offsets - offsets[0]
    first = written.take(at[:-1], mode="clip")
    last = written.take(at[1:] - 1, mode="clip")
    if min(first.min(), last.min()) > _HIGHEST_SPACE and max(first.max(), last.max()) < 0x80:
        return True  # every byte looked at is ASCII and not white space
    return not (_MAY_STRIP[first].any() or _MAY_STRIP[last].any())


def offsets_of(text: pa.Array) -> npt.NDArray[np.int32]:
    """Where each cell of a text array begins in its bytes, and where the last ends."""
    offsets: npt.NDArray[np.int32] = np.frombuffer(text.buffers()[1], dtype=np.int32)
    return offsets[text.offset:text.offset + len(text) + 1]


def text_bytes(text: pa.Array) -> npt.NDArray[np.uint8]:
    """The bytes of a text array's cells, one after another."""
    offsets = offsets_of(text)
    data = text.buffers()[2]
    if data is None:
        return np.zeros(0, dtype=np.uint8)
    written: npt.NDArray[np.uint8] = np.frombuffer(data, dtype=np.uint8)
    return written[offsets[0]:offsets[-1]]
