"""Reading the SSDA903 return's CSV tables: every row accepted or reported with its
file, line and field, dates as the return writes them, and never a child's identifier
or personal details in a message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpparent.errors import DataError
from corpparent.files import read_returns, reading_limits
from corpparent.periods import FinancialYear

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "ssda903"
HEADER = "CHILD,SEX,DOB\nSECRET1,1,14/02/2012\n"
EPISODES = "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n"


def year_folder(root: Path, name: str = "2023-24", *, episodes: str = "",
                header: str = HEADER, **others: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "Header.csv").write_text(header, encoding="utf-8")
    (folder / "Episodes.csv").write_text(EPISODES + episodes, encoding="utf-8")
    for table, text in others.items():
        (folder / f"{table}.csv").write_text(text, encoding="utf-8")
    return folder


def problems_of(paths: Path | list[Path], **options: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        read_returns(paths, **options)
    return [str(p) for p in caught.value.problems]


def test_reads_the_example_return_by_its_year_folder() -> None:
    found = read_returns(EXAMPLE)
    assert list(found) == [FinancialYear(2022), FinancialYear(2023)]
    assert set(found["2022-23"].tables) == {"Header", "Episodes", "Reviews"}
    tables = found["2023-24"].tables
    assert set(tables) == {"Header", "Episodes", "OC2", "OC3", "Missing"}
    assert len(tables["Episodes"]) == 17
    assert tables["Episodes"].lines.tolist() == list(range(2, 19))


def test_a_year_folder_named_otherwise_is_read_as_the_year_given(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE / "2023-24", tmp_path / "return")
    assert list(read_returns(tmp_path / "return", year="2023-24")) == [FinancialYear(2023)]
    [problem] = problems_of(tmp_path / "return")
    assert "cannot tell the collection year" in problem


def test_reads_several_years_and_refuses_one_year_twice(tmp_path: Path) -> None:
    year_folder(tmp_path / "a", "2022-23")
    year_folder(tmp_path / "a", "2023-24")
    assert [str(y) for y in read_returns(tmp_path / "a")] == ["2022-23", "2023-24"]
    year_folder(tmp_path / "b", "2023-24")
    [problem] = problems_of([tmp_path / "a", tmp_path / "b"])
    assert "a second folder for 2023-24" in problem


@pytest.mark.parametrize("name", ["2022-2023", "2022_23", "2022_2023", "2022 23"])
def test_a_year_folder_is_named_as_a_council_writes_the_year(tmp_path: Path,
                                                             name: str) -> None:
    year_folder(tmp_path, name)
    year_folder(tmp_path, "2023-24")
    assert [str(y) for y in read_returns(tmp_path)] == ["2022-23", "2023-24"]
    assert [str(y) for y in read_returns(tmp_path / name)] == ["2022-23"]


def test_a_folder_beside_the_years_not_named_as_one_is_reported(tmp_path: Path) -> None:
    year_folder(tmp_path, "2023-24")
    year_folder(tmp_path, "2022-2024")
    year_folder(tmp_path, "2021")
    (tmp_path / "notes").mkdir()  # no year in its name: not a return's folder
    assert sorted(problems_of(tmp_path)) == sorted([
        f"{tmp_path / '2021'}: a folder not named as a collection year, beside the year "
        "folders; expected a folder named as a collection year (2023-24), a folder holding "
        "such folders, or the year given (--year 2023-24 on the command line, "
        "year=\"2023-24\" in Python)",
        f"{tmp_path / '2022-2024'}: expected a collection year such as 2023-24, found "
        "'2022-2024'"])
    year_folder(tmp_path / "b", "2023-24")
    year_folder(tmp_path / "b", "2023-2024")
    [twice] = problems_of(tmp_path / "b")
    assert "a second folder for 2023-24" in twice


@pytest.mark.parametrize("name", ["SSDA903 2023-24", "903_2023-24", "FY2023-24",
                                  "2023-24 final"])
def test_a_folder_beside_the_years_naming_a_year_otherwise_is_reported(
        tmp_path: Path, name: str) -> None:
    """A year's folder named otherwise than as a collection year is said, never passed
    over: the years beside it would be measured without it."""
    year_folder(tmp_path, "2022-23")
    year_folder(tmp_path, "2024-25")
    year_folder(tmp_path, name)
    assert problems_of(tmp_path) == [
        f"{tmp_path / name}: a folder not named as a collection year, beside the year "
        "folders; expected a folder named as a collection year (2023-24), a folder holding "
        "such folders, or the year given (--year 2023-24 on the command line, "
        "year=\"2023-24\" in Python)"]


def test_a_table_is_found_by_its_name_after_a_prefix(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    (folder / "Episodes.csv").rename(folder / "903_2024_episodes.csv")
    (folder / "SSDA903_SWEpisodes.csv").write_text("CHILD,SW_ID\n", encoding="utf-8")
    assert set(read_returns(tmp_path)["2023-24"].tables) == {"Header", "Episodes",
                                                              "SWEpisodes"}


def test_a_csv_file_of_no_table_and_a_missing_table_are_reported(tmp_path: Path) -> None:
    folder = year_folder(tmp_path)
    (folder / "Episodes.csv").unlink()
    (folder / "notes.csv").write_text("a\n1\n", encoding="utf-8")
    found = problems_of(tmp_path)
    assert any("notes.csv: not a table of the SSDA903 return" in p for p in found)
    assert any("the 2023-24 return has no Episodes table" in p for p in found)


def test_a_date_not_written_dd_mm_yyyy_is_refused_naming_file_line_and_field(
        tmp_path: Path) -> None:
    year_folder(tmp_path, episodes="SECRET1,2023-04-01,S,C2,U1,,\n"
                                   "SECRET1,31/02/2024,P,C2,U3,,\n")
    first, second = problems_of(tmp_path)
    assert first.endswith("Episodes.csv, line 2, field 'DECOM': expected a date written "
                          "dd/mm/yyyy, such as 31/03/2024, found text shaped like "
                          "'9999-99-99', not shown")
    assert "line 3, field 'DECOM'" in second


def test_personal_fields_are_never_shown_in_a_problem(tmp_path: Path) -> None:
    year_folder(tmp_path, header="CHILD,SEX,DOB,UPN\nSECRET1,3,2012-02-14,SECRETUPN\n",
                episodes=",01/04/2023,S,C2,U1,,\n",
                Missing='CHILD,MISSING,MIS_START,MIS_END\n"SECRET2"X,M,01/05/2023,\n')
    found = problems_of(tmp_path)
    text = "\n".join(found)
    assert "SECRET" not in text
    assert "2012-02-14" not in text
    assert any("Header.csv, line 2, field 'DOB': expected a date" in p for p in found)
    assert any("Header.csv, line 2, field 'SEX': expected one of 1, 2, F, M, U, found '3'" in p
               for p in found)
    assert any("Episodes.csv, line 2, field 'CHILD': expected a value" in p for p in found)
    assert any("Missing.csv, line 2: not a well-formed CSV file" in p for p in found)


@pytest.mark.parametrize(("table", "text"), [
    ("Header", "CHILD,SEX,DOB\nSECRET01,15/03/2007,15/03/2007\n"),
    ("Episodes", "SECRET01,SECRET01,SECRET01,SECRET01,U1,,\n"),
    ("Missing", "CHILD,MISSING,MIS_START,MIS_END\nSECRET01,SECRET01,01/05/2023,\n"),
    ("OC2", "CHILD,DOB,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT\n"
            "SECRET01,03/12/2012,03/12/2012,SECRET01,1\n"),
])
def test_a_child_id_or_date_of_birth_in_the_wrong_column_is_never_shown(
        tmp_path: Path, table: str, text: str) -> None:
    """A shifted or swapped column puts a child's identifier or date of birth where a
    code or a date belongs: the problem gives its line, field and shape only."""
    year_folder(tmp_path, **{table: text} if table not in ("Header", "Episodes")
                else {table.lower(): text})
    found = problems_of(tmp_path)
    shown = "\n".join(found)
    assert found
    for personal in ("SECRET01", "15/03/2007", "03/12/2012"):
        assert personal not in shown, shown
    assert "text shaped like" in shown


def test_a_file_without_its_header_names_no_cell_of_the_row_it_starts_with(
        tmp_path: Path) -> None:
    year_folder(tmp_path, header="SECRET1,1,14/02/2012\n")
    found = problems_of(tmp_path)
    assert "SECRET" not in "\n".join(found)
    assert any("field 'column 1 of the header': unknown column" in p for p in found)
    assert any("line 1, field 'CHILD': required column missing" in p for p in found)


def test_every_row_is_accepted_or_reported(tmp_path: Path) -> None:
    year_folder(tmp_path, episodes="SECRET1,01/04/2023,S,C2,U1,,\n"
                                   "SECRET1,01/05/2023,Q,C9,U1,,,\n"
                                   "SECRET1,01/06/2023,P,C2,U1,01/05/2023,X1\n")
    found = problems_of(tmp_path)
    assert any("line 3: expected 7 cells as in the header, found 8" in p for p in found)
    assert any("line 4, field 'DEC': expected a date on or after DECOM, found an earlier "
               "date, not shown"
               in p for p in found)


def test_codes_the_measures_turn_on_are_checked(tmp_path: Path) -> None:
    year_folder(tmp_path, episodes="SECRET1,01/04/2023,Q,C9,U1,,\n",
                Missing="CHILD,MISSING,MIS_START,MIS_END\nSECRET1,X,01/05/2023,\n")
    found = problems_of(tmp_path)
    assert any("field 'RNE': expected one of B, L, P, S, T, U, found 'Q'" in p
               for p in found)
    assert any("field 'LS': expected one of" in p and "found 'C9'" in p for p in found)
    assert any("Missing.csv, line 2, field 'MISSING': expected one of A, M, found 'X'" in p
               for p in found)


def test_a_return_is_read_within_the_read_limits(tmp_path: Path) -> None:
    year_folder(tmp_path, episodes="".join(f"C{i},01/04/2023,S,C2,U1,,\n" for i in range(3)))
    with reading_limits(rows=2):
        found = problems_of(tmp_path)
    assert any("over the read limit rows" in p for p in found)


def test_a_path_that_is_no_folder_is_refused(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "nowhere")
    assert ("expected a folder of the return's CSV tables or its XML file, found no folder"
            in problem)


def test_a_care_leavers_codes_are_checked_and_their_date_of_birth_never_shown(
        tmp_path: Path) -> None:
    year_folder(tmp_path, OC3="CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"
                              "SECRET1,2004-08-12,YES,F2,D1\n"
                              "SECRET2,12/08/2004,MAYBE,F9,D3\n"
                              "SECRET3,12/08/2004,NO,0,0\n")
    found = problems_of(tmp_path)
    text = "\n".join(found)
    assert "SECRET" not in text
    assert "2004-08-12" not in text
    assert any("OC3.csv, line 2, field 'DOB': expected a date" in p for p in found)
    assert any("OC3.csv, line 3, field 'IN_TOUCH': expected one of DIED, NO, NREQ, REFU, "
               "RHOM, YES, found text shaped like 'AAAAA', not shown" in p for p in found)
    assert any("OC3.csv, line 3, field 'ACTIV': expected one of" in p and "found 'F9'" in p
               for p in found)
    assert any("OC3.csv, line 3, field 'ACCOM': expected one of" in p and "found 'D3'" in p
               for p in found)
    assert not any("line 4" in p for p in found)


def test_a_care_leavers_table_needs_what_the_measures_read(tmp_path: Path) -> None:
    year_folder(tmp_path, OC3="CHILD,DOB,IN_TOUCH\nSECRET1,12/08/2004,YES\n")
    found = problems_of(tmp_path)
    assert any("OC3.csv, line 1, field 'ACTIV': required column missing" in p for p in found)
    assert any("OC3.csv, line 1, field 'ACCOM': required column missing" in p for p in found)


def test_a_child_with_two_header_rows_is_refused_naming_the_first_line(tmp_path: Path) -> None:
    """The Header holds one row a child (the sector validator's INT32): a second row
    would leave two dates of birth to choose between."""
    year_folder(tmp_path, header="CHILD,SEX,DOB\nSECRET1,1,14/02/2012\nSECRET2,2,01/01/2010\n"
                                 "SECRET1,2,15/02/2012\n")
    [problem] = problems_of(tmp_path)
    assert problem.endswith("Header.csv, line 4, field 'CHILD': expected one row a child, "
                            "found a second row for the child of line 2")
    assert "SECRET" not in problem
