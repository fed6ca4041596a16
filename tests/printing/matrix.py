"""Permission-matrix rows of the printing app (loaded by tests/core/test_permission_matrix.py)."""

from pathlib import Path

from django.conf import settings

from samen.printing.models import PrintJob

ROLES = [
    "anonymous",
    "resident",
    "committee_member",
    "facilitator",
    "housing_staff",
    "organisation_admin",
    "outsider",
]
WORKERS = ("facilitator", "organisation_admin")


def _only(allowed: tuple[str, ...], ok: int = 200) -> dict[str, int]:
    result = {role: (ok if role in allowed else 404) for role in ROLES}
    result["anonymous"] = 302
    return result


MATRIX: dict[str, tuple[str, dict[str, int]]] = {
    # Housing staff may print the feedback report (listening) and the agreements poster, and
    # committee members the poster, so they reach the page too.
    "printing:index": ("get", _only((*WORKERS, "housing_staff", "committee_member"))),
    # An empty POST: the page again with "choose what to print".
    "printing:job_start": ("post", _only((*WORKERS, "housing_staff", "committee_member"), ok=400)),
    "printing:job_detail": ("get", _only(WORKERS)),
    "printing:job_download": ("get", _only(WORKERS)),
    "printing:household_postcard": ("get", _only(WORKERS)),
}

# A tiny stand-in for a finished job's PDF; the download view only streams it. It is written
# to one fixed name (overwritten, never a new file per test), as the matrix test runs with the
# project's MEDIA_ROOT.
FAKE_PDF = b"%PDF-1.7\n% a stand-in\n%%EOF\n"
FAKE_NAME = "print/matrix-test.pdf"


def build(world: dict) -> None:
    """Add a finished postcards job (with a file) to the world."""
    job = PrintJob.objects.create(
        neighbourhood=world["neighbourhood"],
        kind="postcards_all",
        params={"return_line": "", "only": "all"},
        status=PrintJob.Status.DONE,
        total=1,
        done=1,
        filename="postkaartjes.pdf",
        file=FAKE_NAME,
        created_by=world["users"]["facilitator"],
    )
    path = Path(settings.MEDIA_ROOT) / FAKE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(FAKE_PDF)
    world["print_job"] = job


def kwargs(name: str, world: dict) -> dict:
    """Return the URL kwargs of a printing URL."""
    slug = world["slug"]
    if name in {"printing:job_detail", "printing:job_download"}:
        return {"slug": slug, "pk": world["print_job"].pk}
    if name == "printing:household_postcard":
        return {"slug": slug, "pk": world["household"].pk}
    return {"slug": slug}
