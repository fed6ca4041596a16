"""Who is calling the API: a logged-in worker (session + CSRF) or an organisation's API key.

Access to the neighbourhood in the URL is checked while authenticating, before the request
body is read: a caller without access gets 404 whatever it sends.
"""

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from samen.api.models import ApiKey
from samen.api.selectors import api_key_covers
from samen.api.services import api_key_authenticate
from samen.neighbourhoods.models import Neighbourhood
from samen.neighbourhoods.selectors import neighbourhood_by_slug


def api_neighbourhood(request: HttpRequest, *, slug: str, perm: str) -> Neighbourhood:
    """Return the neighbourhood if the caller may use it; else 404 (missing or forbidden).

    An API key may use every neighbourhood its organisation owns or is a partner in; a
    logged-in user needs `perm` there. The answer is kept on the request.
    """
    cache: dict = request.__dict__.setdefault("_samen_api_access", {})
    if (slug, perm) in cache:
        return cache[(slug, perm)]
    neighbourhood = neighbourhood_by_slug(slug=slug)
    if neighbourhood is None:
        raise Http404
    caller: Any = getattr(request, "auth", None)
    if isinstance(caller, ApiKey):
        if not api_key_covers(key=caller, neighbourhood=neighbourhood):
            raise Http404
    elif not request.user.has_perm(perm, neighbourhood):
        raise Http404
    cache[(slug, perm)] = neighbourhood
    return neighbourhood


def _check_access(request: HttpRequest, perm: str | None) -> None:
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("slug") if match is not None else None
    if perm is not None and slug is not None:
        api_neighbourhood(request, slug=slug, perm=perm)


class ApiKeyAuth(HttpBearer):
    """`Authorization: Bearer samen_<prefix>_<secret>`; a wrong or revoked key gets 401."""

    def __init__(self, perm: str | None = None) -> None:
        self.perm = perm
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey:
        key = api_key_authenticate(raw=token)
        if key is None:
            # Decide here: falling through to the session check would answer a CSRF error.
            raise AuthenticationError(message=_("This API key is not valid or was revoked."))
        request.auth = key  # type: ignore[attr-defined]
        _check_access(request, self.perm)
        return key


class WorkerSessionAuth(SessionAuth):
    """The stand page's script: the worker's session, with ninja's CSRF check."""

    def __init__(self, perm: str | None = None) -> None:
        self.perm = perm
        super().__init__(csrf=True)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is not None:
            request.auth = user  # type: ignore[attr-defined]
            _check_access(request, self.perm)
        return user


def caller_may(perm: str) -> list:
    """Return the auth of an endpoint about one neighbourhood: a key, or a session with `perm`."""
    return [ApiKeyAuth(perm), WorkerSessionAuth(perm)]


def caller_user(request: HttpRequest) -> Any:
    """Return the logged-in worker behind the call, or None for an API key."""
    caller = getattr(request, "auth", None)
    return None if isinstance(caller, ApiKey) else request.user
