"""The committee paper as its readers see it: rendered to PDF by LibreOffice (headless,
installed by ``.ci/run`` from Debian's packages), A4 pages with page numbers, the
scorecard's header row on every page it runs on to, no word broken across lines, a
council's template visibly applied (its header on every page, its heading font), and one
authority's full benchmark on at most ten A4 pages with no period broken."""

from __future__ import annotations

import collections
import functools
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.report.backends.paper import render_docx
from corpparent.report.output import render_binary
from reports_support import wiltshire_report
from test_paper_template import _council_template

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice is not installed here (.ci/run installs it)")

#: The fill colour of the council's blue headings in a PDF page's content.
_HOUSE_BLUE = re.compile(r"\b0 0\.29411\d* 0\.52941\d* rg\b")
#: A4 in PostScript points, either way up.
A4 = (595.3, 841.9)
#: The most pages one authority's full benchmark prints on, as from its HTML page.
MOST_BENCHMARK_PAGES = 10


def _pdf(docx_bytes: bytes) -> pypdf.PdfReader:
    """``docx_bytes`` converted to PDF by LibreOffice, in a profile of its own so that
    runs never share one."""
    assert SOFFICE is not None, "LibreOffice (soffice) is required in CI"
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "paper.docx"
        source.write_bytes(docx_bytes)
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless",
             "--convert-to", "pdf", "--outdir", folder, str(source)],
            check=True, capture_output=True, timeout=300)
        return pypdf.PdfReader(io.BytesIO((Path(folder) / "paper.pdf").read_bytes()))


@functools.cache
def _wiltshire() -> tuple[list[str], list[tuple[float, float]]]:
    reader = _pdf(render_binary(wiltshire_report(), "docx"))
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    return [p.extract_text() for p in reader.pages], sizes


def test_every_page_is_a4() -> None:
    _texts, sizes = _wiltshire()
    for width, height in sizes:
        assert sorted((round(width, 1), round(height, 1))) == sorted(A4)


def test_every_page_is_numbered_of_the_whole() -> None:
    texts, _sizes = _wiltshire()
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text


def test_the_scorecards_header_row_repeats_on_every_page_it_runs_on_to() -> None:
    texts, _sizes = _wiltshire()
    domains = {i.domain for i in wiltshire_report().indicators}
    start = next(n for n, text in enumerate(texts) if "Appendix A" in text)
    end = next(n for n, text in enumerate(texts) if n > start and "Appendix" in text)
    # The pages from Appendix A's to the next appendix's, up to its heading: each with
    # rows of the scorecard (a domain named) opens with the header row.
    pages = [" ".join(text.split("Appendix")[0 if n > start else 1].split())
             for n, text in enumerate(texts[start:end + 1], start=start)]
    with_rows = [page for page in pages if any(domain in page for domain in domains)]
    assert len(with_rows) >= 2  # the scorecard runs on to a second page
    for page in with_rows:
        assert "Domain Indicator Value Expected range" in page


def test_no_word_is_broken_across_lines() -> None:
    texts, _sizes = _wiltshire()
    report = wiltshire_report()
    vocabulary = {w.strip("(),.;:").lower() for i in report.indicators
                  for w in i.name.split() if len(w.strip("(),.;:")) >= 6}
    broken = []
    for text in texts:
        lines = [line.split() for line in text.splitlines() if line.split()]
        for before, after in itertools.pairwise(lines):
            head, tail = before[-1].strip("(),.;:").lower(), after[0].strip("(),.;:").lower()
            if (head + tail) in vocabulary and head not in vocabulary:
                broken.append(f"{head}|{tail}")
    assert broken == []


def test_a_councils_template_is_visibly_applied() -> None:
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "council.docx"
        template.write_bytes(_council_template())
        reader = _pdf(render_docx(wiltshire_report(), template=template))
    texts = [page.extract_text() for page in reader.pages]
    assert all("Anytown Borough Council" in text for text in texts)
    assert all("OFFICIAL" in text for text in texts)
    # The council's headings are in its own blue (0, 75, 135), which LibreOffice sets
    # as the fill colour "0 0.294117647 0.5294117647 rg"; the neutral template has none.
    assert any(_HOUSE_BLUE.search(page.get_contents().get_data().decode("latin-1"))
               for page in reader.pages)
    neutral = _pdf(render_binary(wiltshire_report(), "docx"))
    assert not any(_HOUSE_BLUE.search(page.get_contents().get_data().decode("latin-1"))
                   for page in neutral.pages)
    assert all("Delete this sentence" not in text for text in texts)


def _benchmark(output_format: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"wiltshire.{output_format}"
        result = CliRunner().invoke(cli, ["benchmark", "-a", "Wiltshire", "-f", output_format,
                                          "-o", str(target)])
        assert result.exit_code == 0, result.output
        return target.read_bytes()


def test_one_authoritys_full_benchmark_is_at_most_ten_a4_pages_no_period_broken() -> None:
    reader = _pdf(_benchmark("docx"))
    assert len(reader.pages) <= MOST_BENCHMARK_PAGES
    for page in reader.pages:
        size = sorted((round(float(page.mediabox.width), 1),
                       round(float(page.mediabox.height), 1)))
        assert size == sorted(A4)
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\u00a0", " ")
    # Every word of every row's period is whole ("September", never "Septe" "mber"), and
    # every rank ("96 of 150") on one line.
    rows = json.loads(_benchmark("json"))["rows"]
    words = collections.Counter(text.split())
    needed = collections.Counter(word for row in rows for word in row["period"].split())
    assert {word: (n, words[word]) for word, n in needed.items() if words[word] < n} == {}
    assert all(f"{row['rank']} of {row['ranked']}" in text for row in rows if row["rank"])
