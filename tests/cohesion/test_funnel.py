"""The participation funnel on a small known set of events, and its suppression below five."""

import datetime

from samen.cohesion.funnel import Event, funnel

D = datetime.date
START, END = D(2022, 1, 1), D(2022, 6, 30)


def _event(household, kind, day, until=None):
    return Event(household, kind, day, until or day)


def test_each_step_counts_distinct_households_in_the_period():
    events = [
        # 6 households contributed in the period (household 1 twice), one before it.
        *[_event(h, "contributed", D(2022, 2, 1)) for h in (1, 2, 3, 4, 5, 6)],
        _event(1, "contributed", D(2022, 3, 1)),
        _event(7, "contributed", D(2021, 12, 31)),
        # 5 registered, 4 came (too few to show), 5 helped (one through a long committee term).
        *[_event(h, "registered", D(2022, 4, 1)) for h in (2, 3, 8, 9, 10)],
        *[_event(h, "attended", D(2022, 4, 1)) for h in (2, 3, 8, 9)],
        *[_event(h, "helped", D(2022, 5, 1)) for h in (1, 2, 3, 11)],
        _event(12, "helped", D(2020, 1, 1), D(9999, 12, 31)),
        # Logged in for the first time: reached, nothing else.
        _event(13, "joined", D(2022, 6, 30)),
        _event(14, "joined", D(2022, 7, 1)),
    ]
    steps = {step.key: step for step in funnel(events, starts_on=START, ends_on=END, households=20)}
    assert steps["contributed"].count == 6
    assert steps["contributed"].share == 6 / 20
    assert steps["registered"].count == 5
    assert steps["attended"].count is None
    assert steps["attended"].suppressed
    assert steps["helped"].count == 5
    # 1–6, 8–13: twelve households did something in the period.
    assert steps["reached"].count == 12
    assert steps["reached"].percent == 60


def test_nothing_shows_in_a_neighbourhood_with_fewer_than_five_households():
    events = [_event(h, "contributed", D(2022, 2, 1)) for h in range(6)]
    steps = funnel(events, starts_on=START, ends_on=END, households=4)
    assert all(step.suppressed for step in steps)


def test_the_steps_come_in_funnel_order():
    keys = [step.key for step in funnel([], starts_on=START, ends_on=END, households=10)]
    assert keys == ["reached", "contributed", "registered", "attended", "helped"]
