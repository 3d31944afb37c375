"""The process chart in reports: its SVG is well formed, escapes names from data files,
marks each signal by shape as well as colour, and says its verdicts in words."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from corpparent import Polarity
from corpparent.report.backends.process_svg import process_chart, process_legend
from corpparent.report.process import assurance_label, chart_out, variation_label
from corpparent.spc import Assurance, Variation, XmROptions, xmr

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>"
# 13 ordinary values, the limits set from them (mean 172/13 = 13.2, limits 13.2 ± 2.66 ×
# 17/12, 9.5 to 17.0), then one far above: an improvement where higher is better.
VALUES = [10.0, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 14, 13, 40]
FIXED = XmROptions(baseline=13)


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))


def test_the_svg_is_well_formed_and_escapes_names() -> None:
    out = chart_out(xmr(VALUES, polarity=Polarity.HIGHER_IS_BETTER, options=FIXED), 15.0)
    svg = process_chart(out, HOSTILE, "p1", lambda v: f"{v:g}")
    assert "<script>" not in svg
    root = parsed(svg)
    assert root.find(f"{SVG}title") is not None
    desc = root.find(f"{SVG}desc")
    assert desc is not None
    assert desc.text is not None
    assert "Variation: special cause improvement (high)" in desc.text
    assert "Target 15: hit and miss" in desc.text


def test_signals_are_shaped_by_what_they_mean() -> None:
    for polarity, kind in ((Polarity.HIGHER_IS_BETTER, "improvement"),
                           (Polarity.LOWER_IS_BETTER, "concern"),
                           (Polarity.NEUTRAL, "neither")):
        chart = xmr(VALUES, polarity=polarity, options=FIXED)
        svg = process_chart(chart_out(chart), "x", "p", str)
        root = parsed(svg)
        marks = [e for e in root.iter() if "point" in (e.get("class") or "")]
        assert len(marks) == len(VALUES)
        last = marks[-1]
        assert last.get("class") == f"point {kind}"
        expected_tag = "rect" if kind == "improvement" else "polygon"
        assert last.tag == f"{SVG}{expected_tag}"
        assert all(m.get("class") == "point common" for m in marks[:-1])


def test_a_rebase_steps_the_limits() -> None:
    chart = xmr([1.0, 2, 1, 2, 10, 11, 10, 11], rebase=[4])
    root = parsed(process_chart(chart_out(chart), "x", "p", str))
    means = [e for e in root.iter(f"{SVG}line") if e.get("class") == "mean"]
    assert len(means) == 2
    assert means[0].get("y1") != means[1].get("y1")


def test_verdicts_in_words_with_their_symbols() -> None:
    assert variation_label(Variation.CONCERN_LOW.value) == "⇩ special cause concern (low)"
    assert variation_label(None) == "–"
    assert assurance_label(Assurance.CONSISTENTLY_MET.value) == "✓ consistently met"
    legend = process_legend(chart_out(xmr([1.0, 2, 3])))
    assert "<strong>Trial limits</strong>" in legend
    assert "common cause variation" in legend
