"""Withheld counts a reader once worked out from a panel's public papers, and that they
cannot work out any more.

Each recovery is written twice over the same arithmetic: once on the papers corpparent
0.2 made of the adversary's scenario (kept in ``tests/data/disclosure_0_2``, see its
README), where it gives back the withheld figure exactly, and once on the papers the code
under test makes of the same scenario with the same commands, where the figures the
arithmetic needs must be withheld, or stated without the bound that pins the figure.

A recovery gives the values the figure can still take (a set of whole numbers), or
``None`` when a figure it needs is not published. A withheld count is shown as ``c``,
which says it is from 1 to 5; a recovery that rules out any of those has narrowed it.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from disclosure_scenario import (
    APRIL,
    DENOMINATORS,
    MAY,
    MONTHS,
    NUMERATORS,
    TOLERANCES,
    VALUES,
    make_papers,
    write_scenario,
)

OLD = Path(__file__).parent / "data" / "disclosure_0_2"
#: What the symbol c alone says of a count: from 1 to 5 (counts below 6 are withheld).
C_VALUES = frozenset(range(1, 6))
#: A count no reader would doubt is larger than every count of the scenario.
LARGEST = 1000
#: The month that is withheld in the middle of April 2023's charts (and within the
#: year 2022-23), and the month withheld at the end of the first quarter of 2023-24.
NOVEMBER, JUNE = "2022-11", "2023-06"
SERIES = ("missing_episodes", "placement_moves", "placed_out_of_county", "placed_in_county")
NAMES = {
    "missing_episodes": "Children in care who had a missing episode",
    "placement_moves": "Children in care who moved placement",
    "placed": "Children placed in the month",
    "placed_in_county": "Children placed in county in the month",
    "placed_out_of_county": "Children placed out of county in the month",
    "offending": "Children in care cautioned or convicted",
    "school_moves": "Children in care who changed school",
    "dental_checks": "Children in care who had a dental check when due",
}
APRIL_2022_TO_MARCH_2023 = MONTHS[:12]


@pytest.fixture(scope="module")
def today(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The papers the code under test makes of the scenario, as 0.2's were made."""
    return make_papers(tmp_path_factory.mktemp("disclosure-today"))


def narrowed(candidates: set[int] | None) -> bool:
    """Whether a recovery says more of a withheld count than its symbol c does."""
    return candidates is not None and not C_VALUES.issubset(candidates)


def test_kept_papers_are_of_this_scenario(tmp_path: Path) -> None:
    """0.2's papers were made of the files the scenario writes today, byte for byte."""
    for written in write_scenario(tmp_path):
        kept = OLD / written.name
        assert written.read_bytes() == kept.read_bytes()
        digest = hashlib.sha256(kept.read_bytes()).hexdigest()
        for name in ("april.json", "may.json", "q1.json", "year.json"):
            inputs = read_json(OLD, name)["provenance"]["inputs"]
            assert {"path": written.name, "sha256": digest} in [
                {"path": i["path"], "sha256": i["sha256"]} for i in inputs]


# --- reading the papers ------------------------------------------------------------------

_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def number(text: object) -> float | None:
    """The number a cell or a field starts with ('13 children', '48.9%', 13.0); ``None``
    for 'c', '–' or nothing."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        return float(text)
    found = _NUMBER.match(str(text or "").strip())
    return None if found is None else float(found.group().replace(",", ""))


def read_json(folder: Path, name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((folder / name).read_text(encoding="utf-8"))
    return loaded


def json_indicator(paper: Mapping[str, Any], indicator: str) -> dict[str, Any]:
    (found,) = [i for i in paper["indicators"] if i["id"] == indicator]
    return dict(found)


def json_points(item: Mapping[str, Any]) -> dict[str, float | None]:
    return {p["period"]: number(p["value"]) for p in item["trend"]}


def json_mean(item: Mapping[str, Any]) -> float | None:
    """The process mean a JSON paper gives for an indicator: its variation finding's, or
    the middle of its process range."""
    for finding in item["findings"]:
        mean = number(finding["evidence"].get("mean"))
        if finding["family"] == "variation" and mean is not None:
            return mean
    process = item.get("process_range")
    if process:
        return float(process["lower"] + process["upper"]) / 2
    chart = item.get("chart")
    return number(chart["mean"]) if chart else None


def _csv_rows(path: Path, header: str) -> list[dict[str, str]]:
    """The rows of a CSV table, from the line that holds its column ``header`` (a note
    may come before it)."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    start = next(n for n, line in enumerate(lines) if header in line.split(","))
    return list(csv.DictReader(lines[start:]))


def _sheet_rows(path: Path, sheet: str, header: str) -> list[dict[str, Any]]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [list(r) for r in book[sheet].iter_rows(values_only=True)]
    start = next(n for n, row in enumerate(rows) if header in row)
    names = [str(cell) for cell in rows[start]]
    return [dict(zip(names, row, strict=False)) for row in rows[start + 1:]]


def table_rows(folder: Path, name: str, fmt: str, table: str) -> list[dict[str, Any]]:
    """A tidy table of a CSV or xlsx paper: ``indicators`` (the main one) or ``findings``."""
    header = "indicator_id" if table == "indicators" else "subject"
    if fmt == "csv":
        path = folder / (f"{name}.csv" if table == "indicators" else f"{name}-{table}.csv")
        return _csv_rows(path, header)
    return _sheet_rows(folder / f"{name}.xlsx", table, header)


def table_points(rows: Iterable[Mapping[str, Any]], indicator: str) -> dict[str, float | None]:
    points = {str(r["period"]): number(r["value"]) for r in rows
              if r["indicator_id"] == indicator}
    assert points, f"no row of {indicator}"
    return points


def table_mean(findings: Iterable[Mapping[str, Any]], indicator: str) -> float | None:
    """The process mean a findings table's evidence gives ('mean: 13.3076...')."""
    for row in findings:
        if row["subject"] == indicator and row["family"] == "variation":
            found = re.search(r"(?:^|; )mean: ([^;]+)", str(row["evidence"] or ""))
            if found is not None and number(found.group(1)) is not None:
                return number(found.group(1))
    return None


def markdown_row(folder: Path, name: str, indicator: str) -> dict[str, str]:
    """The row of a Markdown paper's scorecard table for ``indicator``, by column."""
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    header = next(line for line in lines if line.startswith("| Domain | Indicator |"))
    columns = [c.strip() for c in header.strip("|").split("|")]
    for line in lines:
        cells = [c.strip() for c in line.strip("|").split("|")]
        if line.startswith("|") and len(cells) == len(columns) \
                and cells[1] == NAMES[indicator]:
            return dict(zip(columns, cells, strict=True))
    raise AssertionError(f"{name} has no scorecard row for {indicator}")


def html_card(folder: Path, name: str, indicator: str) -> str:
    """The text of an HTML paper's card for ``indicator`` (its charts left out)."""
    page = (folder / name).read_text(encoding="utf-8")
    page = re.sub(r"<svg.*?</svg>", "", page, flags=re.S)
    title = f"<h4>{html.escape(NAMES[indicator])}</h4>"
    start = page.index(title)
    return page[start:page.index("</article>", start)]


def html_field(card: str, label: str) -> str | None:
    found = re.search(rf"<dt>{label}</dt><dd>(.*?)</dd>", card, flags=re.S)
    return None if found is None else html.unescape(re.sub(r"<[^>]+>", "", found.group(1)))


def html_points(card: str) -> dict[str, float | None]:
    """The figures behind an HTML card's chart, by period."""
    rows = re.findall(r"<tr><td>([^<]+)</td><td class=\"num\">([^<]*)</td>", card)
    assert rows, "the card has no table of the figures behind its chart"
    return {period: number(html.unescape(value)) for period, value in rows}


def process_limits(text: str | None) -> tuple[float, float] | None:
    """The process limits stated in an 'Expected range' cell: '0.2–26.4 children (process
    limits)' or '2–9 children; process limits 3.2–11.6 children'."""
    if text is None:
        return None
    found = (re.search(r"(-?[\d.]+)–(-?[\d.]+)[^;]*\(process limits\)", text)
             or re.search(r"process limits (-?[\d.]+)–(-?[\d.]+)", text))
    return None if found is None else (float(found.group(1)), float(found.group(2)))


def hand_set_range(text: str | None) -> tuple[float, float] | None:
    """The expected range set by hand in an 'Expected range' cell: '2–9 children; ...'."""
    if text is None or text.endswith("(process limits)"):
        return None
    found = re.match(r"(-?[\d.]+)%?–(-?[\d.]+)", text.strip())
    return None if found is None else (float(found.group(1)), float(found.group(2)))


def docx_texts(folder: Path, name: str) -> Iterator[str]:
    paper = docx.Document(str(folder / name))
    for paragraph in paper.paragraphs:
        yield paragraph.text
    for table in paper.tables:
        for row in table.rows:
            yield " | ".join(cell.text for cell in row.cells)


# --- the arithmetic ----------------------------------------------------------------------

def from_mean(points: Mapping[str, float | None], month: str, mean: float | None,
              half_width: float = 1e-9) -> set[int] | None:
    """The values ``month`` can take when the mean of the chart's points is ``mean``
    (give or take ``half_width``, the rounding of a figure as printed) and every other
    point is published: x = n × mean − (the sum of the other points)."""
    others = [value for period, value in points.items() if period != month]
    if mean is None or month not in points or any(v is None for v in others):
        return None
    n = len(points)
    low = n * (mean - half_width) - sum(v for v in others if v is not None)
    high = n * (mean + half_width) - sum(v for v in others if v is not None)
    return {x for x in range(LARGEST) if low - 1e-6 <= x <= high + 1e-6}


def from_rounded_limits(points: Mapping[str, float | None], month: str,
                        limits: tuple[float, float] | None) -> set[int] | None:
    """The same from process limits printed to one decimal: the mean is their middle,
    to within 0.05."""
    if limits is None:
        return None
    return from_mean(points, month, (limits[0] + limits[1]) / 2, half_width=0.05)


def from_word(word: str | None, bounds: tuple[float, float] | None) -> set[int] | None:
    """The counts a status word allows against a range (lower is better): 'better than
    expected' is below its lower end, 'worse than expected' above its upper end, 'as
    expected' within it."""
    if word is None or bounds is None:
        return None
    lower, upper = bounds
    word = word.lower()
    if "better than expected" in word:
        return {x for x in C_VALUES if x < lower}
    if "worse than expected" in word:
        return {x for x in C_VALUES if x > upper}
    if "as expected" in word:
        return {x for x in C_VALUES if lower <= x <= upper}
    return None


def from_travel(word: str | None, earlier: float | None,
                tolerance: float | None) -> set[int] | None:
    """The counts a direction of travel allows from ``earlier`` with ``tolerance``
    (lower is better): 'no change' is within the tolerance, 'improved' below it,
    'worsened' above it."""
    if word is None or earlier is None or tolerance is None:
        return None
    word = word.lower()
    if "no change" in word:
        return {x for x in C_VALUES if abs(x - earlier) <= tolerance}
    if "improved" in word:
        return {x for x in C_VALUES if x < earlier - tolerance}
    if "worsened" in word:
        return {x for x in C_VALUES if x > earlier + tolerance}
    return None


def from_percentage(known: Iterable[tuple[float | None, float | None]],
                    whole: float | None) -> set[int] | None:
    """The numerators x (a withheld count, 1 to 5) of the one month not among ``known``
    (numerator, percentage) that make the ``whole`` period's percentage: each known
    month's denominator is its numerator over its percentage; the withheld month's
    denominator d must then be a whole number, at least x, with
    (N + x) / (D + d) = whole."""
    pairs = list(known)
    if whole is None or any(n is None or p is None for n, p in pairs):
        return None
    numerators = sum(n for n, _ in pairs if n is not None)
    denominators = sum(round(n * 100 / p) for n, p in pairs if n is not None and p)
    found = set()
    for x in C_VALUES:
        d = (numerators + x) * 100 / whole - denominators
        if abs(d - round(d)) < 1e-6 and round(d) >= x:
            found.add(x)
    return found


def from_quarter(quarter: float | None, first: float | None,
                 second: float | None) -> set[int] | None:
    """The third month of a quarter: the quarter's count less its first two months'."""
    if quarter is None or first is None or second is None:
        return None
    return {round(quarter - first - second)}


# --- 1. process charts: the mean and limits with the other published points -------------

def chart_recovery(folder: Path, fmt: str, indicator: str) -> set[int] | None:
    """November 2022 of ``indicator`` from April 2023's paper in ``fmt``: the chart's
    mean (or process limits) with its other twelve points."""
    if fmt == "json":
        item = json_indicator(read_json(folder, "april.json"), indicator)
        return from_mean(json_points(item), NOVEMBER, json_mean(item))
    if fmt in ("csv", "xlsx"):
        points = table_points(table_rows(folder, "april", fmt, "indicators"), indicator)
        mean = table_mean(table_rows(folder, "april", fmt, "findings"), indicator)
        return from_mean(points, NOVEMBER, mean)
    if fmt == "html":
        card = html_card(folder, "april.html", indicator)
        return from_rounded_limits(html_points(card), NOVEMBER,
                                   process_limits(html_field(card, "Expected range")))
    # `corpparent chart`'s Markdown states the mean and the limits to one decimal, and
    # each bounds the mean; the other points are April's paper's.
    text = (folder / f"chart-{indicator}.md").read_text(encoding="utf-8")
    points = json_points(json_indicator(read_json(folder, "april.json"), indicator))
    stated = re.search(r"mean of (-?[\d.]+)", text)
    limits = re.search(r"process limits (-?[\d.]+) \S+ to (-?[\d.]+)", text)
    by_mean = from_mean(points, NOVEMBER, None if stated is None else float(stated.group(1)),
                        half_width=0.05)
    by_limits = from_rounded_limits(points, NOVEMBER, None if limits is None else (
        float(limits.group(1)), float(limits.group(2))))
    if by_mean is None or by_limits is None:
        return by_mean if by_limits is None else by_limits
    return by_mean & by_limits


CHART_FORMATS = ("json", "csv", "xlsx", "html", "chart-markdown")


@pytest.mark.parametrize("fmt", CHART_FORMATS)
@pytest.mark.parametrize("indicator", SERIES)
def test_0_2_process_chart_gives_back_the_withheld_month(indicator: str, fmt: str) -> None:
    assert chart_recovery(OLD, fmt, indicator) == {VALUES[indicator, NOVEMBER]}


@pytest.mark.parametrize("fmt", CHART_FORMATS)
@pytest.mark.parametrize("indicator", SERIES)
def test_process_chart_no_longer_gives_back_the_withheld_month(
        today: Path, indicator: str, fmt: str) -> None:
    assert not narrowed(chart_recovery(today, fmt, indicator))


# --- 2. words that bound a figure: "better than expected" against a range of 2-9 --------

WORD_FORMATS = ("json", "csv", "xlsx", "html", "markdown", "docx")


def word_recovery(folder: Path, fmt: str) -> set[int] | None:
    """May 2023's count of children cautioned or convicted from the status word May's
    paper in ``fmt`` gives it, against the range set by hand (read from the same paper,
    or else from April's: a range the council set is public either way)."""
    word: str | None = None
    bounds: tuple[float, float] | None = None
    if fmt == "json":
        item = json_indicator(read_json(folder, "may.json"), "offending")
        ranged = [f["outcome"] for f in item["findings"] if f["family"] == "expected range"]
        word = next((w for w in (item["performance"], *ranged) if w), None)
        if item["expected_range"] and not item["expected_range"]["from_process"]:
            bounds = (item["expected_range"]["lower"], item["expected_range"]["upper"])
    elif fmt in ("csv", "xlsx"):
        (row,) = [r for r in table_rows(folder, "may", fmt, "indicators")
                  if r["indicator_id"] == "offending" and r["period"] == MAY]
        word = row.get("performance") or None
        lower, upper = number(row.get("range_lower")), number(row.get("range_upper"))
        if lower is not None and upper is not None:
            bounds = (lower, upper)
    elif fmt == "html":
        card = html_card(folder, "may.html", "offending")
        headline = re.search(r"<span class=\"badge[^\"]*\">([^<]*)</span>", card)
        word = None if headline is None else html.unescape(headline.group(1))
        bounds = hand_set_range(html_field(card, "Expected range"))
    elif fmt == "markdown":
        row = markdown_row(folder, "may.md", "offending")
        word, bounds = row["Status"], hand_set_range(row["Expected range"])
    else:  # the Word paper's exception report: "★ Better than expected: Children in ..."
        texts = list(docx_texts(folder, "may.docx"))
        said = [t.split(f": {NAMES['offending']}")[0] for t in texts
                if f": {NAMES['offending']}:" in t]
        word = next(iter(said), None)
        row_text = next((t for t in texts if t.split(" | ")[1:2] == [NAMES["offending"]]),
                        None)
        if row_text is not None:
            bounds = hand_set_range(row_text.split(" | ")[3])
    if bounds is None:
        april = json_indicator(read_json(folder, "april.json"), "offending")["expected_range"]
        bounds = (april["lower"], april["upper"])
    return from_word(word, bounds)


@pytest.mark.parametrize("fmt", WORD_FORMATS)
def test_0_2_status_word_bounds_the_withheld_count(fmt: str) -> None:
    assert word_recovery(OLD, fmt) == {VALUES["offending", MAY]} == {1}


@pytest.mark.parametrize("fmt", WORD_FORMATS)
def test_status_word_no_longer_bounds_the_withheld_count(today: Path, fmt: str) -> None:
    assert not narrowed(word_recovery(today, fmt))


# --- 3. a direction of travel with a tolerance: "no change" within 2 of a published 7 ---

def travel_recovery(folder: Path, fmt: str) -> set[int] | None:
    """May 2023's count of children who changed school from May's paper (travel judged
    with a tolerance of 2) and April's value; the tolerance as the JSON paper states it."""
    item = json_indicator(read_json(folder, "may-tolerance.json"), "school_moves")
    travel = [f for f in item["findings"] if f["family"] == "travel since last period"]
    tolerance = number(travel[0]["evidence"].get("tolerance")) if travel else None
    if fmt == "json":
        word = travel[0]["outcome"] if travel else None
        return from_travel(word, json_points(item).get(APRIL), tolerance)
    row = markdown_row(folder, "may-tolerance.md", "school_moves")
    april = number(markdown_row(folder, "april.md", "school_moves")["Value"])
    return from_travel(row.get("Since last period"), april, tolerance)


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_0_2_travel_with_a_tolerance_gives_back_the_withheld_count(fmt: str) -> None:
    assert TOLERANCES["school_moves"] == 2
    assert travel_recovery(OLD, fmt) == {VALUES["school_moves", MAY]} == {5}


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_travel_with_a_tolerance_no_longer_gives_back_the_withheld_count(
        today: Path, fmt: str) -> None:
    assert not narrowed(travel_recovery(today, fmt))


# --- 4. other periods: the quarter less two published months -----------------------------

def quarter_recovery(folder: Path, indicator: str) -> set[int] | None:
    """June 2023 from the April, May and first-quarter Markdown papers alone."""
    values = [number(markdown_row(folder, f"{name}.md", indicator)["Value"])
              for name in ("q1", "april", "may")]
    return from_quarter(*values)


@pytest.mark.parametrize("indicator", SERIES)
def test_0_2_quarter_less_two_months_gives_back_the_third(indicator: str) -> None:
    assert quarter_recovery(OLD, indicator) == {VALUES[indicator, JUNE]}


@pytest.mark.parametrize("indicator", SERIES)
def test_quarter_less_two_months_no_longer_gives_back_the_third(
        today: Path, indicator: str) -> None:
    assert not narrowed(quarter_recovery(today, indicator))


# --- 5. percentages: a month's numerator from the quarter's percentage --------------------

def quarter_percentage_recovery(folder: Path) -> set[int] | None:
    """June 2023's numerator (2 of 40) from the quarter's percentage and April's and
    May's numerators and percentages (JSON papers)."""
    known = []
    for name, month in (("april", APRIL), ("may", MAY)):
        item = json_indicator(read_json(folder, f"{name}.json"), "dental_checks")
        (point,) = [p for p in item["trend"] if p["period"] == month]
        known.append((number(point.get("numerator")), number(point["value"])))
    quarter = json_indicator(read_json(folder, "q1.json"), "dental_checks")
    return from_percentage(known, number(quarter["value"]))


def test_0_2_quarter_percentage_gives_back_a_month_numerator() -> None:
    assert (NUMERATORS[JUNE], DENOMINATORS[JUNE]) == (2, 40)
    assert quarter_percentage_recovery(OLD) == {NUMERATORS[JUNE]}


def test_quarter_percentage_no_longer_gives_back_a_month_numerator(today: Path) -> None:
    assert not narrowed(quarter_percentage_recovery(today))


# --- 6. the authority's own year percentage in "Comparators over time" -------------------

def year_percentage_recovery(folder: Path) -> set[int] | None:
    """November 2022's numerator (2 of 25) from April 2023's paper: the year 2022-23 set
    beside the comparators, and the year's other eleven months in the trend."""
    item = json_indicator(read_json(folder, "april.json"), "dental_checks")
    year = [number(p["value"]) for p in item["beside"] if p["period"] == "2022-23"]
    points = {p["period"]: p for p in item["trend"]}
    assert set(APRIL_2022_TO_MARCH_2023) <= set(points), "the trend shows the whole year"
    known = [(number(points[m].get("numerator")), number(points[m]["value"]))
             for m in APRIL_2022_TO_MARCH_2023 if m != NOVEMBER]
    return from_percentage(known, year[0] if year else None)


def test_0_2_year_percentage_beside_comparators_gives_back_a_month_numerator() -> None:
    assert (NUMERATORS[NOVEMBER], DENOMINATORS[NOVEMBER]) == (2, 25)
    assert year_percentage_recovery(OLD) == {NUMERATORS[NOVEMBER]}


def test_year_percentage_beside_comparators_no_longer_gives_back_a_month_numerator(
        today: Path) -> None:
    assert not narrowed(year_percentage_recovery(today))


# --- 7. declared totals across tables: 71 - 3 = 68 ---------------------------------------

def total_recovery(folder: Path) -> set[int] | None:
    """November 2022's children placed in county from April 2023's JSON paper: the total
    less the part placed out of county, where that part is published or its chart gives
    it back."""
    paper = read_json(folder, "april.json")
    total = json_points(json_indicator(paper, "placed")).get(NOVEMBER)
    part = json_points(json_indicator(paper, "placed_out_of_county")).get(NOVEMBER)
    if part is None:
        recovered = chart_recovery(folder, "json", "placed_out_of_county")
        part = next(iter(recovered)) if recovered is not None and len(recovered) == 1 \
            else None
    if total is None or part is None:
        return None
    return {round(total - part)}


def test_0_2_declared_total_gives_back_the_other_part() -> None:
    assert VALUES["placed", NOVEMBER] == 71
    assert total_recovery(OLD) == {VALUES["placed_in_county", NOVEMBER]} == {68}


def test_declared_total_no_longer_gives_back_the_other_part(today: Path) -> None:
    assert not narrowed(total_recovery(today))


# --- 8. exports: -f csv and -f xlsx without --profile ------------------------------------

def export_texts(folder: Path, fmt: str) -> list[str]:
    """Everything a reader sees on opening May's default export: the CSV tables' text;
    the workbook's cells (its first sheet first) and its document properties."""
    if fmt == "csv":
        tables = [folder / "may-default.csv", *sorted(folder.glob("may-default-*.csv"))]
        return [path.read_text(encoding="utf-8-sig") for path in tables]
    book = openpyxl.load_workbook(folder / "may-default.xlsx", read_only=True)
    texts = [" ".join(str(cell) for row in sheet.iter_rows(values_only=True)
                      for cell in row if cell is not None) for sheet in book]
    properties = book.properties
    return [*texts, " ".join(str(getattr(properties, field) or "") for field in
                             ("title", "subject", "description", "keywords", "category"))]


def export_recovery(folder: Path, fmt: str) -> dict[str, float | None]:
    """The small counts of November 2022 as May's default export gives them."""
    rows = table_rows(folder, "may-default", fmt, "indicators")
    return {indicator: table_points(rows, indicator)[NOVEMBER]
            for indicator in ("missing_episodes", "placement_moves",
                              "placed_out_of_county")}


def marked_not_for_publication(folder: Path, fmt: str) -> bool:
    return any("not for publication" in text.lower() for text in export_texts(folder, fmt))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_0_2_default_export_gives_small_counts_unmarked(fmt: str) -> None:
    assert export_recovery(OLD, fmt) == {
        indicator: VALUES[indicator, NOVEMBER]
        for indicator in ("missing_episodes", "placement_moves", "placed_out_of_county")}
    assert not marked_not_for_publication(OLD, fmt)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_default_export_is_marked_where_it_gives_small_counts(today: Path, fmt: str) -> None:
    shown = {indicator: value for indicator, value in export_recovery(today, fmt).items()
             if value is not None and value in C_VALUES}
    if shown:
        assert marked_not_for_publication(today, fmt)
    first = export_texts(today, fmt)[0].lower()
    assert not shown or "not for publication" in first, \
        "the mark must be where a reader opens the file: the first table or sheet"
