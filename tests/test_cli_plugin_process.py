"""The user's Python at the command line runs in a process of its own.

A Python plug-in (``-a file.py:NAME`` or an installed entry point), an indicator set
(``-i FILE.py:NAME``) or a constitution (``-C FILE.py:NAME``) that ends its process,
forks, prints, closes standard output, sleeps or allocates 2 GB is reported by name, in
one line, with exit code 2, and never leaves a report on standard output that it made
or broke. The plug-in's tests run the command as the user runs it, in a process of its
own; the others run it here. The time limit is lowered to 2 s and the memory limit to
512 MB, so that each test takes a few seconds (a 60 s sleep is cut at 2 s).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpparent.cli import cli
from corpparent.errors import DataError, PluginError
from corpparent.plugins import SLOW_ENV
from corpparent.plugins.sandbox import MEMORY_ENV, TIMEOUT_ENV, Limits, run_isolated
from corpparent.testing.pytest import PluginInstaller

ROOT = Path(__file__).resolve().parent.parent
READINGS = ROOT / "examples" / "data" / "wiltshire_readings_2022-23.csv"
MEETINGS = ROOT / "examples" / "data" / "wiltshire_2022-23_meetings.csv"
LIMITS = {TIMEOUT_ENV: "2", MEMORY_ENV: "512", SLOW_ENV: "1"}

#: What a hostile piece of code does, and what the command says of it.
HOSTILE = {
    "exit": ("os._exit(0)", "it ended its process (exit status 0) without giving a result"),
    "fork": ("if os.fork() == 0:\n    print(json.dumps({'kind': 'forged'}))",
             "it forked its process"),
    "print": ("print(json.dumps({'kind': 'forged'}))", "it wrote to standard output"),
    "stderr": ("sys.stderr.write('noise\\n')", "it wrote to standard error"),
    "close": ("sys.stdout.close()", "it closed standard output"),
    "sleep": ("time.sleep(60)", "it did not finish within 2 s"),
    "allocate": ("hoard = bytearray(2 * 10**9)", "it ran out of memory"),
}


def _module(action: str, name: str, returns: str) -> str:
    body = textwrap.indent(HOSTILE[action][0], "    ")
    return (f"import json, os, sys, time\nimport attrs\n"
            f"from corpparent.plugins import load_profile\n\n\n"
            f"def {name}():\n{body}\n    return {returns}\n")


def _corpparent(*args: str | Path, cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, **LIMITS, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "corpparent", *map(str, args)], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    return done, time.monotonic() - started


def _refused(done: subprocess.CompletedProcess[str], took: float, named: str,
             action: str) -> None:
    """Exit 2, one error line naming the code and what it did, nothing forged on standard
    output, in bounded time."""
    assert done.returncode == 2, done.stderr
    assert done.stdout == "", done.stdout
    errors = [line for line in done.stderr.splitlines() if "error" in line]
    assert len(errors) == 1, done.stderr
    assert named in errors[0]
    assert HOSTILE[action][1] in errors[0]
    assert took < 30  # a 60 s sleep is cut at the 2 s limit
    if action == "sleep":  # and warned of while it runs
        assert f"{named} is still running after 1.0 s" in done.stderr


@pytest.mark.parametrize("action", sorted(HOSTILE))
def test_a_python_plugin_that_misbehaves_is_reported_by_name(tmp_path: Path,
                                                             action: str) -> None:
    (tmp_path / "hostile.py").write_text(_module(
        action, "profile", "attrs.evolve(load_profile('wiltshire'), id='hostile')"))
    done, took = _corpparent("scorecard", READINGS, "-a", "hostile.py:profile", "-p",
                             "2022-23 Q4", "-f", "json", "--fail-on-breach", cwd=tmp_path)
    _refused(done, took, "the plug-in hostile.py:profile", action)


def _invoked(*args: str | Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """The command run here (faster: the child is forked from this process); what it
    printed, as :func:`_corpparent` gives it."""
    started = time.monotonic()
    result = CliRunner().invoke(cli, list(map(str, args)), prog_name="corpparent",
                                env={**LIMITS, "COLUMNS": "200"})
    done = subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)
    return done, time.monotonic() - started


@pytest.mark.parametrize("action", sorted(HOSTILE))
def test_an_indicators_file_that_misbehaves_is_reported_by_name(tmp_path: Path,
                                                                action: str) -> None:
    ours = tmp_path / "ours.py"
    ours.write_text(_module(action, "indicators", "load_profile('wiltshire').indicators"))
    done, took = _invoked("scorecard", READINGS, "-i", f"{ours}:indicators", "--name",
                          "Ourtown", "-p", "2022-23 Q4", "-f", "json")
    _refused(done, took, f"the indicators {ours}:indicators", action)


@pytest.mark.parametrize("action", sorted(HOSTILE))
def test_a_constitution_that_misbehaves_is_reported_by_name(tmp_path: Path,
                                                            action: str) -> None:
    terms = tmp_path / "terms.py"
    terms.write_text(_module(action, "panel", "load_profile('wiltshire').constitution"))
    done, took = _invoked("meetings", MEETINGS, "-C", f"{terms}:panel", "-p", "2022-23",
                          "-f", "json", "--fail-on-breach")
    _refused(done, took, f"the constitution {terms}:panel", action)


def test_a_plugin_ending_its_process_does_not_pass_fail_on_breach(tmp_path: Path) -> None:
    """The same plug-in that gives its profile makes a report with breaches (exit 1);
    ending its process with status 0 is exit 2, never 0."""
    good = "attrs.evolve(load_profile('wiltshire'), id='hostile')"
    (tmp_path / "good.py").write_text(_module("print", "profile", good).replace(
        "print(json.dumps({'kind': 'forged'}))", "pass"))
    (tmp_path / "quits.py").write_text(_module("exit", "profile", good))
    args = ("scorecard", READINGS, "-p", "2022-23 Q4", "-f", "json", "--fail-on-breach")
    done, _took = _corpparent(*args, "-a", "good.py:profile", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["summary"]["breached"] > 0
    done, _took = _corpparent(*args, "-a", "quits.py:profile", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""


RULES = '''\
from attrs import frozen
from corpparent import Finding, Status
from corpparent.families import RuleFamily
from corpparent.governance.constitution import Constitution
from corpparent.governance.declared import RuleType, declare


@frozen
class AtLeastSittings:
    """A rule type of the plug-in's own: at least so many meetings held."""

    needed: int

    def review(self, panel):
        held = len(panel.sittings)
        return [Finding(subject="panel", rule=f"at least {self.needed} sittings",
                        family=RuleFamily.CUSTOM,
                        status=Status.MET if held >= self.needed else Status.BREACHED,
                        explanation=f"{held} held; {self.needed} needed",
                        evidence={"held": held})]


declare(RuleType("at_least_sittings", AtLeastSittings, 85, needs_membership=False))


def panel():
    return Constitution("Test panel", [AtLeastSittings(9)], source="test")
'''

LIBRARY = '''\
import json, sys
from corpparent.files.panel.meetings import read_meetings
from corpparent.governance.constitution import Constitution
from corpparent.periods import parse_period
from corpparent.plugins.python_objects import load_object
from corpparent.runs.governance import review_governance

constitution = load_object("rules.py:panel", Constitution, "constitution")
run = review_governance(parse_period("2022-23"), constitution=constitution,
                        meetings=read_meetings(sys.argv[1]))
print(json.dumps([[f.rule, str(f.status), f.explanation, dict(f.evidence)]
                  for f in run.findings]))
'''


def test_a_plugins_own_rule_type_gives_the_report_the_library_gives(tmp_path: Path) -> None:
    """The rule type is declared in the child process that loads the constitution and
    runs the review; the findings that come back are those the library API gives when
    it loads the same file in its own process (run apart, so this test's process
    declares nothing)."""
    (tmp_path / "rules.py").write_text(RULES)
    (tmp_path / "library.py").write_text(LIBRARY)
    done, _took = _corpparent("meetings", MEETINGS, "-C", "rules.py:panel", "-p", "2022-23",
                              "-f", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    library = subprocess.run([sys.executable, "library.py", str(MEETINGS)], cwd=tmp_path,
                             env=env, capture_output=True, text=True, timeout=60, check=True)
    expected = json.loads(library.stdout)
    got = [[f["rule"], f["status"], f["explanation"], f["evidence"]]
           for f in report["findings"]]
    assert got == expected
    assert ["at least 9 sittings", "breached", "4 held; 9 needed", {"held": 4}] in got


GOOD_TOML = """\
format_version = 1

[authority]
id = "goodtown"
name = "Goodtown Council"

[[indicators]]
id = "children_in_care"
name = "Children in care"
kind = "snapshot"
polarity = "neutral"
source = "test fixture"
"""


def test_authorities_list_reports_each_misbehaving_plugin_and_lists_the_others(
        plugin_installer: PluginInstaller, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin_installer.install("corpparent-goodtown", "1.0", {"goodtown": "goodtown_pkg:make"}, {
        "goodtown_pkg/__init__.py": ("from corpparent.files import profile_from_toml\n"
                                     f"def make():\n    return profile_from_toml({GOOD_TOML!r}, "
                                     "'goodtown')\n")})
    for action in ("exit", "fork", "print", "sleep"):
        plugin_installer.install(f"corpparent-{action}er", "0.1",
                                 {f"{action}er": f"{action}er_mod:profile"},
                                 {f"{action}er_mod.py": _module(action, "profile", "None")})
    for name, value in LIMITS.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(cli, ["authorities", "list"], prog_name="corpparent",
                                env={"CORPPARENT_PLUGINS_BLOCK": "", "COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    listed = next(line for line in result.stdout.splitlines() if " goodtown " in line)
    assert "Goodtown Council" in listed
    assert "✓ yes" in listed
    for builtin in ("national", "staffordshire", "wiltshire"):
        assert f" {builtin} " in result.stdout
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    for action in ("exit", "fork", "print", "sleep"):
        (line,) = [e for e in errors if f"corpparent-{action}er 0.1" in e]
        assert f"entry point {action}er = {action}er_mod:profile" in line
        assert HOSTILE[action][1] in line


def test_validate_checks_a_python_plugin_in_its_own_process(tmp_path: Path) -> None:
    """A Python plug-in given to validate as a FILE that prints is listed as failing;
    the readings file beside it is still checked."""
    (tmp_path / "noisy.py").write_text(_module(
        "print", "profile", "attrs.evolve(load_profile('wiltshire'), id='noisy')"))
    done, _took = _corpparent("validate", "noisy.py:profile", READINGS, cwd=tmp_path)
    assert done.returncode == 2
    assert f"ok: {READINGS}" in done.stdout
    assert "noisy.py:profile" in done.stderr
    assert "it wrote to standard output" in done.stderr


# -- the primitive -----------------------------------------------------------------------


def _blame(message: str) -> PluginError:
    return PluginError(f"the code: {message}")


def _left_behind() -> str:
    if os.fork() == 0:
        time.sleep(30)
    return "done"


def _bad_file() -> None:
    raise DataError.single("readings.csv", "not a number", line=4, field="value",
                           expected="a number", found="'abc'")


def test_run_isolated_gives_back_data() -> None:
    assert run_isolated(sorted, [3, 1, 2], blame=_blame, what="sorted") == [1, 2, 3]


def test_an_error_of_corpparent_comes_back_as_itself() -> None:
    with pytest.raises(DataError) as raised:
        run_isolated(_bad_file, blame=_blame, what="a reader")
    (problem,) = raised.value.problems
    assert (problem.source, problem.line, problem.field) == ("readings.csv", 4, "value")
    assert str(problem) == ("readings.csv, line 4, field 'value': not a number; expected "
                            "a number, found 'abc'")


def test_a_process_left_behind_does_not_keep_the_command_waiting() -> None:
    """The fork holds the child's pipes and sleeps 30 s; the child's group is killed."""
    started = time.monotonic()
    with pytest.raises(PluginError, match="the code: it forked its process"):
        run_isolated(_left_behind, blame=_blame, what="the code",
                     limits=Limits(seconds=20, memory_mb=512))
    assert time.monotonic() - started < 10


def test_limits_come_from_the_environment_and_bad_values_fall_back() -> None:
    assert Limits.from_environment({TIMEOUT_ENV: "5", MEMORY_ENV: "256"}) == Limits(
        5, 256, 2.0)
    assert Limits.from_environment({TIMEOUT_ENV: "soon", MEMORY_ENV: "-1"}) == Limits(
        slow_after=2.0)


def test_an_installed_python_plugin_is_named_by_its_distribution(
        plugin_installer: PluginInstaller) -> None:
    """``-a ID`` of an installed plug-in whose entry point names Python runs it in a
    child process too; its failure names the distribution and the entry point."""
    plugin_installer.install("corpparent-talker", "0.2", {"talker": "talker_mod:profile"}, {
        "talker_mod.py": _module("print", "profile",
                                 "attrs.evolve(load_profile('wiltshire'), id='talker')")})
    done, took = _invoked("scorecard", READINGS, "-a", "talker", "-p", "2022-23 Q4",
                          "-f", "json")
    _refused(done, took, "from corpparent-talker 0.2 (entry point talker = "
             "talker_mod:profile)", "print")


def test_a_result_that_is_not_the_commands_is_the_codes_failure() -> None:
    """What comes back is read as data: a report document that does not validate is
    reported against the code, never raised from inside the reader."""
    from corpparent.cli.isolation import Outcome, UserCode, isolated

    def forged() -> Outcome:
        return Outcome(())

    with pytest.raises(PluginError, match=r"the plug-in forged\.py: it gave back a result"):
        isolated(forged, (UserCode("the plug-in forged.py"),),
                 encode=lambda _o: {"reports": [{"kind": "forged"}]},
                 decode=Outcome.from_data)
