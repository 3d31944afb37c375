"""Compose a finished report into its `Document`.

This is the one place a report's sections, tables, counts and notes are worked out:
the summary, the exception report, the scorecard table (with national ranks and both
directions of travel), the comparators, the attendance register, the process charts,
the footnote on withheld figures, the recommendations a paper makes and the provenance.
Every format writes the document it gives, so they cannot disagree. The report must be
finished first ([`corpparent.report.output.finish`][corpparent.report.output.finish]): its profile
and suppression are already applied, and the document shows what is left.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from corpparent.families import RuleFamily
from corpparent.report.benchmark import benchmark_sections
from corpparent.report.document import (
    Block,
    Cell,
    CellKind,
    ChartBlock,
    Document,
    FindingList,
    IndicatorDetails,
    Section,
    Table,
)
from corpparent.report.formatting import (
    over_time,
    provenance_items,
    show_number,
    show_range,
    show_target,
    show_value,
    withheld_lines,
)
from corpparent.report.labels import (
    ATTENTION,
    REGISTER_SYMBOLS,
    SUMMARY_ORDER,
    finding_sections,
    meeting_heading,
    register_key,
    status_key,
    status_label,
    travel_cell,
)
from corpparent.report.model import (
    AnyReport,
    BenchmarkReport,
    FindingsReport,
    RegisterOut,
    ScorecardReport,
)
from corpparent.report.parts import ChartOut, IndicatorOut
from corpparent.report.profiles import banner
from corpparent.wording import counted

__all__ = ["EXCEPTIONS_TITLE", "compose"]

#: The heading of the scorecard's exceptions: findings worse than the expected range,
#: targets missed, special cause concerns. A result better than expected is a success.
EXCEPTIONS_TITLE = "Outside expected range or below target"


def compose(report: AnyReport) -> Document:
    """The document of a finished ``report``: every section every format writes."""
    several = isinstance(report, BenchmarkReport) and len(
        {row.authority for row in report.rows}) > 1  # a region, neighbours, several named
    facts = tuple((label, text) for label, text in (
        ("Authorities" if several else "Authority", report.authority),
        ("Period", report.period)) if text)
    if isinstance(report, ScorecardReport):
        sections = _scorecard_sections(report)
        lead = counted(len(report.indicators), "indicator")
        summary_of = "Indicators"
    elif isinstance(report, BenchmarkReport):
        sections = benchmark_sections(report)
        lead = counted(len(report.rows), "position")
        summary_of = "Positions"
    else:
        sections = _findings_sections(report)
        lead = counted(len(report.findings), "finding")
        summary_of = "Findings"
    summary = tuple((status, report.summary[status_key(status)]) for status in SUMMARY_ORDER
                    if report.summary.get(status_key(status)))
    return Document(
        title=report.title, banner=banner(report.profile, report.suppression),
        profile=report.profile, facts=facts, lead=lead, summary=summary,
        sections=sections, asks=_asks(report), purpose=_purpose(report),
        background=_background(report), notes=_notes(report),
        withheld=tuple(withheld_lines(report.suppression)),
        provenance=tuple(provenance_items(report.provenance)),
        version=report.provenance.corpparent_version, summary_of=summary_of)


def _status_cell(item: IndicatorOut) -> Cell:
    text = status_label(item.status)
    if item.performance and item.performance.lower() not in text.lower():
        text += f" ({item.performance})"
    return Cell(text, CellKind.STATUS, status=item.status)


def _value_cell(item: IndicatorOut, value: float | None, text: str) -> Cell:
    if value is None:
        kind = CellKind.WITHHELD if item.symbol else CellKind.TEXT
        return Cell(text, kind)
    kind = {"percent": CellKind.PERCENT, "child": CellKind.COUNT}.get(item.unit,
                                                                      CellKind.NUMBER)
    return Cell(text, kind, value=value)


def _scorecard_table(report: ScorecardReport) -> Table:
    from corpparent.report.process import assurance_label, variation_label  # scorecards'

    charted = any(item.chart is not None for item in report.indicators)
    columns: tuple[str, ...] = ("Domain", "Indicator", "Value", "Expected range", "Target",
                                "Status", "Since last period", "Since last year")
    rows = []
    for index, item in enumerate(report.indicators):
        targets = "; ".join(show_target(item, t) for t in item.targets) or "–"
        row = [Cell(item.domain or "–"), Cell(item.name, anchor=f"indicator-{index}"),
               _value_cell(item, item.value, item.value_text), Cell(show_range(item)),
               Cell(targets), _status_cell(item),
               Cell(travel_cell(item.findings, RuleFamily.TRAVEL_SINCE_LAST_PERIOD),
                    CellKind.TRAVEL),
               Cell(travel_cell(item.findings, RuleFamily.TRAVEL_SINCE_LAST_YEAR),
                    CellKind.TRAVEL)]
        if charted:
            row += [Cell(variation_label(item.variation)), Cell(assurance_label(item.assurance))]
        rows.append(tuple(row))
    if charted:
        columns += ("Variation", "Assurance")
    return Table(f"Each indicator in {report.period}", columns, tuple(rows),
                 ident="scorecard-caption")


def _national(report: ScorecardReport) -> Section | None:
    ranked = [i for i in report.indicators if i.national is not None]
    if not ranked:
        return None
    rows = tuple((Cell(i.name), _value_cell(i, i.value, i.value_text), Cell(i.national.text))
                 for i in ranked if i.national is not None)
    table = Table("National rank and quartile band (1 the best; band A the best quarter)",
                  ("Indicator", "Value", "National rank (1 the best)"), rows,
                  ident="national-caption")
    return Section("National rank and quartile band", (table,), appendix=True,
                   ident="national")


def _comparators(report: ScorecardReport) -> Section | None:
    rows_of = [item for item in report.indicators if item.comparators]
    if not rows_of:
        return None
    names = list(dict.fromkeys(c.name for item in rows_of for c in item.comparators))
    rows = []
    for item in rows_of:
        by_name = {c.name: c for c in item.comparators}
        cells = [Cell(item.name), _value_cell(item, item.value, item.value_text)]
        for name in names:
            comparator = by_name.get(name)
            if comparator is None:
                cells.append(Cell("–"))
            elif comparator.value is None:
                cells.append(Cell(f"{comparator.symbol or '–'} ({comparator.period})",
                                  CellKind.WITHHELD if comparator.symbol else CellKind.TEXT))
            else:
                cells.append(_value_cell(item, comparator.value,
                                         f"{show_value(item, comparator.value)} "
                                         f"({comparator.period})"))
        rows.append(tuple(cells))
    table = Table("The latest value beside each comparator",
                  ("Indicator", report.authority or "This authority", *names), tuple(rows),
                  ident="comparators-caption", wide=len(names) > 4)
    return Section("Comparators", (table,), appendix=True, ident="comparators")


def _over_time(report: ScorecardReport) -> Section | None:
    authority = report.authority or "This authority"
    tables: list[Block] = []
    for index, item in enumerate(report.indicators):
        headers, rows = over_time(item, authority)
        if rows:
            tables.append(Table(item.name, tuple(headers), tuple(
                (Cell(row[0]), *(Cell(c, CellKind.WITHHELD if c == "c" else CellKind.NUMBER)
                                 for c in row[1:])) for row in rows),
                ident=f"over-time-{index}"))
    return Section("Comparators over time", tuple(tables), appendix=True,
                   ident="over-time") if tables else None


def chart_block(title: str, chart: ChartOut, show: Callable[[float], str],
                ident: str = "") -> ChartBlock:
    """A process chart with its caption and its points as a table."""
    from corpparent.report.process import assurance_label, trial_note, variation_label

    trial = " (trial limits: too few points to rely on)" if chart.trial else ""
    caption = (f"Variation: {variation_label(chart.variation)}. Assurance: "
               f"{assurance_label(chart.assurance)}. Mean {show(chart.mean)}, process limits "
               f"{show(chart.lower_limit)} to {show(chart.upper_limit)}{trial}."
               f"{trial_note(chart)}")
    if chart.target is not None:
        caption += f" Target {show(chart.target)}."
    rows = []
    for number, point in enumerate(chart.points, start=1):
        signal = "–" if point.signal is None else (
            f"{point.signal} ({point.side}): {point.nature}")
        rows.append((Cell(point.period or str(number)),
                     *(Cell(show(v), CellKind.NUMBER, value=v) for v in (
                         point.value, point.mean, point.lower_limit, point.upper_limit)),
                     Cell(signal)))
    named = title if title.endswith(": process chart") else f"Process chart: {title}"
    points = Table(named, ("Period", "Value", "Mean", "Lower limit", "Upper limit", "Signal"),
                   tuple(rows))
    return ChartBlock(title, chart, caption, points, show, ident)


def _scorecard_sections(report: ScorecardReport) -> tuple[Section, ...]:
    exceptions = report.exception_report
    sections = [
        Section("Exception report", (
            FindingList(EXCEPTIONS_TITLE, tuple(exceptions.exceptions)),
            FindingList("Successes", tuple(exceptions.successes)),
            FindingList("Insufficient data", tuple(exceptions.insufficient))),
            ident="exceptions"),
        Section("Scorecard", (_scorecard_table(report),), appendix=True, ident="scorecard"),
    ]
    sections += [s for s in (_national(report), _comparators(report), _over_time(report))
                 if s is not None]
    sections.append(Section("Indicators in detail", (IndicatorDetails(
        report.authority or "This authority", tuple(report.indicators), tuple(
            chart_block(i.name, i.chart, partial(show_value, i), f"p{n}")
            for n, i in enumerate(report.indicators) if i.chart is not None)),),
        appendix=True, ident="details"))
    return tuple(sections)


def _register(register: RegisterOut) -> Table:
    span = (f" ({meeting_heading(register.meetings[0])} to "
            f"{meeting_heading(register.meetings[-1])})" if register.meetings else "")
    rows = tuple(
        (Cell(row.member), *(Cell(REGISTER_SYMBOLS[mark], CellKind.MARK, word=mark)
                             for mark in row.marks),
         Cell(f"{row.attended} of {row.possible}", CellKind.COUNT, value=row.attended))
        for row in register.rows)
    return Table(f"Attendance register{span}",
                 ("Member", *(meeting_heading(m) for m in register.meetings), "Attended"),
                 rows, key=register_key(), ident="register")


def _findings_sections(report: FindingsReport) -> tuple[Section, ...]:
    sections = []
    if report.chart is not None:
        percent = report.chart.unit == "percent"

        def show(value: float) -> str:
            return f"{show_number(value)}%" if percent else show_number(value)

        sections.append(Section("Process chart", (chart_block(report.title, report.chart,
                                                              show, "p0"),),
                                ident="process-chart"))
    sections.append(Section("", tuple(FindingList(title, tuple(findings), subjects=True)
                                      for title, findings in finding_sections(report.findings))))
    if report.attendance_register is not None:
        sections.append(Section("Attendance register", (_register(report.attendance_register),),
                                appendix=True, ident="register"))
    return tuple(sections)


def _subject(report: AnyReport) -> str:
    where = f" for {report.authority}" if report.authority else ""
    when = f", {report.period}" if report.period else ""
    return f"{where}{when}"


def _purpose(report: AnyReport) -> str:
    if isinstance(report, BenchmarkReport):
        measures = counted(len({row.measure for row in report.rows}), "measure")
        return (f"To report {report.authority}'s national position on {measures} of the "
                "Department for Education's Local Authority Interactive Tool, against "
                "England, its region, its statistical neighbours and the authorities Ofsted "
                "judged Outstanding.")
    if isinstance(report, ScorecardReport):
        return (f"To report the corporate parenting scorecard{_subject(report)}: "
                f"{counted(len(report.indicators), 'indicator')}, each against its expected "
                "range and targets where they are set, with the exceptions the panel is asked "
                "to consider.")
    return (f"To report {counted(len(report.findings), 'finding')}{_subject(report)}: "
            f"{report.title}.")


def _asks(report: AnyReport) -> tuple[str, ...]:
    """What the panel is asked to do; the count is the count of the section named."""
    if isinstance(report, BenchmarkReport):
        return ("That the panel notes the national benchmark.",)
    if isinstance(report, ScorecardReport):
        count = len(report.exception_report.exceptions)
        ask = (f"considers the {counted(count, 'exception')} in section 4, and asks "
               "officers to explain each and the action being taken" if count else
               "notes that no indicator is worse than its expected range or below its target")
        return ("That the panel notes the scorecard.", f"That the panel {ask}.")
    count = sum(f.status in ATTENTION for f in report.findings)
    ask = (f"considers the {counted(count, 'finding')} needing attention in "
           "section 4" if count else "notes that no finding needs attention")
    return ("That the panel notes the report.", f"That the panel {ask}.")


def _background(report: AnyReport) -> str:
    inputs = ", ".join(item.path for item in report.provenance.inputs) or "the authority's "\
        "plug-in"
    if isinstance(report, BenchmarkReport):
        return ("The figures are the Department for Education's and Ofsted's published "
                "statistics, withheld where their publishers withheld them; the notes say "
                "where each comes from and when it was published.")
    if isinstance(report, ScorecardReport):
        return (f"The figures were read from {inputs}. Each indicator is judged against the "
                "expected range and targets in force for the period (the notes say where "
                "those of an earlier year were carried forward); the appendices "
                "give the whole scorecard with each indicator's trend, and how the figures "
                "were made.")
    return f"The findings were made from {inputs}; the appendix says how."


def _notes(report: AnyReport) -> tuple[str, ...]:
    """The footnotes: first what the run said (the rule set carried forward, its
    warnings); then, for a benchmark, its sources; otherwise what was withheld: how many
    figures this report withheld, and how many the data withheld as published, so a
    ``c`` on a chart is never beside a count of 0."""
    if isinstance(report, BenchmarkReport):
        return (*report.notes, f"Neighbours: {report.neighbour_model}", *report.sources)
    note = report.suppression
    if not note.applied or not note.counts_shown:
        return tuple(report.notes)
    source = (f"; {note.withheld_at_source} more were withheld ({note.symbol}) in the data "
              "as published" if note.withheld_at_source else "")
    return (*report.notes, f"{note.footnote} Figures withheld: {note.withheld}{source}.")
