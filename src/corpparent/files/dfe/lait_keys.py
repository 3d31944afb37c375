"""Telling LAIT's rows apart: each row's area, worked out once per distinct number, name
and region, and a second value for one area, measure and year found as a repeated key.

A key is one number per row made from the rows' indices into their columns' distinct
texts, so finding the distinct ones is counting (a lookup table) or sorting, never
comparing texts. These are the helpers of `corpparent.files.dfe.lait_columns`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from corpparent.benchmarking.buffers import compute, from_numpy, to_numpy
from corpparent.dfe.areas import ENGLAND, REGION_CODES, Area, Level, known_areas
from corpparent.dfe.lait import ENGLAND_NUMBER
from corpparent.errors import Problem
from corpparent.files.dfe.lait_decoding import _LISTED, _problems, _required, _text_index

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np
    from numpy.typing import NDArray


def _area(number: int, name: str, region: str | None, known: Any) -> Area:
    if number == ENGLAND_NUMBER:
        return ENGLAND
    if region is None:
        code = REGION_CODES.get(name)
        if code is None:
            raise ValueError(f"unknown region {name!r}; expected one of "
                             + ", ".join(sorted(REGION_CODES)))
        found: Area = known[code]
        return found
    if region not in REGION_CODES:
        raise ValueError(f"unknown region {region!r}")
    listed = known.get(str(number))
    return Area(str(number), name, Level.LOCAL_AUTHORITY,
                ons_code=listed.ons_code if listed else None, region=REGION_CODES[region])


def _unless(index: NDArray[np.int32], rows: list[int]) -> NDArray[np.int32]:
    """``index`` with the given rows set to -1 (none: ``index`` itself)."""
    if not rows:
        return index
    found = index.copy()
    found[rows] = -1
    return found


def _fitting(size: int) -> type[np.int32] | type[np.int64]:
    """The narrower integer type that holds keys below ``size`` (narrower is quicker)."""
    import numpy as np

    return np.int32 if size < 2**31 else np.int64


def _key(digits: Sequence[NDArray[np.int32]], widths: Sequence[int],
         kind: type[np.int32] | type[np.int64]) -> NDArray[np.integer[Any]]:
    """One number per row from several indices, each below its width (the first index
    counting most), worked in place rather than with a new array at each step."""
    key: NDArray[np.integer[Any]] = digits[0].astype(kind)
    for digit, width in zip(digits[1:], widths[1:], strict=True):
        key *= width
        key += digit
    return key


def _distinct(key: NDArray[np.integer[Any]], size: int,
              ) -> tuple[NDArray[np.int64], NDArray[np.int32]]:
    """The distinct keys (each from 0 to ``size - 1``), smallest first, and each row's
    index among them.

    A table of ``size`` entries finds them without sorting when the keys are few beside
    the rows; otherwise they are sorted, so memory stays in proportion to the rows
    whatever the keys are.
    """
    import numpy as np

    if size > _DENSE * len(key) + _DENSE_FLOOR:
        distinct, inverse = np.unique(key, return_inverse=True)
        return distinct, inverse.reshape(-1).astype(np.int32)
    seen = np.zeros(size, dtype=bool)
    seen[key] = True
    found = np.flatnonzero(seen)
    slot = np.zeros(size, dtype=np.int32)
    slot[found] = np.arange(len(found), dtype=np.int32)
    return found, np.take(slot, key)


#: A lookup table is used for keys up to this many per row (and a small floor);
#: sparser keys are sorted instead.
_DENSE: Final = 16
_DENSE_FLOOR: Final = 1 << 16


def _areas(columns: dict[str, Any], number: NDArray[np.float64], source: str,
           problems: list[Problem]) -> tuple[NDArray[np.int32], tuple[Area, ...]]:
    """Each row's area, worked out once per distinct (number, name, region), taken in
    the order of number, name and region."""
    import numpy as np

    names, name = _text_index(columns["LA and Regions"])
    regions, region = _text_index(columns["Region"])
    _required(names, name, "LA and Regions", source, problems)
    # One key per (name, region), from which each can be read back:
    # (name + 1) * width_region + region + 1, worked in place.
    width_region = len(regions) + 1
    width = (len(names) + 1) * width_region
    key = _key((name, region), (len(names) + 1, width_region), _fitting(width))
    key += width_region + 1
    numbers, distinct, inverse = _pairs(number, key, width)
    # Numbers first, as the areas are listed by number.
    order = np.lexsort((distinct, numbers))
    known = known_areas()
    codes: dict[str, int] = {}
    areas: list[Area] = []
    mapped = np.full(len(distinct), -1, dtype=np.int32)
    for index in order.tolist():
        region_at = int(distinct[index]) % width_region - 1
        name_at = int(distinct[index]) // width_region - 1
        written = regions[region_at] if region_at >= 0 else None
        try:
            found = _area(int(numbers[index]), names[name_at] or "" if name_at >= 0 else "",
                          None if written in (None, "NA", "") else written, known)
        except ValueError as exc:
            problems.extend(_problems(source, np.flatnonzero(inverse == index),
                                      "LA and Regions", str(exc)))
            continue
        if found.code not in codes:
            codes[found.code] = len(areas)
            areas.append(found)
        mapped[index] = codes[found.code]
    return np.take(mapped, inverse), tuple(areas)


def _pairs(number: NDArray[np.float64], place: NDArray[np.integer[Any]], width: int,
           ) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int32]]:
    """The distinct (number, place) pairs, as each pair's number and place, and each
    row's index among them; ``place`` is below ``width``.

    The places are made dense first. LAIT's numbers are three-digit codes, close
    together, so one small key then holds both; when they are far apart (any whole
    number up to 2**31 may appear) the numbers are made dense too, so that no table is
    sized by the numbers themselves.
    """
    import numpy as np

    places, at = _distinct(place, width)
    low, high = (int(number.min()), int(number.max())) if len(number) else (0, 0)
    size = (high - low + 1) * len(places)
    if size <= _DENSE * len(number) + _DENSE_FLOOR:
        key: NDArray[np.integer[Any]] = number.astype(_fitting(size))
        key -= low
        key *= len(places)
        key += at
        pairs, inverse = _distinct(key, size)
        numbers = pairs // len(places) + low
    else:
        encoded = compute("dictionary_encode",
                          from_numpy(number.astype(np.float64, copy=False)))
        pairs, inverse = _distinct(
            _key((to_numpy(encoded.indices), at), (len(encoded.dictionary), len(places)),
                 np.int64),
            len(encoded.dictionary) * len(places))
        numbers = to_numpy(encoded.dictionary).astype(np.int64)[pairs // len(places)]
    return numbers, places[pairs % len(places)], inverse


def _duplicates(measure: NDArray[np.int32], label: NDArray[np.int32], area: NDArray[np.int32],
                labels: tuple[str | None, ...], measures: tuple[str | None, ...],
                areas: tuple[Area, ...], source: str, problems: list[Problem]) -> None:
    """A second value for one area, measure and year is a problem at its row."""
    import numpy as np

    valid = (measure >= 0) & (label >= 0) & (area >= 0)
    rows = np.flatnonzero(valid) if not valid.all() else None
    parts = [a if rows is None else a[rows] for a in (measure, label, area)]
    size = len(measures) * len(labels) * len(areas)
    count = len(parts[0])
    if size <= _DENSE * count + _DENSE_FLOOR:
        # As many distinct keys as rows means no repeats: found without sorting.
        key = _key(parts, (len(measures), len(labels), len(areas)), _fitting(size))
        seen = np.zeros(size, dtype=bool)
        seen[key] = True
        if np.count_nonzero(seen) == count:
            return
    # The rows in order of measure, label and area (stable: the first stays first).
    order = np.lexsort(parts[::-1])
    same = np.ones(max(count - 1, 0), dtype=bool)
    for part in parts:
        ordered = part[order]
        same &= ordered[1:] == ordered[:-1]
    repeated = order[1:][same]
    if rows is not None:
        repeated = rows[repeated]
    for row in sorted(repeated.tolist())[:_LISTED]:
        problems.append(Problem(
            source, f"a second value for {areas[area[row]]} in {measures[measure[row]]} "
            f"{labels[label[row]]}", line=row + 1, field="Values"))
