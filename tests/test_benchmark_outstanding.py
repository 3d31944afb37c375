"""The "Outstanding authorities" figure is one answer, whichever way it is asked for:
the Python benchmark and the command's table both take the group as at the period's
end, so for the year that ends on the release's date both place Wiltshire among the
release's own Outstanding authorities, since Ofsted dates its release by the inspection
("inspections as at 31 March 2025, with a report published by 30 June 2025"). Other
years: `test_benchmark_outstanding_dated`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.files import read_benchmarking
from corpparent.periods import FinancialYear
from national_data import NATIONAL_DATA


@pytest.mark.national_data
def test_the_python_benchmark_and_the_command_count_the_same_outstanding_group() -> None:
    result = CliRunner().invoke(cli, ["benchmark", "-a", "Wiltshire", "-m",
                                      "LACStable_2016on", "-p", "2024-25", "-f", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)["rows"]
    scalar = read_benchmarking(NATIONAL_DATA).benchmark(
        "Wiltshire", "placements_3plus", FinancialYear(2024))
    position = scalar.outstanding_position
    assert position is not None
    assert row["outstanding_as_at"] == "2025-03-31"
    assert row["outstanding_unknown"] == 0
    # Lower is better: "better than k" is the authorities with a higher figure.
    assert row["outstanding_better_than"] == position.lower_than
    assert row["outstanding_with_value"] == len(scalar.outstanding.values)
    mean = scalar.outstanding_average()
    assert mean is not None
    assert row["outstanding_mean"] == pytest.approx(mean, abs=0.05)
    assert f"better than {row['outstanding_better_than']} of " \
           f"{row['outstanding_with_value']}" in scalar.describe()
