"""Reconcile the measures computed from an SSDA903 return with the DfE's published
figures for the council, list every difference, and drill down to the children behind
one.

Both the return (``data/ssda903/``) and the "published" EES files
(``data/ssda903_published/``, for an invented council coded 999) are invented: the
published files hold the example's own figures at the DfE's rounding, one planted
wrong (4 children ceased to be looked after, where the return has 3) and one
suppressed (``c``). Agreement with the DfE's own figures is shown only when a council
runs this on its own real return, against the files the DfE published for it.
"""

from __future__ import annotations

from pathlib import Path

from corpparent.files import read_published, read_returns
from corpparent.ssda903 import drill_down, measures, reconcile

DATA = Path(__file__).resolve().parent / "data"
YEAR = "2023-24"


def main() -> None:
    returns = read_returns(DATA / "ssda903")
    published = read_published(DATA / "ssda903_published", "999")
    print(f"{published.shown}, {YEAR}:")
    for result in reconcile(measures(returns, YEAR), published):
        if not result.checks:
            print(f"  {result.measure}: {result.status.value} ({result.note})")
            continue
        for check in result.checks:
            shown = "-" if check.published is None else (
                check.published.symbol or f"{check.published.value:g}")
            why = f" ({check.note})" if check.note else ""
            computed = "-" if check.computed is None else f"{check.computed:g}"
            print(f"  {result.measure} {check.figure}: computed {computed}, "
                  f"published {shown}: {check.status.value}{why}")
        if result.status.value == "differ":
            # The children behind a difference: for the officers' own copy only.
            counted = drill_down(returns, YEAR, result.measure)
            print(f"    counted by {result.measure}: "
                  + ", ".join(child.child for child in counted.children))


if __name__ == "__main__":
    main()
