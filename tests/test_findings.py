"""Findings and the composition of rules with &, | and ~."""

from __future__ import annotations

import attrs
import pytest
from attrs import frozen
from hypothesis import given, strategies as st

from corpparent import DefinitionError, Finding, Status
from corpparent.families import NotJudged, RuleFamily
from corpparent.findings import AllOf, AnyOf, Not, Rule, RuleSet, worst


@frozen
class AtLeast(Rule[int]):
    """Met when the input is at least ``threshold``; insufficient data when negative."""

    threshold: int
    kind: RuleFamily = RuleFamily.CUSTOM

    @property
    def name(self) -> str:
        return f"at least {self.threshold}"

    @property
    def family(self) -> RuleFamily:
        return self.kind

    def evaluate(self, subject: int, /) -> Finding:
        if subject < 0:
            status = Status.INSUFFICIENT_DATA
        else:
            status = Status.MET if subject >= self.threshold else Status.BREACHED
        return Finding("n", self.name, status, f"{subject} against {self.threshold}",
                       evidence={"n": subject, "threshold": self.threshold},
                       family=self.family)


thresholds = st.integers(min_value=0, max_value=20)
inputs = st.integers(min_value=-2, max_value=25)


@given(thresholds, thresholds, inputs)
def test_and_holds_only_when_both_hold(a: int, b: int, n: int) -> None:
    combined = (AtLeast(a) & AtLeast(b)).evaluate(n)
    if n < 0:
        assert combined.status is Status.INSUFFICIENT_DATA
    else:
        assert (combined.status is Status.MET) == (n >= a and n >= b)


@given(thresholds, thresholds, inputs)
def test_or_holds_when_either_holds(a: int, b: int, n: int) -> None:
    combined = (AtLeast(a) | AtLeast(b)).evaluate(n)
    if n < 0:
        assert combined.status is Status.INSUFFICIENT_DATA
    else:
        assert (combined.status is Status.MET) == (n >= a or n >= b)


@given(thresholds, inputs)
def test_not_inverts_but_keeps_insufficient_data(a: int, n: int) -> None:
    inner = AtLeast(a).evaluate(n).status
    negated = (~AtLeast(a)).evaluate(n).status
    expected = {Status.MET: Status.BREACHED, Status.BREACHED: Status.MET}.get(inner, inner)
    assert negated is expected


@given(thresholds, thresholds, inputs)
def test_de_morgan(a: int, b: int, n: int) -> None:
    left = (~(AtLeast(a) | AtLeast(b))).evaluate(n).status
    right = (~AtLeast(a) & ~AtLeast(b)).evaluate(n).status
    assert left is right


def test_composition_flattens_and_names_itself() -> None:
    rule = AtLeast(1) & AtLeast(2) & AtLeast(3)
    assert isinstance(rule, AllOf)
    assert len(rule.rules) == 3
    assert rule.name == "at least 1 and at least 2 and at least 3"
    assert isinstance(AtLeast(1) | AtLeast(2), AnyOf)
    assert isinstance(~AtLeast(1), Not)


def test_combined_finding_keeps_every_explanation() -> None:
    finding = (AtLeast(6) & AtLeast(7)).evaluate(6)
    assert finding.status is Status.BREACHED
    assert "6 against 6" in finding.explanation
    assert "6 against 7" in finding.explanation


def test_rule_set_evaluates_every_check_in_order() -> None:
    rules = RuleSet([AtLeast(1), AtLeast(5), AtLeast(10)])
    statuses = [f.status for f in rules.evaluate(5)]
    assert statuses == [Status.MET, Status.MET, Status.BREACHED]


def test_worst_orders_breaches_first() -> None:
    assert worst([Status.MET, Status.BREACHED, Status.INSUFFICIENT_DATA]) is Status.BREACHED
    assert worst([Status.MET, Status.WARNING]) is Status.WARNING
    assert worst([]) is Status.MET


def test_evidence_is_read_only() -> None:
    finding = AtLeast(1).evaluate(3)
    with pytest.raises(TypeError):
        finding.evidence["n"] = 4  # type: ignore[index]


families = st.sampled_from(list(RuleFamily))


@given(thresholds, families, thresholds, families, inputs)
def test_combining_rules_keeps_the_family_of_their_parts(
    a: int, a_family: RuleFamily, b: int, b_family: RuleFamily, n: int
) -> None:
    """A combination is judged as its first part is: "75% of councillors and 70% of
    associate members" is a quorum rule, not a new kind of rule."""
    first, second = AtLeast(a, a_family), AtLeast(b, b_family)
    for combined in (first & second, first | second, AllOf((first, second), label="both")):
        assert combined.family is a_family
        assert combined.evaluate(n).family is a_family
    assert (~second).family is b_family
    assert (~second).evaluate(n).family is b_family


def test_a_finding_shows_its_subjects_name_where_it_has_one() -> None:
    bare = Finding("health", "target", Status.BREACHED, "82% against 94%.",
                   family=RuleFamily.TARGET)
    named = attrs.evolve(bare, subject_name="Health assessments")
    assert (bare.display_subject, named.display_subject) == ("health", "Health assessments")
    assert str(named).startswith("Health assessments [target]: breached")



def test_an_outcome_given_as_text_is_refused_when_the_finding_is_made() -> None:
    """A rule written with ``outcome="late"`` fails where it makes the finding, naming
    what is expected, not later when a report labels it."""
    with pytest.raises(DefinitionError, match="member of an Enum") as raised:
        Finding("annual-report", "custom", Status.BREACHED, "Late.", outcome="late",  # type: ignore[arg-type]
                family=RuleFamily.CUSTOM)
    assert "'late'" in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_an_outcome_that_is_an_enum_member_or_none_is_kept() -> None:
    judged = Finding("x", "custom", Status.INSUFFICIENT_DATA, "No data.",
                     outcome=NotJudged.INSUFFICIENT_DATA, family=RuleFamily.CUSTOM)
    assert judged.outcome is NotJudged.INSUFFICIENT_DATA
    assert attrs.evolve(judged, outcome=None).outcome is None
