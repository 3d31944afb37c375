"""A fork server for the fuzz suite: inputs are read in processes of their own, with
bounds on their memory and CPU time, so an input that aborts the interpreter (a panic or
an allocation failure in native code), crashes it, fills memory or spins is counted as
that input's failure and the suite goes on (not a test module itself).

:class:`fuzz_routes.ForkServer` (the parent's side, in :mod:`fuzz_routes`) starts this
module as one long-lived child process (``python fuzz_server.py``) that imports
corpparent, pyarrow, pandas, polars, python-calamine and the fuzz modules once.
For each batch of tasks it is sent, the server forks one grandchild (:func:`run_batch`),
which sets its limits (``RLIMIT_AS``: what the server already maps plus
:data:`MEMORY_BYTES`; ``RLIMIT_CPU``: :data:`CPU_SECONDS` more than it has used, set
again before each task), sends its standard streams to ``/dev/null``, runs the tasks
one after another and writes each one's result back as it ends, pickled, with the task's
own CPU time (``getrusage`` of itself and of the children it reaped, before and after)
and its peak memory: how far its resident size rose above what the grandchild held
when the task began (``VmHWM`` of ``/proc/self/status``, set back to the resident size
``VmRSS`` by ``/proc/self/clear_refs`` before the task; a child the task forked and
reaped counts where its peak is the largest yet). A task that
raises, goes over a bound there, or is not answered because the grandchild ended
(a signal, an abort, an exit) or stopped answering for :data:`WALL_SECONDS`, is run
again alone (:func:`run_task`): forked for it only, its standard error's last few
kilobytes kept, waited for with :func:`os.wait4`, whose resource usage gives its own
peak memory and CPU time. So a failure is always that of an input in a process of its
own, as told by an :class:`Ended` for each task: plain data, never an exception.

The parent (the test) and the server speak over the server's standard input and output
in frames: eight bytes of length, then a pickled list of tasks or of :class:`Ended`.
A task names its function by module and name (``"fuzz_inputs:file_outcome"``) and gives
plain arguments, so nothing but data crosses between processes.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import select
import signal
import struct
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from attrs import frozen

HERE = Path(__file__).resolve().parent
#: How much more memory than the server already maps one input may take: 1 GiB.
MEMORY_BYTES = 1024 * 1024 * 1024
#: How much CPU time one input may take, in seconds.
CPU_SECONDS = 10
#: How long one input may take by the clock (a sleep, a lock never released), seconds:
#: its CPU time's bound, and time for the machine's other work.
WALL_SECONDS = 20.0
#: How much of a grandchild's standard error is kept, from its end.
STDERR_TAIL = 4096
#: The classes of how an input ended that are failures of the input.
FAILURES = ("failure", "aborted", "over memory", "over time")
#: Inputs are written to files named by their number modulo this: far more than the
#: inputs of the batches waiting and the batch being made, so none is overwritten.
FILE_SLOTS = 1024
#: Modules the server imports once, so each grandchild starts with them loaded.
PRELOADED = ("corpparent", "corpparent.kinds", "corpparent.files", "pyarrow",
             "pyarrow.parquet", "pandas", "polars", "python_calamine", "openpyxl",
             "fuzz_inputs", "fuzz_tables", "fuzz_workbooks")

Task = tuple[str, tuple[Any, ...]]


@frozen
class Ended:
    """How one task ended. ``status`` is ``result`` (the reader returned), ``error`` (a
    placed CorpparentError), ``unmade`` (the input itself could not be built, as when a
    frame library refuses a value: no finding), or one of :data:`FAILURES`; ``detail``
    says what failed (or the summary or error, shortened); ``rss_bytes`` is the grandchild's peak
    resident memory above the server's own, ``cpu_seconds`` its CPU time."""

    status: str
    detail: str = ""
    rows_lost: int = 0
    rss_bytes: int = 0
    cpu_seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.status in FAILURES


# --- frames, as both sides write and read them -----------------------------------------


def _frame(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value)
    stream.write(struct.pack("<Q", len(data)) + data)
    stream.flush()


def _unframe(stream: IO[bytes]) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        return None
    (size,) = struct.unpack("<Q", head)
    data = stream.read(size)
    return pickle.loads(data)


# --- the server's side ----------------------------------------------------------------


def _status_field(name: str) -> int:
    """A field of ``/proc/self/status`` in bytes (``VmSize``, ``VmRSS``); 0 if absent."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _resolve(name: str) -> Any:
    module, _, attribute = name.partition(":")
    return getattr(__import__(module, fromlist=[attribute]), attribute)


def _grandchild(task: Task, result_fd: int, stderr_fd: int, address_space: int,
                cpu_seconds: int) -> None:
    """Run ``task`` with the limits set and write ``("ok", value)`` or
    ``("raised", text)`` to ``result_fd``; never returns."""
    code = 0
    try:
        os.setpgid(0, 0)
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        os.dup2(stderr_fd, 2)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if address_space:
            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        used = resource.getrusage(resource.RUSAGE_SELF)
        start = int(used.ru_utime + used.ru_stime)
        resource.setrlimit(resource.RLIMIT_CPU, (start + cpu_seconds, start + cpu_seconds + 1))
        name, arguments = task
        try:
            answer: tuple[str, Any] = ("ok", _resolve(name)(*arguments))
        except MemoryError:
            answer = ("memory", "MemoryError")
        except BaseException as exc:  # the task's own failure is the finding
            answer = ("raised", f"{type(exc).__name__}: {str(exc)[:300]}")
        data = pickle.dumps(answer)
        view = memoryview(data)
        while view:
            view = view[os.write(result_fd, view):]
    except BaseException:  # nothing may escape a forked child into the server's loop
        code = 70
    finally:
        os._exit(code)


def _drain(fd: int, into: bytearray, keep: int | None) -> bool:
    """Read what is ready on ``fd`` into ``into`` (keeping its last ``keep`` bytes);
    ``False`` once the writer has closed it."""
    try:
        chunk = os.read(fd, 65536)
    except BlockingIOError:
        return True
    if not chunk:
        return False
    into.extend(chunk)
    if keep is not None and len(into) > keep:
        del into[:len(into) - keep]
    return True


def _signal_status(signum: int, stderr: str) -> str:
    if signum in (signal.SIGXCPU,):
        return "over time"
    if "memory allocation of" in stderr or "MemoryError" in stderr or "bad_alloc" in stderr:
        return "over memory"
    return "aborted"


def run_task(task: Task, address_space: int, base_rss: int, cpu_seconds: int = CPU_SECONDS,
             wall_seconds: float = WALL_SECONDS) -> Ended:
    """Fork a grandchild for ``task``, wait for it, and say how it ended."""
    result_read, result_write = os.pipe()
    error_read, error_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(result_read)
        os.close(error_read)
        _grandchild(task, result_write, error_write, address_space, cpu_seconds)
    os.close(result_write)
    os.close(error_write)
    os.set_blocking(result_read, False)
    os.set_blocking(error_read, False)
    result, stderr = bytearray(), bytearray()
    open_fds = {result_read: None, error_read: STDERR_TAIL}
    deadline = time.monotonic() + wall_seconds
    timed_out = False
    reaped: tuple[int, int, resource.struct_rusage] | None = None
    while open_fds:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select(list(open_fds), [], [], min(left, 0.25))
        for fd in ready:
            if not _drain(fd, result if fd == result_read else stderr, open_fds[fd]):
                del open_fds[fd]
        if not ready:
            if reaped is not None:  # exited, and what it forked holds the pipes open
                break
            found = os.wait4(pid, os.WNOHANG)
            reaped = found if found[0] else None
    # The grandchild leads its own process group: whatever it forked goes with it.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    os.close(result_read)
    os.close(error_read)
    _, status, usage = reaped if reaped is not None else os.wait4(pid, 0)
    rss = max(0, usage.ru_maxrss * 1024 - base_rss)
    cpu = usage.ru_utime + usage.ru_stime
    tail = stderr.decode("utf-8", "replace").strip().splitlines()
    last = tail[-1][:300] if tail else ""
    if timed_out:
        return Ended("over time", f"still running after {wall_seconds:.0f} s", 0, rss, cpu)
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        how = _signal_status(signum, stderr.decode("utf-8", "replace"))
        return Ended(how, f"{signal.Signals(signum).name}: {last}", 0, rss, cpu)
    if not result:
        return Ended("aborted", f"exit {os.WEXITSTATUS(status)} without a result: {last}",
                     0, rss, cpu)
    kind, value = pickle.loads(bytes(result))
    if kind == "memory":
        return Ended("over memory", value, 0, rss, cpu)
    if kind == "raised":
        return Ended("failure", f"the task raised {value}", 0, rss, cpu)
    if rss > MEMORY_BYTES:
        return Ended("over memory", f"{rss / 2**20:,.0f} MiB", 0, rss, cpu)
    if cpu > cpu_seconds:
        return Ended("over time", f"{cpu:.1f} s of CPU", 0, rss, cpu)
    status_text, detail, lost = value
    return Ended(status_text, detail, lost, rss, cpu)


def _peak_reset() -> None:
    """Set this process's peak resident memory (``VmHWM``) back to what it holds now."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _spent() -> tuple[float, int]:
    """The CPU time of this process and of the children it has reaped, and the largest
    peak memory of those children, in bytes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime,
            reaped.ru_maxrss * 1024)


def _batch_grandchild(tasks: Sequence[Task], result_fd: int, address_space: int,
                      cpu_seconds: int) -> None:
    """Run ``tasks`` in turn in this one process, writing a frame ``(index, kind, value,
    rss, cpu)`` for each as it ends and ``None`` after the last; never returns. A copy
    a task forked that returns into this loop ends at once, writing nothing."""
    code = 0
    me = os.getpid()
    try:
        os.setpgid(0, 0)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if address_space:
            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
        for index, (name, arguments) in enumerate(tasks):
            own = resource.getrusage(resource.RUSAGE_SELF)
            resource.setrlimit(resource.RLIMIT_CPU,
                               (int(own.ru_utime + own.ru_stime) + cpu_seconds, hard))
            _peak_reset()
            held = _status_field("VmRSS")
            cpu_before, reaped_before = _spent()
            try:
                kind, value = "ok", _resolve(name)(*arguments)
            except BaseException as exc:  # answered alone, in a grandchild of its own
                kind, value = "raised", f"{type(exc).__name__}: {str(exc)[:300]}"
            if os.getpid() != me:
                os._exit(0)
            cpu_after, reaped_after = _spent()
            rss = _status_field("VmHWM")
            if reaped_after > reaped_before:  # a child of this task's went higher
                rss = max(rss, reaped_after)
            _write_frame(result_fd, (index, kind, value, max(0, rss - held),
                                     cpu_after - cpu_before))
        _write_frame(result_fd, None)
    except BaseException:  # nothing may escape a forked child into the server's loop
        code = 70
    finally:
        os._exit(code)


def _write_frame(fd: int, value: object) -> None:
    data = pickle.dumps(value)
    view = memoryview(struct.pack("<Q", len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _batch_answers(tasks: Sequence[Task], address_space: int, cpu_seconds: int,
                   wall_seconds: float) -> dict[int, tuple[Any, ...]]:
    """Run ``tasks`` in one grandchild and gather the frames it wrote, by index, until it
    ends, stops answering for ``wall_seconds`` or has answered them all."""
    result_read, result_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(result_read)
        _batch_grandchild(tasks, result_write, address_space, cpu_seconds)
    os.close(result_write)
    os.set_blocking(result_read, False)
    data, answers = bytearray(), {}
    deadline = time.monotonic() + wall_seconds
    reaped: tuple[int, int, resource.struct_rusage] | None = None
    finished, open_fd = False, True
    while open_fd and not finished:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        ready, _, _ = select.select([result_read], [], [], min(left, 0.25))
        if ready:
            open_fd = _drain(result_read, data, None)
        while len(data) >= 8:
            (size,) = struct.unpack("<Q", data[:8])
            if len(data) < 8 + size:
                break
            frame = pickle.loads(bytes(data[8:8 + size]))
            del data[:8 + size]
            if frame is None:
                finished = True
                break
            answers[frame[0]] = frame
            deadline = time.monotonic() + wall_seconds
        if not ready:
            if reaped is not None:  # ended, and what it forked holds the pipe open
                break
            found = os.wait4(pid, os.WNOHANG)
            reaped = found if found[0] else None
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    os.close(result_read)
    if reaped is None:
        os.wait4(pid, 0)
    return answers


def run_batch(tasks: Sequence[Task], address_space: int, base_rss: int,
              cpu_seconds: int = CPU_SECONDS, wall_seconds: float = WALL_SECONDS
              ) -> list[Ended]:
    """Run ``tasks`` in one grandchild, one after another, and say how each ended. A
    task that did not give a result within the bounds there (it raised, ran out of
    memory or time, or the grandchild ended before it was answered) is run again alone
    by :func:`run_task`, so what it does is told apart from what the tasks before it
    left behind, and its outcome is that of its own process."""
    answers = _batch_answers(tasks, address_space, cpu_seconds,
                             wall_seconds) if len(tasks) > 1 else {}
    ended: list[Ended] = []
    for index, task in enumerate(tasks):
        _, kind, value, rss, cpu = answers.get(index, (index, "", None, 0, 0.0))
        if kind == "ok" and rss <= MEMORY_BYTES and cpu <= cpu_seconds:
            status_text, detail, lost = value
            ended.append(Ended(status_text, detail, lost, rss, cpu))
        else:
            ended.append(run_task(task, address_space, base_rss, cpu_seconds, wall_seconds))
    return ended


def serve(requests: IO[bytes], answers: IO[bytes], cpu_seconds: int = CPU_SECONDS,
          wall_seconds: float = WALL_SECONDS) -> None:
    """Read frames of tasks from ``requests`` and answer each with its outcomes."""
    for module in PRELOADED:
        try:
            __import__(module)
        except ImportError:
            continue
    __import__("fuzz_inputs").warm()
    base_rss = _status_field("VmRSS")
    while True:
        tasks = _unframe(requests)
        if tasks is None:
            return
        # Measured at each batch: what the server maps grows as modules are imported.
        address_space = _status_field("VmSize") + MEMORY_BYTES
        _frame(answers, run_batch(tasks, address_space, base_rss, cpu_seconds, wall_seconds))


def main() -> None:
    """The server process: frames in on standard input, out on standard output."""
    # polars warns at each fork that a child may deadlock; the clock bound catches that.
    warnings.simplefilter("ignore")
    protocol_in, protocol_out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the frames
    serve(protocol_in, protocol_out, int(sys.argv[1]), float(sys.argv[2]))


if __name__ == "__main__":
    # Run as the module ``fuzz_server``, so what it pickles is named as the parent knows it.
    sys.path.insert(0, str(HERE))
    __import__("fuzz_server").main()
