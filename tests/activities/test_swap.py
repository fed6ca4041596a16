"""The swap board: matching, the board page, putting things on it and marking them done."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from samen.activities.models import Activity, SwapItem
from samen.activities.selectors_swap import (
    swap_items_of_household,
    swap_match,
    swap_matches_all,
    swap_words,
)
from tests.activities.factories import ActivityFactory, SwapItemFactory
from tests.factories import HouseholdFactory

pytestmark = pytest.mark.usefixtures("english")

OFFER, WANT = SwapItem.Kind.OFFER, SwapItem.Kind.WANT
C = SwapItem.Category


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def swap(neighbourhood):
    return ActivityFactory(
        neighbourhood=neighbourhood, kind=Activity.Kind.SWAP, title="Plantenruil"
    )


def _item(swap, household=None, **kwargs):
    household = household or HouseholdFactory(neighbourhood=swap.neighbourhood)
    return SwapItemFactory(activity=swap, household=household, **kwargs)


def _url(name, swap, **extra):
    return reverse(
        f"activities:{name}", kwargs={"slug": swap.neighbourhood.slug, "pk": swap.pk, **extra}
    )


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (10, 200, 10)).save(buffer, "PNG")
    return buffer.getvalue()


# Matching


def test_words_are_lower_case_without_punctuation_stop_words_or_short_words():
    words = swap_words("Ik zoek: een Stekje van de MONSTERA, of 2 potten!")
    assert words == {"stek", "monstera", "pott"}


def test_plural_and_diminutive_endings_match_the_same_word():
    assert swap_words("stekjes") == swap_words("stekje") == {"stek"}
    assert swap_words("planten") == swap_words("plant")


def test_an_offer_and_a_want_match_on_shared_words_even_in_other_categories(swap):
    offer = _item(swap, kind=OFFER, category=C.PLANT, title="Monstera", description="grote plant")
    want = _item(swap, kind=WANT, category=C.CUTTING, title="Stekje van een monstera")
    match = swap_match(offer, want)
    assert match is not None
    assert match.shared_words == ("monstera",)
    assert match.same_category is False


def test_an_offer_and_a_want_match_on_the_same_category_without_shared_words(swap):
    offer = _item(swap, kind=OFFER, category=C.POT, title="Terracotta")
    want = _item(swap, kind=WANT, category=C.POT, title="Iets om in te planten")
    match = swap_match(offer, want)
    assert match is not None and match.same_category and match.shared_words == ()


def test_nothing_matches_across_categories_without_shared_words(swap):
    offer = _item(swap, kind=OFFER, category=C.TOOL, title="Gieter")
    want = _item(swap, kind=WANT, category=C.SEED, title="Tomatenzaden")
    assert swap_match(offer, want) is None


def test_items_of_one_household_or_no_longer_open_never_match(swap, household):
    offer = _item(swap, household, kind=OFFER, title="Monstera")
    want = _item(swap, household, kind=WANT, title="Monstera")
    assert swap_match(offer, want) is None
    other = _item(swap, kind=WANT, title="Monstera", status=SwapItem.Status.DONE)
    assert swap_match(offer, other) is None


def test_my_matches_are_ordered_best_first_and_the_same_every_time(swap, household):
    mine = _item(swap, household, kind=OFFER, category=C.CUTTING, title="Stekjes van monstera")
    category_only = _item(swap, kind=WANT, category=C.CUTTING, title="Pothos")
    words_and_category = _item(swap, kind=WANT, category=C.CUTTING, title="Monstera stekje")
    _item(swap, kind=OFFER, category=C.CUTTING, title="Monstera")  # another offer: not a match
    first = swap_items_of_household(activity=swap, household=household)
    second = swap_items_of_household(activity=swap, household=household)
    assert [row.item for row in first] == [mine]
    assert first[0].matches == [words_and_category, category_only]
    assert [m.pk for m in second[0].matches] == [m.pk for m in first[0].matches]


def test_the_organisers_overview_lists_every_match(swap):
    offer = _item(swap, kind=OFFER, category=C.SEED, title="Tomatenzaden")
    want = _item(swap, kind=WANT, category=C.OTHER, title="Tomatenzaden voor de moestuin")
    _item(swap, kind=WANT, category=C.TOOL, title="Schep")
    matches = swap_matches_all(activity=swap)
    assert [(m.offer, m.want) for m in matches] == [(offer, want)]


# The board page


def test_residents_see_open_items_as_from_a_neighbour_without_address(client, users, swap):
    other = _item(swap, kind=OFFER, title="Gieter van tien liter")
    _item(swap, kind=OFFER, title="Weggegeven schep", status=SwapItem.Status.DONE)
    client.force_login(users["resident"])
    response = client.get(_url("swap_board", swap))
    text = response.content.decode()
    assert "Gieter van tien liter" in text
    assert "Weggegeven schep" not in text
    assert "A neighbour" in text
    assert other.household.street not in text


def test_organisers_see_addresses_and_all_matches(client, users, swap):
    offer = _item(swap, kind=OFFER, category=C.POT, title="Terracotta potten")
    _item(swap, kind=WANT, category=C.POT, title="Grote bloempot")
    client.force_login(users["facilitator"])
    response = client.get(_url("swap_board", swap))
    text = response.content.decode()
    assert offer.household.address in text
    assert "All matches (for organisers)" in text
    assert "same category" in text


def test_the_board_filters_by_kind_and_category_with_a_plain_get_form(client, users, swap):
    _item(swap, kind=OFFER, category=C.SEED, title="Zonnebloempitten")
    _item(swap, kind=WANT, category=C.SEED, title="Bloemzaden voor bijen")
    _item(swap, kind=OFFER, category=C.TOOL, title="Snoeischaar")
    client.force_login(users["resident"])
    text = client.get(
        _url("swap_board", swap), {"kind": "offer", "category": "seed"}
    ).content.decode()
    assert "Zonnebloempitten" in text
    assert "Bloemzaden voor bijen" not in text
    assert "Snoeischaar" not in text


def test_my_items_show_their_status_and_matches(client, users, swap, household):
    _item(swap, household, kind=WANT, category=C.CUTTING, title="Stekje van een monstera")
    _item(swap, kind=OFFER, category=C.PLANT, title="Monstera met luchtwortels")
    client.force_login(users["resident"])
    text = client.get(_url("swap_board", swap)).content.decode()
    assert "My items" in text
    assert "still open" in text
    assert "Neighbours who offer something like this:" in text
    assert "Monstera met luchtwortels" in text


def test_another_kind_of_activity_has_no_board(client, users, neighbourhood):
    gathering = ActivityFactory(neighbourhood=neighbourhood, kind=Activity.Kind.WORKSHOP)
    client.force_login(users["resident"])
    assert client.get(_url("swap_board", gathering)).status_code == 404


def test_a_draft_swap_is_hidden_from_residents(client, users, neighbourhood):
    draft = ActivityFactory(neighbourhood=neighbourhood, kind=Activity.Kind.SWAP, published=False)
    client.force_login(users["resident"])
    assert client.get(_url("swap_board", draft)).status_code == 404
    client.force_login(users["facilitator"])
    assert client.get(_url("swap_board", draft)).status_code == 200


@pytest.mark.parametrize("role", ["resident", "facilitator"])
def test_the_board_costs_the_same_number_of_queries_at_any_size(
    client, users, swap, household, role, django_assert_max_num_queries
):
    client.force_login(users[role])
    counts = []
    for size in (3, 30):
        for index in range(size):
            _item(swap, household if index % 3 == 0 else None, kind=OFFER if index % 2 else WANT)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url("swap_board", swap)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(12):
        client.get(_url("swap_board", swap))


# Putting something on the board


def _form(**extra):
    return {
        "kind": "offer",
        "category": "cutting",
        "title": "Stekjes van een pothos",
        "description": "Vijf stekjes met wortels.",
        "idempotency_key": "abc123",
        **extra,
    }


def test_a_resident_puts_an_offer_with_a_photo_on_the_board_once(client, users, swap, household):
    client.force_login(users["resident"])
    url = _url("swap_item_create", swap)
    photo = SimpleUploadedFile("stek.png", _png(), content_type="image/png")
    response = client.post(url, _form(photo=photo))
    assert response.status_code == 302
    again = client.post(url, _form())
    assert again.status_code == 302
    item = SwapItem.objects.get()
    assert item.household == household
    assert item.title == "Stekjes van een pothos"
    assert item.photo.name.endswith(".jpg")


def test_a_bad_photo_is_refused_with_a_message_and_the_text_is_kept(client, users, swap):
    client.force_login(users["resident"])
    fake = SimpleUploadedFile("stek.jpg", b"not an image at all", content_type="image/jpeg")
    response = client.post(_url("swap_item_create", swap), _form(photo=fake))
    text = response.content.decode()
    assert response.status_code == 200
    assert "This file is not a photo" in text
    assert "Choose the photo again" in text
    assert "Stekjes van een pothos" in text
    assert "Vijf stekjes met wortels." in text
    assert SwapItem.objects.count() == 0


def test_a_missing_choice_is_explained_and_the_rest_is_kept(client, users, swap):
    client.force_login(users["resident"])
    response = client.post(_url("swap_item_create", swap), _form(kind=""))
    text = response.content.decode()
    assert "Choose whether you offer something or look for it." in text
    assert "Stekjes van een pothos" in text


# Status changes


def test_the_owner_marks_an_item_given_then_puts_it_back(client, users, swap, household):
    item = _item(swap, household)
    client.force_login(users["resident"])
    url = _url("swap_item_status", swap, item_pk=item.pk)
    assert client.post(url, {"status": "done"}).status_code == 302
    item.refresh_from_db()
    assert item.status == SwapItem.Status.DONE and item.done_at is not None
    client.post(url, {"status": "open"})
    item.refresh_from_db()
    assert item.status == SwapItem.Status.OPEN and item.done_at is None


def test_the_owner_takes_an_item_off_the_board(client, users, swap, household):
    item = _item(swap, household)
    client.force_login(users["resident"])
    client.post(_url("swap_item_status", swap, item_pk=item.pk), {"status": "withdrawn"})
    item.refresh_from_db()
    assert item.status == SwapItem.Status.WITHDRAWN


def test_an_impossible_change_is_refused_with_a_message(client, users, swap, household):
    item = _item(swap, household, status=SwapItem.Status.DONE)
    client.force_login(users["resident"])
    response = client.post(
        _url("swap_item_status", swap, item_pk=item.pk), {"status": "withdrawn"}, follow=True
    )
    assert "This change is not possible for this item." in response.content.decode()
    item.refresh_from_db()
    assert item.status == SwapItem.Status.DONE


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("committee_member", True),  # an organiser (and a resident of another household)
        ("facilitator", True),
        ("organisation_admin", True),
        ("housing_staff", False),
        ("outsider", False),
    ],
)
def test_only_the_household_and_organisers_change_an_item(
    client, users, swap, household, role, allowed
):
    item = _item(swap, household)
    client.force_login(users[role])
    response = client.post(_url("swap_item_status", swap, item_pk=item.pk), {"status": "done"})
    item.refresh_from_db()
    assert response.status_code == (302 if allowed else 404)
    assert (item.status == SwapItem.Status.DONE) is allowed


def test_another_resident_cannot_change_my_item(client, users, swap):
    from tests.factories import ResidentFactory

    item = _item(swap)
    neighbour = ResidentFactory(household=HouseholdFactory(neighbourhood=swap.neighbourhood))
    client.force_login(neighbour.user)
    response = client.post(_url("swap_item_status", swap, item_pk=item.pk), {"status": "done"})
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == SwapItem.Status.OPEN
