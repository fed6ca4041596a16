"""Demo data of the wish wall: the warm wishes of the 2022 winter drink and of this year's."""

import datetime

from django.utils import timezone

from samen.activities.models import Activity, Attendance, Moderation, Wish
from samen.core.demo import DemoContext

ONLINE, PAPER = Wish.Channel.ONLINE, Wish.Channel.PAPER

# (text, signed, channel); most in plain Dutch, some in the other languages of the street.
WISHES_2022 = [
    ("Ik wens iedereen in Kapelakker een warme winter en veel gezellige buren.", "Fatima", ONLINE),
    ("Dat we elkaar blijven groeten op straat, ook als het regent.", "", PAPER),
    ("Meer bankjes op het pleintje, zodat we samen kunnen zitten.", "familie Peeters", PAPER),
    ("Een gezond nieuw jaar voor alle buren en hun kinderen!", "Jef", ONLINE),
    ("Ik wens dat de kinderen veilig kunnen spelen in de straat.", "", ONLINE),
    ("Dank je wel aan de buren die mijn pakjes aannemen.", "Griet", PAPER),
    ("Dat niemand zich alleen voelt met Kerstmis.", "", ONLINE),
    ("Een moestuin voor iedereen, met tomaten en kruiden.", "Mamadou", PAPER),
    ("Je souhaite à tous les voisins une belle année pleine de sourires.", "Aïcha", ONLINE),
    ("Wishing all our neighbours a warm and peaceful new year.", "the Nowak family", ONLINE),
    ("أتمنى لجميع الجيران سنة سعيدة ومليئة بالمحبة.", "", PAPER),
    ("Tüm komşularıma mutlu ve sağlıklı bir yıl diliyorum.", "Elif", ONLINE),
    ("Życzę wszystkim sąsiadom zdrowia i spokoju w nowym roku.", "Kasia", PAPER),
    ("Meer feestjes zoals vanavond, het was heel fijn!", "", ONLINE),
    ("Dat we samen de straat proper houden.", "familie Janssens", PAPER),
    ("Een speeltuin met een grote schommel!!", "Noor (7 jaar)", PAPER),
    ("Ik wens dat we elkaars namen leren kennen.", "", ONLINE),
    ("Warme soep en warme harten, elk jaar opnieuw.", "Tom", ONLINE),
    ("Dat oudere buren hulp vragen als ze iets nodig hebben. Wij helpen graag.", "", PAPER),
    ("Een buurtfeest in de zomer, met muziek en eten uit alle landen.", "Youssef", ONLINE),
    ("Minder snelle auto's in de straat.", "", PAPER),
    ("Dat de nieuwe buren zich snel thuis voelen.", "familie El Amrani", ONLINE),
    ("Ik wens iedereen een lief huisdier, zoals onze Minoes.", "", PAPER),
    ("Bloemen aan elk raam in de lente.", "Marleen", PAPER),
    ("Samen koken, één keer per maand.", "", ONLINE),
    ("Ik ben blij dat ik hier woon. Bedankt, buren!", "", PAPER),
    ("Een ruilkast voor boeken op het pleintje.", "Lies", ONLINE),
    ("Dat het comité blijft luisteren naar iedereen.", "", ONLINE),
    ("Meer licht op het pad naar de parking, 's avonds is het donker.", "", PAPER),
    ("Een jaar zonder ruzie over de parking :-)", "", ONLINE),
    ("Gezondheid voor mijn moeder en voor alle zieke buren.", "Fatma", PAPER),
    ("Dat de kinderen van verschillende landen samen vrienden worden.", "", ONLINE),
    ("Veel liefde en geduld voor elkaar.", "familie Dubois", PAPER),
    ("Een wandeling met de hele straat in het voorjaar.", "", ONLINE),
    ("Dat we elkaar helpen met de taal. Ik leer graag Nederlands.", "Ahmad", PAPER),
    ("Een warme winter voor de vogels: we hangen vetbollen op!", "Lotte", PAPER),
]
PENDING_2022 = [
    ("Proficiat aan iedereen die dit feest heeft gemaakt.", "", ONLINE),
    ("Kunnen we volgend jaar ook een kerstboom zetten?", "Sam", ONLINE),
]
REJECTED_2022 = ("Bel me op 0470 12 34 56 als je een fiets wil kopen.", "", ONLINE)

WISHES_NOW_APPROVED = [
    ("Weer een jaar samen in Kapelakker. Ik kijk uit naar de soep!", "Fatima"),
    ("Dat de nieuwe bewoners van blok C zich welkom voelen.", ""),
    ("Ik wens iedereen warme voeten en een warm hart.", "familie Peeters"),
    ("Bedankt voor de hulp toen mijn fiets gestolen was.", "Jef"),
    ("Je souhaite un hiver doux à tout le quartier.", ""),
    ("Meer kinderactiviteiten in de vakantie, graag!", "Noor (8 jaar)"),
]
WISHES_NOW_PENDING = [
    ("Een sneeuwpop-wedstrijd als het sneeuwt!", ""),
    ("Dat we dit jaar met nog meer buren zijn.", "Youssef"),
]


def _create(activity: Activity, rows: list[dict], times: list[datetime.datetime]) -> None:
    wishes = Wish.objects.bulk_create([Wish(activity=activity, **row) for row in rows])
    # created_at is set on insert; put each wish back at the moment it was written.
    for wish, moment in zip(wishes, times, strict=True):
        wish.created_at = moment
        wish.updated_at = moment
        if wish.moderated_at is not None:
            wish.moderated_at = max(wish.moderated_at, moment)
    Wish.objects.bulk_update(wishes, ["created_at", "updated_at", "moderated_at"])


def _winter_2022(ctx: DemoContext, winter: Activity) -> None:
    rng = ctx.rng
    facilitator = ctx.objects["facilitator"]
    came = list(
        Attendance.objects.filter(activity=winter).select_related("household").order_by("id")
    )
    households = [a.household for a in came]
    start = winter.starts_at
    checked = start + datetime.timedelta(hours=3, minutes=15)
    rows, times = [], []
    every = [(w, Moderation.APPROVED) for w in WISHES_2022]
    every += [(w, Moderation.PENDING) for w in PENDING_2022]
    every.append((REJECTED_2022, Moderation.REJECTED))
    for (text, signed, channel), status in every:
        online = channel == ONLINE
        # Online wishes come in during the evening and the days after; cards are typed at the end.
        moment = (
            start + datetime.timedelta(minutes=rng.randint(20, 170))
            if online
            else start + datetime.timedelta(hours=3, minutes=rng.randint(5, 40))
        )
        if status == Moderation.PENDING:
            moment = start + datetime.timedelta(days=rng.randint(3, 6), hours=rng.randint(0, 3))
        row = {
            "text": text,
            "signed": signed,
            "channel": channel,
            "status": status,
            "household": rng.choice(households)
            if online and households and rng.random() < 0.5
            else None,
            "entered_by": None if online else facilitator,
        }
        if status != Moderation.PENDING:
            row["moderated_by"] = facilitator
            row["moderated_at"] = moment if not online else checked
        rows.append(row)
        times.append(moment)
    _create(winter, rows, times)


def _winter_now(ctx: DemoContext, winter_now: Activity) -> None:
    rng = ctx.rng
    facilitator = ctx.objects["facilitator"]
    now = timezone.now()
    rows, times = [], []
    for text, signed in WISHES_NOW_APPROVED:
        moment = now - datetime.timedelta(days=rng.randint(2, 9), hours=rng.randint(0, 12))
        rows.append(
            {
                "text": text,
                "signed": signed,
                "channel": ONLINE,
                "status": Moderation.APPROVED,
                "moderated_by": facilitator,
                "moderated_at": moment + datetime.timedelta(hours=5),
            }
        )
        times.append(moment)
    for text, signed in WISHES_NOW_PENDING:
        rows.append({"text": text, "signed": signed, "channel": ONLINE})
        times.append(now - datetime.timedelta(hours=rng.randint(2, 20)))
    _create(winter_now, rows, times)


def load(ctx: DemoContext) -> None:
    """Make the wishes of the 2022 winter drink (about 40) and a few for this year's."""
    activities = ctx.objects.get("activities") or {}
    winter, winter_now = activities.get("winter_drink"), activities.get("winter_drink_now")
    if winter is not None and not Wish.objects.filter(activity=winter).exists():
        _winter_2022(ctx, winter)
    if winter_now is not None and not Wish.objects.filter(activity=winter_now).exists():
        _winter_now(ctx, winter_now)
