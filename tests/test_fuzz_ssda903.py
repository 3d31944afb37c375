"""Mutated SSDA903 returns, as CSV tables and as the DfE's XML: each ends in a result or
a DataError whose every problem names its file and its line or field, and a result
holds every row the input holds.

``make test`` reads 200 inputs per route; ``CORPPARENT_FUZZ=thorough`` (``make fuzz``)
reads 10,000 (``CORPPARENT_FUZZ_INPUTS`` sets another number), and
``CORPPARENT_FUZZ_REPORT=path.json`` writes each route's figures. The inputs are made by
:mod:`fuzz_ssda903` from synthetic returns, each from a random generator seeded by its
route and number. The reader is Python and expat alone, so each input is read here, in
turn.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from fuzz_routes import Tally
from fuzz_server import Ended
from fuzz_ssda903 import YEAR, mutate_folder, mutate_xml, return_outcome, return_seeds

THOROUGH = os.environ.get("CORPPARENT_FUZZ") == "thorough"
INPUTS = int(os.environ.get("CORPPARENT_FUZZ_INPUTS", 10_000 if THOROUGH else 200))
ROUTES = ("csv", "xml")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    return return_seeds(tmp_path_factory.mktemp("returns"))


def test_each_seed_reads_whole(seeds: dict[str, list[Path]]) -> None:
    """The unchanged seeds are good returns, every row read: a mutation's outcome is
    then the mutation's doing."""
    for route in ROUTES:
        for seed in seeds[route]:
            status, detail, _ = return_outcome(seed)
            assert status == "result", (seed, detail)


@pytest.mark.parametrize("route", ROUTES)
def test_mutated_returns_end_in_a_result_or_a_placed_error(
        route: str, seeds: dict[str, list[Path]], tmp_path: Path) -> None:
    tally = Tally(f"ssda903 {route}")
    for number in range(INPUTS):
        rng = random.Random(f"ssda903-{route}:{number}")
        seed = rng.choice(seeds[route])
        if route == "csv":
            target = tmp_path / YEAR
            how = mutate_folder(seed, target, rng)
        else:
            target = tmp_path / "return.xml"
            how = mutate_xml(seed, target, rng)
        status, detail, lost = return_outcome(target)
        tally.add(number, how, Ended(status, detail, lost))
    tally.record()
    assert not tally.failures, tally.verdict()
    assert tally.ended.get("error", 0) > INPUTS // 4, tally.figures()
