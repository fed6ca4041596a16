"""Demo data of the members part: the Kapelakker committee, its roles, charter, news, questions."""

import datetime
from typing import Any

from django.utils import timezone

from samen.committee.charter_templates import CHARTER_TEXTS
from samen.committee.models import Committee, Meeting, Membership, News, Question
from samen.committee.services_members import (
    charter_document_save,
    charter_version_adopt,
    committee_get_or_create,
    membership_end,
    membership_start,
    question_answer,
)

ROLES = [
    ("Fatima", "chair"),
    ("Jef", "treasurer"),
    ("Elif", "secretary"),
    ("Tom", "housing_contact"),
    ("Mamadou", "member"),
    ("Griet", "member"),
]


def load(ctx: Any) -> None:
    """Load the committee's members, charter, news and questions (after the meetings, if any)."""
    neighbourhood = ctx.objects["neighbourhood"]
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    Committee.objects.filter(pk=committee.pk).update(
        name="Buurtcomité Kapelakker",
        introduction=(
            "Wij zijn buren die zich samen inzetten voor Kapelakker. "
            "Heb je een vraag of een idee? Stuur ons een bericht."
        ),
    )
    residents = ctx.objects["residents"]
    by_name = {r.display_name.split()[0]: r for r in residents}
    start = datetime.date(2025, 9, 1)
    for first, role in ROLES:
        resident = by_name.get(first)
        if (
            resident is None
            or Membership.objects.filter(
                committee=committee, resident=resident, role=role, ends_on__isnull=True
            ).exists()
        ):
            continue
        membership_start(committee=committee, resident=resident, role=role, starts_on=start)
    griet = by_name.get("Griet")
    if (
        griet is not None
        and not Membership.objects.filter(resident=griet, ends_on__isnull=False).exists()
    ):
        earlier = membership_start(
            committee=committee,
            resident=griet,
            role="secretary",
            starts_on=datetime.date(2024, 9, 1),
        )
        membership_end(membership=earlier, ends_on=datetime.date(2025, 8, 31))
    meeting = Meeting.objects.filter(committee=committee).order_by("starts_at").first()
    extra = {
        "mission": CHARTER_TEXTS["mission"].replace("onze wijk", "Kapelakker"),
        "meeting_agreements": CHARTER_TEXTS["meeting_agreements"].replace(
            "op een vaste avond", "op de eerste dinsdag om 19 uur in het buurthuis"
        ),
    }
    for kind, text in CHARTER_TEXTS.items():
        if committee.charter.filter(kind=kind).exists():
            continue
        first_version = charter_document_save(committee=committee, kind=kind, text=text)
        if meeting is not None:
            charter_version_adopt(version=first_version, meeting=meeting)
        if kind in extra:
            charter_document_save(committee=committee, kind=kind, text=extra[kind])
    if not News.objects.filter(committee=committee).exists():
        now = timezone.now()
        for days, title, text in [
            (
                30,
                "Nieuwe speeltuin",
                "De stad plaatst in het voorjaar nieuwe toestellen in de speeltuin.",
            ),
            (
                14,
                "Opruimdag op 12 april",
                "We ruimen samen de straten op. Handschoenen en koffie zijn er.",
            ),
            (
                3,
                "Lekken in blok C",
                "De huisvestingsmaatschappij komt volgende week de daken nakijken.",
            ),
        ]:
            News.objects.create(
                committee=committee,
                title=title,
                text=text,
                published_at=now - datetime.timedelta(days=days),
            )
    if not Question.objects.filter(committee=committee).exists():
        askers = [r for r in residents if r.display_name.split()[0] not in dict(ROLES)] or residents
        for i, (text, answer) in enumerate(
            [
                (
                    "Wanneer wordt de lamp in de Kapelstraat hersteld?",
                    "We hebben het gemeld. De stad komt deze maand.",
                ),
                (
                    "Mag ik ook naar de vergadering komen?",
                    "Ja, iedereen is welkom. Laat het even weten aan Elif.",
                ),
                ("Kunnen er meer fietsenstallingen komen?", ""),
            ]
        ):
            asker = askers[i % len(askers)]
            question = Question.objects.create(
                committee=committee, resident=asker, household=asker.household, text=text
            )
            if answer:
                question_answer(question=question, answer=answer)
