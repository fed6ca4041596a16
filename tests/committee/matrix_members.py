"""Permission-matrix rows of the members part of the committee app."""

from tests.core.matrix_helpers import only

READERS = ("resident", "committee_member", "facilitator", "housing_staff", "organisation_admin")
EDITORS = ("committee_member", "facilitator", "organisation_admin")
ASKERS = ("resident", "committee_member", "facilitator", "organisation_admin")

MATRIX = {
    "committee:public": ("get", only(READERS)),
    "committee:member_list": ("get", only(EDITORS)),
    "committee:member_end": ("post", only(EDITORS, ok=400)),
    "committee:role_edit": ("post", only(EDITORS, ok=400)),
    "committee:charter": ("get", only(READERS)),
    "committee:charter_document": ("get", only(READERS)),
    "committee:charter_adopt": ("post", only(EDITORS, ok=400)),
    "committee:news": ("get", only(READERS)),
    "committee:questions": ("get", only(ASKERS)),
    "committee:question_answer": ("post", only(EDITORS, ok=400)),
}


def build(world: dict) -> None:
    import datetime

    from samen.committee.models import Committee, Membership, Question
    from samen.neighbourhoods.models import Resident

    committee, _created = Committee.objects.get_or_create(
        neighbourhood=world["neighbourhood"], defaults={"name": "Buurtcomité"}
    )
    resident = Resident.objects.create(household=world["household"], display_name="Lid Matrix")
    world["membership"] = Membership.objects.create(
        committee=committee, resident=resident, role="member", starts_on=datetime.date(2025, 1, 1)
    )
    world["question"] = Question.objects.create(committee=committee, text="Vraag?")


def kwargs(name: str, world: dict) -> dict:
    if name == "committee:member_end":
        return {"slug": world["slug"], "pk": world["membership"].pk}
    if name == "committee:question_answer":
        return {"slug": world["slug"], "pk": world["question"].pk}
    if name == "committee:role_edit":
        return {"slug": world["slug"], "role": "chair"}
    if name in {"committee:charter_document", "committee:charter_adopt"}:
        return {"slug": world["slug"], "kind": "mission"}
    return {"slug": world["slug"]}
