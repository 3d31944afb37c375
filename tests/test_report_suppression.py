"""Small-number suppression: counts of children from 1 to threshold - 1 become 'c'."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, strategies as st

from corpparent import DefinitionError
from corpparent.report import (
    Suppression,
    finish,
    render,
    render_json,
    render_markdown,
    suppress,
)
from reports_support import count_report, wiltshire_report

QUARTERS = ("Q1", "Q2", "Q3", "Q4")
counts = st.integers(min_value=0, max_value=40)


def _numbers_in(document: object) -> list[float]:
    if isinstance(document, dict):
        return [n for value in document.values() for n in _numbers_in(value)]
    if isinstance(document, list):
        return [n for value in document for n in _numbers_in(value)]
    if isinstance(document, int | float) and not isinstance(document, bool):
        return [float(document)]
    return []


@given(st.lists(counts, min_size=4, max_size=4), st.integers(min_value=1, max_value=12))
def test_no_small_count_survives_suppression(values: list[int], threshold: int) -> None:
    """Whatever the figures, no count from 1 to threshold - 1 of the indicator's values
    remains anywhere in the report's data (trend, value, evidence)."""
    report = count_report(dict(zip(QUARTERS, map(float, values), strict=True)))
    hidden = suppress(report, Suppression(threshold))
    item = hidden.indicators[0]
    shown = [p.value for p in item.trend if p.value is not None]
    assert all(not 0 < v < threshold for v in shown)
    for finding in item.findings:
        for key in ("value", "earlier"):
            value = finding.evidence.get(key)
            assert not (isinstance(value, float) and 0 < value < threshold)
    withheld = {q for q, v in zip(QUARTERS, values, strict=True) if 0 < v < threshold}
    marked = {p.period[-2:] for p in item.trend if p.symbol == "c"}
    assert marked == withheld


@given(st.lists(counts, min_size=4, max_size=4))
def test_suppression_is_monotone_in_the_threshold(values: list[int]) -> None:
    """Raising the threshold never shows a figure a lower threshold withheld."""
    report = count_report(dict(zip(QUARTERS, map(float, values), strict=True)))
    low, high = suppress(report, Suppression(3)), suppress(report, Suppression(8))
    assert low.suppression.withheld <= high.suppression.withheld
    for a, b in zip(low.indicators[0].trend, high.indicators[0].trend, strict=True):
        if a.symbol == "c":
            assert b.symbol == "c"


def test_threshold_boundary() -> None:
    """With the default threshold of 6, five is withheld and six is shown; zero is shown."""
    report = suppress(count_report({"Q2": 0, "Q3": 5, "Q4": 6}))
    trend = {p.period: (p.value, p.symbol) for p in report.indicators[0].trend}
    assert trend == {"2022-23 Q2": (0, None), "2022-23 Q3": (None, "c"), "2022-23 Q4": (6, None)}


def test_suppressed_value_leaves_no_trace_in_text() -> None:
    report = suppress(count_report({"Q3": 12, "Q4": 4}, name="Children missing"))
    item = report.indicators[0]
    assert (item.value, item.value_text, item.symbol) == (None, "c", "c")
    markdown = render_markdown(report)
    for finding in item.findings:
        assert " 4 " not in finding.explanation
        assert "4 children" not in finding.explanation
    assert "4 children" not in markdown
    assert all(f.evidence.get("change") in (None, "c") for f in item.findings)
    assert report.suppression.footnote in markdown.replace("\\", "")


def test_percentages_are_not_counts_and_are_kept() -> None:
    report = wiltshire_report()
    hidden = suppress(report, Suppression(100))
    for before, after in zip(report.indicators, hidden.indicators, strict=True):
        if before.unit != "child":
            assert before == after


def test_defaults_by_format_and_profile() -> None:
    report = count_report({"Q4": 2})
    assert finish(report, "html").suppression.applied
    assert finish(report, "markdown").suppression.applied
    assert not finish(report, "json").suppression.applied
    assert finish(report, "json", profile="public").suppression.applied
    assert not finish(report, "html", profile="private").suppression.applied
    assert not finish(report, "html", suppress_small=False).suppression.applied
    assert finish(report, "json", suppress_small=True).suppression.applied
    assert json.loads(render_json(finish(report, "json")))["indicators"][0]["value"] == 2


def test_threshold_must_be_positive() -> None:
    with pytest.raises(DefinitionError, match="at least 1"):
        Suppression(0)


def test_public_profile_names_inputs_without_their_folders_digests_or_sizes() -> None:
    report = wiltshire_report()
    assert "/" in report.provenance.inputs[0].path
    public = finish(report, "json", profile="public")
    assert public.provenance.inputs[0].path == "wiltshire_readings_2022-23.csv"
    # nor its digest or size: a reader who knows a file's layout could try each value
    # of a withheld count until the digest matched
    assert (public.provenance.inputs[0].sha256, public.provenance.inputs[0].bytes) == (
        None, None)
    assert report.provenance.inputs[0].sha256 is not None
    for output_format in ("markdown", "html"):
        shown = render(finish(report, output_format), output_format)
        assert report.provenance.inputs[0].sha256 not in shown
        assert re.search(r"Input:?(</\w+>)?:? wiltshire\\?_readings\\?_2022-23\.csv\s*(<|$)",
                         shown, re.M), output_format
    assert finish(report, "html", profile="internal").provenance == report.provenance


@pytest.mark.parametrize(("options", "published"), [
    ({}, True),
    ({"suppress_small": False}, False),
    ({"threshold": 1}, False),
    ({"threshold": 2}, True),
])
def test_only_a_protected_public_report_says_it_is_for_publication(
    options: dict[str, object], published: bool
) -> None:
    report = count_report({"Q3": 2, "Q4": 3})
    for fmt in ("markdown", "html", "terminal"):
        text = render(finish(report, "markdown", **options), fmt)  # type: ignore[arg-type]
        assert ("For publication" in text) is published
        assert ("Not for publication" in text) is not published


def test_a_report_with_no_counts_of_children_says_so_instead_of_the_small_numbers_note(
) -> None:
    from corpparent import Finding, Status
    from corpparent.families import RuleFamily
    from corpparent.report import findings_report, make_provenance

    meetings = findings_report(
        [Finding("panel", "quorum", Status.MET, "Quorate on 1 May 2023.",
                 family=RuleFamily.QUORUM)], make_provenance(), title="Meetings")
    for fmt in ("markdown", "html", "terminal"):
        text = render(finish(meetings, "markdown"), fmt)  # type: ignore[arg-type]
        assert "For publication. It shows no counts of children." in text
        assert "fewer than 6 children" not in text
    counted = finish(count_report({"Q3": 2, "Q4": 3}), "markdown")
    assert counted.suppression.counts_shown
    assert "fewer than 6 children" in render(counted, "markdown")
