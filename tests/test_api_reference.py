"""The API reference renders its docstrings: they are written in the Markdown the site
renders (cross-references ``[`X`][corpparent.module.X]`` or code spans ``X``, Markdown
tables), never in reStructuredText, which the site would show raw.

Two checks: the docstrings and comments of ``src/corpparent`` themselves (fast, and naming
the file and line), and the built reference pages (what a reader sees), where a raw role
shows as ``:class:`` before a code span and a table as a paragraph of ``=`` signs.
"""

from __future__ import annotations

import ast
import html
import io
import re
import tokenize
from pathlib import Path

import pytest

from docs_support import ROOT

PACKAGE = ROOT / "src" / "corpparent"

#: A Sphinx role, with or without its ``py:`` domain.
ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|mod|data|exc|obj|const|ref):`")
#: A simple table's border (``====  ====``) or a grid table's (``+----+----+``).
TABLE_BORDER = re.compile(r"^\s*(?:=+(?: +=+)+|\+[-=]+(?:\+[-=]+)*\+)\s*$", re.MULTILINE)
#: A paragraph introducing a literal block the reStructuredText way.
LITERAL_MARKER = re.compile(r"[^:\s]::\s*$", re.MULTILINE)


def rst_in(text: str) -> list[str]:
    """What in a docstring or comment is reStructuredText the site would show raw."""
    found = [match.group() for match in ROLE.finditer(text)]
    found += [f"table border {match.group().strip()[:20]}"
              for match in TABLE_BORDER.finditer(text)]
    found += [f"literal block marker '{match.group().strip()}'"
              for match in LITERAL_MARKER.finditer(text)]
    return found


def _documentation(source: str) -> list[tuple[int, str]]:
    """Each string statement (module, class, function and attribute docstrings) and each
    comment of a module's source, with the line it starts on."""
    texts = [(node.lineno, node.value.value) for node in ast.walk(ast.parse(source))
             if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
             and isinstance(node.value.value, str)]
    texts += [(token.start[0], token.string)
              for token in tokenize.generate_tokens(io.StringIO(source).readline)
              if token.type == tokenize.COMMENT]
    return texts


def test_the_check_finds_each_kind_of_rst() -> None:
    """The control: a docstring with a role, a table and a literal-block marker."""
    source = ('"""See :class:`~corpparent.errors.DataError`::\n\n    code\n\n'
              '=====  =====\na      b\n=====  =====\n"""\n# and :py:func:`f`\n')
    found = [item for _, text in _documentation(source) for item in rst_in(text)]
    assert found == [":class:`", "table border =====  =====", "table border =====  =====",
                     "literal block marker '`::'", ":py:func:`"]
    assert rst_in("A [`DataError`][corpparent.errors.DataError], `x`, and:\n\n    code") == []


def test_no_docstring_or_comment_is_written_in_rst() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}: {item}"
             for path in sorted(PACKAGE.rglob("*.py"))
             for line, text in _documentation(path.read_text(encoding="utf-8"))
             for item in rst_in(text)]
    assert found == [], ("write Markdown: [`Name`][corpparent.module.Name] or `name` for a "
                         "role, a Markdown table, ':' before a literal block")


def _reader_text(page: Path) -> str:
    """A page's text as a reader sees it, code blocks left out (a table's ``===`` or a
    role in an example is code, not a rendering fault)."""
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"<pre\b.*?</pre>", "", text, flags=re.DOTALL)
    text = re.sub(r"<code\b[^>]*>(.*?)</code>", r"`\1`", text, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "\n", text))


def _reference_pages(site: Path) -> list[Path]:
    pages = sorted((site / "reference").glob("*/index.html"))
    assert len(pages) > 30, "the API reference was not built"
    return pages


def test_the_built_reference_shows_no_raw_role_or_table(site: Path) -> None:
    found = [f"{page.parent.name}: {item}" for page in _reference_pages(site)
             for item in rst_in(_reader_text(page))]
    assert found == []


def test_the_reader_text_of_a_raw_role_is_found(tmp_path: Path) -> None:
    """The control: a raw role and table as mkdocstrings renders them, a role in code not."""
    page = tmp_path / "index.html"
    page.write_text("<p>a <code>Problem</code> is :class:<code>DataError</code></p>"
                    "<p>======  =====\nrule    draws\n======  =====</p>"
                    "<pre><code>:func:`f`</code></pre>", encoding="utf-8")
    assert rst_in(_reader_text(page)) == [":class:`", "table border ======  =====",
                                          "table border ======  ====="]


def test_the_reference_links_its_cross_references(site: Path) -> None:
    """Docstrings' cross-references became links: to entries, and to a module's page by
    the anchor its title carries."""
    errors = (site / "reference" / "corpparent.errors" / "index.html").read_text(
        encoding="utf-8")
    assert 'href="#corpparent.errors.DataError"' in errors
    linking = "".join(page.read_text(encoding="utf-8") for page in _reference_pages(site))
    assert re.search(r'href="\.\./corpparent\.files/#corpparent\.files"', linking)


@pytest.mark.parametrize("page", sorted((ROOT / "docs" / "reference").glob("*.md")),
                         ids=lambda page: page.stem)
def test_each_reference_page_title_names_its_module(page: Path) -> None:
    """A docstring links to a module as ``[`corpparent.files`][corpparent.files]``: the
    page's title carries the module's name as its anchor."""
    module = page.stem
    assert page.read_text(encoding="utf-8").startswith(f"# `{module}` {{#{module}}}\n"), (
        f"begin {page.name} with: # `{module}` {{#{module}}}")
