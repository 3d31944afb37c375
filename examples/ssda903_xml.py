"""The SSDA903 return as the XML the DfE collects: a synthetic return written both as
its CSV tables and as one XML file a year, read back, and the same measures computed
from each.

The children are invented (`corpparent.ssda903.synthesise`); the files are written into
a temporary folder and removed after (see docs/ssda903.md, "The XML form").
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from corpparent.files import read_returns
from corpparent.files.ssda903.writer import write_returns
from corpparent.files.ssda903.xml_writer import write_xml_returns
from corpparent.ssda903 import measures, synthesise

YEAR = "2024-25"


def main() -> None:
    made = synthesise(200, 3, seed=11, last=YEAR)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_returns(made, root / "csv")
        files = write_xml_returns(made, root / "xml")
        print("Written as XML:", ", ".join(f"{f.parent.name}/{f.name}" for f in files))
        from_csv = measures(read_returns(root / "csv"), YEAR).to_pylist()
        from_xml = measures(read_returns(root / "xml"), YEAR).to_pylist()
    for row in from_xml:
        counts = f"{row['numerator']}" if row["denominator"] is None \
            else f"{row['numerator']} of {row['denominator']}"
        print(f"  {row['measure']}: {counts}")
    print("The same from the CSV tables:", from_csv == from_xml)
    assert from_csv == from_xml


if __name__ == "__main__":
    main()
