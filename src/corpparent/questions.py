"""The questions the panel may ask about an exception.

A panel holds the council to account by asking officers to explain a result that is
worse than expected. The Local Government Association's *Corporate Parenting Resource
Pack* asks every corporate parent, "when you're hearing feedback from or reports about
children in your care, consider the question: 'What if this were my child?'"
("Corporate Parenting: an introduction"); its "Key lines of enquiry for all councillors"
ask them to "find out how this information compares to that of other authorities in your
statistical group, and to the national picture, and look at direction of travel to help
spot trends and areas of concern" (1), and warn that "statistics alone cannot be taken on
face value" (6). A committee paper helps the panel by setting beside each exception the
questions its finding raises: why the figure is where it is, how it compares, what is
being done, and when the panel will see the effect.

[`DEFAULT_QUESTIONS`][corpparent.questions.DEFAULT_QUESTIONS] gives them by the kind of rule the
exception broke (an expected range, a target, a special cause concern); an indicator may carry its
own ([`corpparent.Indicator.questions`][corpparent.indicators.definitions.Indicator.questions],
``questions = [...]`` in a plug-in's ``[[indicators]]``), which replace the defaults for it. The
questions name the indicator and carry no figure, so disclosure control has nothing to withhold in
them; an exception withheld by disclosure control takes its questions with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Final

from corpparent.families import RuleFamily

__all__ = ["DEFAULT_QUESTIONS", "MY_CHILD", "panel_questions"]

#: The question the LGA's resource pack asks every corporate parent to consider.
MY_CHILD: Final = "What if this were my child?"

#: The questions an exception raises, by the family of the rule it broke; ``{indicator}``
#: is the indicator's name, set in quotation marks since a name is not always a noun phrase.
DEFAULT_QUESTIONS: Final[Mapping[RuleFamily, tuple[str, ...]]] = MappingProxyType({
    RuleFamily.EXPECTED_RANGE: (
        "What lies behind “{indicator}” being outside its expected range: a change in the "
        "children, in practice, or in how the figure is recorded?",
        "How does it compare with our statistical neighbours and England, and which way "
        "has it been moving?",
        "What is being done about it, by whom, and when will the panel see the effect?",
    ),
    RuleFamily.TARGET: (
        "Is the gap to the target for “{indicator}” closing or widening, and what would it "
        "take to close it?",
        "Is the target still the right one for the children it counts?",
    ),
    RuleFamily.VARIATION: (
        "What changed when “{indicator}” began to move away from its usual variation, and "
        "has the cause been looked into?",
        "Is the change in the children's experience, or in how the figure is counted?",
    ),
})


def panel_questions(indicator: str, families: Iterable[RuleFamily],
                    own: Sequence[str] = ()) -> tuple[str, ...]:
    """The questions for an exception of the indicator named ``indicator`` whose findings
    broke rules of ``families``: the indicator's ``own`` where it has them; else the
    defaults of each family in turn, each once, and [`MY_CHILD`][corpparent.questions.MY_CHILD]
    last."""
    if own:
        return tuple(own)
    asked: list[str] = []
    for family in families:
        for question in DEFAULT_QUESTIONS.get(family, ()):
            text = question.replace("{indicator}", indicator)
            if text not in asked:
                asked.append(text)
    return (*asked, MY_CHILD) if asked else ()
