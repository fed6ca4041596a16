"""The printing app: PDFs from templates, postcards, print jobs and their pages."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from samen.core.models import AuditEvent
from samen.neighbourhoods.models import Role
from samen.printing.models import PrintJob
from samen.printing.pdf import (
    FetchRefused,
    LocalOnlyFetcher,
    local_path_for,
    render_document,
    render_pdf,
)
from samen.printing.postcards import (
    PROMPTS,
    TEMPLATE,
    households_for_postcards,
    postcard_cards,
    postcard_context,
    postcard_language,
    postcard_target_url,
)
from samen.printing.registry import PrintableKind, PrintWork, printables
from samen.printing.services import FAILURE_MESSAGES, print_job_run, print_job_start
from tests.factories import HouseholdFactory, NeighbourhoodFactory, staff_user

PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")
needs_pdftotext = pytest.mark.skipif(
    PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed: cannot read PDF text"
)
needs_pdfinfo = pytest.mark.skipif(
    PDFINFO is None, reason="pdfinfo (poppler-utils) is not installed: cannot count PDF pages"
)


def shown(text) -> str:
    """Return a text as a page shows it: in Dutch (the default language), HTML-escaped."""
    from django.utils.html import escape

    with translation.override("nl"):
        return escape(translation.gettext(str(text)) if isinstance(text, str) else str(text))


def pdf_text(pdf: bytes, tmp_path: Path) -> list[str]:
    """Return the text of each page (pdftotext separates pages with a form feed)."""
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return out.stdout.decode().split("\f")[:-1]


def page_count(pdf: bytes, tmp_path: Path) -> int:
    """Count the pages of a PDF with pdfinfo."""
    path = tmp_path / "count.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([PDFINFO, str(path)], capture_output=True, check=True, text=True)
    return int(
        next(line for line in out.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def card_pages(households) -> int:
    """Lay out the postcards of these households and count the pages (WeasyPrint's own API)."""
    document = render_document(
        template_name=TEMPLATE,
        context={
            **postcard_context(households[0].neighbourhood, ""),
            "cards": postcard_cards(households),
        },
    )
    return len(document.pages)


@pytest.fixture
def street(neighbourhood):
    """Five households, numbered so that walking order differs from text order."""
    return [
        HouseholdFactory(neighbourhood=neighbourhood, street="Kapelstraat", number=number)
        for number in ("10", "2", "1", "3", "20")
    ]


# --- PDF rendering ------------------------------------------------------------------------


def test_render_pdf_makes_a_pdf(neighbourhood, household):
    pdf = render_pdf(
        template_name=TEMPLATE,
        context={**postcard_context(neighbourhood, ""), "cards": postcard_cards([household])},
    )
    assert pdf.startswith(b"%PDF-")


def test_a_postcard_is_two_a6_pages_per_household(neighbourhood, street):
    assert card_pages(street[:1]) == 2
    assert card_pages(street) == 2 * len(street)


@needs_pdfinfo
def test_the_a6_page_is_105_by_148_mm(neighbourhood, household, tmp_path):
    pdf = render_pdf(
        template_name=TEMPLATE,
        context={**postcard_context(neighbourhood, ""), "cards": postcard_cards([household])},
    )
    path = tmp_path / "size.pdf"
    path.write_bytes(pdf)
    info = subprocess.run([PDFINFO, str(path)], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, height = (float(size.split()[2]), float(size.split()[4]))
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (105, 148)


@needs_pdftotext
def test_the_card_holds_the_prompts_on_the_front_and_code_and_line_on_the_back(
    neighbourhood, household, tmp_path
):
    household.postal_code = "2960"
    pdf = render_pdf(
        template_name=TEMPLATE,
        context={
            **postcard_context(neighbourhood, "Steek het in de bus bij Kapelstraat 12"),
            "cards": postcard_cards([household]),
        },
    )
    front, back = pdf_text(pdf, tmp_path)
    flat_front = " ".join(front.split())
    with translation.override("nl"):
        for prompt in PROMPTS:
            assert str(prompt) in flat_front
    assert neighbourhood.name in flat_front
    flat_back = " ".join(back.split())
    assert household.join_code_display in flat_back
    assert "Steek het in de bus bij Kapelstraat 12" in flat_back
    assert household.address in flat_back
    assert household.join_code_display not in flat_front  # the code is on the back only


@needs_pdftotext
def test_without_a_return_line_the_card_says_to_give_it_to_the_community_worker(
    neighbourhood, household, tmp_path
):
    from samen.printing.postcards import DEFAULT_RETURN_LINE

    pdf = render_pdf(
        template_name=TEMPLATE,
        context={**postcard_context(neighbourhood, ""), "cards": postcard_cards([household])},
    )
    with translation.override("nl"):
        assert str(DEFAULT_RETURN_LINE) in " ".join(pdf_text(pdf, tmp_path)[1].split())


def test_each_card_speaks_its_households_language_where_the_interface_has_it(neighbourhood):
    from django.template.loader import render_to_string

    french = HouseholdFactory(neighbourhood=neighbourhood, language="fr", number="7", box="2")
    arabic = HouseholdFactory(neighbourhood=neighbourhood, language="ar", number="9", box="4")
    assert postcard_language(french) == "fr"
    assert postcard_language(arabic) == "nl"  # no Arabic interface yet: Dutch
    with translation.override("en"):
        html = render_to_string(
            TEMPLATE,
            {**postcard_context(neighbourhood, ""), "cards": postcard_cards([french, arabic])},
        )
    assert html.count('lang="fr"') == 2  # front and back
    assert "Kapelstraat 7 boîte 2" in html  # the address in French on the French card
    assert "Kapelstraat 9 bus 4" in html  # and in Dutch on the other


def test_the_qr_code_opens_the_households_login_and_then_the_input_form(client, household):
    url = postcard_target_url(household)
    slug = household.neighbourhood.slug
    assert (
        url == settings.SITE_URL + f"/c/{household.join_code}/?next=%2Fwijk%2F{slug}%2Fzeg-het%2F"
    )
    response = client.get(url.removeprefix(settings.SITE_URL))
    assert response["Location"] == "/aanmelden/code/wie/"
    assert client.session["samen_join_next"] == f"/wijk/{slug}/zeg-het/"
    (card,) = postcard_cards([household])
    assert card.target_url == url
    assert card.qr.startswith("<svg") and "<path" in card.qr


def test_the_static_icon_is_read_from_disk_and_the_internet_is_refused(settings):
    fetcher = LocalOnlyFetcher()
    icon = fetcher(settings.SITE_URL + settings.STATIC_URL + "samen/icon.svg")
    assert b"<svg" in icon.read()
    with pytest.raises(FetchRefused):
        fetcher("https://example.org/logo.png")
    with pytest.raises(FetchRefused):
        fetcher("file:///etc/passwd")
    with pytest.raises(FetchRefused):
        fetcher(settings.SITE_URL + settings.STATIC_URL + "../../etc/passwd")
    assert fetcher("data:text/plain,hallo").read() == b"hallo"
    static_file = Path(settings.BASE_DIR) / "static" / "samen" / "icon.svg"
    assert b"<svg" in fetcher(static_file.as_uri()).read()
    with pytest.raises(FetchRefused):  # a project file that is not a static file
        fetcher((Path(settings.BASE_DIR) / "settings.py").as_uri())
    assert local_path_for("ftp://example.org/x") is None


def test_a_template_that_asks_for_the_internet_renders_without_it(settings, tmp_path, monkeypatch):
    import urllib.request

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "external.html").write_text(
        '{% load static %}<html><head><link rel="stylesheet" href="https://cdn.example.org/x.css">'
        '</head><body><img src="https://example.org/tracker.png">'
        '<img src="{% static "samen/icon.svg" %}" style="width:1cm"><p>Hallo</p></body></html>'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}
    ]
    network: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(
        urllib.request.OpenerDirector, "open", lambda self, url, *a, **k: network.append(url)
    )
    original = LocalOnlyFetcher.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(LocalOnlyFetcher, "fetch", spy)
    pdf = render_pdf(template_name="external.html", context={})
    assert pdf.startswith(b"%PDF-")
    assert network == []
    assert "https://example.org/tracker.png" in asked  # asked for, and refused
    assert "https://cdn.example.org/x.css" in asked


# --- Household selection ------------------------------------------------------------------


def test_households_for_postcards_come_in_walking_order(neighbourhood, street):
    numbers = [h.number for h in households_for_postcards(neighbourhood)]
    assert numbers == ["1", "2", "3", "10", "20"]
    assert list(households_for_postcards(neighbourhood, only="all")) == list(
        households_for_postcards(neighbourhood)
    )


def test_households_for_postcards_can_be_a_list_but_only_of_this_neighbourhood(
    neighbourhood, street
):
    elsewhere = HouseholdFactory(neighbourhood=NeighbourhoodFactory())
    chosen = households_for_postcards(neighbourhood, only=[street[0].pk, elsewhere.pk])
    assert list(chosen) == [street[0]]
    with pytest.raises(ValueError):
        households_for_postcards(neighbourhood, only="not_reached")


# --- Registry -----------------------------------------------------------------------------


def test_a_kind_key_cannot_be_registered_twice():
    clash = PrintableKind(key="postcards_all", label="x", perm="x", build=lambda **kw: None)
    with pytest.raises(ImproperlyConfigured):
        printables.register(clash)


def test_an_unknown_kind_cannot_be_started(neighbourhood, users):
    with pytest.raises(ValidationError):
        print_job_start(
            neighbourhood=neighbourhood, kind="no_such_kind", params={}, actor=users["facilitator"]
        )


def test_a_too_long_return_line_is_refused(neighbourhood, users):
    with pytest.raises(ValidationError):
        print_job_start(
            neighbourhood=neighbourhood,
            kind="postcards_all",
            params={"return_line": "x" * 101},
            actor=users["facilitator"],
        )


# --- Print jobs ---------------------------------------------------------------------------


@pytest.fixture
def progress_kind():
    """A kind of 25 items in chunks of 10 that notes the progress the database shows."""
    seen: list[int] = []

    def chunk_context(chunk):
        job = PrintJob.objects.get(kind="test_progress")
        seen.append(job.done)
        return {"cards": []}

    def build(*, neighbourhood, params):
        return PrintWork(
            template_name=TEMPLATE,
            filename="test.pdf",
            context=postcard_context(neighbourhood, ""),
            items=list(range(25)),
            chunk_context=chunk_context,
            chunk_size=10,
        )

    kind = printables.register(
        PrintableKind(
            key="test_progress", label="test", perm="printing.print_postcards", build=build
        )
    )
    yield seen
    printables.unregister(kind.key)


def test_a_job_goes_from_queued_to_done_and_its_progress_moves_per_chunk(
    neighbourhood, users, progress_kind, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = print_job_start(
            neighbourhood=neighbourhood, kind="test_progress", params={}, actor=users["facilitator"]
        )
    job.refresh_from_db()
    assert job.status == PrintJob.Status.QUEUED and len(callbacks) == 1
    callbacks[0]()  # what the worker does
    job.refresh_from_db()
    assert job.status == PrintJob.Status.DONE
    assert progress_kind == [0, 10, 20]  # what the job page saw before each chunk
    assert (job.done, job.total) == (25, 25)
    assert job.finished_at is not None


def test_postcards_for_every_household_make_one_pdf_with_two_pages_each(
    neighbourhood, street, users, django_capture_on_commit_callbacks, tmp_path
):
    with django_capture_on_commit_callbacks(execute=True):
        job = print_job_start(
            neighbourhood=neighbourhood,
            kind="postcards_all",
            params={"return_line": "Bij Jef, nummer 3"},
            actor=users["facilitator"],
        )
    job.refresh_from_db()
    households = neighbourhood.households.count()
    assert job.status == PrintJob.Status.DONE
    assert (job.done, job.total) == (households, households)
    pdf = job.file.read()
    assert pdf.startswith(b"%PDF-")
    assert job.filename.endswith(".pdf") and "kapelakker" in job.filename
    if PDFINFO:
        assert page_count(pdf, tmp_path) == 2 * households
    if PDFTOTEXT:
        pages = pdf_text(pdf, tmp_path)
        walking = list(households_for_postcards(neighbourhood))
        for index, household in enumerate(walking):
            assert household.join_code_display in pages[2 * index + 1]


def test_on_a4_four_cards_share_a_sheet_and_the_backs_are_mirrored(
    neighbourhood, street, users, django_capture_on_commit_callbacks, tmp_path
):
    with django_capture_on_commit_callbacks(execute=True):
        job = print_job_start(
            neighbourhood=neighbourhood,
            kind="postcards_all",
            params={"paper": "a4"},
            actor=users["facilitator"],
        )
    job.refresh_from_db()
    assert job.status == PrintJob.Status.DONE and "-a4-" in job.filename
    pdf = job.file.read()
    households = list(households_for_postcards(neighbourhood))  # 5 + the fixture's household
    sheets = -(-len(households) // 4)
    if PDFINFO:
        assert page_count(pdf, tmp_path) == 2 * sheets
    if PDFTOTEXT:
        path = tmp_path / "a4.pdf"
        path.write_bytes(pdf)

        def column_text(page: int, left: bool) -> str:
            # The left or right half of the top row of a page (A4 = 595 x 842 points).
            x = 0 if left else 298
            out = subprocess.run(
                [
                    PDFTOTEXT,
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-x",
                    str(x),
                    "-y",
                    "0",
                    "-W",
                    "297",
                    "-H",
                    "420",
                    str(path),
                    "-",
                ],
                capture_output=True,
                check=True,
            )
            return " ".join(out.stdout.decode().split())

        first, second = households[0], households[1]
        # Page 2 holds the backs: the first card's back is on the right, behind its front.
        assert first.join_code_display in column_text(2, left=False)
        assert second.join_code_display in column_text(2, left=True)


def test_a_paper_size_that_does_not_exist_is_refused(neighbourhood, users):
    with pytest.raises(ValidationError):
        print_job_start(
            neighbourhood=neighbourhood,
            kind="postcards_all",
            params={"paper": "letter"},
            actor=users["facilitator"],
        )


def test_a_job_for_a_neighbourhood_without_households_fails_with_a_reason(
    users, django_capture_on_commit_callbacks, client
):
    empty = NeighbourhoodFactory()
    facilitator = staff_user(empty, Role.FACILITATOR)
    with django_capture_on_commit_callbacks(execute=True):
        job = print_job_start(
            neighbourhood=empty, kind="postcards_all", params={}, actor=facilitator
        )
    job.refresh_from_db()
    assert job.status == PrintJob.Status.FAILED and job.error == "empty"
    client.force_login(facilitator)
    html = client.get(job.get_absolute_url()).content.decode()
    assert shown(FAILURE_MESSAGES["empty"]) in html
    assert 'http-equiv="refresh"' not in html


def test_a_job_whose_build_breaks_fails_and_says_so(neighbourhood, users):
    def build(*, neighbourhood, params):
        raise RuntimeError("boom")

    printables.register(
        PrintableKind(key="test_broken", label="x", perm="printing.print_postcards", build=build)
    )
    try:
        job = PrintJob.objects.create(neighbourhood=neighbourhood, kind="test_broken")
        print_job_run(job_id=job.pk)
    finally:
        printables.unregister("test_broken")
    job.refresh_from_db()
    assert job.status == PrintJob.Status.FAILED and job.error == "unexpected"
    assert not job.file


def test_a_job_runs_once_even_if_its_task_runs_twice(neighbourhood, household, users):
    job = PrintJob.objects.create(neighbourhood=neighbourhood, kind="postcards_all")
    assert print_job_run(job_id=job.pk).status == PrintJob.Status.DONE
    assert print_job_run(job_id=job.pk) is None


def test_with_the_database_backend_starting_only_queues_the_work(
    client, neighbourhood, household, users, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(users["facilitator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("printing:job_start", kwargs={"slug": neighbourhood.slug}),
            {
                "kind": "postcards_all",
                "postcards_all-idempotency_key": "abc123",
                "postcards_all-paper": "a6",
            },
        )
    job = PrintJob.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert job.status == PrintJob.Status.QUEUED
    html = client.get(job.get_absolute_url()).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert "<progress" in html
    assert (
        reverse("printing:job_download", kwargs={"slug": neighbourhood.slug, "pk": job.pk})
        not in html
    )


def test_starting_twice_with_the_same_key_makes_one_job(
    client, neighbourhood, household, users, django_capture_on_commit_callbacks
):
    client.force_login(users["facilitator"])
    url = reverse("printing:job_start", kwargs={"slug": neighbourhood.slug})
    data = {
        "kind": "postcards_all",
        "postcards_all-idempotency_key": "f00d",
        "postcards_all-return_line": "Bij het standje",
        "postcards_all-paper": "a6",
    }
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = client.post(url, data)
        second = client.post(url, data)
    assert first.url == second.url
    assert PrintJob.objects.count() == 1
    assert len(callbacks) == 1  # one task queued
    assert PrintJob.objects.get().params == {
        "return_line": "Bij het standje",
        "only": "all",
        "paper": "a6",
    }


def test_the_whole_flow_through_the_pages(
    client, neighbourhood, street, users, django_capture_on_commit_callbacks
):
    client.force_login(users["organisation_admin"])
    index = client.get(reverse("printing:index", kwargs={"slug": neighbourhood.slug}))
    assert index.status_code == 200
    assert shown("Postcards for every household") in index.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(
            reverse("printing:job_start", kwargs={"slug": neighbourhood.slug}),
            {
                "kind": "postcards_all",
                "postcards_all-idempotency_key": "beef",
                "postcards_all-paper": "a6",
            },
        )
    page = client.get(started.url).content.decode()
    assert shown("The PDF is ready.") in page
    assert 'http-equiv="refresh"' not in page
    job = PrintJob.objects.get()
    download_url = reverse(
        "printing:job_download", kwargs={"slug": neighbourhood.slug, "pk": job.pk}
    )
    assert download_url in page
    response = client.get(download_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert job.filename in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    listing = client.get(reverse("printing:index", kwargs={"slug": neighbourhood.slug}))
    assert download_url in listing.content.decode()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"print_job.started", "print_job.downloaded"} <= actions


def test_bad_settings_show_the_error_and_keep_what_was_typed(client, neighbourhood, users):
    client.force_login(users["facilitator"])
    typed = "Steek het in de bus " * 8
    response = client.post(
        reverse("printing:job_start", kwargs={"slug": neighbourhood.slug}),
        {"kind": "postcards_all", "postcards_all-return_line": typed, "postcards_all-paper": "a4"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary' in html
    assert typed.strip() in html
    assert re.search(r'value="a4"[^>]*checked', html)  # the chosen paper is kept
    assert PrintJob.objects.count() == 0


def test_a_kind_the_user_may_not_print_cannot_be_started(client, neighbourhood, users):
    client.force_login(users["facilitator"])
    response = client.post(
        reverse("printing:job_start", kwargs={"slug": neighbourhood.slug}), {"kind": "nope"}
    )
    assert response.status_code == 400
    assert shown("Choose what to print.") in response.content.decode()


# --- Access -------------------------------------------------------------------------------


@pytest.fixture
def done_job(neighbourhood, household, users):
    job = PrintJob.objects.create(
        neighbourhood=neighbourhood, kind="postcards_all", created_by=users["facilitator"]
    )
    return print_job_run(job_id=job.pk)


def test_another_neighbourhoods_facilitator_gets_not_found_for_the_download(
    client, neighbourhood, users, done_job
):
    other_facilitator = users["outsider"]
    other_slug = other_facilitator.neighbourhood_roles.get().neighbourhood.slug
    client.force_login(other_facilitator)
    for slug in (neighbourhood.slug, other_slug):
        for name in ("printing:job_download", "printing:job_detail"):
            response = client.get(reverse(name, kwargs={"slug": slug, "pk": done_job.pk}))
            assert response.status_code == 404, (name, slug)


def test_residents_and_housing_staff_get_not_found(client, neighbourhood, users, done_job):
    url = reverse("printing:job_download", kwargs={"slug": neighbourhood.slug, "pk": done_job.pk})
    for role in ("resident", "committee_member", "housing_staff"):
        client.force_login(users[role])
        assert client.get(url).status_code == 404, role


def test_a_job_that_is_not_ready_cannot_be_downloaded(client, neighbourhood, users):
    job = PrintJob.objects.create(neighbourhood=neighbourhood, kind="postcards_all")
    client.force_login(users["facilitator"])
    url = reverse("printing:job_download", kwargs={"slug": neighbourhood.slug, "pk": job.pk})
    assert client.get(url).status_code == 404


# --- One household's card -----------------------------------------------------------------


def test_one_households_card_is_made_at_once_with_the_last_return_line(
    client, neighbourhood, household, users, tmp_path
):
    PrintJob.objects.create(
        neighbourhood=neighbourhood,
        kind="postcards_all",
        params={"return_line": "Bij Jef op nummer 3", "only": "all"},
    )
    client.force_login(users["facilitator"])
    url = reverse(
        "printing:household_postcard", kwargs={"slug": neighbourhood.slug, "pk": household.pk}
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert "kapelstraat" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")
    assert AuditEvent.objects.filter(action="household.postcard_printed").count() == 1
    if PDFTOTEXT:
        _front, back = pdf_text(response.content, tmp_path)
        assert household.join_code_display in back
        assert "Bij Jef op nummer 3" in " ".join(back.split())
    overridden = client.get(url, {"line": "Op het standje"})
    if PDFTOTEXT:
        assert "Op het standje" in " ".join(pdf_text(overridden.content, tmp_path)[1].split())


def test_another_neighbourhoods_household_card_is_not_found(client, neighbourhood, users):
    elsewhere = HouseholdFactory(neighbourhood=NeighbourhoodFactory())
    client.force_login(users["facilitator"])
    url = reverse(
        "printing:household_postcard", kwargs={"slug": neighbourhood.slug, "pk": elsewhere.pk}
    )
    assert client.get(url).status_code == 404


# --- Queries ------------------------------------------------------------------------------


def _grow(neighbourhood, facilitator, jobs: int) -> None:
    for _ in range(jobs):
        HouseholdFactory(neighbourhood=neighbourhood)
        PrintJob.objects.create(
            neighbourhood=neighbourhood,
            kind="postcards_all",
            created_by=facilitator,
            status=PrintJob.Status.DONE,
            total=3,
            done=3,
            filename="x.pdf",
        )


@pytest.mark.parametrize("page", ["index", "job_detail"])
def test_printing_pages_cost_the_same_queries_for_more_data(client, neighbourhood, users, page):
    facilitator = users["facilitator"]
    client.force_login(facilitator)

    def count() -> int:
        job = PrintJob.objects.order_by("pk").first()
        kwargs = {"slug": neighbourhood.slug}
        if page == "job_detail":
            kwargs["pk"] = job.pk
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(f"printing:{page}", kwargs=kwargs))
        assert response.status_code == 200
        return len(queries)

    _grow(neighbourhood, facilitator, 3)
    small = count()
    _grow(neighbourhood, facilitator, 30)
    large = count()
    assert large == small, f"{page}: {small} queries on the small data, {large} on ten times more"
    assert large <= 10, f"{page}: {large} queries"
