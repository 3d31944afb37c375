"""Findings, and rules that compose into rule sets.

Everything in corpparent that judges returns a [`Finding`][corpparent.findings.Finding]: what was
judged, its status, one sentence a councillor can read, and the evidence as numbers. A report is a
list of findings, rendered.

A [`Rule`][corpparent.findings.Rule] judges one input and returns one finding. Rules compose with
``&`` (all of), ``|`` (any of) and ``~`` (not), so "75% of councillors *and* 70% of associate
members" is ``councillors & associates``. A [`RuleSet`][corpparent.findings.RuleSet] evaluates many
checks over the same input; a check may be a rule, or anything that yields several findings (a
meeting-frequency check finds one shortfall per year and one gap per over-long
interval).

Every finding names the [`RuleFamily`][corpparent.families.RuleFamily] of the rule that made it, and
its ``outcome`` is a member of an `Enum` (a [`Travel`][corpparent.ranges.Travel],
an obligation's [`ObligationOutcome`][corpparent.obligations.ObligationOutcome], ...): reports and
renderers select findings by those, never by the text of a rule's name or an outcome,
so renaming a rule for readers changes nothing they select.

Bad or missing data is a finding with status ``insufficient data``, never an exception.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import Enum
from types import MappingProxyType
from typing import Generic, Protocol, TypeVar, final

from attrs import field, frozen

from corpparent.errors import DefinitionError
from corpparent.families import NotJudged, RuleFamily
from corpparent.periods import Period

__all__ = [
    "AllOf",
    "AnyOf",
    "Check",
    "EvidenceValue",
    "Finding",
    "Not",
    "Rule",
    "RuleSet",
    "Status",
    "not_judged",
    "worst",
]

EvidenceValue = float | int | str | bool | None
T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)


class Status(Enum):
    """The verdict of a finding."""

    MET = "met"
    """The rule holds: within range, quorate, on time."""
    EXCEEDED = "exceeded"
    """Better than expected: a success for the panel to acknowledge."""
    WARNING = "warning"
    """Worth the panel's attention but not a breach (e.g. a neutral indicator outside range)."""
    BREACHED = "breached"
    """The rule does not hold: worse than expected, inquorate, late, missing."""
    INSUFFICIENT_DATA = "insufficient data"
    """The rule could not be judged: a value is missing, suppressed or not comparable."""
    NOT_YET_DUE = "not yet due"
    """An obligation whose deadline has not passed."""

    @property
    def is_breach(self) -> bool:
        """Whether the status is a breach."""
        return self is Status.BREACHED

    def __str__(self) -> str:
        return self.value


# The order in which statuses dominate when findings are summarised.
_SEVERITY = {
    Status.BREACHED: 5,
    Status.INSUFFICIENT_DATA: 4,
    Status.WARNING: 3,
    Status.NOT_YET_DUE: 2,
    Status.MET: 1,
    Status.EXCEEDED: 0,
}


def not_judged(status: Status) -> NotJudged | None:
    """The outcome of a finding of ``status`` whose rule has no outcome of its own:
    ``NotJudged.INSUFFICIENT_DATA`` for insufficient data, else ``None``."""
    return NotJudged.INSUFFICIENT_DATA if status is Status.INSUFFICIENT_DATA else None


def worst(statuses: Iterable[Status]) -> Status:
    """The most severe of ``statuses`` (breached, insufficient data, warning, ...)."""
    return max(statuses, key=_SEVERITY.__getitem__, default=Status.MET)


def _freeze_evidence(value: Mapping[str, EvidenceValue]) -> Mapping[str, EvidenceValue]:
    return MappingProxyType(dict(value))


def _check_outcome(_: object, __: object, value: Enum | None) -> None:
    # Reports select and label findings by the outcome's enum; text such as "late" would
    # pass unnoticed until a report is built, so it is refused where the finding is made.
    if value is not None and not isinstance(value, Enum):
        raise DefinitionError(
            f"a finding's outcome must be a member of an Enum (such as "
            f"ObligationOutcome.LATE or NotJudged.INSUFFICIENT_DATA) or None, "
            f"not {value!r}"
        )


@final
@frozen(hash=False)
class Finding:
    """One judgement: what was judged, the verdict, why, and the numbers behind it.

    ``subject`` identifies what was judged, always by its identifier (an indicator's
    id, an obligation's id, the panel or member as its records name it);
    ``subject_name`` is the name a reader knows it by, where that differs. ``rule`` is
    the name of the rule that judged it, as reports show it, and ``family`` the kind of
    rule (see [`RuleFamily`][corpparent.families.RuleFamily]), by which findings are selected.
    ``outcome`` gives a finer label than the status where one helps: a member of the
    rule's outcome enum ([`Performance`][corpparent.ranges.Performance] "worse than expected",
    [`ObligationOutcome`][corpparent.obligations.ObligationOutcome] "late", ...), whose ``value`` is
    the label.
    """

    subject: str
    rule: str
    status: Status
    explanation: str
    evidence: Mapping[str, EvidenceValue] = field(
        factory=dict, converter=_freeze_evidence
    )
    period: Period | None = None
    outcome: Enum | None = field(default=None, validator=_check_outcome)
    family: RuleFamily = field(kw_only=True)
    subject_name: str | None = field(default=None, kw_only=True)

    @property
    def display_subject(self) -> str:
        """What a reader calls the subject: its name where one is given, else its id."""
        return self.subject_name or self.subject

    @property
    def is_breach(self) -> bool:
        """Whether this finding is a breach."""
        return self.status.is_breach

    def __str__(self) -> str:
        return f"{self.display_subject} [{self.rule}]: {self.status}: {self.explanation}"


class Check(Protocol[T_contra]):
    """Anything that judges an input into findings; every [`Rule`][corpparent.findings.Rule] is
    one."""

    def findings(self, subject: T_contra, /) -> Sequence[Finding]:
        """Judge ``subject``."""
        ...


class Rule(ABC, Generic[T]):
    """A rule judges one input and returns exactly one finding.

    Subclasses implement [`evaluate`][corpparent.findings.Rule.evaluate],
    [`name`][corpparent.findings.Rule.name] and [`family`][corpparent.findings.Rule.family]. Rules
    compose: ``a & b`` holds when both hold, ``a | b`` when either does, ``~a`` when ``a`` does not.
    """

    __slots__ = ()

    @property
    @abstractmethod
    def name(self) -> str:
        """A short name for the rule, shown in findings and reports."""

    @property
    @abstractmethod
    def family(self) -> RuleFamily:
        """The kind of rule, carried by every finding it makes."""

    @abstractmethod
    def evaluate(self, subject: T, /) -> Finding:
        """Judge ``subject``."""

    def findings(self, subject: T, /) -> Sequence[Finding]:
        """The one finding of [`evaluate`][corpparent.findings.Rule.evaluate], as a sequence (so a
        rule is a check)."""
        return (self.evaluate(subject),)

    def __and__(self, other: Rule[T]) -> AllOf[T]:
        return AllOf((self, other))

    def __or__(self, other: Rule[T]) -> AnyOf[T]:
        return AnyOf((self, other))

    def __invert__(self) -> Not[T]:
        return Not(self)


def _flatten(rules: Iterable[Rule[T]], kind: type[Rule[T]]) -> tuple[Rule[T], ...]:
    flat: list[Rule[T]] = []
    for rule in rules:
        # A labelled combination keeps its name in findings, so it is not flattened.
        if type(rule) is kind and isinstance(rule, AllOf | AnyOf) and rule.label is None:
            flat.extend(rule.rules)
        else:
            flat.append(rule)
    return tuple(flat)


def _combine(
    name: str, parts: Sequence[Finding], status: Status, joiner: str
) -> Finding:
    first = parts[0]
    evidence: dict[str, EvidenceValue] = {}
    for part in parts:
        for key, value in part.evidence.items():
            evidence.setdefault(key, value)
    explanation = joiner.join(part.explanation.rstrip(".") for part in parts) + "."
    return Finding(
        subject=first.subject,
        rule=name,
        status=status,
        explanation=explanation,
        evidence=evidence,
        period=first.period,
        outcome=not_judged(status),
        family=first.family,
        subject_name=first.subject_name,
    )


@final
@frozen
class AllOf(Rule[T]):
    """Holds when every rule holds: breached if any is breached, else insufficient data
    if any could not be judged."""

    rules: tuple[Rule[T], ...]
    label: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.rules:
            raise ValueError("AllOf needs at least one rule")
        object.__setattr__(self, "rules", _flatten(self.rules, AllOf))

    @property
    def name(self) -> str:
        return self.label or " and ".join(rule.name for rule in self.rules)

    @property
    def family(self) -> RuleFamily:
        """The family of the first part: combining rules does not change their kind."""
        return self.rules[0].family

    def evaluate(self, subject: T, /) -> Finding:
        parts = [rule.evaluate(subject) for rule in self.rules]
        statuses = [part.status for part in parts]
        status: Status
        if Status.BREACHED in statuses:
            status = Status.BREACHED
        elif Status.INSUFFICIENT_DATA in statuses:
            status = Status.INSUFFICIENT_DATA
        else:
            status = worst(statuses)
        return _combine(self.name, parts, status, "; and ")


@final
@frozen
class AnyOf(Rule[T]):
    """Holds when at least one rule holds; insufficient data when none holds and one
    could not be judged."""

    rules: tuple[Rule[T], ...]
    label: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.rules:
            raise ValueError("AnyOf needs at least one rule")
        object.__setattr__(self, "rules", _flatten(self.rules, AnyOf))

    @property
    def name(self) -> str:
        return self.label or " or ".join(rule.name for rule in self.rules)

    @property
    def family(self) -> RuleFamily:
        """The family of the first part: combining rules does not change their kind."""
        return self.rules[0].family

    def evaluate(self, subject: T, /) -> Finding:
        parts = [rule.evaluate(subject) for rule in self.rules]
        holding = [p.status for p in parts if p.status in (Status.MET, Status.EXCEEDED)]
        status: Status
        if holding:
            status = min(holding, key=_SEVERITY.__getitem__)
        elif any(p.status is Status.INSUFFICIENT_DATA for p in parts):
            status = Status.INSUFFICIENT_DATA
        else:
            status = Status.BREACHED
        return _combine(self.name, parts, status, "; or ")


@final
@frozen
class Not(Rule[T]):
    """Holds when the inner rule is breached; insufficient data stays so."""

    rule: Rule[T]

    @property
    def name(self) -> str:
        return f"not {self.rule.name}"

    @property
    def family(self) -> RuleFamily:
        """The family of the rule negated."""
        return self.rule.family

    def evaluate(self, subject: T, /) -> Finding:
        inner = self.rule.evaluate(subject)
        if inner.status in (Status.MET, Status.EXCEEDED):
            status = Status.BREACHED
        elif inner.status is Status.BREACHED:
            status = Status.MET
        else:
            status = inner.status
        return Finding(
            subject=inner.subject,
            rule=self.name,
            status=status,
            explanation=f"Negated: {inner.explanation}",
            evidence=inner.evidence,
            period=inner.period,
            outcome=not_judged(status),
            family=inner.family,
            subject_name=inner.subject_name,
        )


def _checks(items: Iterable[Check[T]]) -> tuple[Check[T], ...]:
    return tuple(items)


@final
@frozen
class RuleSet(Generic[T]):
    """Checks evaluated together over one input, in order."""

    checks: tuple[Check[T], ...] = field(converter=_checks)
    name: str = "rules"

    def evaluate(self, subject: T) -> tuple[Finding, ...]:
        """Every finding of every check, in the order the checks were given."""
        return tuple(finding for check in self.checks for finding in check.findings(subject))

    def __iter__(self) -> Iterator[Check[T]]:
        return iter(self.checks)

    def __len__(self) -> int:
        return len(self.checks)
