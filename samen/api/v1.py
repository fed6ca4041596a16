"""Version 1 of the JSON API: mounted at /api/v1/, schema at /api/v1/openapi.json."""

import datetime
from dataclasses import asdict

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from samen.api.auth import api_neighbourhood, caller_may, caller_user
from samen.api.docs import LocalSwagger
from samen.api.models import ApiKey
from samen.api.schemas import (
    ContributionOut,
    ContributionPageOut,
    ErrorOut,
    StreetsOut,
    SyncIn,
    SyncOut,
)
from samen.api.selectors import contributions_for_api, stand_picker
from samen.api.services import SyncEntry, contributions_sync
from samen.core.services import audit_record
from samen.listening.models import Contribution

PAGE_SIZE_MAX = 200

api = NinjaAPI(
    title="Samen API",
    version="1",
    urls_namespace="api-1",
    description=(
        "The JSON API of Samen, used by stand mode and by integrations. "
        "Log in (session cookie, with the CSRF token in `X-CSRFToken`) or send an "
        "organisation's key as `Authorization: Bearer samen_…`. See docs/api.md."
    ),
    docs=LocalSwagger(),
)

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


# --- Errors: always JSON, in the caller's interface language (Dutch first) ------------------


@api.exception_handler(AuthenticationError)
def _unauthorised(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = exc.message if exc.message != "Unauthorized" else _("Log in or send an API key.")
    return api.create_response(request, {"detail": message}, status=401)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # ninja's own messages are English; say the same in the caller's language.
    message = {
        400: _("The request body is not valid JSON."),
        403: _("The security check failed. Reload the page and try again."),
    }.get(exc.status_code, exc.message)
    return api.create_response(request, {"detail": message}, status=exc.status_code)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(NinjaValidationError)
def _invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [
        {"loc": [str(part) for part in error.get("loc", ())], "msg": str(error.get("msg", ""))}
        for error in exc.errors
    ]
    return api.create_response(
        request, {"detail": _("The request is not valid."), "errors": errors}, status=422
    )


@api.exception_handler(DjangoValidationError)
def _refused(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=422)


# --- Endpoints -------------------------------------------------------------------------------


@api.get(
    "/neighbourhoods/{slug}/streets",
    response={200: StreetsOut, **ERRORS},
    tags=["stand"],
    url_name="streets",
    auth=caller_may("listening.use_stand"),
    operation_id="streets",
    summary="Streets and household addresses for the stand's picker",
)
def streets(request: HttpRequest, slug: str) -> dict:
    """List the neighbourhood's street names and household addresses with their ids."""
    neighbourhood = api_neighbourhood(request, slug=slug, perm="listening.use_stand")
    picker = stand_picker(neighbourhood=neighbourhood)
    return {
        "streets": picker.streets,
        "households": [
            {"id": h.pk, "street": h.street, "address": h.address} for h in picker.households
        ],
    }


@api.post(
    "/neighbourhoods/{slug}/contributions/sync",
    response={200: SyncOut, **ERRORS},
    tags=["stand"],
    url_name="contributions_sync",
    auth=caller_may("listening.use_stand"),
    operation_id="contributions_sync",
    summary="Store the stand's waiting entries, each exactly once",
)
def contributions_sync_view(request: HttpRequest, slug: str, payload: SyncIn) -> dict:
    """Store up to 200 entries; each answer says stored, duplicate (stored before) or invalid.

    Send the same entries again after a lost answer: entries already stored come back as
    "duplicate" and are not stored twice. Remove an entry from the device's queue only when
    its answer is "stored" or "duplicate".
    """
    neighbourhood = api_neighbourhood(request, slug=slug, perm="listening.use_stand")
    results = contributions_sync(
        neighbourhood=neighbourhood,
        entries=[SyncEntry(**entry.dict()) for entry in payload.entries],
        entered_by=caller_user(request),
    )
    counts = {"stored": 0, "duplicate": 0, "invalid": 0}
    for result in results:
        counts[result.status] += 1
    return {"results": [asdict(result) for result in results], **counts}


@api.get(
    "/neighbourhoods/{slug}/contributions",
    response={200: ContributionPageOut, **ERRORS},
    tags=["contributions"],
    url_name="contributions",
    auth=caller_may("listening.view_contributions"),
    operation_id="contributions_list",
    summary="The neighbourhood's contributions, paged",
)
def contributions_list(
    request: HttpRequest,
    slug: str,
    page: Query[int] = 1,
    page_size: Query[int] = 50,
    changed_since: Query[datetime.datetime | None] = None,
) -> dict:
    """List contributions, oldest first; who said it only where the resident agreed."""
    neighbourhood = api_neighbourhood(request, slug=slug, perm="listening.view_contributions")
    page_size = max(1, min(page_size, PAGE_SIZE_MAX))
    paginator = Paginator(
        contributions_for_api(neighbourhood=neighbourhood, changed_since=changed_since), page_size
    )
    current = paginator.get_page(page)
    if isinstance(request.auth, ApiKey):
        # A program read texts (and names, where residents agreed): keep a trace.
        audit_record(
            actor=request.auth.created_by,
            action="api.contributions_listed",
            neighbourhood_id=neighbourhood.pk,
            data={"api_key": request.auth.prefix, "page": current.number},
        )
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "next_page": current.next_page_number() if current.has_next() else None,
        "items": [_contribution_out(c) for c in current.object_list],
    }


def _contribution_out(contribution: Contribution) -> ContributionOut:
    named = contribution.consent_named
    household = contribution.household if named else None
    author = contribution.author if named else None
    return ContributionOut(
        id=contribution.pk,
        client_id=str(contribution.client_id) if contribution.client_id else None,
        kind=contribution.kind,
        text=contribution.text,
        channel=contribution.channel,
        language=contribution.language,
        street=contribution.street,
        status=contribution.status,
        theme=contribution.theme.title if contribution.theme_id else None,
        created_at=contribution.created_at,
        consent_named=named,
        household={"id": household.pk, "address": household.address} if household else None,
        author=author.display_name if author else None,
    )
