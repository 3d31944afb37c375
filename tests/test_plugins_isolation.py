"""No plug-in can take the host down: one test per kind of failure.

Each test installs one failing plug-in beside a good one (``plugin_installer``, the
fixture of ``corpparent.testing.pytest``) and shows that the good one and the built-in
plug-ins still load, and that the failure names its distribution, version and entry
point — through :func:`load_profiles` and through ``corpparent authorities list``.
"""

from __future__ import annotations

import logging

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.errors import PluginError
from corpparent.plugins import PluginLoadError, load_profiles
from corpparent.testing.pytest import PluginInstaller

NO_ENV: dict[str, str] = {}
BUILT_IN = {"national", "staffordshire", "wiltshire"}

GOOD_TOML = """\
format_version = 1

[authority]
id = "{id}"
name = "{name}"

[[indicators]]
id = "children_in_care"
name = "Children in care"
kind = "snapshot"
polarity = "neutral"
source = "test fixture"
"""


def _with_a_good_one(installer: PluginInstaller) -> None:
    installer.install("corpparent-goodtown", "1.0", {"goodtown": "goodtown_pkg:goodtown.toml"}, {
        "goodtown_pkg/__init__.py": "",
        "goodtown_pkg/goodtown.toml": GOOD_TOML.format(id="goodtown", name="Goodtown Council"),
    })


def _only_error(authority: str, distribution: str, version: str, entry_point: str
                ) -> PluginLoadError:
    loaded = load_profiles(environ=NO_ENV)
    assert set(loaded) == BUILT_IN | {"goodtown"}
    (error,) = loaded.errors
    assert isinstance(error, PluginLoadError)
    assert (error.authority, error.distribution, error.version) == (
        authority, distribution, version)
    assert error.entry_point == entry_point
    assert f"{distribution} {version}" in str(error)
    assert entry_point in str(error)
    return error


def _listed(distribution: str) -> str:
    """Run ``authorities list``: it exits 2, still lists the good plug-in, and names the
    failing distribution on standard error."""
    result = CliRunner().invoke(cli, ["authorities", "list"], prog_name="corpparent",
                                env={"CORPPARENT_PLUGINS_BLOCK": "", "COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    assert "goodtown" in result.stdout
    assert "Goodtown Council" in result.stdout
    assert distribution in result.stderr
    return result.stderr


def test_a_plugin_raising_on_import(plugin_installer: PluginInstaller) -> None:
    _with_a_good_one(plugin_installer)
    plugin_installer.install("corpparent-raiser", "0.3", {"raiser": "raiser_mod:profile"}, {
        "raiser_mod.py": "raise RuntimeError('database not configured')\n"})
    error = _only_error("raiser", "corpparent-raiser", "0.3", "raiser = raiser_mod:profile")
    assert isinstance(error.__cause__, RuntimeError)
    assert "database not configured" in _listed("corpparent-raiser")


def test_a_plugin_calling_sys_exit_on_import(plugin_installer: PluginInstaller) -> None:
    _with_a_good_one(plugin_installer)
    plugin_installer.install("corpparent-quitter", "2.0", {"quitter": "quitter_mod:profile"}, {
        "quitter_mod.py": "import sys\nsys.exit(3)\n"})
    error = _only_error("quitter", "corpparent-quitter", "2.0", "quitter = quitter_mod:profile")
    assert isinstance(error.__cause__, SystemExit)
    assert "sys.exit(3)" in str(error)
    assert "sys.exit(3)" in _listed("corpparent-quitter")


def test_a_plugin_function_calling_sys_exit(plugin_installer: PluginInstaller) -> None:
    _with_a_good_one(plugin_installer)
    plugin_installer.install("corpparent-quitfn", "1.1", {"quitfn": "quitfn_mod:make"}, {
        "quitfn_mod.py": "import sys\ndef make():\n    sys.exit('no profile today')\n"})
    error = _only_error("quitfn", "corpparent-quitfn", "1.1", "quitfn = quitfn_mod:make")
    assert "no profile today" in str(error)


def test_a_keyboard_interrupt_still_stops_loading(plugin_installer: PluginInstaller) -> None:
    _with_a_good_one(plugin_installer)
    plugin_installer.install("corpparent-ctrlc", "1.0", {"ctrlc": "ctrlc_mod:profile"}, {
        "ctrlc_mod.py": "raise KeyboardInterrupt\n"})
    with pytest.raises(KeyboardInterrupt):
        load_profiles(environ=NO_ENV)


def test_a_plugin_naming_a_missing_module(plugin_installer: PluginInstaller) -> None:
    _with_a_good_one(plugin_installer)
    plugin_installer.install("corpparent-ghost", "0.1", {"ghost": "no_such_module_here:profile"})
    error = _only_error("ghost", "corpparent-ghost", "0.1", "ghost = no_such_module_here:profile")
    assert isinstance(error.__cause__, ModuleNotFoundError)
    assert "no_such_module_here" in _listed("corpparent-ghost")


def test_a_plugin_giving_the_wrong_type(plugin_installer: PluginInstaller) -> None:
    _with_a_good_one(plugin_installer)
    plugin_installer.install("corpparent-wrongtype", "1.2", {"wrongtype": "wrong_mod:profile"}, {
        "wrong_mod.py": "profile = ['not', 'a', 'profile']\n"})
    error = _only_error("wrongtype", "corpparent-wrongtype", "1.2",
                        "wrongtype = wrong_mod:profile")
    assert "is list" in str(error)
    assert "not an AuthorityProfile" in str(error)
    _listed("corpparent-wrongtype")


def test_a_plugin_shipping_a_bad_file(plugin_installer: PluginInstaller) -> None:
    _with_a_good_one(plugin_installer)
    bad = GOOD_TOML.format(id="badfile", name="Bad").replace('"snapshot"', '"percent"')
    plugin_installer.install("corpparent-badfile", "0.9",
                             {"badfile": "badfile_pkg:badfile.toml"}, {
                                 "badfile_pkg/__init__.py": "", "badfile_pkg/badfile.toml": bad})
    error = _only_error("badfile", "corpparent-badfile", "0.9",
                        "badfile = badfile_pkg:badfile.toml")
    line = bad.splitlines().index('kind = "percent"') + 1
    assert f"line {line}, field 'indicators[0].kind'" in str(error)
    assert "'percent'" in _listed("corpparent-badfile")


def test_markup_in_names_is_shown_as_written(plugin_installer: PluginInstaller) -> None:
    """A name holding rich markup (``[/]``, ``[bold]``) is printed, not parsed."""
    _with_a_good_one(plugin_installer)
    plugin_installer.install("corpparent-[bold]markup", "1.0", {"mark[/]up": "mark_mod:p"}, {
        "mark_mod.py": "raise ValueError('[red]not red[/red]')\n"})
    _only_error("mark[/]up", "corpparent-[bold]markup", "1.0", "mark[/]up = mark_mod:p")
    stderr = _listed("corpparent-[bold]markup")
    assert "[red]not red[/red]" in stderr
    assert "mark[/]up" in stderr


def test_a_markup_name_in_a_loaded_profile_is_shown(plugin_installer: PluginInstaller) -> None:
    plugin_installer.install("corpparent-[i]fine", "1.0", {"goodtown": "gt_pkg:goodtown.toml"}, {
        "gt_pkg/__init__.py": "",
        "gt_pkg/goodtown.toml": GOOD_TOML.format(id="goodtown", name="Good [/] [b]town"),
    })
    result = CliRunner().invoke(cli, ["authorities", "list"], prog_name="corpparent",
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Good [/] [b]town" in result.stdout
    assert "corpparent-[i]fine" in result.stdout
    show = CliRunner().invoke(cli, ["authorities", "show", "goodtown"], prog_name="corpparent")
    assert show.exit_code == 0, show.output
    assert "Good [/] [b]town" in show.stdout


def test_a_slow_plugin_is_timed_and_warned_of(plugin_installer: PluginInstaller,
                                             caplog: pytest.LogCaptureFixture) -> None:
    """The plug-in sleeps 0.3 s each time it is loaded, so it takes at least that: past a
    0.1 s limit."""
    _with_a_good_one(plugin_installer)
    plugin_installer.install("corpparent-sleepy", "1.0", {"sleepy": "sleepy_mod:make"}, {
        "sleepy_mod.py": """
            import time
            from corpparent.profile import AuthorityProfile

            def make():
                time.sleep(0.3)
                return AuthorityProfile(id="sleepy", name="Sleepy Council")
        """,
    })
    with caplog.at_level(logging.WARNING, logger="corpparent"):
        loaded = load_profiles(environ=NO_ENV, slow_after=0.1)
    assert set(loaded) == BUILT_IN | {"goodtown", "sleepy"}
    assert loaded.errors == ()
    assert "sleepy" in loaded.slow
    assert loaded.seconds["sleepy"] >= 0.3
    assert "warning: sleepy took" in loaded.report()
    warned = [r.getMessage() for r in caplog.records if "sleepy" in r.getMessage()]
    assert any("corpparent-sleepy 1.0 is still loading after 0.1 s" in message
               for message in warned), warned
    assert any("corpparent-sleepy 1.0 took" in message for message in warned), warned
    result = CliRunner().invoke(cli, ["authorities", "list"], prog_name="corpparent",
                                env={"CORPPARENT_PLUGINS_SLOW_SECONDS": "0.1"})
    assert result.exit_code == 0, result.output
    assert ("corpparent: warning: authority plug-in 'sleepy' from corpparent-sleepy 1.0 is "
            "still loading after 0.1 s") in result.stderr
    assert ("corpparent: warning: authority plug-in 'sleepy' from corpparent-sleepy 1.0 took"
            in result.stderr)
    assert "CORPPARENT_PLUGINS_SLOW_SECONDS sets the limit" in result.stderr


def test_strict_mode_raises_a_contained_exit(plugin_installer: PluginInstaller) -> None:
    plugin_installer.install("corpparent-quitter", "2.0", {"quitter": "quitter_mod:profile"}, {
        "quitter_mod.py": "raise SystemExit(4)\n"})
    with pytest.raises(PluginError, match=r"sys\.exit\(4\)"):
        load_profiles(strict=True, environ=NO_ENV)
