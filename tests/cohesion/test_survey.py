"""The survey: waves and codes, answering online and on paper, the questionnaires, query counts."""

import datetime
import shutil
import subprocess
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from samen.cohesion.models import SurveyCode, SurveyItem, SurveyResponse, SurveyWave
from samen.cohesion.printables import build_questionnaires
from samen.cohesion.selectors_survey import open_wave_for_resident
from samen.cohesion.services_survey import (
    SURVEY_CODE_ALPHABET,
    survey_code_for,
    survey_item_add,
    survey_response_submit,
    wave_create,
)
from samen.cohesion.views_survey import SESSION_CODE
from samen.neighbourhoods.models import Household, Role
from samen.printing.pdf import render_pdf_in_chunks
from tests.cohesion.factories import SurveyWaveFactory
from tests.factories import HouseholdFactory, NeighbourhoodFactory, ResidentFactory, staff_user

pytestmark = pytest.mark.usefixtures("english")

ANSWERS = {
    "item1": "4",
    "item2": "3",
    "item3": "",
    "item4": "4",
    "item5": "2",
    "known_by_name": "1-2",
}
TODAY = timezone.localdate


def _answers(**override):  # type: ignore[no-untyped-def]
    data = {"item1": 4, "item2": 3, "item3": None, "item4": 4, "item5": 2}
    data.update(known_by_name="1-2", extra={})
    data.update(override)
    return data


@pytest.fixture
def wave(neighbourhood, household):
    HouseholdFactory.create_batch(3, neighbourhood=neighbourhood)
    return wave_create(
        neighbourhood=neighbourhood,
        title="Nulmeting",
        kind="baseline",
        opens_on=TODAY() - datetime.timedelta(days=3),
        closes_on=TODAY() + datetime.timedelta(days=10),
    )


def _code(wave, household=None) -> SurveyCode:  # type: ignore[no-untyped-def]
    codes = SurveyCode.objects.filter(wave=wave)
    if household is not None:
        codes = codes.filter(household=household)
    return codes.order_by("pk").first()


# -- Waves and codes ------------------------------------------------------------------------


def test_a_new_wave_gives_every_household_one_unique_unambiguous_code(wave, neighbourhood):
    codes = list(SurveyCode.objects.filter(wave=wave))
    assert len(codes) == Household.objects.filter(neighbourhood=neighbourhood).count() == 4
    assert len({c.household_id for c in codes}) == 4
    assert len({c.code for c in codes}) == 4
    for code in codes:
        assert len(code.code) == 8
        assert set(code.code) <= set(SURVEY_CODE_ALPHABET)
        assert code.code != code.household.join_code
        assert not code.used


def test_a_second_wave_gets_other_codes(wave, neighbourhood):
    second = wave_create(
        neighbourhood=neighbourhood,
        title="Eindmeting",
        kind="follow_up",
        opens_on=TODAY(),
        closes_on=TODAY(),
    )
    first_codes = set(SurveyCode.objects.filter(wave=wave).values_list("code", flat=True))
    second_codes = set(SurveyCode.objects.filter(wave=second).values_list("code", flat=True))
    assert len(second_codes) == 4
    assert not first_codes & second_codes


def test_a_household_added_later_gets_its_code_when_needed(wave, neighbourhood):
    late = HouseholdFactory(neighbourhood=neighbourhood)
    assert not SurveyCode.objects.filter(wave=wave, household=late).exists()
    code = survey_code_for(household=late, wave=wave)
    assert code.household == late
    assert survey_code_for(household=late, wave=wave) == code


def test_the_facilitator_plans_a_wave_and_a_double_submit_stores_one(client, users, neighbourhood):
    client.force_login(users["facilitator"])
    url = reverse("cohesion:wave_create", kwargs={"slug": neighbourhood.slug})
    data = {
        "title": "Nulmeting",
        "kind": "baseline",
        "opens_on": "2030-03-01",
        "closes_on": "2030-03-31",
        "phase": "",
        "idempotency_key": "ab" * 16,
    }
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert SurveyWave.objects.filter(neighbourhood=neighbourhood).count() == 1
    wave = SurveyWave.objects.get(neighbourhood=neighbourhood)
    assert first["Location"] == wave.get_absolute_url()
    assert wave.codes.count() == neighbourhood.households.count()


def test_a_wave_that_closes_before_it_opens_is_refused_and_keeps_the_typing(
    client, users, neighbourhood
):
    client.force_login(users["facilitator"])
    url = reverse("cohesion:wave_create", kwargs={"slug": neighbourhood.slug})
    response = client.post(
        url,
        {
            "title": "Mijn meting",
            "kind": "other",
            "opens_on": "2030-03-31",
            "closes_on": "2030-03-01",
        },
    )
    assert response.status_code == 400
    assert b"The survey must close on or after the day it opens." in response.content
    assert b'value="Mijn meting"' in response.content
    assert not SurveyWave.objects.exists()


# -- Extra statements -----------------------------------------------------------------------


def test_extra_statements_are_added_with_translations_and_locked_after_the_first_answer(
    client, users, wave
):
    client.force_login(users["facilitator"])
    url = wave.get_absolute_url()
    response = client.post(
        url,
        {
            "action": "item_add",
            "text": "Ik voel me veilig in de wijk.",
            "text_fr": "Je me sens en sécurité.",
            "text_en": "",
        },
    )
    assert response.status_code == 302
    item = SurveyItem.objects.get(wave=wave)
    assert item.translations == {"fr": "Je me sens en sécurité."}
    assert item.text_in("fr") == "Je me sens en sécurité."
    assert item.text_in("en") == "Ik voel me veilig in de wijk."

    survey_response_submit(code=_code(wave), answers=_answers(), channel="online")
    with pytest.raises(ValidationError):
        survey_item_add(wave=wave, text="Nog een")
    response = client.post(url, {"action": "item_remove", "item": str(item.pk)})
    assert response.status_code == 400
    assert SurveyItem.objects.filter(pk=item.pk).exists()
    page = client.get(url)
    assert b"can no longer change" in page.content
    assert b'name="text"' not in page.content


# -- The one-answer-per-code rule -----------------------------------------------------------


def test_a_code_answers_once_and_a_second_submit_is_refused_with_the_message(wave):
    code = _code(wave)
    survey_response_submit(code=code, answers=_answers(), channel="online")
    with pytest.raises(ValidationError) as error:
        survey_response_submit(code=code, answers=_answers(item1=1), channel="paper")
    assert "already been filled in" in error.value.messages[0]
    assert SurveyResponse.objects.filter(wave=wave).count() == 1
    assert SurveyCode.objects.get(pk=code.pk).used


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_submits_with_one_code_store_one_answer(neighbourhood):
    if connection.vendor == "sqlite" and "memory" in str(connection.settings_dict["NAME"]):
        pytest.skip("threads need a database file")
    household = HouseholdFactory(neighbourhood=neighbourhood)
    wave = SurveyWaveFactory(neighbourhood=neighbourhood)
    code = survey_code_for(household=household, wave=wave)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit() -> None:
        barrier.wait()
        try:
            survey_response_submit(code=code, answers=_answers(), channel="online")
            outcomes.append("saved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "saved"]
    assert SurveyResponse.objects.filter(wave=wave).count() == 1


def test_a_racing_submit_that_read_the_code_as_unused_is_still_refused(wave, monkeypatch):
    """Two submits that both read "unused" (SQLite ignores FOR UPDATE): one answer stored."""
    code = _code(wave)
    survey_response_submit(code=code, answers=_answers(), channel="online")
    stale = SurveyCode.objects.select_related("wave").get(pk=code.pk)
    stale.used = False  # what the other transaction read before this one committed

    class StaleRead:
        def select_related(self, *args):  # type: ignore[no-untyped-def]
            return self

        def filter(self, **kwargs):  # type: ignore[no-untyped-def]
            return self

        def first(self):  # type: ignore[no-untyped-def]
            return stale

    monkeypatch.setattr(SurveyCode.objects, "select_for_update", lambda: StaleRead())
    with pytest.raises(ValidationError) as error:
        survey_response_submit(code=code, answers=_answers(), channel="online")
    assert "already been filled in" in error.value.messages[0]
    assert SurveyResponse.objects.count() == 1


def test_a_stale_code_object_cannot_answer_twice(wave):
    code = _code(wave)
    stale = SurveyCode.objects.get(pk=code.pk)  # read before the first submit
    survey_response_submit(code=code, answers=_answers(), channel="online")
    assert stale.used is False
    with pytest.raises(ValidationError):
        survey_response_submit(code=stale, answers=_answers(), channel="online")
    assert SurveyResponse.objects.count() == 1


@pytest.mark.parametrize(
    ("opens", "closes"), [(1, 5), (-9, -1)], ids=["not open yet", "closed already"]
)
def test_answers_outside_the_dates_are_refused(neighbourhood, household, opens, closes):
    wave = SurveyWaveFactory(
        neighbourhood=neighbourhood,
        opens_on=TODAY() + datetime.timedelta(days=opens),
        closes_on=TODAY() + datetime.timedelta(days=closes),
    )
    code = survey_code_for(household=household, wave=wave)
    with pytest.raises(ValidationError) as error:
        survey_response_submit(code=code, answers=_answers(), channel="online")
    assert "not open" in error.value.messages[0]
    assert not SurveyResponse.objects.exists()
    assert not SurveyCode.objects.get(pk=code.pk).used


def test_answers_off_the_scale_are_refused(wave):
    with pytest.raises(ValidationError):
        survey_response_submit(code=_code(wave), answers=_answers(item2=7), channel="online")
    assert not SurveyCode.objects.get(pk=_code(wave).pk).used


# -- The public code page -------------------------------------------------------------------


def test_a_resident_answers_with_a_code_and_the_session_forgets_it(client, wave):
    code = _code(wave)
    url = reverse("cohesion:survey_code")
    response = client.post(
        url, {"step": "code", "code": code.code.lower()[:4] + " " + code.code[4:]}
    )
    assert response.status_code == 302
    assert client.session[SESSION_CODE] == code.pk
    page = client.get(url)
    assert b'name="item1"' in page.content
    assert "People in this neighbourhood hardly know each other." in page.content.decode()
    nonce = page.context["form"].initial["nonce"]
    response = client.post(url, {"step": "answers", "nonce": nonce, **ANSWERS})
    assert response.status_code == 302
    assert SESSION_CODE not in client.session
    thanks = client.get(url)
    assert b"Thank you" in thanks.content
    # The page after saving shows none of the answers back.
    assert b"checked" not in thanks.content
    response = SurveyResponse.objects.get(wave=wave)
    assert (response.item1, response.item3, response.known_by_name) == (4, None, "1-2")
    assert response.channel == "online"
    # A double click on "send" thanks again instead of refusing.
    again = client.post(url, {"step": "answers", "nonce": nonce, **ANSWERS})
    assert again.status_code == 302
    assert b"Thank you" in client.get(url).content
    assert SurveyResponse.objects.count() == 1


def test_a_used_code_is_refused_on_the_code_page(client, wave):
    code = _code(wave)
    survey_response_submit(code=code, answers=_answers(), channel="paper")
    response = client.post(reverse("cohesion:survey_code"), {"step": "code", "code": code.code})
    assert response.status_code == 400
    assert b"already been filled in" in response.content
    assert SESSION_CODE not in client.session


def test_the_answer_form_keeps_what_was_ticked_on_an_error(client, wave):
    client.post(reverse("cohesion:survey_code"), {"step": "code", "code": _code(wave).code})
    data = {**ANSWERS, "item2": "9", "step": "answers", "nonce": "c" * 32}
    response = client.post(reverse("cohesion:survey_code"), data)
    assert response.status_code == 400
    form = response.context["form"]
    assert form["item1"].value() == "4"
    assert form["known_by_name"].value() == "1-2"
    assert b'value="4" class="scale-radio" id="id_item1_3" checked' in response.content
    assert not SurveyResponse.objects.exists()


def test_the_public_code_page_is_rate_limited(client, wave, settings):
    settings.LOGIN_RATE_LIMIT = 3
    url = reverse("cohesion:survey_code")
    for _ in range(3):
        assert client.post(url, {"step": "code", "code": "XXXX-XXXX"}).status_code == 400
    response = client.post(url, {"step": "code", "code": _code(wave).code})
    assert response.status_code == 400
    assert b"Too many wrong codes" in response.content
    assert SESSION_CODE not in client.session


def test_an_unknown_code_gets_a_clear_message(client, wave):
    response = client.post(reverse("cohesion:survey_code"), {"step": "code", "code": "ABCD-EFGH"})
    assert b"We do not know this code" in response.content


# -- Logged-in residents --------------------------------------------------------------------


def test_a_logged_in_resident_answers_for_the_household_once(client, users, household, wave):
    client.force_login(users["resident"])
    neighbourhood = wave.neighbourhood
    assert open_wave_for_resident(user=users["resident"], neighbourhood=neighbourhood) == wave
    url = reverse("cohesion:survey_answer", kwargs={"slug": neighbourhood.slug, "pk": wave.pk})
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, {**ANSWERS, "nonce": "d" * 32})
    assert response.status_code == 302
    assert SurveyCode.objects.get(wave=wave, household=household).used
    assert b"Thank you" in client.get(url).content
    again = client.get(url)
    assert b"already been filled in" in again.content
    assert b'name="item1"' not in again.content
    assert open_wave_for_resident(user=users["resident"], neighbourhood=neighbourhood) is None
    # A member of the same household finds it answered too.
    other = ResidentFactory(household=household)
    client.force_login(other.user)
    assert b"already been filled in" in client.get(url).content


def test_the_invite_partial_shows_while_the_wave_is_open(users, wave, rf):
    from django.template.loader import render_to_string

    html = render_to_string("cohesion/_survey_invite.html", {"survey_wave": wave})
    assert (
        reverse("cohesion:survey_answer", kwargs={"slug": wave.neighbourhood.slug, "pk": wave.pk})
        in html
    )
    assert render_to_string("cohesion/_survey_invite.html", {"survey_wave": None}).strip() == ""


# -- Paper entry ----------------------------------------------------------------------------


def test_paper_entry_saves_and_asks_for_the_next_one(client, users, wave):
    client.force_login(users["facilitator"])
    url = reverse("cohesion:survey_paper", kwargs={"slug": wave.neighbourhood.slug, "pk": wave.pk})
    page = client.get(url)
    assert b"autofocus" in page.content
    code = _code(wave)
    response = client.post(url, {"code": code.code, **ANSWERS, "nonce": "e" * 32}, follow=True)
    assert b"Type the next questionnaire" in response.content
    assert SurveyResponse.objects.get(wave=wave).channel == "paper"
    # The same code again: refused at once, the ticks stay in the form.
    again = client.post(url, {"code": code.code, **ANSWERS, "item5": "5", "nonce": "f" * 32})
    assert again.status_code == 400
    assert b"already been filled in" in again.content
    assert again.context["form"]["item5"].value() == "5"
    assert SurveyResponse.objects.count() == 1


def test_paper_entry_refuses_a_code_of_another_wave(client, users, wave, neighbourhood):
    other = wave_create(
        neighbourhood=neighbourhood,
        title="Ander",
        kind="other",
        opens_on=TODAY(),
        closes_on=TODAY(),
    )
    client.force_login(users["facilitator"])
    url = reverse("cohesion:survey_paper", kwargs={"slug": neighbourhood.slug, "pk": wave.pk})
    response = client.post(url, {"code": _code(other).code, **ANSWERS})
    assert response.status_code == 400
    assert b"not a code of this survey" in response.content
    assert not SurveyResponse.objects.exists()


# -- Questionnaires -------------------------------------------------------------------------


def test_the_questionnaire_pdf_renders_with_the_household_code(wave, household, tmp_path):
    household.language = "fr"
    household.save()
    survey_item_add(wave=wave, text="Ik voel me veilig.", translations={"fr": "Je me sens bien."})
    work = build_questionnaires(
        neighbourhood=wave.neighbourhood, params={"wave": wave.pk, "only": [household.pk]}
    )
    assert len(work.items) == 1
    context = {**work.context, **work.chunk_context(work.items)}
    from django.template.loader import render_to_string

    html = render_to_string(work.template_name, context)
    code = _code(wave, household).code
    assert f"{code[:4]}-{code[4:]}" in html
    assert "Je me sens bien." in html
    assert household.address in html
    assert "/peiling/" in html and code not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    data = render_pdf_in_chunks(
        template_name=work.template_name,
        context=work.context,
        items=work.items,
        chunk_context=work.chunk_context,
    )
    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        path = tmp_path / "q.pdf"
        path.write_bytes(data)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
        assert f"{code[:4]}-{code[4:]}" in text


def test_starting_the_questionnaires_opens_the_print_job(client, users, wave, settings):
    from samen.printing.models import PrintJob

    client.force_login(users["facilitator"])
    url = reverse(
        "cohesion:wave_questionnaires", kwargs={"slug": wave.neighbourhood.slug, "pk": wave.pk}
    )
    assert client.get(url).status_code == 200
    response = client.post(url, {"only": "all", "idempotency_key": "9" * 32})
    job = PrintJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert job.kind == "survey_questionnaire"
    assert job.params == {"wave": wave.pk, "only": "all"}


# -- Pages and query counts -----------------------------------------------------------------


def _grow(neighbourhood, households: int, waves: int) -> SurveyWave:  # type: ignore[no-untyped-def]
    HouseholdFactory.create_batch(households, neighbourhood=neighbourhood)
    last = None
    for index in range(waves):
        last = wave_create(
            neighbourhood=neighbourhood,
            title=f"Meting {index}",
            kind="other",
            opens_on=TODAY() - datetime.timedelta(days=1),
            closes_on=TODAY() + datetime.timedelta(days=1),
        )
        survey_item_add(wave=last, text=f"Extra {index}")
        for code in SurveyCode.objects.filter(wave=last)[: households // 2]:
            survey_response_submit(code=code, answers=_answers(), channel="paper")
    return last


@pytest.mark.parametrize("size", [1, 10])
def test_pages_cost_a_fixed_number_of_queries(
    client, users, neighbourhood, size, django_assert_max_num_queries
):
    wave = _grow(neighbourhood, households=4 * size, waves=size)
    client.force_login(users["facilitator"])
    slug = neighbourhood.slug
    for url in (
        reverse("cohesion:wave_list", kwargs={"slug": slug}),
        reverse("cohesion:wave_detail", kwargs={"slug": slug, "pk": wave.pk}),
        reverse("cohesion:survey_paper", kwargs={"slug": slug, "pk": wave.pk}),
        reverse("cohesion:wave_questionnaires", kwargs={"slug": slug, "pk": wave.pk}),
    ):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
    client.force_login(users["resident"])
    with django_assert_max_num_queries(12):
        url = reverse("cohesion:survey_answer", kwargs={"slug": slug, "pk": wave.pk})
        assert client.get(url).status_code == 200


def test_the_wave_list_shows_status_counts_and_share(client, users, wave):
    survey_response_submit(code=_code(wave), answers=_answers(), channel="online")
    SurveyWaveFactory(
        neighbourhood=wave.neighbourhood,
        title="Later",
        opens_on=TODAY() + datetime.timedelta(days=30),
        closes_on=TODAY() + datetime.timedelta(days=40),
    )
    client.force_login(users["facilitator"])
    page = client.get(reverse("cohesion:wave_list", kwargs={"slug": wave.neighbourhood.slug}))
    html = page.content.decode()
    total = wave.neighbourhood.households.count()
    assert f"{round(100 / total)}% (1/{total})" in html
    assert "not open yet" in html and ">open<" in html


def test_another_neighbourhoods_worker_cannot_see_a_wave(client, wave):
    other = staff_user(NeighbourhoodFactory(), Role.FACILITATOR)
    client.force_login(other)
    url = reverse("cohesion:wave_detail", kwargs={"slug": wave.neighbourhood.slug, "pk": wave.pk})
    assert client.get(url).status_code == 404
