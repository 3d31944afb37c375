"""The parent's side of the fuzz suite's fork server, and the figures of a route (not a
test module itself).

:class:`ForkServer` starts the server (``python fuzz_server.py``, see :mod:`fuzz_server`
for what it does with the tasks it is sent), sends it batches of tasks and collects how
each ended; :func:`run_route` keeps :data:`JOBS` servers busy side by side with the
inputs of one route while the parent makes the next ones; a :class:`Tally` counts how
the inputs of a route ended and writes its figures (its wall and CPU time among them) to
``CORPPARENT_FUZZ_REPORT``; :func:`probe` is a task that misbehaves, for testing the
server.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from fuzz_server import (
    CPU_SECONDS,
    FAILURES,
    HERE,
    MEMORY_BYTES,
    WALL_SECONDS,
    Ended,
    Task,
    _frame,
    _unframe,
)

#: How many batches of inputs may wait on one server at once.
IN_FLIGHT = 2
#: How many servers read a route's inputs side by side: one per core, at most two by
#: default (``CORPPARENT_FUZZ_JOBS`` sets another number).
JOBS = int(os.environ.get("CORPPARENT_FUZZ_JOBS") or min(2, os.cpu_count() or 1))


@contextlib.contextmanager
def fork_servers(jobs: int | None = None) -> Iterator[list[ForkServer]]:
    """``jobs`` servers (default :data:`JOBS`), started together and stopped on leaving."""
    with contextlib.ExitStack() as stack:
        yield [stack.enter_context(ForkServer()) for _ in range(jobs or JOBS)]


class ForkServer:
    """The server process, started on entering (``with ForkServer() as server``) and
    stopped on leaving. :meth:`run` runs tasks and waits for them; :meth:`submit` and
    :meth:`collect` let the parent make the next inputs while the server reads these."""

    def __init__(self, *, cpu_seconds: int = CPU_SECONDS,
                 wall_seconds: float = WALL_SECONDS) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._pending = 0
        self._bounds = [str(cpu_seconds), str(wall_seconds)]

    def __enter__(self) -> ForkServer:
        env = dict(os.environ)
        # pyarrow's jemalloc reserves address space far beyond what it uses, so under
        # RLIMIT_AS it fails small allocations; the system allocator reserves as it uses.
        env.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
        env["PYTHONPATH"] = os.pathsep.join(
            [str(HERE), *filter(None, [env.get("PYTHONPATH", "")])])
        self._process = subprocess.Popen(
            [sys.executable, str(HERE / "fuzz_server.py"), *self._bounds], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=HERE.parent)
        return self

    def __exit__(self, *_exc: object) -> None:
        process = self._process
        if process is None:
            return
        assert process.stdin is not None
        assert process.stdout is not None
        process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        self._process = None

    def submit(self, tasks: Sequence[Task]) -> None:
        """Send ``tasks`` to be run in turn; :meth:`collect` gets their outcomes."""
        assert self._process is not None
        assert self._process.stdin is not None
        _frame(self._process.stdin, list(tasks))
        self._pending += 1

    def collect(self) -> list[Ended]:
        """The outcomes of the tasks sent first of those not yet collected."""
        assert self._process is not None
        assert self._process.stdout is not None
        assert self._pending, "nothing submitted"
        self._pending -= 1
        answer = _unframe(self._process.stdout)
        if answer is None:
            raise RuntimeError("the fork server stopped (exit status "
                               f"{self._process.poll()})")
        return list(answer)

    def run(self, tasks: Sequence[Task]) -> list[Ended]:
        """Run ``tasks`` in grandchildren, one after another, and say how each ended."""
        self.submit(tasks)
        return self.collect()


def probe(how: str) -> tuple[str, str, int]:
    """A task that misbehaves as ``how`` says, for testing the server itself: ``abort``,
    ``segfault``, ``allocate`` (2 GiB), ``spin`` (CPU), ``sleep``, ``raise``, ``exit``,
    ``print``, ``fork`` (a child left sleeping), ``burn`` (0.3 s of CPU) and ``hold``
    (200 MiB) before their result; anything else returns a result."""
    if how == "abort":
        os.abort()
    if how == "segfault":
        import ctypes

        ctypes.string_at(0)
    if how == "allocate":
        block = bytearray(2 * MEMORY_BYTES)
        return "result", str(len(block)), 0
    if how == "spin":
        while True:
            pass
    if how == "burn":  # a third of a second of CPU, then a result
        until = time.process_time() + 0.3
        while time.process_time() < until:
            pass
    if how == "hold":  # 200 MiB written to, then a result
        held = b"x" * (200 * 2**20)
        return "result", str(len(held)), 0
    if how == "sleep":
        time.sleep(3600)
    if how == "raise":
        raise ValueError("raised by the probe")
    if how == "exit":
        os._exit(0)
    if how == "fork":
        if os.fork() == 0:
            time.sleep(3600)
        return "result", how, 0
    if how == "print":
        print("x" * 100_000)
        print("y" * 100_000, file=sys.stderr)
    return "result", how, 0


# --- figures of a route -----------------------------------------------------------------


class Tally:
    """How the inputs of one route ended: counts by status, rows lost, the largest
    memory and CPU time, and the first failures, each with its input's number and
    mutation so it can be replayed. Its clock runs from its making to the last outcome
    added: the route's wall time, with all its servers reading side by side; its CPU
    time is that of the inputs read in a server (not of making them)."""

    def __init__(self, route: str) -> None:
        self.route = route
        self._started = self._last = time.perf_counter()
        self.ended: dict[str, int] = {}
        self.rows_lost = 0
        self.max_rss = 0
        self.max_cpu = 0.0
        self.cpu = 0.0
        self.failures: list[str] = []

    def add(self, number: int, how: str, ended: Ended) -> None:
        self._last = time.perf_counter()
        self.ended[ended.status] = self.ended.get(ended.status, 0) + 1
        self.rows_lost += ended.rows_lost
        self.max_rss = max(self.max_rss, ended.rss_bytes)
        self.max_cpu = max(self.max_cpu, ended.cpu_seconds)
        self.cpu += ended.cpu_seconds
        if ended.failed:
            self.failures.append(f"input {number} ({how}): {ended.status}: {ended.detail}")

    @property
    def inputs(self) -> int:
        return sum(self.ended.values())

    def figures(self) -> dict[str, object]:
        wall = self._last - self._started
        return {"inputs": self.inputs, "results": self.ended.get("result", 0),
                "placed errors": self.ended.get("error", 0),
                "not made": self.ended.get("unmade", 0),
                **{status: self.ended.get(status, 0) for status in FAILURES},
                "rows lost": self.rows_lost, "max rss MiB": round(self.max_rss / 2**20, 1),
                "max cpu s": round(self.max_cpu, 2), "wall s": round(wall, 2),
                "cpu s": round(self.cpu, 2),
                "inputs per s": round(self.inputs / wall, 1) if wall else 0.0,
                "first failures": self.failures[:20]}

    def record(self) -> None:
        """Add this route's figures to ``CORPPARENT_FUZZ_REPORT``, where it is set."""
        report = os.environ.get("CORPPARENT_FUZZ_REPORT")
        if not report:
            return
        path = Path(report)
        figures = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        figures[self.route] = self.figures()
        path.write_text(json.dumps(figures, indent=1), encoding="utf-8")

    def verdict(self) -> str:
        """The failures, for an assertion's message."""
        return (f"{self.route}: {len(self.failures)} of {self.inputs} inputs failed "
                f"({self.figures()}):\n" + "\n".join(self.failures[:20]))


def run_route(servers: ForkServer | Sequence[ForkServer], tally: Tally,
              inputs: Iterator[tuple[int, str, Task]], batch: int = 16) -> Tally:
    """Run every input of a route in ``servers`` (each reading one batch while it holds
    the next, so the inputs are made while they are read), and add each outcome to
    ``tally``. At most :data:`IN_FLIGHT` batches wait per server, so the files of
    inputs numbered more than that many batches apart never exist at once."""
    pool = [servers] if isinstance(servers, ForkServer) else list(servers)
    free = [server for _ in range(IN_FLIGHT) for server in pool]
    waiting: collections.deque[tuple[ForkServer, list[tuple[int, str]]]] = collections.deque()
    while True:
        chunk = list(itertools.islice(inputs, batch))
        if not chunk and not waiting:
            return tally
        if chunk and free:
            server = free.pop(0)
            server.submit([task for _, _, task in chunk])
            waiting.append((server, [(number, how) for number, how, _ in chunk]))
            if free:
                continue
        elif chunk:
            raise AssertionError("no server free")
        server, sent = waiting.popleft()
        for (number, how), ended in zip(sent, server.collect(), strict=True):
            tally.add(number, how, ended)
        free.append(server)
