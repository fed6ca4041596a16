"""Demo data: about thirty reports for Kapelakker, across kinds and states, with answers.

The times are set afterwards (created_at, each event's `at`, first answer, resolution) so that
response times run from a few hours to weeks, over the last ten months before today.
"""

import datetime
from typing import Any

from django.utils import timezone

from samen.agreements.models import Report, ReportEvent
from samen.agreements.services_reports import (
    ReportInput,
    report_answer,
    report_create,
    report_set_status,
)
from samen.core.demo import DemoContext

S = Report.Status
K = Report.Kind
P = Report.Place
HOME, COMMON, STREET = P.HOME, P.COMMON_AREA, P.STREET
REDIRECT_MUNICIPALITY = (
    "De gemeente Brecht, dienst openbare werken: 03 660 25 00 of via het e-loket van de gemeente."
)
REDIRECT_POLICE = "De wijkagent van Sint-Lenaarts: bel 03 690 29 29 (geen spoed) of 101 bij gevaar."

# (kind, place, text, street or place detail, days ago, agreement topic, reporter visible,
#  steps: (action, hours after the step before, answer)); action is a status or "answer".
REPORTS: list[tuple[str, str, str, str, int, str, bool, list[tuple[str, float, str]]]] = [
    (
        K.HOME_UPKEEP,
        HOME,
        "De verwarming in de woonkamer blijft koud, ook als ik ze hoger zet.",
        "",
        290,
        "",
        True,
        [
            (
                "assigned",
                3,
                "We sturen de verwarmingstechnicus. Hij belt u om een afspraak te maken.",
            ),
            ("planned", 20, "De technicus komt dinsdag tussen 8 en 12 uur."),
            ("resolved", 120, "De circulatiepomp is vervangen. De verwarming werkt weer."),
            ("closed", 72, ""),
        ],
    ),
    (
        K.COMMON_UPKEEP,
        COMMON,
        "De lamp in de fietsenberging is kapot. Het is 's avonds donker.",
        "fietsenberging achter Kapelakker 12",
        270,
        "common_areas",
        False,
        [
            ("assigned", 26, "Dank u. Onze huisbewaarder kijkt ernaar."),
            ("resolved", 50, "De lamp is vervangen."),
            ("closed", 100, ""),
        ],
    ),
    (
        K.NUISANCE,
        HOME,
        "Elke nacht harde muziek bij de buren, tot 2 uur.",
        "",
        250,
        "noise",
        False,
        [
            ("answer", 30, "Dank u voor uw melding. We nemen contact op met de bewoners."),
            ("assigned", 48, "Onze sociale dienst gaat op huisbezoek."),
            (
                "resolved",
                400,
                "Er was een gesprek met de buren. Laat het ons weten als het opnieuw gebeurt.",
            ),
            ("closed", 200, ""),
        ],
    ),
    (
        K.SAFETY,
        STREET,
        "Een stoeptegel ligt los voor huisnummer 8. Mijn moeder is bijna gevallen.",
        "Sint-Lenaartsveld",
        240,
        "",
        False,
        [
            ("not_ours", 6, "De stoep is van de gemeente. We hebben het ook zelf aan hen gemeld."),
        ],
    ),
    (
        K.COMMON_UPKEEP,
        COMMON,
        "De containers bij de afvalberging puilen uit. Er ligt afval naast.",
        "afvalberging Boomgaardlaan",
        220,
        "waste",
        False,
        [
            ("assigned", 4, "We vragen de ophaler om een extra ronde."),
            (
                "resolved",
                30,
                "De containers zijn geleegd. Zet afval pas buiten op de avond voor de ophaling.",
            ),
            ("closed", 150, ""),
        ],
    ),
    (
        K.HOME_UPKEEP,
        HOME,
        "Er komt water onder de douchebak door. De vloer wordt nat.",
        "",
        200,
        "home_upkeep",
        True,
        [
            ("assigned", 2, "We sturen een loodgieter."),
            ("planned", 30, "De loodgieter komt donderdag om 13 uur."),
            ("resolved", 70, "De voeg rond de douchebak is vernieuwd."),
            ("closed", 48, ""),
        ],
    ),
    (
        K.NUISANCE,
        STREET,
        "Er wordt op het voetpad geparkeerd. Met de kinderwagen kan ik er niet door.",
        "Hoefijzerstraat",
        185,
        "parking",
        False,
        [
            (
                "answer",
                70,
                "We herinneren iedereen aan de afspraak over parkeren in de nieuwsbrief.",
            ),
            (
                "resolved",
                300,
                "De afspraak stond in de nieuwsbrief. Het buurtcomité houdt het in het oog.",
            ),
            ("closed", 100, ""),
        ],
    ),
    (
        K.OTHER,
        COMMON,
        "Kan er een bank bij de speelplek komen? Nu staan de ouders de hele tijd.",
        "speelplek Kapelakker",
        170,
        "children",
        False,
        [
            ("assigned", 120, "Goed idee. We bekijken het met het buurtcomité."),
            ("planned", 400, "De bank wordt geplaatst samen met het nieuwe groen."),
            ("resolved", 500, "De bank staat er. Veel plezier!"),
        ],
    ),
    (
        K.COMMON_UPKEEP,
        COMMON,
        "Het gras in de gemeenschappelijke tuin is al weken niet gemaaid.",
        "gemeenschappelijke tuin",
        160,
        "garden",
        False,
        [
            ("assigned", 8, "De groendienst staat ingepland."),
            ("resolved", 100, "Het gras is gemaaid. Vanaf nu om de twee weken."),
            ("closed", 72, ""),
        ],
    ),
    (
        K.SAFETY,
        COMMON,
        "De voordeur van de hal valt niet meer in het slot. Iedereen kan binnen.",
        "hal Hoefijzerstraat 7",
        150,
        "",
        True,
        [
            ("assigned", 1.5, "Dringend: de slotenmaker komt vandaag nog."),
            ("resolved", 6, "Het slot is hersteld."),
            ("closed", 48, ""),
        ],
    ),
    (
        K.HOME_UPKEEP,
        HOME,
        "Het raam in de slaapkamer sluit niet goed. Het tocht.",
        "",
        140,
        "",
        False,
        [
            ("assigned", 50, "We plannen een bezoek van onze technicus."),
            ("planned", 200, "De technicus komt op maandag in de voormiddag."),
            ("resolved", 160, "Het scharnier is afgesteld."),
            ("closed", 24, ""),
        ],
    ),
    (
        K.NUISANCE,
        COMMON,
        "Er wordt gerookt in de trappenhal. De geur komt in onze woning.",
        "trappenhal Hoefijzerstraat 9",
        125,
        "common_areas",
        False,
        [
            ("answer", 20, "Dank u. We hangen een affiche op en spreken de bewoners aan."),
            ("resolved", 240, "Er hangt een affiche. Het buurtcomité bracht het ter sprake."),
        ],
    ),
    (
        K.COMMON_UPKEEP,
        STREET,
        "De straatverlichting is uit tussen nummer 2 en 10.",
        "Sint-Lenaartsveld",
        110,
        "",
        False,
        [
            ("not_ours", 5, "De straatverlichting is van de netbeheerder en de gemeente."),
        ],
    ),
    (
        K.COMMON_UPKEEP,
        COMMON,
        "Iemand zet grofvuil bij de glasbak: een oude zetel en een matras.",
        "glasbak aan de ingang van de wijk",
        95,
        "waste",
        False,
        [
            ("assigned", 24, "We laten het ophalen."),
            ("resolved", 72, "Het grofvuil is opgehaald. Grofvuil kan naar het recyclagepark."),
            ("closed", 100, ""),
        ],
    ),
    (
        K.HOME_UPKEEP,
        HOME,
        "Schimmel op het plafond van de badkamer.",
        "",
        80,
        "home_upkeep",
        True,
        [
            ("assigned", 30, "We komen kijken. Verlucht de badkamer goed na het douchen."),
            ("planned", 150, "De schilder komt op woensdag."),
            (
                "resolved",
                300,
                "Het plafond is behandeld en geschilderd. De ventilator is nagekeken.",
            ),
        ],
    ),
    (
        K.NUISANCE,
        STREET,
        "Scooters rijden over het wandelpad langs de boomgaard.",
        "Boomgaardlaan",
        70,
        "",
        False,
        [
            ("not_ours", 40, "Verkeer op het wandelpad is voor de politie."),
        ],
    ),
    (
        K.OTHER,
        COMMON,
        "Mogen we in de gemeenschappelijke tuin een moestuinbak zetten?",
        "gemeenschappelijke tuin",
        60,
        "garden",
        False,
        [
            ("answer", 48, "Dat mag. Spreek het af met het buurtcomité, dan zorgen wij voor hout."),
            ("resolved", 200, "Twee moestuinbakken staan er. Succes!"),
            ("closed", 100, ""),
        ],
    ),
    (
        K.SAFETY,
        COMMON,
        "Het hek van de speelplek sluit niet meer. Kleine kinderen lopen zo naar de straat.",
        "speelplek Kapelakker",
        45,
        "children",
        False,
        [
            ("assigned", 3, "We sturen iemand om het hek te herstellen."),
            ("resolved", 40, "Het hek sluit weer vanzelf."),
        ],
    ),
    (
        K.HOME_UPKEEP,
        HOME,
        "De dakgoot boven de voordeur lekt bij regen.",
        "",
        38,
        "",
        False,
        [
            ("assigned", 72, "We bestellen een dakwerker."),
            ("planned", 150, "De dakwerker komt volgende week, als het droog is."),
        ],
    ),
    (
        K.COMMON_UPKEEP,
        COMMON,
        "De deur van de fietsenberging klemt. Je krijgt ze bijna niet open.",
        "fietsenberging Sint-Lenaartsveld",
        30,
        "common_areas",
        False,
        [
            ("assigned", 96, "De huisbewaarder kijkt ernaar."),
        ],
    ),
    (
        K.NUISANCE,
        HOME,
        "De hond van de buren blaft de hele dag als ze weg zijn.",
        "",
        26,
        "pets",
        False,
        [
            ("answer", 10, "Dank u. We bespreken het rustig met de buren."),
        ],
    ),
    (
        K.HOME_UPKEEP,
        HOME,
        "De afvoer van het aanrecht is verstopt.",
        "",
        21,
        "home_upkeep",
        True,
        [
            ("assigned", 5, "We sturen een loodgieter."),
            ("planned", 20, "De loodgieter komt vrijdag."),
            ("resolved", 60, "De afvoer is ontstopt."),
        ],
    ),
    (
        K.COMMON_UPKEEP,
        STREET,
        "Er liggen veel takken op het pad na de storm.",
        "Kapelakker",
        18,
        "garden",
        False,
        [],
    ),
    (
        K.SAFETY,
        STREET,
        "Er rijden auto's veel te snel door de straat. Er spelen veel kinderen.",
        "Kapelakker",
        16,
        "children",
        False,
        [
            ("not_ours", 30, "Snelheid in de straat is voor de gemeente en de politie."),
        ],
    ),
    (
        K.OTHER,
        COMMON,
        "De brievenbussen in de hal hebben geen naamplaatjes.",
        "hal Hoefijzerstraat 9",
        12,
        "",
        False,
        [
            ("assigned", 50, "We maken de naamplaatjes."),
        ],
    ),
    (
        K.HOME_UPKEEP,
        HOME,
        "De rookmelder piept elke minuut.",
        "",
        9,
        "",
        False,
        [
            ("assigned", 2, "De batterij is waarschijnlijk leeg. We komen ze vervangen."),
            ("resolved", 24, "De rookmelder is vervangen."),
        ],
    ),
    (
        K.NUISANCE,
        COMMON,
        "Iemand laat elke dag een vuilniszak in de trappenhal staan.",
        "trappenhal Hoefijzerstraat 7",
        6,
        "waste",
        False,
        [],
    ),
    (
        K.COMMON_UPKEEP,
        COMMON,
        "Een ruit van de fietsenberging is gebroken. Er ligt glas.",
        "fietsenberging achter Kapelakker 12",
        4,
        "common_areas",
        False,
        [
            ("answer", 3, "Dank u. We ruimen het glas vandaag op."),
        ],
    ),
    (K.HOME_UPKEEP, HOME, "De bel aan de voordeur werkt niet.", "", 2, "", False, []),
    (
        K.OTHER,
        STREET,
        "Kunnen er fietsenrekken bij het pleintje komen?",
        "Boomgaardlaan",
        1,
        "parking",
        False,
        [],
    ),
]
PLANNED_AFTER_DAYS = 6


def _agreement_for(topic: str, agreements: list[Any]) -> Any:
    if not topic or not agreements:
        return None
    in_force = {"adopted", "evaluated"}
    return next(
        (a for a in agreements if a.topic == topic and getattr(a, "status", "") in in_force), None
    )


def load(ctx: DemoContext) -> None:
    """Make about thirty reports for Kapelakker with realistic answers and response times."""
    neighbourhood = ctx.objects["neighbourhood"]
    households = ctx.objects["households"]
    residents = ctx.objects["residents"]
    facilitator = ctx.objects["facilitator"]
    staff = ctx.objects["housing_staff"]
    found = ctx.objects.get("agreements") or []
    agreements = list(found.values() if isinstance(found, dict) else found)
    rng = ctx.rng
    now = timezone.now()
    by_household: dict[int, Any] = {}
    for resident in residents:
        by_household.setdefault(resident.household_id, resident)
    joined = [h for h in households if h.pk in by_household]
    for index, (kind, place, text, where, days_ago, topic, visible, steps) in enumerate(REPORTS):
        household = joined[(index * 7) % len(joined)]
        # One in four is typed in by the community worker (a call, a chat at the door).
        resident = None if index % 4 == 3 else by_household[household.pk]
        street = where if place == STREET else ""
        report = report_create(
            neighbourhood=neighbourhood,
            data=ReportInput(
                kind=kind,
                text=text,
                place=place,
                household=household,
                street=street,
                place_detail=where if place == COMMON else "",
                agreement=_agreement_for(topic, agreements),
                reporter_visible=visible,
            ),
            reporter=resident,
            entered_by=resident.user if resident else facilitator,
        )
        created = now - datetime.timedelta(days=days_ago, hours=rng.randint(0, 10))
        moments = [created]
        moment = created
        for action, hours, answer in steps:
            moment = min(moment + datetime.timedelta(hours=hours * rng.uniform(0.8, 1.2)), now)
            moments.append(moment)
            if action == "answer":
                report_answer(report=report, answer=answer, actor=staff)
            elif action == "planned":
                report = report_set_status(
                    report=report,
                    to_status=action,
                    actor=staff,
                    answer=answer,
                    planned_on=(moment + datetime.timedelta(days=PLANNED_AFTER_DAYS)).date(),
                )
            elif action == "not_ours":
                redirect = (
                    REDIRECT_POLICE
                    if kind == K.NUISANCE or "snel" in text
                    else (REDIRECT_MUNICIPALITY)
                )
                report = report_set_status(
                    report=report,
                    to_status=action,
                    actor=staff,
                    answer=answer,
                    redirect_to=redirect,
                )
            else:
                report = report_set_status(
                    report=report, to_status=action, actor=staff, answer=answer
                )
        _retime(report.pk, moments)


def _retime(report_id: int, moments: list[datetime.datetime]) -> None:
    """Put the report's events at the given moments and derive its timestamps from them."""
    events = list(ReportEvent.objects.filter(report_id=report_id).order_by("at", "id"))
    fields: dict[str, Any] = {"created_at": moments[0], "updated_at": moments[-1]}
    for event, moment in zip(events, moments, strict=False):
        ReportEvent.objects.filter(pk=event.pk).update(at=moment)
        if event.from_status == "":
            continue
        fields.setdefault("first_answer_at", moment)
        if event.to_status == S.RESOLVED:
            fields["resolved_at"] = moment
        if event.to_status in (S.CLOSED, S.NOT_OURS):
            fields["closed_at"] = moment
    Report.objects.filter(pk=report_id).update(**fields)
