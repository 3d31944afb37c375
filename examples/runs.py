"""Each job the command line runs, from Python: the same results and warnings.

Wiltshire's 2022-23 scorecard, the same readings a year on (judged by the 2022-23 rules
carried forward, and saying so), Staffordshire's governance for the municipal year
2019-20, and Wiltshire's obligations checked on 1 September 2023. See docs/runs.md.

Run: ``python examples/runs.py``
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from attrs import evolve

from corpparent import assess_scorecard, check_obligations, load_profile, review_governance
from corpparent.files import read_meetings, read_readings, read_submissions
from corpparent.indicators import Readings
from corpparent.periods import FinancialQuarter, FinancialYear, MunicipalYear
from corpparent.rulesets import shifted

DATA = Path(__file__).resolve().parent / "data"


def main() -> None:
    wiltshire = load_profile("wiltshire")
    readings = read_readings(DATA / "wiltshire_readings_2022-23.csv",
                             wiltshire.reading_indicators)
    a_year_on = Readings([evolve(r, period=shifted(r.period, 1)) for r in readings])
    for data, period in ((readings, FinancialQuarter(2022, 4)),
                         (a_year_on, FinancialQuarter(2023, 4))):
        (assessed,) = assess_scorecard(data, [period], profile=wiltshire).periods
        report = assessed.result.exception_report()
        print(f"{period}: {len(report.exceptions)} exceptions, "
              f"{len(report.successes)} successes")
        for note in assessed.notes:
            print(f"  {note}")

    staffordshire = load_profile("staffordshire")
    governance = review_governance(
        MunicipalYear(2019), profile=staffordshire,
        meetings=read_meetings(DATA / "staffordshire_2019-20_meetings.csv"))
    print(f"{governance.title}: {len(governance.findings)} findings")

    checked = check_obligations(read_submissions(DATA / "wiltshire_submissions_2022-23.csv"),
                                FinancialYear(2022), date(2023, 9, 1), profile=wiltshire)
    print(f"{checked.title}: {len(checked.findings)} findings")


if __name__ == "__main__":
    main()
