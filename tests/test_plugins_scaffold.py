"""``corpparent authorities new``: a plug-in to start from that works with no edit.

The data file validates, loads through ``--authority FILE`` (and its constitution through
``-C FILE``), and the ``--python`` distribution installs into a fresh virtual
environment, where its own test passes and its entry point is found — with no change to
corpparent.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.errors import DataError
from corpparent.files import load_plugin_file
from corpparent.plugins import load_authority
from corpparent.plugins.scaffold import write_distribution
from corpparent.testing.pytest import PluginInstaller

ROOT = Path(__file__).resolve().parent.parent
READINGS = ROOT / "examples" / "data" / "wiltshire_readings_2022-23.csv"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def test_a_new_plugin_file_validates_and_loads_through_authority(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    made = run("authorities", "new", "middlesbrough", "--name", "Middlesbrough Council")
    assert made.exit_code == 0, made.output
    plugin = tmp_path / "middlesbrough.toml"
    checked = run("validate", str(plugin))
    assert checked.exit_code == 0, checked.output
    assert "authority plug-in 'middlesbrough' (Middlesbrough Council)" in checked.stdout
    shown = run("authorities", "show", "middlesbrough.toml")
    assert shown.exit_code == 0, shown.output
    assert "Middlesbrough Council (middlesbrough)" in shown.stdout
    profile = load_authority("middlesbrough.toml")
    assert profile == load_plugin_file(plugin)
    assert profile.constitution is not None


def test_a_new_plugin_file_serves_every_command(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("authorities", "new", "middlesbrough").exit_code == 0
    readings = tmp_path / "readings.csv"
    # The template's one indicator, inside the template's 2024-25 range of 6 to 9.
    readings.write_text("indicator,period,value\nplacements_3plus,2024-25 Q4,7\n",
                        encoding="utf-8")
    scored = run("scorecard", str(readings), "--authority", "middlesbrough.toml",
                 "--period", "2024-25 Q4", "--format", "json")
    assert scored.exit_code == 0, scored.output
    assert '"placements_3plus"' in scored.stdout
    assert run("validate", "-a", "middlesbrough.toml", str(readings)).exit_code == 0
    meetings = tmp_path / "meetings.csv"
    meetings.write_text("date,member,attendance\n2024-06-01,A Member,present\n",
                        encoding="utf-8")
    for option in ("-C", "-a"):
        judged = run("meetings", str(meetings), option, "middlesbrough.toml", "-p", "2024-25",
                     "-f", "json")
        assert judged.exit_code == 0, judged.output
        assert "Middlesbrough Council Corporate Parenting Panel" in judged.stdout


def test_new_refuses_to_overwrite_and_a_bad_name(tmp_path: Path) -> None:
    assert run("authorities", "new", "ourtown", "-d", str(tmp_path)).exit_code == 0
    again = run("authorities", "new", "ourtown", "-d", str(tmp_path))
    assert again.exit_code == 2
    assert "already exists; give --force" in again.stderr
    assert run("authorities", "new", "ourtown", "-d", str(tmp_path), "--force").exit_code == 0
    bad = run("authorities", "new", "Our Town", "-d", str(tmp_path))
    assert bad.exit_code == 2
    assert "'Our Town'" in bad.stderr


def test_validate_warns_of_an_installed_identifier(tmp_path: Path) -> None:
    assert run("authorities", "new", "wiltshire", "-d", str(tmp_path)).exit_code == 0
    checked = run("validate", str(tmp_path / "wiltshire.toml"))
    assert checked.exit_code == 0, checked.output
    assert "the identifier 'wiltshire' is also that of the installed plug-in from corpparent" \
        in checked.stderr


def test_validate_checks_a_python_plugin(tmp_path: Path) -> None:
    (tmp_path / "townplug.py").write_text(
        "from corpparent import AuthorityProfile\n"
        "def profile():\n    return AuthorityProfile(id='wiltshire', name='Not Wiltshire')\n",
        encoding="utf-8")
    (tmp_path / "brokenplug.py").write_text("def profile():\n    return 42\n", encoding="utf-8")
    good = run("validate", f"{tmp_path / 'townplug.py'}:profile")
    assert good.exit_code == 0, good.output
    assert "an authority plug-in in Python, 'wiltshire' (Not Wiltshire)" in good.stdout
    assert "also that of the installed plug-in" in good.stderr
    broken = run("validate", f"{tmp_path / 'brokenplug.py'}:profile")
    assert broken.exit_code == 2
    assert "returned int 42, not an AuthorityProfile" in broken.stderr


def test_a_module_reference_is_checked(plugin_installer: PluginInstaller) -> None:
    plugin_installer.install("corpparent-unrelated", "1.0", {}, {
        "modplug/__init__.py": "from corpparent import AuthorityProfile\n"
                               "PROFILE = AuthorityProfile(id='modtown', name='Mod Town')\n"})
    checked = run("validate", "modplug:PROFILE")
    assert checked.exit_code == 0, checked.output
    assert "'modtown' (Mod Town)" in checked.stdout
    missing = run("validate", "no_such_plugin_module:PROFILE")
    assert missing.exit_code == 2
    assert "No module named 'no_such_plugin_module'" in missing.stderr


def test_new_writes_an_installable_distribution(tmp_path: Path) -> None:
    made = run("authorities", "new", "middlesbrough", "--python", "-d", str(tmp_path))
    assert made.exit_code == 0, made.output
    project = tmp_path / "corpparent-middlesbrough"
    for relative in ("pyproject.toml", "src/corpparent_middlesbrough/plugin.py",
                     "src/corpparent_middlesbrough/middlesbrough.toml",
                     "tests/test_plugin.py"):
        assert (project / relative).is_file(), relative
    with pytest.raises(DataError, match="already exists"):
        write_distribution("middlesbrough", "M", project)


def _fresh_environment(folder: Path) -> tuple[Path, dict[str, str]]:
    """A new virtual environment whose only way to this one's packages is a ``.pth`` file
    naming this environment's site-packages, for corpparent's dependencies: corpparent
    itself is not there until a wheel is installed (the editable install's own ``.pth``
    is not read from a folder a ``.pth`` names)."""
    venv.EnvBuilder(with_pip=False).create(folder)
    python = folder / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True)
    (Path(site.stdout.strip()) / "host.pth").write_text(sysconfig.get_paths()["purelib"] + "\n",
                                                       encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return python, env


def _pip(python: Path, env: dict[str, str], *args: str) -> None:
    """pip, offline: no index, no build isolation (the test extra's hatchling builds)."""
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), *args,
                           "--quiet", "--no-index", "--no-build-isolation", "--no-deps"],
                          capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_python_plugin_installs_and_loads_in_a_fresh_environment(tmp_path: Path) -> None:
    """As a new user would: corpparent's wheel and the scaffolded distribution installed
    into a new virtual environment; there the plug-in file validates and loads through
    --authority FILE, and the installed plug-in's own test passes and the command line
    lists it — with no change to corpparent."""
    assert run("authorities", "new", "middlesbrough", "--python",
               "-d", str(tmp_path)).exit_code == 0
    project = tmp_path / "corpparent-middlesbrough"
    python, env = _fresh_environment(tmp_path / "fresh")
    wheels = tmp_path / "wheels"
    _pip(Path(sys.executable), env, "wheel", "--wheel-dir", str(wheels), str(ROOT))
    (wheel,) = wheels.glob("corpparent-*.whl")
    _pip(python, env, "install", str(wheel))
    _pip(python, env, "install", str(project))

    def fresh(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(python), *args], capture_output=True, text=True,
                              check=False, env=env, cwd=tmp_path)

    where = fresh("-c", "import corpparent; print(corpparent.__file__)")
    assert str(tmp_path / "fresh") in where.stdout, where.stdout + where.stderr
    plugin = str(project / "src" / "corpparent_middlesbrough" / "middlesbrough.toml")
    checked = fresh("-m", "corpparent", "validate", plugin)
    assert checked.returncode == 0, checked.stderr
    assert "identifier 'middlesbrough' is also that of the installed plug-in" in checked.stderr
    shown = fresh("-m", "corpparent", "authorities", "show", plugin)
    assert shown.returncode == 0, shown.stderr
    tested = fresh("-m", "pytest", "-q", "-p", "no:cacheprovider", str(project / "tests"))
    assert tested.returncode == 0, tested.stdout + tested.stderr
    listed = fresh("-m", "corpparent", "authorities", "list")
    assert listed.returncode == 0, listed.stderr
    line = next(line for line in listed.stdout.splitlines() if " middlesbrough " in line)
    assert "corpparent-middlesbrough" in line
    assert "✓ yes" in line


def _commands_taking_authority() -> set[str]:
    found = set()

    def walk(command: click.Command, path: str) -> None:
        if isinstance(command, click.Group):
            context = click.Context(command)
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None
                walk(sub, f"{path} {name}".strip())
        elif any("--authority" in getattr(p, "opts", ()) for p in command.params):
            found.add(path)

    walk(cli, "")
    return found


def test_every_command_taking_an_authority_takes_a_plugin_file(tmp_path: Path) -> None:
    """Wiltshire written out as a plug-in file (``authorities show --toml``) serves each
    command as the installed plug-in does."""
    plugin = tmp_path / "wiltshire-copy.toml"
    plugin.write_text(run("authorities", "show", "wiltshire", "--toml").stdout, encoding="utf-8")
    data = ROOT / "examples" / "data"
    runs = {
        "scorecard": ["scorecard", str(READINGS), "-a", str(plugin), "-p", "2022-23 Q4",
                      "-f", "json"],
        "meetings": ["meetings", "-a", str(plugin), "-p", "2022-23", "-f", "json"],
        "obligations check": ["obligations", "check",
                              str(data / "wiltshire_submissions_2022-23.csv"), "-a",
                              str(plugin), "-p", "2022-23", "--as-of", "2023-09-01", "-f",
                              "json"],
        "obligations due": ["obligations", "due", "-a", str(plugin), "--from", "2023-09-01",
                            "--until", "2024-03-31"],
        "validate": ["validate", "-a", str(plugin), str(READINGS)],
        "chart": ["chart", str(data / "wiltshire_health_assessments_monthly_illustrative.csv"),
                  "-a", str(plugin), "-n", "health_assessments", "-f", "json"],
        "ssda903 readings": ["ssda903", "readings", str(data / "ssda903"), "-a", str(plugin)],
    }
    assert set(runs) == _commands_taking_authority()
    for command, args in runs.items():
        by_file = run(*args)
        assert by_file.exit_code in (0, 1), (command, by_file.output)
        installed = run(*[("wiltshire" if a == str(plugin) else a) for a in args])
        assert by_file.exit_code == installed.exit_code, command
