"""Writing a synthetic SSDA903 return
([`Synthetic`][corpparent.ssda903.Synthetic]) as the folders councils hold: one
folder per collection year (``2023-24/``), each with the year's CSV tables, which
[`read_returns`][corpparent.files.ssda903.read_returns] and the DfE's validator read."""

from __future__ import annotations

from pathlib import Path

from corpparent.errors import DataError
from corpparent.ssda903.synthetic import Synthetic

__all__ = ["write_returns"]


def write_returns(synthetic: Synthetic, folder: Path) -> list[Path]:
    """Write each year's CSV tables into ``folder/YYYY-YY/``; the year folders written,
    oldest first. A year's folder that already holds CSV tables is refused (a
    [`DataError`][corpparent.errors.DataError]) before anything is written, so no return
    is mixed with another."""
    targets = [folder / str(year) for year in synthetic.years]
    for target in targets:
        if target.is_dir() and any(target.glob("*.csv")):
            raise DataError.single(str(target), "the folder already holds CSV tables",
                                   expected="an empty or new folder")
    for year, target in zip(synthetic.years, targets, strict=True):
        target.mkdir(parents=True, exist_ok=True)
        for name, text in synthetic.csv(year).items():
            (target / name).write_text(text, encoding="utf-8")
    return targets
