"""What runs in the child process `run_isolated`
forks: the user's code, with its streams, limits and log, and its answer sent as data.

The child points standard input at ``/dev/null`` and standard output and error at the
parent's pipes, takes a process group of its own, sets its processor-time and
address-space limits, and keeps corpparent's log records (and any Python warning shown)
to send back rather than write them where the code's own output is judged. It then calls
the function and sends, as one JSON message on the result pipe, what it returned or how
it failed, whether the code forked and whether it closed standard output or error.
Only the process that was forked sends it: a copy the code forks ends silently. An
error of corpparent's own goes as data (`error_data`) the parent makes the same
error from (`error_from`).
"""

from __future__ import annotations

import json
import logging
import math
import os
import sys
import warnings
from collections.abc import Callable, Mapping
from typing import Any, NoReturn

from corpparent.errors import CorpparentError, DataError, PluginError, Problem

__all__ = ["error_data", "error_from", "inside", "run_child"]

_NO_RESULT_EXIT = 70

#: Whether this process is itself such a child: code then runs here, not forked again.
_inside_child = False


def inside() -> bool:
    """Whether this process is a child `run_child` runs code in."""
    return _inside_child


def error_data(error: CorpparentError) -> dict[str, Any]:
    """A corpparent error as data the parent rebuilds it from."""
    if isinstance(error, DataError):
        return {"problems": [{"source": p.source, "message": p.note, "line": p.line,
                              "field": p.field, "expected": p.expected, "found": p.found,
                              "fix": p.fix}
                             for p in error.problems]}
    return {"plugin": isinstance(error, PluginError), "message": str(error)}


def error_from(data: Mapping[str, Any]) -> CorpparentError:
    if "problems" in data:
        return DataError(Problem(**problem) for problem in data["problems"])
    kind = PluginError if data.get("plugin") else CorpparentError
    return kind(str(data.get("message", "")))


def _address_space() -> int:
    """The bytes of address space this process holds now (0 where it cannot be told)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _set_limits(seconds_allowed: float, memory_mb: float) -> None:
    import resource

    seconds = math.ceil(seconds_allowed)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds + 1, seconds + 3))
    used = _address_space()
    if used:
        allowed = used + int(memory_mb * 2**20)
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            allowed = min(allowed, hard)
        resource.setrlimit(resource.RLIMIT_AS, (allowed, hard))


class _Records(logging.Handler):
    """Keeps the child's log records, to be logged again in the parent."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _quiet_logging() -> _Records:
    """Send corpparent's log records, and shown Python warnings, to a list, not to the
    standard error the user's code is judged by."""
    handler = _Records()
    logger = logging.getLogger("corpparent")
    for old in list(logger.handlers):
        logger.removeHandler(old)
    logger.addHandler(handler)
    logger.propagate = False

    def shown(message: Warning | str, category: type[Warning], filename: str, lineno: int,
              file: Any = None, line: str | None = None) -> None:
        handler.records.append(("corpparent.plugins", logging.WARNING,
                                f"{filename}:{lineno}: {category.__name__}: {message}"))

    warnings.showwarning = shown
    return handler


def _streams(out: int, err: int) -> tuple[int, int]:
    """Point standard input at /dev/null and standard output and error at the pipes;
    returns the identity (device, inode) of the output pipe and of the error pipe."""
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(out, 1)
    os.dup2(err, 2)
    for fd in (null, out, err):
        os.close(fd)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
    return os.fstat(1).st_ino, os.fstat(2).st_ino


def _closed(fd: int, inode: int, stream: Any) -> bool:
    """Whether the code closed (or replaced) standard output or error."""
    try:
        stream.flush()
        return bool(stream.closed) or os.fstat(fd).st_ino != inode
    except (OSError, ValueError):
        return True


def _outcome(function: Callable[..., object], args: tuple[object, ...]) -> dict[str, Any]:
    try:
        return {"value": function(*args)}
    except MemoryError:
        return {"failure": "memory"}
    except CorpparentError as exc:
        if isinstance(exc.__cause__, MemoryError):  # the loader's wording hides the cause
            return {"failure": "memory"}
        return {"error": error_data(exc)}
    except SystemExit as exc:
        return {"failure": f"it called sys.exit({exc.code!r})"}
    except BaseException as exc:  # the user's code may raise anything
        return {"failure": f"it raised {type(exc).__name__}: {exc}"}


def run_child(function: Callable[..., object], args: tuple[object, ...], result: int,
              out: int, err: int, seconds: float, memory_mb: float) -> NoReturn:
    """Run ``function(*args)`` as the forked child: send what it gives (or how it
    failed) as JSON on ``result``, with standard output and error on ``out`` and
    ``err``, within ``seconds`` of processor time and ``memory_mb`` more memory; then
    end this process."""
    global _inside_child  # this process is now the child
    code = _NO_RESULT_EXIT
    me = os.getpid()
    try:
        _inside_child = True
        os.setpgid(0, 0)
        out_inode, err_inode = _streams(out, err)
        records = _quiet_logging()
        forked: list[bool] = []
        os.register_at_fork(after_in_parent=lambda: forked.append(True))
        _set_limits(seconds, memory_mb)
        message = _outcome(function, args)
        if os.getpid() != me:  # a copy the code forked: the original alone answers
            os._exit(0)
        message["forked"] = bool(forked)
        message["closed"] = [name for name, fd, inode, stream in (
            ("output", 1, out_inode, sys.stdout), ("error", 2, err_inode, sys.stderr))
            if _closed(fd, inode, stream)]
        message["log"] = records.records
        try:
            data = json.dumps(message).encode("utf-8")
        except (TypeError, ValueError) as exc:
            data = json.dumps({"failure": f"it gave a result that is not data ({exc})",
                               "log": records.records}).encode("utf-8")
        view = memoryview(data)
        while view:
            view = view[os.write(result, view):]
        code = 0
    except MemoryError:
        code = _NO_RESULT_EXIT
    finally:
        os._exit(code if os.getpid() == me else 0)
