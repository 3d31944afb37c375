"""The checker: given a set of published reports, try to work out every figure they
withhold, as a reader who has all of them would.

`check` reads the reports (JSON files written by corpparent, or report models),
gathers what they say with `figures_of`,
and asks [`corpparent.disclosure.ranges`][corpparent.disclosure.ranges] (an exact mixed-integer
solver) for the narrowest range each withheld figure can still take. A withheld count is
**narrowed** when the reports confine it to fewer values than its symbol alone says: a ``c`` stands
for any count from 1 to ``threshold - 1``, so a ``c`` that can only be 3, or only 1 or
2, is narrowed. A withheld figure that is not a count (a percentage withheld with its
numerator) is narrowed when it is pinned to one value; its numerator is checked as a
count.

A count no report shows at all can be given away as well: June, where the papers are
April's, May's and the quarter's, is the quarter's total less two published months. Such
a count is listed where the reports pin it or show it to be small, and is narrowed when
they show it to be small: every value they leave it is below the threshold, and one of
them is a count from 1 to ``threshold - 1``. A range that rules out some small values
but still allows large ones is not: 42.86% of a denominator never printed is 3 of 7, 6
of 14 or 18 of 42, and a reader cannot tell the 3 from the 18. That is the inference
official statistics accept whenever they publish a percentage whose numerator is not
small; the count a ``c`` stands for is the secret, not every count left unprinted.
Counts never shown are bounded by the solver where they bear on a withheld figure, by
each relation that leaves them as its one unseen figure, and (for a numerator) by the
relations near it; a longer route to a figure never shown is not searched, so it may be
missed.

Each result names, in plain words, the published things that bound the figure (the
relations that name it): "missing_episode, 2024-05: c is 3 (the 2024-25 Q1 total)".
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, final

from attrs import frozen
from pydantic import ValidationError

from corpparent.disclosure import DEFAULT_THRESHOLD, Range, Relation, Unknown, ranges
from corpparent.errors import DataError, Problem
from corpparent.report.disclosure.relations import Figures, Key, figures_of
from corpparent.report.model import REPORT_MODELS, AnyReport, report_adapter
from corpparent.safe_text import printable

__all__ = ["CheckResult", "WithheldFigure", "check", "read_report"]

#: How many of the relations that name a figure its line lists.
_SOURCES_SHOWN = 3
#: A numerator no report shows is bounded by relations naming at most this many figures
#: a reader does not see, and at most this many of them (see `_near`).
_NEAR_UNSEEN = 4
_NEAR_RELATIONS = 24


def figure_name(key: Key) -> str:
    """A figure as a reader names it: ``missing_episode, 2024-05`` (``(numerator)`` or
    ``(denominator)`` after the count behind a percentage)."""
    kind, *rest = key
    name = ", ".join(rest)
    return name if kind == "value" else f"{name} ({kind})"


def _number(value: float) -> str:
    return f"{value:g}" if math.isfinite(value) else ("any" if value > 0 else "-any")


def describe_range(found: Range, count: bool) -> str:
    """What a range leaves of a figure, in words: ``3``, ``1 or 2``, ``from 2 to 5``."""
    if count and found.only is not None:
        values = sorted(found.only)
        if not values:
            return "impossible (the reports contradict each other)"
        if len(values) == 1:
            return str(values[0])
        return ", ".join(map(str, values[:-1])) + f" or {values[-1]}"
    if found.lower == found.upper:
        return _number(found.lower)
    if not math.isfinite(found.lower) and not math.isfinite(found.upper):
        return "any value"
    if not math.isfinite(found.lower):
        text = f"at most {_number(found.upper)}"
    elif not math.isfinite(found.upper):
        text = f"at least {_number(found.lower)}"
    else:
        text = f"from {_number(found.lower)} to {_number(found.upper)}"
    if count and found.excluded:
        text += f", not {', '.join(map(str, sorted(found.excluded)))}"
    return text


@final
@frozen
class WithheldFigure:
    """One withheld figure: the range a reader can still put on it, whether that narrows
    it beyond what its symbol says, and the published things that bound it.

    A count no report shows (``shown`` False: June, where the papers are April's, May's
    and the quarter's) is listed too where the reports pin it or confine it below the
    threshold; it is narrowed when they show it to be a small count (1 to ``threshold -
    1``): a reader has learned a count the papers never printed."""

    figure: Key
    range: Range
    count: bool
    narrowed: bool
    sources: tuple[str, ...]
    shown: bool = True

    @property
    def name(self) -> str:
        """The figure as a reader names it."""
        return figure_name(self.figure)

    def describe(self, symbol: str = "c") -> str:
        """One line: ``missing_episode, 2024-05: c is 3 (the 2024-25 Q1 total)``."""
        shown_sources = list(self.sources[:_SOURCES_SHOWN])
        if len(self.sources) > _SOURCES_SHOWN:
            shown_sources.append(f"and {len(self.sources) - _SOURCES_SHOWN} more")
        why = f" ({'; '.join(shown_sources)})" if self.sources and self.narrowed else ""
        said = f"{symbol} is" if self.shown else "never published, is"
        return f"{self.name}: {said} {describe_range(self.range, self.count)}{why}"

    def as_dict(self) -> dict[str, Any]:
        """The figure as the checker's JSON writes it."""
        found = self.range
        return {"figure": list(self.figure), "name": self.name, "count": self.count,
                "narrowed": self.narrowed, "pinned": found.pinned, "shown": self.shown,
                "lower": found.lower if math.isfinite(found.lower) else None,
                "upper": found.upper if math.isfinite(found.upper) else None,
                "only": None if found.only is None else sorted(found.only),
                "text": self.describe(), "sources": list(self.sources)}


@final
@frozen
class CheckResult:
    """Every withheld figure of the reports checked (and every count they never show but
    pin, or show to be small), in the order first read, with the
    threshold it was checked against; ``consistent`` is False where the reports'
    published figures contradict each other (then the ranges rest on fewer relations)."""

    figures: tuple[WithheldFigure, ...]
    threshold: int
    consistent: bool
    reports: int

    @property
    def narrowed(self) -> tuple[WithheldFigure, ...]:
        """The withheld figures the reports narrow."""
        return tuple(item for item in self.figures if item.narrowed)

    @property
    def safe(self) -> bool:
        """Whether no withheld figure is narrowed."""
        return not self.narrowed

    def lines(self) -> list[str]:
        """What the checker prints: a summary line, then one line per narrowed figure."""
        withheld = sum(item.shown for item in self.figures)
        narrowed = sum(item.shown for item in self.narrowed)
        unseen = len(self.narrowed) - narrowed
        head = (f"{withheld} withheld figure{'s' if withheld != 1 else ''}"
                f" in {self.reports} report{'s' if self.reports != 1 else ''}: "
                f"{narrowed} narrowed beyond what c says (counts from 1 to "
                f"{self.threshold - 1})")
        head += (f"; {unseen} count{'s' if unseen != 1 else ''} never published shown to "
                 "be small." if unseen else ".")
        lines = [head, *(item.describe() for item in self.narrowed)]
        if not self.consistent:
            lines.append("The published figures contradict each other (rounding, or a "
                         "figure revised between papers); the ranges rest on the relations "
                         "that hold.")
        return lines

    def as_dict(self) -> dict[str, Any]:
        """The result as the checker's JSON writes it."""
        return {"threshold": self.threshold, "reports": self.reports,
                "consistent": self.consistent, "narrowed": len(self.narrowed),
                "figures": [item.as_dict() for item in self.figures]}


def _field(location: tuple[int | str, ...]) -> str:
    """A pydantic location as a report's key path: ``indicators[3].trend[0].value``."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def read_report(path: Path) -> AnyReport:
    """A JSON report written by corpparent; anything else is a
    [`DataError`][corpparent.errors.DataError] naming the file (and, where it is a report with a bad
    field, the field)."""
    source = str(path)
    if path.suffix.lower() != ".json":
        raise DataError.single(source, expected="a corpparent JSON report (.json)",
                               found=f"a {path.suffix or 'file without a suffix'} file")
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise DataError.single(source, "file not found") from None
    except OSError as exc:
        raise DataError.single(source, f"cannot be read: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = exc.lineno if isinstance(exc, json.JSONDecodeError) else None
        raise DataError.single(source, line=line, expected="a corpparent JSON report",
                               found="text that is not JSON") from None
    kinds = " or ".join(repr(name) for name in REPORT_MODELS)
    kind = data.get("kind") if isinstance(data, dict) else None
    if not isinstance(kind, str) or kind not in REPORT_MODELS:
        raise DataError.single(source, field="kind" if isinstance(data, dict) else None,
                               expected=f"a corpparent report, of kind {kinds}",
                               found=printable(repr(kind))[:60] if isinstance(data, dict)
                               else f"a JSON {type(data).__name__}")
    try:
        return report_adapter().validate_python(data)
    except ValidationError as exc:
        raise DataError([Problem(source, error["msg"], field=_field(error["loc"][1:]) or None)
                         for error in exc.errors()]) from None


def _components(figures: Figures) -> tuple[list[Unknown[Key]], list[Relation[Key]]]:
    """The unknowns and relations that bear on a withheld figure: those connected to one
    through relations over figures a reader does not see (the rest need no solving)."""
    unseen = {key for key, value in figures.values.items() if value is None}
    parent = {key: key for key in unseen}

    def root(key: Key) -> Key:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for relation in figures.relations:
        named = [key for key in relation.figures if key in unseen]
        for other in named[1:]:
            parent[root(other)] = root(named[0])
    wanted = {root(key) for key in figures.withheld}
    unknowns = [Unknown(key, integer=key in figures.counts,
                        lower=0.0 if key in figures.counts else -math.inf)
                for key in figures.values if key in unseen and root(key) in wanted]
    relations = [r for r in figures.relations
                 if not any(key in unseen and root(key) not in wanted for key in r.figures)]
    return unknowns, relations


def _sources(key: Key, relations: Sequence[Relation[Key]], figures: Figures) -> tuple[str, ...]:
    """The published things that bound ``key``: the relations that name it, then those
    that name another unseen figure of theirs (one step further, which is cheap)."""
    direct = sorted((r for r in relations if key in r.figures),
                    key=lambda r: r.lower != r.upper)  # equations first: they pin
    near = {k for r in direct for k in r.figures if k != key and figures.values.get(k) is None}
    further = [r for r in relations if r not in direct and near & set(r.figures)]
    return tuple(dict.fromkeys(r.source for r in (*direct, *further) if r.source))


def _shows_small(found: Range, threshold: int) -> bool:
    """Whether a range shows a count never published to be small: no value from
    ``threshold`` up is possible, and some count from 1 to ``threshold - 1`` is (a range
    of 0 to 3 says "at most 3"; one of 3 or from 6 up says nothing a reader can use)."""
    largest = found.upper if found.only is None else max(found.only, default=0)
    return largest < threshold and any(found.possible(value) for value in range(1, threshold))


def _whole(value: float, rounding: Callable[[float], int], slack: float) -> float:
    return float(rounding(value + slack)) if math.isfinite(value) else value


def _read_off(figures: Figures) -> dict[Key, Range]:
    """The counts no report shows that a relation gives straight away, its only figure a
    reader does not see (a quarter's total less its two published months): the bounds
    each such relation puts on them, taken together. Longer routes to a figure never
    published are left to the solver only where they also bear on a withheld one."""
    known = figures.known
    bounds: dict[Key, tuple[float, float]] = {}
    for relation in figures.relations:
        unseen = [(key, weight) for key, weight in relation.terms if key not in known]
        if len(unseen) != 1 or unseen[0][0] not in figures.counts or unseen[0][1] == 0:
            continue
        key, weight = unseen[0]
        rest = math.fsum(w * known[k] for k, w in relation.terms if k in known)
        ends = sorted(((relation.lower - rest) / weight, (relation.upper - rest) / weight))
        low, high = bounds.get(key, (0.0, math.inf))
        bounds[key] = (max(low, _whole(ends[0], math.ceil, -1e-6)),
                       min(high, _whole(ends[1], math.floor, 1e-6)))
    return {key: Range(low, high) for key, (low, high) in bounds.items() if low <= high}


def _near(figures: Figures, key: Key, threshold: int) -> Range | None:
    """The range of a numerator no report shows, from the relations near it only: those
    reached from it through relations naming at most `_NEAR_UNSEEN` figures a reader
    does not see (a quarter's numerators and denominators, its percentage, its months'
    percentages), so that a year of many unseen figures is not solved for each. Leaving
    relations out only widens the range."""
    known = figures.known
    unseen_of = {id(r): [k for k in r.figures if k not in known] for r in figures.relations}
    near = [r for r in figures.relations if 0 < len(unseen_of[id(r)]) <= _NEAR_UNSEEN]
    reached, frontier = {key}, [key]
    chosen: list[Relation[Key]] = []
    while frontier and len(chosen) < _NEAR_RELATIONS:
        step = [r for r in near if r not in chosen and set(unseen_of[id(r)]) & set(frontier)]
        chosen += step
        frontier = [k for r in step for k in unseen_of[id(r)] if k not in reached]
        reached.update(frontier)
    if not chosen:
        return None
    unknowns = [Unknown(k, integer=k in figures.counts,
                        lower=0.0 if k in figures.counts else -math.inf) for k in reached]
    found = ranges({k: v for k, v in known.items()
                    if any(k in r.figures for r in chosen)}, unknowns, chosen,
                   threshold=threshold)
    return found[key] if found.consistent else None


def check(reports: Iterable[AnyReport | Path | str], *,
          threshold: int = DEFAULT_THRESHOLD) -> CheckResult:
    """Try to work out every figure the ``reports`` withhold from everything they publish
    together (report models, or paths of JSON reports), and say which are narrowed
    beyond what ``c`` says (counts from 1 to ``threshold - 1``)."""
    read: list[AnyReport] = [item if not isinstance(item, Path | str)
                                 else read_report(Path(item)) for item in reports]
    figures = figures_of(*read)
    unknowns, relations = _components(figures)
    found = ranges(figures.known, unknowns, relations, threshold=threshold)
    read_off = _read_off(figures)
    for key, value in figures.values.items():
        if value is None and key[0] == "numerator" and key not in found and (
                key not in figures.withheld) and (near := _near(figures, key, threshold)):
            read_off[key] = near
    result = []
    for key in figures.values:
        count = key in figures.counts
        value = figures.values[key]
        if key in figures.revealed and value is not None and count and 0 < value < threshold:
            # withheld in one report, published in another: given away outright
            result.append(WithheldFigure(key, Range(value, value, only=frozenset({int(value)})),
                                         count, True, ("its value in another report",)))
            continue
        if key in figures.withheld:
            bounds = found[key]
            narrowed = bounds.narrows(threshold) if count else bounds.pinned
        elif count and (best := found.get(key) or read_off.get(key)) is not None and (
                best.decided and (best.pinned or _shows_small(best, threshold))):
            bounds = best  # never published, yet the reports pin it or show it small
            narrowed = _shows_small(best, threshold)
        else:
            continue
        sources = _sources(key, relations if key in found else figures.relations, figures)
        result.append(WithheldFigure(key, bounds, count, narrowed, sources,
                                     shown=key in figures.withheld))
    return CheckResult(tuple(result), threshold, found.consistent, len(read))
