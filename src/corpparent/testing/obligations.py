"""Hypothesis strategies for reporting obligations and the logs that meet or breach them.

[`obligation_sets`][corpparent.testing.obligations.obligation_sets] draws obligations that can all
be met on time (an obligation that must follow another gets time to do so);
[`compliant_logs`][corpparent.testing.obligations.compliant_logs] draws a submissions log that meets
every occurrence arising in a period, and
[`breaching_logs`][corpparent.testing.obligations.breaching_logs] one that breaches at least one: an
entry missing, sent late, or short of a topic. An authority can point them at its own obligations:

    @given(compliant_logs(my_obligations, period=FinancialYear(2023), meetings=dates))
    def test_a_compliant_log_is_all_met(log): ...

Importing this module needs hypothesis; ``import corpparent`` never imports it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from hypothesis import strategies as st

from corpparent.obligations.cycles import CYCLE_LENGTHS
from corpparent.obligations.definitions import Obligation, ObligationSet, Precedence
from corpparent.obligations.instances import Instance, expand
from corpparent.obligations.submissions import Submission
from corpparent.obligations.triggers import (
    AfterEachMeeting,
    ByMonth,
    Deadline,
    OnEvent,
    Recurring,
    Trigger,
    WithinDays,
)
from corpparent.periods import Period

__all__ = [
    "breaching_logs",
    "compliant_logs",
    "deadlines",
    "latest_due",
    "obligation_sets",
    "triggers",
]

_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz '", min_size=1, max_size=12).filter(
    lambda text: text.strip() != "")

triggers: st.SearchStrategy[Trigger] = st.one_of(
    st.just(AfterEachMeeting()),
    st.builds(Recurring, st.sampled_from(CYCLE_LENGTHS), st.integers(1, 12),
              st.sampled_from(["end", "start"])),
    st.builds(OnEvent, _names),
)
deadlines: st.SearchStrategy[Deadline] = st.one_of(
    st.builds(WithinDays, st.integers(0, 730)),
    st.builds(ByMonth, st.integers(1, 12), st.one_of(st.none(), st.integers(1, 31))),
)


@st.composite
def obligation_sets(draw: st.DrawFn, max_size: int = 4) -> ObligationSet:
    """Up to ``max_size`` obligations sharing one trigger, each perhaps following the
    one before; a follower is due within days enough to be met after its leader."""
    count = draw(st.integers(1, max_size))
    trigger = draw(triggers)
    built: list[Obligation] = []
    for index in range(count):
        covers = draw(st.lists(_names, max_size=3, unique_by=lambda t: t.strip().casefold()))
        after: list[Precedence] = []
        deadline = draw(deadlines)
        if index and draw(st.booleans()):
            gap = draw(st.integers(0, 3))
            after = [Precedence(f"o{index - 1}", gap)]
            deadline = WithinDays(_total_gap(built, after) + draw(st.integers(0, 60)))
        built.append(Obligation(
            id=f"o{index}", document=f"document {index}", recipient=draw(_names),
            trigger=trigger, deadline=deadline, covers=covers, after=after,
            responsible=draw(st.one_of(st.none(), _names)), source=draw(st.text(max_size=20)),
            note=draw(st.one_of(st.none(), st.text(max_size=20)))))
    return ObligationSet(built)


def _total_gap(built: Sequence[Obligation], after: Sequence[Precedence]) -> int:
    """Days from the trigger to the earliest an obligation after ``after`` can be met."""
    by_id = {o.id: o for o in built}
    longest = 0
    for precedence in after:
        leader = by_id[precedence.obligation]
        longest = max(longest, _total_gap(built, leader.after) + precedence.min_days)
    return longest


def _instances(
    obligations: ObligationSet, period: Period, meetings: Sequence[date] | None,
    events: Mapping[str, Sequence[date]] | None,
) -> dict[str, tuple[Instance, ...]]:
    found: dict[str, tuple[Instance, ...]] = {}
    for obligation in obligations:
        instances = expand(obligation, period.start, period.end, meetings=meetings,
                           events=events)
        if instances is None:
            raise ValueError(f"give the meeting or event dates {obligation.id!r} needs")
        found[obligation.id] = instances
    return found


def _entry(instance: Instance, day: date, covering: Sequence[str]) -> Submission:
    obligation = instance.obligation
    relates: date | Period = instance.cycle if instance.cycle is not None else instance.trigger
    return Submission(document=obligation.document, recipient=obligation.recipient,
                      date=day, covering=tuple(covering), relates_to=relates)


@st.composite
def compliant_logs(
    draw: st.DrawFn,
    obligations: ObligationSet,
    *,
    period: Period,
    meetings: Sequence[date] | None = None,
    events: Mapping[str, Sequence[date]] | None = None,
) -> list[Submission]:
    """A log meeting every occurrence arising in ``period``: each entry sent between the
    trigger and the deadline, after what it must follow, covering every topic."""
    instances = _instances(obligations, period, meetings, events)
    order = obligations.in_precedence_order
    due = {(o.id, i.key): i.due for o in order for i in instances[o.id]}
    # The latest each may be sent and still leave its followers time, working backwards.
    latest = dict(due)
    for follower in reversed(order):
        for precedence in follower.after:
            for instance in instances[follower.id]:
                key = (precedence.obligation, instance.key)
                latest[key] = min(latest[key], latest[(follower.id, instance.key)]
                                  - timedelta(days=precedence.min_days))
    sent: dict[tuple[str, str], date] = {}
    log: list[Submission] = []
    for obligation in order:
        for instance in instances[obligation.id]:
            key = (obligation.id, instance.key)
            earliest = instance.trigger
            for precedence in obligation.after:
                earliest = max(earliest, sent[(precedence.obligation, instance.key)]
                               + timedelta(days=precedence.min_days))
            if earliest > latest[key]:
                raise ValueError(f"{obligation.id!r} for {instance.label} cannot be met on "
                                 "time together with what must follow it")
            day = earliest + timedelta(days=draw(st.integers(0, (latest[key] - earliest).days)))
            sent[key] = day
            log.append(_entry(instance, day, obligation.covers))
    return draw(st.permutations(log))


@st.composite
def breaching_logs(
    draw: st.DrawFn,
    obligations: ObligationSet,
    *,
    period: Period,
    meetings: Sequence[date] | None = None,
    events: Mapping[str, Sequence[date]] | None = None,
) -> list[Submission]:
    """A compliant log with one entry removed, sent after its deadline, or short of a
    topic, so that judged after [`latest_due`][corpparent.testing.obligations.latest_due] at least
    one finding is a breach. Needs at least one occurrence in ``period``."""
    log = draw(compliant_logs(obligations, period=period, meetings=meetings, events=events))
    if not log:
        raise ValueError("no obligation arises in the period, so none can be breached")
    index = draw(st.integers(0, len(log) - 1))
    entry = log[index]
    obligation = obligations.for_log_entry(entry.document, entry.recipient)
    if obligation is None:  # pragma: no cover - every drawn entry names an obligation
        raise ValueError(f"no obligation for {entry}")
    ways = ["missing", "late", *(["incomplete"] if obligation.covers else [])]
    way = draw(st.sampled_from(ways))
    rest = log[:index] + log[index + 1:]
    if way == "missing":
        return rest
    if way == "incomplete":
        dropped = draw(st.sampled_from(obligation.covers))
        covering = [t for t in entry.covering if t != dropped]
        return [*rest, Submission(document=entry.document, recipient=entry.recipient,
                                  date=entry.date, covering=tuple(covering),
                                  relates_to=entry.relates_to)]
    instance = next(i for i in _instances(obligations, period, meetings, events)[obligation.id]
                    if entry.relates_to in (i.cycle, i.trigger))
    late = instance.due + timedelta(days=draw(st.integers(1, 60)))
    return [*rest, entry.moved_to(late)]


def latest_due(
    obligations: ObligationSet,
    *,
    period: Period,
    meetings: Sequence[date] | None = None,
    events: Mapping[str, Sequence[date]] | None = None,
) -> date:
    """The last deadline of any occurrence arising in ``period``: judge a drawn log
    after it, so that nothing is still "not yet due"."""
    days = [i.due for found in _instances(obligations, period, meetings, events).values()
            for i in found]
    return max(days, default=period.end)
