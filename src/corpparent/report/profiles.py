"""Output profiles: who a report is for, and so what it may show.

* ``public``: for publication (a committee paper in the public part of the agenda);
  small counts of children are always withheld and input files are named without
  their folders.
* ``private``: the panel's own papers, taken in private session because they contain
  exempt information about individuals (Local Government Act 1972, Schedule 12A,
  paragraphs 1 and 2); nothing withheld; marked not for publication.
* ``internal``: the officers' working copy; nothing withheld; full file paths.

Without a profile, HTML, Markdown and Word (papers that may be published) are ``public``
and the terminal, JSON and the tidy tables (tools and analysts) are ``internal``.

Every file states its profile where a reader opens it (`about`): the papers and
the terminal print the `banner` at their top, the Word paper also in its page
header and document properties, the workbook on its first sheet (``About``) and in its
properties, the tidy tables in a ``profile`` column on every row and, in Parquet, in the
file's metadata; JSON has its ``profile`` field.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, get_args

from corpparent.errors import DefinitionError
from corpparent.report.formats import backend
from corpparent.report.model import AnyReport, Profile, SuppressionNote

__all__ = [
    "PROFILES",
    "PROFILE_NOTES",
    "UNPROTECTED_NOTE",
    "about",
    "banner",
    "default_profile",
    "parse_profile",
    "suppresses",
]

PROFILES: Final[tuple[Profile, ...]] = get_args(Profile)

#: The banner each profile prints at the top of a report.
PROFILE_NOTES: Final = MappingProxyType(
    {
        "public": "For publication.",
        "private": (
            "Private: for the panel in private session. Contains exempt information "
            "(Local Government Act 1972, Schedule 12A). Not for publication."
        ),
        "internal": "Internal working copy for officers. Not for publication.",
    }
)

def default_profile(output_format: str) -> Profile:
    """``public`` for a format that makes a paper that may be published (HTML, Markdown
    and Word), ``internal`` for everything else: as each format is registered."""
    return "public" if backend(output_format).publishable else "internal"


def suppresses(profile: Profile) -> bool:
    """Whether a profile withholds small numbers by default."""
    return profile == "public"


def parse_profile(text: str) -> Profile:
    """The profile named ``text``; a [`DefinitionError`][corpparent.errors.DefinitionError] names
    the choices."""
    for profile in PROFILES:
        if profile == text.strip().lower():
            return profile
    raise DefinitionError(f"unknown profile {text!r}; expected one of {', '.join(PROFILES)}")


#: The banner of a ``public`` report whose small counts were not withheld: it is not fit
#: for publication, whatever its profile says.
UNPROTECTED_NOTE: Final = (
    "Not for publication: small counts of children are shown, as suppression is off."
)


def banner(profile: Profile, suppression: SuppressionNote) -> str:
    """The line at the top of a report: who it is for, and whether numbers are withheld.

    A public report says "For publication" only when small counts were withheld: with
    suppression off (``--no-suppress``), or a threshold of 1 that withholds nothing, it
    says it is not for publication."""
    note = PROFILE_NOTES[profile]
    if suppression.published_only:
        return (f"{note} Its figures are published official statistics, withheld where "
                "their publishers withheld them.")
    protected = suppression.applied and suppression.threshold > 1
    if suppression.applied and not suppression.counts_shown:
        return f"{note} It shows no counts of children." if profile == "public" else note
    if profile == "public" and not protected:
        return UNPROTECTED_NOTE
    if protected:
        return (f"{note} Counts of fewer than {suppression.threshold} children are shown as "
                f"{suppression.symbol}.")
    return note


def about(report: AnyReport) -> tuple[tuple[str, str], ...]:
    """Who ``report`` is for, as ``(label, text)`` pairs: its profile, its banner (which
    says "Not for publication" unless it may be published), how small counts were
    withheld, and what it reports. Files without a banner line (the workbook's first
    sheet, Parquet metadata, Word's properties) state these."""
    pairs = [("Profile", report.profile),
             ("Who it is for", banner(report.profile, report.suppression))]
    if report.suppression.footnote:
        pairs.append(("Withheld figures", report.suppression.footnote))
    pairs.append(("Title", report.title))
    if report.authority:
        pairs.append(("Authority", report.authority))
    if report.period:
        pairs.append(("Period", report.period))
    return tuple(pairs)
