"""Invented children's histories of care, for the synthetic returns
(`corpparent.ssda903.synthetic`).

`live` draws one child: born, taken into care once or twice, moved between placements
and legal statuses, reviewed, sometimes missing, sometimes placed for adoption and
adopted, otherwise returned home or leaving care at 18, or at 16 or 17 for some (then a
care leaver, followed up to their 21st birthday). Each history keeps the rules of the
SSDA903 return that the DfE's validator checks (the collection's guide, and its
validation rules for 2022-23 on): episodes chained day to day, the reason for a new
episode saying what changed (``P`` the placement, ``L`` the legal status, ``B`` both),
no child looked after past 18, placements fit for the child's age, the codes of each
field. Shares are invented, shaped roughly like the DfE's national figures.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Final

from attrs import evolve, frozen

__all__ = ["Adoption", "Child", "Episode", "Leaver", "live"]

#: Council offices' postcodes: three in Wiltshire (the placing authority), and the
#: civic offices of Bristol and Swindon, for placements out of the authority.
HOMES: Final = ("SN15 1ER",)
PLACES_IN: Final = ("SP1 1JH", "BA14 8JN")
PLACES_OUT: Final = ("BS1 5TR", "SN1 2JH")
#: Ethnic origin codes, as the return codes them.
ETHNIC: Final = ("WBRI", "WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "MOTH", "AOTH", "BAFR",
                 "OOTH")
#: Reasons a placement changed (REASON_PLACE_CHANGE), from 2015-16.
CHANGES: Final = ("CARPL", "CLOSE", "STAND", "APPRR", "CREQB", "CHILD", "LAREQ", "OTHER")
#: Check letters of a unique pupil number, by the remainder of its weighted sum.
_CHECK: Final = "ABCDEFGHJKLMNPQRTUVWXYZ"


@frozen
class Episode:
    """One episode of care, as the Episodes table holds it (``dec`` ``None`` while
    open)."""

    decom: dt.date
    rne: str
    ls: str
    cin: str
    place: str
    provider: str
    dec: dt.date | None
    rec: str
    reason_change: str
    home_post: str
    pl_post: str
    urn: str


@frozen
class Adoption:
    """A child placed for adoption: decided, matched, adopted (the day care ended)."""

    decided: dt.date
    matched: dt.date
    adopted: dt.date


@frozen
class Leaver:
    """A care leaver: the day they left care, and what OC3 says of them."""

    left: dt.date
    in_touch: str
    activity: str
    accommodation: str


@frozen
class Child:
    """One invented child's whole history."""

    id: str
    sex: str
    dob: dt.date
    ethnic: str
    upn: str
    uasc: bool
    episodes: tuple[Episode, ...]
    reviews: tuple[tuple[dt.date, str], ...]
    missing: tuple[tuple[str, dt.date, dt.date], ...]
    adoption: Adoption | None
    leaver: Leaver | None


def _upn(draw: random.Random) -> str:
    """An invented unique pupil number with its check letter: the DfE's form (a check
    letter, a three-digit authority number, then eleven digits)."""
    digits = "865" + "".join(str(draw.randint(0, 9)) for _ in range(9))
    total = sum(int(d) * weight for d, weight in zip(digits, range(2, 14), strict=True))
    return _CHECK[total % 23] + digits


def _days(draw: random.Random, mean: float) -> int:
    return max(1, round(draw.expovariate(1 / mean)))


def _birthday(dob: dt.date, age: int) -> dt.date:
    try:
        return dob.replace(year=dob.year + age)
    except ValueError:
        return dt.date(dob.year + age, 3, 1)


def _placement(draw: random.Random, age: int, ls: str, now: tuple[str, str] | None
               ) -> tuple[str, str, str, str]:
    """A placement for a child of ``age`` under ``ls`` other than ``now``: type,
    provider, postcode, URN."""
    while True:
        roll = draw.random()
        if roll < 0.72 or age < 10:
            place = draw.choice(("U6", "U6", "U4", "U3"))
        elif roll < 0.86:
            place = "K2"
        else:
            place = "U6"
        if ls in ("C1", "C2") and draw.random() < 0.05:
            place = "P1"
        provider = "PR0" if place == "P1" else draw.choice(("PR1", "PR1", "PR4"))
        post = (draw.choice(PLACES_IN) if provider == "PR1"
                else draw.choice(PLACES_IN + PLACES_OUT))
        urn = (f"SC{draw.randint(100000, 999999)}" if place == "K2"
               else "" if place == "P1" else "XXXXXXX")
        # A move changes the placement type or its postcode (placed with parents is
        # always at the child's home, so a move from there changes the type).
        if now is None or place != now[0] or (place != "P1" and post != now[1]):
            return place, provider, post, urn


def _period(draw: random.Random, dob: dt.date, start: dt.date, stop: dt.date,
            uasc: bool, may_adopt: bool) -> tuple[list[Episode], Adoption | None]:
    """One period of care begun ``start``, ended by ``stop`` at the latest (``None``
    end where it runs past ``stop``)."""
    age = (start - dob).days // 365
    home = draw.choice(HOMES)
    cin = "N8" if uasc else draw.choice(("N1", "N1", "N1", "N2", "N3", "N4", "N5", "N6"))
    ls = "V2" if uasc or draw.random() < 0.4 else "C1"
    place, provider, post, urn = _placement(draw, age, ls, None)
    adult = _birthday(dob, 18)
    end = min(stop, adult, start + dt.timedelta(days=max(2, _days(draw, 900))))
    leaving = end == adult
    # A period ending on 31 March ends the day before, as the validator's "looked after
    # continuously" reads an end on 31 March as care continuing (and asks for OC2).
    if end < stop and (end.month, end.day) == (3, 31):
        end -= dt.timedelta(days=1)
        leaving = False
    adopt = may_adopt and age < 5 and draw.random() < 0.4
    # Most children's placements last; a few move often (invented shares, shaped like
    # the DfE's one child in ten with three or more placements in a year).
    settled = 1100 if draw.random() < 0.88 else 160
    episodes: list[Episode] = []
    day, rne = start, "S"
    adoption = None
    while True:
        step = day + dt.timedelta(days=_days(draw, settled))
        nxt = None if step >= end else step
        current = Episode(day, rne, ls, cin, place, provider, None, "", "",
                          home, post if place != "P1" else home, urn)
        episodes.append(current)
        if nxt is None:
            break
        age = (nxt - dob).days // 365
        if adopt and ls in ("C2",) and place.startswith("U") and len(episodes) >= 2:
            decided = nxt - dt.timedelta(days=draw.randint(30, 120))
            placed = nxt
            adopted = placed + dt.timedelta(days=draw.randint(70, 300))
            if (adopted.month, adopted.day) == (3, 31):  # see _period's end, below
                adopted -= dt.timedelta(days=1)
            matched = placed - dt.timedelta(days=draw.randint(5, 25))
            episodes[-1] = evolve(current, dec=placed, rec="X1", reason_change="APPRR")
            episodes.append(Episode(placed, "B", "E1", cin, "A6", "PR1", None, "",
                                    "", current.home_post, draw.choice(PLACES_IN),
                                    "XXXXXXX"))
            adoption = Adoption(max(decided, start), matched, adopted)
            if adopted >= stop:
                return episodes, adoption
            episodes[-1] = evolve(episodes[-1], dec=adopted, rec="E11")
            return episodes, adoption
        status = ls in ("V2", "C1") and not uasc and draw.random() < 0.45
        moved = not status or draw.random() < 0.3
        new_ls = {"V2": "C1", "C1": "C2"}[ls] if status else ls
        if moved:
            place, provider, post, urn = _placement(draw, age, new_ls, (place, post))
        rne = "B" if status and moved else "L" if status else "P"
        change = draw.choice(CHANGES) if moved else ""
        episodes[-1] = evolve(current, dec=nxt, rec="X1", reason_change=change)
        ls, day = new_ls, nxt
    if end < stop:
        foster = place.startswith("U")
        rec = ("E17" if foster else "E8") if leaving else draw.choice(("E4A", "E4A", "E41"))
        if ls == "V2" and rec == "E41":
            rec = "E4A"
        episodes[-1] = evolve(episodes[-1], dec=end, rec=rec)
    return episodes, adoption


def _reviews(draw: random.Random, episodes: list[Episode], stop: dt.date
             ) -> list[tuple[dt.date, str]]:
    """Reviews of each period: 20 days after it began, three months later, then every
    six months while it lasts (up to ``stop``)."""
    found: list[tuple[dt.date, str]] = []
    for first in (e for e in episodes if e.rne == "S"):
        period = episodes[episodes.index(first):]
        ends = [e.dec for e in period if e.dec is not None and e.rec != "X1"]
        last = ends[0] if ends else stop
        day = first.decom + dt.timedelta(days=20)
        gap = 91
        while day < last:
            found.append((day, draw.choice(("PN1", "PN1", "PN2", "PN3", "PN4", "PN5"))))
            day += dt.timedelta(days=gap)
            gap = 182
    return found


def _missing(draw: random.Random, dob: dt.date, episodes: list[Episode]
             ) -> list[tuple[str, dt.date, dt.date]]:
    """Missing and away incidents of children aged 12 and over, each of one to three
    days inside one episode and one collection year."""
    found: list[tuple[str, dt.date, dt.date]] = []
    for episode in episodes:
        end = episode.dec or episode.decom + dt.timedelta(days=2000)
        start = max(episode.decom, _birthday(dob, 12))
        while draw.random() < 0.35 and start < end:
            began = start + dt.timedelta(days=draw.randint(1, 200))
            ended = began + dt.timedelta(days=draw.randint(1, 3))
            march = dt.date(began.year + (began.month > 3), 3, 31)
            if ended >= end or ended > march:
                break
            found.append(("M" if draw.random() < 0.75 else "A", began, ended))
            start = ended + dt.timedelta(days=1)
    return found


def _leaver(draw: random.Random, left: dt.date) -> Leaver:
    """What OC3 says of a care leaver: in touch, their activity and accommodation."""
    if draw.random() < 0.08:
        return Leaver(left, "NO", "0", "0")
    activity = draw.choice(("F1", "F2", "P2", "F4", "F5", "P5", "G4", "G5", "G6", "F2"))
    accommodation = draw.choice(("B1", "C1", "D1", "E1", "S2", "T1", "U1", "V1", "W1"))
    return Leaver(left, "YES", activity, accommodation)


#: The share of the young people looked after to 18 who leave care at 16 or 17 instead.
LEFT_BEFORE_18: Final = 0.4


def _left_before_18(pick: random.Random, dob: dt.date, episodes: list[Episode]
                ) -> list[Episode]:
    """The episodes of a young person looked after to 18, or, for some, ended between
    about three months after their 16th birthday and a month before their 18th (REC
    E8): a care leaver whose 17th or 18th birthday falls after they left, as the OC3
    table's 17 and 18 band counts them. Only one looked after for 13 weeks since
    turning 14 leaves so (the DfE's care leavers: "looked after for a total of at least
    13 weeks, which began after they reached the age of 14 and ended after they reached
    the age of 16")."""
    if pick.random() >= LEFT_BEFORE_18:
        return episodes
    day = _birthday(dob, 16) + dt.timedelta(days=pick.randint(100, 690))
    if (day.month, day.day) == (3, 31):  # see _period's end
        day -= dt.timedelta(days=1)
    began = max(e.decom for e in episodes if e.rne == "S")
    if (day - max(began, _birthday(dob, 14))).days < 91:
        return episodes
    kept = [e for e in episodes if e.decom < day]
    kept[-1] = evolve(kept[-1], dec=day, rec="E8", reason_change="")
    return kept


def live(child: str, draw: random.Random, first: dt.date, last: dt.date) -> Child:
    """One invented child, looked after at some time between ``first`` and ``last``
    (the first and last days of the years written), drawn from ``draw``."""
    roll = draw.random()
    age_days = (draw.randint(0, 364) if roll < 0.2 else draw.randint(365, 1824) if roll < 0.35
                else draw.randint(1825, 3649) if roll < 0.55
                else draw.randint(3650, 5839) if roll < 0.88 else draw.randint(5840, 6400))
    earliest = max(dt.date(2016, 4, 1), first - dt.timedelta(days=3 * 365))
    start = earliest + dt.timedelta(days=draw.randint(0, (last - earliest).days - 30))
    dob = start - dt.timedelta(days=age_days)
    uasc = age_days >= 14 * 365 and draw.random() < 0.3
    sex = "1" if uasc and draw.random() < 0.9 else draw.choice(("1", "1", "2", "2", "1"))
    episodes, adoption = _period(draw, dob, start, last, uasc, True)
    closed = episodes[-1].dec
    if adoption is None and closed is not None and episodes[-1].rec == "E4A" \
            and draw.random() < 0.25:  # returned home, and came back into care
        again = closed + dt.timedelta(days=draw.randint(60, 400))
        if again < min(last, _birthday(dob, 18)) - dt.timedelta(days=30):
            more, _ = _period(draw, dob, again, last, uasc, False)
            episodes += more
    leaver = None
    end = episodes[-1].dec
    if end is not None and end == _birthday(dob, 18) and not uasc:
        episodes = _left_before_18(random.Random(f"{child} before 18"), dob, episodes)
        leaver = _leaver(draw, episodes[-1].dec or end)
    return Child(child, sex, dob, draw.choice(ETHNIC), _upn(draw), uasc, tuple(episodes),
                 tuple(_reviews(draw, episodes, last)), tuple(_missing(draw, dob, episodes)),
                 adoption, leaver)
