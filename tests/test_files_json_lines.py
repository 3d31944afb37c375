"""Where JSON keys and items are written: the line locator agrees with the decoder."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, strategies as st

from corpparent.files._tabular.json_lines import key_lines, key_offsets

_DECODER = json.JSONDecoder()

_documents = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


def _at(document: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


@given(_documents, st.sampled_from([None, 0, 1, 2]), st.booleans())
def test_every_offset_is_where_its_key_or_item_is_written(
    document: Any, indent: int | None, ascii_only: bool
) -> None:
    text = json.dumps(document, indent=indent, ensure_ascii=ascii_only)
    offsets = key_offsets(text)
    for path, offset in offsets.items():
        written, _ = _DECODER.raw_decode(text, offset)
        parent = _at(document, path[:-1]) if path else None
        if isinstance(parent, dict):
            assert written == path[-1]  # the key itself is written here
        else:
            assert written == _at(document, path)
    # Every key and every item is found, no more.
    def paths(value: Any, prefix: tuple[str | int, ...]) -> set[tuple[str | int, ...]]:
        found = {prefix}
        items = value.items() if isinstance(value, dict) else (
            enumerate(value) if isinstance(value, list) else ())
        for key, inner in items:
            found |= paths(inner, (*prefix, key))
        return found
    assert set(offsets) == paths(document, ())


def test_lines_count_from_one() -> None:
    text = '{"meetings": [\n  {"date": "2022-09-27",\n   "present": ["Ann"]}\n]}'
    lines = key_lines(text)
    assert lines[("meetings",)] == 1
    assert lines[("meetings", 0)] == 2
    assert lines[("meetings", 0, "present")] == 3
    assert lines[("meetings", 0, "present", 0)] == 3
