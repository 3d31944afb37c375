"""From a report to one output format, with its profile and suppression.

[`finish`][corpparent.report.output.finish] applies the output profile and small-number suppression
the way the command line does (suppression on for the papers that may be published, off for the
data formats, always on for the ``public`` profile unless asked otherwise);
[`render`][corpparent.report.output.render] writes a text format and
[`render_binary`][corpparent.report.output.render_binary] any format as bytes. The formats are those
registered in `corpparent.report.formats`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import PurePath
from typing import Any, TypeVar

from corpparent._moved import moved_name
from corpparent.disclosure.tables import DEFAULT_THRESHOLD
from corpparent.errors import DefinitionError
from corpparent.report.formats import RenderOptions, backend
from corpparent.report.model import (
    AnyReport,
    BenchmarkReport,
    FindingsReport,
    Profile,
    ScorecardReport,
)
from corpparent.report.profiles import default_profile, suppresses

__all__ = ["finish", "render", "render_binary"]

R = TypeVar("R", ScorecardReport, FindingsReport, BenchmarkReport)


def finish(
    report: R,
    output_format: str,
    *,
    profile: Profile | None = None,
    suppress_small: bool | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    published: Mapping[tuple[str, ...], float] | None = None,
    withheld_before: Collection[tuple[str, ...]] = (),
) -> R:
    """``report`` under ``profile`` (default by format), suppressed where it should be.

    ``suppress_small`` overrides the profile's default either way. ``published``: the
    figures a reader already has, by key (``("value", indicator, period)``, ...): the
    authority's disclosure record, the DfE's published figures; nothing is published
    that would give a withheld figure away with them. ``withheld_before``: the keys of the
    figures earlier public papers withheld, withheld here too. The ``public`` profile names
    input files without their folders, digests or sizes, and leaves out of the findings'
    evidence how to mend a source, which is for its keeper
    (`corpparent.report.public_findings`).
    Suppression is applied here, once, to the report document, before any format renders
    it.
    """
    backend(output_format)  # an unknown format is refused before any work
    chosen = profile or default_profile(output_format)
    withhold = suppresses(chosen) if suppress_small is None else suppress_small
    update: dict[str, object] = {"profile": chosen}
    if chosen == "public":
        # A published paper need not reveal the council's file system; nor give a file's
        # digest and size, with which a reader who knows its layout can try each value
        # of a withheld count until the digest matches.
        inputs = [i.model_copy(update={"path": PurePath(i.path).name, "sha256": None,
                                       "bytes": None})
                  for i in report.provenance.inputs]
        update["provenance"] = report.provenance.model_copy(update={"inputs": inputs})
    finished = report.model_copy(update=update)
    if chosen == "public" and isinstance(finished, ScorecardReport | FindingsReport):
        # how to mend a source is for its keeper, not a published paper's reader (the
        # rules it reads are the panel's, imported only for such a paper)
        from corpparent.report.public_findings import for_publication

        finished = for_publication(finished)
    if not withhold:
        return finished
    from corpparent.report.suppression import Suppression, suppress  # only where it is used

    return suppress(finished, Suppression(threshold), published=published,
                    withheld_before=withheld_before)


def render(
    report: AnyReport,
    output_format: str,
    *,
    width: int = 120,
    color: bool = False,
) -> str:
    """The text of ``report`` in ``output_format``, a text format."""
    chosen = backend(output_format)
    if chosen.binary:
        raise DefinitionError(f"{output_format} is a binary format: write it to a file")
    written = chosen.write(report, RenderOptions(width=width, color=color))
    assert isinstance(written, str)
    return written


def render_binary(report: AnyReport, output_format: str,
                  options: RenderOptions | None = None) -> bytes:
    """The bytes of ``report`` in ``output_format``: a binary format, or a text format
    encoded as UTF-8."""
    written = backend(output_format).write(report, options)
    return written if isinstance(written, bytes) else written.encode("utf-8")


def __getattr__(name: str) -> Any:
    """0.2's names that moved to another module, each warning with its new home."""
    return moved_name(__name__, name)
