"""The one wording of counts and of two dates' order (corpparent.wording)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, strategies as st

from corpparent.governance import MemberClass
from corpparent.wording import counted, day_relation, listed, noun


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert counted(1, "seat") == "1 seat"
    assert counted(0, "seat") == "0 seats"
    assert counted(2, "associate member") == "2 associate members"
    assert counted(1, "associate member") == "1 associate member"
    assert counted(3, "entry") == "3 entries"
    assert counted(2, "authority") == "2 authorities"
    assert counted(2, "day") == "2 days"
    assert counted(2, "child") == "2 children"
    assert counted(1, "day's", "days'") == "1 day's"
    assert counted(7, "day's", "days'") == "7 days'"


def test_classes_of_member_agree_with_their_count() -> None:
    assert MemberClass.CORE_COUNCILLOR.counted(1) == "1 councillor"
    assert MemberClass.CORE_COUNCILLOR.counted(6) == "6 councillors"
    assert MemberClass.ASSOCIATE.counted(1) == "1 associate member"


@given(st.integers(-1000, 1000), st.sampled_from(["seat", "meeting", "councillor"]))
def test_the_noun_is_singular_exactly_for_one(count: int, word: str) -> None:
    assert (noun(count, word) == word) == (abs(count) == 1)
    assert counted(count, word).startswith(f"{count} ")


def test_lists_read_as_prose() -> None:
    assert listed([]) == "none"
    assert listed(["a"]) == "a"
    assert listed(["a", "b"]) == "a and b"
    assert listed(["a", "b", "c"], "or") == "a, b or c"


def test_the_same_day_is_never_before_or_after() -> None:
    # Wiltshire 2022-23: reviewed by Children's Select on 26 June 2023 (002, Executive
    # Summary); had Full Council had it the same day, that is "the same day as".
    day = date(2023, 6, 26)
    assert day_relation(day, day, "Children's Select") == "the same day as Children's Select"
    assert day_relation(day, day + timedelta(days=1), "X") == "1 day before X (on 27 June 2023)"
    assert day_relation(day, day - timedelta(days=3), "X") == "3 days after X (on 23 June 2023)"
