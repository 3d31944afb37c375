"""The package's front door: a small, sorted public API, typed, each name in one public
place, 0.2's names still working with a warning, and a light import."""

from __future__ import annotations

import ast
import importlib
import importlib.machinery
import re
import subprocess
import sys
import warnings
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

import corpparent
import corpparent.dfe
import corpparent.files
import corpparent.indicators
import corpparent.report
from corpparent._lazy import deprecated_names, exported_names, front_door
from corpparent._moved import MOVED

FRONT_DOORS = [corpparent, corpparent.dfe, corpparent.files, corpparent.indicators,
               corpparent.report]
SOURCE = Path(corpparent.__file__).parent
ROOT = SOURCE.parent.parent
MODULES = sorted(
    ".".join(("corpparent", *path.relative_to(SOURCE).with_suffix("").parts))
    .removesuffix(".__init__")
    for path in SOURCE.rglob("*.py") if path.name != "__main__.py"
)
#: The public places: the top level, each package's ``__init__`` and each module at the
#: top; a module inside a package is the package's implementation.
PUBLIC_PLACES = sorted(m for m in MODULES if m.count(".") <= 1
                       and not m.rpartition(".")[2].startswith("_"))

#: Every name ``corpparent`` 0.2 exported, as its ``__init__`` listed them.
NAMES_OF_0_2 = frozenset({
    "AcademicYear", "AllOf", "AnyOf", "Assurance", "AttendanceThreshold", "Authority",
    "AuthorityProfile", "Band", "Benchmark", "CalendarYear", "Check", "ClassQuorum", "Comparator",
    "ComparatorKind", "ComparatorSet", "CompareWith", "Comparison", "Constitution",
    "CorpparentError", "DataError", "DefinitionError", "ExceptionReport", "ExpectedRange",
    "ExpectedRangeRule", "FinancialQuarter", "FinancialYear", "Finding", "GroupPosition",
    "Indicator", "IndicatorAssessment", "IndicatorSet", "Kind", "Meeting", "MeetingFrequency",
    "MeetingLog", "Meetings", "Member", "MemberClass", "Membership", "MinimumPresent",
    "MissingDependencyError", "Month", "MunicipalYear", "Not", "NotJudged", "Obligation",
    "ObligationOutcome", "ObligationSet", "Observation", "PanelRecord", "Performance", "Period",
    "PeriodError", "PluginConflictError", "PluginError", "PluginFileError", "PluginLoadError",
    "Polarity", "Position", "Problem", "Quorum", "Reading", "Readings", "Rule", "RuleFamily",
    "RuleSet", "RulesByYear", "Scorecard", "ScorecardResult", "Seats", "SixMonthRule", "Status",
    "Submission", "Target", "TargetDirection", "TargetOutcome", "TargetRule", "Travel",
    "TravelRule", "Unavailable", "UnitError", "UnknownIndicatorError", "UnknownNameError",
    "Variation", "Verdict", "XmRChart", "XmROptions", "YearChanges", "YearEnding", "YearKind",
    "YearRules", "YearSpan", "attendance_table", "compare", "compare_all", "direction_of_travel",
    "discover", "evaluate_obligations", "falls_due", "group_finding", "load_plugin_file",
    "load_profile", "load_profiles", "parse_period", "performance", "plugin_schema",
    "profile_to_toml", "quartile_band", "rank_values", "read_comparators", "read_meetings",
    "read_membership", "read_readings", "read_submissions", "readings_from_records",
    "standing_finding", "validate_plugin_file", "value_for", "worst", "write_icalendar", "xmr",
})


def test_the_front_door_is_small_sorted_and_complete() -> None:
    names = corpparent.__all__
    assert 30 <= len(names) <= 40
    assert names == sorted(names)
    assert all(hasattr(corpparent, name) for name in names)
    assert set(names) <= set(dir(corpparent))


def test_package_is_typed() -> None:
    assert (Path(corpparent.__file__).parent / "py.typed").is_file()


def test_import_loads_neither_pint_nor_pydantic_nor_hypothesis() -> None:
    """pint is loaded on first use of a unit, pydantic on first use of a file reader,
    hypothesis only by corpparent.testing; no package is imported before a name is used,
    nor the parser that reads the front door's names."""
    code = ("import sys, corpparent, corpparent.files; "
            "print(*(m in sys.modules for m in ('pint', 'pydantic', 'hypothesis', "
            "'corpparent.periods', 'corpparent.indicators', 'ast')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False"] * 6


def test_a_tool_that_uses_only_periods_pays_only_for_periods() -> None:
    code = ("import sys, corpparent; corpparent.FinancialYear; "
            "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('corpparent.')}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "['_lazy', '_moved', '_version', 'errors', 'periods', 'safe_text']"


@pytest.mark.parametrize("module", [m for m in MODULES if m.count(".") == 1])
def test_each_top_level_module_imports_first(module: str) -> None:
    """Any module may be the first a program imports: none depends on another having
    been imported before it."""
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr


def _type_checking_imports(package: ModuleType) -> list[ast.alias]:
    """What the package's ``if TYPE_CHECKING:`` block imports, each name as written."""
    tree = ast.parse(Path(str(package.__file__)).read_text(encoding="utf-8"))
    [block] = [node for node in tree.body if isinstance(node, ast.If)]
    return [alias for node in block.body if isinstance(node, ast.ImportFrom)
            for alias in node.names]


@pytest.mark.parametrize("package", FRONT_DOORS, ids=lambda p: p.__name__)
def test_each_name_is_written_once_as_an_explicit_re_export(package: ModuleType) -> None:
    """Type checkers see a name only as ``x as x``; written twice, one would be lost."""
    written = _type_checking_imports(package)
    assert all(alias.asname == alias.name for alias in written)
    assert len({alias.name for alias in written}) == len(written)
    assert sorted(exported_names(package.__name__)) == sorted(a.name for a in written)


@pytest.mark.parametrize("package", FRONT_DOORS, ids=lambda p: p.__name__)
def test_every_lazy_name_is_the_object_its_module_defines(package: ModuleType) -> None:
    for name, module in exported_names(package.__name__).items():
        assert getattr(package, name) is getattr(importlib.import_module(module), name)
    assert set(exported_names(package.__name__)) <= set(dir(package))
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = package.nothing_here


def test_a_front_door_installed_without_its_source_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The names are read from the source; an installation without it fails by name, not
    with an AttributeError that would hide it."""
    package = ModuleType("sourceless_front_door")
    package.__spec__ = importlib.machinery.ModuleSpec("sourceless_front_door", loader=None)
    monkeypatch.setitem(sys.modules, "sourceless_front_door", package)
    attribute, _names = front_door("sourceless_front_door", vars(package))
    with pytest.raises(ImportError, match="sourceless_front_door: its public names are read "
                                          "from its source"):
        attribute("Month")


def test_the_top_level_imports_each_name_from_its_public_place() -> None:
    for name, module in exported_names("corpparent").items():
        assert module in PUBLIC_PLACES, (name, module)
        assert name in importlib.import_module(module).__all__, (name, module)


def _deprecations() -> list[tuple[str, str, str]]:
    """(front door, name, its new public place) for every name that left a front door."""
    for place in PUBLIC_PLACES:
        importlib.import_module(place)
    return sorted((door, name, new) for door in PUBLIC_PLACES
                  for name, new in deprecated_names(door).items())


def test_every_name_of_0_2_is_still_at_the_top_level_or_deprecated_there() -> None:
    kept = set(corpparent.__all__)
    deprecated = set(deprecated_names("corpparent"))
    assert not kept & deprecated
    assert kept | deprecated >= NAMES_OF_0_2
    assert deprecated <= NAMES_OF_0_2, "only 0.2's names need a deprecation"


@pytest.mark.parametrize(("door", "name", "new"), _deprecations(),
                         ids=lambda value: value.removeprefix("corpparent."))
def test_an_old_name_warns_naming_its_new_import(door: str, name: str, new: str) -> None:
    package = importlib.import_module(door)
    with pytest.warns(DeprecationWarning, match=re.escape(f"use 'from {new} import {name}'")):
        value = getattr(package, name)
    assert value is getattr(importlib.import_module(new), name)
    assert name in importlib.import_module(new).__all__
    assert name not in package.__all__
    assert name not in dir(package)


def test_an_old_name_imported_with_from_warns_at_the_import() -> None:
    with pytest.warns(DeprecationWarning, match="corpparent.Meeting is deprecated") as record:
        from corpparent import Meeting  # type: ignore[attr-defined]
    assert record[0].filename == __file__
    from corpparent import governance

    assert Meeting is governance.Meeting


def test_each_public_name_is_exported_from_one_public_place() -> None:
    """Only the top level re-exports, and only its common names: every other name a
    public place exports is exported from nowhere else."""
    places: defaultdict[str, list[str]] = defaultdict(list)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for place in PUBLIC_PLACES:
            if place != "corpparent":
                for name in getattr(importlib.import_module(place), "__all__", ()):
                    places[name].append(place)
    assert {name: where for name, where in places.items() if len(where) > 1} == {}


def _changelog_section() -> str:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return text.split("## 0.3.0 (unreleased)", 1)[1].split("\n## ", 1)[0]


def _table(section: str, heading: str) -> list[str]:
    """The rows of the table under ``heading``, as written."""
    part = section.split(f"#### {heading}\n", 1)[1].split("\n#### ", 1)[0]
    return [line for line in part.splitlines()
            if line.startswith("| `")]


def test_the_changelog_migration_table_is_the_deprecations() -> None:
    """Every name that left a front door is a row, old import to new, and nothing else."""
    expected = [f"| `from {door} import {name}` | `from {new} import {name}` |"
                for door, name, new in _deprecations()]
    written = _table(_changelog_section(), "Names")
    assert written == expected, "the table should read:\n" + "\n".join(expected)


def test_the_changelog_migration_table_has_every_moved_module() -> None:
    expected = [f"| `{old}` | `{new}` |" for old, new in sorted(MOVED.items())]
    written = _table(_changelog_section(), "Modules")
    assert written == expected, "the table should read:\n" + "\n".join(expected)


def test_every_error_is_a_corpparent_error_and_a_builtin() -> None:
    from corpparent.errors import UnitError

    assert issubclass(corpparent.DataError, ValueError)
    assert issubclass(corpparent.UnknownIndicatorError, LookupError)
    assert issubclass(corpparent.PluginError, RuntimeError)
    for error in (corpparent.DataError, corpparent.DefinitionError, corpparent.PeriodError,
                  corpparent.PluginError, UnitError, corpparent.UnknownIndicatorError):
        assert issubclass(error, corpparent.CorpparentError)
