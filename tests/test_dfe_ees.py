"""An EES time period that cannot be read is the library's period error."""

from __future__ import annotations

import pytest

from corpparent.dfe.ees import ees_period
from corpparent.errors import CorpparentError, PeriodError


@pytest.mark.parametrize(("time_period", "identifier"),
                         [("202426", "Financial year"), ("2025", "Academic year")])
def test_an_unreadable_ees_period_is_a_period_error(time_period: str, identifier: str) -> None:
    """Callers catch it as any corpparent error, or as the ``ValueError`` it was."""
    with pytest.raises(PeriodError, match=f"cannot read time_period '{time_period}'") as raised:
        ees_period(time_period, identifier)
    assert isinstance(raised.value, CorpparentError)
    assert isinstance(raised.value, ValueError)
