"""Runs: one function per job, domain objects in, results and warnings out.

Each job the command line offers is one function here, and the command line calls it
and nothing else between reading its files and rendering the report, so a Python
caller gets exactly what the command line prints:

- [`assess_scorecard`][corpparent.runs.assess_scorecard] (``corpparent scorecard``): every period
  judged by the rule set in force for it, with comparators, national standings and process charts;
- [`review_governance`][corpparent.runs.review_governance] (``corpparent meetings``): quorum,
  frequency, attendance and composition against the constitution in force;
- [`check_obligations`][corpparent.runs.check_obligations] and
  [`obligations_due`][corpparent.runs.obligations_due] (``corpparent obligations``);
- [`chart_series`][corpparent.runs.chart_series] (``corpparent chart``): a process chart judged
  against the target in force at its last point;
- [`benchmark_authority`][corpparent.runs.benchmark_authority] (``corpparent benchmark``): one
  authority among all.

The rule set in force is chosen in one place,
[`corpparent.profile.AuthorityProfile.rule_set_for`][corpparent.profile.AuthorityProfile.rule_set_for],
and every run uses it. A run reads no files, renders nothing and prints nothing: its warnings are
data ([`RunWarning`][corpparent.runs.RunWarning]). The names are imported when first used (PEP 562),
so the benchmark's NumPy and pyarrow load only when it is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpparent._lazy import front_door

if TYPE_CHECKING:  # each public name, written once, imported on first use
    from corpparent.runs.benchmark import (
        BenchmarkRun as BenchmarkRun,
        benchmark_authority as benchmark_authority,
    )
    from corpparent.runs.chart import ChartRun as ChartRun, chart_series as chart_series
    from corpparent.runs.governance import (
        GovernanceRun as GovernanceRun,
        review_governance as review_governance,
    )
    from corpparent.runs.notes import RunWarning as RunWarning
    from corpparent.runs.obligations import (
        DueRun as DueRun,
        ObligationsRun as ObligationsRun,
        check_obligations as check_obligations,
        obligations_due as obligations_due,
    )
    from corpparent.runs.scorecard import (
        PeriodScorecard as PeriodScorecard,
        ScorecardRun as ScorecardRun,
        assess_scorecard as assess_scorecard,
    )

__getattr__, __dir__ = front_door(__name__, globals())
