"""The documentation site: it builds with warnings as errors, and every public name has
an entry in its API reference.

The public names are those ``corpparent`` re-exports (its ``__all__``) and those of each
public package and module with a page in the API reference; every public package of
``src/corpparent`` has such a page, and the pages document public places only. The site
is built once a run (the ``site`` fixture of ``docs_support``).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import yaml

import corpparent
from corpparent._lazy import exported_names

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "corpparent"
#: Packages that are not a library's API: the command line (its pages are the guides'
#: cli-*.md) and the built-in plug-ins' data files.
NOT_API = {"cli", "authorities"}


def _nav_pages(entries: object) -> list[str]:
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, list):
        return [page for entry in entries for page in _nav_pages(entry)]
    if isinstance(entries, dict):
        return [page for value in entries.values() for page in _nav_pages(value)]
    return []


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name:`` tags; they are not needed here."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda _l, _s, _n: None)


def _config() -> dict[str, object]:
    loaded = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert isinstance(loaded, dict)
    return loaded


def _reference_modules() -> dict[str, Path]:
    """Each module with an API reference page in the nav, and its page."""
    pages = [page for page in _nav_pages(_config()["nav"]) if page.startswith("reference/")]
    modules: dict[str, Path] = {}
    for page in pages:
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        for module in re.findall(r"^::: ([\w.]+)$", text, re.MULTILINE):
            modules[module] = ROOT / "docs" / page
    return modules


def test_the_reference_documents_public_places_only() -> None:
    """A package's implementation modules are documented through the package."""
    inside = [m for m in _reference_modules()
              if m.count(".") > 1 and not m.startswith("corpparent.testing.")]
    assert inside == []


def test_every_public_package_has_a_reference_page() -> None:
    documented = set(_reference_modules())
    packages = {f"corpparent.{path.name}" for path in PACKAGE.iterdir()
                if path.is_dir() and (path / "__init__.py").is_file()
                and not path.name.startswith("_") and path.name not in NOT_API | {"testing"}}
    testing = {f"corpparent.testing.{path.stem}" for path in (PACKAGE / "testing").glob("*.py")
               if not path.stem.startswith("_")}
    assert packages | testing <= documented, sorted((packages | testing) - documented)
    exporting = set(exported_names("corpparent").values())
    assert exporting <= documented, sorted(exporting - documented)


def _anchors(site: Path) -> set[str]:
    """The identifiers of every entry in the API reference."""
    return {anchor for html in (site / "reference").glob("*/index.html")
            for anchor in re.findall(r'id="([\w.]+)"', html.read_text(encoding="utf-8"))}


def _has_entry(anchors: set[str], module: str, name: str) -> bool:
    """Whether ``module.name`` has an entry: under the module that exports it, or under
    the module that defines it (for a package whose exports are imported lazily)."""
    value = getattr(importlib.import_module(module), name)
    defined = getattr(value, "__module__", None)
    if f"{module}.{name}" in anchors or f"{defined}.{name}" in anchors:
        return True
    # A lazy front door names the module each of its names is imported from.
    source = getattr(importlib.import_module(module), "_EXPORTS", {}).get(name)
    if source is not None and f"{source}.{name}" in anchors:
        return True
    # A constant has no __module__: its entry is under one of the package's modules.
    return any(anchor.startswith(f"{module}.") and anchor.endswith(f".{name}")
               and anchor.count(".") == module.count(".") + 2 for anchor in anchors)


def test_every_name_corpparent_exports_has_an_entry(site: Path) -> None:
    anchors = _anchors(site)
    exported = exported_names("corpparent")
    missing = [f"{exported[name]}.{name}" for name in corpparent.__all__
               if not _has_entry(anchors, exported[name], name)]
    assert missing == []


def test_every_public_name_of_a_documented_module_has_an_entry(site: Path) -> None:
    anchors = _anchors(site)
    missing = [f"{module}.{name}" for module in _reference_modules()
               for name in getattr(importlib.import_module(module), "__all__", ())
               if not _has_entry(anchors, module, name)]
    assert missing == []
