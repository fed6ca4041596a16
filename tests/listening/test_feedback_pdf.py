"""The feedback report as an A4 PDF for the housing company."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from samen.listening.services import (
    ContributionInput,
    contribution_create,
    contributions_assign,
    theme_answer,
    theme_create,
)
from samen.printing.models import PrintJob
from tests.factories import HouseholdFactory, ResidentFactory


def test_feedback_report_pdf_holds_the_themes_and_no_names(
    client, neighbourhood, users, django_capture_on_commit_callbacks, tmp_path
):
    author = ResidentFactory(
        household=HouseholdFactory(neighbourhood=neighbourhood), display_name="Zeynep"
    )
    contribution = contribution_create(
        neighbourhood=neighbourhood,
        data=ContributionInput(
            kind="idea",
            text="Een plantenruil in de lente met stekjes.",
            channel="online",
            language="nl",
        ),
        author=author,
    )
    theme = theme_create(neighbourhood=neighbourhood, title="Groen en tuinen", actor=None)
    contributions_assign(
        neighbourhood=neighbourhood, contribution_ids=[contribution.pk], theme=theme
    )
    theme_answer(
        theme=theme,
        text="In april komt er een plantenruil.",
        status="planned",
        actor=users["housing_staff"],
    )
    client.force_login(users["housing_staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("printing:job_start", kwargs={"slug": neighbourhood.slug}),
            {"kind": "feedback_report", "feedback_report-idempotency_key": "9" * 32},
        )
    assert response.status_code == 302
    job = PrintJob.objects.get()
    assert job.status == "done", job.error
    pdf = job.file.read()
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text is not checked")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Groen en tuinen" in text and "In april komt er een plantenruil." in text
    assert "Zeynep" not in text
