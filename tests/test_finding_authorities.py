"""Finding an authority by any current or former name or code, in any case and with any
punctuation; what replaced an abolished one; and what a misspelling was meant to be.

The expected authorities are those of the shipped table (``authorities.csv``, from the
DfE's children-looked-after release), found there by their published names; the former
ones and the reorganisations are those of the ONS Code History Database and the
statutory instruments cited in :mod:`corpparent.dfe.authority_names`.
"""

from __future__ import annotations

import csv
import re
from importlib import resources

import pytest
from hypothesis import given, strategies as st

from corpparent.dfe.areas import Area, Areas, Level, UnknownAreaError, known_areas
from corpparent.dfe.authority_names import (
    FORMER_AUTHORITIES,
    REORGANISATIONS,
    name_key,
    plain_key,
)

ROWS = list(csv.DictReader(
    (resources.files("corpparent.dfe") / "authorities.csv").read_text("utf-8").splitlines()))
CODE = {row["la_name"]: row["old_la_code"] for row in ROWS}

#: What people write, and the authority's name as the DfE publishes it.
WRITTEN = [
    ("Bristol", "Bristol, City of"),
    ("Bristol City Council", "Bristol, City of"),
    ("Hull", "Kingston upon Hull, City of"),
    ("Hull City Council", "Kingston upon Hull, City of"),
    ("St Helens", "St. Helens"),
    ("Saint Helens", "St. Helens"),
    ("Southend", "Southend-on-Sea"),
    ("Southend-on-Sea City Council", "Southend-on-Sea"),
    ("Leeds City Council", "Leeds"),
    ("leeds", "Leeds"),
    ("Durham", "County Durham"),
    ("Durham County Council", "County Durham"),
    ("Bedford Borough", "Bedford"),
    ("Herefordshire", "Herefordshire, County of"),
    ("London Borough of Camden", "Camden"),
    ("Royal Borough of Kingston upon Thames", "Kingston upon Thames"),
    ("Brighton & Hove", "Brighton and Hove"),
    ("Stoke on Trent", "Stoke-on-Trent"),
    ("BCP", "Bournemouth, Christchurch and Poole"),
    ("Northamptonshire", "Northamptonshire"),
    ("Cumbria", "Cumbria"),
    ("wiltshire council", "Wiltshire"),
]


@pytest.mark.parametrize(("written", "published"), WRITTEN)
def test_a_name_as_people_write_it_finds_the_authority(written: str, published: str) -> None:
    assert known_areas()[written].code == CODE[published]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["la_name"])
def test_every_authority_is_found_by_its_name_and_both_its_codes(row: dict[str, str]) -> None:
    areas = known_areas()
    for query in (row["la_name"], row["old_la_code"], row["new_la_code"],
                  row["new_la_code"].lower()):
        assert areas[query].code == row["old_la_code"], query


@pytest.mark.parametrize(("former_code", "name"),
                         [("E10000002", "Buckinghamshire"), ("E10000023", "North Yorkshire"),
                          ("E10000027", "Somerset")])
def test_a_county_council_s_former_ons_code_finds_the_unitary_council(former_code: str,
                                                                      name: str) -> None:
    assert known_areas()[former_code].code == CODE[name]


def _variant(draw: st.DrawFn, name: str) -> str:
    """``name`` with each letter in either case and each gap between its words any run
    of spaces and punctuation; an "&" is a word of the name ("Brighton & Hove" is not
    "Brighton Hove")."""
    words = re.findall(r"[A-Za-z0-9]+|&", name)
    gaps = st.sampled_from([" ", "  ", "-", ", ", ". ", "_", " - ", "/", " ("])
    cased = ["".join(c.upper() if draw(st.booleans()) else c.lower() for c in word)
             for word in words]
    text = cased[0]
    for word in cased[1:]:
        text += draw(gaps) + word
    return text + draw(st.sampled_from(["", ".", " ", ","]))


@st.composite
def _written(draw: st.DrawFn) -> tuple[str, str]:
    written, published = draw(st.sampled_from(
        [(r["la_name"], r["la_name"]) for r in ROWS] + WRITTEN))
    return _variant(draw, written), published


@given(_written())
def test_any_case_and_punctuation_of_a_listed_name_finds_it(case: tuple[str, str]) -> None:
    written, published = case
    assert known_areas()[written].code == CODE[published]


def test_the_keys_ignore_case_punctuation_and_the_kind_of_council() -> None:
    assert name_key("St. Helens") == name_key("ST-HELENS") == "st helens"
    assert plain_key("Leeds City Council") == plain_key("Leeds") == "leeds"
    assert plain_key("Bristol, City of") == "bristol"
    assert plain_key("County Durham") == plain_key("Durham County Council") == "durham"
    assert plain_key("Council") == "council"  # nothing but such words: kept


def _lait_like() -> Areas:
    """The directory a benchmark looks names up in: LAIT's areas, with the three
    authorities abolished in 2019 under LAIT's own names."""
    lait = {"835": "Dorset (Pre LG)", "836": "Poole (Pre LG)", "837": "Bournemouth (Pre LG)"}
    return Areas([*known_areas(),
                  *(Area(code, name, Level.LOCAL_AUTHORITY) for code, name in lait.items())])


@pytest.mark.parametrize(("written", "code"), [("Bournemouth", "837"), ("bournemouth", "837"),
                                               ("Poole", "836"),
                                               ("Dorset County Council", "835"),
                                               ("Dorset", "838"), ("E06000028", "837")])
def test_a_former_name_finds_the_former_authority_where_it_is_listed(written: str,
                                                                   code: str) -> None:
    assert _lait_like()[written].code == code


def test_bournemouth_names_its_successor() -> None:
    areas = _lait_like()
    said = areas.successors(areas["Bournemouth"].code)
    assert "1 April 2019" in said
    assert "Bournemouth, Christchurch and Poole (839)" in said
    assert "SI 2018/648" in said


def test_an_abolished_authority_not_listed_is_never_taken_for_its_successor() -> None:
    for written in ("Bournemouth", "Poole", "Dorset County Council", "E06000029"):
        with pytest.raises(UnknownAreaError) as raised:
            known_areas()[written]
        assert "was replaced on 1 April 2019 by" in str(raised.value)
        assert "(839)" in str(raised.value)


@pytest.mark.parametrize(("former", "successors"),
                         [("Northamptonshire", ("North Northamptonshire",
                                                "West Northamptonshire")),
                          ("Cumbria", ("Cumberland", "Westmorland and Furness"))])
def test_northamptonshire_and_cumbria_name_their_successors(former: str,
                                                            successors: tuple[str, ...]) -> None:
    areas = known_areas()
    said = areas.successors(areas[former].code)
    for name in successors:
        assert f"{name} ({CODE[name]})" in said
    assert "Structural Changes) Order" in said


def test_every_reorganisation_names_authorities_that_are_known() -> None:
    known = set(CODE.values()) | {f.code for f in FORMER_AUTHORITIES}
    for change in REORGANISATIONS:
        assert set(change.replaced) | set(change.by) <= known
        assert re.search(r"\(SI \d{4}/\d+\)$", change.source)
        assert not set(change.by) & {f.code for f in FORMER_AUTHORITIES}


@pytest.mark.parametrize(("misspelt", "meant"),
                         [("Wiltshre", "Wiltshire"), ("Southampten", "Southampton"),
                          ("Noth Yorkshire", "North Yorkshire"),
                          ("Kingston", "Kingston upon Hull, City of"),
                          ("Kingston", "Kingston upon Thames")])
def test_a_misspelling_suggests_the_authority_meant(misspelt: str, meant: str) -> None:
    with pytest.raises(UnknownAreaError) as raised:
        known_areas()[misspelt]
    assert "did you mean" in str(raised.value)
    assert f"{meant} ({CODE[meant]})" in str(raised.value)


def test_a_name_that_fits_two_authorities_names_both() -> None:
    with pytest.raises(UnknownAreaError, match=r"could be any of .*Dorset \(838\).*\(835\)"):
        _lait_like()["Dorset Council"]


def test_nothing_close_says_what_to_give() -> None:
    with pytest.raises(UnknownAreaError, match="an old LA code such as '865'"):
        known_areas()["Atlantis"]
