"""The registry of file kinds: every kind of file corpparent reads, in one list.

Each `FileKind` has a name, a short description, the formats its files are
written in (whose suffixes the one registry of formats gives:
`formats`), how a file of the kind is recognised (its
suffix, and its CSV header columns or its top-level keys, as `sniff` reads them: a
CSV file no further than its header row), the check that reads the whole file and
returns a one-line summary (raising one [`DataError`][corpparent.errors.DataError] with every
problem otherwise), and the JSON Schema of the kind, where it has one.
``corpparent validate`` and ``corpparent schema`` iterate the registry and keep no list
of their own, so adding a kind of file is one reader module and one entry in
`KINDS`.

The JSON report, whose model belongs to the report layer, is registered beside these
in `corpparent.kinds`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, final

from attrs import frozen

from corpparent.errors import DataError, PeriodError
from corpparent.files._tabular.documents import read_document
from corpparent.files._tabular.formats import (
    DOCUMENT_FORMATS,
    RECORD_FORMATS,
    TABLE_FORMATS,
    Shape,
    format_of,
    suffixes_of,
)
from corpparent.files._tabular.limits import checked_file
from corpparent.files._tabular.period_problems import period_problem
from corpparent.files._tabular.problems import in_file_order, shown
from corpparent.files._tabular.records import validate_records
from corpparent.files._tabular.wide import looks_like_readings
from corpparent.files.dfe.ees import read_ees
from corpparent.files.dfe.lait import read_lait, read_lait_dictionary
from corpparent.files.dfe.mapping import (
    FileMapping,
    load_mapping,
    read_mapped,
    shipped_mappings,
)
from corpparent.files.dfe.neighbours import read_neighbours
from corpparent.files.dfe.ofsted import read_ofsted
from corpparent.files.panel.committee_words import MEETING_SYNONYMS, MEMBERSHIP_SYNONYMS
from corpparent.files.panel.comparator_sets import ComparatorSetModel, comparator_set_from_data
from corpparent.files.panel.comparators import ComparatorRow, read_comparators
from corpparent.files.panel.meetings import MEETINGS_FORMATS, meetings_json_schema, read_meetings
from corpparent.files.panel.membership import membership_json_schema, read_membership
from corpparent.files.panel.obligations import load_obligations, obligation_schema
from corpparent.files.panel.readings import (
    READING_COLUMNS,
    ReadingRecord,
    is_blank,
    periods_of,
    read_period,
    readings_from_records,
    readings_records,
)
from corpparent.files.panel.submissions import read_submissions, submissions_json_schema
from corpparent.files.plugin.format import plugin_schema
from corpparent.files.plugin.reader import load_plugin_file
from corpparent.indicators.sets import IndicatorSet
from corpparent.wording import counted

__all__ = ["KINDS", "Against", "FileKind", "Sniff", "sniff"]


@final
@frozen
class Sniff:
    """What tells a file's kind: its suffix and the format that is of (``""``: none),
    and its names: a CSV file's headings (as published, and normalised), a JSON or TOML
    document's top-level keys (or, for a JSON list, its first record's keys), a parquet
    file's columns."""

    suffix: str
    names: frozenset[str]
    keyed: bool = False  # the names are a document's top-level keys
    format: str = ""

    def has(self, *names: str) -> bool:
        """Whether every one of ``names`` is among the file's names."""
        return set(names) <= self.names


@final
@frozen
class Against:
    """What files are checked against, where the user gives it: the indicator set that
    readings and comparators must use, and mappings of DfE files beside those shipped."""

    indicators: IndicatorSet | None = None
    mappings: tuple[FileMapping, ...] = ()


Check = Callable[[Path, Against], str]
Schema = Callable[[], dict[str, Any]]


@final
@frozen
class FileKind:
    """One kind of file: the formats it is written in, how it is recognised, checked and
    described by a schema."""

    name: str
    description: str
    formats: tuple[str, ...]
    recognise: Callable[[Sniff], bool]
    check: Check
    schema: Schema | None = None

    @property
    def suffixes(self) -> tuple[str, ...]:
        """The suffixes of the kind's files, as the registry of formats gives them."""
        return suffixes_of(self.formats)

    def recognises(self, sniffed: Sniff) -> bool:
        """Whether a file so sniffed is of this kind."""
        return sniffed.suffix in self.suffixes and self.recognise(sniffed)


def sniff(path: Path) -> Sniff:
    """The suffix and names of the file at ``path``, in the format its suffix is of,
    reading a CSV file no further than its header row; a file that cannot be read as
    its suffix says is a [`DataError`][corpparent.errors.DataError], as is a missing file. A
    file of no format has no names, so no kind recognises it."""
    suffix = path.suffix.lower()
    try:
        found = format_of(path)
    except DataError:
        checked_file(path)
        return Sniff(suffix, frozenset())
    if found.shape is Shape.DOCUMENT:
        data, _ = read_document(path, found.suffixes)
        if isinstance(data, list) and data and isinstance(data[0], dict):
            return Sniff(suffix, frozenset(data[0]), format=found.name)
        return Sniff(suffix, frozenset(data) if isinstance(data, dict) else frozenset(),
                     keyed=True, format=found.name)
    assert found.headings is not None  # every table and column format has headings
    return Sniff(suffix, found.headings(path), format=found.name)


def _fields(sniffed: Sniff, synonyms: Mapping[str, str]) -> frozenset[str]:
    """The fields a table's headings give, with a committee system's headings mapped."""
    return frozenset(synonyms.get(name, name) for name in sniffed.names)


def _attendance_export(sniffed: Sniff) -> bool:
    """Whether a table is a committee system's attendance export: a meeting's date, an
    attendee and their attendance, under any of the headings the reader maps."""
    return {"date", "member", "attendance"} <= _fields(sniffed, MEETING_SYNONYMS)


def _membership_list(sniffed: Sniff) -> bool:
    """Whether a table is a membership list: a member's name and role, and no meeting
    dates (an attendance export names its attendees' roles too)."""
    return (not sniffed.keyed and {"name", "role"} <= _fields(sniffed, MEMBERSHIP_SYNONYMS)
            and "date" not in _fields(sniffed, MEETING_SYNONYMS))


# --- checks: each reads the whole file and says in a line what it holds ---------------


def _readings(path: Path, against: Against) -> str:
    indicators = against.indicators
    records = readings_records(path)
    if indicators is not None:
        readings = readings_from_records(records, indicators)
        blank = len(records) - len(readings)
        return (f"{counted(len(readings), 'reading')} of "
                f"{counted(len(readings.indicators), 'indicator')}"
                + (f"; {counted(blank, 'row')} with no figure (blank, so no reading)"
                   if blank else ""))
    valid, problems = validate_records(ReadingRecord, records)
    periods = periods_of(valid)
    for raw, record in valid:
        period = read_period(record.period, periods)
        if isinstance(period, PeriodError):
            problems.append(period_problem(raw, record.period, period))
    if problems:
        raise DataError(in_file_order(problems))
    blank = sum(1 for _raw, record in valid if is_blank(record))
    return (f"{counted(len(records) - blank, 'reading')} (indicator names not checked: give "
            "--authority or --indicators)"
            + (f"; {counted(blank, 'row')} with no figure (blank, so no reading)"
               if blank else ""))


def _comparators(path: Path, against: Against) -> str:
    comparators = read_comparators(path, indicators=against.indicators)
    values = sum(len(c.values) for c in comparators)
    return f"{counted(len(comparators), 'comparator')}, {counted(values, 'value')}"


def _comparator_set(path: Path, _against: Against) -> str:
    data, where = read_document(path)
    if not isinstance(data, dict):
        raise DataError([where.problem(expected="an object", found=shown(data))])
    built = comparator_set_from_data(data, source=str(path), where=where)
    return (f"the comparator set of {built.authority.name}, "
            f"{counted(len(built.comparators), 'comparator')}")


def _meetings(path: Path, _against: Against) -> str:
    return f"{counted(len(read_meetings(path)), 'meeting')}"


def _membership(path: Path, _against: Against) -> str:
    return f"{counted(len(read_membership(path).members), 'member')}"


def _submissions(path: Path, _against: Against) -> str:
    return f"{len(read_submissions(path))} log entries"


def _obligations(path: Path, _against: Against) -> str:
    return f"{counted(len(load_obligations(path)), 'obligation')}"


def _plugin(path: Path, _against: Against) -> str:
    profile = load_plugin_file(path)
    years = ("" if profile.rule_sets is None else "; rules for "
             + ", ".join(str(r.year) for r in profile.rule_sets))
    return (f"authority plug-in {profile.id!r} ({profile.name}), "
            f"{counted(len(profile.indicators), 'indicator')}{years}")


def _mapping(path: Path, _against: Against) -> str:
    mapping = load_mapping(path)
    return f"a mapping of {counted(len(mapping.indicators), 'indicator')} from {mapping.file}"


def _ees(path: Path, against: Against) -> str:
    """An EES file read through the mapping given for it by name, or else the one shipped
    for it; without either, its geography and periods are checked but not its figures."""
    mapping = next((m for m in (*against.mappings, *shipped_mappings())
                    if m.file == path.name), None)
    if mapping is None:
        table = read_ees(path, ())
        return (f"{counted(len(table.rows), 'row')} (no mapping for {path.name}: figures "
                "not checked; give --mapping)")
    data = read_mapped(path, mapping)
    return f"{counted(len(data.indicators), 'indicator')} through the mapping for {mapping.file}"


def _lait(path: Path, _against: Against) -> str:
    return f"{counted(len(read_lait(path).measures), 'measure')}"


def _lait_dictionary(path: Path, _against: Against) -> str:
    return f"{counted(len(read_lait_dictionary(path)), 'measure')}"


def _neighbours(path: Path, _against: Against) -> str:
    return f"the neighbours of {len(read_neighbours(path))} authorities"


def _ofsted(path: Path, _against: Against) -> str:
    return f"the inspections of {len(read_ofsted(path))} authorities"


def _record_schema(model: type[Any]) -> Schema:
    return lambda: dict(model.model_json_schema())


#: Every kind of input file, in the order a file is tried against them.
KINDS: tuple[FileKind, ...] = (
    FileKind("authority-plugin", "an authority plug-in written as data", ("toml",),
             lambda s: s.has("format_version"), _plugin, plugin_schema),
    FileKind("dfe-mapping", "which rows and columns of a DfE file give which indicator",
             ("toml",), lambda s: s.has("file", "title", "indicators"), _mapping,
             _record_schema(FileMapping)),
    FileKind("obligations", "a panel's reporting obligations", DOCUMENT_FORMATS,
             lambda s: s.has("obligations"), _obligations, obligation_schema),
    FileKind("membership", "a panel's members and priority leads (the project's JSON, or "
             "a committee system's membership list)", ("json", *TABLE_FORMATS),
             lambda s: s.has("members") or _membership_list(s), _membership,
             membership_json_schema),
    FileKind("comparator-set", "an authority's declared comparators", DOCUMENT_FORMATS,
             lambda s: s.keyed and s.has("authority", "comparators"), _comparator_set,
             _record_schema(ComparatorSetModel)),
    FileKind("submissions", "the log of what was sent to whom, when",
             RECORD_FORMATS,
             lambda s: s.has("document", "recipient", "date") or s.has("submissions"),
             _submissions, submissions_json_schema),
    FileKind("meetings", "a panel's meetings and attendance", MEETINGS_FORMATS,
             lambda s: s.has("date", "member") or s.has("meetings") or _attendance_export(s)
             or (s.format == "json" and not s.keyed and s.has("date")),
             _meetings, meetings_json_schema),
    FileKind("comparators", "comparator values in long format",
             RECORD_FORMATS,
             lambda s: s.has("comparator") or s.has("comparators"), _comparators,
             _record_schema(ComparatorRow)),
    FileKind("readings", "an authority's indicator readings",
             RECORD_FORMATS,
             lambda s: s.has(*READING_COLUMNS) or s.has("readings") or looks_like_readings(s.names),
             _readings,
             _record_schema(ReadingRecord)),
    FileKind("dfe-ees", "a DfE Explore Education Statistics tidy data file",
             TABLE_FORMATS,
             lambda s: s.has("time_period", "time_identifier", "geographic_level"), _ees),
    FileKind("dfe-lait", "the DfE Local Authority Interactive Tool dataset", ("parquet",),
             lambda s: s.has("Short Desc", "Values"), _lait),
    FileKind("dfe-lait-dictionary", "the LAIT data dictionary of measures",
             TABLE_FORMATS,
             lambda s: s.has("Measure_code", "Measure_short", "Polarity"), _lait_dictionary),
    FileKind("dfe-neighbours", "the DfE statistical-neighbour model",
             TABLE_FORMATS,
             lambda s: s.has("SN_1") or s.has("SN1"), _neighbours),
    FileKind("ofsted", "Ofsted's inspection outcomes of every authority",
             TABLE_FORMATS,
             lambda s: s.has("Local authority area code", "Overall effectiveness"), _ofsted),
)
