"""The disclosure record at the command line: each public paper is protected against
everything the authority's earlier public papers published, and adds what it publishes.

A panel's monthly, quarterly and annual papers are written by separate commands, weeks
apart. `Recording` carries the ``--disclosure-record`` options of one command:

* before a public paper is finished, the figures the authority's record holds (and those
  of the papers this command has already finished, for ``-p`` given several times) are
  handed to [`finish`][corpparent.report.output.finish] as figures every reader has;
* before the paper is written, the figures it shows are added to the record
  (`corpparent.files.panel.disclosure_record`), never a withheld one. A paper the record
  does not hold would leave the next paper unprotected against it, so a paper whose
  recording fails is not written; a paper recorded but not written (the command stopped
  between the two) only makes later papers more cautious.

The record is the authority's (`corpparent.cli.record_owner.Owner`): its
plug-in's identifier, whatever name ``--name`` shows it under, so that every paper about
one authority is protected against all the others. Only a public paper with small counts
withheld is recorded: an internal or private copy publishes nothing, and a paper with
suppression off is not fit for publication. A paper with no plug-in (an indicator set
given with ``--indicators``) is recorded under the name ``--name`` gives, and one with
neither only where ``--disclosure-record`` names the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import final

import click
from attrs import define, field

from corpparent.cli.record_owner import Owner
from corpparent.files.panel.disclosure_record import (
    default_record_path,
    older_records,
    read_records,
    record_published,
)
from corpparent.report.disclosure import Figures, Key, figures_of
from corpparent.report.model import AnyReport, FindingsReport, ScorecardReport

__all__ = ["Recording"]


def _publishable(report: AnyReport) -> bool:
    """Whether ``report`` is a public paper with its small counts withheld."""
    return (isinstance(report, ScorecardReport | FindingsReport)
            and report.profile == "public" and report.suppression.applied
            and report.suppression.threshold > 1)


@final
@define
class Recording:
    """Where a command's public papers are recorded (``path``, else the authority's
    record in the user's data folder; nowhere when ``enabled`` is false), and what the
    papers it has finished so far publish."""

    path: Path | None = None
    enabled: bool = True
    _run: dict[Key, float] = field(factory=dict)
    _run_withheld: set[Key] = field(factory=set)
    _finished: list[tuple[AnyReport, Figures]] = field(factory=list)

    def _where(self, owner: Owner | None) -> tuple[Path, str | None, Owner | None] | None:
        if not self.enabled:
            return None
        if self.path is not None:
            return self.path, None if owner is None else owner.key, owner
        if owner is None:
            return None
        return default_record_path(owner.key), owner.key, owner

    def earlier(self, public: bool, owner: Owner | None
                ) -> tuple[Mapping[Key, float] | None, frozenset[Key]]:
        """What earlier public papers about ``owner``'s authority (its record's, and this
        command's) published, and the keys of what they withheld; nothing for a paper
        that is not public."""
        where = self._where(owner) if public else None
        if where is None:
            if not public:
                return None, frozenset()
            return dict(self._run), frozenset(self._run_withheld)
        path, key, owner = where
        names = () if owner is None else owner.names
        record = read_records(path, key, names=names, earlier=self._older(path, names))
        return ({**record.known, **self._run},
                record.withheld | frozenset(self._run_withheld))

    def _older(self, path: Path, names: tuple[str, ...]) -> tuple[Path, ...]:
        """The records earlier builds kept in the data folder under ``names``: read with
        the authority's own (not with a record ``--disclosure-record`` names)."""
        return () if self.path is not None else older_records(path, names)

    def finished(self, report: AnyReport) -> None:
        """Note what the finished ``report`` publishes, for this command's later papers."""
        if _publishable(report):
            figures = figures_of(report)
            self._run.update({k: v for k, v in figures.values.items() if v is not None})
            self._run_withheld.update(figures.withheld)
            self._finished.append((report, figures))

    def publishing(self, report: AnyReport, target: Path | None, owner: Owner | None) -> None:
        """Add what ``report``, about to be written to ``target`` (or printed), publishes
        to the record of ``owner``'s authority: called before the paper is written, so
        that a paper is on disk only once the record holds it."""
        if not _publishable(report):
            return
        where = self._where(owner)
        if where is None:
            if self.enabled:
                click.echo("corpparent: warning: the paper names no authority, so it is not "
                           "added to a disclosure record; give --authority, --name or "
                           "--disclosure-record FILE", err=True)
            return
        figures = next((found for done, found in self._finished if done is report), None)
        figures = figures_of(report) if figures is None else figures
        shown = {k: v for k, v in figures.values.items() if v is not None}
        if not shown and not figures.withheld:
            return
        period = getattr(report, "period", None)
        paper = target.name if target is not None else (
            f"{report.title} ({period})" if period else report.title)
        path, key, owner = where
        names = () if owner is None else owner.names
        record_published(path, key, paper, shown, figures.withheld, names=names,
                         earlier=self._older(path, names))
