"""A benchmark written in a format that leaves its folded charts out (the terminal,
Markdown, Word) is made without those charts' figures, in the run and in the report:
every such format writes the same report, byte for byte, as from the series with every
figure."""

from __future__ import annotations

import io
import zipfile

import pytest

from corpparent.files.dfe.national_package import read_national_inputs
from corpparent.report.benchmark import BenchmarkPage, benchmark_report
from corpparent.report.benchmark_chart import FULL_CHARTS_PRINTED
from corpparent.report.formats import backend, format_names
from corpparent.report.model import BenchmarkReport
from corpparent.report.output import finish, render_binary
from corpparent.report.provenance import make_provenance
from corpparent.runs.benchmark import BenchmarkRun, benchmark_authorities

LEFT_OUT = [name for name in format_names() if not backend(name).folded_charts]


@pytest.fixture(scope="module")
def every_measure() -> BenchmarkRun:
    return benchmark_authorities(read_national_inputs(), ("Wiltshire", "Dorset"))


@pytest.fixture(scope="module")
def outlined() -> BenchmarkRun:
    return benchmark_authorities(read_national_inputs(), ("Wiltshire", "Dorset"),
                                 charts_up_to=FULL_CHARTS_PRINTED)


@pytest.fixture(scope="module")
def two_measures() -> BenchmarkRun:
    return benchmark_authorities(read_national_inputs(), ("Wiltshire",),
                                 measures=("LAC_LongStable%", "LACStable_2016on"),
                                 charts_up_to=FULL_CHARTS_PRINTED)


def report(run: BenchmarkRun, folded_figures: bool, output_format: str) -> BenchmarkReport:
    page = BenchmarkPage(run.area.name, run.area.code, run.model, run.notes, run.rows,
                         names=run.names, polarities=run.polarities, decimals=run.decimals,
                         series=run.series, folded_figures=folded_figures)
    return finish(benchmark_report(page, make_provenance()), output_format)


def written(made: BenchmarkReport, output_format: str) -> dict[str, bytes]:
    """The format's bytes; a Word file's parts but the one stamped with the time."""
    data = render_binary(made, output_format)
    if not data.startswith(b"PK"):
        return {"": data}
    with zipfile.ZipFile(io.BytesIO(data)) as parts:
        return {name: parts.read(name) for name in parts.namelist()
                if name != "docProps/core.xml"}


def test_the_formats_that_leave_folded_charts_out() -> None:
    assert set(LEFT_OUT) == {"terminal", "markdown", "docx"}


@pytest.mark.parametrize("output_format", LEFT_OUT)
def test_a_format_that_leaves_folded_charts_out_needs_none_of_their_figures(
        every_measure: BenchmarkRun, output_format: str) -> None:
    plain = report(every_measure, True, output_format)
    lean = report(every_measure, False, output_format)
    assert len({s.measure for s in plain.series}) > FULL_CHARTS_PRINTED
    assert [(s.measure, s.authority_code) for s in lean.series] == \
        [(s.measure, s.authority_code) for s in plain.series]
    assert not any(s.points for s in lean.series)
    assert any(s.points for s in plain.series)
    assert written(lean, output_format) == written(plain, output_format)


@pytest.mark.parametrize("output_format", LEFT_OUT)
def test_a_run_for_such_a_format_makes_the_same_report_without_the_points(
        every_measure: BenchmarkRun, outlined: BenchmarkRun, output_format: str) -> None:
    assert [(s.measure, s.authority, s.authority_code, s.region, s.axis)
            for s in outlined.series] == \
        [(s.measure, s.authority, s.authority_code, s.region, s.axis)
         for s in every_measure.series]
    assert not any(s.points for s in outlined.series)
    assert outlined.rows == every_measure.rows
    assert written(report(outlined, False, output_format), output_format) == \
        written(report(every_measure, True, output_format), output_format)


def test_charts_printed_in_full_keep_their_figures(two_measures: BenchmarkRun) -> None:
    assert all(s.points for s in two_measures.series)
    lean = report(two_measures, False, "terminal")
    assert lean.series
    assert all(s.points for s in lean.series)
    assert lean == report(two_measures, True, "terminal")
