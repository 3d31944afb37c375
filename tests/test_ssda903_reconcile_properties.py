"""Property: a "published" file made from the computed figures, at the published rounding,
always reconciles with no difference; a symbol in its place is never compared."""

from __future__ import annotations

import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st

from corpparent.files.dfe.ssda903_published import read_published
from corpparent.ssda903 import Returns, measures
from corpparent.ssda903.reconciling import (
    PUBLISHED_IN,
    PublishedFigure,
    PublishedFigures,
    Status,
    reconcile,
)
from corpparent.testing.ssda903 import returns
from ssda903_ees import Cells, write_published

SYMBOLS = ("c", "z", "x", "low", "k")


def published_percent(numerator: int, denominator: int, decimals: int) -> str:
    """The percentage as the DfE writes it: rounded half up, at ``decimals`` places,
    worked in decimal arithmetic (not the code under test's)."""
    exact = Decimal(100 * numerator) / Decimal(denominator)
    return str(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(returns(children=12), st.sampled_from((0, 1)), st.data())
def test_figures_published_as_computed_reconcile_with_no_difference(
        drawn: Returns, decimals: int, data: st.DataObject) -> None:
    table = measures(drawn, "2023-24")
    figures: dict[str, Cells] = {}
    hidden: set[tuple[str, str]] = set()
    for row in table.to_pylist():
        if row["measure"] not in PUBLISHED_IN:
            continue
        numerator, denominator = row["numerator"], row["denominator"]
        if denominator is None:
            cells: list[str | None] = [str(numerator), None, str(numerator)]
        else:
            value = published_percent(numerator, denominator, decimals) if denominator \
                else "z"
            cells = [str(numerator), str(denominator), value]
        if data.draw(st.booleans(), label=f"symbol in {row['measure']}"):
            symbol = data.draw(st.sampled_from(SYMBOLS))
            cells[2] = symbol
            hidden.add((row["measure"], "value"))
        figures[row["measure"]] = (str(cells[0]), cells[1], str(cells[2]))
    with tempfile.TemporaryDirectory() as folder:
        published = read_published(write_published(Path(folder), figures), "302")
    results = reconcile(table, published)
    assert all(result.status is not Status.DIFFER for result in results)
    for result in results:
        for check in result.checks:
            published_figure = check.published
            assert published_figure is not None
            if published_figure.symbol is not None:
                assert check.status is Status.NOT_COMPARABLE
                assert (result.measure, check.figure) in hidden or \
                    published_figure.symbol == "z"
            else:
                assert check.status is Status.AGREE, (result.measure, check)


@example((1, 8), "placements_3plus", 0)  # 12.5: a tie at each rounding, rounded up
@example((1, 16), "long_term_stability", 1)  # 6.25
@example((1, 32), "care_leavers_eet", 2)  # 3.125
@given(st.integers(0, 5000).flatmap(lambda d: st.tuples(st.integers(0, d), st.just(d))),
       st.sampled_from(("placements_3plus", "long_term_stability", "care_leavers_eet")),
       st.integers(0, 2))
def test_any_counts_published_at_any_rounding_agree(
        counts: tuple[int, int], measure: str, decimals: int) -> None:
    numerator, denominator = counts
    value = published_percent(numerator, denominator, decimals) if denominator else "z"
    cells = {"numerator": str(numerator), "denominator": str(denominator), "value": value}
    figures = {(measure, "2023-24", figure): PublishedFigure(
        None if text == "z" else float(text), "z" if text == "z" else None,
        decimals if figure == "value" else 0) for figure, text in cells.items()}
    published = PublishedFigures("302", "Barnet", figures,
                          {PUBLISHED_IN[measure].file: ("2023-24",)})
    row = {"measure": measure, "year": "2023-24", "as_at": "2024-03-31",
           "numerator": numerator, "denominator": denominator, "value": None}
    [result] = reconcile([row], published)
    assert result.status is Status.AGREE
    statuses = {check.figure: check.status for check in result.checks}
    assert statuses["value"] is (Status.AGREE if denominator else Status.NOT_COMPARABLE)
    # One more in the numerator is a difference in it, never hidden by the rounding.
    [shifted] = reconcile([{**row, "numerator": numerator + 1}], published)
    assert shifted.status is Status.DIFFER
