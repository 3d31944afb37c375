"""Entry-point discovery and safe loading of authority plug-ins.

Each test installs its plug-in distributions as ``.dist-info`` directories (with their
``entry_points.txt``) and packages in a directory put on ``sys.path`` for that test
only, so they are found through :mod:`importlib.metadata` exactly as an installed
distribution is, and nothing outlives the test.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
import tomllib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from corpparent.errors import DataError, PluginError, PluginFileError
from corpparent.plugins import (
    PluginConflictError,
    PluginLoadError,
    discover,
    load_profile,
    load_profiles,
)
from corpparent.profile import ENTRY_POINT_GROUP, AuthorityProfile

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "plugin-example"
BUILT_IN = {"national", "staffordshire", "wiltshire"}
NO_ENV: Mapping[str, str] = {}

GOOD_TOML = """\
format_version = 1

[authority]
id = "{id}"
name = "Test Borough Council"
gss_code = "E09000001"
dfe_code = "201"

[[indicators]]
id = "children_in_care"
name = "Children in care"
kind = "snapshot"
polarity = "neutral"
source = "test fixture"
"""

Install = Callable[..., Path]


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Install]:
    """Install a distribution for this test: ``install(name, version, entry_points, files)``."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    before = set(sys.modules)

    def _install(name: str, version: str, entry_points: Mapping[str, str],
                 files: Mapping[str, str] | None = None, *, source: Path | None = None) -> Path:
        info = site / f"{name.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
        lines = [f"[{ENTRY_POINT_GROUP}]", *(f"{k} = {v}" for k, v in entry_points.items())]
        (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        for relative, text in (files or {}).items():
            target = site / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text), encoding="utf-8")
        if source is not None:
            monkeypatch.syspath_prepend(str(source))
        importlib.invalidate_caches()
        return site

    yield _install
    for name in set(sys.modules) - before:
        if not name.startswith(("corpparent", "_pytest", "pytest", "hypothesis")):
            del sys.modules[name]
    importlib.invalidate_caches()


def test_fresh_install_holds_the_built_in_plugins() -> None:
    found = discover(environ=NO_ENV)
    assert set(found.ids) == BUILT_IN
    for spec in found.specs:
        assert spec.distribution == "corpparent"
        assert spec.value == f"corpparent.authorities:{spec.id}.toml"


def test_discovery_reads_metadata_without_importing(install: Install) -> None:
    install("corpparent-sideeffect", "1.0", {"sideeffect": "sideeffect_plugin:profile"}, {
        "sideeffect_plugin.py": "raise RuntimeError('imported during discovery')\n",
    })
    found = discover(environ=NO_ENV)
    assert "sideeffect" in found.ids
    assert "sideeffect_plugin" not in sys.modules


def test_importing_corpparent_imports_no_plugin(install: Install) -> None:
    site = install("corpparent-loud", "1.0", {"loud": "loud_plugin:profile"}, {
        "loud_plugin.py": "raise SystemExit('a plug-in was imported')\n",
    })
    code = ("import sys, corpparent, corpparent.plugins; "
            "from corpparent.plugins import discover; discover(); "
            "assert 'loud_plugin' not in sys.modules; "
            "assert 'corpparent.authorities' not in sys.modules; print('ok')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"PYTHONPATH": str(site)}, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def test_a_python_plugin_returning_a_profile_loads(install: Install) -> None:
    install("corpparent-testborough", "2.1", {"testborough": "testborough:make"}, {
        "testborough.py": """
            from corpparent.profile import AuthorityProfile

            def make():
                return AuthorityProfile(id="testborough", name="Test Borough Council")
        """,
    })
    assert load_profile("testborough", environ=NO_ENV).name == "Test Borough Council"


def test_a_data_file_in_a_package_loads(install: Install) -> None:
    install("corpparent-datafile", "1.0", {"datafile": "datafile_pkg:datafile.toml"}, {
        "datafile_pkg/__init__.py": "",
        "datafile_pkg/datafile.toml": GOOD_TOML.format(id="datafile"),
    })
    profile = load_profile("datafile", environ=NO_ENV)
    assert profile.gss_code == "E09000001"
    assert profile.indicators.ids == ("children_in_care",)


def test_an_attribute_holding_a_path_loads(install: Install) -> None:
    install("corpparent-pathattr", "1.0", {"pathattr": "pathattr_pkg:PLUGIN"}, {
        "pathattr_pkg/__init__.py": """
            from pathlib import Path
            PLUGIN = Path(__file__).with_name("pathattr.toml")
        """,
        "pathattr_pkg/pathattr.toml": GOOD_TOML.format(id="pathattr"),
    })
    assert load_profile("pathattr", environ=NO_ENV).id == "pathattr"


def _broken_plugins(install: Install) -> None:
    install("corpparent-broken-import", "0.3", {"brokenimport": "broken_import:profile"}, {
        "broken_import.py": "raise RuntimeError('database not configured')\n",
    })
    install("corpparent-wrong-type", "1.2", {"wrongtype": "wrong_type:profile"}, {
        "wrong_type.py": "def profile():\n    return {'id': 'wrongtype'}\n",
    })
    install("corpparent-bad-file", "0.9", {"badfile": "bad_file_pkg:badfile.toml"}, {
        "bad_file_pkg/__init__.py": "",
        "bad_file_pkg/badfile.toml": GOOD_TOML.format(id="badfile").replace(
            'kind = "snapshot"', 'kind = "percent"'),
    })
    for dist in ("corpparent-shared-a", "corpparent-shared-b"):
        module = dist.replace("-", "_")
        install(dist, "1.0", {"shared": f"{module}:profile"}, {
            f"{module}.py": "from corpparent.profile import AuthorityProfile\n"
                            "profile = AuthorityProfile(id='shared', name='Shared')\n",
        })
    install("corpparent-fine", "1.0", {"fine": "fine_pkg:fine.toml"}, {
        "fine_pkg/__init__.py": "",
        "fine_pkg/fine.toml": GOOD_TOML.format(id="fine"),
    })


def _error(errors: tuple[PluginError, ...], authority: str) -> PluginError:
    matching = [e for e in errors if getattr(e, "authority", None) == authority]
    assert len(matching) == 1, [str(e) for e in errors]
    return matching[0]


def test_broken_plugins_are_reported_while_the_others_load(install: Install) -> None:
    _broken_plugins(install)
    loaded = load_profiles(environ=NO_ENV)
    assert set(loaded) == BUILT_IN | {"fine"}
    assert len(loaded.errors) == 4

    raised = _error(loaded.errors, "brokenimport")
    assert isinstance(raised, PluginLoadError)
    assert (raised.distribution, raised.version) == ("corpparent-broken-import", "0.3")
    assert raised.entry_point == "brokenimport = broken_import:profile"
    assert isinstance(raised.__cause__, RuntimeError)
    assert "RuntimeError: database not configured" in str(raised)

    wrong = _error(loaded.errors, "wrongtype")
    assert isinstance(wrong, PluginLoadError)
    assert "corpparent-wrong-type 1.2" in str(wrong)
    assert "returned dict" in str(wrong)
    assert "not an AuthorityProfile" in str(wrong)

    bad = _error(loaded.errors, "badfile")
    assert isinstance(bad, PluginLoadError)
    cause = bad.__cause__
    assert isinstance(cause, PluginFileError)
    assert isinstance(cause, DataError)
    (problem,) = cause.problems
    assert (problem.line, problem.field) == (12, "indicators[0].kind")
    assert "'percent'" in problem.message
    assert "line 12, field 'indicators[0].kind'" in str(bad)

    conflict = _error(loaded.errors, "shared")
    assert isinstance(conflict, PluginConflictError)
    assert "corpparent-shared-a 1.0" in str(conflict)
    assert "corpparent-shared-b 1.0" in str(conflict)
    assert "shared" not in loaded


def test_strict_mode_raises_the_first_error(install: Install) -> None:
    _broken_plugins(install)
    with pytest.raises(PluginConflictError, match="claimed by"):
        load_profiles(strict=True, environ=NO_ENV)
    # Plug-ins load in identifier order, so 'badfile' is the first to fail.
    with pytest.raises(PluginLoadError, match=r"'badfile' from corpparent-bad-file 0\.9"):
        load_profiles(strict=True, block=["shared"], environ=NO_ENV)
    with pytest.raises(PluginLoadError, match="database not configured"):
        load_profiles(block=["shared", "badfile"], environ={"CORPPARENT_PLUGINS_STRICT": "1"})


def test_a_duplicate_is_used_once_the_user_blocks_one_side(install: Install) -> None:
    _broken_plugins(install)
    with pytest.raises(PluginConflictError):
        load_profile("shared", environ=NO_ENV)
    chosen = load_profile("shared", block=["corpparent-shared-b:shared"], environ=NO_ENV)
    assert chosen.name == "Shared"
    found = discover(environ={"CORPPARENT_PLUGINS_BLOCK": "corpparent_shared_a:*"})
    assert found["shared"].distribution == "corpparent-shared-b"
    assert found.conflicts == () or all(c.authority != "shared" for c in found.conflicts)


def test_allow_and_block_lists_by_argument_and_environment(install: Install) -> None:
    _broken_plugins(install)
    assert discover(allow=["wiltshire", "fine"], environ=NO_ENV).ids == ("fine", "wiltshire")
    assert discover(environ={"CORPPARENT_PLUGINS_ALLOW": "national, fine"}).ids == (
        "fine", "national")
    # The argument replaces the environment's allow list; block lists add up.
    env = {"CORPPARENT_PLUGINS_ALLOW": "national", "CORPPARENT_PLUGINS_BLOCK": "fine"}
    assert discover(allow=["fine", "wiltshire"], environ=env).ids == ("wiltshire",)
    loaded = load_profiles(block=["brokenimport", "wrongtype", "badfile", "shared"],
                           environ=NO_ENV)
    assert loaded.errors == ()
    with pytest.raises(PluginError, match="excluded by the allow or block list"):
        load_profile("fine", block=["corpparent-fine:*"], environ=NO_ENV)


def test_an_unknown_authority_names_those_installed() -> None:
    with pytest.raises(PluginError, match="no authority plug-in 'nowhere' is installed; "
                                          "installed: national, staffordshire, wiltshire"):
        load_profile("nowhere", environ=NO_ENV)


def test_a_profile_must_carry_its_entry_point_name(install: Install) -> None:
    install("corpparent-misnamed", "1.0", {"misnamed": "misnamed_pkg:other.toml"}, {
        "misnamed_pkg/__init__.py": "",
        "misnamed_pkg/other.toml": GOOD_TOML.format(id="other"),
    })
    with pytest.raises(PluginLoadError, match="identifier is 'other', but the entry point is "
                                              "named 'misnamed'"):
        load_profile("misnamed", environ=NO_ENV)


def test_a_missing_data_file_is_reported(install: Install) -> None:
    install("corpparent-nofile", "1.0", {"nofile": "nofile_pkg:nofile.toml"}, {
        "nofile_pkg/__init__.py": "",
    })
    with pytest.raises(PluginLoadError, match=r"corpparent-nofile 1\.0") as caught:
        load_profile("nofile", environ=NO_ENV)
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_the_example_distribution_extends_corpparent(install: Install) -> None:
    """examples/plugin-example is a separate distribution: its own pyproject.toml declares
    one plug-in in Python and one as a data file."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entry_points = project["entry-points"][ENTRY_POINT_GROUP]
    install(project["name"], project["version"], entry_points, source=EXAMPLE / "src")

    loaded = load_profiles(environ=NO_ENV)
    assert loaded.errors == ()
    assert set(loaded) == BUILT_IN | set(entry_points)
    for authority in entry_points:
        spec = discover(environ=NO_ENV)[authority]
        assert (spec.distribution, spec.version) == (project["name"], project["version"])
        assert isinstance(loaded[authority], AuthorityProfile)
