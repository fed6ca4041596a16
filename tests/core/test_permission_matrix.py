"""The permission matrix: every URL × every role → the expected status.

The list of URLs comes from the URL configuration, so a new view without a row makes
`test_every_url_has_a_row` fail. Rows for the foundation live here; each later app adds its
own rows in `tests/<app>/matrix.py` (`MATRIX`, `build(world)` and `kwargs(name, world)`).
"""

import datetime
import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from samen.neighbourhoods.models import NeighbourhoodRole, Role, TenantImport
from tests.factories import PhaseFactory, TrackFactory, TrajectoryFactory

ROLES = [
    "anonymous",
    "resident",
    "committee_member",
    "facilitator",
    "housing_staff",
    "organisation_admin",
    "outsider",
]
# URL prefixes with their own access rules, tested elsewhere or by Django itself.
EXCLUDED_PREFIXES = ("django-admin/",)


def _all(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def _only(
    allowed: tuple[str, ...], ok: int = 200, anonymous: int = 302, other: int = 404
) -> dict[str, int]:
    result = {role: (ok if role in allowed else other) for role in ROLES}
    result["anonymous"] = anonymous
    return result


MEMBERS = ("resident", "committee_member", "facilitator", "housing_staff", "organisation_admin")
WORKERS = ("facilitator", "organisation_admin")
LOGGED_IN = tuple(r for r in ROLES if r != "anonymous")
RESIDENTS = ("resident", "committee_member")

# name: (method, expected statuses)
MATRIX: dict[str, tuple[str, dict[str, int]]] = {
    "core:home": ("get", _all(200)),
    "core:start": ("get", _only(LOGGED_IN, ok=302)),
    # Uploaded files: a folder no app registered is never served (per-kind checks: test_media).
    "core:media": ("get", _all(404)),
    "set_language": ("post", _all(302)),
    "accounts:login": ("get", _all(200)),
    "accounts:login_staff": ("get", _all(200)),
    "accounts:code": ("get", _all(200)),
    "accounts:code_who": ("get", _all(302)),  # without a checked code: back to the code page
    "accounts:code_link": ("get", _all(404)),  # an unknown code
    "accounts:magic_link_request": ("get", _all(200)),
    "accounts:magic_link": ("get", _all(400)),  # a wrong token
    "accounts:logout": ("post", _all(302)),
    "accounts:password_reset": ("get", _all(200)),
    "accounts:password_reset_done": ("get", _all(200)),
    "accounts:password_reset_confirm": ("get", _all(200)),  # shows "this link does not work"
    "accounts:password_reset_complete": ("get", _all(200)),
    "accounts:household": ("get", _only(RESIDENTS)),
    "accounts:household_member_add": ("get", _only(RESIDENTS)),
    "accounts:my_details": ("get", _only(RESIDENTS)),
    "accounts:my_data_download": ("get", _only(RESIDENTS)),
    "accounts:my_data_erase": ("get", _only(RESIDENTS)),
    "neighbourhoods:public": ("get", _all(200)),
    "neighbourhoods:home": ("get", _only(MEMBERS)),
    "neighbourhoods:directory": ("get", _only(MEMBERS)),
    "neighbourhoods:staff_overview": (
        "get",
        {
            **_only(("facilitator", "housing_staff", "organisation_admin", "outsider")),
            "resident": 302,
            "committee_member": 302,
        },
    ),
    "neighbourhoods:neighbourhood_create": ("get", _only(("organisation_admin",))),
    "neighbourhoods:household_list": ("get", _only(WORKERS)),
    "neighbourhoods:household_add": ("get", _only(WORKERS)),
    "neighbourhoods:household_detail": ("get", _only(WORKERS)),
    "neighbourhoods:household_renew_code": ("post", _only(WORKERS, ok=302)),
    "neighbourhoods:household_resident_add": ("post", _only(WORKERS, ok=400)),
    "neighbourhoods:team": ("get", _only(("organisation_admin",))),
    "neighbourhoods:audit_log": ("get", _only(("organisation_admin",))),
    "neighbourhoods:team_remove": ("post", _only(("organisation_admin",), ok=302)),
    "neighbourhoods:import_start": ("get", _only(WORKERS)),
    "neighbourhoods:import_detail": ("get", _only(WORKERS)),
    "trajectories:manage": ("get", _only(WORKERS)),
    "trajectories:detail": ("get", _only(WORKERS)),
    "trajectories:phase_edit": ("get", _only(WORKERS)),
    "trajectories:track_remove": ("post", _only(WORKERS, ok=302)),
}


def _app_matrices() -> list:
    """Find `tests/<app>/matrix.py` modules."""
    import tests

    modules = []
    for info in pkgutil.iter_modules(tests.__path__):
        if info.ispkg:
            try:
                modules.append(importlib.import_module(f"tests.{info.name}.matrix"))
            except ModuleNotFoundError as error:
                if error.name != f"tests.{info.name}.matrix":
                    raise
    return modules


APP_MATRICES = _app_matrices()
for _module in APP_MATRICES:
    MATRIX.update(_module.MATRIX)


def _url_names(
    resolver: URLResolver, namespace: str = "", prefix: str = ""
) -> list[tuple[str, str]]:
    names = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(EXCLUDED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names.extend(_url_names(entry, inner, route))
        elif isinstance(entry, URLPattern):
            names.append((f"{namespace}{entry.name}" if entry.name else route, route))
    return names


def test_every_url_has_a_row():
    """A new view cannot be left out of the matrix."""
    names = {name for name, _route in _url_names(get_resolver())}
    assert names - MATRIX.keys() == set(), "add these URLs to MATRIX"
    assert MATRIX.keys() - names == set(), "these MATRIX rows have no URL"


@pytest.fixture
def world(neighbourhood, household, users):
    """The objects every URL needs."""
    phase = PhaseFactory(
        trajectory=TrajectoryFactory(neighbourhood=neighbourhood),
        type="follow_up",
        starts_on=datetime.date(2022, 2, 1),
        ends_on=datetime.date(2022, 12, 31),
    )
    track = TrackFactory(phase=phase)
    tenant_import = TenantImport.objects.create(
        neighbourhood=neighbourhood, filename="lijst.csv", status=TenantImport.Status.DONE
    )
    role = NeighbourhoodRole.objects.filter(
        role=Role.FACILITATOR, neighbourhood=neighbourhood
    ).first()
    world = {
        "slug": neighbourhood.slug,
        "neighbourhood": neighbourhood,
        "household": household,
        "phase": phase,
        "track": track,
        "import": tenant_import,
        "role": role,
        "users": users,
    }
    for module in APP_MATRICES:
        module.build(world)
    return world


def _kwargs(name: str, world: dict) -> dict:
    for module in APP_MATRICES:
        if name in module.MATRIX:
            return module.kwargs(name, world)
    slug = world["slug"]
    phase = world["phase"]
    return {
        "accounts:code_link": {"code": "XXXXXXXX"},
        "core:media": {"path": "print/postcards.pdf"},
        "accounts:magic_link": {"uidb64": "MQ", "token": "abc-def"},
        "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "abc-def"},
        "neighbourhoods:public": {"slug": slug},
        "neighbourhoods:home": {"slug": slug},
        "neighbourhoods:directory": {"slug": slug},
        "neighbourhoods:household_list": {"slug": slug},
        "neighbourhoods:household_add": {"slug": slug},
        "neighbourhoods:household_detail": {"slug": slug, "pk": world["household"].pk},
        "neighbourhoods:household_renew_code": {"slug": slug, "pk": world["household"].pk},
        "neighbourhoods:household_resident_add": {"slug": slug, "pk": world["household"].pk},
        "neighbourhoods:team": {"slug": slug},
        "neighbourhoods:audit_log": {"slug": slug},
        "neighbourhoods:team_remove": {"slug": slug, "pk": world["role"].pk},
        "neighbourhoods:import_start": {"slug": slug},
        "neighbourhoods:import_detail": {"slug": slug, "pk": world["import"].pk},
        "trajectories:manage": {"slug": slug},
        "trajectories:detail": {"slug": slug, "pk": phase.trajectory_id},
        "trajectories:phase_edit": {"slug": slug, "pk": phase.trajectory_id, "phase_pk": phase.pk},
        "trajectories:track_remove": {
            "slug": slug,
            "pk": phase.trajectory_id,
            "phase_pk": phase.pk,
            "track_pk": world["track"].pk,
        },
    }.get(name, {})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(client, world, users, name, role):
    method, expected = MATRIX[name]
    if role != "anonymous":
        client.force_login(users[role])
    url = reverse(name, kwargs=_kwargs(name, world))
    response = getattr(client, method)(url)
    assert response.status_code == expected[role], f"{role} {method.upper()} {url}"
    if (
        role == "anonymous"
        and expected[role] == 302
        and name
        not in {
            "core:home",
            "set_language",
            "accounts:code_who",
            "accounts:code_link",
            "accounts:logout",
        }
    ):
        assert response["Location"].startswith(reverse("accounts:login"))
