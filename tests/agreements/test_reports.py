"""Reports (meldingen): services, the pipeline, privacy, pages, query counts, bad input."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from samen.agreements.models import Agreement, Report, ReportEvent
from samen.agreements.selectors_reports import (
    ReportFilter,
    company_overview_of,
    report_aggregates_of,
    report_times_of,
    reports_of_resident,
    reports_queue,
    times_of,
)
from samen.agreements.services_reports import (
    ReportInput,
    report_answer,
    report_create,
    report_set_status,
)
from samen.core.models import AuditEvent
from samen.neighbourhoods.models import Role
from tests.factories import HouseholdFactory, NeighbourhoodFactory, ResidentFactory, staff_user

S = Report.Status


@pytest.fixture(autouse=True)
def _rules():
    import samen.agreements.rules_reports  # noqa: F401


def _report(neighbourhood, resident=None, **changes) -> Report:
    data = {
        "kind": Report.Kind.COMMON_UPKEEP,
        "text": "De lamp in de fietsenberging is stuk.",
        "place": Report.Place.COMMON_AREA,
        "place_detail": "fietsenberging",
    }
    data.update(changes)
    household = data.pop("household", None)
    return report_create(
        neighbourhood=neighbourhood,
        data=ReportInput(household=household, **data),
        reporter=resident,
        entered_by=resident.user if resident else None,
    )


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, format="PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


# --- Services -----------------------------------------------------------------------------


def test_a_resident_reports_a_problem_at_home_and_it_is_received(neighbourhood, users):
    resident = users["resident"].resident
    report = _report(neighbourhood, resident, kind=Report.Kind.HOME_UPKEEP, place=Report.Place.HOME)
    assert report.status == S.RECEIVED
    assert report.household == resident.household
    assert report.street == resident.household.street
    assert list(report.events.values_list("to_status", flat=True)) == [S.RECEIVED]


def test_a_facilitator_reports_on_behalf_of_a_household(neighbourhood, household, users):
    report = report_create(
        neighbourhood=neighbourhood,
        data=ReportInput(
            kind=Report.Kind.SAFETY,
            text="Losliggende stoeptegel.",
            place=Report.Place.STREET,
            street=household.street,
            household=household,
        ),
        entered_by=users["facilitator"],
    )
    assert report.entered_by == users["facilitator"]
    assert report.household == household
    assert report.reporter is None


def test_a_report_is_stored_once_with_the_same_key(neighbourhood, users):
    resident = users["resident"].resident
    data = ReportInput(
        kind="other", text="Iets", place=Report.Place.COMMON_AREA, place_detail="hal"
    )
    first = report_create(
        neighbourhood=neighbourhood, data=data, reporter=resident, idempotency_key="abc123"
    )
    second = report_create(
        neighbourhood=neighbourhood, data=data, reporter=resident, idempotency_key="abc123"
    )
    assert first.pk == second.pk
    assert Report.objects.count() == 1


def test_a_photo_is_re_encoded(neighbourhood, users):
    report = report_create(
        neighbourhood=neighbourhood,
        data=ReportInput(kind="other", text="Kapot", place="common_area", place_detail="hal"),
        reporter=users["resident"].resident,
        photo=_png(),
    )
    assert report.photo.name.endswith(".jpg")


def test_the_pipeline_sets_the_times_and_the_fields(neighbourhood, users):
    staff = users["housing_staff"]
    report = _report(neighbourhood, users["resident"].resident)
    report = report_set_status(report=report, to_status=S.ASSIGNED, actor=staff)
    assert report.assigned_to == staff and report.first_answer_at is not None
    first = report.first_answer_at
    report = report_set_status(
        report=report,
        to_status=S.PLANNED,
        actor=staff,
        planned_on=datetime.date(2026, 12, 1),
        answer="De elektricien komt op 1 december.",
    )
    assert report.planned_on == datetime.date(2026, 12, 1)
    assert report.first_answer_at == first
    report = report_set_status(report=report, to_status=S.RESOLVED, actor=staff)
    assert report.resolved_at is not None
    report = report_set_status(report=report, to_status=S.CLOSED, actor=staff)
    assert report.closed_at is not None
    assert list(report.events.values_list("to_status", flat=True)) == [
        S.RECEIVED,
        S.ASSIGNED,
        S.PLANNED,
        S.RESOLVED,
        S.CLOSED,
    ]
    assert AuditEvent.objects.filter(action="report.status_changed").count() == 4


@pytest.mark.parametrize(
    ("start", "to"),
    [
        ([], S.CLOSED),
        ([S.ASSIGNED], S.RECEIVED),
        ([S.RESOLVED, S.CLOSED], S.ASSIGNED),
        ([], "nonsense"),
    ],
)
def test_a_status_change_outside_the_pipeline_is_refused(neighbourhood, users, start, to):
    staff = users["housing_staff"]
    report = _report(neighbourhood, users["resident"].resident)
    for status in start:
        report = report_set_status(report=report, to_status=status, actor=staff)
    with pytest.raises(ValidationError) as error:
        report_set_status(report=report, to_status=to, actor=staff)
    assert "to_status" in error.value.message_dict
    assert Report.objects.get(pk=report.pk).status == report.status


def test_not_ours_needs_where_to_go_instead(neighbourhood, users):
    staff = users["housing_staff"]
    report = _report(neighbourhood, users["resident"].resident)
    with pytest.raises(ValidationError) as error:
        report_set_status(report=report, to_status=S.NOT_OURS, actor=staff)
    assert "redirect_to" in error.value.message_dict
    report = report_set_status(
        report=report,
        to_status=S.NOT_OURS,
        actor=staff,
        redirect_to="De gemeente Brecht, dienst openbare werken: 03 660 25 00",
    )
    assert report.redirect_to.startswith("De gemeente")


def test_planned_needs_a_day(neighbourhood, users):
    report = _report(neighbourhood, users["resident"].resident)
    with pytest.raises(ValidationError) as error:
        report_set_status(report=report, to_status=S.PLANNED, actor=users["housing_staff"])
    assert "planned_on" in error.value.message_dict


def test_an_answer_is_timed_and_mailed_in_the_reporters_language(
    neighbourhood, users, django_capture_on_commit_callbacks
):
    resident = users["resident"].resident
    resident.email = "amina@example.org"
    resident.languages = ["fr", "nl"]
    resident.save()
    report = _report(neighbourhood, resident)
    with django_capture_on_commit_callbacks(execute=True):
        event = report_answer(
            report=report, answer="We kijken ernaar.", actor=users["housing_staff"]
        )
    report.refresh_from_db()
    assert report.first_answer_at == event.at
    assert report.status == S.RECEIVED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@example.org"]
    assert "We kijken ernaar." in mail.outbox[0].body
    assert "Bonjour" in mail.outbox[0].body or "Amina" in mail.outbox[0].body


def test_no_mail_without_an_address(neighbourhood, users, django_capture_on_commit_callbacks):
    report = _report(neighbourhood, users["resident"].resident)
    with django_capture_on_commit_callbacks(execute=True):
        report_set_status(report=report, to_status=S.ASSIGNED, actor=users["housing_staff"])
    assert mail.outbox == []


# --- Bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"text": "   "}, "text"),
        ({"text": "x" * 3001}, "text"),
        ({"place": Report.Place.STREET, "street": "Elders"}, "street"),
        ({"place": Report.Place.COMMON_AREA, "place_detail": ""}, "place_detail"),
        ({"kind": "weird"}, "kind"),
    ],
)
def test_bad_input_is_refused_with_a_message(neighbourhood, users, changes, field):
    with pytest.raises(ValidationError) as error:
        _report(neighbourhood, users["resident"].resident, **changes)
    assert error.value.message_dict[field][0]
    assert Report.objects.count() == 0


def test_a_household_of_another_neighbourhood_is_refused(neighbourhood, users):
    elsewhere = HouseholdFactory(neighbourhood=NeighbourhoodFactory(), street="Elders")
    with pytest.raises(ValidationError) as error:
        report_create(
            neighbourhood=neighbourhood,
            data=ReportInput(kind="other", text="x", place="home", household=elsewhere),
            entered_by=users["facilitator"],
        )
    assert "household" in error.value.message_dict


def test_an_agreement_of_another_neighbourhood_is_refused(neighbourhood, users):
    other = Agreement.objects.create(
        neighbourhood=NeighbourhoodFactory(),
        title="A",
        text="B",
        topic="waste",
        responsible="residents",
    )
    with pytest.raises(ValidationError) as error:
        _report(neighbourhood, users["resident"].resident, agreement=other)
    assert "agreement" in error.value.message_dict


def test_a_file_that_is_no_image_is_refused(neighbourhood, users):
    fake = SimpleUploadedFile("foto.jpg", b"not an image at all", content_type="image/jpeg")
    with pytest.raises(ValidationError) as error:
        report_create(
            neighbourhood=neighbourhood,
            data=ReportInput(kind="other", text="x", place="common_area", place_detail="hal"),
            reporter=users["resident"].resident,
            photo=fake,
        )
    assert "photo" in error.value.message_dict


def _form_data(**changes):
    data = {
        "kind": "common_upkeep",
        "text": "De lamp in de fietsenberging is stuk.",
        "place": "common_area",
        "place_detail": "fietsenberging",
        "street": "",
        "idempotency_key": "f00d",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "changes",
    [
        {"text": ""},
        {"text": "Een heel lang verhaal. " * 200},
        {"place": "street", "street": "Andere Straat"},
        {"place": "common_area", "place_detail": ""},
    ],
)
def test_the_form_shows_the_error_and_keeps_what_was_typed(client, neighbourhood, users, changes):
    client.force_login(users["resident"])
    data = _form_data(**changes)
    response = client.post(reverse("agreements:report_create", args=["kapelakker"]), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert b"error-summary" in response.content
    if data["text"]:
        assert data["text"].strip()[:40].encode() in response.content
    assert Report.objects.count() == 0


def test_the_form_refuses_a_file_that_is_no_image(client, neighbourhood, users):
    client.force_login(users["resident"])
    data = _form_data(photo=SimpleUploadedFile("x.jpg", b"nope", content_type="image/jpeg"))
    response = client.post(reverse("agreements:report_create", args=["kapelakker"]), data)
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert b"fietsenberging" in response.content
    assert Report.objects.count() == 0


def test_a_disallowed_status_change_in_the_page_gets_a_message(client, neighbourhood, users):
    report = _report(neighbourhood, users["resident"].resident)
    client.force_login(users["housing_staff"])
    url = reverse("agreements:report_detail", args=["kapelakker", report.pk])
    response = client.post(url, {"action": "status", "to_status": "closed", "answer": "Klaar."})
    assert response.status_code == 200
    assert response.context["status_form"].errors["to_status"]
    assert "Klaar." in response.content.decode()
    assert Report.objects.get(pk=report.pk).status == S.RECEIVED


# --- Pages --------------------------------------------------------------------------------


def test_a_resident_reports_through_the_page_and_sees_it_in_my_reports(
    client, neighbourhood, users
):
    client.force_login(users["resident"])
    response = client.post(
        reverse("agreements:report_create", args=["kapelakker"]),
        _form_data(photo=_png()),
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.reporter == users["resident"].resident
    page = client.get(reverse("agreements:report_mine", args=["kapelakker"]))
    assert "De lamp in de fietsenberging" in page.content.decode()


def test_staff_answer_and_plan_and_the_resident_sees_the_answer(client, neighbourhood, users):
    report = _report(neighbourhood, users["resident"].resident)
    client.force_login(users["housing_staff"])
    url = reverse("agreements:report_detail", args=["kapelakker", report.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "action": "status",
            "to_status": "planned",
            "planned_on": "2026-12-03",
            "answer": "De elektricien komt op 3 december.",
        },
    )
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).status == S.PLANNED
    client.force_login(users["resident"])
    page = client.get(reverse("agreements:report_mine", args=["kapelakker"])).content.decode()
    assert "De elektricien komt op 3 december." in page


def test_only_the_allowed_next_statuses_are_offered(client, neighbourhood, users):
    report = _report(neighbourhood, users["resident"].resident)
    client.force_login(users["housing_staff"])
    response = client.get(reverse("agreements:report_detail", args=["kapelakker", report.pk]))
    offered = {
        value for value, _label in response.context["status_form"].fields["to_status"].choices
    }
    assert offered == Report.PIPELINE[S.RECEIVED]


def test_a_facilitator_sees_a_report_but_cannot_move_it(client, neighbourhood, users):
    report = _report(neighbourhood, users["resident"].resident)
    client.force_login(users["facilitator"])
    url = reverse("agreements:report_detail", args=["kapelakker", report.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "status", "to_status": "assigned"})
    assert response.status_code == 404
    assert Report.objects.get(pk=report.pk).status == S.RECEIVED


def test_a_report_of_another_neighbourhood_is_not_found(client, neighbourhood, users):
    other = NeighbourhoodFactory(organisation=neighbourhood.organisation)
    report = report_create(
        neighbourhood=other,
        data=ReportInput(kind="other", text="x", place="common_area", place_detail="hal"),
    )
    client.force_login(users["housing_staff"])
    url = reverse("agreements:report_detail", args=["kapelakker", report.pk])
    assert client.get(url).status_code == 404


def test_the_queue_filters_by_status_kind_and_age(neighbourhood, users):
    resident = users["resident"].resident
    old = _report(neighbourhood, resident, kind=Report.Kind.SAFETY)
    Report.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=10))
    done = _report(neighbourhood, resident)
    report_set_status(report=done, to_status=S.RESOLVED, actor=users["housing_staff"])
    fresh = _report(neighbourhood, resident)

    def pks(**kwargs):
        return {
            r.pk for r in reports_queue(neighbourhood=neighbourhood, filters=ReportFilter(**kwargs))
        }

    assert pks() == {old.pk, fresh.pk}
    assert pks(status="all") == {old.pk, fresh.pk, done.pk}
    assert pks(status="resolved") == {done.pk}
    assert pks(kind="safety") == {old.pk}
    assert pks(age="7") == {old.pk}
    assert pks(age="30") == set()


def test_a_resident_sees_only_their_households_reports(neighbourhood, users):
    mine = _report(neighbourhood, users["resident"].resident)
    _report(neighbourhood, users["committee_member"].resident)
    assert list(reports_of_resident(resident=users["resident"].resident)) == [mine]


# --- Privacy ------------------------------------------------------------------------------


def _nuisance(neighbourhood, resident, visible):
    return _report(
        neighbourhood,
        resident,
        kind=Report.Kind.NUISANCE,
        place=Report.Place.HOME,
        text="Elke nacht harde muziek bij de buren.",
        reporter_visible=visible,
    )


@pytest.mark.parametrize("page", ["queue", "detail"])
def test_housing_staff_never_see_a_hidden_reporter(client, neighbourhood, users, page):
    resident = users["resident"].resident
    report = _nuisance(neighbourhood, resident, visible=False)
    client.force_login(users["housing_staff"])
    url = (
        reverse("agreements:report_queue", args=["kapelakker"])
        if page == "queue"
        else reverse("agreements:report_detail", args=["kapelakker", report.pk])
    )
    content = client.get(url).content.decode()
    assert "Elke nacht harde muziek" in content
    assert resident.display_name not in content
    assert resident.household.address not in content
    assert resident.household.street in content


def test_housing_staff_see_the_reporter_who_chose_so_and_it_is_logged(client, neighbourhood, users):
    resident = users["resident"].resident
    report = _nuisance(neighbourhood, resident, visible=True)
    client.force_login(users["housing_staff"])
    content = client.get(
        reverse("agreements:report_detail", args=["kapelakker", report.pk])
    ).content.decode()
    assert resident.display_name in content
    assert resident.household.address in content
    assert AuditEvent.objects.filter(action="report.reporter_viewed").count() == 1


def test_a_facilitator_sees_who_reported(client, neighbourhood, users):
    resident = users["resident"].resident
    report = _nuisance(neighbourhood, resident, visible=False)
    client.force_login(users["facilitator"])
    content = client.get(
        reverse("agreements:report_detail", args=["kapelakker", report.pk])
    ).content.decode()
    assert resident.display_name in content


def test_another_resident_never_learns_who_reported(client, neighbourhood, users):
    resident = users["resident"].resident
    _nuisance(neighbourhood, resident, visible=True)
    client.force_login(users["committee_member"])
    for name in ("report_mine", "report_overview", "report_create"):
        content = client.get(reverse(f"agreements:{name}", args=["kapelakker"])).content.decode()
        assert resident.display_name not in content
        assert "Elke nacht harde muziek" not in content
    for name in ("report_queue",):
        assert client.get(reverse(f"agreements:{name}", args=["kapelakker"])).status_code == 404


# --- Medians and aggregates ---------------------------------------------------------------


def test_medians_on_a_hand_computed_example():
    t0 = timezone.now() - datetime.timedelta(days=100)
    hour = datetime.timedelta(hours=1)
    rows = [
        # status, created, first answer, resolved
        (S.CLOSED, t0, t0 + 2 * hour, t0 + 48 * hour),
        (S.RESOLVED, t0, t0 + 4 * hour, t0 + 96 * hour),
        (S.ASSIGNED, t0, t0 + 30 * hour, None),
        (S.RECEIVED, t0, None, None),
        (S.RECEIVED, timezone.now(), None, None),
    ]
    times = times_of(rows)
    assert times.total == 5
    assert times.open == 3
    assert times.overdue == 2  # the fresh one is not overdue
    assert times.first_answer == 4 * hour  # median of 2, 4, 30
    assert times.resolution == 72 * hour  # median of 48 and 96


def test_medians_per_neighbourhood_from_the_database(neighbourhood, users):
    staff = users["housing_staff"]
    resident = users["resident"].resident
    for hours in (1, 3, 8):
        report = _report(neighbourhood, resident)
        report_set_status(report=report, to_status=S.ASSIGNED, actor=staff)
        answered = Report.objects.get(pk=report.pk).first_answer_at
        Report.objects.filter(pk=report.pk).update(
            created_at=answered - datetime.timedelta(hours=hours)
        )
    times = report_times_of(neighbourhood=neighbourhood)
    assert round(times.first_answer.total_seconds() / 3600) == 3
    assert times.resolution is None
    assert times.first_answer_text


def test_aggregates_count_per_kind_month_and_agreement(neighbourhood, users):
    agreement = Agreement.objects.create(
        neighbourhood=neighbourhood,
        title="Afval op tijd buiten",
        text="We zetten het afval pas de avond voor de ophaling buiten.",
        topic="waste",
        responsible="residents",
        status="adopted",
    )
    resident = users["resident"].resident
    _report(neighbourhood, resident, agreement=agreement, kind=Report.Kind.NUISANCE)
    _report(neighbourhood, resident, agreement=agreement)
    _report(neighbourhood, resident)
    aggregates = report_aggregates_of(neighbourhood=neighbourhood)
    assert aggregates.months[-1]["total"] == 3
    assert len(aggregates.months) == 12
    assert dict(aggregates.by_kind)[str(Report.Kind.NUISANCE.label)] == 1
    assert aggregates.agreements[0]["agreement__title"] == "Afval op tijd buiten"
    assert aggregates.agreements[0]["count"] == 2


def test_the_company_overview_has_one_row_per_neighbourhood(neighbourhood, users):
    other = NeighbourhoodFactory(organisation=neighbourhood.organisation, name="Molenveld")
    NeighbourhoodFactory(name="Elders")  # another company
    _report(neighbourhood, users["resident"].resident)
    rows = company_overview_of(user=users["housing_staff"])
    assert other.pk in [n.pk for n, _t in rows]
    by_name = {n.name: t for n, t in rows}
    assert set(by_name) == {"Kapelakker", "Molenveld"}
    assert by_name["Kapelakker"].open == 1
    assert by_name["Molenveld"].total == 0


# --- Query counts -------------------------------------------------------------------------


def _grow(neighbourhood, count, staff):
    for index in range(count):
        household = HouseholdFactory(neighbourhood=neighbourhood, street=f"Straat {index % 3}")
        resident = ResidentFactory(household=household)
        report = _report(
            neighbourhood,
            resident,
            kind=Report.Kind.NUISANCE if index % 2 else Report.Kind.HOME_UPKEEP,
            place=Report.Place.HOME,
            reporter_visible=bool(index % 3),
        )
        if index % 2:
            report_set_status(report=report, to_status=S.ASSIGNED, actor=staff)
            report_answer(report=report, answer="Bezig.", actor=staff)


PAGES = [
    ("agreements:report_queue", "housing_staff", {"status": "all"}),
    ("agreements:report_queue", "facilitator", {}),
    ("agreements:report_overview", "resident", {}),
    ("agreements:report_mine", "resident", {}),
    ("agreements:report_create", "resident", {}),
    ("agreements:report_company", "housing_staff", {}),
]


@pytest.mark.parametrize(("name", "role", "params"), PAGES)
def test_report_pages_cost_the_same_queries_on_more_data(
    client, neighbourhood, users, name, role, params
):
    staff = users["housing_staff"]
    client.force_login(users[role])
    url = (
        reverse(name) if name == "agreements:report_company" else reverse(name, args=["kapelakker"])
    )

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200
        return len(queries)

    _grow(neighbourhood, 3, staff)
    _report(neighbourhood, users["resident"].resident)
    small = count()
    _grow(neighbourhood, 30, staff)
    for _ in range(3):
        _report(neighbourhood, users["resident"].resident)
    assert count() == small
    assert small <= 10


def test_the_detail_page_costs_the_same_queries_with_more_events(client, neighbourhood, users):
    staff = users["housing_staff"]
    report = _report(neighbourhood, users["resident"].resident, reporter_visible=True)
    client.force_login(staff)
    url = reverse("agreements:report_detail", args=["kapelakker", report.pk])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    report_answer(report=report, answer="Eén", actor=staff)
    small = count()
    for index in range(10):
        report_answer(report=report, answer=f"Antwoord {index}", actor=staff)
    assert count() == small
    assert ReportEvent.objects.filter(report=report).count() == 12


def test_staff_user_of_another_company_gets_no_company_overview(client, users):
    client.force_login(staff_user(NeighbourhoodFactory(), Role.FACILITATOR))
    assert client.get(reverse("agreements:report_company")).status_code == 404


# --- Demo ---------------------------------------------------------------------------------


def test_the_demo_makes_about_thirty_reports_in_every_state(db):
    from samen.agreements import demo_reports
    from samen.core.demo import DemoContext
    from samen.neighbourhoods import demo as neighbourhoods_demo

    ctx = DemoContext()
    neighbourhoods_demo.load(ctx)
    demo_reports.load(ctx)
    neighbourhood = ctx.objects["neighbourhood"]
    reports = Report.objects.filter(neighbourhood=neighbourhood)
    assert 25 <= reports.count() <= 35
    assert set(reports.values_list("status", flat=True)) == set(S.values)
    assert set(reports.values_list("kind", flat=True)) == set(Report.Kind.values)
    times = report_times_of(neighbourhood=neighbourhood)
    assert datetime.timedelta(hours=1) < times.first_answer < datetime.timedelta(days=3)
    assert datetime.timedelta(days=2) < times.resolution < datetime.timedelta(days=40)
    assert times.overdue >= 2
    assert not reports.filter(agreement__isnull=False).exists()  # no agreements demo here


def test_a_residents_reports_are_exported_and_anonymised(neighbourhood, users):
    from samen.agreements.selectors_reports import reports_export_of
    from samen.agreements.services_reports import resident_reports_anonymise

    resident = users["resident"].resident
    report = _report(neighbourhood, resident, reporter_visible=True)
    report_answer(report=report, answer="We komen kijken.", actor=users["housing_staff"])
    exported = reports_export_of(resident=resident)
    assert exported[0]["text"] == report.text
    assert exported[0]["answers"][0]["answer"] == "We komen kijken."
    assert resident_reports_anonymise(resident=resident) == 1
    report.refresh_from_db()
    assert report.reporter is None and report.household is None and not report.reporter_visible
    assert report.text  # the problem itself stays
