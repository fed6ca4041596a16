"""The contest: entries and moderation, one vote per household, results, the share page."""

import datetime
import io

import pytest
import rules
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

import samen.activities.rules_contest  # noqa: F401
from samen.activities.models import Activity, ContestEntry, Moderation, Vote
from samen.activities.selectors_contest import contest_results
from samen.activities.services_contest import contest_vote
from tests.activities.factories import ActivityFactory, ContestEntryFactory, VoteFactory
from tests.factories import HouseholdFactory, ResidentFactory

pytestmark = pytest.mark.usefixtures("english")
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _contest(neighbourhood, state="open", **kwargs):
    now = timezone.now()
    opens, closes = {
        "not_yet": (now + 2 * DAY, now + 9 * DAY),
        "open": (now - DAY, now + 5 * DAY),
        "closed": (now - 9 * DAY, now - DAY),
    }[state]
    return ActivityFactory(
        neighbourhood=neighbourhood,
        kind=Activity.Kind.CONTEST,
        title="Huisdierenwedstrijd",
        voting_opens_at=opens,
        voting_closes_at=closes,
        **kwargs,
    )


def _entry(contest, household=None, **kwargs):
    household = household or HouseholdFactory(neighbourhood=contest.neighbourhood)
    return ContestEntryFactory(activity=contest, household=household, **kwargs)


def _url(name, contest, **extra):
    return reverse(
        f"activities:{name}", kwargs={"slug": contest.neighbourhood.slug, "pk": contest.pk, **extra}
    )


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 100, 10)).save(buffer, "PNG")
    return buffer.getvalue()


# Voting


def test_a_resident_votes_once_and_sees_whom_they_voted_for(
    client, users, neighbourhood, household
):
    contest = _contest(neighbourhood)
    entry = _entry(contest, title="Minoes")
    client.force_login(users["resident"])
    response = client.post(_url("contest_vote", contest), {"entry": entry.pk}, follow=True)
    text = response.content.decode()
    assert "You voted for Minoes." in text
    assert Vote.objects.get().household == household
    assert "Vote for Minoes" not in text


def test_a_second_vote_of_the_household_is_refused(client, users, neighbourhood, household):
    contest = _contest(neighbourhood)
    first, second = _entry(contest), _entry(contest)
    VoteFactory(entry=first, household=household)
    client.force_login(users["resident"])
    response = client.post(_url("contest_vote", contest), {"entry": second.pk}, follow=True)
    assert "Your household has already voted." in response.content.decode()
    assert Vote.objects.filter(household=household).count() == 1


def test_the_database_decides_when_two_votes_race(neighbourhood, household):
    contest = _contest(neighbourhood)
    first, second = _entry(contest), _entry(contest)
    Vote.objects.create(activity=contest, entry=first, household=household)
    with pytest.raises(ValidationError, match="already voted"):
        contest_vote(entry=second, household=household)


def test_nobody_votes_for_their_own_pet(client, users, neighbourhood, household):
    contest = _contest(neighbourhood)
    own = _entry(contest, household, title="Bruno")
    client.force_login(users["resident"])
    page = client.get(_url("contest", contest)).content.decode()
    assert "This is your pet." in page
    assert "Vote for Bruno" not in page
    response = client.post(_url("contest_vote", contest), {"entry": own.pk}, follow=True)
    assert "You cannot vote for your own pet." in response.content.decode()
    assert not Vote.objects.exists()


@pytest.mark.parametrize(
    ("state", "message"),
    [("not_yet", "Voting has not started yet."), ("closed", "Voting is closed.")],
)
def test_a_vote_outside_the_window_is_refused(client, users, neighbourhood, state, message):
    contest = _contest(neighbourhood, state)
    entry = _entry(contest)
    client.force_login(users["resident"])
    response = client.post(_url("contest_vote", contest), {"entry": entry.pk}, follow=True)
    assert message in response.content.decode()
    assert not Vote.objects.exists()


def test_a_vote_for_an_entry_that_is_not_shown_is_refused(client, users, neighbourhood):
    contest = _contest(neighbourhood)
    entry = _entry(contest, status=Moderation.PENDING)
    client.force_login(users["resident"])
    response = client.post(_url("contest_vote", contest), {"entry": entry.pk}, follow=True)
    assert "You cannot vote for this entry." in response.content.decode()
    assert not Vote.objects.exists()


def test_the_vote_permission_spells_out_the_rule(users, neighbourhood, household):
    contest = _contest(neighbourhood)
    resident = users["resident"]
    entry = _entry(contest)
    assert rules.has_perm("activities.vote", resident, entry)
    assert not rules.has_perm("activities.vote", users["facilitator"], entry)
    assert not rules.has_perm("activities.vote", resident, _entry(contest, household))
    assert not rules.has_perm(
        "activities.vote", resident, _entry(contest, status=Moderation.PENDING)
    )
    closed_entry = _entry(_contest(neighbourhood, "closed"))
    assert not rules.has_perm("activities.vote", resident, closed_entry)
    VoteFactory(entry=_entry(contest), household=household)
    assert not rules.has_perm("activities.vote", resident, entry)


def test_staff_cannot_vote(client, users, neighbourhood):
    contest = _contest(neighbourhood)
    entry = _entry(contest)
    client.force_login(users["facilitator"])
    assert client.post(_url("contest_vote", contest), {"entry": entry.pk}).status_code == 404
    assert not Vote.objects.exists()


# The contest page and results


def test_the_tally_is_hidden_while_voting_runs(client, users, neighbourhood):
    contest = _contest(neighbourhood)
    entry = _entry(contest, title="Kiwi")
    for _index in range(3):
        VoteFactory(entry=entry)
    client.force_login(users["resident"])
    text = client.get(_url("contest", contest)).content.decode()
    assert "Kiwi" in text
    assert "3 votes" not in text
    assert "Results" not in text
    assert "Voting is open until" in text


def test_before_voting_the_page_says_when_it_opens(client, users, neighbourhood):
    contest = _contest(neighbourhood, "not_yet")
    _entry(contest, title="Pluis")
    client.force_login(users["resident"])
    text = client.get(_url("contest", contest)).content.decode()
    assert "Voting opens on" in text
    assert "Vote for Pluis" not in text


def test_results_share_a_place_on_a_tie_and_show_no_votes(neighbourhood):
    contest = _contest(neighbourhood, "closed")
    counts = {"A": 3, "B": 2, "C": 2, "D": 1, "E": 0}
    for title, count in counts.items():
        entry = _entry(contest, title=title)
        for _index in range(count):
            VoteFactory(entry=entry)
    rows = contest_results(activity=contest)
    assert [(r.entry.title, r.votes, r.place, r.shared) for r in rows] == [
        ("A", 3, 1, False),
        ("B", 2, 2, True),
        ("C", 2, 2, True),
        ("D", 1, 4, False),
        ("E", 0, None, False),
    ]


def test_two_winners_both_get_the_first_place_on_the_page(client, users, neighbourhood):
    contest = _contest(neighbourhood, "closed")
    for title in ("Simba", "Lola"):
        VoteFactory(entry=_entry(contest, title=title))
    _entry(contest, title="Tijger")
    client.force_login(users["resident"])
    text = client.get(_url("contest", contest)).content.decode()
    assert text.count("Place 1 (shared)") == 2
    assert "no votes" in text


def test_a_contest_without_votes_says_so(client, users, neighbourhood):
    contest = _contest(neighbourhood, "closed")
    _entry(contest)
    client.force_login(users["resident"])
    assert "Nobody voted in this contest." in client.get(_url("contest", contest)).content.decode()


@pytest.mark.parametrize("state", ["open", "closed"])
def test_the_contest_page_costs_the_same_number_of_queries_at_any_size(
    client, users, neighbourhood, household, state, django_assert_max_num_queries
):
    contest = _contest(neighbourhood, state)
    client.force_login(users["committee_member"])  # an organiser who is also a resident
    counts = []
    for size in (3, 30):
        for _index in range(size):
            entry = _entry(contest)
            VoteFactory(entry=entry)
            _entry(contest, status=Moderation.PENDING)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url("contest", contest)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(12):
        client.get(_url("contest", contest))


# Entries and moderation


def test_a_new_entry_waits_for_a_check_and_is_hidden_from_residents(client, users, neighbourhood):
    contest = _contest(neighbourhood, "not_yet")
    client.force_login(users["resident"])
    photo = SimpleUploadedFile("poes.png", _png(), content_type="image/png")
    response = client.post(
        _url("contest_entry_create", contest),
        {"title": "Minoes", "text": "Ze slaapt graag.", "photo": photo, "idempotency_key": "a1"},
        follow=True,
    )
    assert "We check your photo first." in response.content.decode()
    entry = ContestEntry.objects.get()
    assert entry.status == Moderation.PENDING
    neighbour = ResidentFactory(household=HouseholdFactory(neighbourhood=neighbourhood))
    client.force_login(neighbour.user)
    assert "Minoes" not in client.get(_url("contest", contest)).content.decode()
    assert client.get(_url("contest_entry", contest, entry_pk=entry.pk)).status_code == 404


def test_organisers_see_the_pending_count_and_approve_an_entry(client, users, neighbourhood):
    contest = _contest(neighbourhood, "not_yet")
    entry = _entry(contest, title="Flappie", status=Moderation.PENDING)
    client.force_login(users["facilitator"])
    assert "1 entry waits for a check." in client.get(_url("contest", contest)).content.decode()
    moderation = client.get(_url("contest_moderate", contest)).content.decode()
    assert "Show Flappie" in moderation
    client.post(_url("contest_moderate", contest), {"entry": entry.pk, "status": "approved"})
    entry.refresh_from_db()
    assert entry.status == Moderation.APPROVED and entry.moderated_by == users["facilitator"]
    client.force_login(users["resident"])
    assert "Flappie" in client.get(_url("contest", contest)).content.decode()


def test_organisers_can_change_their_mind_and_hide_an_entry(client, users, neighbourhood):
    contest = _contest(neighbourhood)
    entry = _entry(contest, title="Nemo")
    client.force_login(users["committee_member"])
    client.post(_url("contest_moderate", contest), {"entry": entry.pk, "status": "rejected"})
    entry.refresh_from_db()
    assert entry.status == Moderation.REJECTED
    assert "Nemo" not in client.get(_url("contest", contest)).content.decode().split("<h2>")[-1]


def test_a_household_takes_part_once_and_is_shown_its_entry(
    client, users, neighbourhood, household
):
    contest = _contest(neighbourhood, "not_yet")
    existing = _entry(contest, household, title="Bruno")
    client.force_login(users["resident"])
    text = client.get(_url("contest_entry_create", contest)).content.decode()
    assert "Your household already takes part with Bruno." in text
    assert _url("contest_entry", contest, entry_pk=existing.pk) in text
    photo = SimpleUploadedFile("hond.png", _png(), content_type="image/png")
    client.post(_url("contest_entry_create", contest), {"title": "Rex", "photo": photo})
    assert ContestEntry.objects.count() == 1


def test_entries_stop_when_voting_opens(client, users, neighbourhood):
    contest = _contest(neighbourhood, "open")
    client.force_login(users["resident"])
    photo = SimpleUploadedFile("hond.png", _png(), content_type="image/png")
    response = client.post(_url("contest_entry_create", contest), {"title": "Rex", "photo": photo})
    assert "You can no longer take part: voting has started." in response.content.decode()
    assert not ContestEntry.objects.exists()


def test_a_bad_photo_is_refused_and_the_name_and_text_are_kept(client, users, neighbourhood):
    contest = _contest(neighbourhood, "not_yet")
    client.force_login(users["resident"])
    fake = SimpleUploadedFile("poes.jpg", b"GIF89a nope", content_type="image/jpeg")
    response = client.post(
        _url("contest_entry_create", contest),
        {"title": "Minoes", "text": "Ze slaapt graag in de zon.", "photo": fake},
    )
    text = response.content.decode()
    assert "This file is not a photo" in text
    assert "Choose the photo again" in text
    assert "Minoes" in text and "Ze slaapt graag in de zon." in text
    assert not ContestEntry.objects.exists()


# The share page


def test_the_share_page_is_public_with_open_graph_tags_and_no_household_data(client, neighbourhood):
    contest = _contest(neighbourhood)
    household = HouseholdFactory(neighbourhood=neighbourhood, street="Kapelakker", number="17")
    ResidentFactory(household=household, display_name="Wendelien")
    entry = _entry(contest, household, title="Minoes", text="Ze slaapt graag in de zon.")
    response = client.get(_url("contest_entry", contest, entry_pk=entry.pk))
    text = response.content.decode()
    assert response.status_code == 200
    assert '<meta property="og:title" content="Minoes – Huisdierenwedstrijd">' in text
    assert '<meta property="og:description" content="Ze slaapt graag in de zon.">' in text
    assert f'<meta property="og:image" content="http://testserver{entry.photo.url}">' in text
    share = f"http://testserver{_url('contest_entry', contest, entry_pk=entry.pk)}"
    assert f'<meta property="og:url" content="{share}">' in text
    assert f'value="{share}"' in text
    assert "Wendelien" not in text
    assert "Kapelakker 17" not in text


def test_the_share_page_of_a_draft_contest_is_not_found(client, neighbourhood):
    contest = _contest(neighbourhood, published=False)
    entry = _entry(contest)
    assert client.get(_url("contest_entry", contest, entry_pk=entry.pk)).status_code == 404


def test_only_contests_have_a_contest_page(client, users, neighbourhood):
    swap = ActivityFactory(neighbourhood=neighbourhood, kind=Activity.Kind.SWAP)
    client.force_login(users["resident"])
    assert client.get(_url("contest", swap)).status_code == 404
