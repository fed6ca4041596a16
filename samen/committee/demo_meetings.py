"""Demo data: four Kapelakker committee meetings in 2022, with agendas, attendance,
minutes, decisions and tasks carried over from meeting to meeting."""

import datetime

from django.utils import timezone

from samen.committee.models import AgendaItem, Attendance, Committee, Decision, Meeting, Task
from samen.committee.services_meetings import meeting_create
from samen.core.demo import DemoContext


def _at(day: datetime.date, hour: int = 19, minute: int = 30) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, minute))


def _item(meeting: Meeting, title: str, owner, minutes: str, is_public: bool = True) -> AgendaItem:  # type: ignore[no-untyped-def]
    position = meeting.agenda.count() + 1
    return AgendaItem.objects.create(
        meeting=meeting,
        position=position,
        title=title,
        owner=owner,
        minutes=minutes,
        is_public=is_public,
    )


def _task(meeting: Meeting, title: str, owner, due_on: datetime.date) -> Task:  # type: ignore[no-untyped-def]
    return Task.objects.create(
        committee=meeting.committee, title=title, owner=owner, due_on=due_on, decided_at=meeting
    )


def _carried_minutes(meeting: Meeting, texts: dict[str, str]) -> None:
    for item in meeting.agenda.filter(task__isnull=False).select_related("task"):
        text = texts.get(item.task.title)
        if text:
            item.minutes = text
            item.save(update_fields=["minutes"])


def _attendance(meeting: Meeting, people: dict, absent: dict[str, str]) -> None:
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, resident=resident, status=absent.get(name, "present"))
        for name, resident in people.items()
    )


def load(ctx: DemoContext) -> None:
    """Make four held meetings of the Kapelakker committee (March, May, September, November)."""
    neighbourhood = ctx.objects["neighbourhood"]
    committee, _created = Committee.objects.get_or_create(
        neighbourhood=neighbourhood, defaults={"name": f"Buurtcomité {neighbourhood.name}"}
    )
    if committee.meetings.exists():
        return
    residents = ctx.objects["residents"]
    people = {
        name: next(r for r in residents if r.display_name == name)
        for name in ("Fatima", "Jef", "Elif", "Tom", "Mamadou", "Griet")
    }
    fatima, jef, elif_, tom, mamadou, griet = people.values()
    place = "Buurthuis De Kapel, Kapelstraat 12"

    # March: the committee starts again and chooses its chair.
    march = meeting_create(
        committee=committee,
        title="Vergadering buurtcomité maart",
        starts_at=_at(datetime.date(2022, 3, 15)),
        ends_at=_at(datetime.date(2022, 3, 15), 21, 30),
        place=place,
    )
    chair = _item(
        march,
        "Wie wordt voorzitter?",
        jef,
        "Fatima wil graag voorzitter zijn. Niemand anders stelt zich kandidaat. "
        "Iedereen is akkoord.",
    )
    plants = _item(
        march,
        "Plantenruil in de lente",
        elif_,
        "Elif stelt voor om een plantenruil te doen op het pleintje. Veel buren hebben "
        "stekjes over. We doen het op een zaterdag in april.",
    )
    _item(
        march,
        "Wat hoorden we bij het luisteren?",
        tom,
        "Tom vat samen: mensen willen meer plaatsen om te zitten, vooral bij de speeltuin. "
        "Ook het zwerfvuil aan de containers komt vaak terug.",
    )
    _item(
        march,
        "Afspraken over onze kas",
        mamadou,
        "Mamadou houdt de kas bij in een schrift. Uitgaven boven 50 euro bespreken we eerst.",
        is_public=False,
    )
    march.minutes = (
        "Zes leden aanwezig, Griet is verontschuldigd. Lotte van het buurtwerk helpt mee. "
        "Sfeer was goed; we spreken af om elke twee maanden samen te komen."
    )
    march.status = Meeting.Status.HELD
    march.shared_with_housing = True
    march.save()
    _attendance(march, people, {"Griet": "excused"})
    Decision.objects.create(
        meeting=march, agenda_item=chair, text="We kiezen Fatima als voorzitter"
    )
    Decision.objects.create(
        meeting=march, agenda_item=plants, text="De plantenruil gaat door op 23 april"
    )
    Decision.objects.create(
        meeting=march,
        text="Uitgaven boven 50 euro bespreken we eerst in het comité",
        is_public=False,
    )
    flyer = _task(march, "Affiche voor de plantenruil maken", elif_, datetime.date(2022, 4, 8))
    tables = _task(march, "Tafels lenen bij het buurthuis", jef, datetime.date(2022, 4, 20))
    bench_task = _task(
        march, "Brief over een bank bij de speeltuin schrijven", fatima, datetime.date(2022, 5, 1)
    )
    flyer.status = Task.Status.DONE
    flyer.save()

    # May: open tasks come back on the agenda by themselves.
    may = meeting_create(
        committee=committee,
        title="Vergadering buurtcomité mei",
        starts_at=_at(datetime.date(2022, 5, 17)),
        ends_at=_at(datetime.date(2022, 5, 17), 21, 0),
        place=place,
    )
    _carried_minutes(
        may,
        {
            tables.title: "De tafels waren er. Klaar.",
            bench_task.title: "De brief is bijna klaar. Fatima stuurt hem deze maand.",
        },
    )
    tables.status = Task.Status.DONE
    tables.save()
    bench_task.status = Task.Status.DOING
    bench_task.save()
    review = _item(
        may,
        "Hoe was de plantenruil?",
        elif_,
        "Ongeveer veertig buren kwamen langs. Veel kinderen. Volgend jaar opnieuw.",
    )
    bench = _item(
        may,
        "Een bank bij de speeltuin",
        fatima,
        "Veel ouders en ouderen vragen een bank. We vragen het samen aan de woonmaatschappij.",
    )
    _item(may, "Nieuwe leden zoeken", tom, "We zijn met zes. Meer mensen zou fijn zijn.")
    may.minutes = "Vijf leden aanwezig. Mamadou is verontschuldigd, Tom kwam later."
    may.status = Meeting.Status.HELD
    may.save()
    _attendance(may, people, {"Mamadou": "excused"})
    Decision.objects.create(
        meeting=may, agenda_item=review, text="We doen volgend jaar opnieuw een plantenruil"
    )
    Decision.objects.create(
        meeting=may,
        agenda_item=bench,
        text="We vragen de woonmaatschappij om een bank bij de speeltuin",
    )
    members_task = _task(
        may, "Flyer maken om nieuwe leden te zoeken", tom, datetime.date(2022, 6, 30)
    )

    # September.
    september = meeting_create(
        committee=committee,
        title="Vergadering buurtcomité september",
        starts_at=_at(datetime.date(2022, 9, 13)),
        ends_at=_at(datetime.date(2022, 9, 13), 21, 30),
        place=place,
    )
    _carried_minutes(
        september,
        {
            bench_task.title: "De woonmaatschappij zegt ja. De bank komt in oktober.",
            members_task.title: "Niemand reageerde op de flyer. We stoppen ermee en "
            "praten liever mensen aan op het buurtfeest.",
        },
    )
    bench_task.status = Task.Status.DONE
    bench_task.save()
    members_task.status = Task.Status.DROPPED
    members_task.save()
    party = _item(
        september,
        "Kerstdrink in december",
        griet,
        "Griet wil een kerstdrink in het buurthuis. Iedereen brengt iets mee.",
    )
    _item(
        september,
        "Contact met de woonmaatschappij",
        mamadou,
        "Mamadou is ons contact. Na elke vergadering stuurt hij een kort verslag.",
    )
    september.minutes = "Alle leden aanwezig. Kort overleg, veel goed nieuws."
    september.status = Meeting.Status.HELD
    september.shared_with_housing = True
    september.save()
    _attendance(september, people, {})
    Decision.objects.create(
        meeting=september,
        agenda_item=party,
        text="We houden een kerstdrink op 16 december in het buurthuis",
    )
    drink = _task(september, "Kerstdrink voorbereiden", griet, datetime.date(2022, 12, 10))
    _task(
        september,
        "Verslag naar de woonmaatschappij sturen",
        mamadou,
        datetime.date(2022, 10, 1),
    )

    # November: the report task is still open (overdue); the drink is being prepared.
    november = meeting_create(
        committee=committee,
        title="Vergadering buurtcomité november",
        starts_at=_at(datetime.date(2022, 11, 22)),
        ends_at=_at(datetime.date(2022, 11, 22), 21, 0),
        place=place,
    )
    _carried_minutes(
        november,
        {
            drink.title: "De zaal is vrij. Griet zoekt nog helpers.",
            "Verslag naar de woonmaatschappij sturen": "Nog niet gebeurd. Mamadou doet het "
            "zo snel mogelijk.",
        },
    )
    drink.status = Task.Status.DOING
    drink.save()
    year = _item(
        november,
        "Terugblik op het jaar",
        fatima,
        "We deden een plantenruil, kregen een bank bij de speeltuin en we zijn een echte "
        "ploeg geworden.",
    )
    november.minutes = "Vier leden aanwezig. Jef is verontschuldigd, Tom was afwezig."
    november.status = Meeting.Status.HELD
    november.save()
    _attendance(november, people, {"Jef": "excused", "Tom": "absent"})
    Decision.objects.create(
        meeting=november, agenda_item=year, text="In januari maken we een jaarplan voor 2023"
    )
    helpers = _task(
        november, "Helpers zoeken voor de kerstdrink", elif_, datetime.date(2022, 12, 12)
    )
    # After November: the drink took place; only the report is still open (and overdue).
    Task.objects.filter(pk__in=[drink.pk, helpers.pk]).update(status=Task.Status.DONE)
    ctx.objects["committee_meetings"] = [march, may, september, november]
