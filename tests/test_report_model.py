"""The JSON output model: its published schema, and reports that validate against it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from corpparent import FinancialQuarter, Finding, Status
from corpparent.families import RuleFamily
from corpparent.report import (
    findings_report,
    make_provenance,
    published_schema,
    render_json,
    report_adapter,
    report_schema,
)
from reports_support import wiltshire_report


def _validator() -> jsonschema.Draft202012Validator:
    schema = published_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_published_schema_is_the_schema_of_the_model() -> None:
    """The checked-in copy must be regenerated whenever the model changes."""
    assert published_schema() == report_schema()


def test_scorecard_json_validates_against_the_published_schema() -> None:
    document = json.loads(render_json(wiltshire_report()))
    _validator().validate(document)
    assert document["kind"] == "scorecard"


def test_findings_json_validates_and_reads_back() -> None:
    finding = Finding("meeting 2023-01-12", "quorum", Status.BREACHED,
                      "Inquorate: 4 of 6 councillors.", {"present": 4, "required": 6},
                      period=FinancialQuarter(2022, 4), family=RuleFamily.QUORUM)
    report = findings_report([finding], make_provenance(), title="Meetings")
    text = render_json(report)
    _validator().validate(json.loads(text))
    assert report_adapter().validate_json(text) == report


def test_scorecard_json_reads_back_unchanged() -> None:
    report = wiltshire_report()
    assert report_adapter().validate_json(render_json(report)) == report


@pytest.mark.parametrize(
    ("path", "bad"),
    [(("indicators", 0, "status"), "fine"), (("schema_version",), "1"),
     (("provenance", "inputs", 0, "sha256"), "not-a-digest")],
)
def test_schema_rejects_a_malformed_report(path: tuple[str | int, ...], bad: object) -> None:
    document = json.loads(render_json(wiltshire_report()))
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(document)


def test_every_finding_is_in_the_json_with_its_breach_flag() -> None:
    """002 §33: long-term stability at 73% is below the 75% lower range: a breach."""
    document = json.loads(render_json(wiltshire_report()))
    stability = next(i for i in document["indicators"] if i["id"] == "long_term_stability")
    found = next(f for f in stability["findings"] if f["family"] == "expected range")
    assert (found["status"], found["breach"], found["evidence"]["value"]) == ("breached", True, 73)
    assert stability["expected_range"] == {"lower": 75, "upper": 82, "period": "2022-23",
                                           "from_process": False}


def test_importing_reports_loads_neither_rich_nor_click_nor_pint() -> None:
    """So that the package may re-export the report API and stay light to import."""
    import subprocess
    import sys

    code = ("import sys, corpparent.report; "
            "print(*(m in sys.modules for m in ('rich', 'click', 'pint')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False", "False"]
