"""corpparent: governance and performance oversight for Corporate Parenting Panels.

The public API, re-exported from the packages that define it. Each name is imported when
it is first used (PEP 562), so ``import corpparent`` stays light: it loads neither
pydantic nor pint, and a tool that needs only periods pays only for periods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpparent._lazy import lazy_exports

if TYPE_CHECKING:  # the names a type checker sees, each an explicit re-export
    from corpparent.comparators import (
        Authority as Authority,
    )
    from corpparent.comparators import (
        Band as Band,
    )
    from corpparent.comparators import (
        Benchmark as Benchmark,
    )
    from corpparent.comparators import (
        Comparator as Comparator,
    )
    from corpparent.comparators import (
        ComparatorKind as ComparatorKind,
    )
    from corpparent.comparators import (
        ComparatorSet as ComparatorSet,
    )
    from corpparent.comparators import (
        CompareWith as CompareWith,
    )
    from corpparent.comparators import (
        Comparison as Comparison,
    )
    from corpparent.comparators import (
        GroupPosition as GroupPosition,
    )
    from corpparent.comparators import (
        Verdict as Verdict,
    )
    from corpparent.comparators import (
        compare as compare,
    )
    from corpparent.comparators import (
        compare_all as compare_all,
    )
    from corpparent.comparators import (
        group_finding as group_finding,
    )
    from corpparent.comparators import (
        quartile_band as quartile_band,
    )
    from corpparent.comparators import (
        rank_values as rank_values,
    )
    from corpparent.comparators import (
        standing_finding as standing_finding,
    )
    from corpparent.errors import (
        CorpparentError as CorpparentError,
    )
    from corpparent.errors import (
        DataError as DataError,
    )
    from corpparent.errors import (
        DefinitionError as DefinitionError,
    )
    from corpparent.errors import (
        PeriodError as PeriodError,
    )
    from corpparent.errors import (
        PluginError as PluginError,
    )
    from corpparent.errors import (
        PluginFileError as PluginFileError,
    )
    from corpparent.errors import (
        Problem as Problem,
    )
    from corpparent.errors import (
        UnitError as UnitError,
    )
    from corpparent.errors import (
        UnknownIndicatorError as UnknownIndicatorError,
    )
    from corpparent.files import (
        load_plugin_file as load_plugin_file,
    )
    from corpparent.files import (
        plugin_schema as plugin_schema,
    )
    from corpparent.files import (
        profile_to_toml as profile_to_toml,
    )
    from corpparent.files import (
        read_comparators as read_comparators,
    )
    from corpparent.files import (
        read_meetings as read_meetings,
    )
    from corpparent.files import (
        read_membership as read_membership,
    )
    from corpparent.files import (
        read_readings as read_readings,
    )
    from corpparent.files import (
        read_submissions as read_submissions,
    )
    from corpparent.files import (
        readings_from_records as readings_from_records,
    )
    from corpparent.files import (
        validate_plugin_file as validate_plugin_file,
    )
    from corpparent.files import (
        write_icalendar as write_icalendar,
    )
    from corpparent.findings import (
        AllOf as AllOf,
    )
    from corpparent.findings import (
        AnyOf as AnyOf,
    )
    from corpparent.findings import (
        Check as Check,
    )
    from corpparent.findings import (
        Finding as Finding,
    )
    from corpparent.findings import (
        Not as Not,
    )
    from corpparent.findings import (
        Rule as Rule,
    )
    from corpparent.findings import (
        RuleSet as RuleSet,
    )
    from corpparent.findings import (
        Status as Status,
    )
    from corpparent.findings import (
        worst as worst,
    )
    from corpparent.governance import (
        AttendanceThreshold as AttendanceThreshold,
    )
    from corpparent.governance import (
        ClassQuorum as ClassQuorum,
    )
    from corpparent.governance import (
        Constitution as Constitution,
    )
    from corpparent.governance import (
        Meeting as Meeting,
    )
    from corpparent.governance import (
        MeetingFrequency as MeetingFrequency,
    )
    from corpparent.governance import (
        MeetingLog as MeetingLog,
    )
    from corpparent.governance import (
        Meetings as Meetings,
    )
    from corpparent.governance import (
        Member as Member,
    )
    from corpparent.governance import (
        MemberClass as MemberClass,
    )
    from corpparent.governance import (
        Membership as Membership,
    )
    from corpparent.governance import (
        MinimumPresent as MinimumPresent,
    )
    from corpparent.governance import (
        PanelRecord as PanelRecord,
    )
    from corpparent.governance import (
        Quorum as Quorum,
    )
    from corpparent.governance import (
        Seats as Seats,
    )
    from corpparent.governance import (
        SixMonthRule as SixMonthRule,
    )
    from corpparent.governance import (
        YearKind as YearKind,
    )
    from corpparent.governance import (
        attendance_table as attendance_table,
    )
    from corpparent.indicators import (
        Indicator as Indicator,
    )
    from corpparent.indicators import (
        IndicatorSet as IndicatorSet,
    )
    from corpparent.indicators import (
        Kind as Kind,
    )
    from corpparent.indicators import (
        Polarity as Polarity,
    )
    from corpparent.indicators import (
        Reading as Reading,
    )
    from corpparent.indicators import (
        Readings as Readings,
    )
    from corpparent.indicators import (
        Unavailable as Unavailable,
    )
    from corpparent.indicators import (
        value_for as value_for,
    )
    from corpparent.obligations import (
        Obligation as Obligation,
    )
    from corpparent.obligations import (
        ObligationSet as ObligationSet,
    )
    from corpparent.obligations import (
        Submission as Submission,
    )
    from corpparent.obligations import (
        evaluate_obligations as evaluate_obligations,
    )
    from corpparent.obligations import (
        falls_due as falls_due,
    )
    from corpparent.periods import (
        CalendarYear as CalendarYear,
    )
    from corpparent.periods import (
        FinancialQuarter as FinancialQuarter,
    )
    from corpparent.periods import (
        FinancialYear as FinancialYear,
    )
    from corpparent.periods import (
        Month as Month,
    )
    from corpparent.periods import (
        MunicipalYear as MunicipalYear,
    )
    from corpparent.periods import (
        Period as Period,
    )
    from corpparent.periods import (
        parse_period as parse_period,
    )
    from corpparent.plugins import (
        PluginConflictError as PluginConflictError,
    )
    from corpparent.plugins import (
        PluginLoadError as PluginLoadError,
    )
    from corpparent.plugins import (
        discover as discover,
    )
    from corpparent.plugins import (
        load_profile as load_profile,
    )
    from corpparent.plugins import (
        load_profiles as load_profiles,
    )
    from corpparent.profile import AuthorityProfile as AuthorityProfile
    from corpparent.ranges import (
        ExpectedRange as ExpectedRange,
    )
    from corpparent.ranges import (
        Performance as Performance,
    )
    from corpparent.ranges import (
        Position as Position,
    )
    from corpparent.ranges import (
        Target as Target,
    )
    from corpparent.ranges import (
        TargetDirection as TargetDirection,
    )
    from corpparent.ranges import (
        Travel as Travel,
    )
    from corpparent.ranges import (
        direction_of_travel as direction_of_travel,
    )
    from corpparent.ranges import (
        performance as performance,
    )
    from corpparent.scorecard import (
        ExceptionReport as ExceptionReport,
    )
    from corpparent.scorecard import (
        ExpectedRangeRule as ExpectedRangeRule,
    )
    from corpparent.scorecard import (
        IndicatorAssessment as IndicatorAssessment,
    )
    from corpparent.scorecard import (
        Observation as Observation,
    )
    from corpparent.scorecard import (
        Scorecard as Scorecard,
    )
    from corpparent.scorecard import (
        ScorecardResult as ScorecardResult,
    )
    from corpparent.scorecard import (
        TargetRule as TargetRule,
    )
    from corpparent.scorecard import (
        TravelRule as TravelRule,
    )

__version__ = "0.1.0"

#: Each public name and the package it is imported from when first used.
_EXPORTS: dict[str, str] = {
    "AllOf": "corpparent.findings",
    "AnyOf": "corpparent.findings",
    "AttendanceThreshold": "corpparent.governance",
    "Authority": "corpparent.comparators",
    "AuthorityProfile": "corpparent.profile",
    "Band": "corpparent.comparators",
    "Benchmark": "corpparent.comparators",
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
    "ExpectedRangeRule": "corpparent.scorecard",
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
    "Obligation": "corpparent.obligations",
    "ObligationSet": "corpparent.obligations",
    "Observation": "corpparent.scorecard",
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
    "RuleSet": "corpparent.findings",
    "Scorecard": "corpparent.scorecard",
    "ScorecardResult": "corpparent.scorecard",
    "Seats": "corpparent.governance",
    "SixMonthRule": "corpparent.governance",
    "Status": "corpparent.findings",
    "Submission": "corpparent.obligations",
    "Target": "corpparent.ranges",
    "TargetDirection": "corpparent.ranges",
    "TargetRule": "corpparent.scorecard",
    "Travel": "corpparent.ranges",
    "TravelRule": "corpparent.scorecard",
    "Unavailable": "corpparent.indicators",
    "UnitError": "corpparent.errors",
    "UnknownIndicatorError": "corpparent.errors",
    "Verdict": "corpparent.comparators",
    "YearKind": "corpparent.governance",
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
}

__all__ = ["__version__", *sorted(_EXPORTS)]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
