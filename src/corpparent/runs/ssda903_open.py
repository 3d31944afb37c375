"""Episodes a year's return leaves open that the next year's return does not carry on.

A year's return holds every episode open on some day of its year, an episode still open
at its 31 March written without its end (DEC blank); the next year's return holds it
again, open on its 1 April, and writes its end when it comes. The returns read are
joined on that: the later return's episode is the one kept
(`corpparent.ssda903.history`). So a child whose episode is open at the end of one
year's return and who has no episode in the next year's (an identifier changed between
the two, or the child left out of the later return) keeps an episode with no end, and
is counted as looked after on every day after it: in care for ever, and, where the
identifier changed, twice. The DfE's validator checks the same join the other way
("Last year's record ended with an open episode. The date on which that episode
started does not match the start date of the first episode on this year's record",
its rule 502), and cannot see a child absent from the later return.

[`left_open`][corpparent.runs.ssda903_open.left_open] says how many such children each
pair of years read holds, the years named, never the children, as a warning with
``incomplete``: the figures of every year from the later one on count them.
"""

from __future__ import annotations

import numpy as np

from corpparent.periods import FinancialYear
from corpparent.runs.notes import RunWarning
from corpparent.ssda903.codes import SHORT_BREAKS
from corpparent.ssda903.returns import Returns
from corpparent.wording import counted, noun

__all__ = ["left_open"]


def left_open(returns: Returns, year: FinancialYear) -> list[RunWarning]:
    """A warning for each pair of consecutive years read, up to ``year`` and back to the
    first year not read, whose earlier return leaves open an episode (short breaks
    aside, which no measure counts) of a child the later return holds no episode of."""
    held = returns.unbroken_to(year)
    warnings = []
    for earlier in held:
        later = FinancialYear(earlier.year + 1)
        if later.year > year.year or later not in held:
            continue
        before, after = held[earlier].table("Episodes"), held[later].table("Episodes")
        if before is None or after is None:
            continue
        still_open = np.isnat(before.column("DEC")) & ~np.isin(before.column("LS"),
                                                               sorted(SHORT_BREAKS))
        children = np.unique(before.column("CHILD")[still_open])
        lost = int((~np.isin(children, after.column("CHILD"))).sum())
        if not lost:
            continue
        warnings.append(RunWarning(
            f"{counted(lost, 'child')} with an episode open at the end of the {earlier} "
            f"return {noun(lost, 'has', 'have')} no episode in the {later} return, which "
            "holds every episode open on a day of its year: with no end recorded, "
            f"{noun(lost, 'the child is', 'each is')} counted as looked after on every "
            f"day from then on, in the figures of {later} and after (and, if an "
            "identifier changed between the returns, counted twice)", incomplete=True,
            hint=f"check the {later} return for the children left open by the {earlier} "
                 "one, and their identifiers"))
    return warnings
