"""The HTML report in a real headless browser (Debian's chromium package).

It must render, draw its charts, and show a name such as ``<script>alert(1)</script>``
from a data file as text without running it. A control page proves the check would see
a script that ran (it changes the page title). Outside CI, the test skips when no
browser is installed; in CI (``CI`` set) a missing browser fails.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from browser_support import browser_path as _browser
from corpparent.cli import cli
from reports_support import READINGS, ROOT

HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_DOMAIN = "<script>document.title='pwned'</script>"


def _chromium(page: Path, profile: Path, *extra: str) -> str:
    command = [
        _browser(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", *extra, page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _title(dom: str) -> str:
    found = re.search(r"<title>(.*?)</title>", dom, re.DOTALL)
    assert found is not None
    return found.group(1)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An HTML report whose indicator and domain names, from the data files, are scripts."""
    where = tmp_path_factory.mktemp("browser")
    indicators = where / "hostile_indicators.py"
    indicators.write_text(
        "from corpparent import (ExpectedRange, FinancialYear, Indicator, IndicatorSet,\n"
        "    Kind, Polarity, Target)\n"
        "from corpparent.ranges import TargetDirection\n"
        "def hostile_indicators():\n"
        f"    stability = Indicator('long_term_stability', {HOSTILE_NAME!r}, Kind.PERCENTAGE,\n"
        f"        Polarity.HIGHER_IS_BETTER, domain={HOSTILE_DOMAIN!r})\n"
        "    other = Indicator('children_in_care', 'Children in care', Kind.SNAPSHOT,\n"
        "        Polarity.NEUTRAL)\n"
        "    return IndicatorSet([stability, other],\n"
        "        ranges=[ExpectedRange('long_term_stability', 75, 82, FinancialYear(2022))],\n"
        "        targets=[Target('long_term_stability', 80, TargetDirection.AT_LEAST,\n"
        "                        FinancialYear(2022))])\n",
        encoding="utf-8",
    )
    readings = where / "readings.csv"
    rows = [line for line in READINGS.read_text(encoding="utf-8").splitlines()
            if line.startswith(("indicator,", "long_term_stability,", "children_in_care,"))]
    readings.write_text("\n".join(rows) + "\n", encoding="utf-8")
    page = where / "report.html"
    result = CliRunner().invoke(cli, ["scorecard", str(readings), "-i", str(indicators),
                                      "--name", "Wiltshire", "-p", "2022-23 Q4", "-f", "html",
                                      "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


def test_a_script_that_runs_changes_the_dom(tmp_path: Path) -> None:
    """The control: the detection works, so its silence below means something."""
    page = tmp_path / "control.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>before</title></head><body>"
                    f"{HOSTILE_DOMAIN}</body></html>", encoding="utf-8")
    assert _title(_chromium(page, tmp_path / "profile", "--dump-dom")) == "pwned"


def test_report_renders_with_its_charts(hostile_report: Path, tmp_path: Path) -> None:
    dom = _chromium(hostile_report, tmp_path / "profile", "--dump-dom")
    assert "Wiltshire" in _title(dom)
    assert len(re.findall(r'<svg class="chart trend"', dom)) == 2
    assert re.search(r'<rect class="band"', dom)
    assert re.search(r'<line class="target"', dom)
    assert re.search(r'<polyline class="line" points="[\d., ]+"', dom)
    shot = tmp_path / "report.png"
    _chromium(hostile_report, tmp_path / "profile2", f"--screenshot={shot}",
              "--window-size=1280,2400", "--hide-scrollbars")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000  # a blank page compresses to a few kilobytes


def test_names_from_data_appear_as_text_and_run_nothing(hostile_report: Path,
                                                        tmp_path: Path) -> None:
    dom = _chromium(hostile_report, tmp_path / "profile", "--dump-dom")
    assert "<script" not in dom
    assert "pwned" not in _title(dom)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom


@pytest.fixture(scope="module")
def hostile_meetings_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A governance report from Staffordshire's 2019-20 records (004 §7-13) in which two
    councillors' names in the membership and meeting files are scripts."""
    where = tmp_path_factory.mktemp("meetings")
    data = ROOT / "examples" / "data"
    renames = {"Gill Burnett": HOSTILE_NAME, "Janet Eagland": HOSTILE_DOMAIN}
    membership = json.loads((data / "staffordshire_2019-20_membership.json").read_text(
        encoding="utf-8"))
    for member in membership["members"]:
        member["name"] = renames.get(member["name"], member["name"])
    (where / "membership.json").write_text(json.dumps(membership), encoding="utf-8")
    meetings = (data / "staffordshire_2019-20_meetings.csv").read_text(encoding="utf-8")
    for old, new in renames.items():
        meetings = meetings.replace(old, new)
    (where / "meetings.csv").write_text(meetings, encoding="utf-8")
    page = where / "meetings.html"
    result = CliRunner().invoke(cli, [
        "meetings", str(where / "meetings.csv"), "-m", str(where / "membership.json"),
        "-C", f"{ROOT / 'examples' / 'governance.py'}:STAFFORDSHIRE", "-p", "MY 2019-20",
        "-f", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


def test_councillors_named_as_scripts_appear_as_text(hostile_meetings_report: Path,
                                                     tmp_path: Path) -> None:
    dom = _chromium(hostile_meetings_report, tmp_path / "profile", "--dump-dom")
    assert "Staffordshire" in _title(dom)
    assert "pwned" not in _title(dom)
    assert "<script" not in dom
    assert dom.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2  # attendance, six months
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
