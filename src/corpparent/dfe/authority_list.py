"""Every authority a benchmark can be asked for, with its codes and other names.

`listed_authorities` is what ``corpparent benchmark --list-authorities`` shows:
the authorities of the shipped table
([`corpparent.dfe.areas.known_areas`][corpparent.dfe.areas.known_areas]) and those abolished since
2019 (`corpparent.dfe.authority_names.FORMER_AUTHORITIES`), each with its region, the other names
and former codes it is also found by, and what replaced it.
"""

from __future__ import annotations

from typing import Final, final

from attrs import frozen

from corpparent.dfe.areas import Area, Areas, Level, known_areas
from corpparent.dfe.authority_names import FORMER_AUTHORITIES, FORMER_CODES, OTHER_NAMES

__all__ = ["COLUMNS", "ListedAuthority", "listed_authorities"]

#: The listing's column headings, in the order of `ListedAuthority.row`.
COLUMNS: Final = ("code", "ons_code", "name", "region", "also_found_by", "replaced")


@final
@frozen
class ListedAuthority:
    """One authority as listed: old LA code, ONS code, name, region's name, the other
    names and former codes it is also found by, and what replaced it (or "")."""

    code: str
    ons_code: str
    name: str
    region: str
    also: tuple[str, ...]
    replaced: str

    def row(self) -> tuple[str, ...]:
        """The authority as the listing's columns (`COLUMNS`)."""
        return (self.code, self.ons_code, self.name, self.region, "; ".join(self.also),
                self.replaced)


def _listed(area: Area, areas: Areas) -> ListedAuthority:
    region = None if area.region is None else areas.get(area.region)
    also = [o.name for o in (*OTHER_NAMES, *FORMER_CODES) if o.code == area.code]
    successors = areas.successors(area.code)
    return ListedAuthority(area.code, area.ons_code or "", area.name,
                           "" if region is None else region.name, tuple(also),
                           f"{area.name} {successors}" if successors else "")


def listed_authorities() -> tuple[ListedAuthority, ...]:
    """The authorities, current and former, by name."""
    areas = known_areas()
    former = [Area(f.code, f.name, Level.LOCAL_AUTHORITY, ons_code=f.ons_code,
                   region=f.region) for f in FORMER_AUTHORITIES if f.code not in areas]
    listed = [_listed(area, areas) for area in (*areas.authorities, *former)]
    return tuple(sorted(listed, key=lambda a: (a.name.casefold(), a.code)))
