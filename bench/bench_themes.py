"""Benchmark the theme suggester on 10,000 contributions: wall time and peak memory.

Usage: python -m bench.bench_themes [--count 10000] [--seed 7]

The contributions are synthetic but realistic: Dutch sentences about eight subjects a new
neighbourhood talks about (parking, speeding, the playground, waste, green, noise, meeting the
neighbours, maintenance of the homes), with about 5 % in French, English, Arabic, Turkish and
Polish. Everything comes from a fixed seed, so every run measures the same input. No database
is used: this measures `samen.listening.text.suggest_themes` itself, as the background task
runs it.
"""

import argparse
import os
import random
import resource
import sys
import time
import tracemalloc
from collections import Counter

STREETS = [
    "de Kapelakkerstraat",
    "het Lindeplein",
    "de Berkenlaan",
    "de Molenweg",
    "het Kerkepad",
    "de Vlasstraat",
    "de Hofakker",
]
PLACES = [
    "de ingang van het blok",
    "de hoek bij de bakker",
    "het pleintje",
    "de fietsenstalling",
    "blok C",
    "de achterkant van de garages",
]
OPENERS = ["", "", "", "Hallo, ", "Goeiedag, ", "Ik vind dat ", "Eerlijk gezegd: ", "Vraagje: "]
CLOSERS = ["", "", "", " Alvast bedankt.", " Dat zou echt fijn zijn.", " Dit duurt al maanden."]

# Sentences per subject; {street} and {place} are filled in from the lists above.
TOPICS: dict[str, list[str]] = {
    "parkeren": [
        "Er zijn te weinig parkeerplaatsen in {street}.",
        "Bezoekers parkeren altijd voor onze garage.",
        "Auto's staan op het voetpad geparkeerd, met de kinderwagen kan ik er niet door.",
        "Kunnen er extra parkeerplaatsen komen bij {place}?",
        "De bestelwagens van de firma's nemen alle parkeerplaatsen in.",
        "Ik vind 's avonds nooit een plek om mijn auto te parkeren.",
        "Er moet een parking komen voor de bewoners, met een parkeerkaart.",
        "Wagens parkeren dubbel in {street} en blokkeren de garage.",
    ],
    "verkeer": [
        "Auto's rijden veel te snel door {street}.",
        "Er moeten verkeersdrempels komen, het verkeer is gevaarlijk voor de kinderen.",
        "Een zone 30 en een snelheidscontrole in {street} zouden helpen.",
        "Brommers racen 's avonds met hoge snelheid door de wijk.",
        "Het oversteken aan {place} is gevaarlijk, er is geen zebrapad.",
        "Chauffeurs rijden te snel en letten niet op de spelende kinderen.",
        "Kan er een flitspaal of een drempel komen tegen het snelle verkeer?",
    ],
    "speeltuin": [
        "De speeltuin heeft te weinig speeltoestellen.",
        "Een schommel en een glijbaan voor de kleine kinderen in de speeltuin.",
        "Waar kunnen de kinderen veilig spelen? De speeltuin is te ver.",
        "Een voetbalveldje of een speelplein voor de tieners.",
        "Het hek van de speeltuin aan {place} is kapot.",
        "Een zandbak en een bankje bij de speeltuin voor de ouders.",
        "De kinderen spelen op straat omdat er geen speelplein is.",
    ],
    "afval": [
        "Overal ligt zwerfvuil rond de containers aan {place}.",
        "De vuilnisbakken zijn altijd vol en het afval waait weg.",
        "Er wordt afval gedumpt aan {place}: sluikstort.",
        "Meer vuilnisbakken en een opruimactie met de buren tegen het zwerfvuil.",
        "De glascontainer is altijd vol, het glas staat ernaast.",
        "Hondenpoep en afval op het grasveld in {street}.",
        "Wie ruimt het afval op bij de containers?",
    ],
    "groen": [
        "Meer bomen en bloemen in de wijk.",
        "Een moestuin of samentuin op het grasveld zou fijn zijn.",
        "Het gras wordt te weinig gemaaid en de struiken groeien over het pad.",
        "Een plantenruil met stekjes, zodat we samen de tuintjes groen maken.",
        "Bloembakken aan {place} en meer groen tussen de blokken.",
        "Kunnen we samen bomen planten in {street}?",
        "De planten in de perkjes zijn dood, er moet nieuw groen komen.",
    ],
    "lawaai": [
        "Luide muziek 's nachts bij de buren, ik kan niet slapen.",
        "Blaffende honden de hele dag in {street}.",
        "Lawaai van feestjes in het weekend tot diep in de nacht.",
        "De geluidsoverlast van de jongeren op het pleintje 's avonds.",
        "Dunne muren: ik hoor alles van de buren, zelfs de televisie.",
        "Herrie van scooters en muziek aan {place} na middernacht.",
    ],
    "buren": [
        "Ik ken mijn buren nog niet, iedereen is nieuw.",
        "Een buurtfeest of barbecue om kennis te maken met de buren.",
        "Een koffiemoment voor nieuwe bewoners om elkaar te leren kennen.",
        "Samen iets organiseren zodat de buren elkaar ontmoeten.",
        "Een buurtcomité waar de bewoners samen beslissen.",
        "Een nieuwjaarsdrink op {place} om de buren te ontmoeten.",
        "Een ontmoetingsruimte waar buren samen koffie drinken.",
    ],
    "onderhoud": [
        "Er is schimmel in de badkamer van onze woning.",
        "De verwarming valt vaak uit en het is koud in huis.",
        "Het dak lekt bij regen, de woonmaatschappij komt niet herstellen.",
        "Wanneer komt de woonmaatschappij de ramen herstellen?",
        "De lift in blok C is al weken kapot.",
        "Vocht in de muren van de slaapkamer, wie komt dit herstellen?",
        "De deur van de inkomhal sluit niet, het slot is kapot.",
        "Een herstelling aanvragen bij de woonmaatschappij duurt te lang.",
    ],
}

# About 5 % of the input: the same subjects in other languages, as residents write them.
OTHER_LANGUAGES: dict[str, list[str]] = {
    "fr": [
        "Il n'y a pas assez de places de parking pour les habitants.",
        "Les voitures roulent trop vite dans la rue, c'est dangereux pour les enfants.",
        "Il faut plus de jeux pour les enfants dans le parc.",
        "Les poubelles sont toujours pleines, il y a des déchets partout.",
        "Trop de bruit la nuit, la musique des voisins.",
        "Il y a de l'humidité et des moisissures dans la salle de bain.",
    ],
    "en": [
        "There are not enough parking spaces near the building.",
        "Cars drive too fast in our street, it is dangerous for children.",
        "The playground needs more swings and slides for the kids.",
        "Rubbish everywhere around the containers, please more bins.",
        "I would like to meet my neighbours, maybe a neighbourhood party.",
        "The heating does not work and there is mould in the bathroom.",
    ],
    "ar": [
        "لا توجد أماكن كافية لركن السيارات.",
        "السيارات تسير بسرعة كبيرة في شارعنا وهذا خطر على الأطفال.",
        "نحتاج إلى ملعب للأطفال في الحي.",
        "القمامة في كل مكان حول الحاويات.",
        "أريد أن أتعرف على جيراني.",
    ],
    "tr": [
        "Sokağımızda arabalar çok hızlı gidiyor, çocuklar için tehlikeli.",
        "Park yeri yok, akşamları arabamı park edemiyorum.",
        "Çocuklar için daha fazla oyun alanı lazım.",
        "Konteynerlerin etrafında çok çöp var.",
        "Gece komşuların müziği çok yüksek.",
    ],
    "pl": [
        "Za mało miejsc parkingowych dla mieszkańców.",
        "Samochody jeżdżą za szybko, to niebezpieczne dla dzieci.",
        "Wszędzie leżą śmieci wokół kontenerów.",
        "W łazience jest pleśń i wilgoć.",
    ],
}


def contributions(count: int, seed: int) -> list[tuple[int, str, str | None]]:
    """Make `count` (id, text, language) contributions from the templates, with a fixed seed."""
    rng = random.Random(seed)
    subjects = sorted(TOPICS)
    languages = sorted(OTHER_LANGUAGES)
    made: list[tuple[int, str, str | None]] = []
    for number in range(1, count + 1):
        if rng.random() < 0.05:
            language = rng.choice(languages)
            made.append((number, rng.choice(OTHER_LANGUAGES[language]), language))
            continue
        subject = rng.choice(subjects)
        sentences = rng.sample(TOPICS[subject], k=rng.choice((1, 1, 2)))
        if rng.random() < 0.15:  # one in seven mixes in a second subject
            sentences.append(rng.choice(TOPICS[rng.choice(subjects)]))
        text = rng.choice(OPENERS) + " ".join(sentences) + rng.choice(CLOSERS)
        text = text.format(street=rng.choice(STREETS), place=rng.choice(PLACES))
        # As stored: the language was detected at entry, and left empty when unclear (2 %).
        made.append((number, text, None if rng.random() < 0.02 else "nl"))
    return made


def main(argv: list[str] | None = None) -> int:
    """Run the suggester three times (cold, warm, under tracemalloc) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samen.settings")
    import django

    django.setup()  # settings only (the resident languages); no database is touched
    from samen.listening.text import suggest_themes

    documents = contributions(args.count, args.seed)
    print(f"Theme suggestions over {len(documents):,} contributions", flush=True)

    # A fresh worker: the first run also imports scikit-learn and loads the dictionaries.
    started = time.perf_counter()
    result = suggest_themes(documents)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    warm_result = suggest_themes(documents)
    warm = time.perf_counter() - started

    tracemalloc.start()
    again = suggest_themes(documents)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    if sys.platform == "darwin":
        maxrss //= 1024

    print(f"  wall time, first run {cold:8.2f} s  (imports scikit-learn, loads dictionaries)")
    print(f"  wall time, next run  {warm:8.2f} s")
    print(f"  peak memory (Python) {peak / 2**20:8.1f} MiB  (tracemalloc, third run)")
    print(f"  max resident size    {maxrss / 1024:8.1f} MiB  (getrusage, whole process)")
    same = again == result == warm_result
    print(f"  same result 3 times  {'yes' if same else 'NO'}")
    placed = sum(len(suggestion.member_ids) for suggestion in result.suggestions)
    print(f"  in a suggestion      {placed:,}")
    reasons = Counter(reason for _pk, reason in result.left_out)
    print(f"  left out             {len(result.left_out):,}  {dict(sorted(reasons.items()))}")
    print(f"  suggestions          {len(result.suggestions)}")
    for suggestion in result.suggestions:
        print(f"    {len(suggestion.member_ids):6,}  {suggestion.label}")
    accounted = placed + len(result.left_out) == len({pk for pk, _t, _l in documents})
    return 0 if accounted and same else 1


if __name__ == "__main__":
    sys.exit(main())
