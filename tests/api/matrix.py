"""Permission-matrix rows of the API and the API-key pages."""

from samen.api.models import ApiKey
from tests.core.matrix_helpers import every, only

WORKERS = ("facilitator", "organisation_admin")


def _api(allowed: tuple[str, ...], ok: int = 200) -> dict[str, int]:
    # The API answers 401 (JSON) to a caller without a session or key, never a login redirect.
    return only(allowed, ok=ok, anonymous=401)


MATRIX: dict[str, tuple[str, dict[str, int]]] = {
    "api_docs_asset": ("get", every(200)),
    "api-1:openapi-json": ("get", every(200)),
    "api-1:openapi-view": ("get", every(200)),
    "api-1:api-root": ("get", every(404)),
    "api-1:streets": ("get", _api(WORKERS)),
    "api-1:contributions": ("get", _api(WORKERS)),
    # Access is checked before the body is read: only workers learn that it is missing (400).
    "api-1:contributions_sync": ("post", _api(WORKERS, ok=400)),
    "api_keys:list": ("get", only(("organisation_admin",))),
    "api_keys:revoke": ("post", only(("organisation_admin",), ok=302)),
}


def build(world: dict) -> None:
    """Add a key of the neighbourhood's housing company."""
    world["api_key"] = ApiKey.objects.create(
        organisation=world["neighbourhood"].organisation,
        name="Huurdersysteem",
        prefix="matrix000001",
        secret_hash="0" * 64,
    )


def kwargs(name: str, world: dict) -> dict:
    """Return the URL kwargs for one of this app's URLs."""
    slug = world["slug"]
    org_slug = world["neighbourhood"].organisation.slug
    return {
        "api_docs_asset": {"name": "swagger-ui.css"},
        "api-1:streets": {"slug": slug},
        "api-1:contributions": {"slug": slug},
        "api-1:contributions_sync": {"slug": slug},
        "api_keys:list": {"org_slug": org_slug},
        "api_keys:revoke": {"org_slug": org_slug, "pk": world["api_key"].pk},
    }.get(name, {})
