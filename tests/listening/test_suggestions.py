"""Theme suggestions: a run in the background, the page, accepting and rejecting."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.listening.models import Contribution, SuggestionRun, Theme, ThemeSuggestion
from samen.listening.services import contributions_assign, theme_create
from samen.listening.services_suggest import (
    suggestion_accept,
    suggestion_reject,
    suggestion_run_execute,
    suggestion_run_start,
)
from samen.listening.text import LeftOut
from tests.factories import NeighbourhoodFactory
from tests.listening.test_text import MAINTENANCE, NOISE, PARKING, PLAYGROUND, SPEEDING, WASTE

TEXTS = PARKING + SPEEDING + PLAYGROUND + WASTE + NOISE + MAINTENANCE
FRENCH = "Il y a des moisissures dans la salle de bain, c'est grave."


@pytest.fixture(autouse=True)
def _english(settings):
    """These tests read the English messages; the interface itself is Dutch by default."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def url(name, neighbourhood, **kwargs):
    return reverse(f"listening:{name}", kwargs={"slug": neighbourhood.slug, **kwargs})


def add(neighbourhood, text, language="nl", **fields):
    return Contribution.objects.create(
        neighbourhood=neighbourhood,
        kind="frustration",
        text=text,
        channel="postcard",
        language=language,
        **fields,
    )


@pytest.fixture
def said(neighbourhood):
    """What the residents of Kapelakker said, plus a French card and a card with a number."""
    items = [add(neighbourhood, text) for text in TEXTS]
    items.append(add(neighbourhood, FRENCH, language="fr"))
    items.append(add(neighbourhood, "112", language=""))
    return items


def run_now(neighbourhood, actor=None):
    """Start a run and execute it in process (what the worker does)."""
    run = suggestion_run_start(neighbourhood=neighbourhood, actor=actor)
    return suggestion_run_execute(run_id=run.pk)


def suggestion_with(run, text):
    pk = Contribution.objects.get(text=text).pk
    return next(s for s in run.suggestions.all() if pk in s.contribution_ids)


# --- Runs -----------------------------------------------------------------------------------


def test_starting_a_run_from_the_page_stores_suggestions_for_every_contribution(
    client, neighbourhood, users, said, django_capture_on_commit_callbacks
):
    client.force_login(users["facilitator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("suggestions", neighbourhood), {"idempotency_key": "ab12"})
    assert response.status_code == 302
    run = SuggestionRun.objects.get(neighbourhood=neighbourhood)
    assert run.status == SuggestionRun.Status.DONE
    assert run.requested_by == users["facilitator"]
    assert run.contribution_count == len(said)
    suggestions = list(run.suggestions.all())
    assert len(suggestions) >= 2
    placed = [pk for s in suggestions for pk in s.contribution_ids]
    left_out = {pk: reason for pk, reason in run.left_out}
    assert sorted(placed + list(left_out)) == sorted(c.pk for c in said)
    assert left_out[said[-1].pk] == LeftOut.NO_WORDS
    assert left_out[said[-2].pk] == LeftOut.LANGUAGE_WITHOUT_SHARED_WORDS
    for suggestion in suggestions:
        assert suggestion.label and suggestion.top_words
        assert set(suggestion.quote_ids) <= set(suggestion.contribution_ids)


def test_a_double_click_on_start_queues_one_run(neighbourhood, users):
    first = suggestion_run_start(
        neighbourhood=neighbourhood, actor=users["facilitator"], idempotency_key="k1"
    )
    again = suggestion_run_start(
        neighbourhood=neighbourhood, actor=users["facilitator"], idempotency_key="k1"
    )
    other_key = suggestion_run_start(
        neighbourhood=neighbourhood, actor=users["facilitator"], idempotency_key="k2"
    )
    # The run has not started yet: a second request gets the waiting run, not a new one.
    assert first.pk == again.pk == other_key.pk
    assert SuggestionRun.objects.count() == 1


def test_a_run_reads_only_contributions_without_a_theme(neighbourhood, said):
    theme = theme_create(neighbourhood=neighbourhood, title="Parkeren", actor=None)
    contributions_assign(
        neighbourhood=neighbourhood, contribution_ids=[c.pk for c in said[:6]], theme=theme
    )
    run = run_now(neighbourhood)
    seen = {pk for s in run.suggestions.all() for pk in s.contribution_ids}
    seen |= {pk for pk, _reason in run.left_out}
    assert run.contribution_count == len(said) - 6
    assert seen == {c.pk for c in said[6:]}


def test_a_run_sees_only_its_own_neighbourhood(neighbourhood, said):
    other = NeighbourhoodFactory()
    add(other, "Er zijn te weinig parkeerplaatsen in de Molenstraat.")
    run = run_now(neighbourhood)
    assert run.contribution_count == len(said)


def test_a_run_twice_over_the_same_input_suggests_the_same(neighbourhood, said):
    first = run_now(neighbourhood)
    second = run_now(neighbourhood)

    def shape(run):
        return [
            (s.label, s.top_words, s.quote_ids, s.contribution_ids) for s in run.suggestions.all()
        ]

    assert shape(first) == shape(second)
    assert first.left_out == second.left_out


def test_a_failing_run_is_marked_failed_with_a_message(neighbourhood, said, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr("samen.listening.services_suggest.suggest_themes", broken)
    run = run_now(neighbourhood)
    assert run.status == SuggestionRun.Status.FAILED
    assert "out of memory" in run.message
    assert run.finished_at is not None
    assert not ThemeSuggestion.objects.exists()


def test_a_run_executed_twice_runs_once(neighbourhood, said):
    run = run_now(neighbourhood)
    count = ThemeSuggestion.objects.count()
    assert suggestion_run_execute(run_id=run.pk).status == SuggestionRun.Status.DONE
    assert ThemeSuggestion.objects.count() == count


# --- The page -------------------------------------------------------------------------------


def test_page_shows_suggestions_with_words_quotes_and_left_out_input(
    client, neighbourhood, users, said
):
    named = add(
        neighbourhood,
        "Te weinig parkeerplaatsen voor de bezoekers van de buren.",
        author=users["resident"].resident,
        consent_named=True,
    )
    run = run_now(neighbourhood)
    client.force_login(users["facilitator"])
    response = client.get(url("suggestions", neighbourhood))
    page = response.content.decode()
    assert response.status_code == 200
    parking = suggestion_with(run, PARKING[0])
    assert parking.label in page
    assert ", ".join(parking.top_words) in page
    quotes = Contribution.objects.filter(pk__in=parking.quote_ids)
    assert all(quote.text.replace("'", "&#x27;") in page for quote in quotes)
    # Quotes are text only: never who said it.
    assert named.author.display_name not in page
    assert "moisissures" in page  # left out, listed with its reason
    assert "Another language, with no words in common" in page
    assert 'http-equiv="refresh"' not in page


def test_page_refreshes_itself_while_the_run_waits_or_runs(client, neighbourhood, users, said):
    run = suggestion_run_start(neighbourhood=neighbourhood, actor=users["facilitator"])
    client.force_login(users["facilitator"])
    page = client.get(url("suggestions", neighbourhood)).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "Waiting to start." in page
    SuggestionRun.objects.filter(pk=run.pk).update(status="running", contribution_count=33)
    page = client.get(url("suggestions", neighbourhood)).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "Looking for themes in 33 contributions." in page


def test_page_without_a_run_offers_to_start_one(client, neighbourhood, users, said):
    client.force_login(users["facilitator"])
    page = client.get(url("suggestions", neighbourhood)).content.decode()
    assert f"{len(said)} contributions are in no theme yet." in page
    assert "Look for themes" in page


def test_page_tells_when_a_run_failed(client, neighbourhood, users):
    SuggestionRun.objects.create(
        neighbourhood=neighbourhood, status=SuggestionRun.Status.FAILED, message="MemoryError: "
    )
    client.force_login(users["facilitator"])
    page = client.get(url("suggestions", neighbourhood)).content.decode()
    assert "could not make suggestions this time" in page


# --- Accept and reject ----------------------------------------------------------------------


def test_accepting_with_an_edited_title_makes_the_theme_and_fills_it(
    client, neighbourhood, users, said
):
    run = run_now(neighbourhood)
    suggestion = suggestion_with(run, PARKING[0])
    client.force_login(users["facilitator"])
    response = client.post(
        url("suggestion_decide", neighbourhood, pk=suggestion.pk),
        {"action": "accept", f"s{suggestion.pk}-title": "Parkeren in de wijk"},
    )
    assert response.status_code == 302
    theme = Theme.objects.get(neighbourhood=neighbourhood, title="Parkeren in de wijk")
    assert theme.created_by == users["facilitator"]
    assert set(theme.contributions.values_list("id", flat=True)) == set(suggestion.contribution_ids)
    assert set(theme.contributions.values_list("status", flat=True)) == {"themed"}
    suggestion.refresh_from_db()
    assert suggestion.status == ThemeSuggestion.Status.ACCEPTED
    assert suggestion.theme == theme
    page = client.get(url("suggestions", neighbourhood)).content.decode()
    assert "See the theme Parkeren in de wijk" in page


def test_accepting_into_an_existing_title_uses_that_theme(neighbourhood, users, said):
    existing = theme_create(neighbourhood=neighbourhood, title="Afval", actor=None)
    run = run_now(neighbourhood)
    suggestion = suggestion_with(run, WASTE[0])
    theme = suggestion_accept(suggestion=suggestion, title=" Afval ", actor=users["facilitator"])
    assert theme == existing
    assert Theme.objects.filter(neighbourhood=neighbourhood).count() == 1
    assert existing.contributions.count() == len(suggestion.contribution_ids)


def test_accepting_leaves_contributions_sorted_by_hand_meanwhile(neighbourhood, users, said):
    run = run_now(neighbourhood)
    suggestion = suggestion_with(run, PARKING[0])
    elsewhere = theme_create(neighbourhood=neighbourhood, title="Verkeer", actor=None)
    moved = suggestion.contribution_ids[0]
    contributions_assign(neighbourhood=neighbourhood, contribution_ids=[moved], theme=elsewhere)
    theme = suggestion_accept(suggestion=suggestion, title="Parkeren", actor=users["facilitator"])
    assert Contribution.objects.get(pk=moved).theme == elsewhere
    assert theme.contributions.count() == len(suggestion.contribution_ids) - 1


def test_accepting_twice_makes_one_theme(neighbourhood, users, said):
    run = run_now(neighbourhood)
    suggestion = suggestion_with(run, NOISE[0])
    first = suggestion_accept(suggestion=suggestion, title="Lawaai", actor=users["facilitator"])
    again = suggestion_accept(suggestion=suggestion, title="Lawaai", actor=users["facilitator"])
    assert first == again
    assert Theme.objects.filter(neighbourhood=neighbourhood).count() == 1


def test_accepting_without_a_title_shows_the_message_beside_the_field(
    client, neighbourhood, users, said
):
    run = run_now(neighbourhood)
    suggestion = suggestion_with(run, PARKING[0])
    client.force_login(users["facilitator"])
    response = client.post(
        url("suggestion_decide", neighbourhood, pk=suggestion.pk),
        {"action": "accept", f"s{suggestion.pk}-title": "   "},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give the theme a name." in page
    assert f'href="#id_s{suggestion.pk}-title"' in page  # the error summary links to the field
    assert not Theme.objects.exists()


def test_a_too_long_title_is_refused_and_kept_in_the_form(client, neighbourhood, users, said):
    run = run_now(neighbourhood)
    suggestion = suggestion_with(run, PARKING[0])
    client.force_login(users["facilitator"])
    title = "Parkeren " * 20
    response = client.post(
        url("suggestion_decide", neighbourhood, pk=suggestion.pk),
        {"action": "accept", f"s{suggestion.pk}-title": title},
    )
    assert response.status_code == 400
    assert "The name is too long" in response.content.decode()
    assert title.strip() in response.content.decode()
    assert not Theme.objects.exists()


def test_rejecting_sets_the_suggestion_aside_and_leaves_the_input(
    client, neighbourhood, users, said
):
    run = run_now(neighbourhood)
    suggestion = suggestion_with(run, PLAYGROUND[0])
    client.force_login(users["facilitator"])
    response = client.post(
        url("suggestion_decide", neighbourhood, pk=suggestion.pk), {"action": "reject"}
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == ThemeSuggestion.Status.REJECTED
    assert not Contribution.objects.filter(theme__isnull=False).exists()
    assert not Theme.objects.exists()


def test_a_rejected_suggestion_cannot_be_accepted(neighbourhood, users, said):
    run = run_now(neighbourhood)
    suggestion = suggestion_with(run, PLAYGROUND[0])
    suggestion_reject(suggestion=suggestion, actor=users["facilitator"])
    with pytest.raises(ValidationError):
        suggestion_accept(suggestion=suggestion, title="Speeltuin", actor=users["facilitator"])
    assert not Theme.objects.exists()


def test_an_accepted_suggestion_cannot_be_rejected(neighbourhood, users, said):
    run = run_now(neighbourhood)
    suggestion = suggestion_with(run, PLAYGROUND[0])
    suggestion_accept(suggestion=suggestion, title="Speeltuin", actor=users["facilitator"])
    with pytest.raises(ValidationError):
        suggestion_reject(suggestion=suggestion, actor=users["facilitator"])


def test_a_suggestion_of_another_neighbourhood_is_not_found(client, neighbourhood, users, said):
    other = NeighbourhoodFactory()
    for text in TEXTS:
        add(other, text)
    suggestion = run_now(other).suggestions.first()
    client.force_login(users["facilitator"])
    response = client.post(
        url("suggestion_decide", neighbourhood, pk=suggestion.pk), {"action": "reject"}
    )
    assert response.status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.status == ThemeSuggestion.Status.OPEN


def test_residents_and_housing_staff_cannot_start_a_run(client, neighbourhood, users, said):
    for role in ("resident", "committee_member", "housing_staff", "outsider"):
        client.force_login(users[role])
        assert client.post(url("suggestions", neighbourhood)).status_code == 404
    assert not SuggestionRun.objects.exists()


# --- Query counts ---------------------------------------------------------------------------


def _grow(neighbourhood, copies):
    """Add `copies` of every text (with a street, so no two are the same) and run again."""
    streets = ["Molenweg", "Berkenlaan", "Kerkepad", "Vlasstraat", "Lindeplein"]
    for copy in range(copies):
        for text in TEXTS:
            add(neighbourhood, f"{text} ({streets[copy % len(streets)]} {copy})")
        add(neighbourhood, f"{FRENCH} {copy}", language="fr")
        add(neighbourhood, f"{copy}", language="")
    run_now(neighbourhood)


def test_suggestions_page_costs_the_same_queries_on_more_data(client, neighbourhood, users):
    client.force_login(users["facilitator"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url("suggestions", neighbourhood))
        assert response.status_code == 200
        assert "Suggestions" in response.content.decode()
        return len(queries)

    _grow(neighbourhood, 1)
    small = count()
    _grow(neighbourhood, 10)
    assert count() == small
    assert small <= 10
