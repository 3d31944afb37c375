"""Every file format corpparent reads or writes, in one input layer, by concern.

- ``files/_tabular/``: the table mechanics every reader shares: the one registry of
  formats from a file's suffix to its reader (CSV, workbooks, JSON and TOML documents,
  parquet), records validated row by row, the bounds every reader keeps, and problems
  placed at their file, line and field ([`Problem`][corpparent.errors.Problem]);
- ``files/panel/``: the panel's own files: readings, comparator values and declared
  comparator sets, meetings, membership, the submissions log, obligations, and the
  iCalendar file of what falls due;
- ``files/plugin/``: the authority plug-in file format, read, written and its JSON
  Schema;
- ``files/dfe/``: the Department for Education's and Ofsted's published files;
- ``files/ssda903/``: the council's own SSDA903 return, its CSV tables or XML by year.

`kinds` registers every kind of input file, for ``corpparent
validate`` and ``corpparent schema``.

The names below are imported when first used (PEP 562), so importing one reader does
not import every other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpparent._lazy import front_door

if TYPE_CHECKING:  # each public name, written once, imported on first use
    from corpparent.files._tabular.limits import (
        ReadLimits as ReadLimits,
        current_limits as current_limits,
        reading_limits as reading_limits,
    )
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
    from corpparent.files.dfe.ssda903_published import read_published as read_published
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
    from corpparent.files.ssda903.reader import read_returns as read_returns

__getattr__, __dir__ = front_door(__name__, globals())
