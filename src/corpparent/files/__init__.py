"""Every file format corpparent reads or writes, in one input layer, by concern.

- ``files/_tabular/``: the table mechanics every reader shares: the one registry of
  formats from a file's suffix to its reader (CSV, workbooks, JSON and TOML documents,
  parquet), records validated row by row, the bounds every reader keeps, and problems
  placed at their file, line and field (:class:`~corpparent.errors.Problem`);
- ``files/panel/``: the panel's own files: readings, comparator values and declared
  comparator sets, meetings, membership, the submissions log, obligations, and the
  iCalendar file of what falls due;
- ``files/plugin/``: the authority plug-in file format, read, written and its JSON
  Schema;
- ``files/dfe/``: the Department for Education's and Ofsted's published files.

:mod:`~corpparent.files.kinds` registers every kind of input file, for ``corpparent
validate`` and ``corpparent schema``.

The names below are imported when first used (PEP 562), so importing one reader does
not import every other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpparent._lazy import lazy_exports

if TYPE_CHECKING:  # the names a type checker sees, each an explicit re-export
    from corpparent.files.dfe.ees import read_ees as read_ees
    from corpparent.files.dfe.lait import (
        read_lait as read_lait,
        read_lait_dictionary as read_lait_dictionary,
    )
    from corpparent.files.dfe.mapping import (
        NATIONAL_PLUGIN as NATIONAL_PLUGIN,
        FileMapping as FileMapping,
        IndicatorMapping as IndicatorMapping,
        apply_mapping as apply_mapping,
        load_mapping as load_mapping,
        national_definitions as national_definitions,
        national_indicators as national_indicators,
        read_folder as read_folder,
        read_mapped as read_mapped,
        shipped_mappings as shipped_mappings,
    )
    from corpparent.files.dfe.national import (
        read_benchmarking as read_benchmarking,
        read_lait_benchmarking as read_lait_benchmarking,
    )
    from corpparent.files.dfe.neighbours import read_neighbours as read_neighbours
    from corpparent.files.dfe.ofsted import read_ofsted as read_ofsted
    from corpparent.files.panel.comparator_sets import (
        AuthorityModel as AuthorityModel,
        ComparatorModel as ComparatorModel,
        ComparatorSetModel as ComparatorSetModel,
        comparator_set_from_data as comparator_set_from_data,
    )
    from corpparent.files.panel.comparators import (
        ComparatorRow as ComparatorRow,
        comparators_from_records as comparators_from_records,
        read_comparators as read_comparators,
    )
    from corpparent.files.panel.icalendar import (
        to_icalendar as to_icalendar,
        write_icalendar as write_icalendar,
    )
    from corpparent.files.panel.meetings import (
        Attendance as Attendance,
        meetings_from_data as meetings_from_data,
        meetings_json_schema as meetings_json_schema,
        read_meetings as read_meetings,
        read_meetings_csv as read_meetings_csv,
        read_meetings_json as read_meetings_json,
    )
    from corpparent.files.panel.membership import (
        membership_from_data as membership_from_data,
        membership_json_schema as membership_json_schema,
        read_membership as read_membership,
    )
    from corpparent.files.panel.obligations import (
        load_obligations as load_obligations,
        obligation_schema as obligation_schema,
        obligations_from_data as obligations_from_data,
        obligations_to_data as obligations_to_data,
    )
    from corpparent.files.panel.readings import (
        ReadingRecord as ReadingRecord,
        read_readings as read_readings,
        readings_from_records as readings_from_records,
    )
    from corpparent.files.panel.submissions import (
        read_submissions as read_submissions,
        submissions_from_data as submissions_from_data,
        submissions_from_records as submissions_from_records,
    )
    from corpparent.files.plugin.format import (
        FORMAT_VERSION as FORMAT_VERSION,
        PluginFile as PluginFile,
        plugin_schema as plugin_schema,
    )
    from corpparent.files.plugin.reader import (
        load_plugin_file as load_plugin_file,
        profile_from_toml as profile_from_toml,
        validate_plugin_file as validate_plugin_file,
    )
    from corpparent.files.plugin.writer import profile_to_toml as profile_to_toml

#: Each public name and the module it is imported from when first used.
_EXPORTS: dict[str, str] = {
    "Attendance": "corpparent.files.panel.meetings",
    "AuthorityModel": "corpparent.files.panel.comparator_sets",
    "ComparatorModel": "corpparent.files.panel.comparator_sets",
    "ComparatorRow": "corpparent.files.panel.comparators",
    "ComparatorSetModel": "corpparent.files.panel.comparator_sets",
    "FORMAT_VERSION": "corpparent.files.plugin.format",
    "FileMapping": "corpparent.files.dfe.mapping",
    "IndicatorMapping": "corpparent.files.dfe.mapping",
    "NATIONAL_PLUGIN": "corpparent.files.dfe.mapping",
    "PluginFile": "corpparent.files.plugin.format",
    "ReadingRecord": "corpparent.files.panel.readings",
    "apply_mapping": "corpparent.files.dfe.mapping",
    "comparator_set_from_data": "corpparent.files.panel.comparator_sets",
    "comparators_from_records": "corpparent.files.panel.comparators",
    "load_mapping": "corpparent.files.dfe.mapping",
    "load_obligations": "corpparent.files.panel.obligations",
    "load_plugin_file": "corpparent.files.plugin.reader",
    "meetings_from_data": "corpparent.files.panel.meetings",
    "meetings_json_schema": "corpparent.files.panel.meetings",
    "membership_from_data": "corpparent.files.panel.membership",
    "membership_json_schema": "corpparent.files.panel.membership",
    "national_definitions": "corpparent.files.dfe.mapping",
    "national_indicators": "corpparent.files.dfe.mapping",
    "obligation_schema": "corpparent.files.panel.obligations",
    "obligations_from_data": "corpparent.files.panel.obligations",
    "obligations_to_data": "corpparent.files.panel.obligations",
    "plugin_schema": "corpparent.files.plugin.format",
    "profile_from_toml": "corpparent.files.plugin.reader",
    "profile_to_toml": "corpparent.files.plugin.writer",
    "read_benchmarking": "corpparent.files.dfe.national",
    "read_comparators": "corpparent.files.panel.comparators",
    "read_ees": "corpparent.files.dfe.ees",
    "read_folder": "corpparent.files.dfe.mapping",
    "read_lait": "corpparent.files.dfe.lait",
    "read_lait_benchmarking": "corpparent.files.dfe.national",
    "read_lait_dictionary": "corpparent.files.dfe.lait",
    "read_mapped": "corpparent.files.dfe.mapping",
    "read_meetings": "corpparent.files.panel.meetings",
    "read_meetings_csv": "corpparent.files.panel.meetings",
    "read_meetings_json": "corpparent.files.panel.meetings",
    "read_membership": "corpparent.files.panel.membership",
    "read_neighbours": "corpparent.files.dfe.neighbours",
    "read_ofsted": "corpparent.files.dfe.ofsted",
    "read_readings": "corpparent.files.panel.readings",
    "read_submissions": "corpparent.files.panel.submissions",
    "readings_from_records": "corpparent.files.panel.readings",
    "shipped_mappings": "corpparent.files.dfe.mapping",
    "submissions_from_data": "corpparent.files.panel.submissions",
    "submissions_from_records": "corpparent.files.panel.submissions",
    "to_icalendar": "corpparent.files.panel.icalendar",
    "validate_plugin_file": "corpparent.files.plugin.reader",
    "write_icalendar": "corpparent.files.panel.icalendar",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
