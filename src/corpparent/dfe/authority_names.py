"""What English children's services authorities are or were called, and what replaced what.

People write an authority as its council calls itself ("Leeds City Council", "Hull"),
as the ONS names it ("Kingston upon Hull, City of"), as LAIT does ("Bedford Borough"),
or by a name it had before a reorganisation ("Bournemouth"). This module holds what a
directory of areas ([`corpparent.dfe.areas.Areas`][corpparent.dfe.areas.Areas]) needs to find any of
them:

- `name_key` and `plain_key`: the forms two names are compared in, without
  case, punctuation or the words that say what kind of council it is;
- `OTHER_NAMES` and `FORMER_CODES`: other names and former ONS codes of
  authorities, each with its source;
- `FORMER_AUTHORITIES` and `REORGANISATIONS`: authorities abolished since
  2019 and what replaced them, each with the statutory instrument that did it.

Codes are the DfE's three-digit "old" LA codes (the key `corpparent.dfe.areas`
uses), and ONS codes as in the ONS Code History Database.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from types import MappingProxyType
from typing import Final, final

from attrs import frozen

__all__ = [
    "FORMER_AUTHORITIES",
    "FORMER_CODES",
    "OTHER_NAMES",
    "REORGANISATIONS",
    "FormerAuthority",
    "OtherName",
    "Reorganisation",
    "name_key",
    "plain_key",
    "reorganisation_of",
]

_APOSTROPHES: Final = re.compile(r"['’`]")
_PUNCTUATION: Final = re.compile(r"[^0-9a-z]+")

#: Words at the start of a council's name that say what kind of council it is.
_LEADING: Final = ("the ", "london borough of ", "royal borough of ", "city and county of ",
                   "city of ", "county of ", "borough of ", "county ")
#: Words at the end: "Leeds City Council", "Bristol, City of", LAIT's "(Pre LG)".
_TRAILING: Final = (" metropolitan borough council", " metropolitan district council",
                    " city council", " county council", " borough council",
                    " district council", " unitary authority", " council", " city of",
                    " county of", " pre lg", " borough", " corporation")


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """``text`` as names are compared: any case, "&" as "and", "Saint" as "St",
    apostrophes dropped and every other run of punctuation or spaces one space
    ("St. Helens", "st helens" and "ST-HELENS" all read ``st helens``). Kept for the
    texts last asked about: a benchmark looks the same few hundred names up thousands
    of times, building a directory of areas and placing each inspection in it."""
    folded = _APOSTROPHES.sub("", text.casefold().replace("&", " and "))
    words = _PUNCTUATION.sub(" ", folded).split()
    return " ".join("st" if word == "saint" else word for word in words)


@lru_cache(maxsize=8192)
def plain_key(text: str) -> str:
    """`name_key` without the words that say what kind of council it is
    ("Leeds City Council" and "Leeds" both read ``leeds``; "Bristol, City of" reads
    ``bristol``). Empty when nothing but such words is left."""
    key = f" {name_key(text)} "
    changed = True
    while changed:
        changed = False
        for lead in _LEADING:
            if key.startswith(f" {lead}") and len(key) > len(lead) + 2:
                key, changed = " " + key[len(lead) + 1:], True
        for trail in _TRAILING:
            if key.endswith(f"{trail} ") and len(key) > len(trail) + 2:
                key, changed = key[: -len(trail) - 1] + " ", True
    return key.strip()


@final
@frozen
class OtherName:
    """Another name an authority is known by, and where that name comes from."""

    code: str
    name: str
    source: str


@final
@frozen
class FormerAuthority:
    """An authority abolished in a reorganisation, as the DfE and the ONS coded it."""

    code: str
    ons_code: str
    name: str
    region: str


@final
@frozen
class Reorganisation:
    """Authorities abolished on ``on`` and those that took over their children's
    services, by old LA code, under the statutory instrument ``source``."""

    replaced: tuple[str, ...]
    by: tuple[str, ...]
    on: date
    source: str


_BCP_ORDER: Final = ("The Bournemouth, Dorset and Poole (Structural Changes) Order 2018 "
                     "(SI 2018/648)")

#: Names councils call themselves by that neither the ONS nor LAIT uses.
OTHER_NAMES: Final = (
    OtherName("810", "Hull", "the council's own name, Hull City Council (hull.gov.uk)"),
    OtherName("882", "Southend", "the council's own short name, Southend-on-Sea City "
              "Council (southend.gov.uk)"),
    OtherName("839", "BCP", "the council's own short name, BCP Council (bcpcouncil.gov.uk)"),
    OtherName("811", "East Riding", "the council's own short name, East Riding of "
              "Yorkshire Council (eastriding.gov.uk)"),
)

#: ONS codes authorities had before they became unitary councils with the same DfE
#: code (ONS Code History Database): old code, former ONS code, the instrument.
FORMER_CODES: Final = (
    OtherName("825", "E10000002", "The Buckinghamshire (Structural Changes) Order 2019 "
              "(SI 2019/957): a unitary council from 1 April 2020"),
    OtherName("815", "E10000023", "The North Yorkshire (Structural Changes) Order 2022 "
              "(SI 2022/328): a unitary council from 1 April 2023"),
    OtherName("933", "E10000027", "The Somerset (Structural Changes) Order 2022 "
              "(SI 2022/329): a unitary council from 1 April 2023"),
)

#: Authorities abolished before the DfE's releases of 2021-2025 (which still list
#: Northamptonshire and Cumbria): names and codes from the ONS Code History Database
#: and the DfE's LAIT, which publishes their figures as "(Pre LG)".
FORMER_AUTHORITIES: Final = (
    FormerAuthority("835", "E10000009", "Dorset County Council", "E12000009"),
    FormerAuthority("836", "E06000029", "Poole", "E12000009"),
    FormerAuthority("837", "E06000028", "Bournemouth", "E12000009"),
)

#: The reorganisations since 2019 that replaced one children's services authority by
#: others. Dorset County Council's Christchurch went to Bournemouth, Christchurch and
#: Poole, the rest of the county to Dorset Council.
REORGANISATIONS: Final = (
    Reorganisation(("837",), ("839",), date(2019, 4, 1), _BCP_ORDER),
    Reorganisation(("836",), ("839",), date(2019, 4, 1), _BCP_ORDER),
    Reorganisation(("835",), ("838", "839"), date(2019, 4, 1), _BCP_ORDER),
    Reorganisation(("928",), ("940", "941"), date(2021, 4, 1),
                   "The Northamptonshire (Structural Changes) Order 2020 (SI 2020/156)"),
    Reorganisation(("909",), ("942", "943"), date(2023, 4, 1),
                   "The Cumbria (Structural Changes) Order 2022 (SI 2022/331)"),
)

_REPLACED: Final = MappingProxyType({code: r for r in REORGANISATIONS for code in r.replaced})


def reorganisation_of(code: str) -> Reorganisation | None:
    """The reorganisation that abolished the authority with old LA code ``code``."""
    return _REPLACED.get(code)
