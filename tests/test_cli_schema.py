"""`corpparent schema` and the command group itself."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner, Result

from corpparent.cli import cli
from corpparent.files.panel.readings import ReadingRecord
from corpparent.kinds import KINDS
from corpparent.report import published_schema


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="corpparent")


def test_lists_the_schemas() -> None:
    result = run("schema")
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.splitlines()}
    assert listed == {kind.name for kind in KINDS if kind.schema is not None}
    assert {"report", "readings", "meetings", "membership", "obligations", "authority-plugin",
            "comparators", "submissions", "comparator-set", "dfe-mapping"} <= listed


def test_prints_the_published_report_schema() -> None:
    result = run("schema", "report")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == published_schema()


def test_writes_a_schema_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "readings.schema.json"
    result = run("schema", "readings", "-o", str(target))
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == ReadingRecord.model_json_schema()


def test_unknown_schema_exits_2_with_one_line() -> None:
    result = run("schema", "nope")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nope" in result.stderr


def test_unknown_command_exits_2_with_one_line() -> None:
    result = run("frobnicate")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_group_help_and_version() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "Exit codes" in result.stdout
    assert run("--version").exit_code == 0
    assert "corpparent" in run("--version").stdout


def test_schema_help_shows_examples() -> None:
    result = run("schema", "--help")
    assert result.exit_code == 0
    assert "corpparent schema report" in result.stdout


def test_governance_schemas_are_those_the_readers_publish() -> None:
    from corpparent.files import meetings_json_schema, membership_json_schema
    from corpparent.files.panel.obligations import obligation_schema

    for name, expected in (("meetings", meetings_json_schema()),
                           ("membership", membership_json_schema()),
                           ("obligations", obligation_schema())):
        assert json.loads(run("schema", name).stdout) == expected


def test_prints_the_plug_in_file_schema() -> None:
    from corpparent.files import plugin_schema

    assert json.loads(run("schema", "authority-plugin").stdout) == plugin_schema()


def test_the_console_entry_point_exits_with_the_codes_it_documents() -> None:
    """Run as a process, as a pipeline would: 0, 2 with one line and no traceback."""
    import subprocess
    import sys

    def process(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "corpparent", *args], capture_output=True,
                              text=True, check=False, timeout=120)

    assert process("schema").returncode == 0
    bad = process("scorecard", "x.csv", "-a", "wiltshire", "-p", "Q4 2023")
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1
    assert "Traceback" not in bad.stderr


def test_every_listed_schema_prints_and_is_a_valid_json_schema() -> None:
    """Each kind's schema is generated, so a model field pydantic cannot describe would
    otherwise surface only when a user asks for that schema."""
    for kind in KINDS:
        if kind.schema is None:
            continue
        result = run("schema", kind.name)
        assert result.exit_code == 0, (kind.name, result.output)
        jsonschema.Draft202012Validator.check_schema(json.loads(result.stdout))
