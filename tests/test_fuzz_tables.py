"""Tables held in memory, with odd types, read by every reader that takes a
``TableSource``: each ends in a result or a CorpparentError that names the table and
the place, no row is lost without a word, and none aborts the process or takes more
than 1 GiB of memory or 10 s of CPU.

Every kind read from tables is a route per container (a list of dicts, a pandas or a
polars DataFrame, a pyarrow Table). ``make test`` reads ten inputs per route;
``CORPPARENT_FUZZ=thorough`` reads 3,000 (``CORPPARENT_FUZZ_TABLES``, or else
``CORPPARENT_FUZZ_INPUTS``, sets another number), and
``CORPPARENT_FUZZ_REPORT=path.json`` writes each route's figures. Each input is built
and read in a process of its own (:mod:`fuzz_server`), since a frame reaches pyarrow's
and polars' native code: an abort is counted, not fatal to the suite.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from fuzz_inputs import Seed, seeds
from fuzz_routes import ForkServer, Tally, fork_servers, run_route
from fuzz_server import Task
from fuzz_tables import CONTAINERS, TABLE_KINDS, planned, table_outcome

THOROUGH = os.environ.get("CORPPARENT_FUZZ") == "thorough"
TABLE_INPUTS = int(os.environ.get("CORPPARENT_FUZZ_TABLES")
                   or os.environ.get("CORPPARENT_FUZZ_INPUTS")
                   or (3_000 if THOROUGH else 10))
ROUTES = [(kind, container) for kind in TABLE_KINDS for container in CONTAINERS]


@pytest.fixture(scope="module")
def csv_seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Seed]]:
    found = seeds(tmp_path_factory.mktemp("seeds"))
    return {kind: [seed for seed in found.get(kind, []) if seed.path.suffix == ".csv"]
            for kind in TABLE_KINDS}


@pytest.fixture(scope="module")
def servers() -> Iterator[list[ForkServer]]:
    with fork_servers() as started:
        yield started


def _inputs(kind: str, container: str, found: list[Seed]) -> Iterator[tuple[int, str, Task]]:
    for number in range(TABLE_INPUTS):
        seed = found[number % len(found)]
        yield number, seed.path.name, ("fuzz_tables:table_outcome",
                                       (kind, str(seed.path), seed.profile, container, number))


@pytest.mark.parametrize(("kind", "container"), ROUTES,
                         ids=[f"{kind}-{container}" for kind, container in ROUTES])
def test_tables_end_in_a_result_or_a_placed_error(
        kind: str, container: str, csv_seeds: dict[str, list[Seed]],
        servers: list[ForkServer]) -> None:
    found = csv_seeds.get(kind)
    if not found:
        pytest.skip(f"no CSV seed for {kind} here")
    tally = run_route(servers, Tally(f"{kind} from {container}"), _inputs(kind, container, found))
    tally.record()
    assert not tally.failures, tally.verdict()


@pytest.mark.parametrize("container", CONTAINERS)
def test_the_unchanged_seed_reads_whole_from_each_container(
        container: str, csv_seeds: dict[str, list[Seed]]) -> None:
    """The seeds as plain text tables are read whole: an input's outcome is then its
    changes' doing. (Read here, in this process: a plain table of text is safe.)"""
    seed = csv_seeds["readings"][0]
    status, detail, lost = table_outcome("readings", str(seed.path), seed.profile,
                                         container, _plain_number(seed.path, container))
    assert (status, lost) == ("result", 0), detail


def _plain_number(seed: Path, container: str) -> int:
    """The number of an input of the readings route left as the seed's text."""
    for number in range(500):
        how = planned("readings", seed, container, number)[3]
        if how == "none; text":
            return number
    raise AssertionError("no input of 500 is the seed unchanged")


@pytest.mark.parametrize(("how", "status"), [
    ("returns", "result"), ("abort", "aborted"), ("segfault", "aborted"),
    ("allocate", "over memory"), ("spin", "over time"), ("sleep", "over time"),
    ("raise", "failure"), ("exit", "aborted"), ("print", "result"), ("fork", "result")])
def test_the_fork_server_counts_what_would_end_a_process_as_that_input_failing(
        how: str, status: str, small_server: ForkServer) -> None:
    """An abort, a crash, 2 GiB allocated, a spin past the CPU bound, a sleep past the
    clock's, an exception, an exit without a result: each is that input's outcome, read
    in a batch after an input that returns, and the server goes on to the next (a print
    to standard output corrupts nothing, and a child forked and left running neither
    holds the server up nor outlives the input).
    """
    before, first, after = small_server.run([("fuzz_routes:probe", ("before",)),
                                             ("fuzz_routes:probe", (how,)),
                                             ("fuzz_routes:probe", ("returns",))])
    assert (before.status, before.detail) == ("result", "before")
    assert first.status == status, first
    assert first.failed == (status not in ("result", "error"))
    assert (after.status, after.detail) == ("result", "returns")


def test_the_fork_server_measures_each_input_of_a_batch_on_its_own(
        small_server: ForkServer) -> None:
    """Inputs read one after another in one process: each one's CPU time and peak
    memory are its own, not those of the inputs before it. The input after the two
    does nothing: its CPU time is well under the 0.3 s the first spent (writing 200 MiB
    may itself take a quarter of a second on a busy machine, so the second's is not
    the measure)."""
    burn, hold, after = small_server.run([("fuzz_routes:probe", ("burn",)),
                                          ("fuzz_routes:probe", ("hold",)),
                                          ("fuzz_routes:probe", ("returns",))])
    assert (burn.status, hold.status, after.status) == ("result",) * 3
    assert burn.cpu_seconds >= 0.25
    assert after.cpu_seconds < 0.25
    assert hold.rss_bytes >= 190 * 2**20  # 200 MiB written, less what was resident
    assert burn.rss_bytes < 100 * 2**20
    assert after.rss_bytes < 100 * 2**20


@pytest.fixture(scope="module")
def small_server() -> Iterator[ForkServer]:
    """A server whose bounds are short, so a spin or a sleep is over them in a second
    or two (the suite's server allows 10 s of CPU and 20 s by the clock)."""
    with ForkServer(cpu_seconds=1, wall_seconds=2) as started:
        yield started
