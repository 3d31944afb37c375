"""Reporting obligations: what the panel must report, to whom, when; and whether it did.

An [`ObligationSet`][corpparent.obligations.ObligationSet] declares what a terms of reference
requires the panel to send or present; a submissions log
([`Submission`][corpparent.obligations.Submission]) records what was sent;
[`evaluate_obligations`][corpparent.obligations.evaluate_obligations] judges the log against the
set, one finding per occurrence, and [`falls_due`][corpparent.obligations.falls_due] lists what
falls due next. See ``docs/obligations.md``.
"""

from corpparent.obligations.compliance import (
    ObligationCheck,
    ReportingRecord,
    evaluate_obligations,
    unmatched_submissions,
)
from corpparent.obligations.cycles import (
    MonthSpan,
)
from corpparent.obligations.definitions import Obligation, ObligationSet, Precedence
from corpparent.obligations.instances import (
    Instance,
)
from corpparent.obligations.ledger import (
    Unmatched,
)
from corpparent.obligations.outcomes import (
    ObligationOutcome,
)
from corpparent.obligations.submissions import (
    Submission,
)
from corpparent.obligations.triggers import (
    AfterEachMeeting,
    ByMonth,
    Deadline,
    OnEvent,
    Recurring,
    Trigger,
    WithinDays,
    annually,
    every_n_months,
    quarterly,
)
from corpparent.obligations.upcoming import (
    Upcoming,
    falls_due,
)

__all__ = [
    "AfterEachMeeting",
    "ByMonth",
    "Deadline",
    "Instance",
    "MonthSpan",
    "Obligation",
    "ObligationCheck",
    "ObligationOutcome",
    "ObligationSet",
    "OnEvent",
    "Precedence",
    "Recurring",
    "ReportingRecord",
    "Submission",
    "Trigger",
    "Unmatched",
    "Upcoming",
    "WithinDays",
    "annually",
    "evaluate_obligations",
    "every_n_months",
    "falls_due",
    "quarterly",
    "unmatched_submissions",
]
