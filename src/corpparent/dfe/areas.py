"""Areas of the DfE's statistics: England, its regions, and its local authorities.

Every figure is published for England, for each region, and for each of the 153
local authorities with children's services (Ofsted's count since 2023). Authorities
are known by the DfE's three-digit "old" code (Wiltshire ``865``), which the
statistical-neighbour model and the Local Authority Interactive Tool (LAIT) use, and by
the ONS "new" code (``E06000054``), which Ofsted uses. corpparent keys an authority by
its old code, and England and the regions by their ONS codes.

London boroughs are published under the sub-regions Inner London (``E13000001``) and
Outer London (``E13000002``); the London region (``E12000007``) has its own rows.
"""

from __future__ import annotations

import csv
import difflib
from collections.abc import Iterable, Iterator
from enum import Enum
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final, final

from attrs import frozen

from corpparent.dfe.authority_names import (
    FORMER_AUTHORITIES,
    FORMER_CODES,
    OTHER_NAMES,
    FormerAuthority,
    name_key,
    plain_key,
    reorganisation_of,
)
from corpparent.errors import CorpparentError

__all__ = [
    "ENGLAND",
    "REGION_CODES",
    "Area",
    "Areas",
    "Level",
    "UnknownAreaError",
    "known_areas",
]


class UnknownAreaError(CorpparentError, LookupError):
    """No area has the code or name asked for."""

    def __str__(self) -> str:
        # LookupError would otherwise quote the message like a dictionary key.
        return str(self.args[0]) if self.args else ""


class Level(Enum):
    """The geographic level of a published figure, as EES files write it."""

    NATIONAL = "National"
    REGIONAL = "Regional"
    LOCAL_AUTHORITY = "Local authority"

    def __str__(self) -> str:
        return self.value


#: ONS codes of England's regions and London's two sub-regions, by the names the DfE
#: files use (LAIT writes "Yorkshire and the Humber" and "London (Inner)"). Source: ONS
#: Register of Geographic Codes.
REGION_CODES: Final = MappingProxyType(
    {
        "North East": "E12000001",
        "North West": "E12000002",
        "Yorkshire and The Humber": "E12000003",
        "Yorkshire and the Humber": "E12000003",
        "East Midlands": "E12000004",
        "West Midlands": "E12000005",
        "East of England": "E12000006",
        "London": "E12000007",
        "South East": "E12000008",
        "South West": "E12000009",
        "Inner London": "E13000001",
        "London (Inner)": "E13000001",
        "Outer London": "E13000002",
        "London (Outer)": "E13000002",
    }
)


@final
@frozen
class Area:
    """One area: ``code`` is its key (old LA code, or ONS code for England and regions)."""

    code: str
    name: str
    level: Level
    ons_code: str | None = None
    region: str | None = None
    """For an authority, the code of the region (or London sub-region) it is published in."""

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


#: England, as every file writes it.
ENGLAND: Final = Area(code="E92000001", name="England", level=Level.NATIONAL,
                      ons_code="E92000001")


def _other_names(code: str) -> Iterator[str]:
    """The other names and former codes `corpparent.dfe.authority_names` knows
    for the authority with old LA code ``code``."""
    for other in (*OTHER_NAMES, *FORMER_CODES):
        if other.code == code:
            yield other.name
    for former in FORMER_AUTHORITIES:
        if former.code == code:
            yield from (former.name, former.ons_code)


def _former(query: str) -> FormerAuthority | None:
    """The abolished authority whose name or ONS code ``query`` is, in any case."""
    key = name_key(query)
    return next((f for f in FORMER_AUTHORITIES
                 if key in (name_key(f.name), name_key(f.ons_code))), None)


@final
class Areas:
    """A directory of areas, looked up by code (old, ONS or former ONS) or by name,
    current or former, in any case and with any punctuation.

    A name is first compared whole ("St. Helens" is "st helens"), then without the
    words that say what kind of council it is ("Leeds City Council" is Leeds, "Bristol"
    is "Bristol, City of"). A later area with the same code replaces an earlier one, so
    a directory built from several years of a file holds each authority's latest name.
    """

    __slots__ = ("_by_code", "_lookup", "_plain")

    def __init__(self, areas: Iterable[Area] = ()) -> None:
        self._by_code: dict[str, Area] = {}
        for area in areas:
            self._by_code[area.code] = area
        self._lookup: dict[str, Area] = {}
        self._plain: dict[str, dict[str, Area]] = {}
        for own in (True, False):  # an area's own name and codes before other names
            for area in self._by_code.values():
                texts = ((area.name, area.code, area.ons_code) if own
                         else tuple(_other_names(area.code)))
                for text in texts:
                    if text:
                        self._lookup.setdefault(name_key(text), area)
                        if plain := plain_key(text):
                            self._plain.setdefault(plain, {})[area.code] = area

    def get(self, query: str) -> Area | None:
        """The area whose code, ONS code or name is ``query``, if exactly one is."""
        found = self._by_code.get(query) or self._lookup.get(name_key(query))
        if found is not None:
            return found
        if _former(query) is not None:
            return None  # an abolished authority's own name: never its successor
        plain = self._plain.get(plain_key(query), {})
        return next(iter(plain.values())) if len(plain) == 1 else None

    def __getitem__(self, query: str) -> Area:
        area = self.get(query)
        if area is None:
            raise UnknownAreaError(self._unknown(query))
        return area

    def _unknown(self, query: str) -> str:
        """Why ``query`` finds no area: several match it, it was abolished, or none is
        called so (with the closest names)."""
        several = self._plain.get(plain_key(query), {})
        if len(several) > 1:
            return (f"{query!r} could be any of " + ", ".join(
                str(a) for a in several.values()) + ": give the name in full or a code")
        former = _former(query)
        if former is None:
            former = next((f for f in FORMER_AUTHORITIES
                           if plain_key(query) == plain_key(f.name)), None)
        if former is not None:
            return f"{query!r}: {former.name} ({former.code}) " + self.successors(
                former.code)
        key = name_key(query)
        close = [k for k in self._lookup if key and f" {k} ".startswith(f" {key} ")][:3]
        close += difflib.get_close_matches(key, list(self._lookup), n=3, cutoff=0.75)
        names = dict.fromkeys(str(self._lookup[k]) for k in close)
        hint = (f"; did you mean {' or '.join(names)}?" if names else
                "; give a name such as 'Wiltshire', an old LA code such as '865' or an "
                "ONS code such as 'E06000054'")
        return f"no area is called or coded {query!r}{hint}"

    def successors(self, code: str) -> str:
        """What replaced the authority with old LA code ``code``, and when, as a clause
        ("was replaced on 1 April 2019 by ..."); empty when it has not been replaced."""
        change = reorganisation_of(code)
        if change is None:
            return ""
        names = [str(self._by_code[c]) if c in self._by_code else c for c in change.by]
        return (f"was replaced on {change.on.day} {change.on:%B %Y} by "
                f"{' and '.join(names)} ({change.source})")

    def __contains__(self, query: object) -> bool:
        return isinstance(query, str) and self.get(query) is not None

    def __iter__(self) -> Iterator[Area]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    @property
    def authorities(self) -> tuple[Area, ...]:
        """The local authorities, by name."""
        return tuple(sorted((a for a in self if a.level is Level.LOCAL_AUTHORITY),
                            key=lambda a: a.name))

    def merged(self, other: Areas) -> Areas:
        """Both directories; ``other`` wins where a code is in both."""
        return Areas([*self, *other])

    def __repr__(self) -> str:
        return f"Areas({len(self)} areas)"


#: The regions' names as the EES files write them, by ONS code.
_REGION_NAMES: Final = {code: name for name, code in reversed(list(REGION_CODES.items()))
                        if "(" not in name and "the Humber" not in name}


@cache
def known_areas() -> Areas:
    """England, its regions, and every authority with both its codes.

    The authorities are those of the DfE's children-looked-after releases 2021-2025
    (``authorities.csv``, taken from the EES file ``la_cla_placement_stability.csv``,
    Open Government Licence v3.0), including Cumbria and Northamptonshire, which were
    replaced in 2023 and 2021. Readers whose files give only old codes (the
    statistical-neighbour model, LAIT) look ONS codes up here.
    """
    regions = [Area(code, name, Level.REGIONAL, ons_code=code)
               for code, name in _REGION_NAMES.items()]
    text = (resources.files("corpparent.dfe") / "authorities.csv").read_text(encoding="utf-8")
    authorities = [
        Area(row["old_la_code"], row["la_name"], Level.LOCAL_AUTHORITY,
             ons_code=row["new_la_code"], region=row["region_code"])
        for row in csv.DictReader(text.splitlines())
    ]
    return Areas([ENGLAND, *regions, *authorities])
