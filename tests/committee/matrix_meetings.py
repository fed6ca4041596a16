"""Permission-matrix rows of the meetings part of the committee app."""

import datetime

from django.utils import timezone

from tests.core.matrix_helpers import only

READERS = ("resident", "committee_member", "facilitator", "housing_staff", "organisation_admin")
EDITORS = ("committee_member", "facilitator", "organisation_admin")

MATRIX = {
    "committee:meeting_list": ("get", only(READERS)),
    "committee:meeting_detail": ("get", only(READERS)),
    "committee:meeting_agenda_pdf": ("get", only(READERS)),
    "committee:meeting_minutes_pdf": ("get", only(EDITORS)),
    "committee:meeting_invite": ("post", only(EDITORS, ok=302)),
    "committee:meeting_ics": ("get", only(READERS)),
    "committee:agenda_ics": ("get", only(READERS)),
    "committee:decision_list": ("get", only(READERS)),
    "committee:task_list": ("get", only(EDITORS)),
}


def build(world: dict) -> None:
    from samen.committee.models import Committee, Meeting

    committee, _created = Committee.objects.get_or_create(
        neighbourhood=world["neighbourhood"], defaults={"name": "Buurtcomité"}
    )
    world["committee"] = committee
    world["meeting"] = Meeting.objects.create(
        committee=committee,
        title="Vergadering",
        starts_at=timezone.now() + datetime.timedelta(days=7),
        place="Buurthuis",
    )


def kwargs(name: str, world: dict) -> dict:
    if name in {"committee:agenda_ics", "committee:decision_list", "committee:task_list"}:
        return {"slug": world["slug"]}
    if name == "committee:meeting_list":
        return {"slug": world["slug"]}
    return {"slug": world["slug"], "pk": world["meeting"].pk}
