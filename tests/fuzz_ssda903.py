"""Mutated SSDA903 returns, and what reading each must end in (not a test module itself;
``test_fuzz_ssda903.py`` runs it).

The seeds are synthetic returns (`corpparent.ssda903.synthetic.synthesise`): a
year's folder of CSV tables, and the same year as the XML the DfE collects. A CSV input
is the folder with one table changed by the mutations every CSV kind gets
(:mod:`fuzz_inputs`: bytes flipped, cut short, another encoding, columns and rows
deleted, repeated or reordered, weird cells), or the folder itself changed (a table
deleted, a stray CSV file, an XML file beside the tables). An XML input is the file
changed by the byte mutations, or in its structure: an element deleted, repeated,
renamed, moved (among its siblings or elsewhere), moved into a field or out of its
parent, a field's text replaced by a weird value, a document type declaration with
entities, elements nested deep, a comment, a CDATA section. Every choice is drawn
from a :class:`random.Random` seeded by the route and the input's number, so a failure
is replayed by its number.

:func:`return_outcome` reads one input as `corpparent.files.read_returns` does and
classifies how it ended: a result, a :class:`~corpparent.errors.DataError` whose every
problem names its file and its line or field (or is about a whole file or folder), or a
failure: any other exception, a problem that does not say where, or a result whose rows
are not the rows a plain reading of the input counts.
"""

from __future__ import annotations

import csv
import io
import random
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from corpparent.errors import CorpparentError, DataError
from corpparent.files import read_returns
from corpparent.files.ssda903.writer import write_returns
from corpparent.files.ssda903.xml_writer import write_xml_returns
from corpparent.ssda903.synthetic import synthesise
from fuzz_inputs import BYTES, WEIRD, WHOLE_FILE, mutate

#: Notes of problems about a whole file or folder of the return, with no line or field.
WHOLE_RETURN = (*WHOLE_FILE, "not a table of the SSDA903 return", "return has no",
                "table in the folder", "more than one return", "cannot tell the collection",
                "cannot read the return", "no collection year's tables")
YEAR = "2024-25"


def return_seeds(folder: Path) -> dict[str, list[Path]]:
    """The seeds of each route: year folders of CSV tables, and XML files, of two small
    synthetic returns."""
    found: dict[str, list[Path]] = {"csv": [], "xml": []}
    for children, seed in ((6, 1), (25, 2)):
        made = synthesise(children, 2, seed, last=YEAR)
        found["csv"].append(write_returns(made, folder / f"csv-{seed}")[-1])
        found["xml"].append(write_xml_returns(made, folder / f"xml-{seed}")[-1])
    return found


# --- mutations ------------------------------------------------------------------------


def mutate_folder(seed: Path, target: Path, rng: random.Random) -> str:
    """Write a mutation of the year folder ``seed`` to ``target`` (a folder named as its
    year); return the mutations' names."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(seed, target)
    tables = sorted(target.glob("*.csv"))
    how = rng.choice(["table", "table", "table", "table", "delete", "stray", "xml beside"])
    if how == "delete":
        rng.choice(tables).unlink()
    elif how == "stray":
        (target / rng.choice(["notes.csv", "Header copy.csv", "SSDA903_Episodes.csv"])
         ).write_bytes(rng.choice(tables).read_bytes())
    elif how == "xml beside":
        (target / "SSDA903.xml").write_text("<EXPSSDA903/>", encoding="utf-8")
    else:
        table = rng.choice(tables)
        kept = table.read_bytes()
        return f"{table.name}: {mutate_bytes(kept, table, rng)}"
    return how


def mutate_bytes(data: bytes, file: Path, rng: random.Random) -> str:
    """Write ``data`` to ``file`` changed as :func:`fuzz_inputs.mutate` changes a file of
    its kind."""
    source = file.with_name(f".seed{file.suffix}")
    source.write_bytes(data)
    try:
        return mutate(source, file, rng)
    finally:
        source.unlink()


_ELEMENT = re.compile(rb"<([A-Z_0-9]+)>[^<]*</\1>|<([A-Z_0-9]+)/>")
_OPEN = re.compile(rb"<([A-Z_0-9]+)>")
_CLOSE = re.compile(rb"</(HEADER|AREVIEW|AMISSING|OC2|PERMANENCE|AD_PLACED|EPISODE)>")


def _elements(data: bytes) -> list[re.Match[bytes]]:
    return list(_ELEMENT.finditer(data))


def xml_structure(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """``data`` (the return's XML) changed in its structure; the change's name."""
    fields = _elements(data)
    opened = list(_OPEN.finditer(data))
    how = rng.choice(["delete", "repeat", "rename", "into a field", "weird text", "move",
                      "doctype", "deep", "comment", "cdata", "out of its parent", "attribute"])
    if how == "move" and fields:  # a field moved after another element, maybe elsewhere
        closed = list(_CLOSE.finditer(data))
        spot = rng.choice(fields)
        after = rng.choice(closed if closed and rng.random() < 0.5 else [*fields, *opened])
        if spot.start() <= after.end() <= spot.end():
            return data, how
        moved = data[:spot.start()] + data[spot.end():]
        at = after.end() - (len(spot[0]) if after.start() > spot.start() else 0)
        return moved[:at] + spot[0] + moved[at:], how
    if how in ("delete", "repeat", "rename", "weird text", "into a field") and fields:
        spot = rng.choice(fields)
        name = spot[1] or spot[2]
        if how == "delete":
            return data[:spot.start()] + data[spot.end():], how
        if how == "repeat":
            return data[:spot.end()] + spot[0] + data[spot.end():], how
        if how == "rename":
            other = rng.choice([b"X", name + b"S", name.lower(), b"CHILD", b"HEADER"])
            return data[:spot.start()] + spot[0].replace(name, other) + data[spot.end():], how
        if how == "into a field":  # another field written inside this one's text
            at = spot.end() - len(name) - 3 if spot[1] else spot.end()
            return data[:at] + rng.choice(fields)[0] + data[at:], how
        value = rng.choice(WEIRD).encode("utf-8")
        value = value.replace(b"&", b"&amp;").replace(b"<", b"&lt;")
        return data[:spot.start()] + b"<" + name + b">" + value + b"</" + name + b">" \
            + data[spot.end():], how
    if how == "doctype":
        declaration = rng.choice([
            b'<!DOCTYPE EXPSSDA903 [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
            b'<!DOCTYPE EXPSSDA903 SYSTEM "file:///etc/passwd">',
            b'<!DOCTYPE EXPSSDA903 [<!ENTITY x SYSTEM "file:///etc/hostname">]>'])
        at = data.find(b"<EXPSSDA903>")
        return data[:at] + declaration + b"\n" + data[at:].replace(
            b"</ETHNIC>", b"&b;</ETHNIC>", 1), how
    if how == "deep" and opened:
        spot = rng.choice(opened)
        depth = rng.choice([50, 5000, 100_000])
        return data[:spot.end()] + b"<A>" * depth + b"</A>" * depth + data[spot.end():], how
    if how == "comment":
        at = rng.randrange(len(data) + 1)
        return data[:at] + b"<!-- -- x -->" + data[at:], how
    if how == "cdata" and fields:
        spot = rng.choice(fields)
        name = spot[1] or spot[2]
        return data[:spot.start()] + b"<" + name + b"><![CDATA[01/04/2024]]></" + name \
            + b">" + data[spot.end():], how
    if how == "out of its parent" and opened:
        spot = rng.choice(opened)
        return data[:spot.start()] + data[spot.end():], how
    if opened:
        spot = rng.choice(opened)
        return data[:spot.end() - 1] + b' a="1"' + data[spot.end() - 1:], how
    return data, "none"


def mutate_xml(seed: Path, target: Path, rng: random.Random) -> str:
    """Write a mutation of the XML ``seed`` to ``target``; the mutations' names."""
    if rng.random() < 0.4:
        shutil.copyfile(seed, target)
        return mutate(seed, target, rng)
    data = seed.read_bytes()
    names = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        data, how = xml_structure(data, rng)
        names.append(how)
    if rng.random() < 0.2:
        change = rng.choice(BYTES)
        data = change(data, rng)
        names.append(change.__name__)
    target.write_bytes(data)
    return "+".join(names)


# --- outcomes -------------------------------------------------------------------------


def _plain_rows(path: Path) -> dict[str, int] | None:
    """The rows of the Header and Episodes tables, counted as plainly as possible: a
    CSV table's non-blank rows after its header, the XML's CHILD and EPISODE elements;
    ``None`` where the input cannot be read so plainly."""
    if path.is_dir():
        counted = {}
        for name in ("Header", "Episodes"):
            try:
                text = (path / f"{name}.csv").read_text(encoding="utf-8-sig")
                rows = list(csv.reader(io.StringIO(text, newline="")))
            except (OSError, UnicodeDecodeError, csv.Error):
                return None
            counted[name] = sum(1 for row in rows[1:] if any(c.strip() for c in row))
        return counted
    try:
        root = ET.fromstring(path.read_bytes())
    except (ET.ParseError, ValueError, RecursionError):
        return None
    return {"Header": len(root.findall("CHILD")), "Episodes": len(root.findall("CHILD/EPISODE"))}


def _placed(error: DataError, path: Path) -> str | None:
    """What is missing from ``error`` for it to say where: ``None`` if every problem is
    of the input (its file or a file in its folder) and names its line or field, or is
    about a whole file or folder."""
    for problem in error.problems:
        if not problem.source.startswith(str(path)):
            return f"a problem of another source: {problem}"
        if problem.line is None and problem.field is None and not any(
                note in problem.message for note in WHOLE_RETURN):
            return f"a problem without a line or field: {problem}"
    return None


#: A synthetic child's identifier, and a date written as the return writes one, other
#: than the example of the form every date problem gives and a date's shape (each digit
#: a 9).
_CHILD_ID = re.compile(r"SYN[0-9]{4,}")
_A_DATE = re.compile(r"[0-9]{2}/[0-9]{2}/[0-9]{4}")
_EXAMPLE_DATE = "31/03/2024"


def _shown(error: DataError) -> str | None:
    """A child's identifier or a date of the return that ``error`` writes out, which a
    problem must never do (a shifted or swapped column puts them in any field)."""
    text = str(error)
    found = _CHILD_ID.search(text)
    if found is not None:
        return f"a child's identifier in a problem: {found.group()}"
    dates = [d for d in _A_DATE.findall(text) if d not in (_EXAMPLE_DATE, "99/99/9999")]
    return f"a date of the return in a problem: {dates[0]}" if dates else None


def return_outcome(path: Path) -> tuple[str, str, int]:
    """How reading the return at ``path`` (a year folder, or an XML file) ends:
    ``(status, detail, rows lost)``, status ``result``, ``error`` or ``failure``."""
    try:
        found = read_returns(path, year=YEAR)
    except DataError as exc:
        unplaced = _placed(exc, path) or _shown(exc)
        if unplaced is not None:
            return "failure", unplaced, 0
        return "error", str(exc)[:300], 0
    except CorpparentError as exc:
        return "failure", f"not a DataError: {type(exc).__name__}: {exc}"[:300], 0
    except RecursionError:
        return "failure", "RecursionError", 0
    except Exception as exc:  # the point: anything but a DataError is a failure
        return "failure", f"{type(exc).__name__}: {str(exc)[:200]}", 0
    tables = found[YEAR].tables
    read = {name: len(tables[name]) for name in ("Header", "Episodes")}
    plain = _plain_rows(path)
    if plain is not None and plain != read:
        lost = sum(abs(plain[n] - read[n]) for n in read)
        return "failure", f"{plain} rows in the input, {read} read, none reported", lost
    return "result", f"{read['Header']} children, {read['Episodes']} episodes", 0
