"""Declarative plug-in files: validation with line and key path, the JSON Schema, and
the round trip from a profile to TOML text and back."""

from __future__ import annotations

import json
import math
import string
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from corpparent.comparators.series import Authority as NamedAuthority, Comparator, ComparatorKind
from corpparent.comparators.sets import ComparatorSet
from corpparent.errors import DataError, DefinitionError, PluginError, PluginFileError
from corpparent.files import (
    load_plugin_file,
    plugin_schema,
    profile_from_toml,
    profile_to_toml,
    validate_plugin_file,
)
from corpparent.files._tabular import toml_writer as tomlwriter
from corpparent.files._tabular.toml_lines import key_lines
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.sets import IndicatorSet
from corpparent.periods import CalendarYear, FinancialQuarter, FinancialYear, Month, MunicipalYear
from corpparent.plugins import load_profile
from corpparent.profile import AuthorityProfile, Document, Priority
from corpparent.ranges import ExpectedRange, Target, TargetDirection

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_COPY = (ROOT / "src" / "corpparent" / "files" / "plugin" / "schema"
               / "authority-plugin.schema.json")

VALID = """\
format_version = 1

[authority]
id = "testshire"
name = "Testshire County Council"
domains = ["Stability"]

[[priorities]]
id = "stable-homes"
title = "Stable homes"

[[indicators]]
id = "moves"
name = "Three or more placement moves"
kind = "percentage"
polarity = "lower is better"
domain = "Stability"
priorities = ["stable-homes"]

[[ranges]]
indicator = "moves"
period = "2022-23"
lower = 7
upper = 10
"""


def _problems(text: str) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(PluginFileError) as caught:
        profile_from_toml(text, "testshire.toml")
    return [(p.line, p.field, p.message) for p in caught.value.problems]


def test_a_valid_file_gives_its_profile() -> None:
    profile = profile_from_toml(VALID)
    assert profile.id == "testshire"
    indicator = profile.indicators["moves"]
    assert (indicator.kind, indicator.polarity, indicator.unit) == (
        Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER, "percent")
    expected = profile.indicators.range_for("moves", FinancialQuarter(2022, 4))
    assert expected is not None
    assert (expected.lower, expected.upper) == (7, 10)


def test_every_schema_problem_names_its_line_and_key_path() -> None:
    text = VALID.replace('kind = "percentage"', 'kind = "percent"').replace(
        'name = "Testshire County Council"', 'name = "Testshire County Council"\nmayor = "x"'
    ).replace("upper = 10", 'upper = "ten"')
    problems = _problems(text)
    assert [(row, field) for row, field, _ in problems] == [
        (6, "authority.mayor"),
        (16, "indicators[0].kind"),
        (25, "ranges[0].upper"),
    ]
    assert "unknown key; expected one of id, name, gss_code" in problems[0][2]
    assert "'snapshot', 'count', 'rate', 'percentage' or 'score', found 'percent'" in (
        problems[1][2])


def test_a_missing_key_is_reported_at_its_table() -> None:
    text = VALID.replace('polarity = "lower is better"\n', "")
    assert _problems(text) == [(12, "indicators[0].polarity",
                                "expected a value, found nothing")]


def test_meaning_problems_are_all_reported_with_lines() -> None:
    text = VALID + """
[[ranges]]
indicator = "movez"
period = "Q4 2023"
lower = 1
upper = 2

[[targets]]
indicator = "moves"
period = "2022-23"
value = 5
direction = "at most"

[[indicators]]
id = "moves"
name = "Again"
kind = "count"
polarity = "neutral"
domain = "Elsewhere"
unit = "percent"
"""
    problems = _problems(text)
    fields = [(row, field) for row, field, _ in problems]
    assert (39, "indicators[1].id") in fields
    assert (43, "indicators[1].domain") in fields
    assert (44, "indicators[1].unit") in fields  # a count cannot be in percent
    assert (27, "ranges[1].indicator") in fields
    assert (28, "ranges[1].period") in fields
    assert len(problems) == 5
    messages = " | ".join(message for _, _, message in problems)
    assert "'moves' is defined twice (first as indicators[0], line 12)" in messages
    assert "indicator 'movez' is not defined in [[indicators]]; defined: moves" in messages
    assert "'Q4 2023' could mean" in messages


@pytest.mark.parametrize(("kind", "unit", "label", "like"), [
    ("snapshot", "percent", "%", "children"),   # 4 children would show as "4%"
    ("snapshot", "fraction", "fraction", "children"),
    ("count", "%", "%", "children"),
    ("rate", "percent", "%", "per 10,000 children"),
    ("rate", "children", "children", "per 10,000 children"),
])
def test_a_unit_its_kind_cannot_have_is_refused_at_its_unit_field(
        kind: str, unit: str, label: str, like: str) -> None:
    text = VALID + f"""
[[indicators]]
id = "cla"
name = "Children in care"
kind = "{kind}"
unit = "{unit}"
polarity = "neutral"
"""
    assert _problems(text) == [(30, "indicators[1].unit", f"indicator 'cla': a {kind} "
                                f"indicator cannot be measured in {label}; use a unit like "
                                f"{like}")]


@pytest.mark.parametrize(("kind", "unit"), [
    ("snapshot", "children"), ("snapshot", "days"), ("snapshot", "points"),
    ("count", "young people"), ("rate", "per 100,000"), ("rate", "fraction"),
    ("percentage", "%"), ("percentage", "fraction"), ("score", "points"),
])
def test_a_unit_its_kind_can_have_is_accepted(kind: str, unit: str) -> None:
    indicator = Indicator("cla", "Children in care", Kind(kind), Polarity.NEUTRAL, unit=unit)
    assert indicator.kind is Kind(kind)


def test_an_indicator_defined_in_python_is_refused_a_unit_its_kind_cannot_have() -> None:
    with pytest.raises(DefinitionError, match=r"indicator 'cla': a snapshot indicator "
                       r"cannot be measured in %; use a unit like children"):
        Indicator("cla", "Children in care", Kind.SNAPSHOT, Polarity.NEUTRAL, unit="percent")


def test_overlapping_ranges_and_neutral_targets_are_refused() -> None:
    text = VALID.replace('polarity = "lower is better"', 'polarity = "neutral"') + """
[[targets]]
indicator = "moves"
period = "2022-23"
value = 5
"""
    assert _problems(text) == [(26, "targets[0].direction", "indicator 'moves' is neutral, so a "
                                "target needs a direction: 'at least' or 'at most'")]
    overlapping = VALID + '\n[[ranges]]\nindicator = "moves"\nperiod = "2022-23 Q2"\n' \
                          "lower = 1\nupper = 2\n"
    assert _problems(overlapping) == [(26, "ranges[1]", "indicator 'moves' has two expected "
                                       "ranges that overlap: 2022-23 (ranges[0], line 20) "
                                       "and 2022-23 Q2 (ranges[1])")]


COUNT_RANGES = VALID.replace('kind = "percentage"', 'kind = "count"') + """
[[indicators]]
id = "other"
name = "Another"
kind = "count"
polarity = "lower is better"

[[ranges]]
indicator = "other"
period = "2022-23"
lower = 1
upper = 2

[[ranges]]
indicator = "moves"
period = "2022-23"
lower = 90
upper = 110
per = "year"
"""


def test_overlapping_ranges_name_both_entries_not_a_neighbour() -> None:
    # moves's range (ranges[0], line 20, left to be inferred) and its year total's
    # (ranges[2], line 39); the range of 'other' between them is no part of it.
    text = COUNT_RANGES.replace("upper = 10\n", 'upper = 10\nper = "quarter"\n', 1)
    assert _problems(text) == [(39, "ranges[2]", "indicator 'moves' has two expected ranges "
                                "that overlap: 2022-23 (ranges[0], line 20) and 2022-23 "
                                "(ranges[2]); a period is judged by one expected range, so "
                                "give the other length of period (a year's total, say) a "
                                "target with its own 'per'")]


def test_overlapping_ranges_in_a_year_entry_name_their_places_in_it() -> None:
    text = VALID.replace('domains = ["Stability"]', 'domains = ["Stability"]\n'
                         'rules_year = "2022-23"') + """
[[years]]
year = "2023-24"
ranges = [{indicator = "moves", period = "2023-24", lower = 6, upper = 8, per = "quarter"},
          {indicator = "moves", period = "2023-24", lower = 30, upper = 34, per = "year"}]
"""
    ((row, field, message),) = _problems(text)
    assert (row, field) == (30, "years[0].ranges[1]")
    assert message.startswith("indicator 'moves' has two expected ranges that overlap: "
                              "2023-24 (years[0].ranges[0], line 29) and 2023-24 "
                              "(years[0].ranges[1]); a period is judged by one")


COMPARATORS = """
[comparators]
authority = {name = "Testshire", code = "999"}
statistical_neighbours = [{name = "Otherdale"}]

[[comparators.comparators]]
name = "England"
kind = "England"
values = [
    {indicator = "moves", period = "2020-21", value = 9},
    {indicator = "movez", period = "2020-21", value = 9},
]
"""


def test_comparators_are_declared_in_the_comparators_own_format() -> None:
    profile = profile_from_toml(VALID + COMPARATORS.replace(
        '    {indicator = "movez", period = "2020-21", value = 9},\n', ""))
    assert profile.comparators is not None
    assert profile.comparators.authority.code == "999"
    england = profile.comparators.get("England")
    assert england.value("moves", FinancialYear(2020)) == 9


def test_comparator_problems_name_their_lines() -> None:
    assert _problems(VALID + COMPARATORS) == [
        (35, "comparators.comparators[0].values[1].indicator",
         "indicator 'movez' is not defined in [[indicators]]"),
    ]
    problems = _problems(VALID + COMPARATORS.replace('kind = "England"', 'kind = "county"'))
    assert [(row, field) for row, field, _ in problems] == [
        (32, "comparators.comparators[0].kind")]
    assert "expected a comparator kind ('England', 'region'" in problems[0][2]


def test_invalid_toml_names_the_line() -> None:
    ((row, field, message),) = _problems(VALID.replace("lower = 7", "lower = = 7"))
    assert (row, field) == (23, None)
    assert message.startswith("not valid TOML")


def test_the_error_is_a_plugin_error_and_a_data_error() -> None:
    with pytest.raises(PluginError) as caught:
        profile_from_toml(VALID.replace("format_version = 1", "format_version = 2"), "t.toml")
    assert isinstance(caught.value, DataError)
    assert str(caught.value) == "t.toml, line 1, field 'format_version': expected 1, found 2"


def test_validate_plugin_file_returns_problems(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(VALID, encoding="utf-8")
    assert validate_plugin_file(good) == ()
    bad = tmp_path / "bad.toml"
    bad.write_text(VALID.replace("lower = 7", "lower = 70"), encoding="utf-8")
    (problem,) = validate_plugin_file(bad)
    assert (problem.source, problem.line, problem.field) == (str(bad), 20, "ranges[0]")
    assert "'lower' must be <= 'upper': 70 > 10" in problem.message
    (missing,) = validate_plugin_file(tmp_path / "absent.toml")
    assert missing.message == "file not found"
    with pytest.raises(PluginFileError, match="file not found"):
        load_plugin_file(tmp_path / "absent.toml")


def test_key_lines_follow_arrays_of_tables_and_multiline_values() -> None:
    text = '[a]\nx = 1\n[[b]]\ny = [\n  "[[c]]",\n  "z = 2",\n]\n[[b]]\n"quoted key" = """\n' \
           'w = 3\n"""\nv = 4\n'
    assert key_lines(text) == {
        ("a",): 1, ("a", "x"): 2, ("b",): 3, ("b", 0): 3, ("b", 0, "y"): 4,
        ("b", 0, "y", 0): 5, ("b", 0, "y", 1): 6, ("b", 1): 8, ("b", 1, "quoted key"): 9,
        ("b", 1, "v"): 12,
    }


def test_the_published_schema_matches_the_checked_in_copy() -> None:
    schema = plugin_schema()
    assert json.loads(SCHEMA_COPY.read_text(encoding="utf-8")) == schema
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["format_version", "authority"]


@pytest.mark.parametrize("authority", ["national", "staffordshire", "wiltshire"])
def test_built_in_profiles_round_trip(authority: str) -> None:
    profile = load_profile(authority, environ={})
    again = profile_from_toml(profile_to_toml(profile))
    assert again == profile
    # Sources are not part of equality for ranges and targets; check them too.
    assert [r.source for r in again.indicators.ranges] == [
        r.source for r in profile.indicators.ranges]
    assert [t.source for t in again.indicators.targets] == [
        t.source for t in profile.indicators.targets]


# --- the round trip as a property ------------------------------------------------------

_ids = st.from_regex(r"[a-z][a-z0-9_\-]{0,12}", fullmatch=True)
_text = st.text(max_size=30)
_name = st.text(min_size=1, max_size=30).filter(str.strip)
_stripped = st.text(max_size=20).map(str.strip)
_stripped_name = _name.map(str.strip)
_numbers = st.floats(allow_nan=False, allow_infinity=False, width=64)
_periods = st.one_of(
    st.builds(FinancialYear, st.integers(1990, 2090)),
    st.builds(FinancialQuarter, st.integers(1990, 2090), st.integers(1, 4)),
    st.builds(Month, st.integers(1990, 2090), st.integers(1, 12)),
    st.builds(MunicipalYear, st.integers(1990, 2090)),
    st.builds(CalendarYear, st.integers(1990, 2090)),
)


def _code_or_identity(authority: NamedAuthority) -> object:
    return id(authority) if authority.code is None else authority.code


@st.composite
def profiles(draw: st.DrawFn) -> AuthorityProfile:
    priorities = draw(st.lists(st.builds(
        Priority, id=_ids, title=_name, leads=st.lists(_text, max_size=3).map(tuple),
        officers=st.lists(_text, max_size=2).map(tuple), strategy=_text, source=_text,
    ), max_size=3, unique_by=lambda p: p.id))
    indicator_ids = draw(st.lists(_ids, max_size=4, unique=True))
    indicators, ranges, targets = [], [], []
    for indicator_id in indicator_ids:
        kind = draw(st.sampled_from(Kind))
        polarity = draw(st.sampled_from([Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER]))
        unit = {Kind.RATE: st.sampled_from(["per_10k_children", "per_100k_children"])}.get(kind)
        extra = {"unit": draw(unit)} if unit is not None else {}
        linked = draw(st.lists(st.sampled_from([p.id for p in priorities]), unique=True,
                               max_size=2)) if priorities else []
        indicators.append(Indicator(indicator_id, draw(_name), kind, polarity,
                                    domain=draw(_text), priorities=tuple(linked),
                                    description=draw(_text), source=draw(_text), **extra))
        if draw(st.booleans()):
            low, high = sorted((draw(_numbers), draw(_numbers)))
            ranges.append(ExpectedRange(indicator_id, low, high, draw(_periods),
                                        source=draw(_text)))
        if draw(st.booleans()):
            targets.append(Target(indicator_id, draw(_numbers),
                                  draw(st.sampled_from(TargetDirection)), draw(_periods),
                                  ambition=draw(st.booleans()), source=draw(_text)))
    # The comparators' declaration reader strips the whitespace around names, codes,
    # regions and sources, so the strategy draws them stripped.
    kinds = st.sampled_from(list(ComparatorKind))
    values = st.one_of(_numbers, st.sampled_from(["c", "x", "z", "low"]))
    series = [
        Comparator(name, draw(kinds), {
            (indicator_id, draw(_periods)): draw(values)
            for indicator_id in draw(st.lists(st.sampled_from(indicator_ids), unique=True))
        } if indicator_ids else {}, source=draw(_stripped), code=draw(st.none() | _stripped))
        for name in draw(st.lists(_stripped_name, max_size=3, unique=True))
    ]
    authorities = st.builds(NamedAuthority, _stripped_name, st.none() | _stripped,
                            st.none() | _stripped)
    own = draw(authorities)
    neighbours = draw(st.lists(authorities, max_size=3,
                               unique_by=(lambda a: a.name, _code_or_identity)))
    comparators = draw(st.none() | st.just(ComparatorSet(
        own, series, [n for n in neighbours if n.name != own.name], neighbours[:1])))
    name = draw(_name)
    return AuthorityProfile(
        id=draw(_ids), name=name, comparators=comparators,
        indicators=IndicatorSet(indicators, ranges, targets),
        gss_code=draw(st.one_of(st.just(""), st.from_regex(r"E\d{8}", fullmatch=True))),
        dfe_code=draw(st.one_of(st.just(""), st.from_regex(r"\d{3}", fullmatch=True))),
        region=draw(_text), priorities=priorities,
        documents=draw(st.lists(st.builds(Document, id=_name, title=_name, date=_text,
                                          url=_text), max_size=2, unique_by=lambda d: d.id)),
        description=draw(_text), source=draw(_text),
    )


@settings(max_examples=150)
@given(profiles())
def test_any_profile_round_trips_through_toml(profile: AuthorityProfile) -> None:
    assert profile_from_toml(profile_to_toml(profile)) == profile


@given(st.dictionaries(st.text(max_size=8), st.one_of(
    st.text(), st.booleans(), st.integers(-(2**63), 2**63 - 1), _numbers,
    st.lists(st.text(max_size=5), max_size=4))))
def test_the_writer_writes_toml_that_reads_back_equal(table: dict[str, tomlwriter.Value]) -> None:
    text = tomlwriter.dumps({}, [("t", table)])
    assert tomllib.loads(text)["t"] == table


def test_writer_refuses_what_toml_cannot_hold() -> None:
    with pytest.raises(DefinitionError) as caught:
        tomlwriter.value(math.nan)
    assert str(caught.value) == ("cannot write a value to a plug-in file: expected a finite "
                                 "number, found nan")
    assert tomlwriter.key("a b") == '"a b"'
    assert tomlwriter.key(string.ascii_letters) == string.ascii_letters


@pytest.mark.parametrize(("section", "accepted"), [
    ('[authority]\nid = "x"\nname = "X"\nmayor = "y"\n',
     "id, name, gss_code, dfe_code, region, domains, description, source, rules_year"),
    ('[authority]\nid = "x"\nname = "X"\n[membership]\nmembers = [{name = "A", '
     'class = "core councillor", ward = "North"}]\n',
     "name, class, role, group, joined, left, office, credentials, voting, reserve_for"),
    ('[authority]\nid = "x"\nname = "X"\n[constitution]\npanel = "P"\n'
     "[constitution.quorum]\nparts = [{minimum = 3}]\nquorate = true\n",
     "combine, parts, label, consequence, source"),
])
def test_an_unknown_key_lists_the_keys_of_its_own_table(section: str, accepted: str) -> None:
    ((_row, _field, message),) = _problems("format_version = 1\n" + section)
    assert message == f"unknown key; expected one of {accepted}"


@pytest.mark.parametrize("period", [FinancialYear(2011), Month(2011, 12), Month(2009, 10),
                                    FinancialYear(2009), MunicipalYear(2011)])
def test_periods_whose_short_form_is_ambiguous_round_trip(period: object) -> None:
    """'2011-12' could be December 2011 or the financial year 2011-12, and is refused
    when read, so the writer spells such periods out ('FY 2011-12', 'December 2011')."""
    moves = Indicator("moves", "Moves", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER)
    profile = AuthorityProfile("testshire", "Testshire", IndicatorSet(
        [moves], [ExpectedRange("moves", 7, 10, period)]))  # type: ignore[arg-type]
    assert profile_from_toml(profile_to_toml(profile)) == profile

