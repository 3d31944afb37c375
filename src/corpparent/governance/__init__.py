"""Panel governance: constitution, membership, composition, quorum, frequency, attendance.

A [`Constitution`][corpparent.governance.Constitution] declares what a panel's terms of reference
require; a [`PanelRecord`][corpparent.governance.PanelRecord] holds its membership and meetings over
a span. Every rule returns [`Finding`][corpparent.findings.Finding] objects. Reporting obligations
are their own package, [`corpparent.obligations`][corpparent.obligations]; the files governance is
read from are read in [`corpparent.files`][corpparent.files]. See ``docs/governance.md``.
"""

from corpparent.governance.attendance import (
    AttendanceOutcome,
    AttendanceThreshold,
    MemberAttendance,
    SixMonthRule,
    attendance_table,
)
from corpparent.governance.attendees import UnknownAttendees
from corpparent.governance.balance import PoliticalBalance
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
from corpparent.governance.frequency import FrequencyOutcome, MeetingFrequency, MeetingLog
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
from corpparent.governance.offices import OfficeHolders, RoleSeat
from corpparent.governance.panel import PanelRecord
from corpparent.governance.quorum import Basis, ClassQuorum, MinimumPresent, Quorum, QuorumOutcome
from corpparent.governance.requirements import Requirement, RequirementMet
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.governance.terms import Clause, ReportingLine
from corpparent.governance.years import YearKind, add_months

__all__ = [
    "AttendanceOutcome",
    "AttendanceThreshold",
    "Basis",
    "ChairHoldsRole",
    "ClassCount",
    "ClassQuorum",
    "Clause",
    "Constitution",
    "Credential",
    "EachMemberLeads",
    "FrequencyOutcome",
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
    "Office",
    "OfficeHolders",
    "OfficesFilled",
    "PanelRecord",
    "PoliticalBalance",
    "PrioritiesHaveLeads",
    "PriorityLead",
    "Quorum",
    "QuorumOutcome",
    "ReportingLine",
    "Requirement",
    "RequirementMet",
    "RoleSeat",
    "RolesFilled",
    "Roster",
    "SeatLimit",
    "Seats",
    "Sitting",
    "SixMonthRule",
    "SubstitutesAppointed",
    "Substitution",
    "SubstitutionTerms",
    "UnknownAttendees",
    "YearKind",
    "add_months",
    "attendance_table",
]
