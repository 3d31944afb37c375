"""How the panel's exception report sorts an indicator's findings: one rule, for the
scorecard's own findings and for a report's findings after disclosure control withdrew
some of them, so the two never sort differently.

Each indicator appears at most once in each list, its findings there joined in one
entry (its most severe finding, whose explanation is followed by the others': a range
breach and a missed target read as one). Findings of two rules that read the same (no
reading, so neither the range nor the ambition is judged) are said once, naming both
rules, never as one sentence twice:

* **exceptions**: worse than the expected range (or outside a neutral indicator's
  range), below a target, or a special cause concern in the latest value (002 §12a; NHS
  "Making Data Count"). A result better than expected is outside its range too, but it
  is a success, listed there and only there: an exception is a result the panel asks
  officers to explain, and every format counts the same list;
* **successes**: better than the expected range, or a special cause improvement (a
  single step up is not one, as it may be ordinary variation);
* **insufficient data**: the judgements that could not be made; or, where there is no
  value and nothing set to judge it by, the first finding saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

from corpparent.families import RuleFamily
from corpparent.findings import Status, worst

__all__ = ["Sorted", "is_exception", "sort_findings"]


class _Judged(Protocol):
    @property
    def status(self) -> Status: ...

    @property
    def family(self) -> RuleFamily: ...

    @property
    def explanation(self) -> str: ...

    @property
    def rule(self) -> str: ...


F = TypeVar("F", bound=_Judged)
#: The exceptions, the successes and the insufficient data, in the order given.
Sorted = tuple[list[F], list[F], list[F]]


def is_exception(finding: F, *, concern: Callable[[F], bool]) -> bool:
    """Whether ``finding`` puts its indicator in the exceptions: worse than the expected
    range (or outside a neutral one), below a target, or a special cause concern
    (``concern`` says which variation findings are)."""
    if finding.status is Status.INSUFFICIENT_DATA:
        return False
    if finding.family is RuleFamily.EXPECTED_RANGE:
        return finding.status not in (Status.MET, Status.EXCEEDED)
    if finding.family is RuleFamily.TARGET:
        return finding.status is Status.BREACHED
    return finding.family is RuleFamily.VARIATION and concern(finding)


def sort_findings(indicators: Iterable[tuple[Sequence[F], bool]], *,
                  concern: Callable[[F], bool],
                  explained: Callable[[F, str], F]) -> Sorted[F]:
    """Sort each indicator's findings (given with whether its headline is insufficient
    data) into the exception report's three lists. ``concern`` says whether a
    variation finding is a special cause concern; ``explained`` gives a finding with
    another explanation (the joined entry)."""
    exceptions: list[F] = []
    successes: list[F] = []
    insufficient: list[F] = []

    def joined(findings: Sequence[F]) -> F:
        lead = next(f for f in findings if f.status is worst(f.status for f in findings))
        if len(findings) == 1:
            return lead
        return explained(lead, _one_each([lead, *(f for f in findings if f is not lead)]))

    def exception(finding: F) -> bool:
        return is_exception(finding, concern=concern)

    def success(finding: F) -> bool:
        judged = finding.family in (RuleFamily.EXPECTED_RANGE, RuleFamily.VARIATION)
        return judged and finding.status is Status.EXCEEDED

    for findings, headline_insufficient in indicators:
        gaps = [f for f in findings if f.status is Status.INSUFFICIENT_DATA]
        judged_gaps = [f for f in gaps if f.family.is_judgement]
        if judged_gaps:
            insufficient.append(joined(judged_gaps))
        elif headline_insufficient and gaps:
            insufficient.append(gaps[0])  # no value, and nothing set to judge it by
        if found := [f for f in findings if exception(f)]:
            exceptions.append(joined(found))
        if good := [f for f in findings if success(f)]:
            successes.append(joined(good))
    return exceptions, successes, insufficient


def _one_each(findings: Sequence[_Judged]) -> str:
    """The findings' explanations in turn, each sentence once: one that several rules'
    findings share ends by naming those rules ("... for the expected range and the
    ambition alike.")."""
    rules: dict[str, list[str]] = {}
    for finding in findings:
        named = rules.setdefault(finding.explanation, [])
        if finding.rule not in named:
            named.append(finding.rule)
    return " ".join(
        text if len(named) < 2 else
        f"{text.rstrip('. ')}: for the {', the '.join(named[:-1])} and the {named[-1]} alike."
        for text, named in rules.items())
