"""Demo data: the housing company, the community organisation and Kapelakker's 48 households."""

from samen.accounts.models import User
from samen.core.demo import DEMO_PASSWORD, DEMO_SLUG, DemoContext, DemoLogin
from samen.neighbourhoods.models import Household, Neighbourhood, Organisation, Role
from samen.neighbourhoods.services import (
    household_create,
    membership_set,
    neighbourhood_create,
    organisation_create,
    resident_account,
    resident_create,
    role_assign,
)

# Two households have fixed codes so the README can list them as demo logins.
RESIDENT_CODE = "KAPEAKR3"
COMMITTEE_CODE = "BUURTC4M"
# A resident of Molenveld, where the exploration runs today (so input can be given online).
MOLENVELD_CODE = "MNVE7D4K"
MOLENVELD_SLUG = "molenveld"

STREETS = [
    # (street, house numbers, boxes per number)
    ("Kapelakker", [str(n) for n in range(1, 21)], [""]),
    ("Sint-Lenaartsveld", [str(n) for n in range(2, 26, 2)], [""]),
    ("Hoefijzerstraat", ["7", "9"], ["1", "2", "3", "4", "5"]),
    ("Boomgaardlaan", ["1", "3", "5", "7", "9", "11"], [""]),
]

# (name, languages, e-mail?, listed?) per household; None = not joined yet.
HOUSEHOLDS = [
    [("Marleen", ["nl"], True, True), ("Dirk", ["nl"], False, True)],
    [("Youssef", ["ar", "nl", "fr"], True, True), ("Samira", ["ar", "nl"], False, False)],
    [("Fatima", ["nl", "ar", "fr"], True, True), ("Karim", ["nl", "ar"], False, True)],
    [("Agnieszka", ["pl", "nl"], True, False)],
    None,
    [("Jef", ["nl"], False, True), ("Maria", ["nl"], False, True)],
    [("Mehmet", ["tr", "nl"], False, True), ("Elif", ["tr", "nl", "en"], True, True)],
    [("Sofie", ["nl", "en"], True, True)],
    None,
    [("Abdi", ["so", "en"], False, False)],
    [("Nadia", ["fr", "nl"], True, True), ("Patrick", ["fr"], False, False)],
    [("Tom", ["nl"], True, True), ("Ilse", ["nl"], False, True)],
    [("Olena", ["uk", "ru"], False, False)],
    None,
    [("Rachid", ["ar", "nl"], False, True)],
    [("Gert", ["nl"], False, False), ("Annick", ["nl"], True, True)],
    [("Merhawi", ["ti", "en"], False, False), ("Saba", ["ti"], False, False)],
    [("Lieve", ["nl"], True, True)],
    None,
    [("Bart", ["nl", "en"], True, True)],
    [("Aylin", ["tr", "nl"], True, True)],
    [("Ahmad", ["prs", "en"], False, False), ("Zahra", ["prs"], False, False)],
    [("Kris", ["nl"], False, True)],
    [("Ionela", ["ro", "en"], True, False)],
    None,
    [("Jan", ["nl"], False, True), ("Rita", ["nl"], False, True)],
    [("Mamadou", ["fr", "en"], True, True)],
    [("Hanna", ["de", "nl"], True, True)],
    None,
    [("Ilyas", ["nl", "ar"], True, True)],
    [("Dorota", ["pl"], False, False), ("Pawel", ["pl", "en"], True, False)],
    [("Chantal", ["fr", "nl"], False, True)],
    None,
    [("Stijn", ["nl"], True, True), ("Eva", ["nl", "en"], False, True)],
    [("Amina", ["so", "nl"], False, True)],
    [("Ludo", ["nl"], False, True)],
    None,
    [("Bilal", ["ps", "en"], False, False)],
    [("Griet", ["nl"], True, True)],
    [("Nour", ["ar", "fr"], True, False)],
    None,
    [("Wim", ["nl"], False, True), ("Leen", ["nl"], True, True)],
    [("Tatiana", ["bg", "ru"], False, False)],
    [("Hamza", ["ar", "nl"], True, True)],
    None,
    [("Veerle", ["nl"], True, True)],
    [("Kwame", ["en", "fr"], True, True)],
    [("Emine", ["tr"], False, False)],
]


def _staff(email: str, name: str) -> User:
    user = User.objects.create_user(email=email, password=DEMO_PASSWORD, display_name=name)
    return user


def load(ctx: DemoContext) -> None:
    """Make the organisations, staff, Kapelakker's households and residents."""
    company = organisation_create(
        name="Kempense Woonmaatschappij",
        kind=Organisation.Kind.HOUSING_COMPANY,
        slug="demo-kempense-woonmaatschappij",
    )
    community = organisation_create(
        name="Buurtwerk Noorderkempen",
        kind=Organisation.Kind.COMMUNITY_ORGANISATION,
        slug="demo-buurtwerk-noorderkempen",
    )
    kapelakker = neighbourhood_create(
        organisation=company,
        name="Kapelakker",
        slug=DEMO_SLUG,
        municipality="Brecht",
        sub_municipality="Sint-Lenaarts",
        introduction=(
            "Kapelakker is een nieuwe wijk met 48 sociale woningen in Sint-Lenaarts. "
            "Alle bewoners zijn nieuw. Samen maken we er een fijne buurt van."
        ),
    )
    kapelakker.partners.add(community)

    facilitator = _staff("lotte@buurtwerk.example", "Lotte Verhaegen")
    membership_set(organisation=community, user=facilitator)
    role_assign(neighbourhood=kapelakker, user=facilitator, role=Role.FACILITATOR, actor=None)
    community_admin = _staff("jonas@buurtwerk.example", "Jonas Claes")
    membership_set(organisation=community, user=community_admin, is_admin=True)
    housing = _staff("koen@kempense.example", "Koen Van den Broeck")
    membership_set(organisation=company, user=housing)
    admin = _staff("sarah@kempense.example", "Sarah Peeters")
    membership_set(organisation=company, user=admin, is_admin=True)

    addresses = [
        (street, number, box)
        for street, numbers, boxes in STREETS
        for number in numbers
        for box in boxes
    ]
    households: list[Household] = []
    residents = []
    for index, (street, number, box) in enumerate(addresses):
        people = HOUSEHOLDS[index % len(HOUSEHOLDS)]
        language = people[0][1][0] if people else "nl"
        household = household_create(
            neighbourhood=kapelakker,
            street=street,
            number=number,
            box=box,
            postal_code="2960",
            tenant_ref=f"KA-{index + 1:04d}",
            language=language if language in {"nl", "fr", "en", "ar", "tr", "pl"} else "nl",
        )
        households.append(household)
        for name, languages, has_email, listed in people or []:
            resident = resident_create(
                household=household,
                display_name=name,
                languages=languages,
                listed=listed,
                email=f"{name.lower()}@bewoner.example" if has_email else "",
            )
            residents.append(resident)
    # Fixed codes for the README's demo logins.
    Household.objects.filter(pk=households[2].pk).update(join_code=COMMITTEE_CODE)
    Household.objects.filter(pk=households[1].pk).update(join_code=RESIDENT_CODE)
    fatima = next(r for r in residents if r.display_name == "Fatima")
    role_assign(
        neighbourhood=kapelakker,
        user=resident_account(resident=fatima),
        role=Role.COMMITTEE_MEMBER,
        actor=None,
    )
    for name in ("Jef", "Elif", "Tom", "Mamadou", "Griet"):
        member = next(r for r in residents if r.display_name == name)
        role_assign(
            neighbourhood=kapelakker,
            user=resident_account(resident=member),
            role=Role.COMMITTEE_MEMBER,
            actor=None,
        )
    molenveld = neighbourhood_create(
        organisation=company,
        name="Molenveld",
        slug=MOLENVELD_SLUG,
        municipality="Brecht",
        introduction="Molenveld heeft 18 nieuwe sociale woningen. We starten net met luisteren.",
    )
    molenveld.partners.add(community)
    role_assign(neighbourhood=molenveld, user=facilitator, role=Role.FACILITATOR, actor=None)
    molenveld_households = []
    for number in range(1, 19):
        household = household_create(
            neighbourhood=molenveld,
            street="Molenveld",
            number=str(number),
            postal_code="2960",
            tenant_ref=f"MV-{number:04d}",
        )
        molenveld_households.append(household)
    Household.objects.filter(pk=molenveld_households[0].pk).update(join_code=MOLENVELD_CODE)
    for household, name, languages in (
        (molenveld_households[0], "Sanne", ["nl", "en"]),
        (molenveld_households[1], "Yusuf", ["ar", "nl"]),
        (molenveld_households[3], "Ewa", ["pl", "nl"]),
    ):
        resident_create(household=household, display_name=name, languages=languages, listed=True)
    ctx.objects["molenveld"] = molenveld
    ctx.objects.update(
        company=company,
        community=community,
        neighbourhood=kapelakker,
        households=households,
        residents=residents,
        facilitator=facilitator,
        housing_staff=housing,
        org_admin=admin,
    )


def logins() -> list[DemoLogin]:
    """Return one login per role for the README and the console."""
    kapelakker = Neighbourhood.objects.get(slug=DEMO_SLUG)
    return [
        DemoLogin("resident", "code", "KAPE-AKR3", f"/wijk/{kapelakker.slug}/thuis/ (Youssef)"),
        DemoLogin(
            "committee member", "code", "BUUR-TC4M", f"/wijk/{kapelakker.slug}/thuis/ (Fatima)"
        ),
        DemoLogin("community worker", "lotte@buurtwerk.example", DEMO_PASSWORD, "/beheer/"),
        DemoLogin("housing staff", "koen@kempense.example", DEMO_PASSWORD, "/beheer/"),
        DemoLogin("organisation admin", "sarah@kempense.example", DEMO_PASSWORD, "/beheer/"),
        DemoLogin(
            "resident, Molenveld", "code", "MNVE-7D4K", f"/wijk/{MOLENVELD_SLUG}/thuis/ (Sanne)"
        ),
        DemoLogin("visitor", "–", "–", f"/wijk/{kapelakker.slug}/"),
    ]
