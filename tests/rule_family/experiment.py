"""A new governance rule family, added from outside corpparent: a minimum share of formal
meetings with a Children in Care Council representative present.

It is three modules, each registering once: the rule (``cicc_presence``), its codec for
the plug-in file (``cicc_presence_codec``) and its hypothesis strategies
(``cicc_presence_strategies``). Importing them before the plug-in format is first used
is all the registration there is; this script then checks, with nothing in corpparent
changed, that a plug-in file declares the rule, that it is judged, written back and
described by the schema, and that its strategies hold their property. Run in a process
of its own, so the family is not left registered beside corpparent's.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cicc_presence
import cicc_presence_codec  # noqa: F401  (registers its codec)
import cicc_presence_strategies  # noqa: F401  (registers its strategies)
from attrs import frozen
from hypothesis import given, settings, strategies as st

from corpparent.errors import DefinitionError, PluginFileError
from corpparent.files.plugin.format import plugin_schema
from corpparent.files.plugin.reader import profile_from_toml
from corpparent.files.plugin.rules import FieldsCodec, register
from corpparent.files.plugin.writer import profile_to_toml
from corpparent.findings import Finding, Status
from corpparent.governance.declared import PanelReview, RuleType, declare
from corpparent.governance.panel import PanelRecord
from corpparent.periods import FinancialYear
from corpparent.testing import rules
from corpparent.testing.panel_rules import faults, incomplete

PLUGIN = """\
format_version = 1

[authority]
id = "ourtown"
name = "Ourtown"

[constitution]
panel = "Ourtown Corporate Parenting Panel"
cicc_presence = {minimum = "50%", source = "ToR §4"}

[membership]
members = [
    {name = "Cllr Ann Lee", class = "core councillor"},
    {name = "Sam", class = "Children in Care Council representative"},
]

[[meetings]]
date = 2022-06-01
present = ["Cllr Ann Lee", "Sam"]

[[meetings]]
date = 2022-09-01
present = ["Cllr Ann Lee"]

[[meetings]]
date = 2022-12-01
present = ["Cllr Ann Lee"]
"""


@frozen
class Unfinished:
    """A rule declared with neither a codec nor strategies, to show the check names it."""

    def review(self, panel: PanelReview, /) -> tuple[Finding, ...]:
        return ()


def main() -> None:
    assert incomplete() == {}, incomplete()
    print("registered: rule, codec and strategies")

    profile = profile_from_toml(PLUGIN, "ourtown.toml")
    constitution = profile.constitution
    assert constitution is not None
    assert profile.membership is not None
    assert constitution.cicc_presence == cicc_presence.CiccPresence("50%")
    year = FinancialYear(2022)
    record = PanelRecord.for_period(constitution.panel, profile.membership,
                                    profile.meetings, year)
    (finding,) = [f for f in constitution.review(record) if "Care Council" in f.rule]
    assert finding.status is Status.BREACHED
    print(f"judged: {finding.explanation}")

    written = profile_to_toml(profile)
    assert 'cicc_presence = {minimum = "50%", source = "ToR §4"}' in written
    assert profile_from_toml(written, "written.toml") == profile
    print("written back: equal")

    table = plugin_schema()["$defs"]["ConstitutionModel"]["properties"]
    assert "cicc_presence" in table
    try:
        profile_from_toml(PLUGIN.replace('"50%"', '"150%"'), "bad.toml")
    except PluginFileError as exc:
        print(f"refused: {exc.problems[0]}")
    else:
        raise AssertionError("a share over 100% was accepted")

    @settings(max_examples=50)
    @given(st.data(), st.fractions(min_value="1/20", max_value=1))
    def holds(data: st.DataObject, minimum: object) -> None:
        rule = cicc_presence.CiccPresence(minimum)  # type: ignore[arg-type]
        assert faults(rule, data.draw(rules.satisfying(rule))) == []
        assert faults(rule, data.draw(rules.violating(rule))) != []

    holds()
    print("property: satisfying draws pass, violating draws are rejected")

    unfinished = declare(RuleType("unfinished", Unfinished, 99))
    assert incomplete() == {"unfinished": ["a codec", "strategies"]}
    print("a type without a codec or strategies is named: unfinished")
    try:
        register(FieldsCodec(unfinished))
    except DefinitionError as exc:
        print(f"refused: {exc}")
    else:
        raise AssertionError("a codec registered after the format was used was accepted")


if __name__ == "__main__":
    main()
