"""Access to objects (after Zulip): one small function per object kind.

A missing object and a forbidden one both answer "not found", so that a URL never tells
an outsider whether something exists.
"""

from django.http import Http404, HttpRequest

from samen.neighbourhoods.models import Neighbourhood
from samen.neighbourhoods.selectors import neighbourhood_by_slug


def access_neighbourhood(
    request: HttpRequest, *, slug: str, perm: str | None = None
) -> Neighbourhood:
    """Return the neighbourhood if it exists and the user holds `perm` on it; else 404."""
    neighbourhood = neighbourhood_by_slug(slug=slug)
    if neighbourhood is None:
        raise Http404
    if perm is not None and not request.user.has_perm(perm, neighbourhood):
        raise Http404
    return neighbourhood
