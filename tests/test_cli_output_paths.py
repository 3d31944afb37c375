"""Where a report is written: a name that means a folder is refused, a CSV and the
tables beside it are written whole or not at all, and a binary format without a file is
refused before any work, on one line."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import corpparent
from corpparent.cli import cli
from corpparent.cli.outputs import reference_files
from corpparent.plugins.scaffold import plugin_file_text
from corpparent.testing.pytest import PluginInstaller
from reports_support import INDICATORS_PY, READINGS, ROOT

SOURCES = str(Path(corpparent.__file__).resolve().parent.parent)

BASE = ["scorecard", str(READINGS), "-a", "wiltshire", "-p", "2022-23 Q4"]


def test_a_name_ending_in_a_slash_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    result = CliRunner().invoke(cli, [*BASE, "-f", "html", "-o", f"{folder}/"])
    assert result.exit_code == 2
    assert "names a folder: give a file name" in result.stderr
    assert not folder.exists()


def test_no_table_is_written_unless_all_can_be(tmp_path: Path) -> None:
    (tmp_path / "s-findings.csv").mkdir()
    result = CliRunner().invoke(cli, [*BASE, "-f", "csv", "-o", str(tmp_path / "s.csv")])
    assert result.exit_code == 2
    assert "s-findings.csv: cannot write a table here: it is a folder" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s-findings.csv"]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "parquet"])
def test_a_binary_format_without_a_file_is_one_line_before_any_work(fmt: str) -> None:
    result = CliRunner().invoke(cli, [*BASE, "-f", fmt], prog_name="corpparent")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"corpparent scorecard: error: --format {fmt} writes a binary file: give --output "
        "FILE (see 'corpparent scorecard --help')"]


@pytest.mark.parametrize(("suffix", "starts"), [
    (".docx", b"PK"), (".html", b"<!DOCTYPE html>"), (".md", b"# Wiltshire"),
    (".json", b"{"),
])
def test_without_a_format_the_output_suffix_chooses_it(tmp_path: Path, suffix: str,
                                                       starts: bytes) -> None:
    """``-o paper.docx`` alone writes a Word paper, where 0.2 wrote the terminal's text
    into a file called .docx; a format given still wins."""
    target = tmp_path / f"report{suffix}"
    result = CliRunner().invoke(cli, ["scorecard", str(READINGS), "-a", "wiltshire", "-p",
                                      "2022-23 Q4", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().lstrip().startswith(starts)
    forced = tmp_path / f"forced{suffix}"
    assert CliRunner().invoke(cli, ["scorecard", str(READINGS), "-a", "wiltshire", "-p",
                                    "2022-23 Q4", "-f", "markdown", "-o",
                                    str(forced)]).exit_code == 0
    assert forced.read_bytes().startswith(b"# Wiltshire")


# --- Whole or not at all: a file-size limit and a full disk leave the previous report ---

#: The formats a report is written in on paper or as data, each over 8 KiB here.
WHOLE_FORMATS = ["docx", "html", "xlsx", "json"]
PREVIOUS = b"the previous report, which must survive\n"
LIMIT = 8192


def child_env() -> dict[str, str]:
    """A child corpparent on this tree's sources, writing no bytecode (under a file-size
    limit, only its report may fail)."""
    return {**os.environ, "PYTHONPATH": SOURCES, "PYTHONDONTWRITEBYTECODE": "1"}


def errors(stderr: str) -> list[str]:
    """The lines of standard error but the run's warnings (which precede the writing)."""
    return [line for line in stderr.splitlines() if ": warning: " not in line]


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


@pytest.mark.parametrize("fmt", WHOLE_FORMATS)
def test_over_a_file_size_limit_the_previous_report_is_intact(tmp_path: Path, fmt: str) -> None:
    """Under RLIMIT_FSIZE of 8 KiB, a report of 17 to 220 KB fails with EFBIG (the
    command ignores SIGXFSZ, which would kill it): exit 2, one line naming the file, the
    previous report byte for byte, no temporary left."""
    target = tmp_path / f"report.{fmt}"
    target.write_bytes(PREVIOUS)
    # The disclosure record is written before a public paper, and would meet the limit
    # first (a paper is then not written at all: test_cli_disclosure_record_owner holds it).
    done = subprocess.run([sys.executable, "-m", "corpparent", *BASE, "-o", str(target),
                           "--no-disclosure-record"],
                          env=child_env(), preexec_fn=_limit_file_size, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert errors(done.stderr) == [
        f"corpparent: error: {target}: cannot write the {fmt} report: File too large "
        "(EFBIG); the file there before, if any, is left as it was"]
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


#: Run inside a new user and mount namespace: mount a 64 KiB tmpfs, fill all but 8 KiB
#: of it, write the previous report, run the command, then copy what the tmpfs holds out
#: (it vanishes with the namespace).
TMPFS_SCRIPT = """
set -e
mount -t tmpfs -o size=64k tmpfs "$1"
head -c 53248 /dev/zero > "$1/filler"
printf 'the previous report, which must survive\\n' > "$1/$2"
shift 2
set +e
"$@" 2> "$OUT/stderr"
echo $? > "$OUT/code"
cp -a "$MNT/." "$OUT/left/"
"""


def _tmpfs_refused() -> str | None:
    """Why a small tmpfs cannot be mounted here, or None when it can."""
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(["unshare", "-rm", "sh", "-c",
                            "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, text=True, check=False)
    return None if probe.returncode == 0 else (
        f"a tmpfs cannot be mounted in a user namespace here: {probe.stderr.strip()}")


@pytest.mark.parametrize("fmt", WHOLE_FORMATS)
def test_on_a_full_disk_the_previous_report_is_intact(tmp_path: Path, fmt: str) -> None:
    """On a 64 KiB tmpfs with 8 KiB free, the report fails with ENOSPC: exit 2, one line
    naming the file, the previous report byte for byte, no temporary left."""
    reason = _tmpfs_refused()
    if reason is not None:
        pytest.skip(reason)
    mount, out = tmp_path / "mnt", tmp_path / "out"
    mount.mkdir()
    (out / "left").mkdir(parents=True)
    target = mount / f"report.{fmt}"
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", TMPFS_SCRIPT, "tmpfs", str(mount), target.name,
         sys.executable, "-m", "corpparent", *BASE, "-o", str(target)],
        env={**child_env(), "OUT": str(out), "MNT": str(mount)}, capture_output=True,
        text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert (out / "code").read_text().strip() == "2"
    assert errors((out / "stderr").read_text()) == [
        f"corpparent: error: {target}: cannot write the {fmt} report: No space left on "
        "device (ENOSPC); the file there before, if any, is left as it was"]
    assert (out / "left" / target.name).read_bytes() == PREVIOUS
    assert sorted(p.name for p in (out / "left").iterdir()) == ["filler", target.name]


# --- No output names an input, whatever option gave it --------------------------------

PLUGIN_PY = '''\
from corpparent.plugins import load_profile


def profile():
    return load_profile("wiltshire")
'''
CONSTITUTION_PY = '''\
from corpparent.plugins import load_profile


def panel_constitution():
    return load_profile("wiltshire").constitution
'''
#: A package whose import fails loudly: finding its module file must not import it.
TRIPWIRE = 'raise RuntimeError("the package was imported to find its file")\n'


def _installed(tmp_path: Path, installer: PluginInstaller) -> Path:
    plugin = tmp_path / "guardshire.toml"
    plugin.write_text(plugin_file_text("guardshire", "Guardshire"), encoding="utf-8")
    installer.install_file(plugin, "guardshire")
    return installer.site / "_corpparent_installed_guardshire"


def _input_route(route: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 installer: PluginInstaller) -> tuple[list[str], Path]:
    """The command line of one input route, and the input it then names as its output."""
    readings = tmp_path / "readings.csv"
    shutil.copy(READINGS, readings)
    scorecard = ["scorecard", str(readings), "-p", "2022-23 Q4"]
    meetings = tmp_path / "meetings.csv"
    shutil.copy(ROOT / "examples" / "data" / "wiltshire_2022-23_meetings.csv", meetings)
    due = ["obligations", "due", "--from", "2023-09-01", "--until", "2024-03-31"]
    if route in ("plugin.toml", "obligations.toml"):
        target = tmp_path / route
        target.write_text(plugin_file_text("guardshire", "Guardshire"), encoding="utf-8")
        if route == "plugin.toml":
            return [*scorecard, "-a", str(target), "-o", str(target)], target
        return [*due, "-O", str(target), "--ics", str(target)], target
    if route.startswith(("indicators.py", "plugin.py", "constitution.py")):
        target = tmp_path / route.split(":")[0]
        text = {"indicators.py": INDICATORS_PY.read_text(encoding="utf-8"),
                "plugin.py": PLUGIN_PY, "constitution.py": CONSTITUTION_PY}[target.name]
        target.write_text(text, encoding="utf-8")
        reference = str(tmp_path / route)
        if target.name == "constitution.py":
            return ["meetings", str(meetings), "-C", reference, "-p", "2022-23", "-o",
                    str(target)], target
        option = "-i" if target.name == "indicators.py" else "-a"
        return [*scorecard, option, reference, "-o", str(target)], target
    if route.startswith("module"):
        package = tmp_path / "guarded_pkg"
        package.mkdir()
        (package / "__init__.py").write_text(TRIPWIRE, encoding="utf-8")
        target = package / "indicators.py"
        target.write_text(INDICATORS_PY.read_text(encoding="utf-8"), encoding="utf-8")
        monkeypatch.syspath_prepend(str(tmp_path))
        return [*scorecard, "-i", "guarded_pkg.indicators:wiltshire_indicators", "-o",
                str(target)], target
    if route.startswith("installed"):
        folder = _installed(tmp_path, installer)
        target = folder / ("guardshire.toml" if route == "installed data file"
                           else "__init__.py")
        return [*scorecard, "-a", "guardshire", "-o", str(target)], target
    if route == "meetings under --ics":
        return [*due, "-a", "wiltshire", "-M", str(meetings), "--ics", str(meetings)], meetings
    link = tmp_path / "linked.csv"
    (os.link if route == "hard link" else os.symlink)(readings, link)
    return [*scorecard, "-a", "wiltshire", "-o", str(link)], readings


INPUT_ROUTES = ["plugin.toml", "obligations.toml", "indicators.py",
                "indicators.py:wiltshire_indicators", "plugin.py", "plugin.py:profile",
                "constitution.py:panel_constitution", "module:NAME", "installed data file",
                "installed module", "meetings under --ics", "hard link", "symbolic link"]


@pytest.mark.parametrize("route", INPUT_ROUTES)
def test_no_output_overwrites_an_input(route: str, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       plugin_installer: PluginInstaller) -> None:
    """Each way a command is given a file to read (a path, a plug-in or Python
    reference, a module, an installed plug-in, a link) refused as its output: exit 2, one
    line, before any work, and the input byte for byte as it was."""
    args, target = _input_route(route, tmp_path, monkeypatch, plugin_installer)
    before = target.read_bytes()
    result = CliRunner().invoke(cli, args, prog_name="corpparent")
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) == 1
    assert "an input of this command; choose another output file" in result.stderr
    assert target.read_bytes() == before
    assert "guarded_pkg" not in sys.modules


def test_a_built_in_plug_in_names_its_own_data_file() -> None:
    """``-a wiltshire`` reads the plug-in file shipped inside corpparent: found from the
    entry point, so it is an input too (shown without writing over it)."""
    shipped = Path(corpparent.__file__).resolve().parent / "authorities" / "wiltshire.toml"
    assert shipped in [p.resolve() for p in reference_files("wiltshire")]
    assert list(reference_files("Our Council")) == []


def test_one_file_named_by_two_outputs_is_refused(tmp_path: Path) -> None:
    """``-o x.ics --ics x.ics``: the calendar and the report would replace each other."""
    target = tmp_path / "x.ics"
    result = CliRunner().invoke(cli, ["obligations", "due", "-a", "wiltshire", "--from",
                                      "2023-09-01", "--until", "2024-03-31", "-o",
                                      str(target), "--ics", str(target)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"corpparent: error: {target}: will not write the terminal report here: two outputs "
        "of this command name this file; give each its own"]
    assert not target.exists()


# --- No format passes a bidirectional control on raw ---------------------------------

#: An override, an isolate and its end, the direction marks and the Arabic letter mark.
BIDI = "\u202e\u2066\u2069\u200e\u200f\u061c"
SPOOFED = f"Wilt{BIDI}shire"


def _texts(path: Path) -> list[str]:
    """Every text a written file holds: the file itself, each member of a zipped one
    (docx, xlsx), each value and name of a parquet table."""
    data = path.read_bytes()
    if data.startswith(b"PK"):
        with zipfile.ZipFile(path) as archive:
            return [archive.read(n).decode("utf-8") for n in archive.namelist()
                    if n.endswith((".xml", ".rels"))]  # not the pictures
    if path.suffix == ".parquet":
        table = pq.read_table(path)
        return [json.dumps([table.column_names, table.to_pylist()], default=str,
                           ensure_ascii=False)]
    return [data.decode("utf-8")]


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json", "csv", "xlsx",
                                 "docx", "parquet"])
def test_no_report_format_keeps_a_bidirectional_control(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(cli, [*BASE, "--name", SPOOFED, "--title", SPOOFED, "-f",
                                      fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    texts = [t for p in sorted(tmp_path.iterdir()) for t in _texts(p)]
    assert [text[i - 60:i + 5] for text in texts for i, c in enumerate(text) if c in BIDI] == []
    assert any("Wilt\\u202e" in text.replace("\\\\", "\\") for text in texts)  # shown, escaped


def test_the_calendar_keeps_no_bidirectional_control(tmp_path: Path) -> None:
    target = tmp_path / "due.ics"
    result = CliRunner().invoke(cli, ["obligations", "due", "-a", "wiltshire", "--from",
                                      "2023-09-01", "--until", "2024-03-31", "--name",
                                      SPOOFED, "--ics", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_bytes().decode("utf-8")
    assert not any(char in text for char in BIDI)
    assert "NAME:Wiltshire reporting deadlines\r\n" in text


@pytest.mark.parametrize("stdout", ["closed", "full"])
def test_a_report_that_cannot_reach_standard_output_is_an_error(stdout: str) -> None:
    """A report lost because standard output was closed (``>&-``) or is full
    (``>/dev/full``) ends the command with exit 2 and one line, not as a success."""
    command = [sys.executable, "-m", "corpparent", *BASE, "-f", "json"]
    if stdout == "closed":
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, env=child_env(), cwd=ROOT, check=False,
                              preexec_fn=lambda: os.close(1))
    else:
        with open("/dev/full", "wb") as full:
            done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True,
                                  env=child_env(), cwd=ROOT, check=False)
    assert done.returncode == 2, done.stderr
    [line] = errors(done.stderr)
    assert "standard output" in line
    assert "Traceback" not in done.stderr
