"""The wish wall: writing (public, rate-limited, idempotent), checking, paper cards, the screen,
the PDFs, and pages that cost the same number of queries however many wishes there are."""

import datetime
import shutil
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.activities.models import Activity, Moderation, Wish
from samen.activities.selectors_wishes import wish_writing_open, wishes_for_screen
from samen.activities.services_wishes import wish_create, wish_enter_paper, wishes_moderate
from tests.activities.factories import ActivityFactory, WishFactory

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def wall(neighbourhood):
    return ActivityFactory(neighbourhood=neighbourhood, kind=Activity.Kind.WISH_WALL)


def _url(name, wall):
    return reverse(f"activities:{name}", kwargs={"slug": wall.neighbourhood.slug, "pk": wall.pk})


def _post_wish(client, wall, text, signed="", key=""):
    return client.post(
        _url("wish_wall", wall), {"text": text, "signed": signed, "idempotency_key": key}
    )


def _pdf_text(data: bytes) -> str | None:
    if not shutil.which("pdftotext"):
        return None
    result = subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True, timeout=60
    )
    return " ".join(result.stdout.decode().split())


@pytest.mark.django_db
def test_a_visitor_writes_a_wish_that_waits_for_a_check(client, wall):
    response = _post_wish(client, wall, "Een warme winter voor iedereen", "Mila")
    assert response.status_code == 302
    wish = Wish.objects.get()
    assert (wish.status, wish.channel, wish.signed, wish.household) == (
        Moderation.PENDING,
        Wish.Channel.ONLINE,
        "Mila",
        None,
    )
    page = client.get(response["Location"])
    assert "once the community worker has looked at it" in page.content.decode()
    assert "Een warme winter voor iedereen" not in page.content.decode()


@pytest.mark.django_db
def test_a_too_long_wish_is_refused_with_its_length_and_the_text_kept(client, wall):
    text = "Warm " * 60  # 300 characters, 299 after the trailing space goes
    response = _post_wish(client, wall, text)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Your wish has 299 characters; at most 280 fit." in body
    assert text.strip() in body
    assert 'maxlength="280"' not in body
    assert not Wish.objects.exists()


@pytest.mark.django_db
def test_a_double_submit_stores_one_wish(client, wall):
    _post_wish(client, wall, "Vrede in de straat", key="abc123")
    _post_wish(client, wall, "Vrede in de straat", key="abc123")
    assert Wish.objects.count() == 1


@pytest.mark.django_db
def test_a_resident_wish_gets_the_household(client, wall, users, household):
    client.force_login(users["resident"])
    _post_wish(client, wall, "Veel buren die elkaar groeten")
    assert Wish.objects.get().household == household


@pytest.mark.django_db
def test_visitors_are_slowed_down_after_many_wishes(client, wall, settings):
    settings.LOGIN_RATE_LIMIT = 3
    for i in range(3):
        assert _post_wish(client, wall, f"Wens {i}").status_code == 302
    response = _post_wish(client, wall, "Nog een wens")
    assert response.status_code == 200
    assert "many wishes in a short time" in response.content.decode()
    assert "Nog een wens" in response.content.decode()
    assert Wish.objects.count() == 3


@pytest.mark.django_db
def test_the_wall_shows_only_approved_wishes(client, wall):
    WishFactory(activity=wall, text="Goedgekeurde wens")
    WishFactory(activity=wall, text="Wachtende wens", status=Moderation.PENDING)
    WishFactory(activity=wall, text="Geweigerde wens", status=Moderation.REJECTED)
    body = client.get(_url("wish_wall", wall)).content.decode()
    assert "Goedgekeurde wens" in body
    assert "Wachtende wens" not in body
    assert "Geweigerde wens" not in body


@pytest.mark.django_db
def test_a_draft_or_another_kind_is_not_found(client, neighbourhood, users):
    draft = ActivityFactory(
        neighbourhood=neighbourhood, kind=Activity.Kind.WISH_WALL, published=False
    )
    other = ActivityFactory(neighbourhood=neighbourhood, kind=Activity.Kind.SWAP)
    assert client.get(_url("wish_wall", draft)).status_code == 404
    assert client.get(_url("wish_wall", other)).status_code == 404
    client.force_login(users["facilitator"])
    assert client.get(_url("wish_wall", draft)).status_code == 200
    assert client.get(_url("wish_moderate", other)).status_code == 404


@pytest.mark.django_db
def test_writing_closes_a_week_after_the_activity(client, neighbourhood):
    ended = timezone.now() - datetime.timedelta(days=8)
    wall = ActivityFactory(
        neighbourhood=neighbourhood,
        kind=Activity.Kind.WISH_WALL,
        starts_at=ended - datetime.timedelta(hours=2),
        ends_at=ended,
    )
    assert not wish_writing_open(activity=wall)
    assert wish_writing_open(activity=wall, now=ended + datetime.timedelta(days=6))
    assert "Writing wishes is closed" in client.get(_url("wish_wall", wall)).content.decode()
    assert _post_wish(client, wall, "Te laat").status_code == 404


@pytest.mark.django_db
def test_moderation_approves_one_or_all_shown_and_can_change_its_mind(client, wall, users):
    pending = [WishFactory(activity=wall, status=Moderation.PENDING) for _ in range(3)]
    client.force_login(users["facilitator"])
    url = _url("wish_moderate", wall)
    client.post(url, {"action": "reject", "wish": pending[0].pk})
    client.post(url, {"action": "approve_all", "wish": [w.pk for w in pending[1:]]})
    statuses = dict(Wish.objects.values_list("pk", "status"))
    assert statuses == {
        pending[0].pk: Moderation.REJECTED,
        pending[1].pk: Moderation.APPROVED,
        pending[2].pk: Moderation.APPROVED,
    }
    assert Wish.objects.get(pk=pending[1].pk).moderated_by == users["facilitator"]
    client.post(url, {"action": "approve", "wish": pending[0].pk})
    assert Wish.objects.get(pk=pending[0].pk).status == Moderation.APPROVED


@pytest.mark.django_db
def test_moderation_leaves_wishes_of_another_wall_alone(wall, neighbourhood, users):
    other = WishFactory(
        activity=ActivityFactory(neighbourhood=neighbourhood, kind=Activity.Kind.WISH_WALL),
        status=Moderation.PENDING,
    )
    assert (
        wishes_moderate(
            activity=wall,
            wish_ids=[other.pk],
            status=Moderation.APPROVED,
            actor=users["facilitator"],
        )
        == 0
    )


@pytest.mark.django_db
def test_a_paper_card_is_shown_at_once_and_focus_returns_to_the_field(client, wall, users):
    client.force_login(users["facilitator"])
    response = client.post(
        _url("wish_moderate", wall),
        {"action": "paper", "text": "Een fijne buurt", "signed": "familie Peeters"},
    )
    assert response["Location"].endswith("?next=paper#paper")
    wish = Wish.objects.get()
    assert (wish.channel, wish.status, wish.entered_by, wish.moderated_by) == (
        Wish.Channel.PAPER,
        Moderation.APPROVED,
        users["facilitator"],
        users["facilitator"],
    )
    page = client.get(response["Location"]).content.decode()
    assert "autofocus" in page
    assert "Een fijne buurt" in client.get(_url("wish_wall", wall)).content.decode()


@pytest.mark.django_db
def test_services_refuse_a_wall_of_another_kind(neighbourhood, users):
    from django.core.exceptions import ValidationError

    swap = ActivityFactory(neighbourhood=neighbourhood, kind=Activity.Kind.SWAP)
    with pytest.raises(ValidationError):
        wish_create(activity=swap, text="Hallo")
    with pytest.raises(ValidationError):
        wish_enter_paper(activity=swap, text="Hallo", actor=users["facilitator"])


@pytest.mark.django_db
def test_the_screen_refreshes_itself_and_shows_only_approved_wishes(client, wall, users):
    WishFactory(activity=wall, text="Licht in de winter", signed="Anna")
    WishFactory(activity=wall, text="Nog niet bekeken", status=Moderation.PENDING)
    client.force_login(users["facilitator"])
    body = client.get(_url("wish_display", wall)).content.decode()
    assert 'http-equiv="refresh"' not in body  # only once the organiser starts it
    assert "?vanzelf=1" in body
    body = client.get(_url("wish_display", wall) + "?vanzelf=1").content.decode()
    assert '<meta http-equiv="refresh" content="20">' in body
    assert "Licht in de winter" in body and "Anna" in body
    assert "Nog niet bekeken" not in body
    assert "<svg" in body  # the QR code
    assert _url("wish_wall", wall) in body
    assert "site-header" not in body


@pytest.mark.django_db
def test_the_screen_rotates_through_all_wishes(wall):
    wishes = [WishFactory(activity=wall, text=f"Wens {i}") for i in range(14)]
    seen = set()
    start = timezone.now().replace(second=0, microsecond=0)
    for step in range(3):
        screen = wishes_for_screen(activity=wall, now=start + datetime.timedelta(seconds=20 * step))
        assert screen["screens"] == 3
        seen |= {w.pk for w in screen["wishes"]}
    assert seen == {w.pk for w in wishes}


@pytest.mark.django_db
def test_the_wish_cards_pdf_has_the_prompt(client, wall, users):
    client.force_login(users["facilitator"])
    response = client.get(_url("wish_cards_pdf", wall))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = _pdf_text(response.content)
    if text is not None:
        assert text.count("My warm wish for the neighbourhood") == 8


@pytest.mark.django_db
def test_the_keepsake_pdf_holds_the_approved_wishes(client, wall, users):
    WishFactory(activity=wall, text="Samen sterk in de straat", signed="Youssef")
    WishFactory(activity=wall, text="Geheime wens", status=Moderation.PENDING)
    client.force_login(users["resident"])
    response = client.get(_url("wish_keepsake_pdf", wall))
    assert response.content.startswith(b"%PDF")
    text = _pdf_text(response.content)
    if text is not None:
        assert "Samen sterk in de straat" in text
        assert "Youssef" in text
        assert "Geheime wens" not in text
        assert wall.title in text


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _grow(wall, n):
    for i in range(n):
        WishFactory(activity=wall, text=f"Wens {i}", signed=f"Buur {i}")
        WishFactory(activity=wall, text=f"Wachtend {i}", status=Moderation.PENDING)
        WishFactory(activity=wall, text=f"Geweigerd {i}", status=Moderation.REJECTED)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "resident", "facilitator"])
def test_query_counts_do_not_grow(client, users, wall, role):
    if role != "anonymous":
        client.force_login(users[role])
    names = ["wish_wall"] + (["wish_moderate", "wish_display"] if role == "facilitator" else [])
    _grow(wall, 3)
    small = {n: _count(client, _url(n, wall)) for n in names}
    _grow(wall, 30)
    big = {n: _count(client, _url(n, wall)) for n in names}
    assert small == big
    assert max(big.values()) <= 12, big
