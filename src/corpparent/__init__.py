"""corpparent: governance and performance oversight for Corporate Parenting Panels.

The public API, re-exported from the packages that define it. Each name is imported when
it is first used (PEP 562), so ``import corpparent`` stays light: it loads neither
pydantic nor pint, and a tool that needs only periods pays only for periods.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from corpparent import _moved
from corpparent._lazy import lazy_exports

# The library logs what it read, skipped and assumed on the ``corpparent`` logger and
# leaves showing it to the application (the command line's -v does).
logging.getLogger(__name__).addHandler(logging.NullHandler())
# 0.2's module paths that moved keep working, with a DeprecationWarning naming the new one.
_moved.install()

if TYPE_CHECKING:  # the names a type checker sees, each an explicit re-export
    from corpparent.comparators import (
        Authority as Authority,
        Band as Band,
        Benchmark as Benchmark,
        Comparator as Comparator,
        ComparatorKind as ComparatorKind,
        ComparatorSet as ComparatorSet,
        CompareWith as CompareWith,
        Comparison as Comparison,
        GroupPosition as GroupPosition,
        Verdict as Verdict,
        compare as compare,
        compare_all as compare_all,
        group_finding as group_finding,
        quartile_band as quartile_band,
        rank_values as rank_values,
        standing_finding as standing_finding,
    )
    from corpparent.errors import (
        CorpparentError as CorpparentError,
        DataError as DataError,
        DefinitionError as DefinitionError,
        MissingDependencyError as MissingDependencyError,
        PeriodError as PeriodError,
        PluginError as PluginError,
        PluginFileError as PluginFileError,
        Problem as Problem,
        UnitError as UnitError,
        UnknownIndicatorError as UnknownIndicatorError,
        UnknownNameError as UnknownNameError,
    )
    from corpparent.families import NotJudged as NotJudged, RuleFamily as RuleFamily
    from corpparent.files import (
        load_plugin_file as load_plugin_file,
        plugin_schema as plugin_schema,
        profile_to_toml as profile_to_toml,
        read_comparators as read_comparators,
        read_meetings as read_meetings,
        read_membership as read_membership,
        read_readings as read_readings,
        read_submissions as read_submissions,
        readings_from_records as readings_from_records,
        validate_plugin_file as validate_plugin_file,
        write_icalendar as write_icalendar,
    )
    from corpparent.findings import (
        AllOf as AllOf,
        AnyOf as AnyOf,
        Check as Check,
        Finding as Finding,
        Not as Not,
        Rule as Rule,
        RuleSet as RuleSet,
        Status as Status,
        worst as worst,
    )
    from corpparent.governance import (
        AttendanceThreshold as AttendanceThreshold,
        ClassQuorum as ClassQuorum,
        Constitution as Constitution,
        Meeting as Meeting,
        MeetingFrequency as MeetingFrequency,
        MeetingLog as MeetingLog,
        Meetings as Meetings,
        Member as Member,
        MemberClass as MemberClass,
        Membership as Membership,
        MinimumPresent as MinimumPresent,
        PanelRecord as PanelRecord,
        Quorum as Quorum,
        Seats as Seats,
        SixMonthRule as SixMonthRule,
        YearKind as YearKind,
        attendance_table as attendance_table,
    )
    from corpparent.indicator_rules import (
        ExpectedRangeRule as ExpectedRangeRule,
        Observation as Observation,
        TargetRule as TargetRule,
        TravelRule as TravelRule,
    )
    from corpparent.indicators import (
        Indicator as Indicator,
        IndicatorSet as IndicatorSet,
        Kind as Kind,
        Polarity as Polarity,
        Reading as Reading,
        Readings as Readings,
        Unavailable as Unavailable,
        value_for as value_for,
    )
    from corpparent.obligations import (
        Obligation as Obligation,
        ObligationOutcome as ObligationOutcome,
        ObligationSet as ObligationSet,
        Submission as Submission,
        evaluate_obligations as evaluate_obligations,
        falls_due as falls_due,
    )
    from corpparent.periods import (
        AcademicYear as AcademicYear,
        CalendarYear as CalendarYear,
        FinancialQuarter as FinancialQuarter,
        FinancialYear as FinancialYear,
        Month as Month,
        MunicipalYear as MunicipalYear,
        Period as Period,
        YearEnding as YearEnding,
        YearSpan as YearSpan,
        parse_period as parse_period,
    )
    from corpparent.plugins import (
        PluginConflictError as PluginConflictError,
        PluginLoadError as PluginLoadError,
        discover as discover,
        load_profile as load_profile,
        load_profiles as load_profiles,
    )
    from corpparent.profile import AuthorityProfile as AuthorityProfile
    from corpparent.ranges import (
        ExpectedRange as ExpectedRange,
        Performance as Performance,
        Position as Position,
        Target as Target,
        TargetDirection as TargetDirection,
        TargetOutcome as TargetOutcome,
        Travel as Travel,
        direction_of_travel as direction_of_travel,
        performance as performance,
    )
    from corpparent.rulesets import (
        RulesByYear as RulesByYear,
        YearChanges as YearChanges,
        YearRules as YearRules,
    )
    from corpparent.scorecard import (
        ExceptionReport as ExceptionReport,
        IndicatorAssessment as IndicatorAssessment,
        Scorecard as Scorecard,
        ScorecardResult as ScorecardResult,
    )
    from corpparent.spc import (
        Assurance as Assurance,
        Variation as Variation,
        XmRChart as XmRChart,
        XmROptions as XmROptions,
        xmr as xmr,
    )

__version__ = "0.1.0"

#: Each public name and the package it is imported from when first used.
_EXPORTS: dict[str, str] = {
    "AllOf": "corpparent.findings",
    "AnyOf": "corpparent.findings",
    "Assurance": "corpparent.spc",
    "AttendanceThreshold": "corpparent.governance",
    "Authority": "corpparent.comparators",
    "AuthorityProfile": "corpparent.profile",
    "Band": "corpparent.comparators",
    "Benchmark": "corpparent.comparators",
    "AcademicYear": "corpparent.periods",
    "CalendarYear": "corpparent.periods",
    "Check": "corpparent.findings",
    "ClassQuorum": "corpparent.governance",
    "Comparator": "corpparent.comparators",
    "ComparatorKind": "corpparent.comparators",
    "ComparatorSet": "corpparent.comparators",
    "CompareWith": "corpparent.comparators",
    "Comparison": "corpparent.comparators",
    "Constitution": "corpparent.governance",
    "CorpparentError": "corpparent.errors",
    "DataError": "corpparent.errors",
    "DefinitionError": "corpparent.errors",
    "ExceptionReport": "corpparent.scorecard",
    "ExpectedRange": "corpparent.ranges",
    "ExpectedRangeRule": "corpparent.indicator_rules",
    "FinancialQuarter": "corpparent.periods",
    "FinancialYear": "corpparent.periods",
    "Finding": "corpparent.findings",
    "GroupPosition": "corpparent.comparators",
    "Indicator": "corpparent.indicators",
    "IndicatorAssessment": "corpparent.scorecard",
    "IndicatorSet": "corpparent.indicators",
    "Kind": "corpparent.indicators",
    "Meeting": "corpparent.governance",
    "MeetingFrequency": "corpparent.governance",
    "MeetingLog": "corpparent.governance",
    "Meetings": "corpparent.governance",
    "Member": "corpparent.governance",
    "MemberClass": "corpparent.governance",
    "Membership": "corpparent.governance",
    "MinimumPresent": "corpparent.governance",
    "Month": "corpparent.periods",
    "MunicipalYear": "corpparent.periods",
    "Not": "corpparent.findings",
    "NotJudged": "corpparent.families",
    "Obligation": "corpparent.obligations",
    "ObligationOutcome": "corpparent.obligations",
    "ObligationSet": "corpparent.obligations",
    "Observation": "corpparent.indicator_rules",
    "PanelRecord": "corpparent.governance",
    "Performance": "corpparent.ranges",
    "Period": "corpparent.periods",
    "PeriodError": "corpparent.errors",
    "PluginConflictError": "corpparent.plugins",
    "PluginError": "corpparent.errors",
    "PluginFileError": "corpparent.errors",
    "PluginLoadError": "corpparent.plugins",
    "Polarity": "corpparent.indicators",
    "Position": "corpparent.ranges",
    "Problem": "corpparent.errors",
    "Quorum": "corpparent.governance",
    "Reading": "corpparent.indicators",
    "Readings": "corpparent.indicators",
    "Rule": "corpparent.findings",
    "RuleFamily": "corpparent.families",
    "RuleSet": "corpparent.findings",
    "RulesByYear": "corpparent.rulesets",
    "Scorecard": "corpparent.scorecard",
    "ScorecardResult": "corpparent.scorecard",
    "Seats": "corpparent.governance",
    "SixMonthRule": "corpparent.governance",
    "Status": "corpparent.findings",
    "Submission": "corpparent.obligations",
    "Target": "corpparent.ranges",
    "TargetDirection": "corpparent.ranges",
    "TargetOutcome": "corpparent.ranges",
    "TargetRule": "corpparent.indicator_rules",
    "Travel": "corpparent.ranges",
    "TravelRule": "corpparent.indicator_rules",
    "Unavailable": "corpparent.indicators",
    "MissingDependencyError": "corpparent.errors",
    "UnitError": "corpparent.errors",
    "UnknownIndicatorError": "corpparent.errors",
    "UnknownNameError": "corpparent.errors",
    "Variation": "corpparent.spc",
    "Verdict": "corpparent.comparators",
    "XmRChart": "corpparent.spc",
    "XmROptions": "corpparent.spc",
    "YearChanges": "corpparent.rulesets",
    "YearEnding": "corpparent.periods",
    "YearKind": "corpparent.governance",
    "YearRules": "corpparent.rulesets",
    "YearSpan": "corpparent.periods",
    "attendance_table": "corpparent.governance",
    "compare": "corpparent.comparators",
    "compare_all": "corpparent.comparators",
    "direction_of_travel": "corpparent.ranges",
    "discover": "corpparent.plugins",
    "evaluate_obligations": "corpparent.obligations",
    "falls_due": "corpparent.obligations",
    "group_finding": "corpparent.comparators",
    "load_plugin_file": "corpparent.files",
    "load_profile": "corpparent.plugins",
    "load_profiles": "corpparent.plugins",
    "parse_period": "corpparent.periods",
    "performance": "corpparent.ranges",
    "plugin_schema": "corpparent.files",
    "profile_to_toml": "corpparent.files",
    "quartile_band": "corpparent.comparators",
    "rank_values": "corpparent.comparators",
    "read_comparators": "corpparent.files",
    "read_meetings": "corpparent.files",
    "read_membership": "corpparent.files",
    "read_readings": "corpparent.files",
    "read_submissions": "corpparent.files",
    "readings_from_records": "corpparent.files",
    "standing_finding": "corpparent.comparators",
    "validate_plugin_file": "corpparent.files",
    "value_for": "corpparent.indicators",
    "worst": "corpparent.findings",
    "write_icalendar": "corpparent.files",
    "xmr": "corpparent.spc",
}

__all__ = ["__version__", *sorted(_EXPORTS)]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
