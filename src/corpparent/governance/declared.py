"""The rules a constitution declares: one protocol, and one registry of rule types.

A [`Constitution`][corpparent.governance.Constitution] is its panel and a collection of rules.
Every rule in it answers `PanelRule`: given a `PanelReview` (the panel's
record over a span, seen through the constitution) it returns its findings. Each kind
of rule is a `RuleType`, declared once, in the module of its rule class, with
`declare`: the key it is declared under (a keyword of ``Constitution`` and a key
of a plug-in file's ``[constitution]`` table), whether a constitution holds one or
many, where its findings come in a review, and the clause of the terms of reference it
states. Nothing else names the rule types one by one, so a new kind of rule is one
module: its class, its review and its declaration (plus, outside the rules, a codec for
the plug-in file and hypothesis strategies for its tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol, final, runtime_checkable

from attrs import frozen

from corpparent.errors import DefinitionError
from corpparent.findings import Finding, Rule

if TYPE_CHECKING:
    from corpparent.governance.constitution import Constitution
    from corpparent.governance.frequency import MeetingLog
    from corpparent.governance.meetings import Sitting
    from corpparent.governance.membership import Roster
    from corpparent.governance.panel import PanelRecord
    from corpparent.governance.terms import Clause

__all__ = [
    "SITTINGS",
    "PanelReview",
    "PanelRule",
    "RosterRule",
    "RuleType",
    "declare",
    "rule_type",
    "rule_type_for",
    "rule_type_of",
    "rule_types",
]

#: The order from which rules judge the meetings rather than the roster: unknown
#: attendees are found just before them.
SITTINGS = 50


@final
@frozen
class PanelReview:
    """What a rule of a constitution is reviewed against: the ``record`` of the panel
    over a span, and the ``constitution`` that declares the rule (a rule may depend on
    another, as quorum depends on the terms on which substitutes count)."""

    constitution: Constitution
    record: PanelRecord
    roster: Roster
    """The roster on the last day the record speaks for."""
    sittings: tuple[Sitting, ...]
    """Each meeting held in the span, against the roster on its day."""

    @classmethod
    def of(cls, constitution: Constitution, record: PanelRecord) -> PanelReview:
        """The review of ``record`` under ``constitution``."""
        return cls(constitution, record, record.roster(), record.sittings())

    @property
    def meeting_log(self) -> MeetingLog:
        """The dates of the meetings that count towards the panel's frequency."""
        return self.record.meeting_log(self.constitution.frequency_counts)


@runtime_checkable
class PanelRule(Protocol):
    """A rule a constitution declares: it reviews a panel's record."""

    def review(self, panel: PanelReview, /) -> Iterable[Finding]:
        """Every finding of the rule on ``panel``."""
        ...


class RosterRule(Rule["Roster"]):
    """A composition rule: judged once, on the roster of the record's last day."""

    __slots__ = ()

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        """The rule's one finding on the last day's roster."""
        return (self.evaluate(panel.roster),)

    def roster_rules(self) -> tuple[Rule[Roster], ...]:
        """The rule itself: it judges a roster."""
        return (self,)


@final
@frozen
class RuleType:
    """A kind of rule a constitution may declare, declared once with `declare`.

    ``key`` names it in a constitution: ``Constitution(panel, quorum=...)`` and
    ``[constitution.quorum]`` in a plug-in file. A constitution holds any number of
    rules of a type that is ``many`` (seats, requirements), else at most one. ``order``
    places its findings in a review, lower first (roster rules below
    `SITTINGS`). ``shorthand`` names the field a bare value fills, so
    ``max_members=20`` declares ``MaximumSize(20)``. ``default`` makes a rule that is in
    force unless the key is given as None (or ``false`` in a file). ``clause`` is the
    clause of the terms of reference the rule states; ``needs_membership`` is False for
    a rule judged from the meetings alone; ``summary`` places the rule in a
    constitution's one-line description (None: not described), and
    ``absent_summary`` describes it even when not declared. ``absent`` is what the key
    gives back when a constitution declares no rule of the type.
    """

    key: str
    rule: type
    order: int
    many: bool = False
    shorthand: str | None = None
    default: Callable[[], object] | None = None
    clause: Clause | None = None
    needs_membership: bool = True
    summary: int | None = None
    absent_summary: bool = False
    check: Callable[[object, Constitution], str | None] | None = None
    """Why a rule could never be met under the rest of the constitution, or None."""
    absent: object = None

    def declared(self, rules: tuple[object, ...]) -> object:
        """The value the key gives back for ``rules`` of this type: the tuple of them
        (many), the one rule, its shorthand field, or None."""
        if self.many:
            return rules
        if not rules:
            return self.absent
        return getattr(rules[0], self.shorthand) if self.shorthand else rules[0]

    def rules_from(self, value: object) -> tuple[object, ...]:
        """The rules a keyword ``value`` declares: None or empty declares none."""
        if value is None:
            return ()
        if self.many:
            values = tuple(value) if isinstance(value, Iterable) else (value,)
            return tuple(self._one(v) for v in values)
        if isinstance(value, self.rule):
            return (value,)
        if self.shorthand is None:
            raise DefinitionError(f"the constitution's {self.key!r} must be a "
                                  f"{self.rule.__name__}, got {value!r}")
        if isinstance(value, tuple | list) and not value:
            return ()
        return (self.rule(value),)

    def _one(self, value: object) -> object:
        if isinstance(value, self.rule):
            return value
        raise DefinitionError(f"the constitution's {self.key!r} must hold "
                              f"{self.rule.__name__} values, got {value!r}")


_BY_KEY: dict[str, RuleType] = {}
_BY_RULE: dict[type, RuleType] = {}


def declare(rule_type: RuleType) -> RuleType:
    """Register ``rule_type`` (once, from its rule's module) and return it."""
    known = _BY_KEY.get(rule_type.key)
    if known is not None and known != rule_type:
        raise DefinitionError(f"a constitution's {rule_type.key!r} is declared twice, by "
                              f"{known.rule.__name__} and {rule_type.rule.__name__}")
    _BY_KEY[rule_type.key] = rule_type
    _BY_RULE[rule_type.rule] = rule_type
    return rule_type


def rule_types() -> tuple[RuleType, ...]:
    """Every rule type declared, in review order (then in the order declared)."""
    return tuple(sorted(_BY_KEY.values(), key=lambda t: t.order))


def rule_type(key: str) -> RuleType | None:
    """The rule type declared under ``key``, if any."""
    return _BY_KEY.get(key)


def rule_type_of(rule: object) -> RuleType:
    """The rule type of ``rule``; a rule of no declared type is a definition error."""
    return rule_type_for(type(rule))


def rule_type_for(rule: type) -> RuleType:
    """The rule type of the rule class ``rule``; a class of no declared type is a
    definition error."""
    found = _BY_RULE.get(rule)
    if found is None:
        raise DefinitionError(
            f"a {rule.__name__} is not a rule a constitution can declare: declare "
            "its type with corpparent.governance.declared.declare")
    return found

