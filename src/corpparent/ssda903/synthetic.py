"""Synthetic SSDA903 returns: invented children's whole histories of care, written as the
return's CSV tables of each collection year, for tests, examples and benchmarks.

[`synthesise`][corpparent.ssda903.synthesise] draws ``children`` invented children
from a seed and lives each through a history of care (periods of care, placements,
legal statuses, reviews, missing incidents, adoption, leaving care at 18), then writes
it year by year ([`Synthetic.csv`][corpparent.ssda903.Synthetic.csv]) as a council
would: each year's Episodes hold the episodes open on some day of it, an episode still
open at 31 March written without its end; the Header holds the children looked after in
the year and the care leavers of the year (OC3); OC2 the children looked after
continuously for 12 months at 31 March. Every table has every column of its year, as the
DfE's validator reads CSV tables by their columns.

No real child is in it: identifiers, dates of birth and pupil numbers are invented. The
postcodes are those of three council offices of Wiltshire (the authority the returns are
written for, ``LA_CODE``), and of Bristol's and Swindon's civic offices: no one's home.
The shares drawn from are invented, shaped roughly like the DfE's national figures
("Children looked after in England including adoptions": most children fostered, more
boys than girls, most starts aged 10 or over or under 1); none is taken from a file.
The histories are made so that the DfE's validation rules (``csc-validator-be-903``)
find no error in them (`corpparent.testing.ssda903_validator` runs them).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections.abc import Sequence
from typing import Final

from attrs import frozen

from corpparent.periods import FinancialYear
from corpparent.ssda903.children import Child, Episode, live
from corpparent.ssda903.codes import TABLE_COLUMNS

__all__ = ["LA_CODE", "TABLES", "Synthetic", "synthesise"]

#: The tables written, as the reader and the validator read them.
TABLES: Final = ("Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1",
                 "PlacedAdoption", "PrevPerm", "Missing")
#: The local authority the returns are written for: Wiltshire.
LA_CODE: Final = "E06000054"

Row = dict[str, str]


def _date(day: dt.date | None) -> str:
    return "" if day is None else day.strftime("%d/%m/%Y")


def _birthday(dob: dt.date, age: int) -> dt.date:
    try:
        return dob.replace(year=dob.year + age)
    except ValueError:  # born on 29 February
        return dt.date(dob.year + age, 3, 1)


def _age(dob: dt.date, day: dt.date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def _sex(code: str, year: FinancialYear) -> str:
    """The child's sex as ``year``'s return codes it: 1 and 2 until 2023-24, M and F
    from 2024-25."""
    return code if year.year < 2024 else {"1": "M", "2": "F"}[code]


def _open_in(episode: Episode, year: FinancialYear) -> bool:
    return episode.decom <= year.end and (episode.dec is None or episode.dec >= year.start)


@frozen
class Synthetic:
    """Invented children's histories of care, and the return of each year they span."""

    children: tuple[Child, ...]
    years: tuple[FinancialYear, ...]

    @property
    def episodes(self) -> int:
        """How many episodes the histories hold (each counted once)."""
        return sum(len(child.episodes) for child in self.children)

    def rows(self, year: FinancialYear) -> dict[str, list[Row]]:
        """The rows of each table of ``year``'s return, every cell as the CSV writes it."""
        tables: dict[str, list[Row]] = {name: [] for name in TABLES}
        for child in self.children:
            _child_rows(child, year, tables)
        return tables

    def csv(self, year: FinancialYear) -> dict[str, str]:
        """The CSV text of each table of ``year``'s return, by the file name the reader
        and the DfE's validator take (``Header.csv``), every column of the table
        written."""
        texts = {}
        for name, rows in self.rows(year).items():
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=TABLE_COLUMNS[name],
                                    lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            texts[f"{name}.csv"] = buffer.getvalue()
        return texts


def _child_rows(child: Child, year: FinancialYear, tables: dict[str, list[Row]]) -> None:
    """The child's rows in each table of ``year``."""
    dob = _date(child.dob)
    held = [e for e in child.episodes if _open_in(e, year)]
    leaver = child.leaver is not None and not held and any(
        year.start <= _birthday(child.dob, age) <= year.end for age in range(17, 22)) \
        and child.leaver.left < year.start
    if not held and not leaver:
        return
    sex = _sex(child.sex, year)
    tables["Header"].append({
        "CHILD": child.id, "SEX": sex, "DOB": dob, "ETHNIC": child.ethnic,
        "UPN": child.upn, "MOTHER": "0" if held and child.sex == "2" else "",
        "MC_DOB": ""})
    if leaver:
        assert child.leaver is not None
        tables["OC3"].append({"CHILD": child.id, "DOB": dob,
                              "IN_TOUCH": child.leaver.in_touch,
                              "ACTIV": child.leaver.activity,
                              "ACCOM": child.leaver.accommodation})
        return
    # No distance from home for an unaccompanied asylum-seeking child (rule 406), so no
    # home postcode; the placement's postcode still gives its authority (rule 169).
    posted = not child.uasc
    for episode in held:
        later = episode.dec is not None and episode.dec > year.end
        tables["Episodes"].append({
            "CHILD": child.id, "DECOM": _date(episode.decom), "RNE": episode.rne,
            "LS": episode.ls, "CIN": episode.cin, "PLACE": episode.place,
            "PLACE_PROVIDER": episode.provider,
            "DEC": "" if later else _date(episode.dec),
            "REC": "" if later else episode.rec,
            "REASON_PLACE_CHANGE": "" if later else episode.reason_change,
            "HOME_POST": episode.home_post if posted else "",
            "PL_POST": episode.pl_post, "URN": episode.urn})
    tables["Reviews"] += [{"CHILD": child.id, "DOB": dob, "REVIEW": _date(day),
                           "REVIEW_CODE": "PN0" if _age(child.dob, day) < 4 else code}
                          for day, code in child.reviews if year.start <= day <= year.end]
    tables["Missing"] += [{"CHILD": child.id, "DOB": dob, "MISSING": kind,
                           "MIS_START": _date(start), "MIS_END": _date(end)}
                          for kind, start, end in child.missing
                          if year.start <= start <= year.end]
    if child.uasc:
        ceased = _birthday(child.dob, 18)
        tables["UASC"].append({"CHILD": child.id, "SEX": sex, "DOB": dob,
                               "DUC": _date(ceased)})
    started = [e for e in held if e.rne == "S" and e.decom >= year.start]
    if started:
        tables["PrevPerm"].append({"CHILD": child.id, "DOB": dob, "PREV_PERM": "Z1",
                                   "LA_PERM": "", "DATE_PERM": ""})
    adoption = child.adoption
    if adoption is not None and adoption.decided <= year.end:
        tables["PlacedAdoption"].append({
            "CHILD": child.id, "DOB": dob, "DATE_PLACED": _date(adoption.decided),
            "DATE_PLACED_CEASED": "", "REASON_PLACED_CEASED": ""})
        if year.start <= adoption.adopted <= year.end:
            tables["AD1"].append({
                "CHILD": child.id, "DOB": dob, "DATE_INT": _date(adoption.decided),
                "DATE_MATCH": _date(adoption.matched), "FOSTER_CARE": "0",
                "NB_ADOPTR": "2", "SEX_ADOPTR": "MF", "LS_ADOPTR": "L2"})
    _oc2(child, held, year, tables)


def _oc2(child: Child, held: Sequence[Episode], year: FinancialYear,
         tables: dict[str, list[Row]]) -> None:
    """The child's OC2 row where looked after continuously for 12 months at 31 March:
    the period open at 31 March began on or before 1 April of the year before."""
    last = held[-1]
    if last.dec is not None and last.dec <= year.end:
        return
    began = max(e.decom for e in held if e.rne == "S") if any(e.rne == "S" for e in held) \
        else min(e.decom for e in held)
    if began > year.start:
        return
    age = _age(child.dob, year.end)
    pick = random.Random(f"{child.id}{year}")

    def flag(share: float) -> str:
        return "1" if pick.random() < share else "0"

    sdq = _birthday(child.dob, 4) <= year.end and _birthday(child.dob, 17) >= year.start
    score = pick.random() < 0.8
    misuse = flag(0.04)
    tables["OC2"].append({
        "CHILD": child.id, "DOB": _date(child.dob),
        "SDQ_SCORE": str(pick.randint(0, 30)) if sdq and score else "",
        "SDQ_REASON": "" if not sdq or score else pick.choice(("SDQ2", "SDQ4", "SDQ5")),
        "CONVICTED": flag(0.03) if age >= 10 else "",
        "HEALTH_CHECK": flag(0.88) if age < 5 else "",
        "IMMUNISATIONS": flag(0.82), "TEETH_CHECK": flag(0.76),
        "HEALTH_ASSESSMENT": flag(0.89), "SUBSTANCE_MISUSE": misuse,
        "INTERVENTION_RECEIVED": flag(0.6) if misuse == "1" else "",
        "INTERVENTION_OFFERED": "", })
    row = tables["OC2"][-1]
    if row["INTERVENTION_RECEIVED"] == "0":
        row["INTERVENTION_OFFERED"] = flag(0.5)


def synthesise(children: int, years: int, seed: int = 0, *,
               last: FinancialYear | str = "2025-26") -> Synthetic:
    """``children`` invented children's histories of care over the ``years`` collection
    years ending with ``last`` (``2025-26`` unless given), drawn from ``seed``: the
    same arguments give the same returns."""
    from corpparent.ssda903.returns import collection_year

    if children < 1 or years < 1:
        raise ValueError("synthesise needs at least one child and one year")
    final = collection_year(last)
    spanned = tuple(FinancialYear(final.year - k) for k in reversed(range(years)))
    draw = random.Random(seed)
    made = tuple(live(f"SYN{number:06d}", draw, spanned[0].start, final.end)
                 for number in range(children))
    return Synthetic(made, spanned)

