"""The user's own code run in a process of its own, so that nothing it does can end,
stall or corrupt the command that runs it.

A Python plug-in, an indicator set or a constitution written in Python is code that
corpparent runs on the user's behalf. In-process, such code can end the command with
``os._exit(0)`` (exit 0, no report, so ``--fail-on-breach`` passes), ``fork()`` it (two
reports), print into the JSON report on standard output, close standard output, sleep
for ever or take all the memory there is. `run_isolated` runs a function in a
child process instead:

* the child is forked (a copy of the command as it stands, so nothing is imported
  twice) into a process group of its own, with its standard input read from
  ``/dev/null`` and its standard output and error sent to pipes the parent reads;
* its address space may grow by at most `DEFAULT_MEMORY_MB` MB (or
  ``CORPPARENT_PLUGINS_MEMORY_MB``) and it may run for `DEFAULT_TIMEOUT_SECONDS`
  seconds of processor and of clock time (or ``CORPPARENT_PLUGINS_TIMEOUT_SECONDS``);
  one still running after the slow-load seconds (``CORPPARENT_PLUGINS_SLOW_SECONDS``)
  is warned of while it runs;
* what the function returns comes back as JSON on a pipe of its own, sent only by the
  process that was forked (a copy the function forks in its turn sends nothing), so no
  object of the user's own classes is ever rebuilt, and none of the user's code runs,
  in the command itself; the command's log records come back with it
  (`corpparent.plugins.child` is what runs in the child).

Whatever the code does that is not giving a result — ending its process, being killed,
running out of time or memory, forking, writing to standard output or error, closing
them, raising — is turned by the ``blame`` function the caller gives into one
[`CorpparentError`][corpparent.errors.CorpparentError] naming the code and saying what happened. An
error of corpparent's own raised in the child (a bad readings file, a plug-in file's
problems) comes back as the same error, its problems and all. At the end the child's
process group is killed, so a process the code left behind does not outlive it.

Where ``os.fork`` is not available (Windows) the function runs in the command's own
process, as the library always does.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import selectors
import signal
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any, Final, final

from attrs import frozen

from corpparent.errors import CorpparentError
from corpparent.plugins import child
from corpparent.plugins.loading import slow_seconds
from corpparent.safe_text import printable

__all__ = [
    "DEFAULT_MEMORY_MB",
    "DEFAULT_TIMEOUT_SECONDS",
    "MEMORY_ENV",
    "TIMEOUT_ENV",
    "Limits",
    "run_isolated",
]

_log = logging.getLogger(__name__)

#: The environment variable that sets the seconds the user's code may run.
TIMEOUT_ENV: Final = "CORPPARENT_PLUGINS_TIMEOUT_SECONDS"
#: The seconds of clock and of processor time the user's code may take by default.
DEFAULT_TIMEOUT_SECONDS: Final = 60.0
#: The environment variable that sets the megabytes the user's code may take.
MEMORY_ENV: Final = "CORPPARENT_PLUGINS_MEMORY_MB"
#: The megabytes by which the child's address space may grow, by default: far above
#: what loading a plug-in and judging millions of readings take, and below what a
#: runaway allocation asks for.
DEFAULT_MEMORY_MB: Final = 1536

_CAPTURED = 64 * 1024  # bytes of a child's output kept, to quote from
_QUOTED_LINES = 3

def _positive(environ: Mapping[str, str], name: str, default: float) -> float:
    text = environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not value > 0 or not math.isfinite(value):
        _log.warning("%s=%r is not a positive number; using %s", name, text, default)
        return default
    return value


@final
@frozen
class Limits:
    """How long and how much memory the user's code may take, and when it is warned of."""

    seconds: float = DEFAULT_TIMEOUT_SECONDS
    memory_mb: float = DEFAULT_MEMORY_MB
    slow_after: float = math.inf

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The limits ``CORPPARENT_PLUGINS_TIMEOUT_SECONDS``, ``CORPPARENT_PLUGINS_MEMORY_MB``
        and ``CORPPARENT_PLUGINS_SLOW_SECONDS`` set, else the defaults."""
        env = os.environ if environ is None else environ
        return cls(_positive(env, TIMEOUT_ENV, DEFAULT_TIMEOUT_SECONDS),
                   _positive(env, MEMORY_ENV, DEFAULT_MEMORY_MB), slow_seconds(env))


@final
class _Pipes:
    """The parent's ends of the child's pipes, read as they fill."""

    def __init__(self, result: int, out: int, err: int) -> None:
        self.result = bytearray()
        self.out = bytearray()
        self.err = bytearray()
        self.buffers = {result: self.result, out: self.out, err: self.err}
        self.selector = selectors.DefaultSelector()
        for fd in self.buffers:
            os.set_blocking(fd, False)
            self.selector.register(fd, selectors.EVENT_READ)

    def read(self, fd: int) -> None:
        buffer = self.buffers[fd]
        for _chunk in range(1024):  # a process left behind cannot keep the parent here
            try:
                chunk = os.read(fd, 1 << 16)
            except BlockingIOError:
                return
            if not chunk:
                self.selector.unregister(fd)
                return
            if buffer is self.result or len(buffer) < _CAPTURED:
                buffer.extend(chunk)

    def drain(self) -> None:
        for key in list(self.selector.get_map().values()):
            if isinstance(key.fd, int) and key.fd in self.buffers:
                self.read(key.fd)

    def close(self) -> None:
        self.selector.close()
        for fd in self.buffers:
            os.close(fd)


def _quote(data: bytes) -> str:
    lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines()
             if line.strip()]
    shown = "; ".join(printable(line[:100]) for line in lines[:_QUOTED_LINES])
    more = len(lines) - _QUOTED_LINES
    return f"'{shown}'" + (f" and {more} more line{'s' if more > 1 else ''}" if more > 0 else "")


def _ended(status: int, limits: Limits) -> str:
    code = os.waitstatus_to_exitcode(status)
    if code >= 0:
        return f"it ended its process (exit status {code}) without giving a result"
    number = -code
    if number == getattr(signal, "SIGXCPU", None):
        return (f"it used more than {limits.seconds:g} s of processor time "
                f"({TIMEOUT_ENV} sets the limit)")
    try:
        name = signal.Signals(number).name
    except ValueError:
        name = f"signal {number}"
    return (f"its process was ended by {name}, such as when it takes more than the "
            f"{limits.memory_mb:g} MB of memory it may use ({MEMORY_ENV} sets the limit)")


def _wait(pid: int, pipes: _Pipes, limits: Limits, what: str) -> int | None:
    """The child's wait status once it has ended, reading its pipes meanwhile; ``None``
    when it ran out of time (it is then killed)."""
    started = time.monotonic()
    deadline = started + limits.seconds
    warned = not math.isfinite(limits.slow_after)
    pidfd = None
    if hasattr(os, "pidfd_open"):
        try:
            pidfd = os.pidfd_open(pid)
            pipes.selector.register(pidfd, selectors.EVENT_READ)
        except OSError:
            pidfd = None
    try:
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                _kill_group(pid)  # what it left behind writes no more
                pipes.drain()
                return status
            now = time.monotonic()
            if now >= deadline:
                return None
            if not warned and now - started >= limits.slow_after:
                warned = True
                _log.warning("%s is still running after %.1f s", what, limits.slow_after)
            wake = deadline if warned else min(deadline, started + limits.slow_after)
            pause = wake - now if pidfd is not None else min(wake - now, 0.02)
            for key, _mask in pipes.selector.select(max(pause, 0.0)):
                if key.fd != pidfd and isinstance(key.fd, int):
                    pipes.read(key.fd)
    finally:
        if pidfd is not None:
            pipes.selector.unregister(pidfd)
            os.close(pidfd)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(OSError):  # the group is gone already, or was never made
        os.killpg(pid, signal.SIGKILL)


def _answer(pipes: _Pipes, status: int | None, limits: Limits,
            blame: Callable[[str], CorpparentError]) -> Any:
    """What the child gave, or the error saying what went wrong."""
    if status is None:
        raise blame(f"it did not finish within {limits.seconds:g} s ({TIMEOUT_ENV} sets "
                    "the limit)")
    try:
        message = json.loads(bytes(pipes.result)) if pipes.result else None
    except ValueError:
        message = None
    if not isinstance(message, dict) or os.waitstatus_to_exitcode(status) != 0:
        raise blame(_ended(status, limits))
    for name, level, text in message.get("log", ()):
        logging.getLogger(name).log(level, "%s", text)
    if message.get("failure") == "memory":
        raise blame(f"it ran out of memory: it may use {limits.memory_mb:g} MB "
                    f"({MEMORY_ENV} sets the limit)")
    if message.get("forked"):
        raise blame("it forked its process, which would run the command twice")
    if "error" in message and not (pipes.out or pipes.err):
        raise child.error_from(message["error"])
    for stream, captured in (("output", pipes.out), ("error", pipes.err)):
        if captured:
            raise blame(f"it wrote to standard {stream}, which it must leave to "
                        f"corpparent: {_quote(bytes(captured))}")
    if message.get("closed"):
        raise blame(f"it closed standard {' and '.join(message['closed'])}")
    if "failure" in message:
        raise blame(str(message["failure"]))
    if "error" in message:
        raise child.error_from(message["error"])
    return message.get("value")


def run_isolated(function: Callable[..., object], *args: object,
                 blame: Callable[[str], CorpparentError], what: str,
                 limits: Limits | None = None) -> Any:
    """``function(*args)`` run in a child process, as the JSON data it returns.

    ``blame`` makes the error for a failure of the code from what happened ("it called
    os._exit..."); ``what`` names the code in the slow warning. ``limits`` default to
    `Limits.from_environment`. In a child already, or where processes cannot be
    forked, the function runs here.
    """
    if child.inside() or not hasattr(os, "fork"):
        return json.loads(json.dumps(function(*args)))
    chosen = Limits.from_environment() if limits is None else limits
    result_r, result_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    for stream in (sys.stdout, sys.stderr):  # nothing buffered here is written twice
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns; its work is tested
        for fd in (result_r, out_r, err_r):
            os.close(fd)
        child.run_child(function, args, result_w, out_w, err_w, chosen.seconds,
                        chosen.memory_mb)
    for fd in (result_w, out_w, err_w):
        os.close(fd)
    with contextlib.suppress(OSError):  # the child made its group itself, or has ended
        os.setpgid(pid, pid)
    pipes = _Pipes(result_r, out_r, err_r)
    status: int | None = None
    try:
        status = _wait(pid, pipes, chosen, what)
    finally:
        _kill_group(pid)
        if status is None:
            os.waitpid(pid, 0)
        pipes.close()
    return _answer(pipes, status, chosen, blame)
