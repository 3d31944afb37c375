"""Terms-of-reference cases, each a clause form with a panel that meets it and one that
does not, written as data-file plug-ins (and as the membership and meetings files the
command line reads). The councils' words are those quoted in the national rules
reference §2 (Durham, Kent, Harrow) and in 001 (Wiltshire)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Data = Mapping[str, Any]


def toml_value(value: Any) -> str:
    """``value`` as a TOML value (inline tables and arrays; strings JSON-quoted)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}"
                               for k, v in value.items()) + "}"
    return "[" + ", ".join(toml_value(v) for v in value) + "]"


@dataclass(frozen=True)
class Panel:
    """A panel as files hold it: constitution keys, members and meetings."""

    constitution: Data
    members: Sequence[Data]
    meetings: Sequence[Data] = field(default_factory=list)

    def plugin(self) -> str:
        lines = ['format_version = 1', '[authority]', 'id = "case"', 'name = "Case Council"',
                 '[constitution]', 'panel = "Corporate Parenting Panel"',
                 'six_month_warning = false']
        lines += [f"{key} = {toml_value(value)}" for key, value in self.constitution.items()]
        lines += ["[membership]", f"members = {toml_value(self.members)}"]
        for meeting in self.meetings:
            lines.append("[[meetings]]")
            lines += [f"{key} = {toml_value(value)}" for key, value in meeting.items()]
        return "\n".join(lines) + "\n"


def councillors(*groups: str, prefix: str = "Cllr") -> list[dict[str, Any]]:
    return [{"name": f"{prefix} {i}", "class": "core councillor", "group": g}
            for i, g in enumerate(groups)]


def meeting(day: str, *present: str, **more: Any) -> dict[str, Any]:
    return {"date": day, "present": list(present), **more}


# Each case: a clause form, the rule its finding carries, and two panels.
@dataclass(frozen=True)
class Case:
    form: str
    rule: str
    meets: Panel
    fails: Panel
    fails_status: str = "breached"
    meets_status: str | None = "met"
    """None: the panel that meets it gets no finding of the rule at all."""


_YEAR = ["2023-05-10", "2023-07-12", "2023-09-13", "2023-11-08", "2024-01-10", "2024-03-13"]
_LABOUR_5 = ["Labour"] * 5 + ["Conservative"] + ["MICA"] * 2 + ["Independent"]
_ALL_PARTIES = ["Conservative", "Labour", "Liberal Democrat"]

CASES = [
    # Kent: "about 6 a year" (national rules reference §2): an expectation, not a
    # minimum, so four meetings warn rather than breach.
    Case("frequency as an expectation", "meeting frequency",
         Panel({"frequency": {"minimum_per_year": 6, "expectation": True}}, councillors("A"),
               [meeting(d, "Cllr 0") for d in _YEAR]),
         Panel({"frequency": {"minimum_per_year": 6, "expectation": True}}, councillors("A"),
               [meeting(d, "Cllr 0") for d in _YEAR[:4]]),
         fails_status="warning"),
    # Durham: "Up to 10 non-voting co-opted members" (§2): a quorum of voting members
    # does not count them.
    Case("voting members counted toward quorum", "quorum",
         Panel({"quorum": {"parts": [{"minimum": 3, "voting_only": True}]}},
               [*councillors("A", "A", "A"),
                {"name": "Co-optee", "class": "co-opted member", "voting": False}],
               [meeting("2023-06-01", "Cllr 0", "Cllr 1", "Cllr 2")]),
         Panel({"quorum": {"parts": [{"minimum": 3, "voting_only": True}]}},
               [*councillors("A", "A", "A"),
                {"name": "Co-optee", "class": "co-opted member", "voting": False}],
               [meeting("2023-06-01", "Cllr 0", "Cllr 1", "Co-optee")])),
    # Middlesbrough's nine councillor seats: 5 Labour, 1 Conservative, 2 MICA, 1
    # Independent.
    Case("political balance by group", "political balance",
         Panel({"political_balance": {"seats_by_group": {
             "Labour": 5, "Conservative": 1, "MICA": 2, "Independent": 1}}},
             councillors(*_LABOUR_5)),
         Panel({"political_balance": {"seats_by_group": {
             "Labour": 5, "Conservative": 1, "MICA": 2, "Independent": 1}}},
             councillors(*(["Labour"] * 6), "MICA", "MICA", "Independent"))),
    # Kent: KCC councillors "representing all parties" (§2).
    Case("every group represented", "political balance",
         Panel({"political_balance": {"represented": _ALL_PARTIES}},
               councillors(*_ALL_PARTIES)),
         Panel({"political_balance": {"represented": _ALL_PARTIES}},
               councillors("Conservative", "Labour"))),
    # Durham: "including the Executive Member for CYP" (§2): a seat held ex officio.
    Case("ex officio seat", "ex officio seat: Executive Member for CYP",
         Panel({"role_seats": [{"roles": ["Executive Member for CYP"], "ex_officio": True}]},
               [{"name": "Cllr E", "class": "core councillor",
                 "role": "Executive Member for CYP"}]),
         Panel({"role_seats": [{"roles": ["Executive Member for CYP"], "ex_officio": True}]},
               councillors("A"))),
    # Durham: "the Chair/Vice-Chair of CYP Scrutiny" (§2): either may fill the seat.
    Case("a seat either office holder may fill",
         "seat for Chair of CYP Scrutiny or Vice-Chair of CYP Scrutiny",
         Panel({"role_seats": [{"roles": ["Chair of CYP Scrutiny",
                                          "Vice-Chair of CYP Scrutiny"]}]},
               [{"name": "Cllr V", "class": "core councillor",
                 "role": "Vice-Chair of CYP Scrutiny"}]),
         Panel({"role_seats": [{"roles": ["Chair of CYP Scrutiny",
                                          "Vice-Chair of CYP Scrutiny"]}]},
               councillors("A"))),
    # Kent: "Chair and Vice-Chair drawn from KCC councillors" (§2).
    Case("which classes may hold an office", "chair drawn from councillors",
         Panel({"office_holders": [{"office": "chair", "member_classes": ["core councillor"]}]},
               [{"name": "Cllr C", "class": "core councillor", "office": "chair"}]),
         Panel({"office_holders": [{"office": "chair", "member_classes": ["core councillor"]}]},
               [{"name": "Partner P", "class": "co-opted member", "office": "chair"}])),
    # Harrow: named reserve members with rules on reserves attending (§2): a reserve
    # stands in only for the member they are reserve for, noted at the start.
    Case("reserves and their conditions", "substitution conditions",
         Panel({"substitution_terms": {"named_member_only": True, "noted_at_start": True}},
               [*councillors("A", "A"), {"name": "Reserve R", "class": "substitute",
                                         "reserve_for": "Cllr 0"}],
               [meeting("2023-06-01", "Cllr 1", substitutes=[
                   {"name": "Reserve R", "for": "Cllr 0", "noted_at_start": True}])]),
         Panel({"substitution_terms": {"named_member_only": True, "noted_at_start": True}},
               [*councillors("A", "A"), {"name": "Reserve R", "class": "substitute",
                                         "reserve_for": "Cllr 0"}],
               [meeting("2023-06-01", "Cllr 0", substitutes=[
                   {"name": "Reserve R", "for": "Cllr 1", "noted_at_start": True}])])),
    # Invited attendees: recorded, never counted; a guest listed as present is reported.
    Case("invited attendees", "attendees not on the membership",
         Panel({}, councillors("A"),
               [meeting("2023-06-01", "Cllr 0", invited=["Virtual School Head"])]),
         Panel({}, councillors("A"),
               [meeting("2023-06-01", "Cllr 0", "Virtual School Head")]),
         fails_status="warning", meets_status=None),
]
