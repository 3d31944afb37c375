"""Panel governance: constitution, membership, composition, quorum, frequency, attendance.

A :class:`Constitution` declares what a panel's terms of reference require; a
:class:`PanelRecord` holds its membership and meetings over a span. Every rule returns
:class:`~corpparent.findings.Finding` objects. Reporting obligations are their own
package, :mod:`corpparent.obligations`; the files governance is read from are read in
:mod:`corpparent.files`. See ``docs/governance.md``.
"""

from corpparent.governance.attendance import (
    AttendanceOutcome,
    AttendanceThreshold,
    MemberAttendance,
    SixMonthRule,
    attendance_table,
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
from corpparent.governance.panel import PanelRecord
from corpparent.governance.quorum import Basis, ClassQuorum, MinimumPresent, Quorum, QuorumOutcome
from corpparent.governance.requirements import Requirement, RequirementMet
from corpparent.governance.years import YearKind, add_months

__all__ = [
    "AttendanceOutcome",
    "AttendanceThreshold",
    "Basis",
    "ChairHoldsRole",
    "ClassCount",
    "ClassQuorum",
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
    "OfficesFilled",
    "PanelRecord",
    "PrioritiesHaveLeads",
    "PriorityLead",
    "Quorum",
    "QuorumOutcome",
    "Requirement",
    "RequirementMet",
    "RolesFilled",
    "Roster",
    "SeatLimit",
    "Seats",
    "Sitting",
    "SixMonthRule",
    "SubstitutesAppointed",
    "Substitution",
    "YearKind",
    "add_months",
    "attendance_table",
]
