"""An opt-in pytest plug-in for tools that embed corpparent.

Turn it on in a test suite's ``conftest.py`` (or with ``pytest -p
corpparent.testing.pytest``):

    pytest_plugins = ["corpparent.testing.pytest"]

It gives two fixtures:

``plugin_installer``
    installs authority plug-ins for one test only, as ``.dist-info`` metadata in a
    temporary folder put on `sys.path`, so they are found through
    `importlib.metadata` exactly as an installed distribution is. Nothing outlives
    the test: the folder leaves `sys.path` and the modules it imported leave
    `sys.modules`.

``authority_profile``
    the [`AuthorityProfile`][corpparent.profile.AuthorityProfile] a test names with
    ``@pytest.mark.corpparent_authority("wiltshire")`` (an installed plug-in's identifier
    or a plug-in file, as ``--authority`` takes), else the ``corpparent_authority`` ini
    option, loaded once per test.

Nothing in corpparent imports this module; ``import corpparent`` never imports pytest.
"""

from __future__ import annotations

import importlib
import sys
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import final

import pytest

from corpparent.plugins.references import load_authority
from corpparent.profile import ENTRY_POINT_GROUP, AuthorityProfile

__all__ = ["PluginInstaller", "authority_profile", "plugin_installer"]

_MARKER = "corpparent_authority"


@final
class PluginInstaller:
    """Installs plug-in distributions into ``site``, a folder on `sys.path`."""

    def __init__(self, site: Path) -> None:
        self.site = site

    def install(self, distribution: str, version: str, entry_points: Mapping[str, str],
                files: Mapping[str, str] | None = None) -> Path:
        """Install ``distribution`` at ``version`` with these ``corpparent.authorities``
        entry points (identifier to value) and ``files`` (relative path to text, dedented)
        beside it; returns the folder they are in."""
        info = self.site / f"{distribution.replace('-', '_')}-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n",
            encoding="utf-8")
        lines = [f"[{ENTRY_POINT_GROUP}]", *(f"{k} = {v}" for k, v in entry_points.items())]
        (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        for relative, text in (files or {}).items():
            target = self.site / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text), encoding="utf-8")
        importlib.invalidate_caches()
        return self.site

    def install_file(self, plugin_file: Path, authority: str, *, version: str = "0.0.1"
                     ) -> str:
        """Install the ``.toml`` plug-in file as the distribution ``corpparent-AUTHORITY``
        declaring ``authority``; returns the distribution's name."""
        package = f"_corpparent_installed_{authority}"
        distribution = f"corpparent-{authority.replace('_', '-')}"
        self.install(distribution, version, {authority: f"{package}:{authority}.toml"}, {
            f"{package}/__init__.py": "",
            f"{package}/{authority}.toml": plugin_file.read_text(encoding="utf-8"),
        })
        return distribution


@pytest.fixture
def plugin_installer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                     ) -> Iterator[PluginInstaller]:
    """Install authority plug-ins for this test only (see
    [`PluginInstaller`][corpparent.testing.pytest.PluginInstaller])."""
    site = tmp_path / "corpparent-site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    before = set(sys.modules)
    yield PluginInstaller(site)
    for name in set(sys.modules) - before:
        module = sys.modules.get(name)
        where = getattr(module, "__file__", None) or ""
        if where.startswith(str(site)):
            del sys.modules[name]
    importlib.invalidate_caches()


@pytest.fixture
def authority_profile(request: pytest.FixtureRequest) -> AuthorityProfile:
    """The profile named by the test's ``corpparent_authority`` mark or the ini option."""
    marker = request.node.get_closest_marker(_MARKER)
    reference = marker.args[0] if marker is not None and marker.args else None
    if reference is None:
        reference = request.config.getini(_MARKER) or None
    if not isinstance(reference, str):
        pytest.fail(f"authority_profile needs @pytest.mark.{_MARKER}('ID or FILE') or the "
                    f"{_MARKER} ini option")
    return load_authority(reference)


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ini option naming the default authority of ``authority_profile``."""
    parser.addini(_MARKER, "the authority plug-in (id or file) authority_profile loads",
                  default="")


def pytest_configure(config: pytest.Config) -> None:
    """Declare the marker, so ``--strict-markers`` accepts it."""
    config.addinivalue_line(
        "markers", f"{_MARKER}(reference): the authority plug-in authority_profile loads")
