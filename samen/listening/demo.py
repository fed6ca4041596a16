"""Demo data: about 120 contributions of Kapelakker's residents, themes, answers, volunteers."""

import datetime

from django.utils import timezone

from samen.core.demo import DemoContext
from samen.listening.models import Contribution, Theme, ThemeResponse
from samen.listening.services import (
    ContributionInput,
    contribution_create,
    contributions_assign,
    feedback_conclusion_save,
    theme_answer,
    theme_create,
    volunteer_create,
)

# theme title → (answer status, answer text, [(kind, text), ...])
THEMES: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "Parkeren en verkeer": (
        "planned",
        "We tekenen in het voorjaar parkeervakken bij de Boomgaardlaan en vragen de gemeente om "
        "een snelheidsremmer aan de ingang van de wijk. De gemeente komt in maart kijken.",
        [
            (
                "frustration",
                "Er wordt veel te snel gereden in de Kapelakker. Ik ben bang voor de kinderen.",
            ),
            ("frustration", "Bezoekers parkeren voor mijn oprit, dan kan ik er niet uit."),
            ("question", "Mag ik mijn bestelwagen in de straat parkeren of is dat verboden?"),
            (
                "idea",
                "Een verkeersdrempel aan het begin van de straat zou helpen tegen het snelle rijden.",
            ),
            ("need", "Er zijn te weinig parkeerplaatsen voor bezoekers."),
            (
                "frustration",
                "Auto's staan half op het voetpad, met de kinderwagen moet ik op de straat lopen.",
            ),
            ("idea", "Kunnen we parkeervakken schilderen zodat iedereen netjes parkeert?"),
            ("question", "Komt er een laadpaal voor elektrische auto's in de wijk?"),
            ("frustration", "De auto's van de bouwvakkers staan nog altijd overal."),
            ("need", "Een veilige oversteekplaats naar de bushalte."),
            ("idea", "Een bord 'spelende kinderen' aan de ingang van de wijk."),
            ("frustration", "Te snel rijden op de Sint-Lenaartsveld, vooral 's avonds."),
            ("question", "Wie moet ik bellen als er iemand op mijn plaats parkeert?"),
            ("need", "Een fietsenstalling bij de appartementen in de Hoefijzerstraat."),
        ],
    ),
    "Groen en tuinen": (
        "done",
        "Samen met het buurtcomité organiseerden we in april een plantenruil met een workshop "
        "stekken. De woonmaatschappij plantte twaalf nieuwe bomen langs het pad.",
        [
            ("idea", "Een plantenruil! Ik heb veel stekjes over van mijn kamerplanten."),
            ("need", "Meer groen in de wijk, nu is alles grijs en nieuw."),
            ("question", "Mogen we iets planten in het stuk grond naast de parking?"),
            ("idea", "Een moestuin voor iedereen, waar we samen groenten kweken."),
            ("frustration", "Het gras van het gemeenschappelijk stuk wordt nooit gemaaid."),
            ("idea", "Bloembakken aan de gevels zouden de straat gezelliger maken."),
            ("question", "Wie onderhoudt de hagen tussen de tuinen?"),
            (
                "need",
                "Ik weet niet hoe ik mijn tuin moet onderhouden, ik heb nooit een tuin gehad.",
            ),
            ("idea", "Een workshop over tuinieren voor nieuwe bewoners."),
            ("idea", "Bomen planten langs het fietspad, voor schaduw in de zomer."),
            ("frustration", "Onkruid overal op de stoep, niemand doet er iets aan."),
            ("idea", "Een gemeenschappelijke composthoek voor het tuinafval."),
            ("need", "Gereedschap lenen om de tuin te doen, ik heb geen grasmachine."),
        ],
    ),
    "Afval en zwerfvuil": (
        "planned",
        "Er komen in mei drie extra vuilnisbakken en een bord met de ophaaldagen in vier talen. "
        "Het buurtcomité plant een opruimactie in de herfst.",
        [
            ("frustration", "Er ligt veel zwerfvuil rond de glasbak."),
            ("question", "Wanneer wordt het plastic opgehaald? Ik weet het niet."),
            (
                "frustration",
                "Sommige buren zetten hun vuilniszakken te vroeg buiten, dan komen de katten.",
            ),
            ("idea", "Een opruimdag met de hele buurt, daarna samen iets drinken."),
            ("need", "Meer vuilnisbakken langs het wandelpad."),
            ("question", "Waar kan ik mijn oude kast kwijt?"),
            ("frustration", "Hondenpoep op het grasveld waar de kinderen spelen."),
            ("idea", "Een kalender van de ophaaldagen in verschillende talen."),
            ("need", "Uitleg over sorteren, want het is anders dan in mijn vorige gemeente."),
            ("frustration", "De containers bij de appartementen zijn altijd te vol."),
            ("idea", "Een zakjesautomaat voor hondenpoep bij het grasveld."),
            ("question", "Mag het snoeiafval bij het restafval?"),
        ],
    ),
    "Spelen en jongeren": (
        "planned",
        "De woonmaatschappij zet in de zomer twee speeltoestellen en een bank bij het grasveld. "
        "We vragen de jongeren zelf mee te kiezen.",
        [
            ("need", "Een speeltuin voor de kleine kinderen, er is niets in de buurt."),
            ("idea", "Een voetbalveldje met twee doeltjes op het grasveld."),
            (
                "frustration",
                "Jongeren hangen 's avonds rond bij de fietsenstalling en maken lawaai.",
            ),
            ("idea", "Een bank bij de speelplek zodat ouders kunnen zitten."),
            ("need", "Iets voor tieners, zij vervelen zich hier."),
            ("question", "Mogen de kinderen op straat spelen met de bal?"),
            ("idea", "Een speelstraat in de zomervakantie."),
            ("need", "Een veilige plek om te fietsen voor de kinderen."),
            ("idea", "Een zandbak en een schommel voor de peuters."),
            (
                "frustration",
                "Er is geen enkele plek waar kinderen mogen spelen zonder dat iemand klaagt.",
            ),
            ("idea", "Een basketbalring voor de grotere kinderen."),
        ],
    ),
    "Elkaar leren kennen": (
        "done",
        "We organiseerden een plantenruil, een huisdierenwedstrijd en een winterdrink met warme "
        "wensen. Het buurtcomité zoekt nog helpende handen voor de volgende activiteit.",
        [
            ("need", "Ik ken mijn buren nog niet, iedereen is nieuw."),
            ("idea", "Een buurtfeest in de zomer, met eten uit alle landen."),
            ("idea", "Een nieuwjaarsdrink om elkaar te leren kennen."),
            ("need", "Een plek waar we elkaar kunnen ontmoeten, een buurthuis of een lokaal."),
            ("idea", "Een wedstrijd voor de huisdieren, dat is leuk voor de kinderen."),
            ("question", "Is er een WhatsApp-groep van de buurt?"),
            ("idea", "Samen koken, iedereen brengt een gerecht van thuis mee."),
            ("need", "Iemand die helpt met Nederlands, ik wil mijn buren beter verstaan."),
            ("idea", "Een rommelmarkt in de straat."),
            ("frustration", "Niemand groet hier, dat vind ik jammer."),
            ("idea", "Een welkomstpakket voor nieuwe bewoners met info over de buurt."),
            ("need", "Activiteiten voor ouderen, overdag."),
            ("idea", "Een boekenkastje waar je boeken kunt ruilen."),
            ("question", "Kan ik helpen om iets te organiseren?"),
        ],
    ),
    "Onderhoud van de woningen": (
        "planned",
        "Een technicus bezoekt in februari alle woningen met vochtproblemen. Meldingen kan je "
        "voortaan ook via Samen doen; we antwoorden binnen vijf werkdagen.",
        [
            ("frustration", "Er is schimmel in de badkamer, al sinds we erin wonen."),
            ("question", "Wie moet het afvoerputje buiten ontstoppen, ik of de woonmaatschappij?"),
            ("frustration", "De verwarming werkt niet goed in de slaapkamer."),
            ("need", "Een duidelijk telefoonnummer voor herstellingen."),
            (
                "frustration",
                "Ik heb mijn melding over het raam drie keer doorgegeven, er gebeurt niets.",
            ),
            ("question", "Mag ik zelf een zonnescherm hangen?"),
            ("frustration", "Het deurbelletje van de appartementen werkt al weken niet."),
            ("need", "Uitleg over hoe de ventilatie werkt, we weten het niet."),
            ("idea", "Een vaste dag per maand waarop een technicus in de wijk is."),
            ("frustration", "Vocht aan de muren in de kelderberging."),
            ("question", "Wat moet ik zelf onderhouden en wat doet de huisbaas?"),
            ("frustration", "De voordeur sluit niet goed, er komt koude lucht binnen."),
        ],
    ),
    "Veiligheid en verlichting": (
        "explained",
        "Extra straatlampen op het pad kunnen niet dit jaar: de gemeente beslist over de "
        "verlichting. We vroegen het aan en houden je op de hoogte.",
        [
            ("need", "Meer licht op het pad naar de bushalte, 's avonds is het donker."),
            ("frustration", "Er zijn fietsen gestolen uit de fietsenstalling."),
            ("idea", "Een lamp met bewegingsmelder bij de bergingen."),
            ("need", "Ik voel me 's avonds niet veilig als ik alleen naar huis kom."),
            ("question", "Kan er een camera komen bij de fietsenstalling?"),
            ("frustration", "De straatlamp voor nummer 12 is al een maand kapot."),
            ("idea", "Een buurt-WhatsApp om elkaar te waarschuwen."),
            ("need", "Een slot op de deur van de fietsenberging."),
        ],
    ),
    "Geluid en samenleven": (
        "done",
        "Het buurtcomité schreef samen met bewoners vijf afspraken over samenleven, zoals stilte "
        "na tien uur. Ze hangen in de inkomhal en staan op de wijkpagina.",
        [
            ("frustration", "De buren boven maken 's nachts veel lawaai."),
            ("idea", "Afspraken maken over stilte na tien uur 's avonds."),
            ("frustration", "Honden die de hele dag blaffen als de baasjes weg zijn."),
            ("question", "Wat kan ik doen als mijn buren te veel lawaai maken?"),
            ("need", "Iemand die helpt als er ruzie is tussen buren."),
            ("frustration", "Muziek op het terras tot laat in de nacht."),
            ("idea", "Een bemiddelaar voor als buren ruzie hebben."),
            ("frustration", "Mensen roken in de gemeenschappelijke inkomhal."),
        ],
    ),
}

# Not yet in a theme, including other languages (so the suggester has work to do).
UNTHEMED: list[tuple[str, str, str]] = [
    ("idea", "Een gezamenlijke barbecue op het grasveld in juni.", "nl"),
    ("question", "Komt er een bushalte dichter bij de wijk?", "nl"),
    ("need", "Een plek om fietsen te herstellen, met een pomp.", "nl"),
    ("frustration", "De brievenbussen bij de appartementen zijn te klein voor pakjes.", "nl"),
    ("idea", "Une fête des voisins avec de la musique et des plats de tous les pays.", "fr"),
    (
        "frustration",
        "Les voitures roulent trop vite dans la rue, c'est dangereux pour les enfants.",
        "fr",
    ),
    ("need", "We need a playground for small children near the houses.", "en"),
    ("idea", "A swap shop for clothes and toys would be great for families.", "en"),
    ("need", "نحتاج إلى مكان يلعب فيه الأطفال بأمان", "ar"),
    ("idea", "Komşularla birlikte yemek yapmak ve tanışmak güzel olur.", "tr"),
    ("frustration", "Za dużo śmieci wokół kontenerów, nikt tego nie sprząta.", "pl"),
    ("question", "Is er een huisarts die nieuwe patiënten neemt in Sint-Lenaarts?", "nl"),
    ("idea", "Een deelauto voor de buurt, dan hebben we minder auto's nodig.", "nl"),
    ("need", "Een bank om te rusten halverwege het wandelpad, voor de ouderen.", "nl"),
    ("frustration", "De wifi in de inkomhal werkt niet, terwijl dat beloofd was.", "nl"),
    ("idea", "Een kerstmarktje met zelfgemaakte dingen van de bewoners.", "nl"),
    ("need", "Een plek om de fiets droog te zetten bij de appartementen.", "nl"),
    ("question", "Kunnen we de gemeenschappelijke zaal huren voor een verjaardag?", "nl"),
    ("idea", "Een repair café waar buren samen dingen herstellen.", "nl"),
    ("frustration", "De bus rijdt maar één keer per uur, dat is te weinig.", "nl"),
    ("idea", "Een buurtbibliotheek in de inkomhal.", "nl"),
    ("need", "Hulp bij het invullen van papieren, ik versta de brieven niet.", "nl"),
    ("idea", "Samen wandelen op zondag, met de honden.", "nl"),
    ("question", "Wanneer komt de glasvezel in de wijk?", "nl"),
    ("frustration", "Er rijden scooters over het wandelpad.", "nl"),
    ("idea", "Een tekenwedstrijd voor de kinderen over de nieuwe wijk.", "nl"),
    ("need", "Een oppas die we kunnen vragen als we moeten werken.", "nl"),
    ("idea", "Un atelier de cuisine entre voisins, une fois par mois.", "fr"),
]

CHANNELS = ["stand", "postcard", "door_to_door", "online", "stand", "postcard", "meeting", "phone"]


def load(ctx: DemoContext) -> None:
    """Make Kapelakker's contributions (Oct 2021 – Feb 2022), themes, answers and volunteers."""
    neighbourhood = ctx.objects["neighbourhood"]
    households = ctx.objects["households"]
    residents = ctx.objects["residents"]
    facilitator = ctx.objects["facilitator"]
    housing = ctx.objects["housing_staff"]
    rng = ctx.rng
    by_household = {}
    for resident in residents:
        by_household.setdefault(resident.household_id, resident)
    start = datetime.datetime(2021, 10, 9, 10, 0, tzinfo=timezone.get_current_timezone())
    # About two in three households are reached; the rest waits for the door-to-door round.
    reached = [h for i, h in enumerate(households) if i % 3 != 2]
    made: list[tuple[str | None, Contribution]] = []
    items = [
        (title, kind, text, "nl") for title, (_s, _a, rows) in THEMES.items() for kind, text in rows
    ]
    items += [(None, kind, text, language) for kind, text, language in UNTHEMED]
    rng.shuffle(items)
    for index, (title, kind, text, language) in enumerate(items):
        channel = CHANNELS[index % len(CHANNELS)]
        household = reached[index % len(reached)] if index % 9 else None
        author = by_household.get(household.pk) if (household and channel == "online") else None
        if channel == "online" and author is None:
            channel = "postcard"
        contribution = contribution_create(
            neighbourhood=neighbourhood,
            data=ContributionInput(
                kind=kind,
                text=text,
                channel=channel,
                household=household,
                street="" if household else rng.choice(["Kapelakker", "Sint-Lenaartsveld"]),
                language=language,
                consent_named=bool(author) and index % 4 == 0,
            ),
            author=author,
            entered_by=None if author else facilitator,
        )
        moment = start + datetime.timedelta(days=index * 115 // len(items), hours=index % 7)
        Contribution.objects.filter(pk=contribution.pk).update(
            created_at=moment, updated_at=moment, phase=ctx.objects["exploration"]
        )
        made.append((title, contribution))
    for title, (status, answer, _rows) in THEMES.items():
        theme = theme_create(neighbourhood=neighbourhood, title=title, actor=facilitator)
        contributions_assign(
            neighbourhood=neighbourhood,
            contribution_ids=[c.pk for t, c in made if t == title],
            theme=theme,
        )
        theme_answer(theme=theme, text=answer, status=status, actor=housing)
    ThemeResponse.objects.filter(theme__neighbourhood=neighbourhood).update(
        created_at=datetime.datetime(2022, 2, 10, tzinfo=timezone.get_current_timezone())
    )
    volunteers = [
        ("Fatima", ["committee", "activities"], "Ik wil graag in het buurtcomité.", "online"),
        ("Jef", ["committee"], "Ik was vroeger penningmeester van de voetbalclub.", "stand"),
        ("Elif", ["activities"], "Ik kan koken voor een buurtfeest.", "online"),
        ("Mamadou", ["activities", "task"], "Ik kan helpen met opbouwen en muziek.", "stand"),
        ("Griet", ["task"], "Ik ken veel van planten, ik help met de plantenruil.", "postcard"),
        ("Tom", ["committee", "task"], "Ik maak graag de nieuwsbrief.", "online"),
        ("Olena", ["activities"], "Ik kan Oekraïens en Russisch vertalen.", "door_to_door"),
        ("Rachid", ["task"], "Ik help met de opruimdag.", "stand"),
        ("Hanna", ["activities"], "Ik kan knutselen met de kinderen.", "postcard"),
        ("Kwame", ["committee"], "Ik wil meedenken over de speelplek.", "meeting"),
    ]
    for name, areas, detail, channel in volunteers:
        resident = next((r for r in residents if r.display_name == name), None)
        volunteer_create(
            neighbourhood=neighbourhood,
            areas=areas,
            detail=detail,
            name=name,
            channel=channel,
            resident=resident if channel == "online" else None,
            household=resident.household if resident else None,
            entered_by=None if channel == "online" else facilitator,
        )
    feedback_conclusion_save(
        neighbourhood=neighbourhood,
        conclusion=(
            "We hoorden 32 van de 48 huishoudens, vooral aan het standje en met de kaartjes. "
            "Online kwam weinig binnen; het standje en de huisbezoeken werken hier beter. "
            "Er is genoeg betrokkenheid om verder te gaan: tien bewoners willen helpen, "
            "vier willen in het buurtcomité. Bewoners vragen vooral om elkaar te leren kennen, "
            "om groen en om duidelijke afspraken over parkeren en afval."
        ),
        actor=facilitator,
    )
    ctx.objects["themes"] = list(Theme.objects.filter(neighbourhood=neighbourhood))
    # A finished suggestion run over the input that is in no theme yet, ready to decide on.
    from samen.listening.models import SuggestionRun
    from samen.listening.services_suggest import suggestion_run_execute

    run = SuggestionRun.objects.create(neighbourhood=neighbourhood, requested_by=facilitator)
    suggestion_run_execute(run_id=run.pk)
