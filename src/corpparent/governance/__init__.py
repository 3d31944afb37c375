"""Panel governance: constitution, membership, composition, quorum, frequency, attendance,
and reporting obligations.

A :class:`Constitution` declares what a panel's terms of reference require; a
:class:`PanelRecord` holds its membership and meetings over a span; an
:class:`ObligationSet` declares what the panel must report to whom, judged against a
submissions log. Every rule returns :class:`~corpparent.findings.Finding` objects. See
``docs/governance.md`` and ``docs/obligations.md``.
"""

from corpparent.governance.attendance import (
    AttendanceThreshold,
    MemberAttendance,
    SixMonthRule,
    attendance_table,
)
from corpparent.governance.calendar_export import to_icalendar, write_icalendar
from corpparent.governance.compliance import (
    ObligationCheck,
    ReportingRecord,
    Unmatched,
    Upcoming,
    evaluate_obligations,
    falls_due,
    unmatched_submissions,
)
from corpparent.governance.composition import (
    ChairHoldsRole,
    EachMemberLeads,
    MaximumSize,
    OfficesFilled,
    PrioritiesHaveLeads,
    RolesFilled,
    SeatLimit,
    SubstitutesAppointed,
)
from corpparent.governance.constitution import Constitution, Seats
from corpparent.governance.cycles import MonthSpan
from corpparent.governance.frequency import MeetingFrequency, MeetingLog
from corpparent.governance.instances import Instance
from corpparent.governance.meetings import (
    ClassCount,
    Meeting,
    MeetingKind,
    Meetings,
    Sitting,
    Substitution,
)
from corpparent.governance.membership import (
    Credential,
    Member,
    MemberClass,
    Membership,
    Office,
    PriorityLead,
    Roster,
)
from corpparent.governance.membership_file import (
    membership_from_data,
    membership_json_schema,
    read_membership,
)
from corpparent.governance.obligation_files import (
    load_obligations,
    obligation_schema,
    obligations_from_data,
    obligations_to_data,
)
from corpparent.governance.obligations import (
    AfterEachMeeting,
    ByMonth,
    Deadline,
    Obligation,
    ObligationSet,
    OnEvent,
    Precedence,
    Recurring,
    Trigger,
    WithinDays,
    annually,
    every_n_months,
    quarterly,
)
from corpparent.governance.panel import PanelRecord
from corpparent.governance.quorum import Basis, ClassQuorum, MinimumPresent, Quorum
from corpparent.governance.records import (
    Attendance,
    meetings_from_data,
    meetings_json_schema,
    read_meetings,
    read_meetings_csv,
    read_meetings_json,
)
from corpparent.governance.requirements import Requirement, RequirementMet
from corpparent.governance.submissions import (
    Submission,
    read_submissions,
    submissions_from_data,
    submissions_from_records,
)
from corpparent.governance.years import YearKind, add_months

__all__ = [
    "AfterEachMeeting",
    "Attendance",
    "AttendanceThreshold",
    "Basis",
    "ByMonth",
    "ChairHoldsRole",
    "ClassCount",
    "ClassQuorum",
    "Constitution",
    "Credential",
    "Deadline",
    "EachMemberLeads",
    "Instance",
    "MaximumSize",
    "Meeting",
    "MeetingFrequency",
    "MeetingKind",
    "MeetingLog",
    "Meetings",
    "Member",
    "MemberAttendance",
    "MemberClass",
    "Membership",
    "MinimumPresent",
    "MonthSpan",
    "Obligation",
    "ObligationCheck",
    "ObligationSet",
    "Office",
    "OfficesFilled",
    "OnEvent",
    "PanelRecord",
    "Precedence",
    "PrioritiesHaveLeads",
    "PriorityLead",
    "Quorum",
    "Recurring",
    "ReportingRecord",
    "Requirement",
    "RequirementMet",
    "RolesFilled",
    "Roster",
    "SeatLimit",
    "Seats",
    "Sitting",
    "SixMonthRule",
    "Submission",
    "SubstitutesAppointed",
    "Substitution",
    "Trigger",
    "Unmatched",
    "Upcoming",
    "WithinDays",
    "YearKind",
    "add_months",
    "annually",
    "attendance_table",
    "evaluate_obligations",
    "every_n_months",
    "falls_due",
    "load_obligations",
    "meetings_from_data",
    "meetings_json_schema",
    "membership_from_data",
    "membership_json_schema",
    "obligation_schema",
    "obligations_from_data",
    "obligations_to_data",
    "quarterly",
    "read_meetings",
    "read_meetings_csv",
    "read_meetings_json",
    "read_membership",
    "read_submissions",
    "submissions_from_data",
    "submissions_from_records",
    "to_icalendar",
    "unmatched_submissions",
    "write_icalendar",
]
