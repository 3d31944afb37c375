"""Primary and secondary suppression: the cases of the DfE's practice, and a property
that no withheld figure of a random table can be worked out from what is published."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from corpparent.disclosure import Derived, Reason, Total, protect
from corpparent.errors import DefinitionError


def test_a_total_and_one_other_part_do_not_publish_a_small_part() -> None:
    # 71 children placed, 68 in county: the 3 out of county would follow by subtraction.
    result = protect(
        {"placed": 71, "in_county": 68, "out_of_county": 3},
        totals=[Total("placed", ("in_county", "out_of_county"))],
    )
    published = result.published()
    assert published["out_of_county"] is None
    assert published["placed"] is None or published["in_county"] is None
    reasons = {item.figure: item.reason for item in result.withheld}
    assert reasons["out_of_county"] is Reason.SMALL_COUNT
    assert Reason.DIFFERENCING in reasons.values()


def test_the_smallest_other_part_is_withheld_before_the_total() -> None:
    result = protect(
        {"all": 40, "a": 2, "b": 30, "c": 8},
        totals=[Total("all", ("a", "b", "c"))],
    )
    assert result.withheld_figures == {"a", "c"}
    assert result.published() == {"all": 40, "a": None, "b": 30, "c": None}


def test_two_small_parts_protect_each_other() -> None:
    result = protect(
        {"all": 20, "a": 2, "b": 3, "c": 15},
        totals=[Total("all", ("a", "b", "c"))],
    )
    assert result.withheld_figures == {"a", "b"}


def test_zero_is_shown_and_a_figure_at_the_threshold_is_published() -> None:
    result = protect({"none": 0, "six": 6, "five": 5}, threshold=6)
    assert result.withheld_figures == {"five"}


def test_a_percentage_of_a_withheld_count_is_withheld() -> None:
    # 2 of 8 published as 25% publishes the 2 to anyone who knows the 8.
    result = protect(
        {"moves": 2, "children": 8, "moves_percent": 25.0},
        derived=[Derived("moves_percent", "moves")],
    )
    assert result.withheld_figures == {"moves", "moves_percent"}
    assert result.log() == [
        "moves: a count of fewer than 6 children",
        "moves_percent: computed from the withheld count moves",
    ]


def test_a_percentage_is_never_judged_as_a_count() -> None:
    result = protect(
        {"moves": 20, "moves_percent": 4.0}, derived=[Derived("moves_percent", "moves")]
    )
    assert result.withheld == ()


def test_an_unavailable_figure_already_hides_a_small_part() -> None:
    # Nothing is recoverable when another part is not available at all.
    result = protect(
        {"all": 30, "a": 3, "b": None, "c": 20},
        totals=[Total("all", ("a", "b", "c"))],
    )
    assert result.withheld_figures == {"a"}


def test_differences_across_two_totals_are_caught() -> None:
    # all = left + right, left = a + b; a is small and right is published: a = all -
    # right - b, so b (or another figure) must go too.
    values = {"all": 50, "left": 12, "right": 38, "a": 4, "b": 8}
    totals = [Total("all", ("left", "right")), Total("left", ("a", "b"))]
    result = protect(values, totals=totals)
    assert "a" in result.withheld_figures
    assert _recoverable(values, totals, result.withheld_figures) == set()


def test_bad_declarations_are_definition_errors() -> None:
    with pytest.raises(DefinitionError, match="threshold must be at least 1"):
        protect({"a": 1}, threshold=0)
    with pytest.raises(DefinitionError, match="have no value: 'b'"):
        protect({"a": 1}, totals=[Total("a", ("b",))])
    with pytest.raises(DefinitionError, match="at least one part"):
        Total("a", ())


# An independent check: a withheld figure is safe when a second table exists that agrees
# with every published figure and every total and differs in that figure. Such a table is
# the original plus a vector of the null space of the totals over the unknown figures;
# the null space is found here from the reduced row echelon form, not from ranks.


def _null_space(rows: list[list[Fraction]], width: int) -> list[list[Fraction]]:
    matrix = [row[:] for row in rows]
    pivots: list[int] = []
    r = 0
    for c in range(width):
        p = next((i for i in range(r, len(matrix)) if matrix[i][c] != 0), None)
        if p is None:
            continue
        matrix[r], matrix[p] = matrix[p], matrix[r]
        matrix[r] = [x / matrix[r][c] for x in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][c] != 0:
                f = matrix[i][c]
                matrix[i] = [a - f * b for a, b in zip(matrix[i], matrix[r], strict=True)]
        pivots.append(c)
        r += 1
    basis = []
    for free in (c for c in range(width) if c not in pivots):
        vector = [Fraction(0)] * width
        vector[free] = Fraction(1)
        for row, pivot in zip(matrix, pivots, strict=False):
            vector[pivot] = -row[free]
        basis.append(vector)
    return basis


def _recoverable(
    values: dict[str, float | None], totals: list[Total[str]], hidden: frozenset[str]
) -> set[str]:
    unknown = [k for k, v in values.items() if k in hidden or v is None]
    rows = []
    for t in totals:
        row = [Fraction(0)] * len(unknown)
        for k, sign in [(t.total, 1), *((p, -1) for p in t.parts)]:
            if k in unknown:
                row[unknown.index(k)] += sign
        rows.append(row)
    basis = _null_space(rows, len(unknown))
    for vector in basis:  # each basis vector really is a second table
        alternative = {k: Fraction(values[k] or 0) for k in values}
        for k, delta in zip(unknown, vector, strict=True):
            alternative[k] += delta
        for t in totals:
            if all(k in unknown or values[k] is not None for k in (t.total, *t.parts)):
                assert alternative[t.total] == sum(alternative[p] for p in t.parts)
    free = {k for i, k in enumerate(unknown) if any(v[i] != 0 for v in basis)}
    return {k for k in hidden if k not in free}


@st.composite
def hierarchies(draw: st.DrawFn) -> tuple[dict[str, float | None], list[Total[str]]]:
    """A grand total of groups, each the total of its own parts (a two-level table)."""
    values: dict[str, float | None] = {}
    totals: list[Total[str]] = []
    groups = draw(st.integers(1, 4))
    group_names = []
    for g in range(groups):
        parts = [f"g{g}p{i}" for i in range(draw(st.integers(1, 4)))]
        for name in parts:
            values[name] = draw(st.integers(0, 25))
        values[f"g{g}"] = sum(values[name] or 0 for name in parts)
        totals.append(Total(f"g{g}", tuple(parts)))
        group_names.append(f"g{g}")
    values["all"] = sum(values[name] or 0 for name in group_names)
    totals.append(Total("all", tuple(group_names)))
    return values, totals


@st.composite
def two_way_tables(draw: st.DrawFn) -> tuple[dict[str, float | None], list[Total[str]]]:
    """A table of rows by columns with both margins and a grand total."""
    rows, columns = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    values: dict[str, float | None] = {
        f"r{r}c{c}": draw(st.integers(0, 20)) for r in range(rows) for c in range(columns)
    }
    totals: list[Total[str]] = []
    for r in range(rows):
        parts = tuple(f"r{r}c{c}" for c in range(columns))
        values[f"r{r}"] = sum(values[p] or 0 for p in parts)
        totals.append(Total(f"r{r}", parts))
    for c in range(columns):
        parts = tuple(f"r{r}c{c}" for r in range(rows))
        values[f"c{c}"] = sum(values[p] or 0 for p in parts)
        totals.append(Total(f"c{c}", parts))
    values["all"] = sum(values[f"r{r}"] or 0 for r in range(rows))
    totals.append(Total("all", tuple(f"r{r}" for r in range(rows))))
    return values, totals


@given(st.one_of(hierarchies(), two_way_tables()), st.integers(1, 10))
def test_no_withheld_figure_can_be_worked_out(
    table: tuple[dict[str, float | None], list[Total[str]]], threshold: int
) -> None:
    values, totals = table
    result = protect(values, totals=totals, threshold=threshold)
    hidden = result.withheld_figures
    assert {k for k, v in values.items() if v is not None and 0 < v < threshold} <= hidden
    assert _recoverable(values, totals, hidden) == set()
    published = result.published()
    assert all(published[k] is None for k in hidden)
    assert all(published[k] == values[k] for k in values if k not in hidden)


@given(two_way_tables())
def test_a_table_with_no_small_count_is_published_whole(
    table: tuple[dict[str, float | None], list[Total[str]]],
) -> None:
    values, totals = table
    result = protect(values, totals=totals, threshold=1)
    assert result.withheld == ()
