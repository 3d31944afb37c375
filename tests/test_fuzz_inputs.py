"""Mutated copies of every kind's real files, workbooks mutated in their structure, and
inputs that stress the read limits: each ends in a result or a CorpparentError that
names the file and place, no row is lost without a word, and none takes more than
1 GiB of memory or 10 s of CPU.

``make test`` reads a few hundred inputs per kind, and a few dozen per kind and
workbook format. ``CORPPARENT_FUZZ=thorough`` (``make fuzz``) reads 10,000 of each
(``CORPPARENT_FUZZ_INPUTS`` sets another number, ``CORPPARENT_FUZZ_WORKBOOKS`` another
for the workbook routes alone), and ``CORPPARENT_FUZZ_REPORT=path.json``
writes the figures of each route: inputs, results, placed errors, failures by class,
rows lost, the largest memory and CPU time. The inputs are made by :mod:`fuzz_inputs`
and :mod:`fuzz_workbooks`, each from a random generator seeded by its route and number.
An input that reaches native code (a workbook, a parquet file) is read in a process of
its own (:mod:`fuzz_server`), so an abort is counted, not fatal to the suite. Some inputs
are read under lowered read limits, each chosen with the input: many rows, a small zip
bomb, and an ``.xls`` far cell or 20,000 cells (:data:`fuzz_xls.LOWERED`, one input in a
hundred read whole), whose read whole takes seconds and tests nothing the first did not.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corpparent.files.kinds import FileKind
from corpparent.kinds import KINDS
from fuzz_inputs import (
    Seed,
    _csv_bytes,
    _csv_table,
    classified,
    file_outcome,
    mutate,
    outcome,
    rows_in,
    seeds,
)
from fuzz_routes import ForkServer, Tally, fork_servers, run_route
from fuzz_server import FILE_SLOTS, Ended, Task
from fuzz_workbooks import CONTAINERS, mutate_workbook, workbook_seeds
from fuzz_xls import (
    LOWERED,
    MAX_COLUMNS,
    MAX_ROWS,
    _many_cells,
    cell_record,
    compound_file,
    record_limits,
    sheet_records,
    workbook_stream,
)

THOROUGH = os.environ.get("CORPPARENT_FUZZ") == "thorough"
INPUTS = int(os.environ.get("CORPPARENT_FUZZ_INPUTS", 10_000 if THOROUGH else 200))
#: Workbook inputs per kind and format: each is written and read in a process of its
#: own, so the quick run reads fewer of them to stay within a minute.
WORKBOOK_INPUTS = int(os.environ.get("CORPPARENT_FUZZ_WORKBOOKS")
                      or os.environ.get("CORPPARENT_FUZZ_INPUTS")
                      or (10_000 if THOROUGH else 16))
#: The suffixes of inputs read in a process of their own: they reach native code.
NATIVE = (".xlsx", ".xlsm", ".xls", ".ods", ".parquet")
#: The kinds whose readers take workbooks, each read from every workbook format.
SHEET_KINDS = [kind.name for kind in KINDS if ".xlsx" in kind.suffixes]
WORKBOOK_ROUTES = [(kind, container) for kind in SHEET_KINDS for container in CONTAINERS]


@pytest.fixture(scope="module")
def all_seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Seed]]:
    return seeds(tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="module")
def sheet_seeds(all_seeds: dict[str, list[Seed]], tmp_path_factory: pytest.TempPathFactory
                ) -> dict[tuple[str, str], list[Seed]]:
    return workbook_seeds(all_seeds, tmp_path_factory.mktemp("workbooks"))


@pytest.fixture(scope="module")
def servers() -> Iterator[list[ForkServer]]:
    with fork_servers() as started:
        yield started


def test_every_registered_kind_has_seeds(all_seeds: dict[str, list[Seed]]) -> None:
    missing = {kind.name for kind in KINDS} - set(all_seeds)
    if missing and missing <= {"dfe-ees", "dfe-lait", "dfe-lait-dictionary",
                               "dfe-neighbours", "ofsted"} and not os.environ.get("CI"):
        pytest.skip("the DfE's published files are absent here")
    assert not missing


def test_every_kind_that_takes_workbooks_has_a_seed_in_each_format(
        all_seeds: dict[str, list[Seed]],
        sheet_seeds: dict[tuple[str, str], list[Seed]]) -> None:
    missing = [route for route in WORKBOOK_ROUTES
               if route[0] in all_seeds and route not in sheet_seeds]
    assert not missing


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_each_seed_reads_whole(kind: object, all_seeds: dict[str, list[Seed]],
                               sheet_seeds: dict[tuple[str, str], list[Seed]]) -> None:
    """The unchanged seeds are good files, every row accepted: a mutation's outcome is
    then the mutation's doing."""
    assert isinstance(kind, FileKind)
    written = [seed for (name, _), found in sheet_seeds.items() if name == kind.name
               for seed in found]
    for seed in [*all_seeds.get(kind.name, []), *written]:
        result = outcome(kind, seed.path, seed.against)
        assert result.failure is None, (seed.path, result)
        assert result.error is None, (seed.path, result)


def _file_task(kind: str, path: Path, seed: Seed, limits: dict[str, int] | None = None
               ) -> Task:
    return "fuzz_inputs:file_outcome", (kind, str(path), seed.profile, limits)


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_mutated_inputs_end_in_a_result_or_a_placed_error(
        kind: object, all_seeds: dict[str, list[Seed]], tmp_path: Path,
        servers: list[ForkServer]) -> None:
    assert isinstance(kind, FileKind)
    kind_seeds = all_seeds.get(kind.name)
    if not kind_seeds:
        pytest.skip(f"no seed for {kind.name} here")
    tally = Tally(kind.name)
    run_route(servers, tally, _inputs(kind, kind_seeds, tmp_path, tally))
    tally.record()
    assert not tally.failures, tally.verdict()


def _inputs(kind: FileKind, kind_seeds: list[Seed], folder: Path, tally: Tally
            ) -> Iterator[tuple[int, str, Task]]:
    """The mutated inputs of ``kind``: those that reach native code (a workbook, a
    parquet file) yielded as tasks for the fork server; the others (CSV, JSON, TOML,
    read by Python alone) read here, in turn, and added to ``tally``."""
    for number in range(INPUTS):
        rng = random.Random(f"{kind.name}:{number}")
        seed = rng.choice(kind_seeds)
        if seed.path.suffix.lower() in NATIVE:
            target = folder / f"{number % FILE_SLOTS}-{seed.path.name}"
            yield number, mutate(seed.path, target, rng), _file_task(kind.name, target, seed)
            continue
        target = folder / seed.path.name
        how = mutate(seed.path, target, rng)
        status, detail, lost = classified(outcome(kind, target, seed.against))
        tally.add(number, how, Ended(status, detail, lost))


def _workbook_inputs(kind: str, container: str, found: list[Seed], folder: Path
                     ) -> Iterator[tuple[int, str, Task]]:
    for number in range(WORKBOOK_INPUTS):
        rng = random.Random(f"{kind}{container}:{number}")
        seed = rng.choice(found)
        target = folder / f"{number % FILE_SLOTS}-{seed.path.name}"
        how, limits = mutate_workbook(kind, seed.path, target, rng, THOROUGH)
        yield number, how, _file_task(kind, target, seed, limits)


@pytest.mark.parametrize(("kind", "container"), WORKBOOK_ROUTES,
                         ids=[f"{kind}{container}" for kind, container in WORKBOOK_ROUTES])
def test_mutated_workbooks_end_in_a_result_or_a_placed_error(
        kind: str, container: str, sheet_seeds: dict[tuple[str, str], list[Seed]],
        tmp_path: Path, servers: list[ForkServer]) -> None:
    """Workbooks with a header repeated lower down, huge declared dimensions, a far
    cell, a zip bomb, entity expansion, repeats blown up, broken parts: each read in a
    process of its own, bounded in memory and CPU time."""
    found = sheet_seeds.get((kind, container))
    if not found:
        pytest.skip(f"no {container} seed for {kind} here")
    tally = run_route(servers, Tally(f"{kind}{container}"),
                      _workbook_inputs(kind, container, found, tmp_path))
    tally.record()
    assert not tally.failures, tally.verdict()


# --- resource inputs: cheap inputs over a read limit -------------------------------------------


def _resource_inputs(kind: str, seed: Seed, folder: Path) -> list[tuple[str, Path, dict[str, int]]]:
    """Inputs of ``kind`` built from ``seed`` that go over a read limit: the name, the
    file, and the limits lowered while it is read."""
    made: list[tuple[str, Path, dict[str, int]]] = []
    suffix = seed.path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_table(seed.path.read_bytes()) or [["a"], ["b"]]
        header, body = rows[0], rows[1:] or [[""] * len(rows[0])]
        cases = {
            "many rows": ([header, *(body[i % len(body)] for i in range(3000))], {"rows": 1000}),
            "many columns": ([header + [f"c{i}" for i in range(5000)], *body], {}),
            "a wide row": ([header, body[0] + ["1"] * 1_000_000, *body[1:]], {}),
            "a long cell": ([header, [("x" * 40_000 if i == 0 else cell)
                                      for i, cell in enumerate(body[0])], *body[1:]], {}),
        }
        for name, (table, limits) in cases.items():
            path = folder / f"{name.replace(' ', '-')}-{seed.path.name}"
            path.write_bytes(_csv_bytes(table))
            made.append((name, path, limits))
    elif suffix == ".parquet":
        table = pq.read_table(seed.path)
        path = folder / f"many-rows-{seed.path.name}"
        pq.write_table(pa.concat_tables([table] * 10), path, row_group_size=3000)
        made.append(("many rows", path, {"rows": 1000}))
        made.append(("a large row group", path, {"row_group_rows": 1000}))
        wide = folder / f"many-columns-{seed.path.name}"
        pq.write_table(pa.table({
            **{name: table.column(name).slice(0, 5) for name in table.column_names},
            **{f"c{i}": pa.array(["1"] * 5) for i in range(5000)}}), wide)
        made.append(("many columns", wide, {}))
    elif suffix == ".json":
        data = seed.path.read_bytes()
        path = folder / f"deep-{seed.path.name}"
        path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
        made.append(("deep nesting", path, {}))
        long = folder / f"long-{seed.path.name}"
        long.write_bytes(data.replace(b'"', b'"' + b"x" * 40_000, 1))
        made.append(("a long string", long, {}))
    return made


#: Resource inputs over a limit that has no read limit of its own behind it (a document
#: is bounded by its size and nesting, not rows): a result is acceptable for those.
_BOUNDED_BY_SIZE = {"a long string", "deep nesting"}


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_inputs_over_a_read_limit_end_in_a_placed_error(
        kind: object, all_seeds: dict[str, list[Seed]], tmp_path: Path,
        servers: list[ForkServer]) -> None:
    """Many rows, many columns, a million-cell row, a 40,000-character cell, deep
    nesting: each over a (possibly lowered) read limit ends in a placed error that names
    the limit, within 1 GiB and 10 s of CPU, read in a process of its own."""
    assert isinstance(kind, FileKind)
    tally = Tally(f"{kind.name} (resource)")
    inputs = []
    for seed in all_seeds.get(kind.name, []):
        for number, (name, path, limits) in enumerate(_resource_inputs(kind.name, seed,
                                                                       tmp_path)):
            inputs.append((number, f"{name}: {path.name}", _file_task(kind.name, path, seed,
                                                                      limits)))
    if not inputs:
        pytest.skip(f"no CSV, JSON or parquet seed for {kind.name}")
    names = {how: how.split(":")[0] for _, how, _ in inputs}
    results = servers[0].run([task for _, _, task in inputs])
    for (number, how, _), ended in zip(inputs, results, strict=True):
        tally.add(number, how, ended)
        if ended.status == "result" and names[how] not in _BOUNDED_BY_SIZE:
            tally.failures.append(f"{how}: read whole, over the limit ({ended.detail})")
    tally.record()
    assert not tally.failures, tally.verdict()


def test_rows_are_counted_as_a_plain_reader_counts_them(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("a,b\n1,2\n\n,\n3,4\n", encoding="utf-8")
    assert rows_in("readings", path) == 2
    path = tmp_path / "r.json"
    path.write_text('{"readings": [{}, {}, {}]}', encoding="utf-8")
    assert rows_in("readings", path) == 3


@pytest.mark.parametrize("how", sorted(LOWERED))
def test_an_xls_mutation_read_under_lowered_limits_is_refused_by_them(
        how: str, tmp_path: Path) -> None:
    """A far cell or 20,000 cells, read under :data:`fuzz_xls.LOWERED`, is refused by
    the limit lowered at the sheet's last cell, not read whole; one input in a hundred
    keeps the defaults."""
    records = sheet_records([["indicator", "value"], ["cla", "7"]])
    records[-1:-1] = ([cell_record(MAX_ROWS - 1, MAX_COLUMNS - 1, "far")] if how == "far cell"
                      else list(_many_cells()))
    path = tmp_path / "mutated.xls"
    path.write_bytes(compound_file(workbook_stream(records)))
    (limit,) = LOWERED[how]
    status, detail, _ = file_outcome("readings", str(path), None, LOWERED[how])
    assert status == "error"
    # The sheet refused at its last cell, before its cells were read: not the table.
    assert "the sheet's" in detail
    assert f"over the read limit {limit} " in detail
    kept = sum(record_limits(how, random.Random(number)) == {} for number in range(2000))
    assert 0 < kept < 60

