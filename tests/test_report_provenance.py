"""Provenance: versions, plug-ins, input files with their SHA-256, period and options."""

from __future__ import annotations

import hashlib
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from corpparent import DataError, FinancialQuarter
from corpparent.report import make_provenance, sha256_of
from corpparent.report.provenance import installed_plugins


def test_sha256_of_the_fips_test_vector(tmp_path: Path) -> None:
    """FIPS 180-2, appendix B.1: SHA-256("abc")."""
    file = tmp_path / "abc.txt"
    file.write_bytes(b"abc")
    assert sha256_of(file) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


@given(st.binary(max_size=200_000))
def test_sha256_agrees_with_hashlib_across_chunks(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "data.bin"
        file.write_bytes(data)
        assert sha256_of(file) == hashlib.sha256(data).hexdigest()


def test_missing_input_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read file"):
        sha256_of(tmp_path / "absent.csv")


def test_provenance_records_inputs_period_options_and_time(tmp_path: Path) -> None:
    file = tmp_path / "readings.csv"
    file.write_text("indicator,period,value\n", encoding="utf-8")
    when = datetime(2023, 6, 1, 9, 30, tzinfo=UTC)
    provenance = make_provenance(inputs=[file], period=FinancialQuarter(2022, 4),
                                 options={"format": "html", "threshold": 6}, generated_at=when)
    assert provenance.period == "2022-23 Q4"
    assert provenance.options == {"format": "html", "threshold": 6}
    assert provenance.generated_at == when
    (item,) = provenance.inputs
    assert (item.path, item.bytes) == (str(file), 23)
    public = make_provenance(inputs=[file], name_only=True)
    assert public.inputs[0].path == "readings.csv"


def test_plugins_are_read_from_metadata_without_importing(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    info = tmp_path / "corpparent_testshire-1.4.2.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: corpparent-testshire\n"
                                   "Version: 1.4.2\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[corpparent.authorities]\ntestshire = testshire_never_imported:profile\n",
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    found = [p for p in installed_plugins() if p.name == "testshire"]
    assert [(p.distribution, p.version, p.value) for p in found] == [
        ("corpparent-testshire", "1.4.2", "testshire_never_imported:profile")
    ]
    assert "testshire_never_imported" not in sys.modules


def test_provenance_lists_the_plug_ins_of_the_group_they_are_installed_in() -> None:
    from corpparent.profile import ENTRY_POINT_GROUP
    from corpparent.report.provenance import PLUGIN_GROUP

    assert PLUGIN_GROUP == ENTRY_POINT_GROUP


def test_a_report_names_the_version_the_package_and_the_build_declare() -> None:
    import tomllib

    import corpparent
    from corpparent.report.provenance import corpparent_version

    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml")
                              .read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert "version" not in pyproject["project"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/corpparent/_version.py"
    assert corpparent_version() == corpparent.__version__
    assert corpparent.__version__.startswith("0.3.")
