"""Files written whole or not at all: whatever fails while writing (a full disk, an
interruption, a kill), the file under the final name is the old one or the new one,
never a mixture, a truncation or an empty file; two writers never interleave."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings, strategies as st

import corpparent
from corpparent.errors import DataError
from corpparent.files.writing import write_whole
from reports_support import READINGS

SOURCES = str(Path(corpparent.__file__).resolve().parent.parent)
SCORECARD = ["scorecard", str(READINGS), "-a", "wiltshire", "-p", "2022-23 Q4"]


def child_env() -> dict[str, str]:
    """The environment of a child corpparent: this tree's sources, and no bytecode
    written (a child under a file-size limit must fail on its report, nothing else)."""
    return {**os.environ, "PYTHONPATH": SOURCES, "PYTHONDONTWRITEBYTECODE": "1"}


def leftovers(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != name)


def test_a_new_file_gets_the_mode_any_new_file_gets(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("x")  # as any program creates a file: 0666 less the umask
    written = write_whole(tmp_path / "report.md", "# Report\n")
    assert written.read_text() == "# Report\n"
    assert stat.S_IMODE(written.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old")
    target.chmod(0o640)
    write_whole(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "2023.html"
    real.write_text("old")
    link = tmp_path / "latest.html"
    link.symlink_to(real)
    write_whole(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
    assert leftovers(tmp_path, "latest.html") == ["2023.html"]


def test_a_missing_folder_is_made_and_a_folder_is_not_replaced(tmp_path: Path) -> None:
    assert write_whole(tmp_path / "a" / "b" / "r.json", b"{}").read_bytes() == b"{}"
    (tmp_path / "dir.json").mkdir()
    with pytest.raises(DataError, match=r"dir\.json: cannot write the file: .*EISDIR"):
        write_whole(tmp_path / "dir.json", b"{}")


def test_a_full_disk_is_one_error_naming_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"previous")

    def full(descriptor: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with mock.patch("os.write", full), pytest.raises(DataError) as raised:
        write_whole(target, b"new" * 1000, what="the docx report")
    assert str(raised.value) == (
        f"{target}: cannot write the docx report: No space left on device (ENOSPC); the "
        "file there before, if any, is left as it was")
    assert target.read_bytes() == b"previous"
    assert leftovers(tmp_path, "report.docx") == []


#: Where a write can fail: each call the writer makes to the system after the temporary
#: file is opened.
FAILURES = ["write", "fchmod", "fsync", "close", "replace"]


def _failing(name: str, real: Callable[..., object], calls: int,
             error: BaseException) -> Callable[..., object]:
    """``real``, failing with ``error`` on its ``calls``-th call (0 is the first); a
    write before that takes at most 7 bytes, so a failure can come part-way."""
    count = {"n": 0}

    def call(*args: object) -> object:
        if count["n"] == calls:
            raise error
        count["n"] += 1
        if name == "write":
            descriptor, data = args
            return real(descriptor, bytes(memoryview(data)[:7]))  # type: ignore[arg-type]
        return real(*args)

    return call


@settings(max_examples=150)
@given(old=st.none() | st.binary(max_size=64), new=st.binary(max_size=64),
       where=st.sampled_from(FAILURES), calls=st.integers(min_value=0, max_value=12),
       interrupt=st.booleans(), existing_mode=st.sampled_from([0o600, 0o644]))
def test_a_failure_anywhere_leaves_the_old_bytes_or_the_new(
        old: bytes | None, new: bytes, where: str, calls: int, interrupt: bool,
        existing_mode: int) -> None:
    """For any contents and a failure (a full disk, or an interruption) at any call, the
    file is the old bytes (or still absent) or the new bytes, and no temporary remains."""
    error: BaseException = (KeyboardInterrupt() if interrupt
                            else OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "report.json"
        if old is not None:
            target.write_bytes(old)
            target.chmod(existing_mode)
        renamed: list[bool] = []
        real_replace = os.replace

        def recording(*args: str) -> None:
            real_replace(*args)
            renamed.append(True)

        raised: BaseException | None = None
        try:
            with mock.patch("os.replace", recording), mock.patch(
                    f"os.{where}", _failing(where, getattr(os, where), calls, error)):
                write_whole(target, new)
        except (DataError, KeyboardInterrupt) as exc:
            raised = exc
        assert raised is None or isinstance(raised, KeyboardInterrupt) is interrupt
        found = target.read_bytes() if target.exists() else None
        assert found == (new if renamed else old)  # the folder's sync may fail after
        assert renamed or raised is not None
        assert leftovers(Path(folder), "report.json") == []


KILLED_CHILD = """
import os, sys, time
marker = sys.argv[1]
real = os.write
def slow(descriptor, data):
    written = real(descriptor, bytes(memoryview(data)[:4096]))
    open(marker, "a").close()  # the temporary is part-written: the parent may kill now
    time.sleep(0.05)
    return written
os.write = slow
sys.argv = ["corpparent", *sys.argv[2:]]
from corpparent.cli import main
main()
"""


def test_a_writer_killed_mid_write_leaves_the_previous_file_whole(tmp_path: Path) -> None:
    """A report of about 128 KB written 4 KB every 50 ms (about 1.6 s) is killed with
    SIGKILL once part of it is on disk: the previous report is whole under its name, and
    only the hidden temporary may remain beside it."""
    target = tmp_path / "report.html"
    target.write_bytes(b"<html>the previous report</html>")
    marker = tmp_path / "started"
    # No disclosure record: it is written before the paper, and the kill would fall on it.
    child = subprocess.Popen([sys.executable, "-c", KILLED_CHILD, str(marker), *SCORECARD,
                              "-o", str(target), "--no-disclosure-record"], env=child_env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert marker.exists(), "the child never started writing"
        time.sleep(0.2)
        assert child.poll() is None, "the child finished before it was killed"
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert target.read_bytes() == b"<html>the previous report</html>"
    temporaries = [n for n in leftovers(tmp_path, "report.html") if n != "started"]
    assert len(temporaries) == 1  # the part-written temporary the kill left: hidden
    assert temporaries[0].startswith(".report.html.")
    assert temporaries[0].endswith(".tmp")


RACING_CHILD = """
import sys
from corpparent.files.writing import write_whole
target, mark, size, times = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
body = '{"writer": "' + mark + '", "rows": [' + ",".join([str(size)] * size) + "]}"
for _ in range(times):
    write_whole(target, body)
"""


def test_two_writers_of_one_file_never_interleave(tmp_path: Path) -> None:
    """Two processes write one file 200 times each, documents of different lengths,
    while it is read again and again: every read is one writer's whole document."""
    target = tmp_path / "report.json"
    target.write_text('{"writer": "none", "rows": []}')
    writers = [subprocess.Popen([sys.executable, "-c", RACING_CHILD, str(target), mark,
                                 str(size), "200"], env=child_env())
               for mark, size in (("a", 2000), ("b", 20000))]
    seen: set[str] = set()
    while any(w.poll() is None for w in writers):
        document = json.loads(target.read_bytes())
        seen.add(document["writer"])
        rows = document["rows"]
        assert rows == [len(rows)] * len(rows)
    assert [w.wait() for w in writers] == [0, 0]
    assert json.loads(target.read_bytes())["writer"] in {"a", "b"}
    assert seen & {"a", "b"}
    assert leftovers(tmp_path, "report.json") == []


def test_two_commands_writing_one_report_leave_one_whole_report(tmp_path: Path) -> None:
    """Two ``corpparent scorecard`` runs, one JSON and one of a different title, write one
    file at once, three times over: each exits 0 and the file is one whole report."""
    target = tmp_path / "scorecard.json"
    for _ in range(3):
        runs = [subprocess.Popen([sys.executable, "-m", "corpparent", *SCORECARD,
                                  "--title", title, "-o", str(target)], env=child_env(),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                for title in ("First", "Second")]
        assert [r.wait(timeout=120) for r in runs] == [0, 0]
        for r in runs:
            assert r.stderr is not None
            r.stderr.close()
        assert json.loads(target.read_bytes())["title"] in {"First", "Second"}
        assert leftovers(tmp_path, "scorecard.json") == []


def test_write_functions_of_the_library_write_whole(tmp_path: Path) -> None:
    """The calendar writer goes through the same path: a full disk leaves the previous
    calendar as it was."""
    from datetime import UTC, datetime

    from corpparent.files.panel.icalendar import write_icalendar

    target = tmp_path / "due.ics"
    target.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")

    def full(descriptor: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with mock.patch("os.write", full), pytest.raises(DataError, match="the calendar"):
        write_icalendar(target, (), stamp=datetime(2024, 1, 1, tzinfo=UTC))
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    write_icalendar(target, (), stamp=datetime(2024, 1, 1, tzinfo=UTC), name="Due")
    assert b"NAME:Due" in target.read_bytes()
    assert leftovers(tmp_path, "due.ics") == []


def test_the_scaffold_writes_through_the_same_path(tmp_path: Path) -> None:
    from corpparent.plugins.scaffold import write_plugin_file

    def full(descriptor: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with mock.patch("os.write", full), pytest.raises(DataError, match="ENOSPC"):
        write_plugin_file("ourtown", "Our Town", tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_national_results_are_written_whole(tmp_path: Path, suffix: str) -> None:
    """The results table is rendered in memory, then written whole: a full disk leaves
    the previous table as it was; a good write reads back as the rows written."""
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    from corpparent.dfe.national_table import benchmark_all
    from corpparent.files.dfe.national_results import write_national_results
    from corpparent.indicators.definitions import Polarity
    from national_engine_support import dictionary, neighbours, table

    results = benchmark_all(table({"2025": [1.0, 2.0]}), dictionary(Polarity.LOWER_IS_BETTER),
                            neighbours({}, 2), set())
    target = tmp_path / f"results{suffix}"
    target.write_bytes(b"previous")

    def full(descriptor: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with mock.patch("os.write", full), pytest.raises(DataError, match="the results"):
        write_national_results(results, target)
    assert target.read_bytes() == b"previous"
    write_national_results(results, target)
    read = pcsv.read_csv(target) if suffix == ".csv" else pq.read_table(target)
    assert read.num_rows == results.table.num_rows == 2
    assert leftovers(tmp_path, target.name) == []
