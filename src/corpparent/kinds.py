"""Every kind of file corpparent reads, for the commands that take any of them.

The input file kinds are registered in :mod:`corpparent.files.kinds`; the JSON report,
whose model belongs to the report layer above the files layer, is registered here
beside them, so ``corpparent validate`` and ``corpparent schema`` iterate one
:data:`KINDS` and hold no list of their own.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from corpparent.errors import DataError
from corpparent.files.documents import read_document
from corpparent.files.kinds import KINDS as FILE_KINDS, Against, FileKind, sniff
from corpparent.files.problems import problems_from_validation, shown
from corpparent.report.model import FindingsReport, ScorecardReport, report_schema

__all__ = ["KINDS", "detect", "kind_named"]

_REPORTS: dict[str, type[ScorecardReport] | type[FindingsReport]] = {
    "scorecard": ScorecardReport, "findings": FindingsReport}


def _report(path: Path, _against: Against) -> str:
    data, where = read_document(path, (".json",))
    kind = data.get("kind") if isinstance(data, dict) else None
    model = _REPORTS.get(kind) if isinstance(kind, str) else None
    if model is None:
        raise DataError([where.problem(("kind",), expected="'scorecard' or 'findings'",
                                       found=shown(kind))])
    try:
        report = model.model_validate(data)
    except ValidationError as exc:
        raise DataError(problems_from_validation(exc, where, model=model)) from None
    return f"a {report.kind} report, {len(report.findings)} findings"


#: Every registered kind of file, in the order a file is tried against them.
KINDS: tuple[FileKind, ...] = (
    FileKind("report", "a JSON report written by corpparent", (".json",),
             lambda s: s.keyed and s.has("schema_version", "kind"), _report, report_schema),
    *FILE_KINDS,
)


def kind_named(name: str) -> FileKind:
    """The registered kind called ``name``."""
    for kind in KINDS:
        if kind.name == name:
            return kind
    raise KeyError(name)


def detect(path: Path) -> FileKind:
    """The kind of the file at ``path``, told from its suffix and its columns or keys."""
    sniffed = sniff(path)
    for kind in KINDS:
        if kind.recognises(sniffed):
            return kind
    names = ", ".join(kind.name for kind in KINDS)
    raise DataError.single(str(path), "cannot tell what kind of file this is from its "
                           f"columns or keys; give --kind (one of {names})")
