"""factory_boy factories for Samen's models."""

import datetime

import factory
from factory.django import DjangoModelFactory

from samen.accounts.models import User
from samen.neighbourhoods.models import (
    Household,
    Neighbourhood,
    NeighbourhoodRole,
    Organisation,
    OrganisationMembership,
    Resident,
    Role,
)
from samen.trajectories.models import Phase, Track, Trajectory

PASSWORD = "een-goed-wachtwoord-42"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"staff{n}@example.org")
    display_name = factory.Faker("name", locale="nl_BE")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Woonmaatschappij {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = Organisation.Kind.HOUSING_COMPANY


class NeighbourhoodFactory(DjangoModelFactory):
    class Meta:
        model = Neighbourhood

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.Sequence(lambda n: f"wijk-{n}")
    municipality = "Brecht"
    sub_municipality = "Sint-Lenaarts"


class HouseholdFactory(DjangoModelFactory):
    class Meta:
        model = Household

    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    street = "Kapelstraat"
    number = factory.Sequence(lambda n: str(n + 1))
    postal_code = "2960"


class ResidentFactory(DjangoModelFactory):
    class Meta:
        model = Resident

    household = factory.SubFactory(HouseholdFactory)
    display_name = factory.Faker("first_name", locale="nl_BE")
    languages = factory.LazyFunction(lambda: ["nl"])
    user = factory.SubFactory(
        UserFactory, email=None, password=None, display_name=factory.SelfAttribute("..display_name")
    )


def staff_user(neighbourhood: Neighbourhood, role: str, **kwargs) -> User:
    """Make a staff user with `role` in `neighbourhood` (through the right membership)."""
    user = UserFactory(**kwargs)
    if role == Role.HOUSING_STAFF:
        OrganisationMembership.objects.create(organisation=neighbourhood.organisation, user=user)
    elif role == Role.ORGANISATION_ADMIN:
        OrganisationMembership.objects.create(
            organisation=neighbourhood.organisation, user=user, is_admin=True
        )
    else:
        NeighbourhoodRole.objects.create(neighbourhood=neighbourhood, user=user, role=role)
    return user


class TrajectoryFactory(DjangoModelFactory):
    class Meta:
        model = Trajectory

    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    title = "Samen in de wijk"
    question = "Hoe willen we samenleven?"


class PhaseFactory(DjangoModelFactory):
    class Meta:
        model = Phase

    trajectory = factory.SubFactory(TrajectoryFactory)
    type = "exploration"
    title = "Verkenning"
    starts_on = datetime.date(2021, 10, 1)
    ends_on = datetime.date(2022, 2, 28)


class TrackFactory(DjangoModelFactory):
    class Meta:
        model = Track

    phase = factory.SubFactory(PhaseFactory, type="follow_up", title="Vervolg")
    key = factory.Sequence(lambda n: f"track-{n}")
    title = "Verbindende acties"
