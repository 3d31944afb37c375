"""The committee paper on a council's own template (``.docx`` or ``.dotx``): its styles,
page set-up, header and footer are the paper's; a template lacking a style still makes
a paper; a file that is not Word is refused by name."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from corpparent.cli import cli
from corpparent.errors import DataError
from corpparent.report.backends.paper import render_docx
from corpparent.report.backends.paper_word import (
    PAPER_SIZES,
    neutral_template,
    open_template,
)
from reports_support import READINGS, count_report, wiltshire_report

#: The colour of the council's headings, a style no default template has.
HOUSE_BLUE = RGBColor(0x00, 0x4B, 0x87)
TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"
DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"


def _council_template(*, drop: tuple[str, ...] = ()) -> bytes:
    """A council's template: Arial headings in its own blue, Letter paper with wide
    margins, its name in the header, a confidentiality line in the footer, and a
    sentence in the body that must not reach the paper."""
    template = docx.Document()
    heading = template.styles["Heading 1"]
    heading.font.name, heading.font.size, heading.font.color.rgb = "Arial", Pt(16), HOUSE_BLUE
    section = template.sections[0]
    section.left_margin = section.right_margin = Cm(3)
    section.header.paragraphs[0].text = "Anytown Borough Council"
    footer = section.footer.paragraphs[0]
    footer.text, footer.alignment = "OFFICIAL", WD_ALIGN_PARAGRAPH.LEFT
    template.add_paragraph("Delete this sentence before use.")
    for name in drop:
        element = template.styles[name].element
        element.getparent().remove(element)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def _as_dotx(content: bytes) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(DOCUMENT_TYPE, TEMPLATE_TYPE)
            target.writestr(item, data)
    return out.getvalue()


def _open(content: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(content))


@functools.cache
def _on_template(suffix: str) -> bytes:
    import tempfile

    content = _council_template()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"council{suffix}"
        path.write_bytes(content if suffix == ".docx" else _as_dotx(content))
        return render_docx(count_report({"Q3": 8, "Q4": 9}), template=path)


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_the_councils_styles_are_applied(suffix: str) -> None:
    paper = _open(_on_template(suffix))
    headings = [p for p in paper.paragraphs if p.style.name == "Heading 1"]
    assert next(p.text for p in headings) == "1. Purpose of the report"
    style = paper.styles["Heading 1"]
    assert (style.font.name, style.font.size, style.font.color.rgb) == (
        "Arial", Pt(16), HOUSE_BLUE)
    assert all(t.style.name == "Table Grid" for t in paper.tables)


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_the_templates_page_header_and_footer_are_kept(suffix: str) -> None:
    paper = _open(_on_template(suffix))
    first = paper.sections[0]
    assert (first.page_width, first.page_height) == (docx.shared.Twips(12240),
                                                      docx.shared.Twips(15840))
    assert round(first.left_margin.cm, 2) == 3.0
    header = [p.text for p in first.header.paragraphs]
    assert header[0] == "Anytown Borough Council"
    assert header[1] == paper.paragraphs[1].text  # the banner, below the council's name
    footer = [p.text for p in first.footer.paragraphs]
    assert footer[0] == "OFFICIAL"
    assert 'w:instr=" PAGE ' in first.footer._element.xml  # numbered, as it was not
    text = "\n".join(p.text for p in paper.paragraphs)
    assert "Delete this sentence" not in text


def test_a_paper_size_asked_for_overrides_the_templates(tmp_path: Path) -> None:
    path = tmp_path / "council.docx"
    path.write_bytes(_council_template())
    paper = _open(render_docx(count_report({"Q4": 9}), template=path, paper_size="a4"))
    width, height = PAPER_SIZES["a4"]
    assert paper.sections[0].page_width == docx.shared.Twips(width)
    assert paper.sections[0].page_height == docx.shared.Twips(height)


def test_a_template_without_a_style_the_paper_uses_falls_back_to_normal(
        tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    path.write_bytes(_council_template(drop=("List Bullet", "List Number", "Table Grid")))
    paper = _open(render_docx(wiltshire_report(), template=path))
    asks = [p for p in paper.paragraphs if p.text.startswith("That the panel")]
    assert asks
    assert all(p.style.name == "Normal" for p in asks)
    assert all(t._tbl.tblPr.find(qn("w:tblStyle")) is None for t in paper.tables)


def test_the_neutral_template_is_a4_and_holds_every_style_the_paper_uses() -> None:
    path_free = open_template(None)
    section = path_free.sections[0]
    assert (section.page_width, section.page_height) == tuple(
        docx.shared.Twips(n) for n in PAPER_SIZES["a4"])
    names = {s.name for s in path_free.styles}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "Normal", "List Number",
            "List Bullet", "Table Grid"} <= names
    assert TEMPLATE_TYPE in zipfile.ZipFile(io.BytesIO(neutral_template())).read(
        "[Content_Types].xml")
    assert path_free.core_properties.author == "corpparent"
    assert not path_free.paragraphs


def test_a_file_that_is_not_word_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "council.docx"
    path.write_text("name,role\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"council\.docx.*not a Word document"):
        render_docx(count_report({"Q4": 9}), template=path)


def test_the_command_line_takes_a_template_letter_paper_and_an_author(
        tmp_path: Path) -> None:
    template, out = tmp_path / "council.dotx", tmp_path / "paper.docx"
    template.write_bytes(_as_dotx(_council_template()))
    result = CliRunner().invoke(cli, [
        "scorecard", str(READINGS), "-a", "wiltshire", "-p", "2022-23 Q4", "-o", str(out),
        "--template", str(template), "--paper", "a4", "--author", "Democratic Services",
        "--no-disclosure-record"])
    assert result.exit_code == 0, result.output
    paper = _open(out.read_bytes())
    assert paper.core_properties.author == "Democratic Services"
    assert paper.sections[0].header.paragraphs[0].text == "Anytown Borough Council"
    assert paper.sections[0].page_width == docx.shared.Twips(PAPER_SIZES["a4"][0])
    refused = CliRunner().invoke(cli, [
        "scorecard", str(READINGS), "-a", "wiltshire", "-p", "2022-23 Q4",
        "-o", str(template), "--template", str(template), "--no-disclosure-record"])
    assert refused.exit_code != 0
    assert "input of this command" in refused.output
