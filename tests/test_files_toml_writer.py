"""The TOML writer names the key of any value a plug-in file cannot hold."""

from __future__ import annotations

import math
from datetime import datetime

import pytest

from corpparent.errors import DefinitionError
from corpparent.files._tabular import toml_writer as tomlwriter


@pytest.mark.parametrize(("top", "tables", "arrays", "message"), [
    ({"a": {"b c": [1.0, math.inf]}}, [], [],
     "key 'a.\"b c\"[1]' to a plug-in file: expected a finite number, found inf"),
    ({}, [("meetings", {"held": datetime(2020, 1, 1, 10)})], [],
     "key 'meetings.held' to a plug-in file: expected a date without a time, found "
     "2020-01-01T10:00:00"),
    ({}, [], [("indicators.series", [{"x": 1}, {"x": [1, 2, -math.inf]}])],
     "key 'indicators.series[1].x[2]' to a plug-in file: expected a finite number, "
     "found -inf"),
])
def test_the_writer_names_the_key_it_cannot_write(
    top: tomlwriter.Table, tables: list[tuple[str, tomlwriter.Table]],
    arrays: list[tuple[str, list[tomlwriter.Table]]], message: str
) -> None:
    with pytest.raises(DefinitionError) as caught:
        tomlwriter.dumps(top, tables, arrays)
    assert str(caught.value) == f"cannot write {message}"
    assert isinstance(caught.value, ValueError)
