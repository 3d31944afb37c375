"""Every registered kind of file reports a bad field the same way.

For each kind in the registry, a small file with one bad field: the kind must recognise
it, and its check must name the file, the line, the field as written and what was
expected. The cases are looked up by the registry's names, so a kind registered without
a case here fails.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from attrs import frozen

from corpparent.errors import DataError, UnknownNameError
from corpparent.files.kinds import Against
from corpparent.kinds import KINDS, detect, kind_named

MAPPING = Path(__file__).parent.parent / "src/corpparent/dfe/mappings"
EES_HEADER = ("time_period,time_identifier,geographic_level,country_code,country_name,"
              "region_code,region_name,old_la_code,la_name,new_la_code")
EES_ROW = "Local authority,E92000001,England,E12000009,South West,865,Wiltshire,E06000054"
LAIT_DICTIONARY = ("Measure_code,Measure_short,Measure,Topic,Polarity,dps,No_Quartile,"
                   "Year_Type,Table_status")
OFSTED = ("Local authority area code,Local authority name,Ofsted region,Inspection date,"
          "Publication date,Overall effectiveness,The impact of leaders on social work "
          "practice with children and families,The experiences and progress of children "
          "who need help and protection,The experiences and progress of children in care,"
          "The experiences and progress of care leavers")
NEIGHBOURS = ",".join(["old_la_code", "la_name", "region_name",
                       *(f"SN_{i}" for i in range(1, 11)), *(f"SN_{i}P" for i in range(1, 11))])


def _text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8")


def _mapping(path: Path) -> None:
    text = (MAPPING / "la_cla_placement_stability.toml").read_text(encoding="utf-8")
    path.write_text(text.replace('column = "children_percent"', "column = 7", 1),
                    encoding="utf-8")


def _mapping_line() -> int:
    text = (MAPPING / "la_cla_placement_stability.toml").read_text(encoding="utf-8")
    return next(number for number, line in enumerate(text.splitlines(), start=1)
                if line == 'column = "children_percent"')


def _lait(path: Path) -> None:
    pq.write_table(pa.table({
        "Short Desc": ["LACStable_2016on"] * 2, "Data item": [None] * 2,
        "Years": ["2025"] * 2, "LA and Regions": ["Wiltshire"] * 2,
        "Values": ["68", "68"], "LA Number": [865.0, -3.0], "Region": ["South West"] * 2,
    }), path)


@frozen
class Case:
    """A file of one kind with one bad field, and how its problem must read."""

    name: str
    write: Callable[[Path], None]
    line: int
    field: str
    expected: str


CASES: dict[str, Case] = {
    "report": Case("report.json", _text(
        '{\n  "schema_version": "4",\n  "kind": "findings",\n  "title": "Meetings",\n'
        '  "profile": "everyone",\n  "suppression": {"applied": false, "threshold": 10},\n'
        '  "provenance": {"corpparent_version": "0.2.0", "python_version": "3.11"},\n'
        '  "findings": []\n}\n'), 5, "profile", "one of 'public'"),
    "authority-plugin": Case("testshire.toml", _text(
        'format_version = 1\n\n[authority]\nid = "testshire"\nname = "Testshire"\n'
        'dfe_code = "86"\n'), 6, "authority.dfe_code", "text matching pattern"),
    "dfe-mapping": Case("la_cla_placement_stability.toml", _mapping, _mapping_line(),
                        "indicators[0].column", "a valid string"),
    "obligations": Case("obligations.toml", _text(
        '[[obligations]]\nid = "minutes"\ndocument = "minutes"\nrecipient = "Chair"\n'
        'trigger = { kind = "after_each_meeting" }\ndeadline = { within_days = "soon" }\n'),
        6, "obligations[0].deadline.within_days", "a valid integer"),
    "membership": Case("membership.json", _text(
        '{"members": [\n  {"name": "Ann", "class": "core councillor"},\n'
        '  {"name": "Bob", "class": "councillor"}\n]}\n'),
        3, "members[1].class", "one of 'core councillor'"),
    "comparator-set": Case("comparator_set.json", _text(
        '{"authority": {"name": "Wiltshire"},\n "comparators": [\n'
        '  {"name": "England", "kind": "England"},\n'
        '  {"name": "Elsewhere", "kind": 3}\n ]}\n'),
        4, "comparators[1].kind", "one of"),
    "submissions": Case("log.csv", _text(
        "document,recipient,date\nminutes,Chair,2023-01-12\nminutes,Chair,Dec 5\n"),
        3, "date", "a date such as"),
    "meetings": Case("meetings.csv", _text(
        "date,member,attendance\n2022-09-27,Ann,present\n2022-09-27,Bob,maybe\n"),
        3, "attendance", "one of 'present'"),
    "comparators": Case("comparators.csv", _text(
        "comparator,indicator,period,value,unit\nEngland,moves,2020-21,9,%\n"
        "England,moves,2021-22,nine,%\n"), 3, "value", "a number or an official symbol"),
    "readings": Case("readings.csv", _text(
        "indicator,period,value\ncla,2022-23 Q3,450\ncla,2022-23 Q4,abc\n"),
        3, "value", "a number or an official symbol"),
    "dfe-ees": Case("ees.csv", _text(
        f"{EES_HEADER}\n2025,Reporting year,{EES_ROW}\n2025,Reporting year,Planet,"
        "E92000001,England,E12000009,South West,865,Wiltshire,E06000054\n"),
        3, "geographic_level", "one of"),
    "dfe-lait": Case("lait.parquet", _lait, 2, "LA Number",
                     "a whole number from 1"),
    "dfe-lait-dictionary": Case("dictionary.csv", _text(
        f"{LAIT_DICTIONARY}\n4,InfMort,Infant Mortality,Health,Low,1,,Calendar,None\n"
        "5,Moves,Moves,Children,Sideways,1,,Financial,None\n"), 3, "Polarity", "one of"),
    "dfe-neighbours": Case("sn_model.csv", _text(
        f"{NEIGHBOURS}\n865,Wiltshire,South West,"
        + ",".join(["850", "830", "831", "835", "836", "837", "838", "839", "840", "841"])
        + ",Near" + ",Close" * 9 + "\n"), 2, "SN_1P", "one of"),
    "ofsted": Case("ofsted.csv", _text(
        f"{OFSTED}\nE06000054,Wiltshire,South West,2023-09-25,2023-11-10,Fine,Outstanding,"
        "Outstanding,Outstanding,Outstanding\n"), 2, "Overall effectiveness", "one of"),
}


@pytest.mark.parametrize("name", [kind.name for kind in KINDS])
def test_a_bad_field_names_file_line_field_and_expectation(tmp_path: Path, name: str) -> None:
    case = CASES.get(name)
    assert case is not None, f"the file kind {name!r} has no bad-field case here"
    path = tmp_path / case.name
    case.write(path)
    kind = kind_named(name)
    assert detect(path) is kind
    with pytest.raises(DataError) as caught:
        kind.check(path, Against())
    [problem] = caught.value.problems  # the one bad field, and nothing else
    assert str(problem).startswith(f"{path}, line {case.line}, field '{case.field}': ")
    assert f"expected {case.expected}" in str(problem)


def test_every_case_is_of_a_registered_kind() -> None:
    assert set(CASES) <= {kind.name for kind in KINDS}


@pytest.mark.parametrize(("kind", "found"), [('"summary"', "'summary'"), ("null", "nothing")])
def test_a_report_of_no_known_kind_is_a_problem_of_its_kind(tmp_path: Path, kind: str,
                                                            found: str) -> None:
    path = tmp_path / "report.json"
    path.write_text(f'{{\n  "schema_version": "4",\n  "kind": {kind}\n}}\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        kind_named("report").check(path, Against())
    [problem] = caught.value.problems
    assert (problem.line, problem.field, problem.expected, problem.found) == (
        3, "kind", "'scorecard' or 'findings' or 'benchmark'", found)


@pytest.mark.parametrize(("document", "found"), [("[1, 2]", "a list"), ('"x"', "'x'")])
def test_a_report_that_is_no_object_says_what_it_is_on_its_line(
    tmp_path: Path, document: str, found: str
) -> None:
    path = tmp_path / "report.json"
    path.write_text(f"\n\n{document}\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        kind_named("report").check(path, Against())
    [problem] = caught.value.problems
    assert (problem.line, problem.field, problem.expected, problem.found) == (
        3, None, "an object with a 'kind' of 'scorecard' or 'findings' or 'benchmark'", found)


def test_an_unknown_key_of_a_report_is_answered_with_its_kinds_keys(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text('{\n  "kind": "findings",\n  "colour": "red"\n}\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        kind_named("report").check(path, Against())
    unknown = next(p for p in caught.value.problems if p.field == "colour")
    assert (unknown.line, unknown.note) == (3, "unknown key")
    assert unknown.expected is not None
    assert "findings" in unknown.expected
    assert "indicators" not in unknown.expected  # a key of scorecard reports only
    assert {p.field for p in caught.value.problems} >= {"title", "provenance"}


def test_an_unknown_kind_is_named_with_the_kinds_there_are() -> None:
    with pytest.raises(UnknownNameError, match="no kind of file 'plugin'; the kinds are report, "):
        kind_named("plugin")
