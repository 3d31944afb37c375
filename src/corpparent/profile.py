"""An authority's profile: who it is, what it measures, and where every figure came from.

A profile is what an authority plug-in provides. It gathers, for one local authority,
its identity (a short identifier such as ``wiltshire``, its name, its GSS code
``E06000054`` and DfE code ``865``, its region), its
[`IndicatorSet`][corpparent.indicators.sets.IndicatorSet] with the expected ranges and targets set
for each year, its strategic priorities with their leads, and the documents its figures are taken
from. Every indicator, range, target and priority carries a ``source`` naming the document and
clause it comes from, so a reader can check each number against the report that set it.

Its comparator set ([`ComparatorSet`][corpparent.comparators.ComparatorSet]) names the
statistical neighbours and holds the comparator values the authority's reports quote;
its [`Constitution`][corpparent.governance.Constitution] holds what the panel's terms of
reference require, beside the membership and meetings its documents record and the
reporting obligations ([`ObligationSet`][corpparent.obligations.ObligationSet]) it must meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import final

from attrs import field, frozen

from corpparent.comparators.sets import ComparatorSet
from corpparent.errors import DefinitionError, UnknownNameError
from corpparent.governance.constitution import Constitution
from corpparent.governance.meetings import Meetings
from corpparent.governance.membership import Membership
from corpparent.indicators.sets import IndicatorSet
from corpparent.obligations.definitions import ObligationSet
from corpparent.periods import Period
from corpparent.rulesets import RulesByYear, YearRules, all_indicators

__all__ = ["ENTRY_POINT_GROUP", "AuthorityProfile", "Document", "Priority", "check_identifier"]

#: The entry-point group under which distributions register authority profiles.
ENTRY_POINT_GROUP = "corpparent.authorities"

_IDENTIFIER = re.compile(r"[a-z][a-z0-9_\-]*")
_GSS = re.compile(r"E\d{8}")
_DFE = re.compile(r"\d{3}")


def check_identifier(value: str, what: str = "identifier") -> str:
    """``value`` if it is a short lower-case identifier (``wiltshire``, ``loving-home``)."""
    if not _IDENTIFIER.fullmatch(value):
        raise DefinitionError(
            f"{what} {value!r} must be lower-case letters, digits, '_' or '-', "
            "starting with a letter"
        )
    return value


def _identifier(_instance: object, attribute: object, value: str) -> None:
    check_identifier(value, getattr(attribute, "name", "identifier"))


def _strings(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _meetings(value: Meetings | None) -> Meetings:
    """``None`` (no meetings on record) is the empty record: a plug-in file cannot tell
    "none held" from "none recorded", so neither does the profile."""
    return Meetings() if value is None else value


def _obligations(value: ObligationSet | None) -> ObligationSet:
    """``None`` (no obligations declared) is the empty set, as for meetings."""
    return ObligationSet(()) if value is None else value


def _priorities(items: Iterable[Priority]) -> tuple[Priority, ...]:
    return tuple(items)


def _documents(items: Iterable[Document]) -> tuple[Document, ...]:
    return tuple(items)


@final
@frozen
class Document:
    """A document figures are taken from, cited by its ``id`` (``"002"``) in ``source``
    fields such as ``"002 §30"``."""

    id: str
    title: str
    date: str = ""
    url: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.id.strip() or not self.title.strip():
            raise DefinitionError("a source document needs an id and a title")


@final
@frozen
class Priority:
    """A strategic priority of the panel, with the councillors and officers who lead it.

    Wiltshire: "Each member of the Panel has a lead role for a strategic priority
    ensuring oversight and critical challenge" (002 §15). ``strategy`` names the
    strategy that set it, since priorities are revised with each strategy; ``domains``
    are the scorecard domains the panel links it to (002 §10).
    """

    id: str = field(validator=_identifier)
    title: str
    leads: tuple[str, ...] = field(default=(), converter=_strings)
    officers: tuple[str, ...] = field(default=(), converter=_strings)
    strategy: str = ""
    domains: tuple[str, ...] = field(default=(), converter=_strings)
    source: str = ""


@final
@frozen
class AuthorityProfile:
    """Everything corpparent knows about one authority, each figure with its source.

    ``id`` is the plug-in identifier (``wiltshire``); ``gss_code`` and ``dfe_code`` are
    the ONS area code and the DfE local-authority number (empty for a profile such as
    ``national`` that is not one authority). ``domains`` lists the scorecard's domains in
    order, including any that have no indicator yet; every indicator's domain must be
    one of them when they are given. ``documents`` are the sources cited by the
    ``source`` fields. ``comparators`` is the set of comparators the authority reports
    against (England, region, statistical neighbours, Outstanding authorities).
    ``constitution`` is what the panel's terms of reference require (seats, quorum,
    meeting frequency, ...); ``membership`` and ``meetings`` are the panel's membership
    and meetings as the source documents record them; ``obligations`` what the panel
    must report, to whom and when. ``meetings`` and ``obligations`` are empty, never
    ``None``, when the profile has none: test them with ``len`` or truth.
    """

    id: str = field(validator=_identifier)
    name: str
    indicators: IndicatorSet = field(factory=lambda: IndicatorSet(()))
    gss_code: str = ""
    dfe_code: str = ""
    region: str = ""
    domains: tuple[str, ...] = field(default=(), converter=_strings)
    priorities: tuple[Priority, ...] = field(default=(), converter=_priorities)
    documents: tuple[Document, ...] = field(default=(), converter=_documents)
    description: str = ""
    source: str = ""
    comparators: ComparatorSet | None = None
    constitution: Constitution | None = None
    membership: Membership | None = None
    meetings: Meetings = field(factory=Meetings, converter=_meetings)
    obligations: ObligationSet = field(factory=lambda: ObligationSet(()),
                                       converter=_obligations)
    rule_sets: RulesByYear | None = None
    """The rules by year, when the plug-in says which year its rules were set for: the
    first set is the profile's own indicators, comparators, constitution and
    obligations; later ones are built from it (see [`corpparent.rulesets`][corpparent.rulesets])."""

    def rule_set_for(self, period: Period | date) -> YearRules | None:
        """The rule set in force for ``period``: the one place every job chooses it.

        ``None`` when the profile declares no years (its own indicators, comparators,
        constitution and obligations apply to every period); the last year's rules
        carried forward, and saying so, for a period after the last year declared
        ([`in_force`][corpparent.rulesets.RulesByYear.in_force]);
        [`BeforeFirstYearError`][corpparent.rulesets.BeforeFirstYearError] before its first year. A
        day (for what falls due from it) gives the set in force on that day."""
        if self.rule_sets is None:
            return None
        if isinstance(period, date):
            return self.rule_sets.in_force_on(period)
        return self.rule_sets.in_force(period)

    @property
    def reading_indicators(self) -> IndicatorSet:
        """The indicators a readings file is read against: every year's, each by its
        latest definition (without ranges or targets), or the profile's own when it
        declares no years. A file spanning several years holds all of them."""
        if self.rule_sets is None:
            return self.indicators
        return all_indicators(self.rule_sets)

    def __attrs_post_init__(self) -> None:
        if not self.name.strip():
            raise DefinitionError(f"authority {self.id!r} needs a name")
        if self.gss_code and not _GSS.fullmatch(self.gss_code):
            raise DefinitionError(
                f"authority {self.id!r}: GSS code {self.gss_code!r} must be 'E' and 8 digits, "
                "like 'E06000054'"
            )
        if self.dfe_code and not _DFE.fullmatch(self.dfe_code):
            raise DefinitionError(
                f"authority {self.id!r}: DfE code {self.dfe_code!r} must be 3 digits, like '865'"
            )
        _unique("priority", [p.id for p in self.priorities], self.id)
        _unique("source document", [d.id for d in self.documents], self.id)
        _unique("domain", list(self.domains), self.id)
        if self.domains:
            for indicator in self.indicators:
                if indicator.domain and indicator.domain not in self.domains:
                    raise DefinitionError(
                        f"authority {self.id!r}: indicator {indicator.id!r} is in domain "
                        f"{indicator.domain!r}, which is not one of its domains: "
                        + ", ".join(self.domains)
                    )
        known = {p.id for p in self.priorities}
        for indicator in self.indicators:
            for linked in indicator.priorities:
                if linked not in known:
                    raise DefinitionError(
                        f"authority {self.id!r}: indicator {indicator.id!r} links to priority "
                        f"{linked!r}, which the profile does not define"
                    )

    def priority(self, priority_id: str) -> Priority:
        """The priority with identifier ``priority_id``; an
        [`UnknownNameError`][corpparent.errors.UnknownNameError] (a ``LookupError``) naming those
        defined when there is none."""
        for priority in self.priorities:
            if priority.id == priority_id:
                return priority
        known = ", ".join(p.id for p in self.priorities) or "none"
        raise UnknownNameError(f"unknown priority {priority_id!r}; {self.id} defines: {known}")

    def document(self, document_id: str) -> Document:
        """The source document cited as ``document_id``; an
        [`UnknownNameError`][corpparent.errors.UnknownNameError] (a ``LookupError``) naming those
        cited when there is none."""
        for document in self.documents:
            if document.id == document_id:
                return document
        known = ", ".join(d.id for d in self.documents) or "none"
        raise UnknownNameError(f"unknown source document {document_id!r}; {self.id} cites: {known}")


def _unique(what: str, ids: list[str], authority: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise DefinitionError(f"authority {authority!r}: {what} {item!r} is defined twice")
        seen.add(item)
