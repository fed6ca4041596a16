"""Writes of the API: API keys, and the exactly-once sync of stand-mode entries."""

import datetime
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.api.models import ApiKey
from samen.api.selectors import api_key_by_prefix
from samen.core.idempotency import run_once
from samen.core.services import audit_record
from samen.listening.models import TEXT_MAX_CHARS, Contribution
from samen.listening.services import (
    CHANNEL_VALUES,
    KIND_VALUES,
    LANGUAGE_VALUES,
    ContributionInput,
    contribution_create,
)
from samen.neighbourhoods.models import Household, Neighbourhood, Organisation

KEY_PREFIX = "samen"
SYNC_MAX_ENTRIES = 200
# An entry's own time is kept when it lies in this window; otherwise the server's time is used.
ENTERED_AT_MAX_AGE = datetime.timedelta(days=60)
ENTERED_AT_MAX_AHEAD = datetime.timedelta(minutes=10)
# `last_used_at` is written at most this often per key, not on every request.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_key_create(
    *,
    organisation: Organisation,
    name: str,
    actor: User,
    idempotency_key: str | None = None,
) -> tuple[ApiKey, str | None]:
    """Make a key; return it and its secret (None when a retry found the key made already)."""
    raw: str | None = None

    def create() -> ApiKey:
        nonlocal raw
        prefix = secrets.token_hex(6)
        raw = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
        key = ApiKey(
            organisation=organisation,
            name=name.strip(),
            prefix=prefix,
            secret_hash=_hash(raw),
            created_by=actor,
        )
        key.full_clean()
        key.save()
        audit_record(actor=actor, action="api_key.created", target=key, data={"prefix": prefix})
        return key

    key, created = run_once(
        key=idempotency_key, scope="api_key_create", model=ApiKey, create=create
    )
    return key, (raw if created else None)


@transaction.atomic
def api_key_revoke(*, key: ApiKey, actor: User) -> ApiKey:
    """Revoke a key at once; programs using it get 401 from now on."""
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="api_key.revoked", target=key, data={"prefix": key.prefix})
    return key


def api_key_authenticate(*, raw: str) -> ApiKey | None:
    """Return the active key for this secret (noting its use), or None."""
    parts = raw.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        return None
    key = api_key_by_prefix(prefix=parts[1])
    if key is None or not hmac.compare_digest(key.secret_hash, _hash(raw.strip())):
        return None
    if key.revoked_at is not None:
        return None
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
    return key


@dataclass(frozen=True)
class SyncEntry:
    """One entry as the stand's queue (or an integration) sends it; checked per entry."""

    client_id: str
    kind: str = ""
    text: str = ""
    channel: str = ""
    street: str = ""
    household_id: int | None = None
    language: str = ""
    consent_named: bool = False
    entered_at: datetime.datetime | None = None


@dataclass
class SyncResult:
    """What happened to one entry: stored now, stored before (duplicate), or invalid."""

    client_id: str
    status: str
    errors: dict[str, list[str]] = field(default_factory=dict)


STORED, DUPLICATE, INVALID = "stored", "duplicate", "invalid"


def _entry_errors(entry: SyncEntry, households: dict[int, Household]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if entry.kind not in KIND_VALUES:
        add("kind", _("Choose what it is: a question, a frustration, an idea or a need."))
    text = entry.text.strip()
    if not text:
        add("text", _("Write down what the resident said."))
    elif len(text) > TEXT_MAX_CHARS:
        add("text", _("Keep it shorter than %(max)s characters.") % {"max": TEXT_MAX_CHARS})
    if entry.channel not in CHANNEL_VALUES:
        add("channel", _("Choose how this was said: at the stand, on a postcard, and so on."))
    if len(entry.street.strip()) > 120:
        add("street", _("This street name is too long."))
    if entry.household_id is not None and entry.household_id not in households:
        add("household_id", _("This household is not in this neighbourhood."))
    if entry.language and entry.language not in LANGUAGE_VALUES:
        add("language", _("This language is not known."))
    return errors


def _entered_at(
    value: datetime.datetime | None, now: datetime.datetime
) -> datetime.datetime | None:
    if value is None:
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if now - ENTERED_AT_MAX_AGE <= value <= now + ENTERED_AT_MAX_AHEAD:
        return min(value, now)
    return None


def contributions_sync(
    *,
    neighbourhood: Neighbourhood,
    entries: list[SyncEntry],
    entered_by: User | None,
) -> list[SyncResult]:
    """Store each entry exactly once, by its client-made id; one bad entry blocks no other.

    Every entry is stored in its own transaction, so an interrupted sync keeps what it
    stored, and the replay reports those entries as duplicates.
    """
    if len(entries) > SYNC_MAX_ENTRIES:
        raise ValidationError(
            _("Send at most %(max)s entries at a time.") % {"max": SYNC_MAX_ENTRIES}
        )
    ids: dict[str, uuid.UUID] = {}
    for entry in entries:
        try:
            ids[entry.client_id] = uuid.UUID(str(entry.client_id))
        except ValueError:
            continue
    known: dict[uuid.UUID, int] = dict(
        Contribution.objects.filter(client_id__in=list(ids.values())).values_list(
            "client_id", "neighbourhood_id"
        )
    )
    wanted_households = {e.household_id for e in entries if e.household_id is not None}
    households = {
        household.pk: household
        for household in Household.objects.filter(
            neighbourhood=neighbourhood, pk__in=wanted_households
        )
    }
    now = timezone.now()
    results: list[SyncResult] = []
    for entry in entries:
        client_id = ids.get(entry.client_id)
        if client_id is None:
            results.append(
                SyncResult(
                    entry.client_id,
                    INVALID,
                    {"client_id": [_("This entry has no valid id (a UUID).")]},
                )
            )
            continue
        if client_id in known:
            if known[client_id] == neighbourhood.pk:
                results.append(SyncResult(entry.client_id, DUPLICATE))
            else:
                results.append(
                    SyncResult(
                        entry.client_id,
                        INVALID,
                        {"client_id": [_("This id is used for another neighbourhood.")]},
                    )
                )
            continue
        errors = _entry_errors(entry, households)
        if errors:
            results.append(SyncResult(entry.client_id, INVALID, errors))
            continue
        household = households.get(entry.household_id) if entry.household_id else None
        data = ContributionInput(
            kind=entry.kind,
            text=entry.text,
            channel=entry.channel,
            household=household,
            street="" if household else entry.street,
            language=entry.language,
            consent_named=entry.consent_named,
            client_id=client_id,
        )
        try:
            with transaction.atomic():
                contribution = contribution_create(
                    neighbourhood=neighbourhood, data=data, entered_by=entered_by
                )
                entered_at = _entered_at(entry.entered_at, now)
                if entered_at is not None:
                    # The moment it was said at the stand, not the moment the network came back.
                    Contribution.objects.filter(pk=contribution.pk).update(created_at=entered_at)
        except ValidationError as error:
            results.append(SyncResult(entry.client_id, INVALID, _messages(error)))
            continue
        known[client_id] = neighbourhood.pk
        results.append(SyncResult(entry.client_id, STORED))
    return results


def _messages(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {
            ("household_id" if name == "household" else name): [str(m) for m in messages]
            for name, messages in error.message_dict.items()
        }
    return {"__all__": [str(message) for message in error.messages]}
