"""Political balance proportional to the council: the Local Government and Housing Act
1989 s.15(5), applied to one body.

Many terms of reference give no seats by group, only that the panel is "politically
balanced" in proportion to the council. The national rules reference (§1.1 G8) states
the principles for a body s.15 applies to: "not all seats to one group (s.15(5)(a)); a
majority group on council gets a majority on the committee (s.15(5)(b))", and seats
"allocated to the political groups in proportion to their strength on the council". The
reference does not give the words of s.15(5)(c) and (d); what it states of them is
encoded here:

- (a) not all the seats on the body go to one political group;
- (b) a group holding a majority of the council's seats holds a majority of the body's;
- (c) the seats on all the council's ordinary committees, taken together, are shared in
  proportion to the groups' strength on the council. It takes every committee together,
  so it cannot be judged from one body's record and is stated as not judged;
- (d) subject to (a) to (c), the body's own seats are shared in proportion to the
  groups' strength on the council.

Proportions rarely come out whole, so (d) is judged by what rounding allows: a sharing
breaks (d) when moving one seat from a group to another would bring both nearer their
proportions (the first holds more than one seat above its proportion relative to the
other) and still keep (a) and (b). `allocate` gives one sharing that meets all
three: the largest remainders, then the seats (b) and (a) require.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction
from typing import final

from attrs import field, frozen

from corpparent.dates import day_text
from corpparent.errors import DefinitionError
from corpparent.governance.membership import name_key
from corpparent.wording import counted, listed

__all__ = ["NOT_JUDGED_C", "CouncilGroups", "allocate", "in_force", "principle_breaches"]

#: Why s.15(5)(c) is not judged, in the words every finding uses.
NOT_JUDGED_C = ("(c) is not judged: it shares the seats of all the council's committees "
                "taken together, which one body's record cannot show")


def counts_by_group(value: Mapping[str, int] | Iterable[tuple[str, int]], subject: str,
                    noun: str) -> tuple[tuple[str, int], ...]:
    """``value``'s groups with their counts of ``noun`` (members, seats), each group once
    (its name compared as names are) and with at least one; a problem is a
    [`DefinitionError`][corpparent.errors.DefinitionError] headed by ``subject``."""
    items = tuple(value.items()) if isinstance(value, Mapping) else tuple(value)
    seen: set[str] = set()
    for group, count in items:
        if name_key(group) in seen:
            raise DefinitionError(f"{subject}: group {group!r} is given twice")
        seen.add(name_key(group))
        if count < 1:
            raise DefinitionError(f"{subject}: group {group!r} must have at least 1 {noun}, "
                                  f"got {count}")
    return tuple((" ".join(str(g).split()), int(c)) for g, c in items)


def _groups(value: Mapping[str, int] | Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    found = counts_by_group(value, "council composition", "member")
    if not found:
        raise DefinitionError("council composition: give the council's members by group")
    return found


@final
@frozen
class CouncilGroups:
    """The council's members by political group (``groups``, group to members), in
    force from ``since`` until the next composition given."""

    since: date
    groups: tuple[tuple[str, int], ...] = field(converter=_groups)

    @property
    def total(self) -> int:
        """The members of the council the groups hold."""
        return sum(m for _, m in self.groups)

    def majority(self) -> str | None:
        """The group holding a majority of the council's members, if any."""
        return next((g for g, m in self.groups if 2 * m > self.total), None)

    def describe(self) -> str:
        """"from 9 May 2024: 30 Labour, 20 Conservative (50 members)"."""
        return (f"from {day_text(self.since)}: {listed([f'{m} {g}' for g, m in self.groups])} "
                f"({counted(self.total, 'member')})")


def in_force(compositions: Iterable[CouncilGroups], day: date) -> CouncilGroups | None:
    """The composition in force on ``day``: the latest that starts on or before it."""
    started = [c for c in compositions if c.since <= day]
    return max(started, key=lambda c: c.since) if started else None


def _quotas(council: CouncilGroups, seats: int) -> dict[str, Fraction]:
    return {name_key(g): Fraction(seats * m, council.total) for g, m in council.groups}


def _principle_ab(council: CouncilGroups, held: Mapping[str, int], seats: int) -> list[str]:
    """What (a) and (b) find wrong with ``held`` (by name key), in words."""
    names = {name_key(g): g for g, _ in council.groups}
    problems = []
    top = max(held.items(), key=lambda kv: kv[1], default=("", 0))
    majority = council.majority()
    # (a) gives way where (b) needs every seat (a body of two seats), or with one seat.
    a_possible = len(council.groups) >= 2 and (seats >= 3 or (seats == 2 and not majority))
    if a_possible and top[1] == seats:
        problems.append(f"(a) all {counted(seats, 'seat')} go to "
                        f"{names.get(top[0], top[0])}")
    if majority is not None and seats:
        got = held.get(name_key(majority), 0)
        if 2 * got <= seats:
            problems.append(
                f"(b) {majority} holds a majority of the council but {got} of the body's "
                f"{counted(seats, 'seat')}, not a majority")
    return problems


def _fraction(value: Fraction) -> str:
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def principle_breaches(council: CouncilGroups, held: Mapping[str, int],
                       seats: int) -> tuple[str, ...]:
    """What s.15(5)(a), (b) and (d) find wrong with ``held`` (seats by group, every
    seat of the body filled), in words; empty when the sharing is right. A group held
    that has no member on the council has a proportion of nought."""
    keyed = {name_key(g): n for g, n in held.items() if n}
    names = {name_key(g): g for g in held} | {name_key(g): g for g, _ in council.groups}
    problems = _principle_ab(council, keyed, seats)
    quotas = _quotas(council, seats)
    every = set(quotas) | set(keyed)
    off = {k: keyed.get(k, 0) - quotas.get(k, Fraction(0)) for k in every}
    worst: tuple[Fraction, str, str] | None = None
    for give in keyed:
        for take in every - {give}:
            gap = off[give] - off[take]
            if gap <= 1:
                continue
            moved = {**keyed, give: keyed[give] - 1, take: keyed.get(take, 0) + 1}
            if _principle_ab(council, moved, seats):
                continue  # (d) is subject to (a) and (b)
            if worst is None or (gap, give, take) > worst:
                worst = (gap, give, take)
    if worst is not None:
        _, give, take = worst
        problems.append(
            f"(d) {names[give]} holds {keyed[give]} against a proportion of "
            f"{_fraction(quotas.get(give, Fraction(0)))} and {names[take]} "
            f"{keyed.get(take, 0)} against {_fraction(quotas.get(take, Fraction(0)))}: a "
            f"seat of {names[give]}'s belongs to {names[take]}")
    return tuple(problems)


def allocate(council: CouncilGroups, seats: int) -> tuple[tuple[str, int], ...]:
    """The body's ``seats`` shared among the council's groups as s.15(5)(a), (b) and (d)
    require: each group's whole share of its proportion, the seats left over to the
    largest remainders (ties to the larger group, then by name), then a seat moved to
    the majority group while it lacks a majority (b), and one to a second group where
    one would hold all (a)."""
    if seats < 0:
        raise DefinitionError(f"a body cannot have {seats} seats")
    quotas = _quotas(council, seats)
    members = {name_key(g): m for g, m in council.groups}
    shares = {k: int(q) for k, q in quotas.items()}
    order = sorted(quotas, key=lambda k: (-(quotas[k] - shares[k]), -members[k], k))
    for key in order[:seats - sum(shares.values())]:
        shares[key] += 1
    majority = council.majority()
    if majority is not None:
        m = name_key(majority)
        while seats and 2 * shares[m] <= seats:
            give = max((k for k in shares if k != m and shares[k]),
                       key=lambda k: (shares[k] - quotas[k], k))
            shares[give] -= 1
            shares[m] += 1
    if any(p.startswith("(a)") for p in _principle_ab(council, shares, seats)):
        whole = next(k for k, n in shares.items() if n == seats)
        other = max((k for k in shares if k != whole), key=lambda k: (quotas[k], k))
        shares[whole] -= 1
        shares[other] += 1
    return tuple((g, shares[name_key(g)]) for g, _ in council.groups)
