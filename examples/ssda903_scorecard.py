"""The panel's scorecard judged on figures computed from its SSDA903 return: the
indicators of Wiltshire's plug-in that name their measure (``ssda903 = ...``) get their
readings from the invented return in ``data/ssda903/``, at 31 December 2023, and the
scorecard judges them against the plug-in's expected ranges, as it would figures typed
into a readings file. The readings file ``corpparent ssda903 readings`` writes is
printed first (see docs/ssda903.md, "Into the scorecard").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from corpparent.files import read_returns
from corpparent.periods import FinancialQuarter
from corpparent.plugins import load_profile
from corpparent.report.ssda903 import render_readings
from corpparent.runs.scorecard import assess_scorecard
from corpparent.runs.ssda903 import ssda903_readings

FOLDER = Path(__file__).resolve().parent / "data" / "ssda903"


def main() -> None:
    wiltshire = load_profile("wiltshire", environ={})
    named = [i for i in wiltshire.reading_indicators if i.ssda903]
    print("Indicators named by their SSDA903 measure:",
          ", ".join(f"{i.id} ({i.ssda903})" for i in named))
    computed = ssda903_readings(read_returns(FOLDER), named, as_at=[dt.date(2023, 12, 31)])
    print(render_readings(computed.readings))
    [quarter] = assess_scorecard(computed.readings, [FinancialQuarter(2023, 3)],
                                 profile=wiltshire).periods
    for assessment in quarter.result.assessments:
        if assessment.indicator.id in {i.id for i in named}:
            reading = computed.readings.get(assessment.indicator.id, quarter.period)
            assert reading is not None
            verdict = assessment.headline
            print(f"{assessment.indicator.name}: {reading.numerator:.0f} of "
                  f"{reading.denominator:.0f} children, "
                  f"{'not judged' if verdict is None else verdict.value}")

if __name__ == "__main__":
    main()
