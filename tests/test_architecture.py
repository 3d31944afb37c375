"""The layer contracts in pyproject.toml hold, and an import that crosses a layer breaks them.

``make test`` runs ``lint-imports`` over the tree as it is. These tests copy the package,
add one import that crosses a layer, and check that ``lint-imports`` then fails and names
the contract broken, so the contracts cannot silently stop checking anything.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# (module that gains the import, the import, words of the contract it breaks)
CROSSINGS = [
    ("periods/base.py", "import pydantic", "The domain imports no pydantic"),
    ("scorecard.py", "import corpparent.files.panel.readings", "The domain imports no pydantic"),
    ("governance/quorum.py", "import corpparent.report.model", "The domain imports no pydantic"),
    ("dfe/national.py", "import corpparent.files.dfe.lait", "The domain imports no pydantic"),
    ("obligations/cycles.py", "import click", "The domain imports no pydantic"),
    ("dates.py", "import hypothesis", "The domain imports no pydantic"),
    ("files/panel/readings.py", "import corpparent.cli.scorecard", "The command line sits on"),
    ("files/panel/meetings.py", "import corpparent.plugins.discovery", "The command line sits on"),
    ("plugins/discovery.py", "import corpparent.report.backends.html", "The command line sits on"),
    ("report/build.py", "import corpparent.files.panel.readings", "Reports are built from the"),
    ("files/_tabular/records.py", "import corpparent.testing.strategies", "Only tests import the"),
    ("files/_tabular/sheets.py", "import corpparent.files.panel.readings", "Inside files, the"),
    ("files/panel/meetings.py", "import corpparent.files.plugin.format", "Inside files, the"),
]


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(tree / "src")}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree, env=environment, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("tree")
    shutil.copytree(ROOT / "src", tree / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_copied_tree_keeps_every_contract(copy: Path) -> None:
    result = _lint(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(_verdicts(result.stdout).values()) == {"KEPT"}
    assert len(_verdicts(result.stdout)) == len({c for _m, _l, c in CROSSINGS})


@pytest.mark.parametrize(("module", "line", "contract"), CROSSINGS,
                         ids=[f"{m}: {line}" for m, line, _ in CROSSINGS])
def test_an_import_across_a_layer_breaks_its_contract(
    copy: Path, module: str, line: str, contract: str
) -> None:
    path = copy / "src" / "corpparent" / module
    original = path.read_text(encoding="utf-8")
    path.write_text(f"{original}\n{line}  # noqa\n", encoding="utf-8")
    try:
        result = _lint(copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode == 1, result.stdout + result.stderr
    assert _verdicts(result.stdout)[contract] == "BROKEN", result.stdout


def _verdicts(output: str) -> dict[str, str]:
    """Each contract's verdict by the first words of its name (names may wrap)."""
    text = " ".join(output.split())
    parts = re.split(r" (KEPT|BROKEN)\b", text)
    verdicts = {}
    for segment, verdict in zip(parts[0::2], parts[1::2], strict=False):
        for _module, _line, contract in CROSSINGS:
            if contract in segment:
                verdicts[contract] = verdict
    return verdicts


def test_every_part_of_the_package_is_placed_in_a_layer() -> None:
    """A new top-level module or package must be given its layer in pyproject.toml, or
    the contracts would silently not cover it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    placed = {name for contract in contracts
              for key in ("layers", "source_modules")
              for entry in contract.get(key, ())
              for name in entry.split(" | ")}
    package = ROOT / "src" / "corpparent"
    parts = {f"corpparent.{path.stem}" for path in package.glob("*.py")} | {
        f"corpparent.{path.name}" for path in package.iterdir()
        if (path / "__init__.py").is_file()}
    # The front doors and their machinery (names imported on first use, 0.2's paths that
    # moved, the version) sit beside the layers and import none of them; the built-in
    # plug-ins are data files.
    unplaced = parts - placed - {"corpparent.__init__", "corpparent.__main__",
                                 "corpparent._lazy", "corpparent._moved", "corpparent._version",
                                 "corpparent.authorities", "corpparent.testing"}
    assert not unplaced


def test_the_front_door_machinery_imports_no_part_of_the_package() -> None:
    """Every package's ``__init__`` may use it, so it must sit below every layer."""
    for name in ("_lazy.py", "_moved.py", "_version.py"):
        source = (ROOT / "src" / "corpparent" / name).read_text(encoding="utf-8")
        assert not re.findall(r"^\s*(?:from|import) corpparent", source, re.MULTILINE), name
