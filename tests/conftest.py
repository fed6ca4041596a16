"""Shared fixtures: one neighbourhood with a user for every role."""

import pytest

from samen.neighbourhoods.models import Role
from tests.factories import (
    HouseholdFactory,
    NeighbourhoodFactory,
    ResidentFactory,
    staff_user,
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached roles must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def neighbourhood(db):
    return NeighbourhoodFactory(name="Kapelakker", slug="kapelakker")


@pytest.fixture
def household(neighbourhood):
    return HouseholdFactory(neighbourhood=neighbourhood)


@pytest.fixture
def users(neighbourhood, household):
    """A user for every role in `neighbourhood`, plus a facilitator of another neighbourhood."""
    resident = ResidentFactory(household=household, display_name="Amina")
    committee = ResidentFactory(
        household=HouseholdFactory(neighbourhood=neighbourhood), display_name="Jef"
    )
    from samen.neighbourhoods.models import NeighbourhoodRole

    NeighbourhoodRole.objects.create(
        neighbourhood=neighbourhood, user=committee.user, role=Role.COMMITTEE_MEMBER
    )
    return {
        "resident": resident.user,
        "committee_member": committee.user,
        "facilitator": staff_user(neighbourhood, Role.FACILITATOR),
        "housing_staff": staff_user(neighbourhood, Role.HOUSING_STAFF),
        "organisation_admin": staff_user(neighbourhood, Role.ORGANISATION_ADMIN),
        "outsider": staff_user(NeighbourhoodFactory(), Role.FACILITATOR),
    }


@pytest.fixture
def english(settings):
    """For tests that read the English messages; the interface itself is Dutch by default."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
