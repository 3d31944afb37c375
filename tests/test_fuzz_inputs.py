"""Mutated copies of every kind's real files: each ends in a result or a CorpparentError
that names the file and place, and no row is lost without a word.

``make test`` reads a few hundred inputs per kind. ``CORPPARENT_FUZZ=thorough`` reads
10,000 per kind (``CORPPARENT_FUZZ_INPUTS`` sets another number), and
``CORPPARENT_FUZZ_REPORT=path.json`` writes the figures of the run. The inputs are made
by :mod:`fuzz_inputs`, each from a random generator seeded by its kind and number.
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from pathlib import Path

import pytest

from corpparent.files.kinds import FileKind
from corpparent.kinds import KINDS
from fuzz_inputs import Seed, mutate, outcome, rows_in, seeds

THOROUGH = os.environ.get("CORPPARENT_FUZZ") == "thorough"
INPUTS = int(os.environ.get("CORPPARENT_FUZZ_INPUTS", 10_000 if THOROUGH else 200))
REPORT = os.environ.get("CORPPARENT_FUZZ_REPORT")


@pytest.fixture(scope="module")
def all_seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Seed]]:
    return seeds(tmp_path_factory.mktemp("seeds"))


def test_every_registered_kind_has_seeds(all_seeds: dict[str, list[Seed]]) -> None:
    missing = {kind.name for kind in KINDS} - set(all_seeds)
    if missing and missing <= {"dfe-ees", "dfe-lait", "dfe-lait-dictionary",
                               "dfe-neighbours", "ofsted"} and not os.environ.get("CI"):
        pytest.skip("the DfE's published files are absent here")
    assert not missing


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_each_seed_reads_whole(kind: object, all_seeds: dict[str, list[Seed]]) -> None:
    """The unchanged seeds are good files, every row accepted: a mutation's outcome is
    then the mutation's doing."""
    assert isinstance(kind, FileKind)
    for seed in all_seeds.get(kind.name, []):
        result = outcome(kind, seed.path, seed.against)
        assert result.failure is None, (seed.path, result)
        assert result.error is None, (seed.path, result)


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_mutated_inputs_end_in_a_result_or_a_placed_error(
        kind: object, all_seeds: dict[str, list[Seed]], tmp_path: Path) -> None:
    assert isinstance(kind, FileKind)
    kind_seeds = all_seeds.get(kind.name)
    if not kind_seeds:
        pytest.skip(f"no seed for {kind.name} here")
    failures: list[str] = []
    ended: Counter[str] = Counter()
    lost = 0
    for number in range(INPUTS):
        rng = random.Random(f"{kind.name}:{number}")
        seed = rng.choice(kind_seeds)
        target = tmp_path / seed.path.name
        how = mutate(seed.path, target, rng)
        result = outcome(kind, target, seed.against)
        ended["result" if result.error is None and result.failure is None else
              "error" if result.failure is None else "failure"] += 1
        lost += result.rows_lost
        if result.failure is not None:
            failures.append(f"input {number} ({how}): {result.failure}")
    _record(kind.name, ended, lost, failures)
    assert not failures, f"{len(failures)} of {INPUTS}:\n" + "\n".join(failures[:20])


def _record(kind: str, ended: Counter[str], lost: int, failures: list[str]) -> None:
    """Add this kind's figures to the report file, when one is asked for."""
    if not REPORT:
        return
    path = Path(REPORT)
    figures = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    figures[kind] = {"inputs": INPUTS, **ended, "rows_unaccounted": lost,
                     "failures": failures[:50]}
    path.write_text(json.dumps(figures, indent=1), encoding="utf-8")


def test_rows_are_counted_as_a_plain_reader_counts_them(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("a,b\n1,2\n\n,\n3,4\n", encoding="utf-8")
    assert rows_in("readings", path) == 2
    path = tmp_path / "r.json"
    path.write_text('{"readings": [{}, {}, {}]}', encoding="utf-8")
    assert rows_in("readings", path) == 3
