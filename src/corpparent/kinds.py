"""Every kind of file corpparent reads, for the commands that take any of them.

The input file kinds are registered in `corpparent.files.kinds`; the JSON report,
whose model belongs to the report layer above the files layer, is registered here
beside them, so ``corpparent validate`` and ``corpparent schema`` iterate one
`KINDS` and hold no list of their own.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from corpparent.errors import DataError, Problem, UnknownNameError
from corpparent.files._tabular.documents import read_document
from corpparent.files._tabular.problems import Locator, problems_from_validation, shown
from corpparent.files.kinds import KINDS as FILE_KINDS, Against, FileKind, sniff
from corpparent.report.model import REPORT_MODELS, report_adapter, report_schema

__all__ = ["KINDS", "detect", "kind_named"]

_log = logging.getLogger(__name__)

def _report(path: Path, _against: Against) -> str:
    data, where = read_document(path, (".json",))
    try:
        report = report_adapter().validate_python(data)
    except ValidationError as exc:
        raise DataError(_report_problems(exc, data, where)) from None
    return f"a {report.kind} report, {len(report.findings)} findings"


def _report_problems(exc: ValidationError, data: Any, where: Locator) -> list[Problem]:
    """The problems of a report file: a document that is no object is a problem of the
    document, showing what it is; a ``kind`` that names no kind of report is a problem
    of ``kind``; others are placed as the model of the report's kind names them."""
    kinds = " or ".join(repr(name) for name in REPORT_MODELS)
    if not isinstance(data, dict):
        return [where.problem(expected=f"an object with a 'kind' of {kinds}",
                              found=shown(data))]
    kind = data.get("kind")
    model = REPORT_MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        return [where.problem(("kind",), expected=kinds, found=shown(kind))]
    return problems_from_validation(exc, where, model=model, tag=kind)


#: Every registered kind of file, in the order a file is tried against them.
KINDS: tuple[FileKind, ...] = (
    FileKind("report", "a JSON report written by corpparent", ("json",),
             lambda s: s.keyed and s.has("schema_version", "kind"), _report, report_schema),
    *FILE_KINDS,
)


def kind_named(name: str) -> FileKind:
    """The registered kind called ``name``; an unknown name is an
    [`UnknownNameError`][corpparent.errors.UnknownNameError] listing the kinds there are."""
    for kind in KINDS:
        if kind.name == name:
            return kind
    raise UnknownNameError(f"no kind of file {name!r}; the kinds are "
                           + ", ".join(kind.name for kind in KINDS))


def detect(path: Path) -> FileKind:
    """The kind of the file at ``path``, told from its suffix and its columns or keys."""
    sniffed = sniff(path)
    for kind in KINDS:
        if kind.recognises(sniffed):
            _log.info("%s: taken to be %s (%s), from its suffix and columns or keys", path,
                      kind.name, kind.description)
            return kind
    names = ", ".join(kind.name for kind in KINDS)
    raise DataError.single(str(path), "cannot tell what kind of file this is from its "
                           f"columns or keys; give --kind (one of {names})")
