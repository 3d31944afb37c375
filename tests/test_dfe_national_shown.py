"""Benchmarking only the authorities shown: their rows are the rows every authority's
benchmark gives them, and every authority's figures stay at hand for what needs them
(quartile cuts, spreads)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from corpparent.dfe.national_inputs import NationalInputs, benchmark_national
from corpparent.dfe.national_results import NationalResults
from corpparent.files.dfe.national_package import read_national_inputs
from corpparent.runs.benchmark_series import quartile_cuts
from corpparent.runs.benchmark_themes import spreads

#: Wiltshire, Hull (a unitary in another region) and Westminster (London, a sub-region).
SHOWN = ("865", "810", "213")


@pytest.fixture(scope="module")
def inputs() -> NationalInputs:
    return read_national_inputs()


@pytest.fixture(scope="module")
def every(inputs: NationalInputs) -> NationalResults:
    return benchmark_national(inputs)


@pytest.fixture(scope="module")
def shown(inputs: NationalInputs) -> NationalResults:
    return benchmark_national(inputs, authorities=SHOWN)


def _same(one: object, other: object) -> bool:
    return one == other or (isinstance(one, float) and isinstance(other, float)
                            and math.isnan(one) and math.isnan(other))


def test_the_rows_shown_are_those_of_every_authoritys_benchmark(
        every: NationalResults, shown: NationalResults) -> None:
    assert set(shown.table["authority_code"].to_pylist()) == set(SHOWN)
    for code in SHOWN:
        whole, alone = every.authority(code).to_pylist(), shown.authority(code).to_pylist()
        assert len(alone) == len(whole) > 100
        for mine, theirs in zip(alone, whole, strict=True):
            assert mine.keys() == theirs.keys()
            assert all(_same(mine[k], theirs[k]) for k in mine), (mine, theirs)


def _gathered(every: NationalResults) -> dict[tuple[str, str], list[float]]:
    """Each measure and period's figures, gathered from every authority's rows."""
    gathered: dict[tuple[str, str], list[float]] = {}
    for row in every.table.select(["measure", "period", "value"]).to_pylist():
        if row["value"] is not None:
            gathered.setdefault((row["measure"], row["period"]), []).append(row["value"])
    return gathered


def test_every_authoritys_figures_are_the_results_rows(every: NationalResults,
                                                       shown: NationalResults) -> None:
    """Each measure and period's figures, gathered from every authority's rows, are the
    row the engine keeps for it, in the results for every authority and for a few."""
    gathered = _gathered(every)
    for results in (every, shown):
        kept = results.every_value
        assert kept is not None
        assert kept.values.shape[0] == len(kept.keys)
        found = {key: sorted(v for v in values if not math.isnan(v))
                 for key, values in zip(kept.keys, kept.values.tolist(), strict=True)
                 if key[1] is not None and not np.isnan(values).all()}
        assert found == {key: sorted(values) for key, values in gathered.items()}


def test_the_cuts_and_spreads_are_those_of_every_authority(
        every: NationalResults, shown: NationalResults) -> None:
    measures = {"LAC_LongStable%", "CPP_rate", "LAC_Start_Rate"}
    cuts = quartile_cuts(shown, measures)
    assert cuts == quartile_cuts(every, measures)
    assert {m for m, _ in cuts} == measures
    gathered = _gathered(every)
    for key, cut in cuts.items():
        figures = gathered[key]
        # R's type 7 is NumPy's linear quantile.
        assert (cut.minimum, cut.maximum) == (min(figures), max(figures))
        assert cut.median == pytest.approx(float(np.median(figures)), abs=1e-9)
        assert (cut.q25, cut.q75) == pytest.approx(
            [float(q) for q in np.percentile(figures, [25, 75])], abs=1e-9)
    wanted = set(cuts)
    spread = spreads(shown.every_value, wanted)
    assert spread == spreads(every.every_value, wanted)
    assert spread
    for key, value in spread.items():
        assert value == pytest.approx(cuts[key].q75 - cuts[key].q25, abs=1e-9)
