"""Authority plug-ins: what is installed, what a profile holds, and checking a plug-in file.

Lists the plug-ins in the ``corpparent.authorities`` entry-point group, summarises the
Wiltshire profile (domains, priorities with their councillor leads, ranges, comparators,
quorum, meetings and reporting, each with its source), and validates the example
distribution's data-file plug-in.

Run: ``python examples/plugins.py``
"""

from __future__ import annotations

from pathlib import Path

from corpparent.files import validate_plugin_file
from corpparent.plugins import discover, load_profile, load_profiles

EXAMPLE_FILE = (Path(__file__).resolve().parent / "plugin-example" / "src"
                / "corpparent_example" / "riverside.toml")


def main() -> None:
    print("Installed authority plug-ins:")
    for spec in discover().specs:
        print(f"  {spec.id:<14} {spec.distribution} {spec.version}  ({spec.value})")
    loaded = load_profiles()
    for error in loaded.errors:
        print(f"  not loaded: {error}")

    wiltshire = load_profile("wiltshire")
    print(f"\n{wiltshire.name}: GSS {wiltshire.gss_code}, DfE {wiltshire.dfe_code}, "
          f"{wiltshire.region}")
    print(f"  {len(wiltshire.indicators)} indicators in {len(wiltshire.domains)} domains, "
          f"{len(wiltshire.indicators.ranges)} expected ranges, "
          f"{len(wiltshire.indicators.targets)} targets")
    print("  Strategic priorities 2023 and their leads:")
    for priority in wiltshire.priorities:
        if "2023" in priority.strategy:
            leads = ", ".join(priority.leads)
            print(f"    {priority.title[:60]:<60} {leads}  [{priority.source}]")
    moves = wiltshire.indicators["placement_moves_3plus"]
    print(f"  {moves.name}: {moves.polarity}  [{moves.source}]")
    for expected in wiltshire.indicators.ranges:
        if expected.indicator == moves.id:
            bounds = moves.format_range(expected.lower, expected.upper)
            print(f"    expected range {expected.period}: {bounds}  [{expected.source}]")
    if wiltshire.comparators is not None:
        neighbours = ", ".join(a.name for a in wiltshire.comparators.statistical_neighbours)
        print(f"  Statistical neighbours: {neighbours}")
    constitution = wiltshire.constitution
    if constitution is not None and constitution.quorum is not None:
        print(f"  Quorum: {constitution.quorum.requirement.name}  [{constitution.quorum.source}]")
    if constitution is not None and constitution.frequency is not None:
        frequency = constitution.frequency
        print(f"  Meetings: every {frequency.every_months} months, at least "
              f"{frequency.minimum_per_year} a year  [{frequency.source}]")
    if wiltshire.meetings:
        print("  Meetings held in 2022-23: "
              + ", ".join(day.isoformat() for day in wiltshire.meetings.dates))
    if wiltshire.obligations:
        print("  Reporting:")
        for obligation in wiltshire.obligations:
            print(f"    {obligation.describe()}")

    problems = validate_plugin_file(EXAMPLE_FILE)
    verdict = "valid" if not problems else f"{len(problems)} problems"
    print(f"\nChecked {EXAMPLE_FILE.name}: {verdict}")
    for problem in problems:
        print(f"  line {problem.line}, {problem.field}: {problem.message}")


if __name__ == "__main__":
    main()
