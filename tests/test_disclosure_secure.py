"""secure(): after it, no withheld count of a random table can be narrowed from what is
published; without secondary suppression one can, so the check can fail."""

from __future__ import annotations

import math
from collections.abc import Hashable

import pytest
from hypothesis import given, settings, strategies as st

from corpparent.disclosure import (
    Derived,
    Range,
    Reason,
    Relation,
    Secured,
    Unknown,
    ranges,
    secure,
)
from corpparent.errors import DefinitionError

PLACED = Relation.total("placed", ("in_county", "out_of_county"), source="placements")


def test_the_other_part_of_a_declared_total_is_withheld_with_the_small_one() -> None:
    result = secure({"placed": 71, "in_county": 68, "out_of_county": 3}, [PLACED])
    assert result.withheld_figures == {"out_of_county", "in_county"}
    assert [(w.figure, w.reason, w.protects) for w in result.withheld] == [
        ("out_of_county", Reason.SMALL_COUNT, None),
        ("in_county", Reason.DIFFERENCING, "out_of_county"),
    ]


def test_a_figure_published_elsewhere_is_never_withheld_so_the_total_goes() -> None:
    result = secure({"placed": 71, "in_county": 68, "out_of_county": 3}, [PLACED],
                    published={"in_county": 68})
    assert result.withheld_figures == {"out_of_county", "placed"}


def test_a_statement_about_a_withheld_figure_is_withdrawn_with_it() -> None:
    months = ("April", "May", "June")
    mean = Relation.equation([(m, 1 / 3) for m in months], 8.0, tolerance=0.05,
                             statement="chart mean")
    result = secure({"April": 3, "May": 9, "June": 12}, [mean])
    assert result.dropped == {"chart mean"}
    assert result.withheld_figures == {"April"}
    statement = result.withheld[-1]
    assert (statement.reason, statement.protects) == (Reason.STATEMENT, "April")
    assert statement.describe(6) == "chart mean: a statement about the withheld figure April"


def test_a_statement_that_narrows_through_a_figure_not_available_goes_first() -> None:
    # May is not available; a status word says May is at least 10. With the quarter (25)
    # and June (12) published, April + May = 13 and May >= 10 put April at 3 or less:
    # withdraw the word, rather than withhold June.
    quarter = Relation.total("Q1", ("April", "May", "June"))
    word = Relation((("May", 1.0),), lower=10.0, statement="May status")
    result = secure({"Q1": 25, "April": 3, "May": None, "June": 12}, [quarter, word])
    assert result.dropped == {"May status"}
    assert result.withheld_figures == {"April"}


def test_what_is_derived_from_a_withheld_count_goes_with_it_through_chains() -> None:
    result = secure({"moves": 2, "children": 8, "percent": 25.0, "rounded": 30.0},
                    [], derived=[Derived("percent", "moves"), Derived("rounded", "percent")])
    assert result.withheld_figures == {"moves", "percent", "rounded"}
    assert {w.figure: w.reason for w in result.withheld}["rounded"] is Reason.DERIVED


def test_only_the_counts_named_are_judged_as_counts() -> None:
    result = secure({"score": 3.0, "moves": 3}, [], counts=["moves"])
    assert result.withheld_figures == {"moves"}


def test_figures_that_break_a_declared_total_are_taken_as_a_reader_would() -> None:
    # 10 declared as 3 + 8 (the parts do not add up): a reader still works out 10 - 8 = 2
    # for the c, a wrong value but one that narrows it, so 8 goes too.
    result = secure({"all": 10, "a": 3, "b": 8}, [Relation.total("all", ("a", "b"))])
    assert result.withheld_figures == {"a", "b"}


def test_bad_declarations_are_definition_errors() -> None:
    with pytest.raises(DefinitionError, match="threshold must be at least 1"):
        secure({"a": 1}, [], threshold=0)
    with pytest.raises(DefinitionError, match="have no value: 'b'"):
        secure({"a": 1}, [Relation.total("a", ("b",))])
    with pytest.raises(DefinitionError, match="have no value: 'c'"):
        secure({"a": 1}, [], counts=["c"])


# -- the property ------------------------------------------------------------------

Table = tuple[dict[str, float | None], list[Relation[str]]]


@st.composite
def papers(draw: st.DrawFn) -> Table:
    """A year of monthly counts in groups (placed = in county + out of county), with
    quarters and a year summed over months, and statements: a chart mean of each
    group's months and a status word bounding one month."""
    values: dict[str, float | None] = {}
    relations: list[Relation[str]] = []
    months = draw(st.integers(3, 6))
    for group in range(draw(st.integers(1, 2))):
        for m in range(months):
            parts = [f"g{group}m{m}p{p}" for p in range(2)]
            for name in parts:
                values[name] = draw(st.one_of(st.integers(0, 12), st.integers(0, 40)))
            values[f"g{group}m{m}"] = sum(values[p] or 0 for p in parts)
            relations.append(Relation.total(f"g{group}m{m}", parts))
        quarter = [f"g{group}m{m}" for m in range(3)]
        values[f"g{group}q"] = sum(values[k] or 0 for k in quarter)
        relations.append(Relation.total(f"g{group}q", quarter, source="the quarter"))
        series = [f"g{group}m{m}p0" for m in range(months)]
        mean = sum(values[k] or 0 for k in series) / months
        relations.append(Relation.equation([(k, 1 / months) for k in series],
                                           round(mean, 1), tolerance=0.05,
                                           statement=f"g{group} mean"))
        word = draw(st.sampled_from(series))
        relations.append(Relation(((word, 1.0),), upper=values[word] or 0,
                                  statement=f"{word} status"))
    gone = draw(st.lists(st.sampled_from(sorted(values)), max_size=2, unique=True))
    values.update(dict.fromkeys(gone))
    return values, relations


def _reader(values: dict[str, float | None], relations: list[Relation[str]],
            withheld: frozenset[str], dropped: frozenset[Hashable]) -> dict[str, Range]:
    """What a reader of the published figures and statements can work out."""
    known = {k: float(v) for k, v in values.items() if v is not None and k not in withheld}
    unknowns = [Unknown(k) for k in values if k not in known]
    said = [r for r in relations if r.statement not in dropped]
    return dict(ranges(known, unknowns, said))


def _small(values: dict[str, float | None], threshold: int) -> set[str]:
    return {k for k, v in values.items() if v is not None and 0 < v < threshold}


@settings(max_examples=40, deadline=None)
@given(papers(), st.integers(3, 8))
def test_after_secure_no_withheld_count_is_narrowed(table: Table, threshold: int) -> None:
    values, relations = table
    result = secure(values, relations, threshold=threshold)
    assert isinstance(result, Secured)
    assert _small(values, threshold) <= result.withheld_figures
    found = _reader(values, relations, result.withheld_figures, result.dropped)
    for key in result.withheld_figures:
        if key in _small(values, threshold):
            assert not found[key].narrows(threshold), key
        assert not found[key].pinned, key
    for relation in relations:
        if relation.statement is not None and relation.statement not in result.dropped:
            assert not set(relation.figures) & result.withheld_figures


@settings(max_examples=40, deadline=None)
@given(papers(), st.integers(3, 8))
def test_without_secondary_suppression_a_small_count_can_be_narrowed(
    table: Table, threshold: int
) -> None:
    """The control: withholding the small counts alone (statements about them withdrawn)
    leaves a count narrowed wherever a total and its other part are both published."""
    values, relations = table
    primary = frozenset(_small(values, threshold))
    dropped = frozenset(r.statement for r in relations
                        if r.statement is not None and set(r.figures) & primary)
    found = _reader(values, relations, primary, dropped)
    for relation in relations:
        if relation.statement is not None or relation.lower != 0:
            continue
        hidden = [k for k in relation.figures if k in primary or values[k] is None]
        if len(hidden) == 1 and hidden[0] in primary:
            assert found[hidden[0]].narrows(threshold)
            assert secure(values, relations, threshold=threshold).withheld_figures > primary


def test_the_control_finds_a_case() -> None:
    values: dict[str, float | None] = {"placed": 71, "in_county": 68, "out_of_county": 3}
    found = _reader(values, [PLACED], frozenset({"out_of_county"}), frozenset())
    assert found["out_of_county"].narrows(6)
    assert math.isclose(found["out_of_county"].lower, 3)
