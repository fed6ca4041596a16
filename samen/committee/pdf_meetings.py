"""Printable agenda and minutes of one meeting (small: rendered directly in the request)."""

from django.utils import timezone
from django.utils.text import slugify

from samen.committee.models import Meeting
from samen.printing.pdf import render_pdf


def build_agenda_pdf(*, meeting: Meeting) -> tuple[bytes, str]:
    """The agenda as PDF bytes and a file name."""
    data = render_pdf(
        template_name="committee/meeting_agenda_pdf.html",
        context={"meeting": meeting, "agenda": list(meeting.agenda.all())},
    )
    return (
        data,
        f"agenda-{slugify(meeting.title)}-{timezone.localtime(meeting.starts_at):%Y-%m-%d}.pdf",
    )


def build_minutes_pdf(*, meeting: Meeting) -> tuple[bytes, str]:
    """The minutes as PDF bytes and a file name."""
    data = render_pdf(
        template_name="committee/meeting_minutes_pdf.html",
        context={
            "meeting": meeting,
            "agenda": list(meeting.agenda.all()),
            "attendance": list(meeting.attendance.all()),
            "decisions": list(meeting.decisions.all()),
            "tasks": list(meeting.tasks.all()),
        },
    )
    return (
        data,
        f"verslag-{slugify(meeting.title)}-{timezone.localtime(meeting.starts_at):%Y-%m-%d}.pdf",
    )
