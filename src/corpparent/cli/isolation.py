"""The user's own code at the command line, run in a process of its own.

A command given a Python plug-in (``-a plugin.py[:NAME]``, ``-a module:NAME``, or an
installed plug-in whose entry point names Python), an indicator set (``-i FILE.py``) or a
constitution (``-C FILE.py:NAME``) does the part of its work that needs that code —
loading it, the run, building the report document — in a child process
(`run_isolated`), and renders and writes what comes
back here. What comes back is data: the report documents as JSON (they round-trip), the
run's warnings, and what else the command writes. So a plug-in with rule types of its
own still works, and nothing it does reaches the report on standard output. Built-in
and ``.toml`` plug-ins run no code and are loaded in the command's own process.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar, final

import click
from attrs import asdict, frozen

from corpparent.cli.common import Output, emit, warn
from corpparent.cli.record_owner import Owner
from corpparent.errors import CorpparentError, PluginError
from corpparent.plugins.discovery import PluginSpec
from corpparent.plugins.references import installed_python, is_plugin_reference
from corpparent.plugins.sandbox import run_isolated
from corpparent.report.model import AnyReport, BenchmarkReport, report_adapter
from corpparent.runs.notes import RunWarning

__all__ = ["Outcome", "UserCode", "deliver", "isolated", "outcome", "user_code"]

T = TypeVar("T")


@final
@frozen
class UserCode:
    """One piece of the user's Python a command runs: how errors name it, and the
    installed plug-in it is, if it is one."""

    label: str
    spec: PluginSpec | None = None


def _python(reference: str | None) -> bool:
    return reference is not None and not reference.endswith(".toml")


def user_code(*, authority: str | None = None, indicators: str | None = None,
              constitution: str | None = None) -> tuple[UserCode, ...]:
    """The user's Python among a command's references: none for a ``.toml`` file, a
    built-in plug-in or another installed as a data file."""
    found: list[UserCode] = []
    if _python(authority):
        assert authority is not None
        spec = installed_python(authority)
        if spec is not None or is_plugin_reference(authority):
            found.append(UserCode(f"the plug-in {authority}", spec))
    if _python(indicators):
        found.append(UserCode(f"the indicators {indicators}"))
    if _python(constitution):
        found.append(UserCode(f"the constitution {constitution}"))
    return tuple(found)


def _names(code: Sequence[UserCode]) -> str:
    return " and ".join(c.label for c in code)


def _blame(code: Sequence[UserCode]) -> Callable[[str], CorpparentError]:
    """The error for a failure of ``code``: an installed plug-in's names its distribution
    and entry point."""
    if len(code) == 1 and code[0].spec is not None:
        return code[0].spec.error
    names = _names(code)
    return lambda message: PluginError(f"{names}: {message}")


def _answered(compute: Callable[[], T], encode: Callable[[T], Any]) -> dict[str, Any]:
    try:
        return {"value": encode(compute())}
    except click.UsageError as exc:  # the command's own refusal, made where the code is
        return {"usage": exc.format_message()}


def _same(value: Any) -> Any:
    return value


def isolated(compute: Callable[[], T], code: Sequence[UserCode], *,
             encode: Callable[[T], Any] = _same, decode: Callable[[Any], T] = _same) -> T:
    """What ``compute`` gives: here when ``code`` is empty, else in a child process,
    ``encode`` making it data there and ``decode`` the value again here."""
    if not code:
        return compute()
    answer = run_isolated(_answered, compute, encode, blame=_blame(code), what=_names(code))
    if not isinstance(answer, dict) or not ("usage" in answer or "value" in answer):
        raise _blame(code)("it gave back something other than the command's result")
    if "usage" in answer:
        raise click.UsageError(str(answer["usage"]))
    try:
        return decode(answer["value"])
    except (KeyError, TypeError, ValueError) as exc:  # pydantic's errors are ValueErrors
        raise _blame(code)("it gave back a result that is not the command's: "
                           f"{type(exc).__name__}") from exc


def _reports(items: Sequence[Mapping[str, Any]]) -> tuple[AnyReport, ...]:
    adapter = report_adapter()
    return tuple(adapter.validate_python(item) for item in items)


def _warnings(items: Sequence[Mapping[str, Any]]) -> tuple[RunWarning, ...]:
    return tuple(RunWarning(**item) for item in items)


@final
@frozen
class Outcome:
    """What a reporting command's work gives: its report documents (with the file each
    goes to, when not ``--output``'s), the run's warnings, whether the report is
    incomplete, a calendar to write, and whose disclosure record the reports go to (known
    once the plug-in is loaded, which may be in the child process)."""

    reports: tuple[AnyReport, ...]
    warnings: tuple[RunWarning, ...] = ()
    targets: tuple[str | None, ...] = ()
    incomplete: bool = False
    calendar: str | None = None
    owner: Owner | None = None

    def to_data(self) -> dict[str, Any]:
        """The outcome as JSON data."""
        return {"reports": [r.model_dump(mode="json") for r in self.reports],
                "warnings": [asdict(w) for w in self.warnings],
                "targets": list(self.targets), "incomplete": self.incomplete,
                "calendar": self.calendar,
                "owner": None if self.owner is None else self.owner.to_data()}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Outcome:
        """The outcome `to_data` gave."""
        owner = None if data["owner"] is None else Owner.from_data(list(data["owner"]))
        return cls(_reports(data["reports"]), _warnings(data["warnings"]),
                   tuple(data["targets"]), bool(data["incomplete"]), data["calendar"], owner)


def outcome(compute: Callable[[], Outcome], code: Sequence[UserCode]) -> Outcome:
    """What ``compute`` gives, computed in a child process when ``code`` is given."""
    return isolated(compute, code, encode=Outcome.to_data, decode=Outcome.from_data)


def deliver(done: Outcome, out: Output, command: str) -> None:
    """Print the outcome's warnings, record each public paper in its authority's
    disclosure record and then write it where it goes, and exit 1 on a breach when
    ``--fail-on-breach`` was given."""
    warn(done.warnings, command)
    targets = done.targets or (None,) * len(done.reports)
    for report, target in zip(done.reports, targets, strict=True):
        written = out.path if target is None else Path(target)
        out.recording.publishing(report, written, done.owner)
        emit(report, out.format, written, out.paper)
    out.exit_on_breach(r for r in done.reports if not isinstance(r, BenchmarkReport))
