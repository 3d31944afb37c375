"""The terms-of-reference clauses of a plug-in file's ``[constitution]`` table, read and
written: clauses the terms leave unstated, political balance, seats held by office
holders, who may hold each office, conditions on substitutes, and reporting lines with
no deadline.

Each key is optional; the forms, with an example each, are in ``docs/plugins.md``::

    not_stated = ["quorum", "meeting frequency"]
    political_balance = {seats_by_group = {Labour = 5, Conservative = 1, MICA = 2,
                                           Independent = 1}}
    role_seats = [{roles = ["Executive Member for Children and Young People"]},
                  {roles = ["Chair of CYP Scrutiny", "Vice-Chair of CYP Scrutiny"]}]
    office_holders = [{office = "chair", member_classes = ["core councillor"]}]
    substitution_terms = {named_member_only = true, noted_at_start = true}
    reporting_lines = [{recipient = "County Council", relation = "accountable to"}]
"""

from __future__ import annotations

from functools import partial
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from corpparent.files._tabular.problems import Attempts
from corpparent.governance.balance import PoliticalBalance
from corpparent.governance.constitution import Constitution
from corpparent.governance.membership import MemberClass, Office
from corpparent.governance.offices import OfficeHolders, RoleSeat
from corpparent.governance.reserves import SubstitutionTerms
from corpparent.governance.terms import Clause, ReportingLine

__all__ = ["TermsFields", "build_terms", "terms_table"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PoliticalBalanceModel(_Model):
    """Seats by political group, or groups that must each hold a seat."""

    seats_by_group: dict[str, int] = Field(default_factory=dict,
                                           description="e.g. {Labour = 5, Conservative = 1}")
    represented: list[str] = Field(default_factory=list,
                                   description="Groups that must each hold a seat.")
    member_class: MemberClass = MemberClass.CORE_COUNCILLOR
    source: str = ""


class RoleSeatModel(_Model):
    """A seat held ex officio (one role) or by any one of several office holders."""

    roles: list[str] = Field(min_length=1)
    source: str = ""


class OfficeHoldersModel(_Model):
    """The classes of member that may hold an office."""

    office: Office
    member_classes: list[MemberClass] = Field(min_length=1)
    source: str = ""


class SubstitutionTermsModel(_Model):
    """Conditions a substitution must meet to count."""

    named_member_only: bool = False
    noted_at_start: bool = False
    late_from_next_item: bool = False
    source: str = ""


class ReportingLineModel(_Model):
    """A recipient the panel reports to, with no document, deadline or cadence."""

    recipient: str = Field(min_length=1)
    relation: str = "reports to"
    document: str | None = None
    source: str = ""


class TermsFields(_Model):
    """The terms-of-reference keys of ``[constitution]`` (mixed into its model)."""

    not_stated: list[Clause] = Field(
        default_factory=list, description="Clauses the terms of reference do not state.")
    political_balance: PoliticalBalanceModel | None = None
    role_seats: list[RoleSeatModel] = Field(default_factory=list)
    office_holders: list[OfficeHoldersModel] = Field(default_factory=list)
    substitution_terms: SubstitutionTermsModel | None = None
    reporting_lines: list[ReportingLineModel] = Field(default_factory=list)


def build_terms(model: TermsFields, attempt: Attempts,
                where: tuple[str | int, ...] = ("constitution",)) -> dict[str, Any] | None:
    """The :class:`Constitution` keyword arguments the terms keys declare; None if any
    part failed (each problem placed by ``attempt`` at its key under ``where``)."""
    failed = attempt.failed
    balance = None
    if model.political_balance is not None:
        b = model.political_balance
        balance = attempt((*where, "political_balance"), partial(
            PoliticalBalance, b.seats_by_group, tuple(b.represented), b.member_class,
            source=b.source))
    seats = [attempt((*where, "role_seats", i), partial(RoleSeat, tuple(r.roles),
                                                        source=r.source))
             for i, r in enumerate(model.role_seats)]
    holders = [attempt((*where, "office_holders", i), partial(
        OfficeHolders, h.office, tuple(h.member_classes), source=h.source))
        for i, h in enumerate(model.office_holders)]
    lines = [attempt((*where, "reporting_lines", i), partial(
        ReportingLine, r.recipient, r.relation, r.document, source=r.source))
        for i, r in enumerate(model.reporting_lines)]
    terms = None
    if model.substitution_terms is not None:
        t = model.substitution_terms
        terms = SubstitutionTerms(t.named_member_only, t.noted_at_start,
                                  t.late_from_next_item, source=t.source)
    if attempt.failed > failed:
        return None
    return {
        "not_stated": tuple(model.not_stated),
        "political_balance": balance,
        "role_seats": tuple(s for s in seats if s is not None),
        "office_holders": tuple(h for h in holders if h is not None),
        "substitution_terms": terms,
        "reporting_lines": tuple(line for line in lines if line is not None),
    }


def _clean(table: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if v not in (None, "", [], {}, False)}


def terms_table(c: Constitution) -> dict[str, Any]:
    """The terms keys of the ``[constitution]`` table for ``c`` (only those declared)."""
    balance = None
    if c.political_balance is not None:
        b = c.political_balance
        balance = _clean({
            "seats_by_group": dict(b.seats_by_group), "represented": list(b.represented),
            "member_class": (None if b.member_class is MemberClass.CORE_COUNCILLOR
                             else b.member_class.value), "source": b.source})
    terms = None
    if c.substitution_terms is not None:
        t = c.substitution_terms
        # Declared with no conditions is still declared: keep one key.
        terms = _clean({"noted_at_start": t.noted_at_start,
                        "late_from_next_item": t.late_from_next_item, "source": t.source})
        terms = {"named_member_only": t.named_member_only, **terms}
    return _clean({
        "not_stated": [clause.value for clause in c.not_stated],
        "political_balance": balance,
        "role_seats": [_clean({"roles": list(r.roles), "source": r.source})
                       for r in c.role_seats],
        "office_holders": [_clean({"office": h.office.value,
                                   "member_classes": [m.value for m in h.member_classes],
                                   "source": h.source}) for h in c.office_holders],
        "substitution_terms": terms,
        "reporting_lines": [_clean({"recipient": r.recipient,
                                    "relation": (None if r.relation == "reports to"
                                                 else r.relation),
                                    "document": r.document, "source": r.source})
                            for r in c.reporting_lines],
    })
