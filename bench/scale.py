"""The scale data generator: many neighbourhoods, households and residents, fast (bulk inserts)."""

import random

from samen.neighbourhoods.models import (
    Household,
    Neighbourhood,
    Organisation,
    Resident,
    new_join_code,
)

FIRST_NAMES = [
    "Amina",
    "Jef",
    "Fatima",
    "Lotte",
    "Mehmet",
    "Olena",
    "Youssef",
    "Griet",
    "Kwame",
    "Ionela",
    "Rachid",
    "Sofie",
    "Abdi",
    "Hanna",
    "Bilal",
    "Veerle",
    "Tatiana",
    "Stijn",
    "Nour",
    "Emine",
]
STREETS = ["Kapelakker", "Sint-Lenaartsveld", "Hoefijzerstraat", "Boomgaardlaan", "Molenweg"]


def grow(
    *, organisation: Organisation, neighbourhoods: int, households_each: int, seed: int = 1
) -> None:
    """Add `neighbourhoods` neighbourhoods of `households_each` households with residents."""
    rng = random.Random(seed)
    start = Neighbourhood.objects.count()
    made = Neighbourhood.objects.bulk_create(
        [
            Neighbourhood(
                organisation=organisation,
                name=f"Schaalwijk {start + i}",
                slug=f"schaal-{start + i}",
                municipality="Brecht",
            )
            for i in range(neighbourhoods)
        ]
    )
    codes: set[str] = set(Household.objects.values_list("join_code", flat=True))
    households = []
    for neighbourhood in made:
        for n in range(households_each):
            code = new_join_code()
            while code in codes:
                code = new_join_code()
            codes.add(code)
            households.append(
                Household(
                    neighbourhood=neighbourhood,
                    street=STREETS[n % len(STREETS)],
                    number=str(n + 1),
                    number_sort=n + 1,
                    join_code=code,
                )
            )
    Household.objects.bulk_create(households, batch_size=2000)
    residents = [
        Resident(
            household=household,
            display_name=rng.choice(FIRST_NAMES),
            languages=["nl"],
            listed=rng.random() < 0.5,
        )
        for household in Household.objects.filter(neighbourhood__in=made).only("id")
        for _ in range(rng.randint(1, 3))
    ]
    Resident.objects.bulk_create(residents, batch_size=2000)


def grow_neighbourhood(*, neighbourhood: Neighbourhood, households: int, seed: int = 2) -> None:
    """Add `households` households (with residents) to one neighbourhood."""
    rng = random.Random(seed)
    codes: set[str] = set(Household.objects.values_list("join_code", flat=True))
    rows = []
    for n in range(households):
        code = new_join_code()
        while code in codes:
            code = new_join_code()
        codes.add(code)
        rows.append(
            Household(
                neighbourhood=neighbourhood,
                street=f"Groeistraat {n // 100}",
                number=str(n % 100 + 1),
                number_sort=n % 100 + 1,
                join_code=code,
            )
        )
    made = Household.objects.bulk_create(rows, batch_size=2000)
    Resident.objects.bulk_create(
        [Resident(household=h, display_name=rng.choice(FIRST_NAMES), listed=True) for h in made],
        batch_size=2000,
    )


def grow_contributions(*, neighbourhood: Neighbourhood, count: int, seed: int = 3) -> None:
    """Add `count` contributions spread over the neighbourhood's households and themes."""
    from samen.listening.models import Contribution, Theme

    rng = random.Random(seed)
    household_ids = list(
        Household.objects.filter(neighbourhood=neighbourhood).values_list("id", flat=True)
    )
    theme_ids = list(Theme.objects.filter(neighbourhood=neighbourhood).values_list("id", flat=True))
    words = ["parkeren", "speeltuin", "afval", "groen", "buren", "lawaai", "licht", "veilig"]
    rows = []
    for n in range(count):
        theme_id = rng.choice(theme_ids) if theme_ids and n % 3 else None
        rows.append(
            Contribution(
                neighbourhood=neighbourhood,
                kind=rng.choice(["question", "frustration", "idea", "need"]),
                text=f"Bijdrage {n} over {rng.choice(words)} en {rng.choice(words)} in de wijk.",
                channel=rng.choice(["stand", "postcard", "online", "door_to_door"]),
                language="nl",
                household_id=rng.choice(household_ids) if n % 4 else None,
                street="Kapelakker",
                theme_id=theme_id,
                status="themed" if theme_id else "new",
            )
        )
    Contribution.objects.bulk_create(rows, batch_size=2000)
