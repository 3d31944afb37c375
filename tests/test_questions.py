"""Each exception carries the questions the panel may ask: from the rules it broke, or the
indicator's own; in every format; never about a figure withheld."""

from __future__ import annotations

import io

import docx
from hypothesis import given, strategies as st

from corpparent import Indicator, IndicatorSet, Kind, Polarity, Reading, Readings, Scorecard
from corpparent.families import RuleFamily
from corpparent.files import profile_from_toml, profile_to_toml
from corpparent.periods import FinancialQuarter, FinancialYear
from corpparent.questions import DEFAULT_QUESTIONS, MY_CHILD, panel_questions
from corpparent.ranges import ExpectedRange, Target, TargetDirection
from corpparent.report import finish, render
from corpparent.report.build import scorecard_report
from corpparent.report.labels import QUESTIONS_LABEL
from corpparent.report.output import render_binary
from corpparent.report.provenance import make_provenance
from reports_support import wiltshire_report

Q4 = FinancialQuarter(2022, 4)
YEAR = FinancialYear(2022)


def _stability(questions: tuple[str, ...] = ()) -> Scorecard:
    indicator = Indicator("ltstab", "Long-term stability", Kind.PERCENTAGE,
                          Polarity.HIGHER_IS_BETTER, questions=questions)
    return Scorecard(IndicatorSet(
        [indicator], [ExpectedRange("ltstab", 75, 82, YEAR)],
        [Target("ltstab", 80, TargetDirection.AT_LEAST, YEAR)]), process=None)


def _exception(card: Scorecard, value: float = 73.0) -> list[str]:
    result = card.assess(Readings([Reading("ltstab", Q4, value)]), Q4)
    report = scorecard_report(result, make_provenance())
    (only,) = report.exception_report.exceptions
    return only.questions


def test_a_range_breach_and_a_missed_target_ask_both_families_questions() -> None:
    asked = _exception(_stability())
    expected = [q.replace("{indicator}", "Long-term stability") for q in (
        *DEFAULT_QUESTIONS[RuleFamily.EXPECTED_RANGE], *DEFAULT_QUESTIONS[RuleFamily.TARGET])]
    assert asked == [*expected, MY_CHILD]


def test_an_indicators_own_questions_replace_the_defaults() -> None:
    own = ("Which children moved, and did their social workers change too?",)
    assert _exception(_stability(own)) == list(own)


def test_only_exceptions_carry_questions() -> None:
    report = wiltshire_report()
    lists = report.exception_report
    assert lists.exceptions
    assert all(f.questions for f in lists.exceptions)
    assert not any(f.questions for f in (*lists.successes, *lists.insufficient))
    assert not any(f.questions for i in report.indicators for f in i.findings)


def test_a_withheld_exception_takes_its_questions_with_it() -> None:
    # Higher is better and 3-9 expected: 2 children is worse than expected, an exception
    # in the internal report, and a count of fewer than 6 withheld from a public one.
    indicator = Indicator("visits", "Children visited", Kind.COUNT, Polarity.HIGHER_IS_BETTER)
    card = Scorecard(IndicatorSet([indicator], [ExpectedRange("visits", 3, 9, YEAR)]),
                     process=None)
    result = card.assess(Readings([Reading("visits", Q4, 2)]), Q4)
    report = scorecard_report(result, make_provenance())
    internal = finish(report, "json", profile="internal")
    assert [f.subject for f in internal.exception_report.exceptions] == ["visits"]
    assert internal.exception_report.exceptions[0].questions
    public = finish(report, "json", profile="public")
    assert public.exception_report.exceptions == []
    assert [f.subject for f in public.exception_report.insufficient] == ["visits"]
    assert not public.exception_report.insufficient[0].questions


def test_every_format_shows_the_questions() -> None:
    report = finish(wiltshire_report(), "markdown", profile="internal")
    question = report.exception_report.exceptions[0].questions[0]
    for fmt in ("markdown", "html", "terminal"):
        text = render(report, fmt)
        assert QUESTIONS_LABEL in text, fmt
        assert " ".join(question.split()[:6]) in " ".join(text.split()), fmt
    paper = docx.Document(io.BytesIO(render_binary(report, "docx")))
    paragraphs = [p.text for p in paper.paragraphs]
    assert f"{QUESTIONS_LABEL}:" in paragraphs
    assert question in paragraphs


def test_a_plug_ins_questions_are_read_and_written_back() -> None:
    text = """\
format_version = 1

[authority]
id = "testshire"
name = "Testshire County Council"
domains = ["Stability"]

[[indicators]]
id = "moves"
name = "Three or more placement moves"
kind = "percentage"
polarity = "lower is better"
domain = "Stability"
questions = ["Which children moved, and why?", "What did the children say?"]
"""
    profile = profile_from_toml(text, "testshire.toml")
    (moves,) = profile.indicators
    assert moves.questions == ("Which children moved, and why?", "What did the children say?")
    again = profile_from_toml(profile_to_toml(profile), "again.toml")
    assert next(iter(again.indicators)).questions == moves.questions


_NAMES = st.text(alphabet=st.characters(categories=("L", "Zs")), min_size=1, max_size=30)


@given(name=_NAMES, families=st.lists(st.sampled_from(list(RuleFamily)), max_size=6))
def test_the_defaults_name_the_indicator_and_carry_no_figure(
        name: str, families: list[RuleFamily]) -> None:
    asked = panel_questions(name, families)
    judged = [f for f in families if f in DEFAULT_QUESTIONS]
    assert bool(asked) == bool(judged)
    assert len(asked) == len(set(asked))
    assert not any(ch.isdigit() for q in asked for ch in q)
    if asked:
        assert asked[-1] == MY_CHILD
        assert all("{" not in q for q in asked)
