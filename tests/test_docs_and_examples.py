"""Every example script runs, and every Python block in the docs runs.

Each docs page's ```python blocks run in order in one namespace, so a page reads as a
single script. A block fenced as ```python no-run is shown but not run (for output or
for code that needs files the reader has and the tests do not).
"""

from __future__ import annotations

import re
import runpy
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Pages and scripts that read the DfE's published files beside the repository.
NATIONAL = {"benchmarking.md", "benchmarking.py", "funnels.py"}


def _marked(paths: list[Path]) -> list[object]:
    return [pytest.param(path, marks=pytest.mark.national_data) if path.name in NATIONAL
            else path for path in paths]


EXAMPLES = _marked(sorted((ROOT / "examples").glob("*.py")))
DOCS = _marked([ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", [str(script)])
    runpy.run_path(str(script), run_name="__main__")
    assert capsys.readouterr().out.strip(), f"{script.name} printed nothing"


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_docs_python_blocks_run(page: Path, monkeypatch: pytest.MonkeyPatch,
                                tmp_path: Path) -> None:
    blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
    if not blocks:
        pytest.skip(f"{page.name} has no python blocks")
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs.{page.stem}", "TMP": tmp_path}
    for number, block in enumerate(blocks, start=1):
        code = compile(block, f"{page.name} block {number}", "exec")
        exec(code, namespace)


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_a_page_defines_the_folder_it_writes_into(page: Path) -> None:
    """The runner gives each page a ``TMP`` folder, but a reader has none: a page whose
    examples use ``TMP`` makes it first, so it runs as written."""
    blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
    using = [i for i, block in enumerate(blocks) if re.search(r"\bTMP\b", block)]
    if not using:
        return
    first = blocks[using[0]]
    assert re.search(r"^TMP = ", first, re.MULTILINE), f"{page.name} uses TMP before making it"


TOML_BLOCK = re.compile(r"^```toml\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_docs_toml_blocks_parse(page: Path) -> None:
    """Every TOML block a page shows is TOML a reader can copy."""
    for number, block in enumerate(TOML_BLOCK.findall(page.read_text(encoding="utf-8")),
                                   start=1):
        try:
            tomllib.loads(block)
        except tomllib.TOMLDecodeError as exc:
            pytest.fail(f"{page.name} TOML block {number}: {exc}")
