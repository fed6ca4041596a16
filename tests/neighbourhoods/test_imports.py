"""Importing a landlord's tenant list: reading, preview, all-or-nothing apply, pages."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook

from samen.core.models import AuditEvent
from samen.neighbourhoods import services_import
from samen.neighbourhoods.imports import MAX_ROWS, parse_tenant_bytes, row_error_text
from samen.neighbourhoods.models import Household, Resident, TenantImport
from samen.neighbourhoods.services_import import (
    tenant_import_apply,
    tenant_import_cancel,
    tenant_import_confirm,
    tenant_import_preview,
)
from tests.factories import HouseholdFactory, ResidentFactory

HEADER = ["straat", "huisnummer", "bus", "postcode", "huurdernummer", "naam", "e-mail", "taal"]
ROWS = [
    ["Kapelakker", "1", "", "2960", "H-1", "Amina El Amrani", "amina@example.be", "Arabisch"],
    ["Kapelakker", "1", "", "2960", "H-1", "Youssef El Amrani", "", "Nederlands"],
    ["Kapelakker", "3", "", "2960", "H-2", "Jef Peeters", "", "nl"],
    ["Kapelakker", "5", "2", "2960", "H-3", "", "", ""],
]


@pytest.fixture(autouse=True)
def _english(settings):
    """These tests read the English messages; the interface itself is Dutch by default."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def csv_bytes(rows, header=HEADER, delimiter=";", encoding="utf-8", bom=False) -> bytes:
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(rows, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(data: bytes, name: str = "huurders.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def street_rows(count: int, street: str = "Nieuwstraat") -> list[list[str]]:
    return [
        [street, str(n), "", "2960", f"R-{n}", f"Bewoner {n}", "", ""] for n in range(1, count + 1)
    ]


def run_import(neighbourhood, actor, data: bytes, name: str = "huurders.csv") -> TenantImport:
    """Preview, confirm and apply a list (the task is called directly, as a worker would)."""
    tenant_import = tenant_import_preview(
        neighbourhood=neighbourhood, uploaded_file=upload(data, name), actor=actor
    )
    assert tenant_import.status == TenantImport.Status.PREVIEW, tenant_import.errors
    TenantImport.objects.filter(pk=tenant_import.pk).update(status=TenantImport.Status.QUEUED)
    result = tenant_import_apply(tenant_import_id=tenant_import.pk)
    assert result is not None
    return result


# --- Reading files ------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_csv_is_read_with_semicolon_comma_or_tab(delimiter):
    parsed = parse_tenant_bytes(csv_bytes(ROWS, delimiter=delimiter), "lijst.csv")
    assert parsed.errors == []
    assert [row["row"] for row in parsed.rows] == [2, 3, 4, 5]
    assert parsed.rows[0]["street"] == "Kapelakker"
    assert parsed.rows[0]["languages"] == ["ar"]
    assert parsed.rows[3]["box"] == "2"


def test_csv_with_bom_and_windows_encoding_keeps_accents():
    rows = [["Bosstraat", "4", "", "2960", "", "Zoë Dubois", "", "Frans"]]
    with_bom = parse_tenant_bytes(csv_bytes(rows, bom=True), "lijst.csv")
    cp1252 = parse_tenant_bytes(csv_bytes(rows, encoding="cp1252"), "lijst.csv")
    assert with_bom.columns["street"] == "straat"  # the BOM is not part of the first header
    assert with_bom.rows[0]["name"] == "Zoë Dubois"
    assert cp1252.rows[0]["name"] == "Zoë Dubois"
    assert cp1252.rows[0]["languages"] == ["fr"]


def test_xlsx_numbers_become_plain_text():
    rows = [["Kapelakker", 12, None, 2960, 1001, "Jan", None, "NL"]]
    parsed = parse_tenant_bytes(xlsx_bytes(rows), "lijst.xlsx")
    assert parsed.errors == []
    row = parsed.rows[0]
    assert (row["number"], row["postal_code"], row["tenant_ref"]) == ("12", "2960", "1001")
    assert row["languages"] == ["nl"]


def test_headers_match_whatever_the_case_spaces_or_language():
    header = [
        " STRAAT ",
        "Huis nummer",
        "Bus",
        "Post code",
        "Klantnummer",
        "Bewoner",
        "E-mail",
        "GSM",
        "Taal",
        "Opmerking",
    ]
    rows = [
        [
            "Kapelakker",
            "7",
            "",
            "2960",
            "K7",
            "Sara",
            "sara@example.be",
            "0470 11 22 33",
            "Turks",
            "iets",
        ]
    ]
    parsed = parse_tenant_bytes(csv_bytes(rows, header=header), "lijst.csv")
    assert set(parsed.columns) == {
        "street",
        "number",
        "box",
        "postal_code",
        "tenant_ref",
        "name",
        "email",
        "phone",
        "languages",
    }
    assert parsed.ignored_columns == ["Opmerking"]
    assert parsed.rows[0]["phone"] == "0470 11 22 33"
    assert parsed.rows[0]["languages"] == ["tr"]

    english = [
        "Street",
        "Number",
        "Box",
        "Postal_code",
        "Tenant ref",
        "Name",
        "Email",
        "Phone",
        "Language",
    ]
    parsed = parse_tenant_bytes(csv_bytes(rows, header=[*english, "Note"]), "list.csv")
    assert parsed.errors == []
    assert parsed.rows[0]["tenant_ref"] == "K7"


def test_title_rows_above_the_header_are_passed_over_and_rows_keep_their_numbers():
    data = b"Huurderslijst Kapelakker;;\n\nstraat;huisnummer;naam\nKapelakker;1;Amina\n;2;Jef\n"
    parsed = parse_tenant_bytes(data, "lijst.csv")
    assert [row["row"] for row in parsed.rows] == [4, 5]
    assert [(error["row"], error["code"]) for error in parsed.errors] == [(5, "missing_street")]


def test_number_with_box_in_one_cell_is_split():
    rows = [
        ["Kapelakker", "12/3", "", "", "", "", "", ""],
        ["Kapelakker", "14 bus 2", "", "", "", "", "", ""],
    ]
    parsed = parse_tenant_bytes(csv_bytes(rows), "lijst.csv")
    assert [(r["number"], r["box"]) for r in parsed.rows] == [("12", "3"), ("14", "2")]


def test_row_errors_name_the_spreadsheet_row_and_the_problem():
    rows = [
        ["Kapelakker", "1", "", "", "", "Amina", "", ""],
        ["", "2", "", "", "", "", "", ""],  # row 3: no street
        ["Kapelakker", "", "", "", "", "", "", ""],  # row 4: no number
        ["Kapelakker", "5", "", "", "", "Jef", "geen-adres", ""],  # row 5: bad e-mail
        ["Kapelakker", "6", "", "", "", "Sara", "", "Klingon"],  # row 6: unknown language
        ["Kapelakker", "7" * 13, "", "", "", "", "", ""],  # row 7: number too long
        ["Kapelakker", "1", "", "", "", "amina", "", ""],  # row 8: Amina twice at number 1
    ]
    parsed = parse_tenant_bytes(csv_bytes(rows), "lijst.csv")
    by_row = {error["row"]: error for error in parsed.errors}
    assert sorted(by_row) == [3, 4, 5, 6, 7, 8]
    assert by_row[3]["code"] == "missing_street"
    assert by_row[4]["code"] == "missing_number"
    assert "geen-adres" in row_error_text(by_row[5])
    assert "Klingon" in row_error_text(by_row[6])
    assert "12" in row_error_text(by_row[7])
    assert "row 2" in row_error_text(by_row[8])


def test_one_address_with_two_tenant_numbers_is_an_error():
    rows = [
        ["Kapelakker", "1", "", "", "H-1", "Amina", "", ""],
        ["kapelakker", "1", "", "", "H-9", "Youssef", "", ""],
        ["Kapelakker", "2", "", "", "H-1", "Jef", "", ""],
    ]
    parsed = parse_tenant_bytes(csv_bytes(rows), "lijst.csv")
    codes = {(error["row"], error["code"]) for error in parsed.errors}
    assert codes == {(3, "conflicting_tenant_ref"), (4, "tenant_ref_elsewhere")}


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"", "leeg.csv", "empty"),
        (b"\n\n ; ;\n", "leeg.csv", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "lijst.csv", "wrong_type"),
        (b"PK\x03\x04 this is no workbook", "lijst.xlsx", "wrong_type"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "lijst.xls", "old_excel"),
        (b"naam;email\nAmina;a@example.be\n", "lijst.csv", "no_header"),
        (b"straat;huisnummer\n", "lijst.csv", "no_rows"),
        (b"%PDF-1.4", "lijst.pdf", "wrong_type"),
    ],
)
def test_unusable_file_gets_one_clear_message(data, name, expected):
    with pytest.raises(ValidationError) as caught:
        _parse_upload(data, name)
    assert caught.value.code == expected
    assert str(caught.value.messages[0])


def _parse_upload(data, name):
    from samen.neighbourhoods.imports import parse_tenant_list

    return parse_tenant_list(upload(data, name))


def test_more_than_the_maximum_number_of_rows_is_refused():
    data = csv_bytes(street_rows(MAX_ROWS + 1))
    with pytest.raises(ValidationError) as caught:
        parse_tenant_bytes(data, "lijst.csv")
    assert caught.value.code == "too_many_rows"


# --- Preview and apply --------------------------------------------------------------------


def test_preview_with_row_errors_is_invalid_and_writes_nothing(neighbourhood, users):
    before = Household.objects.count(), Resident.objects.count()
    rows = [*ROWS, ["", "9", "", "", "", "", "", ""]]
    tenant_import = tenant_import_preview(
        neighbourhood=neighbourhood,
        uploaded_file=upload(csv_bytes(rows)),
        actor=users["facilitator"],
    )
    assert tenant_import.status == TenantImport.Status.INVALID
    assert [error["row"] for error in tenant_import.errors] == [6]
    assert (Household.objects.count(), Resident.objects.count()) == before
    with pytest.raises(ValidationError):
        tenant_import_confirm(tenant_import=tenant_import, actor=users["facilitator"])
    assert AuditEvent.objects.filter(action="tenant_import.uploaded").count() == 1


def test_preview_tells_per_row_what_will_happen(neighbourhood, users):
    existing = HouseholdFactory(
        neighbourhood=neighbourhood,
        street="Kapelakker",
        number="3",
        postal_code="2960",
        tenant_ref="",
    )
    ResidentFactory(household=existing, display_name="Jef Peeters")
    tenant_import = tenant_import_preview(
        neighbourhood=neighbourhood,
        uploaded_file=upload(csv_bytes(ROWS)),
        actor=users["facilitator"],
    )
    plans = {row["row"]: row["plan"] for row in tenant_import.rows}
    assert plans[2]["household"] == "new" and plans[2]["resident"] == "new"
    assert plans[4] == {
        "household": "update",
        "household_changes": ["tenant_ref"],
        "resident": "same",
        "resident_changes": [],
    }
    assert plans[5]["resident"] == ""
    planned = tenant_import.summary["planned"]
    assert planned["households_created"] == 2
    assert planned["households_updated"] == 1
    assert planned["residents_created"] == 2
    # The fixture's households are not on the list; they stay.
    assert (
        planned["not_in_list"] == Household.objects.filter(neighbourhood=neighbourhood).count() - 1
    )


def test_apply_creates_households_and_residents(neighbourhood, users):
    before = Household.objects.filter(neighbourhood=neighbourhood).count()
    done = run_import(neighbourhood, users["facilitator"], xlsx_bytes(ROWS), "lijst.xlsx")
    assert done.status == TenantImport.Status.DONE
    assert done.rows == []  # no copy of the personal data is kept
    assert Household.objects.filter(neighbourhood=neighbourhood).count() == before + 3
    household = Household.objects.get(neighbourhood=neighbourhood, street="Kapelakker", number="1")
    assert household.tenant_ref == "H-1"
    assert household.language == "ar"
    assert len(household.join_code) == 8
    names = sorted(household.residents.values_list("display_name", flat=True))
    assert names == ["Amina El Amrani", "Youssef El Amrani"]
    amina = household.residents.get(display_name="Amina El Amrani")
    assert (amina.email, amina.languages) == ("amina@example.be", ["ar"])
    assert done.summary["households_created"] == 3
    assert done.summary["residents_created"] == 3
    assert done.done == done.total == 4
    assert AuditEvent.objects.filter(action="tenant_import.applied").exists()


def test_second_import_of_the_same_list_updates_instead_of_duplicating(neighbourhood, users):
    run_import(neighbourhood, users["facilitator"], csv_bytes(ROWS))
    households = Household.objects.count()
    residents = Resident.objects.count()
    codes = set(Household.objects.values_list("join_code", flat=True))

    again = run_import(neighbourhood, users["facilitator"], csv_bytes(ROWS, delimiter=","))
    assert (Household.objects.count(), Resident.objects.count()) == (households, residents)
    assert again.summary["households_unchanged"] == 3
    assert again.summary["households_created"] == 0

    changed = [list(row) for row in ROWS]
    changed[2][6] = "jef@example.be"  # Jef gets an e-mail address
    changed[3][3] = "2961"  # a new postal code for Kapelakker 5 box 2
    third = run_import(neighbourhood, users["facilitator"], csv_bytes(changed))
    assert (Household.objects.count(), Resident.objects.count()) == (households, residents)
    assert set(Household.objects.values_list("join_code", flat=True)) == codes
    assert third.summary["households_updated"] == 1
    assert third.summary["residents_updated"] == 1
    assert Resident.objects.get(display_name="Jef Peeters").email == "jef@example.be"
    assert Household.objects.get(street="Kapelakker", number="5", box="2").postal_code == "2961"


def test_empty_cells_never_erase_what_samen_knows(neighbourhood, users):
    household = HouseholdFactory(neighbourhood=neighbourhood, street="Kapelakker", number="3")
    jef = ResidentFactory(
        household=household,
        display_name="Jef Peeters",
        email="jef@example.be",
        phone="0470 00 00 00",
        languages=["fr"],
    )
    run_import(neighbourhood, users["facilitator"], csv_bytes(ROWS))
    jef.refresh_from_db()
    assert (jef.email, jef.phone) == ("jef@example.be", "0470 00 00 00")
    assert jef.languages == ["fr", "nl"]  # the list's language is added, the own one kept


def test_households_are_matched_by_tenant_number_first(neighbourhood, users):
    household = HouseholdFactory(
        neighbourhood=neighbourhood, street="Oude straat", number="8", tenant_ref="H-2"
    )
    code = household.join_code
    run_import(neighbourhood, users["facilitator"], csv_bytes(ROWS))
    household.refresh_from_db()
    assert (household.street, household.number, household.join_code) == ("Kapelakker", "3", code)
    assert (
        not Household.objects.filter(street="Kapelakker", number="3")
        .exclude(pk=household.pk)
        .exists()
    )


def test_address_matching_ignores_case_and_fills_in_the_tenant_number(neighbourhood, users):
    household = HouseholdFactory(
        neighbourhood=neighbourhood, street="KAPELAKKER", number="1", tenant_ref=""
    )
    before = Household.objects.count()
    run_import(neighbourhood, users["facilitator"], csv_bytes(ROWS))
    household.refresh_from_db()
    assert household.tenant_ref == "H-1"
    assert household.street == "KAPELAKKER"  # the spelling in Samen stays
    assert Household.objects.count() == before + 2


def test_a_failure_while_writing_saves_nothing(neighbourhood, users, monkeypatch):
    before = Household.objects.count(), Resident.objects.count()
    calls = []

    def broken_resident_create(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return Resident.objects.create(
            household=kwargs["household"], display_name=kwargs["display_name"]
        )

    monkeypatch.setattr(services_import, "resident_create", broken_resident_create)
    tenant_import = tenant_import_preview(
        neighbourhood=neighbourhood,
        uploaded_file=upload(csv_bytes(ROWS)),
        actor=users["facilitator"],
    )
    TenantImport.objects.filter(pk=tenant_import.pk).update(status=TenantImport.Status.QUEUED)
    failed = tenant_import_apply(tenant_import_id=tenant_import.pk)
    assert failed.status == TenantImport.Status.FAILED
    assert failed.summary["error"] == "unexpected"
    assert failed.finished_at is not None
    assert (Household.objects.count(), Resident.objects.count()) == before


def test_a_list_that_no_longer_fits_fails_with_row_errors_and_saves_nothing(neighbourhood, users):
    rows = [
        ["Nieuwstraat", "9", "", "", "R-9", "", "", ""],
        ["Nieuwstraat", "10", "", "", "", "", "", ""],
    ]
    tenant_import = tenant_import_preview(
        neighbourhood=neighbourhood,
        uploaded_file=upload(csv_bytes(rows)),
        actor=users["facilitator"],
    )
    assert tenant_import.status == TenantImport.Status.PREVIEW
    # Meanwhile someone adds number 10 with the tenant number of row 2.
    HouseholdFactory(
        neighbourhood=neighbourhood, street="Nieuwstraat", number="10", tenant_ref="R-9"
    )
    before = Household.objects.count()
    TenantImport.objects.filter(pk=tenant_import.pk).update(status=TenantImport.Status.QUEUED)
    failed = tenant_import_apply(tenant_import_id=tenant_import.pk)
    assert failed.status == TenantImport.Status.FAILED
    assert failed.summary["error"] == "changed"
    assert [(error["row"], error["code"]) for error in failed.errors] == [(3, "same_household")]
    assert Household.objects.count() == before


def test_apply_runs_only_a_queued_import(neighbourhood, users):
    tenant_import = tenant_import_preview(
        neighbourhood=neighbourhood,
        uploaded_file=upload(csv_bytes(ROWS)),
        actor=users["facilitator"],
    )
    assert tenant_import_apply(tenant_import_id=tenant_import.pk) is None  # still a preview
    tenant_import_cancel(tenant_import=tenant_import, actor=users["facilitator"])
    assert tenant_import.status == TenantImport.Status.CANCELLED
    assert tenant_import.rows == []
    assert tenant_import_apply(tenant_import_id=tenant_import.pk) is None
    with pytest.raises(ValidationError):
        tenant_import_confirm(tenant_import=tenant_import, actor=users["facilitator"])


def test_progress_reaches_the_total_for_a_long_list(neighbourhood, users):
    done = run_import(neighbourhood, users["facilitator"], csv_bytes(street_rows(250)))
    assert done.status == TenantImport.Status.DONE
    assert (done.done, done.total, done.percent) == (250, 250, 100)
    assert done.summary["households_created"] == 250


def test_same_upload_sent_twice_makes_one_import(neighbourhood, users):
    for _attempt in range(2):
        tenant_import_preview(
            neighbourhood=neighbourhood,
            uploaded_file=upload(csv_bytes(ROWS)),
            actor=users["facilitator"],
            idempotency_key="abc123",
        )
    assert TenantImport.objects.count() == 1
    # The same form sent again with a corrected file (the browser's back button) is a new import.
    tenant_import_preview(
        neighbourhood=neighbourhood,
        uploaded_file=upload(csv_bytes(ROWS[:2])),
        actor=users["facilitator"],
        idempotency_key="abc123",
    )
    assert TenantImport.objects.count() == 2


# --- Pages --------------------------------------------------------------------------------


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def start_url(neighbourhood) -> str:
    return reverse("neighbourhoods:import_start", kwargs={"slug": neighbourhood.slug})


def test_preview_confirm_done_through_the_pages(
    client, neighbourhood, users, immediate_tasks, django_capture_on_commit_callbacks
):
    client.force_login(users["facilitator"])
    page = client.get(start_url(neighbourhood))
    assert page.status_code == 200
    assert "huisnummer" in page.content.decode()

    before = Household.objects.count()
    response = client.post(
        start_url(neighbourhood), {"file": upload(csv_bytes(ROWS)), "idempotency_key": "abc1"}
    )
    tenant_import = TenantImport.objects.get()
    assert response.status_code == 302
    assert response.url == tenant_import.get_absolute_url()

    preview = client.get(response.url)
    html = preview.content.decode()
    assert "Amina El Amrani" in html
    assert "new household" in html
    assert 'http-equiv="refresh"' not in html
    assert Household.objects.count() == before  # a preview writes nothing

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(response.url, {"action": "confirm"})
    assert confirmed.status_code == 302
    tenant_import.refresh_from_db()
    assert tenant_import.status == TenantImport.Status.DONE
    assert Household.objects.count() == before + 3
    result = client.get(response.url).content.decode()
    assert "The list is imported." in result


def test_with_the_database_backend_confirm_only_queues_the_work(
    client, neighbourhood, users, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    tenant_import = tenant_import_preview(
        neighbourhood=neighbourhood,
        uploaded_file=upload(csv_bytes(ROWS)),
        actor=users["facilitator"],
    )
    before = Household.objects.count()
    client.force_login(users["facilitator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(tenant_import.get_absolute_url(), {"action": "confirm"})
    tenant_import.refresh_from_db()
    assert tenant_import.status == TenantImport.Status.QUEUED
    assert Household.objects.count() == before  # nothing happens inside the request
    html = client.get(tenant_import.get_absolute_url()).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html

    # What `samen worker` does with the queued task (the worker itself closes the connection,
    # which a test transaction does not survive).
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs == {"args": [tenant_import.pk], "kwargs": {}}
    queued.task.call(*queued.args_kwargs["args"])
    tenant_import.refresh_from_db()
    assert tenant_import.status == TenantImport.Status.DONE
    assert Household.objects.count() == before + 3


def test_running_import_page_shows_progress_and_refreshes_itself(client, neighbourhood, users):
    tenant_import = tenant_import_preview(
        neighbourhood=neighbourhood,
        uploaded_file=upload(csv_bytes(street_rows(300))),
        actor=users["facilitator"],
    )
    TenantImport.objects.filter(pk=tenant_import.pk).update(
        status=TenantImport.Status.RUNNING, done=100
    )
    client.force_login(users["facilitator"])
    html = client.get(tenant_import.get_absolute_url()).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert 'value="100"' in html and 'max="300"' in html
    assert "100 of 300 rows checked" in html


def test_invalid_list_page_shows_each_error_with_its_row(client, neighbourhood, users):
    rows = [
        *ROWS,
        ["Kapelakker", "", "", "", "", "", "", ""],
        ["Kapelakker", "8", "", "", "", "X", "x@", ""],
    ]
    client.force_login(users["organisation_admin"])
    response = client.post(start_url(neighbourhood), {"file": upload(csv_bytes(rows))}, follow=True)
    html = response.content.decode()
    assert TenantImport.objects.get().status == TenantImport.Status.INVALID
    assert "The house number is missing." in html
    assert "This is not an e-mail address: x@" in html
    assert '<th scope="row" class="num">6</th>' in html
    assert '<th scope="row" class="num">7</th>' in html
    assert "Save these changes" not in html


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("foto.png", b"\x89PNG\r\n\x1a\n", "This is not a CSV or Excel file."),
        ("lijst.xlsx", b"PK\x03\x04 garbage", "We cannot read this file."),
        ("lijst.csv", b"\x00\x01\x02\x03garbage", "We cannot read this file."),
        ("oud.xls", b"\xd0\xcf\x11\xe0", "This is an old Excel file (.xls)."),
        ("lijst.csv", b"naam\nAmina\n", "We cannot find the columns for the street"),
    ],
)
def test_a_bad_file_gets_a_clear_message_on_the_form(
    client, neighbourhood, users, name, data, message
):
    client.force_login(users["facilitator"])
    response = client.post(start_url(neighbourhood), {"file": upload(data, name)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TenantImport.objects.exists()


def test_missing_file_gets_a_clear_message(client, neighbourhood, users):
    client.force_login(users["facilitator"])
    response = client.post(start_url(neighbourhood), {})
    assert "Choose the file with the tenant list." in response.content.decode()


def test_cancel_through_the_page(client, neighbourhood, users):
    tenant_import = tenant_import_preview(
        neighbourhood=neighbourhood,
        uploaded_file=upload(csv_bytes(ROWS)),
        actor=users["facilitator"],
    )
    client.force_login(users["facilitator"])
    client.post(tenant_import.get_absolute_url(), {"action": "cancel"})
    tenant_import.refresh_from_db()
    assert tenant_import.status == TenantImport.Status.CANCELLED
    response = client.post(tenant_import.get_absolute_url(), {"action": "confirm"}, follow=True)
    assert "no longer possible" in response.content.decode()


@pytest.mark.parametrize("role", ["resident", "committee_member", "housing_staff", "outsider"])
def test_others_get_not_found(client, neighbourhood, users, role):
    tenant_import = tenant_import_preview(
        neighbourhood=neighbourhood,
        uploaded_file=upload(csv_bytes(ROWS)),
        actor=users["facilitator"],
    )
    client.force_login(users[role])
    assert client.get(start_url(neighbourhood)).status_code == 404
    assert (
        client.post(start_url(neighbourhood), {"file": upload(csv_bytes(ROWS))}).status_code == 404
    )
    assert client.get(tenant_import.get_absolute_url()).status_code == 404
    assert client.post(tenant_import.get_absolute_url(), {"action": "confirm"}).status_code == 404
    tenant_import.refresh_from_db()
    assert tenant_import.status == TenantImport.Status.PREVIEW


def test_visitor_is_sent_to_log_in(client, neighbourhood):
    response = client.get(start_url(neighbourhood))
    assert response.status_code == 302
    assert "next=" in response.url


def test_import_of_another_neighbourhood_is_not_found(client, neighbourhood, users):
    from tests.factories import NeighbourhoodFactory

    other = NeighbourhoodFactory()
    tenant_import = tenant_import_preview(
        neighbourhood=other, uploaded_file=upload(csv_bytes(ROWS)), actor=users["facilitator"]
    )
    client.force_login(users["facilitator"])
    url = reverse(
        "neighbourhoods:import_detail", kwargs={"slug": neighbourhood.slug, "pk": tenant_import.pk}
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("state", ["preview", "invalid"])
def test_detail_page_costs_the_same_queries_for_10_and_200_rows(
    client, neighbourhood, users, django_assert_max_num_queries, state
):
    client.force_login(users["facilitator"])
    counts = []
    for size in (10, 200):
        rows = street_rows(size, street=f"Straat {size}")
        if state == "invalid":
            rows = [[*row[:6], "bad-mail", ""] for row in rows]
        tenant_import = tenant_import_preview(
            neighbourhood=neighbourhood,
            uploaded_file=upload(csv_bytes(rows)),
            actor=users["facilitator"],
        )
        assert tenant_import.status == state
        client.get(tenant_import.get_absolute_url())  # warm up the session
        with django_assert_max_num_queries(10), CaptureQueriesContext(connection) as queries:
            response = client.get(tenant_import.get_absolute_url() + "?page=2")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_start_page_costs_the_same_queries_for_1_and_15_imports(
    client, neighbourhood, users, django_assert_max_num_queries
):
    client.force_login(users["facilitator"])
    counts = []
    for extra in (1, 14):
        for _n in range(extra):
            tenant_import_preview(
                neighbourhood=neighbourhood,
                uploaded_file=upload(csv_bytes(ROWS)),
                actor=users["facilitator"],
            )
        client.get(start_url(neighbourhood))
        with django_assert_max_num_queries(10), CaptureQueriesContext(connection) as queries:
            assert client.get(start_url(neighbourhood)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
