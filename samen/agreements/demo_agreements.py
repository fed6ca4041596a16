"""Demo data: eight neighbourhood agreements for Kapelakker in different states."""

import datetime

from django.utils import timezone

from samen.agreements.models import Agreement, Endorsement
from samen.agreements.services_agreements import (
    agreement_create,
    agreement_set_status,
    agreement_update,
    evaluation_record,
    translation_save,
)
from samen.core.demo import DemoContext

# (title, text, topic, responsible, final status, share of households that take part)
AGREEMENTS = [
    (
        "Vuilniszakken pas de avond voor de ophaling buiten",
        "We zetten de vuilniszakken en de blauwe zakken pas buiten op de avond voor de "
        "ophaling, na 18 uur. Zo scheuren katten en vogels ze niet open. Grof vuil brengen we "
        "naar het containerpark.",
        "waste",
        "residents",
        "adopted",
        0.62,
    ),
    (
        "Niet parkeren op het voetpad",
        "We parkeren niet op het voetpad en niet voor een oprit. Zo kunnen mensen met een "
        "kinderwagen of een rolstoel veilig voorbij. Bezoekers zetten hun auto op de parking "
        "aan de Boomgaardlaan.",
        "parking",
        "residents",
        "adopted",
        0.45,
    ),
    (
        "Stil na 22 uur",
        "Na 22 uur maken we geen lawaai meer buiten en zetten we de muziek binnen stiller. "
        "Geef je een feestje? Zeg het een paar dagen vooraf aan je buren.",
        "noise",
        "residents",
        "adopted",
        0.70,
    ),
    (
        "Honden aan de leiband en poep opruimen",
        "In de wijk houden we onze hond aan de leiband. We ruimen de poep altijd op, ook in "
        "het gras. De woonmaatschappij zet twee extra afvalbakken met zakjes bij het pad.",
        "pets",
        "together",
        "evaluated",
        0.40,
    ),
    (
        "Kinderen spelen veilig op het pleintje",
        "Kinderen spelen op het pleintje en in de speelstraat, niet op de parking. We rijden "
        "stapvoets in de wijk. Balspelen tegen de gevels doen we niet na 20 uur.",
        "children",
        "together",
        "adopted",
        0.30,
    ),
    (
        "Samen zorgen voor de gemeenschappelijke tuin",
        "De gemeenschappelijke tuin is van iedereen. Het buurtcomité maakt een beurtrol om water "
        "te geven in de zomer. De woonmaatschappij maait het gras twee keer per maand.",
        "garden",
        "committee",
        "discussed",
        0.0,
    ),
    (
        "De voortuin proper houden",
        "Elke huurder houdt de eigen voortuin proper: gras maaien, onkruid wieden, de haag "
        "snoeien. Lukt dat niet, dan vraag je hulp aan het buurtcomité of de woonmaatschappij.",
        "home_upkeep",
        "residents",
        "draft",
        0.0,
    ),
    (
        "Fietsen in de fietsenberging",
        "We zetten fietsen in de fietsenberging, niet in de gang of in de traphal. De berging "
        "blijft op slot. Een kapotte fiets die er lang staat, krijgt eerst een label en gaat na "
        "een maand weg.",
        "common_areas",
        "together",
        "adopted",
        0.25,
    ),
]

TRANSLATIONS = {
    "Vuilniszakken pas de avond voor de ophaling buiten": {
        "fr": (
            "Les sacs poubelles dehors seulement la veille du ramassage",
            "Nous sortons les sacs poubelles et les sacs bleus seulement la veille du ramassage, "
            "après 18 heures. Ainsi les chats et les oiseaux ne les déchirent pas. Les gros "
            "déchets vont au parc à conteneurs.",
        ),
        "en": (
            "Bin bags outside only the evening before collection",
            "We put the bin bags and the blue bags outside only on the evening before "
            "collection, after 6 pm. Then cats and birds do not tear them open. Large waste "
            "goes to the recycling park.",
        ),
        "ar": (
            "أكياس القمامة في الخارج فقط مساء اليوم السابق للجمع",
            "نضع أكياس القمامة والأكياس الزرقاء في الخارج فقط مساء اليوم السابق للجمع، بعد "
            "الساعة السادسة. هكذا لا تمزقها القطط والطيور. النفايات الكبيرة نأخذها إلى "
            "مركز إعادة التدوير.",
        ),
    },
    "Niet parkeren op het voetpad": {
        "fr": (
            "Ne pas se garer sur le trottoir",
            "Nous ne nous garons pas sur le trottoir ni devant une entrée de garage. Ainsi les "
            "personnes avec une poussette ou un fauteuil roulant passent en sécurité. Les "
            "visiteurs se garent au parking de la Boomgaardlaan.",
        ),
        "en": (
            "No parking on the pavement",
            "We do not park on the pavement or in front of a driveway. Then people with a "
            "pushchair or a wheelchair can pass safely. Visitors park at the car park on "
            "Boomgaardlaan.",
        ),
        "ar": (
            "لا نركن السيارات على الرصيف",
            "لا نركن سياراتنا على الرصيف ولا أمام مدخل مرآب. هكذا يمر الناس بعربة الأطفال أو "
            "بالكرسي المتحرك بأمان. يركن الزوار في موقف السيارات في Boomgaardlaan.",
        ),
    },
}


def load(ctx: DemoContext) -> None:
    """Make Kapelakker's agreements: adopted and endorsed ones, one evaluated, a draft."""
    neighbourhood = ctx.objects["neighbourhood"]
    households = list(ctx.objects["households"])
    facilitator = ctx.objects["facilitator"]
    housing = ctx.objects.get("housing_staff", facilitator)
    rng = ctx.rng
    today = timezone.localdate()
    made = []
    for index, (title, text, topic, responsible, status, share) in enumerate(AGREEMENTS):
        review_on = today + datetime.timedelta(days=60 + 30 * index)
        if status == "evaluated":
            review_on = today - datetime.timedelta(days=20)
        agreement = agreement_create(
            neighbourhood=neighbourhood,
            title=title,
            text=text,
            topic=topic,
            responsible=responsible,
            review_on=review_on if status != "draft" else None,
            actor=facilitator,
        )
        if title.startswith("Fietsen"):
            # A second version: the committee made the text clearer after the meeting.
            agreement_update(
                agreement=agreement,
                title=title,
                text=text + " Vraag de sleutel aan het buurtcomité.",
                topic=topic,
                responsible=responsible,
                review_on=agreement.review_on,
                actor=facilitator,
            )
        if status != "draft":
            agreement_set_status(
                agreement=agreement,
                status="discussed",
                place="Bewonersvergadering in de Kapel, 14 maart",
                actor=facilitator,
            )
        if status in ("adopted", "evaluated"):
            agreement_set_status(
                agreement=agreement,
                status="adopted",
                place="Buurtfeest op het pleintje, 25 mei",
                actor=housing,
            )
            Agreement.objects.filter(pk=agreement.pk).update(
                adopted_on=today - datetime.timedelta(days=150 - 5 * index)
            )
            chosen = rng.sample(households, round(share * len(households)))
            Endorsement.objects.bulk_create(
                [Endorsement(agreement=agreement, household=h) for h in chosen]
            )
        if status == "evaluated":
            agreement.refresh_from_db()
            evaluation_record(
                agreement=agreement,
                outcome="partly",
                follow_up=(
                    "Er ligt minder hondenpoep op het pad, maar nog veel in het gras bij de "
                    "speeltuin. De woonmaatschappij zet daar een derde afvalbak. Het buurtcomité "
                    "hangt een bordje op in vier talen. We kijken in de herfst opnieuw."
                ),
                evaluated_on=today - datetime.timedelta(days=10),
                actor=facilitator,
            )
        for language, (t_title, t_text) in TRANSLATIONS.get(title, {}).items():
            translation_save(agreement=agreement, language=language, title=t_title, text=t_text)
        made.append(agreement)
    ctx.objects["agreements"] = made
