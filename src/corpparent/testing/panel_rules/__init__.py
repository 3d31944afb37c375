"""Hypothesis strategies for each rule type a constitution may declare: one module each.

Each module registers, once, a strategy of rules of its type and the strategies of
inputs a rule passes ([`satisfying`][corpparent.testing.rules.satisfying]) and rejects
([`violating`][corpparent.testing.rules.violating]); importing this package registers them
all. `incomplete` names each declared rule type lacking a codec or strategies,
and a test fails on any.

Importing this package needs hypothesis (``pip install 'corpparent[test]'``).
"""

from corpparent.testing.panel_rules import (  # noqa: F401  (each registers its strategies)
    attendance,
    chair_role,
    frequency,
    max_members,
    office_holders,
    offices,
    open_to_public,
    parent_panel,
    political_balance,
    priorities,
    priority_leads,
    quorum,
    reporting_lines,
    requirements,
    role_seats,
    seats,
    six_month,
    standing_invitees,
    substitutes,
    substitution_terms,
)
from corpparent.testing.panel_rules._registry import (
    FAULTS,
    RuleStrategies,
    faults,
    incomplete,
    register,
    strategies_for,
)

__all__ = ["FAULTS", "RuleStrategies", "faults", "incomplete", "register", "strategies_for"]
