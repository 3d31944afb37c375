"""Where a command may write, and how: never over one of its inputs, always whole.

A command's inputs are more than its path options. ``--authority plugin.toml``,
``--indicators ind.py:NAME``, ``--constitution rules.py:NAME`` and ``--obligations
due.toml`` name files as text; ``--indicators package.module:NAME`` names a module's
file; ``--authority wiltshire`` names an installed plug-in whose entry point points at a
module or a data file. `given_inputs` finds every one of them (a module is found
on the import path without importing it, so nothing is run to find it), and
`refuse_overwriting_inputs` refuses an output that is one of them, by the file
itself (hard and symbolic links included) or, where it does not exist yet, by its
resolved path. An output named twice in one command (``-o x.ics --ics x.ics``) is
refused too: the second file would silently replace the first.

`write_output` then writes through `write_whole`:
whole or not at all.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from importlib.machinery import ModuleSpec
from pathlib import Path

import click

from corpparent.errors import DataError
from corpparent.files.writing import write_whole

__all__ = [
    "OUTPUT_PARAMETERS",
    "given_inputs",
    "given_outputs",
    "reference_files",
    "refuse_overwriting_inputs",
    "write_output",
]

#: The options a command writes to; every other path it is given is an input.
OUTPUT_PARAMETERS = frozenset({"output", "ics_file"})

_MODULE_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


def _find_spec(name: str, path: list[str] | None) -> ModuleSpec | None:
    """The spec of module ``name`` from the import system's finders, without importing
    it or its parent packages (which `importlib.util.find_spec` would do)."""
    loaded = sys.modules.get(name)
    if loaded is not None:
        return getattr(loaded, "__spec__", None)
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        if find is None:
            continue
        try:
            spec: ModuleSpec | None = find(name, path)
        except Exception:  # a finder of someone else's: no spec from it
            continue
        if spec is not None:
            return spec
    return None


def _module_spec(name: str) -> ModuleSpec | None:
    """The spec of the dotted module ``name``, its packages looked up one by one."""
    parts = name.split(".")
    spec: ModuleSpec | None = None
    path: list[str] | None = None
    for depth in range(1, len(parts) + 1):
        spec = _find_spec(".".join(parts[:depth]), path)
        if spec is None:
            return None
        locations = spec.submodule_search_locations
        path = None if locations is None else list(locations)
        if path is None and depth < len(parts):
            return None
    return spec


def _module_files(name: str, attribute: str = "") -> Iterator[Path]:
    """The file of module ``name``, and the data file ``attribute`` beside it when that
    names one (``package:plugin.toml``, as an entry point may)."""
    if not _MODULE_NAME.fullmatch(name):
        return
    spec = _module_spec(name)
    if spec is None:
        return
    if spec.origin and spec.has_location and os.path.isfile(spec.origin):
        yield Path(spec.origin)
    if attribute.endswith((".toml", ".json")):
        folders = spec.submodule_search_locations or (
            [os.path.dirname(spec.origin)] if spec.origin else [])
        for folder in folders:
            yield Path(folder) / attribute


def reference_files(text: str) -> Iterator[Path]:
    """The files a text option may read: itself as a file's path, the file of
    ``file.py:NAME``, the module file of ``package.module[:NAME]``, and the module or data
    file of an installed plug-in of that identifier."""
    if "\x00" in text:  # no file is named so
        return
    if os.path.isfile(text):
        yield Path(text)
    target, colon, attribute = text.rpartition(":")
    if colon and target:
        if target.endswith(".py"):
            yield Path(target)
        else:
            yield from _module_files(target, attribute)
        return
    yield from _module_files(text)
    if not _MODULE_NAME.fullmatch(text):
        return
    from corpparent.plugins.discovery import installed  # the plug-in machinery, only here

    for spec in installed(text):
        module, _, attribute = spec.value.partition(":")
        yield from _module_files(module.strip(), attribute.strip())


def given_inputs() -> list[Path]:
    """Every file the running command was given to read: each path among its arguments
    and options but those it writes to, and each file a text option refers to."""
    context = click.get_current_context(silent=True)
    found: list[Path] = []
    while context is not None:
        for name, value in context.params.items():
            if name in OUTPUT_PARAMETERS:
                continue
            for item in value if isinstance(value, tuple | list) else (value,):
                if isinstance(item, Path):
                    found.append(item)
                elif isinstance(item, str):
                    found.extend(reference_files(item))
        context = context.parent
    return found


def given_outputs() -> list[tuple[str, Path]]:
    """The files the running command was asked to write to, each with the option that
    named it (``--output``, ``--ics``)."""
    context = click.get_current_context(silent=True)
    found: list[tuple[str, Path]] = []
    while context is not None:
        options = {p.name: max(p.opts, key=len) for p in context.command.params}
        found.extend((options.get(name, name), value)
                     for name, value in context.params.items()
                     if name in OUTPUT_PARAMETERS and isinstance(value, Path))
        context = context.parent
    return found


def _same(one: Path, other: Path) -> bool:
    """Whether two paths name one file: the file itself where both exist (so a hard or
    symbolic link is seen through), else the resolved paths."""
    try:
        if one.exists() and other.exists():
            return os.path.samefile(one, other)
        return (os.path.normcase(os.path.realpath(one))
                == os.path.normcase(os.path.realpath(other)))
    except (OSError, ValueError):
        return False


def refuse_overwriting_inputs(output: Path, what: str = "the output") -> None:
    """Raise a [`DataError`][corpparent.errors.DataError] if ``output`` is one of the files the
    running command reads (a report written over its own readings or plug-in would lose
    them), or is named by two of its output options."""
    for given in given_inputs():
        if _same(output, given):
            raise DataError.single(str(output), f"will not write {what} over {given}, an "
                                   "input of this command; choose another output file")
    if sum(_same(output, named) for _, named in given_outputs()) > 1:
        raise DataError.single(str(output), f"will not write {what} here: two outputs of "
                               "this command name this file; give each its own")


def _print(content: str | bytes, what: str) -> None:
    """Print ``content`` on standard output, or say why it cannot be: a report lost
    because standard output was closed or full must not end the command as a success."""
    if sys.stdout is None:  # the process was started with standard output closed
        raise DataError.single("standard output", f"cannot write {what}: standard output "
                               "is closed; give --output FILE to write it to a file")
    try:
        click.echo(content, nl=False)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader went away (``| head``): handled where the command ends
    except OSError as exc:
        raise DataError.single("standard output", f"cannot write {what}: "
                               f"{exc.strerror or exc}") from None


def write_output(content: str | bytes, output: Path | None, *, what: str) -> None:
    """Print ``content``, or write it to ``output`` whole or not at all (after refusing
    an input of the command as the output), and say where on standard error."""
    if output is None:
        _print(content, what)
        return
    refuse_overwriting_inputs(output, what)
    write_whole(output, content, what=what)
    click.echo(f"wrote {output.resolve()}", err=True)
