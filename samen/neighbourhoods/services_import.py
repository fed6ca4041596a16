"""Writes for tenant-list imports: preview, confirm, cancel, and the work of the apply task.

An import goes PREVIEW (or INVALID) → QUEUED → RUNNING → DONE (or FAILED); before it runs it
may be CANCELLED. The list is the housing company's: where it gives a value, that value wins;
where a cell is empty, what Samen already knows stays. Households that are missing from the
list are never deleted, only counted.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.accounts.models import User
from samen.core.idempotency import run_once
from samen.core.services import audit_record
from samen.neighbourhoods.imports import (
    address_key,
    group_rows,
    name_key,
    parse_tenant_list,
    row_error,
)
from samen.neighbourhoods.models import Household, Neighbourhood, Resident, TenantImport
from samen.neighbourhoods.services import household_create, resident_create

logger = logging.getLogger(__name__)

Status = TenantImport.Status

# The status pipeline; a service refuses any other change.
ALLOWED = {
    Status.PREVIEW: {Status.QUEUED, Status.CANCELLED},
    Status.INVALID: {Status.CANCELLED},
    Status.QUEUED: {Status.RUNNING, Status.CANCELLED},
    Status.RUNNING: {Status.DONE, Status.FAILED},
}
PROGRESS_EVERY = 100

# Why an import failed while it ran; stored as a code in summary["error"].
FAILURE_MESSAGES = {
    "changed": _(
        "The households in Samen changed after the preview, so the list no longer fits. "
        "Nothing was saved. Upload the list again to see a new preview."
    ),
    "unexpected": _(
        "Something went wrong while saving. Nothing was saved. Try again later, or ask "
        "for help if it happens again."
    ),
    "stopped": _("Saving stopped halfway, so nothing was saved. Upload the list again."),
}
# A running import that has not moved for this long lost its worker (a restart, a crash);
# its transaction was rolled back, so nothing of it was saved.
STUCK_AFTER = datetime.timedelta(minutes=30)

COUNT_KEYS = (
    "households_created",
    "households_updated",
    "households_unchanged",
    "residents_created",
    "residents_updated",
    "residents_unchanged",
    "not_in_list",
)


@dataclass
class ResidentPlan:
    """What happens to the resident of one row."""

    row: dict[str, Any]
    resident: Resident | None
    changes: dict[str, Any] = field(default_factory=dict)


@dataclass
class HouseholdPlan:
    """What happens to the household at one address of the list."""

    rows: list[dict[str, Any]]
    household: Household | None
    values: dict[str, str]
    changes: dict[str, str] = field(default_factory=dict)
    residents: list[ResidentPlan] = field(default_factory=list)


@dataclass
class ImportPlan:
    """The changes a list makes to a neighbourhood, or the rows that stop it."""

    households: list[HouseholdPlan] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    not_in_list: int = 0

    def counts(self) -> dict[str, int]:
        """Count the households and residents that are new, changed or the same."""
        counts = dict.fromkeys(COUNT_KEYS, 0)
        for plan in self.households:
            if plan.household is None:
                counts["households_created"] += 1
            elif plan.changes:
                counts["households_updated"] += 1
            else:
                counts["households_unchanged"] += 1
            for resident in plan.residents:
                if resident.resident is None:
                    counts["residents_created"] += 1
                elif resident.changes:
                    counts["residents_updated"] += 1
                else:
                    counts["residents_unchanged"] += 1
        counts["not_in_list"] = self.not_in_list
        return counts


def _household_values(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Take the household's values from its rows: the address of the first, else first given."""
    first = rows[0]
    values = {
        "street": first["street"],
        "number": first["number"],
        "box": first["box"],
        "postal_code": "",
        "tenant_ref": "",
        "language": "",
    }
    for row in rows:
        for key in ("postal_code", "tenant_ref"):
            values[key] = values[key] or row[key]
        if not values["language"] and row["languages"]:
            values["language"] = row["languages"][0]
    return values


def _household_changes(household: Household, values: dict[str, str], moved: bool) -> dict[str, str]:
    changes: dict[str, str] = {}
    if moved:
        # Matched by tenant number at another address: the list's address wins.
        for key in ("street", "number", "box"):
            if values[key] != getattr(household, key):
                changes[key] = values[key]
    if values["postal_code"] and values["postal_code"] != household.postal_code:
        changes["postal_code"] = values["postal_code"]
    if values["tenant_ref"] and values["tenant_ref"].casefold() != household.tenant_ref.casefold():
        changes["tenant_ref"] = values["tenant_ref"]
    if values["language"] and values["language"] != household.language:
        changes["language"] = values["language"]
    return changes


def _resident_plans(household: Household | None, rows: list[dict[str, Any]]) -> list[ResidentPlan]:
    existing = {}
    if household is not None:
        for resident in household.residents.all():
            existing.setdefault(name_key(resident.display_name), resident)
    plans = []
    for row in rows:
        if not row["name"]:
            continue
        resident = existing.get(name_key(row["name"]))
        changes: dict[str, Any] = {}
        if resident is not None:
            if row["email"] and row["email"] != resident.email:
                changes["email"] = row["email"]
            if row["phone"] and row["phone"] != resident.phone:
                changes["phone"] = row["phone"]
            # Add the list's languages; keep those the resident chose.
            known = list(resident.languages or [])
            merged = known + [code for code in row["languages"] if code not in known]
            if merged != known:
                changes["languages"] = merged
        plans.append(ResidentPlan(row=row, resident=resident, changes=changes))
    return plans


def tenant_import_plan(
    *,
    neighbourhood: Neighbourhood,
    rows: list[dict[str, Any]],
    progress: Callable[[int], None] | None = None,
) -> ImportPlan:
    """Compare the list's rows with the neighbourhood's households; change nothing."""
    households = list(
        Household.objects.filter(neighbourhood=neighbourhood)
        .prefetch_related("residents")
        .order_by("pk")
    )
    by_ref: dict[str, Household] = {}
    by_address: dict[tuple[str, str, str], Household] = {}
    for household in households:
        if household.tenant_ref:
            by_ref.setdefault(household.tenant_ref.casefold(), household)
        by_address.setdefault(
            address_key(household.street, household.number, household.box), household
        )

    plan = ImportPlan()
    claimed: dict[int, int] = {}  # household pk → the first list row that matched it
    processed = 0
    for key, group in group_rows(rows).items():
        first_row = group[0]["row"]
        values = _household_values(group)
        household = by_ref.get(values["tenant_ref"].casefold()) if values["tenant_ref"] else None
        moved = (
            household is not None
            and address_key(household.street, household.number, household.box) != key
        )
        if household is None:
            household = by_address.get(key)
        if household is not None and household.pk in claimed:
            plan.errors.append(
                row_error(first_row, "same_household", "", other_row=claimed[household.pk])
            )
        elif moved and key in by_address and by_address[key].pk != household.pk:  # type: ignore[union-attr]
            address = " ".join(
                part for part in (values["street"], values["number"], values["box"]) if part
            )
            plan.errors.append(row_error(first_row, "address_taken", "street", value=address))
        else:
            if household is not None:
                claimed[household.pk] = first_row
            plan.households.append(
                HouseholdPlan(
                    rows=group,
                    household=household,
                    values=values,
                    changes=_household_changes(household, values, moved) if household else {},
                    residents=_resident_plans(household, group),
                )
            )
        before, processed = processed, processed + len(group)
        if progress is not None and processed // PROGRESS_EVERY > before // PROGRESS_EVERY:
            progress(processed)
    plan.not_in_list = len(households) - len(claimed)
    plan.errors.sort(key=lambda error: error["row"])
    return plan


def _annotate_rows(plan: ImportPlan) -> None:
    """Write into each row what will happen to it, for the preview."""
    for household_plan in plan.households:
        if household_plan.household is None:
            action = "new"
        else:
            action = "update" if household_plan.changes else "same"
        for row in household_plan.rows:
            row["plan"] = {
                "household": action,
                "household_changes": list(household_plan.changes),
                "resident": "",
                "resident_changes": [],
            }
        for resident_plan in household_plan.residents:
            if resident_plan.resident is None:
                resident_action = "new"
            else:
                resident_action = "update" if resident_plan.changes else "same"
            resident_plan.row["plan"]["resident"] = resident_action
            resident_plan.row["plan"]["resident_changes"] = list(resident_plan.changes)


def tenant_import_preview(
    *,
    neighbourhood: Neighbourhood,
    uploaded_file: Any,
    actor: User | None,
    idempotency_key: str | None = None,
) -> TenantImport:
    """Read a tenant list and store what it would change; raise ValidationError for a bad file."""
    parsed = parse_tenant_list(uploaded_file)
    errors = parsed.errors
    summary: dict[str, Any] = {
        "columns": parsed.columns,
        "ignored_columns": parsed.ignored_columns,
    }
    if not errors:
        plan = tenant_import_plan(neighbourhood=neighbourhood, rows=parsed.rows)
        errors = plan.errors
        if not errors:
            _annotate_rows(plan)
            summary["planned"] = plan.counts()
    status = Status.INVALID if errors else Status.PREVIEW
    filename = str(getattr(uploaded_file, "name", "") or "")[-200:]

    def create() -> TenantImport:
        tenant_import = TenantImport(
            neighbourhood=neighbourhood,
            created_by=actor,
            filename=filename,
            status=status,
            rows=parsed.rows,
            errors=errors,
            summary=summary,
            total=len(parsed.rows),
        )
        tenant_import.full_clean(exclude=["created_by"])
        tenant_import.save()
        audit_record(
            actor=actor,
            action="tenant_import.uploaded",
            target=tenant_import,
            neighbourhood_id=neighbourhood.pk,
            data={
                "filename": filename,
                "rows": len(parsed.rows),
                "errors": len(errors),
                "status": status,
            },
        )
        return tenant_import

    tenant_import, _created = run_once(
        key=idempotency_key,
        scope=f"tenant_import_preview:{neighbourhood.pk}:{parsed.digest}",
        model=TenantImport,
        create=create,
    )
    return tenant_import


def _refuse(tenant_import: TenantImport) -> ValidationError:
    return ValidationError(
        _("This import is %(status)s, so this is no longer possible."),
        code="invalid_status",
        params={"status": tenant_import.get_status_display()},
    )


def tenant_import_confirm(*, tenant_import: TenantImport, actor: User) -> TenantImport:
    """Queue a previewed import to be applied in the background."""
    from samen.neighbourhoods.tasks import apply_tenant_import

    with transaction.atomic():
        # A conditional update, so that a double click queues the work once.
        moved = TenantImport.objects.filter(pk=tenant_import.pk, status=Status.PREVIEW).update(
            status=Status.QUEUED, done=0, updated_at=timezone.now()
        )
        tenant_import.refresh_from_db()
        if not moved:
            if tenant_import.status in {Status.QUEUED, Status.RUNNING, Status.DONE}:
                return tenant_import  # confirmed before: nothing more to do
            raise _refuse(tenant_import)
        audit_record(
            actor=actor,
            action="tenant_import.confirmed",
            target=tenant_import,
            neighbourhood_id=tenant_import.neighbourhood_id,
        )
        pk = tenant_import.pk
        # Queue only once the QUEUED status is committed, or a worker may not see it yet.
        transaction.on_commit(lambda: apply_tenant_import.enqueue(pk))
    return tenant_import


def tenant_import_cancel(*, tenant_import: TenantImport, actor: User) -> TenantImport:
    """Stop an import that has not started running; its rows are thrown away."""
    cancellable = [state for state, targets in ALLOWED.items() if Status.CANCELLED in targets]
    with transaction.atomic():
        moved = TenantImport.objects.filter(pk=tenant_import.pk, status__in=cancellable).update(
            status=Status.CANCELLED, rows=[], finished_at=timezone.now(), updated_at=timezone.now()
        )
        tenant_import.refresh_from_db()
        if not moved:
            if tenant_import.status == Status.CANCELLED:
                return tenant_import
            raise _refuse(tenant_import)
        audit_record(
            actor=actor,
            action="tenant_import.cancelled",
            target=tenant_import,
            neighbourhood_id=tenant_import.neighbourhood_id,
        )
    return tenant_import


class _PlanChanged(Exception):
    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("The list no longer fits the neighbourhood.")
        self.errors = errors


def _write(*, neighbourhood: Neighbourhood, plan: ImportPlan) -> None:
    for household_plan in plan.households:
        household = household_plan.household
        if household is None:
            values = household_plan.values
            household = household_create(
                neighbourhood=neighbourhood,
                street=values["street"],
                number=values["number"],
                box=values["box"],
                postal_code=values["postal_code"],
                tenant_ref=values["tenant_ref"],
                language=values["language"] or "nl",
            )
        elif household_plan.changes:
            for name, value in household_plan.changes.items():
                setattr(household, name, value)
            household.full_clean()
            fields = [*household_plan.changes, "updated_at"]
            if "number" in household_plan.changes:
                fields.append("number_sort")
            household.save(update_fields=fields)
        for resident_plan in household_plan.residents:
            row = resident_plan.row
            if resident_plan.resident is None:
                resident_create(
                    household=household,
                    display_name=row["name"],
                    languages=row["languages"],
                    email=row["email"],
                    phone=row["phone"],
                )
            elif resident_plan.changes:
                resident = resident_plan.resident
                for name, value in resident_plan.changes.items():
                    setattr(resident, name, value)
                resident.full_clean()
                resident.save(update_fields=[*resident_plan.changes, "updated_at"])


def tenant_imports_fail_stuck(*, older_than: datetime.timedelta = STUCK_AFTER) -> int:
    """Mark running imports without progress for `older_than` as failed; return how many."""
    stuck = TenantImport.objects.filter(
        status=Status.RUNNING, updated_at__lt=timezone.now() - older_than
    )
    for tenant_import in stuck:
        _fail(tenant_import, reason="stopped")
    return len(stuck)


def _fail(
    tenant_import: TenantImport, *, reason: str, errors: list[dict[str, Any]] | None = None
) -> TenantImport:
    TenantImport.objects.filter(pk=tenant_import.pk).update(
        status=Status.FAILED,
        errors=errors or [],
        summary={**tenant_import.summary, "error": reason},
        rows=[],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    tenant_import.refresh_from_db()
    return tenant_import


def tenant_import_apply(*, tenant_import_id: int) -> TenantImport | None:
    """Apply a queued import all-or-nothing; end DONE with counts, or FAILED with nothing saved.

    The work has two passes. The first checks every row against the neighbourhood outside
    any transaction and writes `done` every PROGRESS_EVERY rows, so that the progress page
    (another connection) sees it move. The second writes everything in ONE transaction: on
    PostgreSQL, and on SQLite in WAL mode, progress written inside that transaction would stay
    invisible to other connections until the end, so it is not reported per row; the page says
    "saving" meanwhile. The second pass plans again under a lock on the neighbourhood, because
    the households may have changed since the first.
    """
    # Take the import from QUEUED to RUNNING in one statement, so two workers cannot both run it
    # and a cancelled import is not run.
    claimed = TenantImport.objects.filter(pk=tenant_import_id, status=Status.QUEUED).update(
        status=Status.RUNNING, done=0, updated_at=timezone.now()
    )
    if not claimed:
        logger.info("Tenant import %s is not queued; nothing to do.", tenant_import_id)
        return None
    tenant_import = TenantImport.objects.select_related("neighbourhood").get(pk=tenant_import_id)
    neighbourhood = tenant_import.neighbourhood
    rows = tenant_import.rows

    def progress(done: int) -> None:
        TenantImport.objects.filter(pk=tenant_import_id).update(done=done)

    try:
        plan = tenant_import_plan(neighbourhood=neighbourhood, rows=rows, progress=progress)
        if plan.errors:
            raise _PlanChanged(plan.errors)
        progress(len(rows))
        with transaction.atomic():
            # Serialise imports of one neighbourhood (SQLite serialises all writers anyway).
            list(Neighbourhood.objects.select_for_update().filter(pk=neighbourhood.pk).values("pk"))
            plan = tenant_import_plan(neighbourhood=neighbourhood, rows=rows)
            if plan.errors:
                raise _PlanChanged(plan.errors)
            _write(neighbourhood=neighbourhood, plan=plan)
            counts = plan.counts()
            summary = {**tenant_import.summary, **counts}
            # The status moves to DONE in the same transaction as the data it describes.
            TenantImport.objects.filter(pk=tenant_import_id).update(
                status=Status.DONE,
                summary=summary,
                rows=[],  # the personal data now lives in the households; keep no copy
                done=len(rows),
                finished_at=timezone.now(),
                updated_at=timezone.now(),
            )
            audit_record(
                actor=None,
                action="tenant_import.applied",
                target=tenant_import,
                neighbourhood_id=neighbourhood.pk,
                data=counts,
            )
    except _PlanChanged as exc:
        return _fail(tenant_import, reason="changed", errors=exc.errors)
    except Exception:
        logger.exception("Tenant import %s failed; nothing was saved.", tenant_import_id)
        return _fail(tenant_import, reason="unexpected")
    tenant_import.refresh_from_db()
    return tenant_import
