"""Making Data Count's variation and assurance icons: drawn by the project, named in
words, coloured and lettered as the chart's marks, wherever the words are shown, and
gone where the words are."""

from __future__ import annotations

import io
import re

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from corpparent.cli import cli
from corpparent.report.backends.mdc_icons import assurance_icon, variation_icon
from corpparent.report.backends.svg import PROCESS_COLOURS
from corpparent.report.process import NOT_JUDGED
from corpparent.spc.judgements import Assurance
from corpparent.spc.signals import Nature, Variation
from reports_support import ROOT

MONTHLY = ROOT / "examples" / "data" / "wiltshire_health_assessments_monthly_illustrative.csv"
_COLOUR = {None: "common", Nature.IMPROVEMENT: "improvement", Nature.CONCERN: "concern",
           Nature.NEITHER: "neither"}


def _letter(icon: str) -> str | None:
    found = re.search(r"<text[^>]*>([^<]*)</text>", icon)
    return None if found is None else found.group(1)


@pytest.mark.parametrize("variation", list(Variation))
def test_each_variation_has_its_icon_named_in_words(variation: Variation) -> None:
    icon = variation_icon(variation.value)
    assert f"<title>Variation: {variation.value}</title>" in icon
    assert 'role="img"' in icon
    assert f'fill="{PROCESS_COLOURS[_COLOUR[variation.nature]]}"' in icon
    if variation.nature is None:
        assert _letter(icon) is None  # a line, not a letter
    else:
        assert _letter(icon) == ("H" if variation.value.endswith("(high)") else "L")


@pytest.mark.parametrize(("assurance", "letter"), [
    (Assurance.CONSISTENTLY_MET, "P"), (Assurance.CONSISTENTLY_MISSED, "F"),
    (Assurance.HIT_AND_MISS, "?")])
def test_each_assurance_has_its_icon_named_in_words(assurance: Assurance, letter: str) -> None:
    icon = assurance_icon(assurance.value)
    assert f"<title>Assurance: {assurance.value}</title>" in icon
    assert _letter(icon) == letter


@pytest.mark.parametrize("nothing", [None, NOT_JUDGED, "anything else"])
def test_no_judgement_has_no_icon(nothing: str | None) -> None:
    assert variation_icon(nothing) == ""
    assert assurance_icon(nothing) == ""


def _chart(fmt: str, *extra: str) -> bytes:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"chart.{fmt}"
        result = CliRunner().invoke(cli, ["chart", str(MONTHLY), "-a", "wiltshire", "-n",
                                          "health_assessments", "-o", str(out), *extra])
        assert result.exit_code == 0, result.output
        return out.read_bytes()


def test_the_chart_page_and_the_paper_show_the_icons() -> None:
    page = _chart("html").decode("utf-8")
    assert "<title>Variation: special cause concern (low)</title>" in page
    assert "<title>Assurance: consistently missed</title>" in page
    paper = docx.Document(io.BytesIO(_chart("docx")))
    described = [frame.get("descr") for frame in paper.element.body.iter(qn("wp:docPr"))]
    assert "Variation: special cause concern (low)" in described
    assert "Assurance: consistently missed" in described


def test_a_chart_withheld_takes_its_icons_with_it() -> None:
    """A monthly count with one small month: the officers' copy shows the chart's
    variation with its icon; the public paper withholds the month, the chart goes whole,
    and the variation with it, words and icon."""
    from corpparent import Indicator, IndicatorSet, Kind, Polarity, Reading, Readings, Scorecard
    from corpparent.periods import Month
    from corpparent.report import finish, render
    from corpparent.report.build import scorecard_report
    from corpparent.report.provenance import make_provenance

    months = [Month(2022 + (3 + n) // 12, (3 + n) % 12 + 1) for n in range(24)]
    counts = [12, 14, 11, 13, 15, 12, 3, 14, 13, 12, 11, 15] * 2
    indicator = Indicator("missing", "Children missing", Kind.COUNT, Polarity.LOWER_IS_BETTER)
    result = Scorecard(IndicatorSet([indicator])).assess(
        Readings(Reading("missing", m, c) for m, c in zip(months, counts, strict=True)),
        months[-1])
    report = scorecard_report(result, make_provenance(), authority="Test")
    internal = finish(report, "html", profile="internal")
    assert internal.indicators[0].variation is not None
    assert 'class="mdc-icon"' in render(internal, "html")
    public = finish(report, "html", profile="public")
    assert public.indicators[0].variation is None
    assert 'class="mdc-icon"' not in render(public, "html")
