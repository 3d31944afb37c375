"""corpparent: governance and performance oversight for Corporate Parenting Panels.

The front door holds the common path of a performance analyst and a committee officer:
load an authority's profile, read readings, meetings, membership and submissions, assess
the scorecard, review the panel's governance, check its obligations, benchmark the
authority nationally and chart a series; the periods, indicators, ranges and findings
those take and give; and the errors they raise, all rooted in
[`CorpparentError`][corpparent.errors.CorpparentError]. Everything else is imported from its package
(``corpparent.governance``, ``corpparent.comparators``, ...), the one public place of each name.

Each name is written once, below, and imported when it is first used (PEP 562, see
`corpparent._lazy`), so ``import corpparent`` stays light: it loads neither pydantic
nor pint, and a tool that needs only periods pays only for periods.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from corpparent import _moved
from corpparent._lazy import front_door
from corpparent._version import __version__ as __version__

# The library logs what it read, skipped and assumed on the ``corpparent`` logger and
# leaves showing it to the application (the command line's -v does).
logging.getLogger(__name__).addHandler(logging.NullHandler())
# 0.2's module paths that moved keep working, with a DeprecationWarning naming the new one.
_moved.install()

if TYPE_CHECKING:  # the common path, each name an explicit re-export, imported on first use
    from corpparent.errors import (
        CorpparentError as CorpparentError,
        DataError as DataError,
        DefinitionError as DefinitionError,
        PeriodError as PeriodError,
        PluginError as PluginError,
        UnknownIndicatorError as UnknownIndicatorError,
    )
    from corpparent.files import (
        load_plugin_file as load_plugin_file,
        read_benchmarking as read_benchmarking,
        read_meetings as read_meetings,
        read_membership as read_membership,
        read_readings as read_readings,
        read_submissions as read_submissions,
    )
    from corpparent.findings import Finding as Finding, Status as Status
    from corpparent.governance import Constitution as Constitution
    from corpparent.indicators import (
        Indicator as Indicator,
        IndicatorSet as IndicatorSet,
        Kind as Kind,
        Polarity as Polarity,
        Reading as Reading,
        Readings as Readings,
    )
    from corpparent.periods import (
        FinancialQuarter as FinancialQuarter,
        FinancialYear as FinancialYear,
        Month as Month,
        MunicipalYear as MunicipalYear,
        Period as Period,
        parse_period as parse_period,
    )
    from corpparent.plugins import load_profile as load_profile
    from corpparent.profile import AuthorityProfile as AuthorityProfile
    from corpparent.ranges import ExpectedRange as ExpectedRange, Target as Target
    from corpparent.runs import (
        assess_scorecard as assess_scorecard,
        chart_series as chart_series,
        check_obligations as check_obligations,
        obligations_due as obligations_due,
        review_governance as review_governance,
    )
    from corpparent.scorecard import Scorecard as Scorecard, ScorecardResult as ScorecardResult
    from corpparent.spc import xmr as xmr


#: The names 0.2 had here that 0.3 leaves to their packages, by each one's public place:
#: each keeps working through 0.3, warning with the import that replaces it.
_DEPRECATED: dict[str, tuple[str, ...]] = {
    "corpparent.comparators": ("Authority", "Band", "Benchmark", "Comparator", "ComparatorKind",
        "ComparatorSet", "CompareWith", "Comparison", "GroupPosition", "Verdict", "compare",
        "compare_all", "group_finding", "quartile_band", "rank_values", "standing_finding"),
    "corpparent.errors": ("MissingDependencyError", "PluginFileError", "Problem", "UnitError",
        "UnknownNameError"),
    "corpparent.families": ("NotJudged", "RuleFamily"),
    "corpparent.files": ("plugin_schema", "profile_to_toml", "read_comparators",
        "readings_from_records", "validate_plugin_file", "write_icalendar"),
    "corpparent.findings": ("AllOf", "AnyOf", "Check", "Not", "Rule", "RuleSet", "worst"),
    "corpparent.governance": ("AttendanceThreshold", "ClassQuorum", "Meeting", "MeetingFrequency",
        "MeetingLog", "Meetings", "Member", "MemberClass", "Membership", "MinimumPresent",
        "PanelRecord", "Quorum", "Seats", "SixMonthRule", "YearKind", "attendance_table"),
    "corpparent.indicator_rules": ("ExpectedRangeRule", "Observation", "TargetRule", "TravelRule"),
    "corpparent.indicators": ("Unavailable", "value_for"),
    "corpparent.obligations": ("Obligation", "ObligationOutcome", "ObligationSet", "Submission",
        "evaluate_obligations", "falls_due"),
    "corpparent.periods": ("AcademicYear", "CalendarYear", "YearEnding", "YearSpan"),
    "corpparent.plugins": ("PluginConflictError", "PluginLoadError", "discover", "load_profiles"),
    "corpparent.ranges": ("Performance", "Position", "TargetDirection", "TargetOutcome", "Travel",
        "direction_of_travel", "performance"),
    "corpparent.rulesets": ("RulesByYear", "YearChanges", "YearRules"),
    "corpparent.scorecard": ("ExceptionReport", "IndicatorAssessment"),
    "corpparent.spc": ("Assurance", "Variation", "XmRChart", "XmROptions"),
}

__getattr__, __dir__ = front_door(__name__, globals(), _DEPRECATED)
