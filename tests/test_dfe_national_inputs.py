"""National benchmarking from inputs already read: how the Outstanding group is taken is
said in the notes, and one authority's standings come from the same results."""

from __future__ import annotations

from datetime import date

import pytest

from corpparent.dated_groups import DatedGroup
from corpparent.dfe.national_inputs import (
    DATED_NOTE,
    NationalInputs,
    benchmark_national,
    standings_of,
)
from corpparent.dfe.ofsted import Inspection, InspectionOutcomes, Judgement
from corpparent.errors import DataError
from corpparent.indicators.definitions import Polarity
from corpparent.periods import FinancialYear
from national_engine_support import authority, dictionary, neighbours, table


def _inputs() -> NationalInputs:
    judged = [Inspection(ons_code=f"E0{i:07d}", name=authority(i).name, region="South West",
                         inspected=day, published=day, overall=overall, leaders=overall,
                         help_and_protection=overall, children_in_care=overall,
                         care_leavers=None)
              for i, day, overall in ((0, date(2021, 6, 1), Judgement.OUTSTANDING),
                                      (1, date(2023, 6, 1), Judgement.OUTSTANDING),
                                      (2, date(2020, 1, 1), Judgement.GOOD))]
    return NationalInputs(
        table=table({"2022": [1.0, 2.0, 3.0, 4.0], "2024": [4.0, 3.0, 2.0, 1.0]}),
        dictionary=dictionary(Polarity.LOWER_IS_BETTER), neighbours=neighbours({}, 4),
        outcomes=InspectionOutcomes("outcomes", tuple(judged)), notes=("Read from memory.",))


def test_each_period_takes_its_own_group_and_the_notes_say_so() -> None:
    results = benchmark_national(_inputs())
    assert results.notes[0] == "Read from memory."
    assert results.notes[1].startswith(DATED_NOTE)
    # 2021-22 ended before authority 1's inspection was published: only authority 0.
    assert [results.outstanding[p].members for p in ("2021-22", "2023-24")] == [
        ("100",), ("100", "101")]
    standings = standings_of(results, "Authority 3", ["M"])["M"]
    assert [(s.period, s.rank, s.band, s.among) for s in standings] == [
        (FinancialYear(2021), 4, "D", 1), (FinancialYear(2023), 1, "A", 2)]


def test_one_group_as_at_a_date_for_every_period() -> None:
    results = benchmark_national(_inputs(), outstanding_as_at=date(2025, 3, 31))
    assert {g.members for g in results.outstanding.values()} == {("100", "101")}
    assert "Every period is compared with the" in results.notes[-1]


def test_a_declared_group_must_name_english_authorities() -> None:
    with pytest.raises(DataError, match="'Nowhere'"):
        benchmark_national(_inputs(), outstanding=DatedGroup("Outstanding", ["Nowhere"]))
