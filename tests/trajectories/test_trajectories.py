"""Trajectories: the blueprint, the phase-type registry, predicates on the active phase."""

import datetime

import pytest
import rules
from django.core.exceptions import ValidationError
from django.urls import reverse

from samen.trajectories.registry import PhaseType, PhaseTypeRegistry, phase_types
from samen.trajectories.rules import phase_allows
from samen.trajectories.selectors import timeline_of
from samen.trajectories.services import phase_update, trajectory_create_from_blueprint
from tests.factories import PhaseFactory, TrajectoryFactory


def test_blueprint_makes_two_phases_with_the_two_tracks(neighbourhood):
    trajectory = trajectory_create_from_blueprint(
        neighbourhood=neighbourhood, blueprint="two_phase", starts_on=datetime.date(2021, 10, 1)
    )
    exploration, follow_up = trajectory.phases.order_by("starts_on")
    assert (exploration.type, follow_up.type) == ("exploration", "follow_up")
    assert exploration.starts_on == datetime.date(2021, 10, 1)
    assert follow_up.starts_on == exploration.ends_on + datetime.timedelta(days=1)
    assert list(follow_up.tracks.values_list("key", flat=True)) == ["activities", "committee"]
    assert exploration.tracks.count() == 0


def test_blueprint_twice_with_one_key_makes_one_trajectory(neighbourhood):
    for _ in range(2):
        trajectory_create_from_blueprint(
            neighbourhood=neighbourhood,
            blueprint="two_phase",
            starts_on=datetime.date(2021, 10, 1),
            idempotency_key="c" * 32,
        )
    assert neighbourhood.trajectories.count() == 1


def test_unknown_blueprint_is_refused(neighbourhood):
    with pytest.raises(ValidationError):
        trajectory_create_from_blueprint(
            neighbourhood=neighbourhood, blueprint="nope", starts_on=datetime.date(2021, 10, 1)
        )


def test_timeline_splits_past_now_and_next(neighbourhood):
    trajectory = trajectory_create_from_blueprint(
        neighbourhood=neighbourhood, blueprint="two_phase", starts_on=datetime.date(2021, 10, 1)
    )
    timeline = timeline_of(neighbourhood=neighbourhood, today=datetime.date(2022, 3, 1))
    assert timeline.trajectory == trajectory
    assert [p.type for p in timeline.past] == ["exploration"]
    assert [p.type for p in timeline.current] == ["follow_up"]
    assert timeline.future == []


def test_registry_refuses_a_key_twice_and_extends_features():
    registry = PhaseTypeRegistry()
    registry.register(PhaseType("a", "A", "", {"submit": ("x.Model",)}))
    with pytest.raises(ValueError):
        registry.register(PhaseType("a", "Other", "", {}))
    registry.extend("a", {"vote": ("y.Other",)})
    assert registry.get("a").has_feature("vote", "y.other")
    assert registry.get("a").has_feature("submit")
    assert not registry.get("a").has_feature("comment")


def test_apps_register_their_phase_types_at_start_up():
    assert "exploration" in phase_types and "follow_up" in phase_types


def test_phase_predicate_asks_the_phase_that_runs_today(neighbourhood, users):
    today = datetime.date.today()
    PhaseFactory(
        trajectory=TrajectoryFactory(neighbourhood=neighbourhood),
        type="follow_up",
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=3),
    )
    assert phase_allows("activities")(users["resident"], neighbourhood)
    assert not phase_allows("feedback")(users["resident"], neighbourhood)
    composed = rules.is_authenticated & phase_allows("committee", "trajectories.Track")
    assert composed.test(users["resident"], neighbourhood)


def test_overlapping_phase_dates_get_a_message(neighbourhood):
    trajectory = trajectory_create_from_blueprint(
        neighbourhood=neighbourhood, blueprint="two_phase", starts_on=datetime.date(2021, 10, 1)
    )
    exploration, follow_up = trajectory.phases.order_by("starts_on")
    with pytest.raises(ValidationError) as error:
        phase_update(
            phase=follow_up,
            title=follow_up.title,
            description="",
            type="follow_up",
            starts_on=exploration.ends_on,
            ends_on=follow_up.ends_on,
        )
    assert "starts_on" in error.value.message_dict


def test_facilitator_starts_a_trajectory_from_the_page(client, neighbourhood, users):
    client.force_login(users["facilitator"])
    url = reverse("trajectories:manage", kwargs={"slug": neighbourhood.slug})
    response = client.post(
        url, {"blueprint": "two_phase", "starts_on": "2021-10-01", "idempotency_key": "d" * 32}
    )
    assert response.status_code == 302
    assert neighbourhood.trajectories.get().phases.count() == 2


def test_bad_date_keeps_what_was_typed(client, neighbourhood, users):
    client.force_login(users["facilitator"])
    url = reverse("trajectories:manage", kwargs={"slug": neighbourhood.slug})
    response = client.post(url, {"blueprint": "two_phase", "starts_on": "32-13-2021"})
    assert response.status_code == 200
    assert 'value="32-13-2021"' in response.content.decode()
    assert neighbourhood.trajectories.count() == 0


def test_public_page_shows_the_timeline_and_no_names(client, neighbourhood, users):
    trajectory_create_from_blueprint(
        neighbourhood=neighbourhood, blueprint="two_phase", starts_on=datetime.date(2021, 10, 1)
    )
    response = client.get(reverse("neighbourhoods:public", kwargs={"slug": neighbourhood.slug}))
    text = response.content.decode()
    assert response.status_code == 200
    assert "timeline" in text
    for user in users.values():
        assert user.display_name not in text
