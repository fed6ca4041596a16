"""Listening: residents give input, workers enter paper input, group it and answer it."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from samen.listening.models import Contribution, Theme, ThemeResponse, Volunteer
from samen.listening.services import (
    ContributionInput,
    contribution_create,
    contributions_assign,
    theme_answer,
    theme_create,
    theme_merge,
)
from tests.factories import HouseholdFactory, ResidentFactory


def url(name, neighbourhood, **kwargs):
    return reverse(f"listening:{name}", kwargs={"slug": neighbourhood.slug, **kwargs})


def _contribution(neighbourhood, text="Er wordt te snel gereden in de straat.", **extra):
    data = {"kind": "frustration", "text": text, "channel": "stand", "language": "nl"}
    data.update(extra)
    return contribution_create(neighbourhood=neighbourhood, data=ContributionInput(**data))


def test_resident_gives_input_online_in_the_exploration(client, neighbourhood, users, exploration):
    client.force_login(users["resident"])
    response = client.post(
        url("give", neighbourhood),
        {"kind": "idea", "text": "Een plantenruil in de lente!", "idempotency_key": "e" * 32},
    )
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    resident = users["resident"].resident
    assert (contribution.channel, contribution.author, contribution.household) == (
        "online",
        resident,
        resident.household,
    )
    assert contribution.phase == exploration and not contribution.consent_named
    mine = client.get(url("mine", neighbourhood)).content.decode()
    assert "Een plantenruil in de lente!" in mine


def test_outside_the_exploration_residents_see_that_it_is_closed(client, neighbourhood, users):
    client.force_login(users["resident"])
    response = client.post(url("give", neighbourhood), {"kind": "idea", "text": "Iets"})
    assert response.status_code == 200
    assert Contribution.objects.count() == 0
    assert "form" not in response.context or response.context.get("form") is None


def test_double_submit_stores_one_contribution(client, neighbourhood, users, exploration):
    client.force_login(users["resident"])
    data = {"kind": "idea", "text": "Een bank bij de speeltuin", "idempotency_key": "f" * 32}
    client.post(url("give", neighbourhood), data)
    client.post(url("give", neighbourhood), data)
    assert Contribution.objects.count() == 1


def test_empty_or_huge_text_gets_a_message_and_keeps_the_text(
    client, neighbourhood, users, exploration
):
    client.force_login(users["resident"])
    response = client.post(url("give", neighbourhood), {"kind": "idea", "text": "   "})
    assert response.context["form"].errors["text"]
    huge = "woord " * 5000
    response = client.post(url("give", neighbourhood), {"kind": "idea", "text": huge})
    error = response.context["form"].errors["text"][0]
    assert "3000" in error and str(len(huge.strip())) in error.replace(".", "").replace(" ", "")
    assert huge.strip()[:200] in response.content.decode()
    assert Contribution.objects.count() == 0


def test_worker_types_in_a_card_with_the_household_code(client, neighbourhood, users, household):
    client.force_login(users["facilitator"])
    response = client.post(
        url("paper", neighbourhood),
        {
            "channel": "postcard",
            "kind": "need",
            "text": "Meer licht op het pad.",
            "language": "nl",
            "household_code": household.join_code_display.lower(),
            "idempotency_key": "a1" * 16,
        },
    )
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.household == household and contribution.entered_by == users["facilitator"]
    assert contribution.channel == "postcard"


def test_unknown_household_code_on_a_card_loses_nothing(client, neighbourhood, users):
    client.force_login(users["facilitator"])
    response = client.post(
        url("paper", neighbourhood),
        {
            "channel": "postcard",
            "kind": "need",
            "text": "Meer licht op het pad.",
            "household_code": "WXYZ-WXYZ",
        },
    )
    assert response.context["form"].errors["household_code"]
    assert "Meer licht op het pad." in response.content.decode()
    assert Contribution.objects.count() == 0


def test_a_file_that_is_no_image_is_refused(client, neighbourhood, users):
    client.force_login(users["facilitator"])
    fake = SimpleUploadedFile("kaart.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = client.post(
        url("paper", neighbourhood),
        {"channel": "postcard", "kind": "idea", "text": "Tekst", "photo": fake},
    )
    assert response.context["form"].errors["photo"]
    assert Contribution.objects.count() == 0


def test_photo_of_a_card_loses_its_location(client, neighbourhood, users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = Image.new("RGB", (3000, 2000), "white")
    exif = Image.Exif()
    exif[0x8825] = {2: (51.0, 20.0, 0.0)}  # GPS info
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    client.force_login(users["facilitator"])
    client.post(
        url("paper", neighbourhood),
        {
            "channel": "postcard",
            "kind": "idea",
            "text": "Tekst",
            "language": "nl",
            "photo": SimpleUploadedFile("kaart.jpg", buffer.getvalue(), content_type="image/jpeg"),
        },
    )
    contribution = Contribution.objects.get()
    with Image.open(contribution.photo.path) as stored:
        assert max(stored.size) <= 1600
        assert not stored.getexif()


def test_themes_merge_and_delete(neighbourhood, users):
    a = theme_create(neighbourhood=neighbourhood, title="Parkeren", actor=users["facilitator"])
    b = theme_create(neighbourhood=neighbourhood, title="Auto's", actor=users["facilitator"])
    one, two = (
        _contribution(neighbourhood),
        _contribution(neighbourhood, text="Geen plaats voor de auto"),
    )
    contributions_assign(neighbourhood=neighbourhood, contribution_ids=[one.pk], theme=a)
    contributions_assign(neighbourhood=neighbourhood, contribution_ids=[two.pk], theme=b)
    theme_merge(source=b, target=a)
    assert set(a.contributions.all()) == {one, two}
    assert not Theme.objects.filter(pk=b.pk).exists()


def test_a_theme_name_twice_gets_a_message(client, neighbourhood, users):
    client.force_login(users["facilitator"])
    theme_create(neighbourhood=neighbourhood, title="Parkeren", actor=None)
    response = client.post(url("themes", neighbourhood), {"title": "Parkeren"})
    assert response.context["form"].errors["title"]


def test_assign_many_contributions_to_a_theme(client, neighbourhood, users):
    theme = theme_create(neighbourhood=neighbourhood, title="Verkeer", actor=None)
    items = [_contribution(neighbourhood, text=f"Te snel {n}") for n in range(3)]
    client.force_login(users["facilitator"])
    response = client.post(
        url("assign", neighbourhood),
        {"contributions": [c.pk for c in items[:2]], "theme": theme.pk},
    )
    assert response.status_code == 302
    assert theme.contributions.count() == 2
    assert Contribution.objects.get(pk=items[0].pk).status == "themed"


def test_answer_tells_residents_by_email_and_shows_on_you_said(
    client, neighbourhood, users, exploration, mailoutbox, django_capture_on_commit_callbacks
):
    resident = users["resident"].resident
    resident.email = "amina@example.org"
    resident.save()
    contribution = contribution_create(
        neighbourhood=neighbourhood,
        data=ContributionInput(
            kind="frustration", text="Te veel zwerfvuil.", channel="online", language="nl"
        ),
        author=resident,
    )
    theme = theme_create(neighbourhood=neighbourhood, title="Afval", actor=None)
    contributions_assign(
        neighbourhood=neighbourhood, contribution_ids=[contribution.pk], theme=theme
    )
    client.force_login(users["housing_staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("answer", neighbourhood, pk=theme.pk),
            {
                "status": "planned",
                "text": "In mei komen er extra vuilnisbakken.",
                "published": "on",
            },
        )
    assert response.status_code == 302
    assert Contribution.objects.get(pk=contribution.pk).status == "answered"
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["amina@example.org"]
    client.force_login(users["resident"])
    page = client.get(url("you_said", neighbourhood)).content.decode()
    assert "In mei komen er extra vuilnisbakken." in page and "Afval" in page


def test_unpublished_answer_is_not_shown_to_residents(client, neighbourhood, users):
    theme = theme_create(neighbourhood=neighbourhood, title="Afval", actor=None)
    theme_answer(
        theme=theme,
        text="Nog intern",
        status="planned",
        actor=users["housing_staff"],
        published=False,
    )
    client.force_login(users["resident"])
    assert "Nog intern" not in client.get(url("you_said", neighbourhood)).content.decode()


def test_reach_counts_households_per_channel_and_lists_who_is_not_reached(
    client, neighbourhood, users
):
    a, b, c = (HouseholdFactory(neighbourhood=neighbourhood, street="Molenweg") for _ in range(3))
    _contribution(neighbourhood, household=a, channel="stand")
    _contribution(neighbourhood, household=a, channel="online")
    _contribution(neighbourhood, household=b, channel="postcard")
    _contribution(neighbourhood, street="Molenweg")
    client.force_login(users["facilitator"])
    reach = client.get(url("reach", neighbourhood)).context["reach"]
    households = reach.households  # includes the fixture households of `users`
    assert reach.reached == 2 and reach.by_channel == {"stand": 1, "online": 1, "postcard": 1}
    assert reach.percent == round(200 / households)
    listed = list(client.get(url("door_to_door", neighbourhood)).context["households"])
    assert c in listed and a not in listed and b not in listed


def test_export_neutralises_formulas_and_names_only_with_consent(client, neighbourhood, users):
    named = ResidentFactory(
        household=HouseholdFactory(neighbourhood=neighbourhood), display_name="Karim"
    )
    contribution_create(
        neighbourhood=neighbourhood,
        data=ContributionInput(
            kind="idea", text='=HYPERLINK("x")', channel="online", consent_named=True, language="nl"
        ),
        author=named,
    )
    hidden = ResidentFactory(
        household=HouseholdFactory(neighbourhood=neighbourhood), display_name="Saskia"
    )
    contribution_create(
        neighbourhood=neighbourhood,
        data=ContributionInput(kind="idea", text="@mention", channel="online", language="nl"),
        author=hidden,
    )
    _contribution(neighbourhood, text="+32 snel")
    client.force_login(users["facilitator"])
    response = client.get(url("export", neighbourhood, fmt="csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    texts = [row[-1] for row in rows[1:]]
    assert texts == ['\'=HYPERLINK("x")', "'@mention", "'+32 snel"]
    flat = response.content.decode("utf-8-sig")
    assert "Karim" in flat and "Saskia" not in flat
    xlsx = client.get(url("export", neighbourhood, fmt="xlsx"))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.cell(row=2, column=11).value == '\'=HYPERLINK("x")'


def test_housing_staff_see_the_report_without_names(client, neighbourhood, users):
    author = ResidentFactory(
        household=HouseholdFactory(neighbourhood=neighbourhood), display_name="Zeynep"
    )
    contribution = contribution_create(
        neighbourhood=neighbourhood,
        data=ContributionInput(
            kind="need",
            text="Een plek waar kinderen veilig kunnen spelen.",
            channel="online",
            language="nl",
        ),
        author=author,
    )
    theme = theme_create(neighbourhood=neighbourhood, title="Spelen", actor=None)
    contributions_assign(
        neighbourhood=neighbourhood, contribution_ids=[contribution.pk], theme=theme
    )
    client.force_login(users["housing_staff"])
    page = client.get(url("report", neighbourhood)).content.decode()
    assert "Een plek waar kinderen veilig kunnen spelen." in page
    assert "Zeynep" not in page and author.household.address not in page


def test_housing_staff_cannot_post_the_conclusion(client, neighbourhood, users):
    client.force_login(users["housing_staff"])
    assert client.post(url("report", neighbourhood), {"conclusion": "x"}).status_code == 404


def test_volunteers_online_and_on_paper(client, neighbourhood, users, exploration):
    client.force_login(users["resident"])
    client.post(
        url("volunteer", neighbourhood),
        {
            "areas": ["activities", "committee"],
            "contact": "0470 12 34 56",
            "idempotency_key": "b2" * 16,
        },
    )
    client.force_login(users["facilitator"])
    client.post(
        url("volunteers", neighbourhood),
        {"name": "Mo", "areas": ["task"], "channel": "stand", "idempotency_key": "c3" * 16},
    )
    assert Volunteer.objects.count() == 2
    page = client.get(url("volunteers", neighbourhood) + "?voor=committee")
    assert [v.name for v in page.context["page_obj"]] == ["Amina"]
    empty = client.post(url("volunteers", neighbourhood), {"name": "Mo"})
    assert empty.context["form"].errors["areas"]


PAGES = [
    ("list", "facilitator"),
    ("themes", "facilitator"),
    ("reach", "facilitator"),
    ("report", "housing_staff"),
    ("you_said", "resident"),
    ("mine", "resident"),
    ("volunteers", "facilitator"),
    ("assign", "facilitator"),
    ("door_to_door", "facilitator"),
]


def _grow(neighbourhood, n, users):
    for extra in range(n // 3):
        Theme.objects.get_or_create(neighbourhood=neighbourhood, title=f"Thema {n}-{extra}")
    theme = Theme.objects.get_or_create(neighbourhood=neighbourhood, title="Groei")[0]
    ThemeResponse.objects.get_or_create(theme=theme, defaults={"text": "Ok", "status": "done"})
    for i in range(n):
        household = HouseholdFactory(neighbourhood=neighbourhood)
        c = _contribution(
            neighbourhood, text=f"Tekst nummer {i} over de wijk en de straat", household=household
        )
        if i % 2:
            contributions_assign(neighbourhood=neighbourhood, contribution_ids=[c.pk], theme=theme)
        Volunteer.objects.create(
            neighbourhood=neighbourhood, areas=["task"], channel="stand", name=f"V{i}"
        )
    resident = users["resident"].resident
    _contribution(neighbourhood, household=resident.household)


@pytest.mark.parametrize(("name", "role"), PAGES)
def test_listening_pages_cost_the_same_queries_on_more_data(
    client, neighbourhood, users, name, role
):
    client.force_login(users[role])

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url(name, neighbourhood))
        assert response.status_code == 200
        return len(queries)

    _grow(neighbourhood, 3, users)
    small = count()
    _grow(neighbourhood, 30, users)
    assert count() == small
    assert small <= 14
