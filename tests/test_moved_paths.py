"""Every module path of 0.2 that moved in 0.3 still imports, warns, and names the new one."""

from __future__ import annotations

import importlib
import sys
import warnings

import pytest

from corpparent._moved import MOVED, MOVED_NAMES


@pytest.mark.parametrize(("old", "new"), sorted(MOVED.items()))
def test_an_old_path_warns_and_gives_the_new_modules_names(old: str, new: str) -> None:
    parent = old.rpartition(".")[0]
    if parent in MOVED:  # its own warning is its own case: import it first, quietly
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            importlib.import_module(parent)
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=f"{old} moved to {new}"):
        alias = importlib.import_module(old)
    target = importlib.import_module(new)
    names = getattr(target, "__all__", [n for n in vars(target) if not n.startswith("_")])
    for name in names:
        assert getattr(alias, name) is getattr(target, name)


def test_a_path_that_never_existed_is_still_not_found() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("corpparent.no_such_module")


def test_the_alias_mechanism_on_a_real_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mechanism itself, whatever the table holds: an old name for ``corpparent.units``
    warns once, and names defined there are the very same objects."""
    monkeypatch.setitem(MOVED, "corpparent.old_units_for_test", "corpparent.units")
    sys.modules.pop("corpparent.old_units_for_test", None)
    with pytest.warns(DeprecationWarning, match="import corpparent.units instead"):
        from corpparent.old_units_for_test import parse_unit  # type: ignore[import-not-found]
    from corpparent.units import parse_unit as new_parse_unit

    assert parse_unit is new_parse_unit
    sys.modules.pop("corpparent.old_units_for_test", None)


def test_a_moved_package_keeps_its_moved_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """An old package path and a module under it, both moved: the module imports."""
    monkeypatch.setitem(MOVED, "corpparent.old_periods_for_test", "corpparent.periods")
    monkeypatch.setitem(MOVED, "corpparent.old_periods_for_test.years",
                        "corpparent.periods.years")
    with pytest.warns(DeprecationWarning, match="old_periods_for_test") as record:
        module = importlib.import_module("corpparent.old_periods_for_test.years")
    assert [str(w.message).split(" moved")[0] for w in record] == [
        "corpparent.old_periods_for_test", "corpparent.old_periods_for_test.years"]
    assert module.AcademicYear is importlib.import_module("corpparent.periods.years").AcademicYear
    for name in ("corpparent.old_periods_for_test.years", "corpparent.old_periods_for_test"):
        sys.modules.pop(name, None)


@pytest.mark.parametrize(("old", "new"), sorted(MOVED_NAMES.items()))
def test_a_name_that_moved_module_warns_and_is_the_same_object(old: str, new: str) -> None:
    module, _, name = old.rpartition(".")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # an aliased old module warns too
        where = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=f"{old} moved to {new}"):
        found = getattr(where, name)
    assert found is getattr(importlib.import_module(new), name)


def test_a_name_that_never_existed_is_still_an_attribute_error() -> None:
    from corpparent.report import model

    with pytest.raises(AttributeError, match="no attribute 'NoSuchOut'"):
        model.NoSuchOut  # noqa: B018
