"""Roles come from the right places, and the queryset side agrees with the per-object rule."""

import pytest

from samen.neighbourhoods.models import Role
from samen.neighbourhoods.selectors import (
    neighbourhoods_managed_by,
    neighbourhoods_visible_to,
    roles_of,
)
from tests.factories import NeighbourhoodFactory, OrganisationFactory, UserFactory, staff_user


def test_each_user_has_the_role_of_the_fixture(neighbourhood, users):
    expected = {
        "resident": {Role.RESIDENT},
        "committee_member": {Role.RESIDENT, Role.COMMITTEE_MEMBER},
        "facilitator": {Role.FACILITATOR},
        "housing_staff": {Role.HOUSING_STAFF},
        "organisation_admin": {Role.ORGANISATION_ADMIN, Role.HOUSING_STAFF},
        "outsider": set(),
    }
    for name, roles in expected.items():
        assert roles_of(user=users[name], neighbourhood=neighbourhood) == roles, name


def test_housing_staff_see_every_neighbourhood_of_their_company_only(neighbourhood, users):
    sibling = NeighbourhoodFactory(organisation=neighbourhood.organisation)
    other = NeighbourhoodFactory()
    visible = set(neighbourhoods_visible_to(user=users["housing_staff"]))
    assert visible == {neighbourhood, sibling}
    assert other not in visible


def test_partner_organisation_admin_manages_partner_neighbourhoods(neighbourhood):
    partner = OrganisationFactory(kind="community_organisation")
    neighbourhood.partners.add(partner)
    user = UserFactory()
    from samen.neighbourhoods.models import OrganisationMembership

    OrganisationMembership.objects.create(organisation=partner, user=user, is_admin=True)
    assert roles_of(user=user, neighbourhood=neighbourhood) == {Role.ORGANISATION_ADMIN}


@pytest.mark.parametrize("perm", ["neighbourhoods.view_home", "neighbourhoods.view_households"])
def test_visible_selectors_agree_with_the_rules(neighbourhood, users, perm):
    others = [NeighbourhoodFactory(), NeighbourhoodFactory(organisation=neighbourhood.organisation)]
    for user in users.values():
        listed = set(
            neighbourhoods_visible_to(user=user)
            if perm.endswith("view_home")
            else [n for n in neighbourhoods_managed_by(user=user) if user.has_perm(perm, n)]
        )
        for candidate in [neighbourhood, *others]:
            assert (candidate in listed) == user.has_perm(perm, candidate), (user, candidate)


def test_roles_cost_a_fixed_number_of_queries(neighbourhood, django_assert_max_num_queries):
    user = staff_user(neighbourhood, Role.ORGANISATION_ADMIN)
    for _ in range(20):
        NeighbourhoodFactory(organisation=neighbourhood.organisation)
    user = type(user).objects.get(pk=user.pk)
    with django_assert_max_num_queries(1):
        for _ in range(5):
            roles_of(user=user, neighbourhood=neighbourhood)
