"""Uploaded photos are served with a check per kind: public share photos to everyone, private
photos (paper cards, pending entries, the swap board) only to who may see their page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from samen.activities.models import Moderation
from samen.listening.models import Contribution
from tests.activities.factories import (
    ActivityFactory,
    ContestEntryFactory,
    SwapItemFactory,
    jpeg_file,
)
from tests.factories import HouseholdFactory, ResidentFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _get(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response.status_code


@pytest.mark.django_db
def test_a_published_activity_image_is_public_and_a_draft_only_for_organisers(
    client, neighbourhood, users
):
    published = ActivityFactory(neighbourhood=neighbourhood, published=True, image=jpeg_file())
    draft = ActivityFactory(neighbourhood=neighbourhood, published=False, image=jpeg_file())
    assert _get(client, None, published.image.url) == 200
    assert _get(client, None, draft.image.url) == 404
    assert _get(client, users["resident"], draft.image.url) == 404
    assert _get(client, users["facilitator"], draft.image.url) == 200


@pytest.mark.django_db
def test_a_contest_photo_is_public_only_once_approved(client, neighbourhood, users, household):
    contest = ActivityFactory(neighbourhood=neighbourhood, kind="contest", published=True)
    approved = ContestEntryFactory(activity=contest)
    pending = ContestEntryFactory(activity=contest, household=household, status=Moderation.PENDING)
    assert _get(client, None, approved.photo.url) == 200
    assert _get(client, None, pending.photo.url) == 404
    assert _get(client, users["committee_member"], pending.photo.url) == 200  # organises
    assert _get(client, users["resident"], pending.photo.url) == 200  # its own household
    neighbour = ResidentFactory(household=HouseholdFactory(neighbourhood=neighbourhood))
    assert _get(client, neighbour.user, pending.photo.url) == 404


@pytest.mark.django_db
def test_a_swap_photo_is_for_the_people_of_the_neighbourhood(client, neighbourhood, users):
    swap = ActivityFactory(neighbourhood=neighbourhood, kind="swap", published=True)
    item = SwapItemFactory(activity=swap)
    item.photo.save("stek.jpg", jpeg_file(), save=True)
    assert _get(client, users["resident"], item.photo.url) == 200
    assert _get(client, None, item.photo.url) == 404
    assert _get(client, users["outsider"], item.photo.url) == 404


@pytest.mark.django_db
def test_a_photo_of_a_paper_card_only_for_who_reads_the_contributions(client, neighbourhood, users):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(buffer, format="JPEG")
    client.force_login(users["facilitator"])
    client.post(
        reverse("listening:paper", kwargs={"slug": neighbourhood.slug}),
        {
            "channel": "postcard",
            "kind": "idea",
            "text": "Een bank bij de speeltuin",
            "language": "nl",
            "photo": SimpleUploadedFile("kaart.jpg", buffer.getvalue(), content_type="image/jpeg"),
        },
    )
    url = Contribution.objects.get().photo.url
    assert url.startswith("/media/contributions/")
    assert _get(client, users["facilitator"], url) == 200
    assert _get(client, users["resident"], url) == 404
    assert _get(client, None, url) == 404


@pytest.mark.django_db
def test_other_files_and_tricks_are_never_served(client, users, tmp_path):
    (tmp_path / "print").mkdir()
    (tmp_path / "print" / "postcards.pdf").write_bytes(b"%PDF-1.4 join codes")
    for url in (
        "/media/print/postcards.pdf",
        "/media/activities/../print/postcards.pdf",
        "/media/activities/missing.jpg",
        "/media//etc/passwd",
    ):
        assert _get(client, users["organisation_admin"], url) == 404, url
