"""0.2's module paths that moved in 0.3, kept importable with a ``DeprecationWarning``.

Council tools written against 0.2 import modules by their old paths
(``corpparent.files.readings``, ``corpparent.commands.scorecard``). Each path that moved is
one entry of `MOVED`, from the old dotted path to the new one. Importing an old path
warns, naming the new one, and gives a module whose attributes are the new module's, so
``from corpparent.files.readings import read_readings`` keeps working through 0.3.

The table is the one record of what moved: the changelog's migration table is checked
against it, and a test imports every old path.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

__all__ = ["MOVED", "MOVED_NAMES", "install", "moved_name"]

#: Every module path of 0.2 that moved in 0.3, to where it is now.
MOVED: dict[str, str] = {
    "corpparent.commands": "corpparent.cli",
    "corpparent.commands.authorities": "corpparent.cli.authorities",
    "corpparent.commands.benchmark": "corpparent.cli.benchmark",
    "corpparent.commands.chart": "corpparent.cli.chart",
    "corpparent.commands.common": "corpparent.cli.common",
    "corpparent.commands.exits": "corpparent.cli.exits",
    "corpparent.commands.meetings": "corpparent.cli.meetings",
    "corpparent.commands.obligations": "corpparent.cli.obligations",
    "corpparent.commands.schema": "corpparent.cli.schema",
    "corpparent.commands.scorecard": "corpparent.cli.scorecard",
    "corpparent.commands.validate": "corpparent.cli.validate",
    "corpparent.files.comparator_sets": "corpparent.files.panel.comparator_sets",
    "corpparent.files.comparators": "corpparent.files.panel.comparators",
    "corpparent.files.csv_rows": "corpparent.files._tabular.csv_rows",
    "corpparent.files.dates": "corpparent.files._tabular.dates",
    "corpparent.files.dfe_mapping": "corpparent.files.dfe.mapping",
    "corpparent.files.documents": "corpparent.files._tabular.documents",
    "corpparent.files.ees": "corpparent.files.dfe.ees",
    "corpparent.files.icalendar": "corpparent.files.panel.icalendar",
    "corpparent.files.json_lines": "corpparent.files._tabular.json_lines",
    "corpparent.files.lait": "corpparent.files.dfe.lait",
    "corpparent.files.lait_columns": "corpparent.files.dfe.lait_columns",
    "corpparent.files.limits": "corpparent.files._tabular.limits",
    "corpparent.files.meetings": "corpparent.files.panel.meetings",
    "corpparent.files.membership": "corpparent.files.panel.membership",
    "corpparent.files.national": "corpparent.files.dfe.national",
    "corpparent.files.national_package": "corpparent.files.dfe.national_package",
    "corpparent.files.neighbours": "corpparent.files.dfe.neighbours",
    "corpparent.files.obligations": "corpparent.files.panel.obligations",
    "corpparent.files.ofsted": "corpparent.files.dfe.ofsted",
    "corpparent.files.plugin_format": "corpparent.files.plugin.format",
    "corpparent.files.plugin_governance": "corpparent.files.plugin.governance",
    "corpparent.files.plugin_governance_tables": "corpparent.files.plugin.governance_tables",
    "corpparent.files.plugin_reader": "corpparent.files.plugin.reader",
    "corpparent.files.plugin_writer": "corpparent.files.plugin.writer",
    "corpparent.files.problems": "corpparent.files._tabular.problems",
    "corpparent.files.readings": "corpparent.files.panel.readings",
    "corpparent.files.records": "corpparent.files._tabular.records",
    "corpparent.files.sheets": "corpparent.files._tabular.sheets",
    "corpparent.files.submissions": "corpparent.files.panel.submissions",
    "corpparent.files.tables": "corpparent.files._tabular.tables",
    "corpparent.files.toml_lines": "corpparent.files._tabular.toml_lines",
    "corpparent.files.toml_writer": "corpparent.files._tabular.toml_writer",
    "corpparent.dfe.columnar": "corpparent.benchmarking.columnar",
    "corpparent.report.terminal": "corpparent.report.backends.terminal",
    "corpparent.report.markdown": "corpparent.report.backends.markdown",
    "corpparent.report.html": "corpparent.report.backends.html",
    "corpparent.report.paper": "corpparent.report.backends.paper",
    "corpparent.report.svg": "corpparent.report.backends.svg",
    "corpparent.report.process_svg": "corpparent.report.backends.process_svg",
    "corpparent.report.spreadsheets": "corpparent.report.backends.spreadsheets",
    "corpparent.report.benchmark_render": "corpparent.report.benchmark",
}


#: Names of 0.2 that moved to another module in 0.3, each ``"old.module.Name"`` to the
#: module that now defines it; looked up on the old module, each warns with its new home.
MOVED_NAMES: dict[str, str] = {
    **{f"corpparent.report.model.{name}": "corpparent.report.parts" for name in (
        "ChartPointOut", "ComparatorOut", "ComparatorPointOut", "NationalOut", "RangeOut",
        "TargetOut", "TrendPoint")},
    "corpparent.report.output.render_json": "corpparent.report.backends.data",
    **{f"corpparent.report.html.{name}": "corpparent.report.backends.page" for name in (
        "BADGE_COLOURS", "NOT_JUDGED_COLOURS", "PAGE_COLOURS", "contrast_ratio")},
    "corpparent.dfe.columnar.BANDS": "corpparent.benchmarking.lait",
}


def moved_name(module: str, name: str) -> Any:
    """``name`` looked up on ``module``, where 0.2 defined it and 0.3 does not: the object
    from its new module, with a ``DeprecationWarning`` naming it; an ``AttributeError``
    for a name that never moved. A module that kept its path but lost names gives this as
    its ``__getattr__``."""
    new = MOVED_NAMES.get(f"{module}.{name}")
    if new is None:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    warnings.warn(f"{module}.{name} moved to {new} in corpparent 0.3; import it from {new} "
                  "instead (the old path goes in 0.4)", DeprecationWarning, stacklevel=3)
    return getattr(importlib.import_module(new), name)


class _Alias(ModuleType):
    """A stand-in for a moved module: every attribute is looked up on the new module."""

    def __init__(self, name: str, target: str) -> None:
        super().__init__(name, f"Moved to {target}; import that instead.")
        self.__dict__["_target"] = target

    def __getattr__(self, attribute: str) -> Any:
        target = importlib.import_module(self.__dict__["_target"])
        if hasattr(target, attribute):
            return getattr(target, attribute)
        return moved_name(self.__name__, attribute)

    def __dir__(self) -> list[str]:
        return dir(importlib.import_module(self.__dict__["_target"]))


class _MovedLoader:
    # Neither this nor the finder subclasses importlib.abc's classes: importing
    # importlib.abc would cost `import corpparent` more than all the rest of it.
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        warnings.warn(f"{spec.name} moved to {self.target} in corpparent 0.3; import "
                      f"{self.target} instead (the old path goes in 0.4)",
                      DeprecationWarning, stacklevel=2)
        importlib.import_module(self.target)  # a broken target fails here, named
        return _Alias(spec.name, self.target)

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the alias looks everything up on the new module."""


class _MovedFinder:
    """Finds the old paths of `MOVED`, and nothing else."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        new = MOVED.get(fullname)
        if new is None:
            return None
        package = any(old.startswith(fullname + ".") for old in MOVED)
        loader = cast("Loader", _MovedLoader(new))  # a loader by the methods it has
        return importlib.machinery.ModuleSpec(fullname, loader, is_package=package)


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once), so an old path that still has a
    file is served by the alias and warned of too."""
    if not any(isinstance(finder, _MovedFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _MovedFinder())
