"""The ``ourtown`` plug-in, written in Python.

It starts from the national indicator set, keeps the indicators the panel reports, and
adds its own expected ranges and a target. The numbers are illustrative: Ourtown is
not a real authority.
"""

from __future__ import annotations

from corpparent import ExpectedRange, FinancialYear, IndicatorSet, Target
from corpparent.plugins import load_profile
from corpparent.profile import AuthorityProfile, Document, Priority
from corpparent.ranges import TargetDirection

CHOSEN = ("placements_3plus", "long_term_stability", "health_checks", "care_leavers_19_21_eet")


def profile() -> AuthorityProfile:
    """Ourtown's profile: four national indicators with local ranges for 2024-25."""
    national = load_profile("national").indicators
    year = FinancialYear(2024)
    ranges = [
        ExpectedRange("placements_3plus", 7, 10, year, source="plan §2.1"),
        ExpectedRange("long_term_stability", 70, 80, year, source="plan §2.2"),
        ExpectedRange("care_leavers_19_21_eet", 50, 60, year, source="plan §4.1"),
    ]
    targets = [Target("health_checks", 95, TargetDirection.AT_LEAST, year, source="plan §3.1")]
    return AuthorityProfile(
        id="ourtown",
        name="Ourtown Borough Council (example)",
        indicators=IndicatorSet([national[i] for i in CHOSEN], ranges, targets),
        region="Example region",
        priorities=[Priority("stable-homes", "Stable, loving homes",
                             leads=["Cllr A. Example"], source="plan §1")],
        documents=[Document("plan", "Ourtown Corporate Parenting Plan 2024-25 (example)")],
    )
