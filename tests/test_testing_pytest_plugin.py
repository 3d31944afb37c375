"""The opt-in pytest plug-in ``corpparent.testing.pytest`` (turned on for this suite by
``-p corpparent.testing.pytest`` in pyproject's addopts): its fixtures, as a tool's
tests use them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from corpparent.plugins import discover, load_profile
from corpparent.profile import AuthorityProfile
from corpparent.testing.pytest import PluginInstaller

ROOT = Path(__file__).resolve().parent.parent
RIVERSIDE = ROOT / "examples" / "plugin-example" / "src" / "corpparent_example" / "riverside.toml"


@pytest.mark.corpparent_authority("staffordshire")
def test_the_marked_authority_is_loaded(authority_profile: AuthorityProfile) -> None:
    assert authority_profile == load_profile("staffordshire")


@pytest.mark.corpparent_authority(str(RIVERSIDE))
def test_the_marked_authority_may_be_a_plugin_file(authority_profile: AuthorityProfile
                                                  ) -> None:
    assert authority_profile.id == "riverside"


def test_an_installed_file_is_found_then_gone(plugin_installer: PluginInstaller) -> None:
    distribution = plugin_installer.install_file(RIVERSIDE, "riverside", version="2.0")
    spec = discover(environ={})["riverside"]
    assert (spec.distribution, spec.version) == (distribution, "2.0")
    assert load_profile("riverside", environ={}).name.startswith("Riverside")
    assert str(plugin_installer.site) in sys.path


def test_nothing_outlives_the_installing_test() -> None:
    assert "riverside" not in discover(environ={}).ids
    assert not any(name.startswith("_corpparent_installed_") for name in sys.modules)
    assert not any(path.endswith("corpparent-site") for path in sys.path)


def test_without_a_mark_the_fixture_says_what_it_needs(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        def test_needs_one(authority_profile):
            pass
    """)
    result = pytester.runpytest("-p", "corpparent.testing.pytest")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*needs @pytest.mark.corpparent_authority*"])


def test_the_ini_option_names_the_default(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\ncorpparent_authority = wiltshire\n")
    pytester.makepyfile("""
        def test_default(authority_profile):
            assert authority_profile.id == "wiltshire"
    """)
    result = pytester.runpytest("-p", "corpparent.testing.pytest")
    result.assert_outcomes(passed=1)
