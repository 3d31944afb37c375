"""How long judging a submissions log takes: ten years of monthly meetings, every
recurring cadence, and a log of a few thousand entries.

Run: python benchmarks/obligations.py
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from corpparent.obligations.compliance import evaluate_obligations
from corpparent.obligations.definitions import ObligationSet
from corpparent.obligations.submissions import Submission
from corpparent.obligations.upcoming import falls_due
from corpparent.periods import FinancialYear
from corpparent.plugins import load_profile


def main() -> None:
    rng = random.Random(2023)
    declared = [load_profile(name).obligations for name in ("wiltshire", "national")]
    obligations = ObligationSet([o for found in declared for o in found])
    start = date(2014, 4, 1)
    meetings = [start + timedelta(days=30 * k + rng.randint(0, 5)) for k in range(120)]
    keys = [(o.document, o.recipient, o.covers) for o in obligations]
    log = []
    for _ in range(3000):
        document, recipient, covers = rng.choice(keys)
        log.append(Submission(document=document, recipient=recipient,
                              date=start + timedelta(days=rng.randint(0, 3650)),
                              covering=tuple(t for t in covers if rng.random() < 0.9)))
    for label, run in [
        ("evaluate one year", lambda: evaluate_obligations(
            obligations, log, period=FinancialYear(2020), as_of=date(2024, 6, 1),
            meetings=meetings)),
        ("falls due, one year ahead", lambda: falls_due(
            obligations, start=date(2022, 1, 1), until=date(2023, 1, 1), meetings=meetings,
            submissions=log)),
    ]:
        repeats = 20
        began = time.perf_counter()
        for _ in range(repeats):
            run()
        elapsed = (time.perf_counter() - began) / repeats
        print(f"{label}: {elapsed * 1000:.1f} ms ({len(log)} log entries, "
              f"{len(meetings)} meetings)")


if __name__ == "__main__":
    main()
