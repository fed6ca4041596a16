"""The shapes of API requests and answers (OpenAPI schema components)."""

import datetime
from typing import Literal

from ninja import Field, Schema

from samen.listening.models import Channel, Kind


def _one_of(values: list[str], description: str) -> dict:
    # Documented as an enum, but checked per entry by the service: one entry with a wrong
    # value must come back "invalid" without failing the whole sync.
    return {"description": description, "json_schema_extra": {"enum": values}}


class SyncEntryIn(Schema):
    """One entry of the stand's offline queue."""

    client_id: str = Field(
        ...,
        description="A UUID made by the device for this entry; a replay with the same id "
        "stores nothing new.",
        max_length=64,
    )
    kind: str = Field("", **_one_of(list(Kind.values), "What it is."))
    text: str = Field("", description="What the resident said.", max_length=20000)
    channel: str = Field("", **_one_of(list(Channel.values), "How it was said."))
    street: str = Field("", description="The street, if known.", max_length=500)
    household_id: int | None = Field(
        None, description="The household, from /neighbourhoods/{slug}/streets."
    )
    language: str = Field(
        "", description="Language code; detected from the text when empty.", max_length=8
    )
    consent_named: bool = Field(
        False, description="The resident agrees that the housing company sees who said it."
    )
    entered_at: datetime.datetime | None = Field(
        None, description="When it was noted on the device (kept if within the last 60 days)."
    )


class SyncIn(Schema):
    entries: list[SyncEntryIn] = Field(..., max_length=200)


class SyncResultOut(Schema):
    client_id: str
    status: Literal["stored", "duplicate", "invalid"]
    errors: dict[str, list[str]] = Field(
        default_factory=dict, description="Messages per field, for an invalid entry."
    )


class SyncOut(Schema):
    results: list[SyncResultOut]
    stored: int
    duplicate: int
    invalid: int


class HouseholdOut(Schema):
    id: int
    street: str
    address: str


class StreetsOut(Schema):
    streets: list[str]
    households: list[HouseholdOut]


class PlaceOut(Schema):
    id: int
    address: str


class ContributionOut(Schema):
    id: int
    client_id: str | None
    kind: str
    text: str
    channel: str
    language: str
    street: str
    status: str
    theme: str | None
    created_at: datetime.datetime
    consent_named: bool
    household: PlaceOut | None = Field(
        description="Only when the resident agreed to be named (consent_named)."
    )
    author: str | None = Field(
        description="The resident's name, only when they agreed to be named (consent_named)."
    )


class ContributionPageOut(Schema):
    count: int
    page: int
    pages: int
    next_page: int | None
    items: list[ContributionOut]


class ErrorOut(Schema):
    detail: str
    errors: list[dict] = Field(default_factory=list)
