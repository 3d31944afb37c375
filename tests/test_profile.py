"""AuthorityProfile refuses an invalid definition when it is built."""

from __future__ import annotations

from datetime import date

import pytest

from corpparent.errors import CorpparentError, DefinitionError, UnknownNameError
from corpparent.governance.meetings import Meeting, Meetings
from corpparent.indicators.definitions import Indicator, Kind, Polarity
from corpparent.indicators.sets import IndicatorSet
from corpparent.obligations.definitions import ObligationSet
from corpparent.profile import AuthorityProfile, Document, Priority

MOVES = Indicator("moves", "Three or more moves", Kind.PERCENTAGE, Polarity.LOWER_IS_BETTER,
                  domain="Stability", priorities=("stable-homes",))
HOMES = Priority("stable-homes", "Stable homes", leads="Cllr A")


def test_a_valid_profile() -> None:
    profile = AuthorityProfile(
        "wiltshire", "Wiltshire Council", IndicatorSet([MOVES]), gss_code="E06000054",
        dfe_code="865", domains=("Stability",), priorities=[HOMES],
        documents=[Document("002", "Annual report")],
    )
    assert profile.priority("stable-homes").leads == ("Cllr A",)
    assert profile.document("002").title == "Annual report"
    with pytest.raises(UnknownNameError, match="unknown priority 'other'; wiltshire defines: "
                                               "stable-homes"):
        profile.priority("other")
    with pytest.raises(UnknownNameError, match="unknown source document '001'; wiltshire "
                                               "cites: 002"):
        profile.document("001")


def test_a_name_not_found_is_a_corpparent_error_and_a_lookup_error() -> None:
    """Callers catch the library's errors by its root, or by ``LookupError`` as before;
    the message is not quoted as a dictionary key would be."""
    profile = AuthorityProfile("wiltshire", "Wiltshire Council", IndicatorSet([MOVES]),
                               domains=("Stability",), priorities=[HOMES])
    with pytest.raises(CorpparentError) as raised:
        profile.document("002")
    assert isinstance(raised.value, LookupError)
    assert str(raised.value) == "unknown source document '002'; wiltshire cites: none"


@pytest.mark.parametrize(("changes", "message"), [
    ({"id": "Wiltshire"}, "id 'Wiltshire' must be lower-case"),
    ({"name": " "}, "needs a name"),
    ({"gss_code": "E0600005"}, "GSS code 'E0600005' must be 'E' and 8 digits"),
    ({"dfe_code": "86"}, "DfE code '86' must be 3 digits"),
    ({"priorities": [HOMES, HOMES]}, "priority 'stable-homes' is defined twice"),
    ({"domains": ("Health",)}, "indicator 'moves' is in domain 'Stability', which is not one "
                               "of its domains: Health"),
    ({"priorities": []}, "indicator 'moves' links to priority 'stable-homes', which the "
                         "profile does not define"),
    ({"documents": [Document("1", "a"), Document("1", "b")]},
     "source document '1' is defined twice"),
])
def test_an_invalid_profile_is_refused(changes: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {"id": "testshire", "name": "Testshire",
                                    "indicators": IndicatorSet([MOVES]), "priorities": [HOMES]}
    arguments.update(changes)
    with pytest.raises(DefinitionError, match=message):
        AuthorityProfile(**arguments)  # type: ignore[arg-type]


def test_a_document_needs_an_id_and_title() -> None:
    with pytest.raises(DefinitionError, match="needs an id and a title"):
        Document("", "Report")


def test_a_profile_without_meetings_or_obligations_has_empty_ones() -> None:
    bare = AuthorityProfile(id="bare", name="Bare")
    assert isinstance(bare.meetings, Meetings)
    assert len(bare.meetings) == 0
    assert isinstance(bare.obligations, ObligationSet)
    assert len(bare.obligations) == 0
    assert not bare.meetings
    assert not bare.obligations


def test_none_for_meetings_or_obligations_is_the_empty_collection() -> None:
    """A plug-in file without meetings or obligations gives ``None``; the profile holds
    the empty collection, so no caller has to test for ``None``."""
    given = AuthorityProfile(id="bare", name="Bare", meetings=None, obligations=None)
    assert given == AuthorityProfile(id="bare", name="Bare")
    held = Meetings([Meeting(date(2022, 9, 27))])
    assert AuthorityProfile(id="bare", name="Bare", meetings=held).meetings is held
