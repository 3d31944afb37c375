"""Reading the SSDA903 return from the XML the DfE collects: the same tables and the same
measures as its CSV form, every cell checked as there, and XML that is not the return's
refused with its file, line and element, never a child's identifier or personal
details, nothing expanded or fetched."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from corpparent.cli import cli
from corpparent.errors import DataError
from corpparent.files import read_returns, reading_limits
from corpparent.files.ssda903.writer import write_returns
from corpparent.files.ssda903.xml_writer import return_xml, write_xml_returns, xml_name
from corpparent.periods import FinancialYear
from corpparent.ssda903 import Returns, measures
from corpparent.ssda903.synthetic import synthesise

#: A child's fields, in the HEADER of every document below.
HEADER = ("<CHILDID>SECRET1</CHILDID><SEX>1</SEX><DOB>14/02/2012</DOB>"
          "<UPN>SECRETUPN</UPN><UASC>0</UASC>")
EPISODE = ("<EPISODE><DECOM>01/04/2023</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL>"
           "<DEC/><REC/></EPISODE>")


def document(header: str = HEADER, inside: str = "", episodes: str = EPISODE,
             child: str = "") -> str:
    """A return of one child, written a field to a line from the HEADER on, so that
    each element's line is known: the HEADER on line 4, its first field on line 5."""
    fields = header.replace("><", ">\n<")
    return ("<?xml version='1.0' encoding='UTF-8'?>\n<EXPSSDA903>\n<CHILD>\n<HEADER>\n"
            f"{fields}\n{inside}</HEADER>\n{episodes}\n{child}</CHILD>\n</EXPSSDA903>\n")


def problems_of(text: str | bytes, tmp_path: Path) -> list[str]:
    file = tmp_path / "SSDA903_2023-24.xml"
    file.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    with pytest.raises(DataError) as caught:
        read_returns(file)
    found = [str(p) for p in caught.value.problems]
    assert "SECRET" not in "\n".join(found)
    assert "14/02/2012" not in "\n".join(found)
    return found


def _same(csv: Returns, xml: Returns) -> None:
    assert list(csv) == list(xml)
    for year, returned in csv.items():
        assert set(returned.tables) == set(xml[year].tables)
        for name, table in returned.tables.items():
            other = xml[year].tables[name]
            assert set(table.columns) == set(other.columns), name
            for column, values in table.columns.items():
                # as text, so that a blank date (NaT) equals itself
                assert values.astype(str).tolist() == \
                    other.columns[column].astype(str).tolist(), (name, column)


@settings(max_examples=15, deadline=None)
@given(children=st.integers(1, 12), years=st.integers(1, 3), seed=st.integers(0, 10_000))
def test_a_synthetic_return_as_xml_reads_as_its_csv_tables(children: int, years: int,
                                                           seed: int) -> None:
    made = synthesise(children, years, seed, last="2024-25")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_returns(made, root / "csv")
        write_xml_returns(made, root / "xml")
        csv, xml = read_returns(root / "csv"), read_returns(root / "xml")
    _same(csv, xml)
    for year in made.years:
        assert measures(csv, year).to_pylist() == measures(xml, year).to_pylist()


def test_the_xml_of_many_children_reads_as_its_csv_tables(tmp_path: Path) -> None:
    made = synthesise(300, 3, 17)
    write_returns(made, tmp_path / "csv")
    files = write_xml_returns(made, tmp_path / "xml")
    xml = read_returns(files)
    _same(read_returns(tmp_path / "csv"), xml)
    assert all(len(xml[year].tables["Episodes"]) for year in xml)


def test_each_row_keeps_the_line_of_its_element(tmp_path: Path) -> None:
    file = tmp_path / "return.xml"
    file.write_text(document(inside="<AREVIEW>\n<REVIEW>01/05/2023</REVIEW>\n"
                                    "<REVIEW_CODE>PN1</REVIEW_CODE>\n</AREVIEW>\n"),
                    encoding="utf-8")
    tables = read_returns(file, year="2023-24")["2023-24"].tables
    assert tables["Header"].lines.tolist() == [4]
    assert tables["Reviews"].lines.tolist() == [10]
    assert tables["Episodes"].lines.tolist() == [15]
    assert tables["Reviews"].column("DOB").astype(str).tolist() == ["2012-02-14"]
    assert tables["Episodes"].column("PLACE").tolist() == ["U1"]
    assert len(tables["UASC"]) == len(tables["OC3"]) == 0


def test_the_header_s_fields_may_follow_its_nested_rows(tmp_path: Path) -> None:
    """As the validator's own sample writes them: a review, then the mother's field."""
    file = tmp_path / "SSDA903_2023-24.xml"
    file.write_text(document(header=HEADER.replace("<UPN>", "<AREVIEW><REVIEW>01/05/2023"
                                                   "</REVIEW></AREVIEW><UPN>")
                             + "<MOTHER>0</MOTHER>"), encoding="utf-8")
    tables = read_returns(file)["2023-24"].tables
    assert tables["Header"].column("MOTHER").tolist() == ["0"]
    assert tables["Header"].column("UPN").tolist() == ["SECRETUPN"]
    assert len(tables["Reviews"]) == 1


def test_a_bad_date_and_code_are_refused_as_in_the_csv_tables(tmp_path: Path) -> None:
    found = problems_of(document(episodes=EPISODE.replace("01/04/2023", "2023-04-01")
                                 .replace("<LS>C2", "<LS>C9")), tmp_path)
    assert any(p.endswith("SSDA903_2023-24.xml, line 11, field 'DECOM': expected a date "
                          "written dd/mm/yyyy, such as 31/03/2024, found text shaped like "
                          "'9999-99-99', not shown")
               for p in found)
    assert any("line 11, field 'LS': expected one of" in p and "found 'C9'" in p
               for p in found)


def test_a_personal_field_is_named_and_never_shown(tmp_path: Path) -> None:
    found = problems_of(document(header=HEADER.replace("14/02/2012", "2012-02-14")),
                        tmp_path)
    [problem] = found
    assert problem.endswith("SSDA903_2023-24.xml, line 4, field 'DOB': expected a date "
                            "written dd/mm/yyyy, such as 31/03/2024")


def test_xml_that_is_not_well_formed_names_its_line(tmp_path: Path) -> None:
    [problem] = problems_of(document().replace("</HEADER>", "</HEADR>"), tmp_path)
    assert "line 10: not well-formed XML" in problem
    assert "found mismatched tag" in problem


def test_a_document_type_declaration_is_refused_and_nothing_expanded(tmp_path: Path) -> None:
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE EXPSSDA903 [\n<!ENTITY a "aaaaaaaaaa">\n'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
              "<EXPSSDA903><CHILD><HEADER><CHILDID>&b;</CHILDID></HEADER></CHILD>"
              "</EXPSSDA903>\n")
    [problem] = problems_of(laughs, tmp_path)
    assert "line 2: a document type declaration (DOCTYPE or ENTITY) is refused" in problem
    external = ('<?xml version="1.0"?>\n<!DOCTYPE EXPSSDA903 SYSTEM "http://example.com/x">\n'
                "<EXPSSDA903/>\n")
    [problem] = problems_of(external, tmp_path)
    assert "document type declaration" in problem


def test_an_unknown_element_is_named_with_what_belongs_there(tmp_path: Path) -> None:
    found = problems_of(document(inside="<NICKNAME>SECRET</NICKNAME>\n",
                                 child="<NOTES><SECRET/></NOTES>\n"), tmp_path)
    assert any("line 10, field 'NICKNAME': unknown element in HEADER" in p
               and "expected one of CHILDID, SEX, DOB" in p for p in found)
    assert any("line 13, field 'NOTES': unknown element in CHILD; expected one of "
               "HEADER, EPISODE" in p for p in found)
    assert len(found) == 2


def test_an_element_where_text_belongs_and_text_where_elements_belong(
        tmp_path: Path) -> None:
    found = problems_of(document(header=HEADER.replace(
        "<SEX>1</SEX>", "<SEX><CODE>1</CODE></SEX>"), child="SECRET\n"), tmp_path)
    assert any("line 7, field 'SEX': an element inside a field; expected the field's "
               "text alone, found the element CODE" in p for p in found)
    assert any("field 'CHILD': text where elements belong" in p for p in found)


def test_a_field_twice_a_second_header_and_another_root_are_refused(tmp_path: Path) -> None:
    found = problems_of(document(inside="<SEX>2</SEX>\n",
                                 child="<HEADER><CHILDID>SECRET2</CHILDID></HEADER>\n"),
                        tmp_path)
    assert any("line 10, field 'SEX': a field written twice" in p for p in found)
    assert any("line 13, field 'HEADER': a second HEADER in the CHILD" in p for p in found)
    [problem] = problems_of("<Message><Children/></Message>", tmp_path)
    assert "field 'Message': not the SSDA903 return's XML; expected the root element " \
           "EXPSSDA903" in problem


def test_the_uasc_flag_and_a_child_without_a_header(tmp_path: Path) -> None:
    found = problems_of(document(header=HEADER.replace("<UASC>0", "<UASC>Y")).replace(
        "</EXPSSDA903>", "<CHILD>\n<EPISODE><DECOM>01/05/2023</DECOM></EPISODE>\n"
                         "</CHILD>\n</EXPSSDA903>"), tmp_path)
    assert any("line 4, field 'UASC': expected 1 (an unaccompanied asylum-seeking child) "
               "or 0, found 'Y'" in p for p in found)
    assert any("line 13, field 'CHILD': a CHILD without its HEADER" in p for p in found)


def test_a_child_flagged_uasc_or_with_a_date_uasc_ceased_has_a_uasc_row(
        tmp_path: Path) -> None:
    file = tmp_path / "SSDA903_2023-24.xml"
    file.write_text(document(header=HEADER.replace("<UASC>0", "<UASC>1")), encoding="utf-8")
    uasc = read_returns(file)["2023-24"].tables["UASC"]
    assert uasc.column("SEX").tolist() == ["1"]
    file.write_text(document(header=HEADER + "<DUC>14/02/2030</DUC>"), encoding="utf-8")
    assert read_returns(file)["2023-24"].tables["UASC"].column("DUC").astype(str).tolist() \
        == ["2030-02-14"]


def test_the_read_limits_hold_for_the_xml(tmp_path: Path) -> None:
    with reading_limits(rows=10):
        [problem] = problems_of(document(), tmp_path)
    assert "over the read limit rows" in problem
    with reading_limits(cell_chars=5):
        [problem] = problems_of(document(), tmp_path)
    assert "line 5, field 'CHILDID': a field's text is over the read limit cell_chars" \
        in problem


def test_an_encoding_the_xml_declares_is_read(tmp_path: Path) -> None:
    text = document().replace("UTF-8", "UTF-16")
    file = tmp_path / "SSDA903_2023-24.xml"
    file.write_bytes(text.encode("utf-16"))
    assert len(read_returns(file)["2023-24"].tables["Episodes"]) == 1
    found = problems_of(text.encode("utf-8").replace(b"SECRET1", b"SECRET\xff"), tmp_path)
    assert any("not well-formed XML" in p for p in found)


def test_a_folder_holds_the_csv_tables_or_one_xml_file(tmp_path: Path) -> None:
    made = synthesise(5, 1, 3, last="2023-24")
    [file] = write_xml_returns(made, tmp_path)
    assert file.name == xml_name("2023-24")
    assert list(read_returns(tmp_path)) == [FinancialYear(2023)]
    (file.parent / "Header.csv").write_text("CHILD,SEX,DOB\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_returns(tmp_path)
    assert str(caught.value) == (f"{file.parent}: the folder holds more than one return; "
                                 "expected the year's CSV tables or one XML file, found "
                                 "SSDA903_2023-24.xml, Header.csv")
    with pytest.raises(DataError, match="the folder already holds a return"):
        write_xml_returns(made, tmp_path)


def test_an_xml_file_s_year_is_its_name_s_or_the_one_given(tmp_path: Path) -> None:
    file = tmp_path / "return.xml"
    file.write_text(document(), encoding="utf-8")
    assert list(read_returns(file, year="2023-24")) == [FinancialYear(2023)]
    with pytest.raises(DataError, match="cannot tell the collection year of the XML file"):
        read_returns(file)
    named = file.rename(tmp_path / "903_2022-23_final.xml")
    assert list(read_returns(named, year="2023-24")) == [FinancialYear(2022)]


def test_the_writer_escapes_text_and_keeps_blank_fields() -> None:
    text = return_xml({"Header": [{"CHILD": "A<&>", "SEX": "1", "DOB": "01/01/2010"}],
                       "Episodes": [{"CHILD": "A<&>", "DECOM": "01/04/2023", "DEC": ""}]})
    assert "<CHILDID>A&lt;&amp;&gt;</CHILDID>" in text
    assert "<DEC/>" in text
    assert "<UASC>0</UASC>" in text
    assert text.count("<CHILD>") == 1


def test_the_command_writes_each_year_as_xml_on_asking(tmp_path: Path) -> None:
    arguments = ["ssda903", "synthesise", "-n", "20", "-k", "2", "--seed", "5",
                 "--last-year", "2024-25", "--format", "xml", "-o", str(tmp_path)]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 0, result.output
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.*")) == [
        "2023-24/SSDA903_2023-24.xml", "2024-25/SSDA903_2024-25.xml"]
    made = synthesise(20, 2, 5, last="2024-25")
    assert (tmp_path / "2024-25" / "SSDA903_2024-25.xml").read_text(encoding="utf-8") == \
        return_xml(made.rows(FinancialYear(2024)))
    shown = CliRunner().invoke(cli, ["ssda903", "measures", str(tmp_path), "-y", "2024-25",
                                     "-f", "csv"])
    assert shown.exit_code == 0, shown.output
    assert "cla_31_march" in shown.stdout
    again = CliRunner().invoke(cli, arguments)
    assert again.exit_code == 2
    assert "already holds a return" in again.output
