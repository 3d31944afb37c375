"""Every file format corpparent reads or writes, in one input layer.

Each kind of file is one module here: the CSV/JSON record reader every tabular file
shares (:mod:`~corpparent.files.records`), readings, comparator values and declared
comparator sets, meetings, membership, submissions logs, obligations files, authority
plug-in files (read, written and their JSON Schema), the iCalendar writer, and the
Department for Education's published files. Problems found in a file are reported the
same way for every kind (:class:`~corpparent.errors.Problem`).

The names below are loaded when first used, so importing one reader does not import
every other.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Attendance": "corpparent.files.meetings",
    "AuthorityModel": "corpparent.files.comparator_sets",
    "ComparatorModel": "corpparent.files.comparator_sets",
    "ComparatorRow": "corpparent.files.comparators",
    "ComparatorSetModel": "corpparent.files.comparator_sets",
    "FORMAT_VERSION": "corpparent.files.plugin_format",
    "FileMapping": "corpparent.files.dfe_mapping",
    "IndicatorMapping": "corpparent.files.dfe_mapping",
    "NATIONAL_PLUGIN": "corpparent.files.dfe_mapping",
    "PluginFile": "corpparent.files.plugin_format",
    "ReadingRecord": "corpparent.files.readings",
    "apply_mapping": "corpparent.files.dfe_mapping",
    "comparator_set_from_data": "corpparent.files.comparator_sets",
    "comparators_from_records": "corpparent.files.comparators",
    "load_mapping": "corpparent.files.dfe_mapping",
    "load_obligations": "corpparent.files.obligations",
    "load_plugin_file": "corpparent.files.plugin_reader",
    "meetings_from_data": "corpparent.files.meetings",
    "meetings_json_schema": "corpparent.files.meetings",
    "membership_from_data": "corpparent.files.membership",
    "membership_json_schema": "corpparent.files.membership",
    "national_definitions": "corpparent.files.dfe_mapping",
    "national_indicators": "corpparent.files.dfe_mapping",
    "obligation_schema": "corpparent.files.obligations",
    "obligations_from_data": "corpparent.files.obligations",
    "obligations_to_data": "corpparent.files.obligations",
    "plugin_schema": "corpparent.files.plugin_format",
    "profile_from_toml": "corpparent.files.plugin_reader",
    "profile_to_toml": "corpparent.files.plugin_writer",
    "read_benchmarking": "corpparent.files.national",
    "read_comparators": "corpparent.files.comparators",
    "read_ees": "corpparent.files.ees",
    "read_folder": "corpparent.files.dfe_mapping",
    "read_lait": "corpparent.files.lait",
    "read_lait_benchmarking": "corpparent.files.national",
    "read_lait_dictionary": "corpparent.files.lait",
    "read_mapped": "corpparent.files.dfe_mapping",
    "read_meetings": "corpparent.files.meetings",
    "read_meetings_csv": "corpparent.files.meetings",
    "read_meetings_json": "corpparent.files.meetings",
    "read_membership": "corpparent.files.membership",
    "read_neighbours": "corpparent.files.neighbours",
    "read_ofsted": "corpparent.files.ofsted",
    "read_readings": "corpparent.files.readings",
    "read_submissions": "corpparent.files.submissions",
    "readings_from_records": "corpparent.files.readings",
    "shipped_mappings": "corpparent.files.dfe_mapping",
    "submissions_from_data": "corpparent.files.submissions",
    "submissions_from_records": "corpparent.files.submissions",
    "to_icalendar": "corpparent.files.icalendar",
    "validate_plugin_file": "corpparent.files.plugin_reader",
    "write_icalendar": "corpparent.files.icalendar",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'corpparent.files' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
