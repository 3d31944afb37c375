"""Benchmark every English authority on every LAIT measure and year, in one call.

Runs on the DfE's and Ofsted's files shipped with corpparent (Open Government Licence
v3.0): LAIT's dataset and dictionary, the 2025 statistical-neighbour model and Ofsted's
inspection outcomes at 31 March 2025. Prints Wiltshire's latest long-term placement
stability against every comparator, the Outstanding group each year is compared with,
the same figures as findings, and writes the whole table as Parquet.
"""

from __future__ import annotations

import pyarrow.compute as pc

from corpparent.files.dfe.national_package import national_results
from corpparent.files.dfe.national_results import write_national_results

results = national_results()  # every authority x measure x year; model="2021" for 2021
print(f"{len(results):,} rows benchmarked; not benchmarked: "
      f"{'; '.join(p.note for p in results.problems)}")

wiltshire = results.authority("Wiltshire")
stability = wiltshire.filter(pc.equal(wiltshire["measure"].cast("string"), "LAC_LongStable%"))
latest = stability.to_pylist()[-1]
print(f"{results.names['LAC_LongStable%']}, {latest['period']}: {latest['value']}% "
      f"(rank {latest['rank']} of {latest['ranked']}, band {latest['band']}); "
      f"England {latest['england']}%, {latest['region']} {latest['region_value']}%, "
      f"neighbours {latest['neighbours_mean']:.1f}% (median {latest['neighbours_median']}%), "
      f"Outstanding {latest['outstanding_mean']:.1f}% (better than "
      f"{latest['outstanding_better_than']} of {latest['outstanding_with_value']} as at "
      f"{latest['outstanding_as_at']}); since {latest['previous_period']}: "
      f"{latest['direction']}")

# Each year is compared with the authorities judged Outstanding as at its own end.
for row in stability.to_pylist()[-4:]:
    print(f"  {row['period']}: Outstanding as at {row['outstanding_as_at']}, "
          f"{row['outstanding_with_value']} with a value, "
          f"{row['outstanding_unknown']} judged later and not counted")

# The same figures for one authority as findings, with the date in each group's name.
for finding in results.findings("Wiltshire", measures=["LAC_LongStable%"]):
    print(f"  {finding.rule}: {finding.status}")
print(f"written to {write_national_results(results, 'national-benchmark.parquet')}")
for note in results.notes:
    print(note)
