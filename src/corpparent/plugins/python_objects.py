"""Objects from the user's own Python: the one loader of plug-ins and command options.

An authority plug-in's entry point and a command-line option such as
``--indicators my_set.py:NAME`` both name a Python object that should be of some kind
(an [`AuthorityProfile`][corpparent.profile.AuthorityProfile], an indicator set, a constitution),
or a function taking no arguments that returns one. `import_module_or_file`
imports the module or file, `as_kind` takes the object itself or what its
function returns, and `load_object` does both for a ``target:NAME`` reference.

The user's code may raise anything, `SystemExit` included; it is reported in one
line as a [`PluginError`][corpparent.errors.PluginError], never as a traceback nor as the
command's own exit. A `KeyboardInterrupt` still stops the command. The code runs
in the caller's process, trusted as any import is; the command line runs it in a child
process of its own (`corpparent.plugins.sandbox`).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from corpparent.errors import CorpparentError, DataError, PluginError

__all__ = ["as_kind", "import_module_or_file", "load_object"]

T = TypeVar("T")


def import_module_or_file(target: str) -> ModuleType:
    """The module ``target`` names: a dotted module name, or a ``.py`` file's path."""
    try:
        if not target.endswith(".py"):
            return importlib.import_module(target)
        path = Path(target)
        if not path.is_file():
            raise DataError.single(target, "file not found")
        name = f"_corpparent_user_{path.stem}"
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise PluginError(f"cannot load Python file {target}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # classes defined in the file resolve their annotations
        spec.loader.exec_module(module)
        return module
    except CorpparentError:
        raise
    except SystemExit as exc:  # the user's code must not end the command with its own code
        raise PluginError(f"cannot load {target}: it called sys.exit({exc.code!r})") from exc
    except Exception as exc:  # the user's code: report it in one line, not a traceback
        raise PluginError(f"cannot load {target}: {type(exc).__name__}: {exc}") from exc


def as_kind(obj: object, convert: Callable[[object], T | None], expected: str,
            where: str) -> T:
    """What ``convert`` makes of ``obj`` or, when it makes nothing of a function, of what
    the function returns when called with no arguments (once).

    ``convert`` returns ``None`` for an object it does not take. A function that raises
    is a [`PluginError`][corpparent.errors.PluginError] naming ``where``; so is an object, or a
    function's result, that is not ``expected``.
    """
    made = convert(obj)
    if made is not None:
        return made
    if callable(obj) and not isinstance(obj, type):
        try:
            result = obj()
        except CorpparentError:
            raise
        except SystemExit as exc:  # not the user's command's exit: a failure of the code
            raise PluginError(f"{where} failed: it called sys.exit({exc.code!r})") from exc
        except Exception as exc:  # the user's code may raise anything
            raise PluginError(f"{where} failed: {type(exc).__name__}: {exc}") from exc
        made = convert(result)
        if made is not None:
            return made
        raise PluginError(f"{where} returned {type(result).__name__} {result!r:.80}, "
                          f"not {expected}")
    raise PluginError(f"{where} is {type(obj).__name__} {obj!r:.80}, not {expected}")


def _instance(kind: type[T]) -> Callable[[object], T | None]:
    return lambda obj: obj if isinstance(obj, kind) else None


def load_object(reference: str, kind: type[T], suffix: str) -> T:
    """The ``kind`` object named by ``path/to/file.py:NAME`` or ``package.module:NAME``:
    the object itself, or what the function of that name returns when called.

    Without ``:NAME``, the module's one public object of ``kind``, or its one function
    whose name ends with ``suffix``. A ``.toml`` plug-in file gives the one part of its
    profile that is of ``kind`` (its constitution, its indicator set...): nothing in it
    is run as code.
    """
    if reference.endswith(".toml"):
        return _from_plugin_file(reference, kind)
    target, _, name = reference.partition(":")
    module = import_module_or_file(target)
    what = kind.__name__
    if not name:
        candidates = [
            n for n, value in vars(module).items()
            if not n.startswith("_") and (
                isinstance(value, kind)
                or (callable(value) and n.lower().endswith(suffix)
                    and getattr(value, "__module__", None) == module.__name__))
        ]
        if len(candidates) != 1:
            raise PluginError(f"{target}: name the {what} as {target}:NAME; found "
                              f"{', '.join(candidates) or f'no {what}'}")
        name = candidates[0]
    if not hasattr(module, name):
        raise PluginError(f"{target} defines no {name!r}")
    article = "an" if what[0] in "AEIOU" else "a"
    return as_kind(getattr(module, name), _instance(kind), f"{article} {what}", reference)


def _from_plugin_file(reference: str, kind: type[T]) -> T:
    """The part of the profile a plug-in file declares that is of ``kind``."""
    from attrs import fields

    from corpparent.files.plugin.reader import load_plugin_file
    from corpparent.profile import AuthorityProfile

    profile = load_plugin_file(reference)
    if isinstance(profile, kind):
        return profile
    for attribute in fields(AuthorityProfile):
        value = getattr(profile, attribute.name)
        if isinstance(value, kind):
            return value
    raise PluginError(f"the plug-in file {reference} declares no {kind.__name__}")
