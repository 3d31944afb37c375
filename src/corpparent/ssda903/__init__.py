"""The panel's figures from the council's own SSDA903 return, as the DfE computes them.

Every English council sends the DfE its SSDA903 "children looked after" return each
year; the DfE publishes the measures it computes from it seven to eight months after 31
March. This package computes those measures from the return itself:

- `returns`: the return as columns, one [`Return`][corpparent.ssda903.Return] per
  collection year (``2023-24``), [`Returns`][corpparent.ssda903.Returns] for several;
- `engine`: the episode engine ([`Care`][corpparent.ssda903.Care]): periods of
  care, placements, short breaks set apart, ages at dates; `history`: the episodes of
  every year read, gathered and sorted once per [`Returns`][corpparent.ssda903.Returns]
  and shared by every year's measures;
- `measuring` and `definitions`: each
  measure a [`Measure`][corpparent.ssda903.Measure] quoting the DfE's passage it follows, and
  [`measures`][corpparent.ssda903.measures], a year's measures as a tidy table, at 31 March or at
  any day of the year ([`Window`][corpparent.ssda903.Window], ``as_at``);
- `synthetic` and `children`: synthetic returns of invented children
  ([`synthesise`][corpparent.ssda903.synthesise]), for tests, examples and benchmarks;
- `stability` and `leavers`:
  long-term stability (both of the DfE's definitions, each for its years) and the
  care leaver measures;
- `reconciling` and `counted`: the computed measures beside the DfE's published
  figures, every difference listed ([`reconcile`][corpparent.ssda903.reconciling.reconcile]),
  and the children behind a measure ([`drill_down`][corpparent.ssda903.counted.drill_down]).

The reader of the return's CSV tables is
[`corpparent.files.read_returns`][corpparent.files.read_returns], with the other readers: the rules
import no file reader, so it is not re-exported here. The names below are imported when first used
(PEP 562).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpparent._lazy import front_door

if TYPE_CHECKING:  # each public name, written once, imported on first use
    from corpparent.ssda903.counted import DrillDown as DrillDown, drill_down as drill_down
    from corpparent.ssda903.definitions import (
        MEASURES as MEASURES,
        SUPERSEDED as SUPERSEDED,
    )
    from corpparent.ssda903.engine import Care as Care, age_at as age_at
    from corpparent.ssda903.measuring import (
        Measure as Measure,
        MeasureValue as MeasureValue,
        Unit as Unit,
        Window as Window,
        as_at_dates as as_at_dates,
        compute as compute,
        definition as definition,
        left_out as left_out,
        measures as measures,
    )
    from corpparent.ssda903.reconciling import (
        NOT_PUBLISHED as NOT_PUBLISHED,
        PUBLISHED_IN as PUBLISHED_IN,
        PublishedFigures as PublishedFigures,
        Reconciliation as Reconciliation,
        reconcile as reconcile,
    )
    from corpparent.ssda903.returns import (
        Return as Return,
        Returns as Returns,
        Table as Table,
        collection_year as collection_year,
    )
    from corpparent.ssda903.synthetic import Synthetic as Synthetic, synthesise as synthesise

__getattr__, __dir__ = front_door(__name__, globals())
