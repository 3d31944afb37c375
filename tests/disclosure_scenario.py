"""The adversary's scenario: one authority's readings for two years of months and the
papers its panel publishes from them, for the disclosure-control tests.

An authority ("Fenmoor", fictional) publishes a monthly paper, a quarterly paper and an
annual paper through the public profile. Its indicators are shaped so that each way a
reader once pinned a withheld count from such papers is open to them:

* monthly counts with a small month in the middle of a process chart's window (November
  2022) and in the last month of a quarter (June 2023): missing episodes 3, placement
  moves 1;
* a total declared the sum of two parts, children placed in county and out of county,
  with 71 = 68 + 3 in both those months;
* a count with an expected range of 2-9 set by hand, whose value 1 in May 2023 reads
  "better than expected";
* a count whose direction of travel has a tolerance of 2 (``TOLERANCES``): 7 in April
  2023, 5 in May, "no change";
* a percentage read with its numerator and denominator: 2 of 40 in June 2023, 2 of 25 in
  November 2022;
* comparators with figures for three years, so that "Comparators over time" sets the
  authority's own year percentage beside them.

The readings run from April 2022, so that the monthly papers of 2023-24 draw process
charts (13 points or more), and every paper shows ``HISTORY`` periods of trend, so that a
monthly paper shows the whole of the year before.

This module imports corpparent only inside the functions that run it, so that the same
file can drive corpparent 0.2 in a virtual environment of its own (``python=``) as well as
the code under test (in this process).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

__all__ = [
    "APRIL",
    "CHARTED",
    "DENOMINATORS",
    "FORMATS",
    "HISTORY",
    "MAY",
    "MONTHS",
    "NUMERATORS",
    "PAPERS",
    "PAPER_FILES",
    "PLUGIN",
    "Q1",
    "READINGS",
    "TOLERANCES",
    "VALUES",
    "YEAR",
    "make_papers",
    "run_chart",
    "run_scorecard",
    "write_scenario",
]

APRIL = "2023-04"
MAY = "2023-05"
Q1 = "2023-24 Q1"
YEAR = "2023-24"
#: The papers a reader has, in the order the panel published them.
PAPERS = (APRIL, MAY, Q1, YEAR)
#: Periods of trend each paper shows: a monthly paper shows the year before it whole.
HISTORY = 13
#: The travel tolerance of the one indicator judged with one (in its unit, children).
TOLERANCES: Mapping[str, float] = {"school_moves": 2.0}

PLUGIN = "fenmoor.toml"
READINGS = "fenmoor_readings.csv"

#: April 2022 to March 2024.
MONTHS = tuple(f"{2022 + (m >= 9)}-{(m + 3) % 12 + 1:02d}" for m in range(12)) + tuple(
    f"{2023 + (m >= 9)}-{(m + 3) % 12 + 1:02d}" for m in range(12))

# Index in MONTHS:      Apr May Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar  (2022-23)
#                       Apr May Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar  (2023-24)
_COUNTS: dict[str, tuple[int, ...]] = {
    "missing_episodes": (12, 15, 11, 14, 17, 13, 16, 3, 18, 12, 14, 15,
                         13, 16, 3, 14, 12, 17, 15, 13, 11, 16, 14, 12),
    "placement_moves": (9, 11, 8, 10, 12, 9, 13, 1, 10, 8, 11, 9,
                        12, 10, 1, 11, 9, 10, 12, 8, 9, 11, 10, 13),
    "placed_in_county": (63, 70, 66, 72, 69, 65, 71, 68, 67, 73, 66, 70,
                         69, 72, 68, 66, 71, 67, 70, 65, 68, 72, 69, 66),
    "placed_out_of_county": (8, 9, 7, 10, 8, 9, 11, 3, 9, 8, 10, 7,
                             9, 8, 3, 10, 9, 8, 7, 11, 9, 8, 10, 9),
    "offending": (7, 8, 6, 9, 7, 8, 6, 7, 9, 8, 7, 6,
                  8, 1, 7, 9, 6, 8, 7, 9, 6, 8, 7, 6),
    "school_moves": (10, 12, 9, 11, 8, 10, 9, 11, 12, 10, 9, 8,
                     7, 5, 9, 10, 8, 11, 9, 10, 12, 8, 9, 10),
}
_COUNTS["placed"] = tuple(a + b for a, b in zip(
    _COUNTS["placed_in_county"], _COUNTS["placed_out_of_county"], strict=True))

_DENTAL: tuple[tuple[int, int], ...] = (
    (18, 42), (20, 44), (17, 39), (21, 45), (19, 41), (22, 46),
    (20, 43), (2, 25), (18, 40), (23, 47), (21, 44), (19, 42),
    (22, 45), (20, 43), (2, 40), (21, 44), (19, 42), (23, 46),
    (20, 41), (22, 45), (18, 39), (24, 48), (21, 43), (20, 44),
)

#: Every count read, by (indicator, month): the true figures the tests recover.
VALUES: dict[tuple[str, str], int] = {
    (indicator, month): value
    for indicator, series in _COUNTS.items()
    for month, value in zip(MONTHS, series, strict=True)
}
#: The percentage's numerators and denominators, by month.
NUMERATORS: dict[str, int] = {m: n for m, (n, _) in zip(MONTHS, _DENTAL, strict=True)}
DENOMINATORS: dict[str, int] = {m: d for m, (_, d) in zip(MONTHS, _DENTAL, strict=True)}

_COUNT_INDICATORS = (
    ("missing_episodes", "Children in care who had a missing episode", "Safety", ""),
    ("placement_moves", "Children in care who moved placement", "Stability", ""),
    ("placed", "Children placed in the month", "Stability",
     'parts = ["placed_in_county", "placed_out_of_county"]\n'),
    ("placed_in_county", "Children placed in county in the month", "Stability", ""),
    ("placed_out_of_county", "Children placed out of county in the month", "Stability", ""),
    ("offending", "Children in care cautioned or convicted", "Safety", ""),
    ("school_moves", "Children in care who changed school", "Education", ""),
)


def _plugin_text() -> str:
    indicators = "".join(
        f'[[indicators]]\nid = "{id_}"\nname = "{name}"\nkind = "count"\n'
        f'polarity = "lower is better"\ndomain = "{domain}"\nsource = "scenario"\n{extra}\n'
        for id_, name, domain, extra in _COUNT_INDICATORS)
    return f'''format_version = 1

[authority]
id = "fenmoor"
name = "Fenmoor Council"
region = "East of England"
domains = ["Safety", "Stability", "Education", "Health"]
description = "A fictional authority whose papers test disclosure control."

{indicators}[[indicators]]
id = "dental_checks"
name = "Children in care who had a dental check when due"
kind = "percentage"
polarity = "higher is better"
domain = "Health"
source = "scenario"

[[ranges]]
indicator = "offending"
period = "2022-23"
lower = 2
upper = 9
source = "scenario: set by hand"

[[ranges]]
indicator = "offending"
period = "2023-24"
lower = 2
upper = 9
source = "scenario: set by hand"

[comparators]
authority = {{name = "Fenmoor", region = "East of England"}}

[[comparators.comparators]]
name = "England"
kind = "England"
source = "scenario"
values = [
    {{indicator = "dental_checks", period = "2021-22", value = 45}},
    {{indicator = "dental_checks", period = "2022-23", value = 47}},
    {{indicator = "dental_checks", period = "2023-24", value = 48}},
]

[[comparators.comparators]]
name = "East of England"
kind = "region"
source = "scenario"
values = [
    {{indicator = "dental_checks", period = "2021-22", value = 44}},
    {{indicator = "dental_checks", period = "2022-23", value = 46}},
    {{indicator = "dental_checks", period = "2023-24", value = 47}},
]
'''


def write_scenario(folder: Path) -> tuple[Path, Path]:
    """Write the authority's plug-in file and its monthly readings into ``folder``; give
    their paths (plug-in, readings)."""
    folder.mkdir(parents=True, exist_ok=True)
    plugin = folder / PLUGIN
    plugin.write_text(_plugin_text(), encoding="utf-8")
    readings = folder / READINGS
    with readings.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["indicator", "period", "value", "numerator", "denominator"])
        for (indicator, month), value in VALUES.items():
            writer.writerow([indicator, month, value, "", ""])
        for month in MONTHS:
            numerator, denominator = NUMERATORS[month], DENOMINATORS[month]
            writer.writerow(["dental_checks", month, repr(100 * numerator / denominator),
                             numerator, denominator])
    return plugin, readings


def _run(arguments: Sequence[str], folder: Path, python: str | None) -> None:
    """Run ``corpparent ARGUMENTS`` (``{plugin}`` and ``{readings}`` standing for the
    scenario's files): under ``python`` (another installation) in a process of its own,
    in ``folder`` and naming the files without it, or the code under test in this
    process. The user's data directory is the scenario's own, so that whatever a command
    records of what was published stays with the scenario."""
    environment = {"XDG_DATA_HOME": str(folder / "user-data"),
                   "CORPPARENT_DATA_DIR": str(folder / "user-data" / "corpparent")}
    if python is not None:
        named = [a.format(plugin=PLUGIN, readings=READINGS) for a in arguments]
        done = subprocess.run([python, "-m", "corpparent", *named], capture_output=True,
                              text=True, env={**os.environ, **environment}, cwd=folder,
                              check=False)
        if done.returncode != 0:
            raise RuntimeError(f"corpparent {' '.join(named)}: {done.stderr}")
        return
    from click.testing import CliRunner

    from corpparent.cli import cli

    named = [a.format(plugin=folder / PLUGIN, readings=folder / READINGS) for a in arguments]
    result = CliRunner().invoke(cli, named, env=environment)
    if result.exit_code != 0:
        raise RuntimeError(f"corpparent {' '.join(named)}: exit {result.exit_code}: "
                           f"{result.output}") from result.exception


def run_scorecard(folder: Path, period: str, fmt: str, output: Path, *,
                  profile: str | None = "public", python: str | None = None,
                  tolerances: bool = False) -> Path:
    """Write the scenario's paper for ``period`` (a month, a quarter or a year) in
    ``fmt`` under ``profile`` (``None``: the format's default) to ``output``, as
    ``corpparent scorecard`` makes it from the monthly readings in ``folder`` (written by
    :func:`write_scenario`); a quarter's and a year's figures are made of their months.

    With ``tolerances``, the paper is made through the Python API instead, the same
    steps with the direction of travel judged with ``TOLERANCES`` (the command line has
    no option for them): json and markdown only.
    """
    if tolerances:
        if python is None:
            _tolerance_paper([str(folder / PLUGIN), str(folder / READINGS), period, fmt,
                              str(output), profile or ""])
        else:
            here = str(Path(__file__).resolve().parent)
            program = (f"import sys; sys.path.insert(0, {here!r}); "
                       "from disclosure_scenario import _tolerance_paper; "
                       "_tolerance_paper(sys.argv[1:])")
            subprocess.run([python, "-c", program, PLUGIN, READINGS, period, fmt,
                            str(output.resolve()), profile or ""],
                           check=True, capture_output=True, cwd=folder)
        return output
    arguments = ["scorecard", "{readings}", "-a", "{plugin}", "-p", period, "-f", fmt,
                 "-o", str(output.resolve()), "--history", str(HISTORY)]
    if profile is not None:
        arguments += ["--profile", profile]
    _run(arguments, folder, python)
    return output


def run_chart(folder: Path, indicator: str, period: str, fmt: str, output: Path, *,
              profile: str | None = "public", python: str | None = None) -> Path:
    """Write ``corpparent chart``'s process chart of ``indicator`` up to ``period`` in
    ``fmt`` to ``output``."""
    arguments = ["chart", "{readings}", "-a", "{plugin}", "-n", indicator, "-p", period,
                 "-f", fmt, "-o", str(output.resolve())]
    if profile is not None:
        arguments += ["--profile", profile]
    _run(arguments, folder, python)
    return output


def _tolerance_paper(arguments: Sequence[str]) -> None:
    """Make a paper through the Python API with ``TOLERANCES``: arguments are the plug-in,
    the readings, the period, the format, the output and the profile ('' the default)."""
    from corpparent import Scorecard, parse_period, read_readings
    from corpparent.plugins import load_authority
    from corpparent.report import finish, make_provenance, render, scorecard_report
    from corpparent.spc import XmROptions

    plugin, readings_file, period_text, fmt, output, profile = arguments
    authority = load_authority(plugin)
    readings = read_readings(readings_file, authority.indicators)
    comparators = () if authority.comparators is None else authority.comparators.comparators
    period = parse_period(period_text)
    result = Scorecard(authority.indicators, tolerances=dict(TOLERANCES),
                       process=XmROptions(), comparators=comparators,
                       history=HISTORY).assess(readings, period)
    report = scorecard_report(result, make_provenance(inputs=[readings_file, plugin],
                                                      period=period),
                              authority=authority.name)
    paper = finish(report, fmt, profile=profile or None)  # type: ignore[arg-type]
    Path(output).write_text(render(paper, fmt), encoding="utf-8")  # type: ignore[arg-type]


#: The papers' file names, by period.
PAPER_FILES: Mapping[str, str] = {APRIL: "april", MAY: "may", Q1: "q1", YEAR: "year"}
#: Formats and the suffix of their files; the Word paper is made of May only.
FORMATS: Mapping[str, str] = {"json": "json", "markdown": "md", "html": "html", "csv": "csv",
                              "xlsx": "xlsx"}
#: The series whose process charts ``corpparent chart`` draws for April 2023.
CHARTED = ("missing_episodes", "placement_moves", "placed_in_county", "placed_out_of_county")


def make_papers(folder: Path, python: str | None = None) -> Path:
    """Write the scenario into ``folder`` and every paper a reader of it has, in the
    order the panel publishes them: each of ``PAPERS`` in every format of ``FORMATS``
    (``april.json``, ``q1.md`` ...; a CSV paper's other tables beside it), May's also
    as ``may.docx``, as ``may-tolerance.json`` and ``.md`` (travel judged with
    ``TOLERANCES``) and as ``may-default.csv`` and ``.xlsx`` (the tables' default
    profile); ``corpparent chart``'s Markdown of each ``CHARTED`` series up to April
    (``chart-missing_episodes.md`` ...)."""
    write_scenario(folder)
    for period in PAPERS:
        name = PAPER_FILES[period]
        for fmt, suffix in FORMATS.items():
            run_scorecard(folder, period, fmt, folder / f"{name}.{suffix}", python=python)
        if period == APRIL:
            for indicator in CHARTED:
                run_chart(folder, indicator, APRIL, "markdown",
                          folder / f"chart-{indicator}.md", python=python)
        if period == MAY:
            run_scorecard(folder, MAY, "docx", folder / "may.docx", python=python)
            for fmt, suffix in (("json", "json"), ("markdown", "md")):
                run_scorecard(folder, MAY, fmt, folder / f"may-tolerance.{suffix}",
                              python=python, tolerances=True)
            for fmt in ("csv", "xlsx"):
                run_scorecard(folder, MAY, fmt, folder / f"may-default.{fmt}", profile=None,
                              python=python)
    return folder


if __name__ == "__main__":  # pragma: no cover - makes the kept papers of another version
    # python tests/disclosure_scenario.py FOLDER [PYTHON]
    make_papers(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None)
