"""The children a percentage leaves out (its denominator less its numerator): published
where they are no figure of the paper, as in the DfE's own tables, and the checker
agrees with the papers; withheld where the paper tabulates them as a count."""

from __future__ import annotations

from corpparent import (
    FinancialQuarter,
    Indicator,
    IndicatorSet,
    Kind,
    Polarity,
    Reading,
    Readings,
    Scorecard,
)
from corpparent.disclosure import Total, protect
from corpparent.report import finish, make_provenance, scorecard_report
from corpparent.report.disclosure import check, figures_of
from corpparent.report.model import ScorecardReport

QUARTER = FinancialQuarter(2024, 4)
ASSESSED = Indicator("health_assessments", "Health assessments", Kind.PERCENTAGE,
                     Polarity.HIGHER_IS_BETTER)
# (numerator, denominator): the trial's 57 of 60 and 34 of 37; the DfE's published
# placement stability of Rutland in 2021 (9 of 10) and 2023 (6 of 9) and Westminster in
# 2025 (21 of 25), each leaving out 1 to 5 children; and small numerators, withheld.
CASES = [(57, 60), (34, 37), (9, 10), (6, 9), (21, 25), (3, 60), (5, 9), (0, 12)]


def _paper(numerator: int, denominator: int) -> ScorecardReport:
    readings = Readings([Reading("health_assessments", QUARTER, 100 * numerator / denominator,
                                 numerator=numerator, denominator=denominator)])
    scorecard = Scorecard(IndicatorSet([ASSESSED]), process=None)
    report = scorecard_report(scorecard.assess(readings, QUARTER),
                              make_provenance(period=QUARTER))
    return finish(report, "json", profile="public")


def test_a_percentage_is_withheld_with_its_numerator_and_only_then() -> None:
    for numerator, denominator in CASES:
        paper = _paper(numerator, denominator)
        shown = figures_of(paper)
        (value,) = [v for k, v in shown.values.items()
                    if k[0] == "value" and k[1:] == ("health_assessments", str(QUARTER))]
        small = 1 <= numerator <= 5
        assert (value is None) == small, (numerator, denominator)
        if not small:
            assert abs(value - 100 * numerator / denominator) < 0.05
        found = check([paper])
        assert found.safe, (numerator, denominator, "\n".join(found.lines()))


def test_the_children_left_out_as_a_count_of_their_own_are_withheld() -> None:
    """Published as counts, parts of their total, the 3 children with no assessment are
    withheld, and the 57 with them (60 − 57 = 3)."""
    result = protect({"eligible": 60, "assessed": 57, "not_assessed": 3},
                     totals=[Total("eligible", ("assessed", "not_assessed"))])
    assert result.published() == {"eligible": 60, "assessed": None, "not_assessed": None}
