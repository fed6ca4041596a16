"""Agreement pages: the list in force (public), one agreement, writing, translating, status,
evaluation and “wij doen mee”."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.agreements.forms_agreements import (
    AgreementForm,
    EvaluationForm,
    StatusForm,
    TranslationForm,
)
from samen.agreements.models import Agreement
from samen.agreements.selectors_agreements import (
    agreement_of,
    agreements_visible_to,
    endorsed_ids,
    household_count,
    language_name,
    preferred_language,
    share_percent,
    text_in,
)
from samen.agreements.services_agreements import (
    agreement_create,
    agreement_set_status,
    agreement_update,
    endorsement_create,
    evaluation_record,
    translation_save,
)
from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors
from samen.neighbourhoods.selectors import resident_of

PAGE_SIZE = 30
RTL_LANGUAGES = frozenset({"ar", "prs", "ps", "fa", "he", "ur"})


def _resident_here(request: HttpRequest, neighbourhood):  # type: ignore[no-untyped-def]
    resident = resident_of(user=request.user)
    if resident is None or resident.household.neighbourhood_id != neighbourhood.pk:
        return None
    return resident


def _agreement(request: HttpRequest, neighbourhood, pk: int) -> Agreement:  # type: ignore[no-untyped-def]
    agreement = agreement_of(user=request.user, neighbourhood=neighbourhood, pk=pk)
    if agreement is None:
        raise Http404
    return agreement


@require_GET
def agreement_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The agreements in force (for everyone), or all of them with a filter (for workers)."""
    neighbourhood = access_neighbourhood(request, slug=slug)
    sees_all = request.user.has_perm("agreements.view_all_agreements", neighbourhood)
    status = request.GET.get("status", "") if sees_all else ""
    page = Paginator(
        agreements_visible_to(user=request.user, neighbourhood=neighbourhood, status=status),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    resident = _resident_here(request, neighbourhood)
    can_endorse = resident is not None and request.user.has_perm(
        "agreements.endorse_agreement", neighbourhood
    )
    households = household_count(neighbourhood=neighbourhood)
    joined = endorsed_ids(
        household=resident.household if can_endorse else None,
        agreement_ids=[a.pk for a in page.object_list],
    )
    rows = [
        {
            "agreement": agreement,
            "percent": share_percent(agreement.endorsement_count, households),
            "joined": agreement.pk in joined,
            "can_join": can_endorse and agreement.status == Agreement.Status.ADOPTED,
        }
        for agreement in page.object_list
    ]
    return render(
        request,
        "agreements/agreement_list.html",
        {
            "neighbourhood": neighbourhood,
            "page_obj": page,
            "rows": rows,
            "households": households,
            "sees_all": sees_all,
            "status": status,
            "statuses": Agreement.Status.choices,
            "can_edit": request.user.has_perm("agreements.edit_agreement", neighbourhood),
            "can_view": request.user.has_perm("agreements.view_agreement", neighbourhood),
            "can_print": request.user.has_perm("agreements.print_agreements", neighbourhood),
        },
    )


def _render_detail(
    request: HttpRequest,
    neighbourhood,  # type: ignore[no-untyped-def]
    agreement: Agreement,
    status_form: StatusForm | None = None,
    http_status: int = 200,
) -> HttpResponse:
    resident = _resident_here(request, neighbourhood)
    wanted = request.GET.get("taal") or preferred_language(resident=resident)
    title, text, shown_language = text_in(agreement, wanted)
    households = household_count(neighbourhood=neighbourhood)
    can_endorse = resident is not None and request.user.has_perm(
        "agreements.endorse_agreement", neighbourhood
    )
    joined = bool(
        endorsed_ids(
            household=resident.household if can_endorse else None, agreement_ids=[agreement.pk]
        )
    )
    can_status = request.user.has_perm("agreements.change_agreement_status", neighbourhood)
    next_statuses = [
        (value, label)
        for value, label in Agreement.Status.choices
        if value in Agreement.PIPELINE[Agreement.Status(agreement.status)]
        # “Evaluated” comes with the review form (outcome and follow-up), not a bare button.
        and value != Agreement.Status.EVALUATED
    ]
    languages = [("nl", language_name("nl"))] + [
        (t.language, language_name(t.language)) for t in agreement.translations.all()
    ]
    return render(
        request,
        "agreements/agreement_detail.html",
        {
            "neighbourhood": neighbourhood,
            "agreement": agreement,
            "title": title,
            "text": text,
            "shown_language": shown_language,
            "shown_dir": "rtl" if shown_language in RTL_LANGUAGES else "ltr",
            "languages": languages if len(languages) > 1 else [],
            "percent": share_percent(agreement.endorsement_count, households),
            "households": households,
            "joined": joined,
            "can_join": can_endorse and agreement.status == Agreement.Status.ADOPTED,
            "can_edit": request.user.has_perm("agreements.edit_agreement", neighbourhood),
            "can_evaluate": request.user.has_perm("agreements.evaluate_agreement", neighbourhood)
            and agreement.status in (Agreement.Status.ADOPTED, Agreement.Status.EVALUATED),
            "can_status": can_status,
            "next_statuses": next_statuses if can_status else [],
            "status_form": status_form or StatusForm(),
            "sees_all": request.user.has_perm("agreements.view_all_agreements", neighbourhood),
            "versions": agreement.versions.all(),
            "evaluations": agreement.evaluations.all(),
        },
        status=http_status,
    )


@login_required
@require_GET
def agreement_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One agreement, in the reader's language where there is a translation."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="agreements.view_agreement")
    return _render_detail(request, neighbourhood, _agreement(request, neighbourhood, pk))


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Write a new agreement (a draft)."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="agreements.edit_agreement")
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = agreement_create(
                neighbourhood=neighbourhood,
                title=data["title"],
                text=data["text"],
                topic=data["topic"],
                responsible=data["responsible"],
                review_on=data["review_on"],
                actor=request.user,
                idempotency_key=data["idempotency_key"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The agreement is saved as a draft."))
            return redirect(agreement.get_absolute_url())
    return render(
        request,
        "agreements/agreement_form.html",
        {"neighbourhood": neighbourhood, "form": form, "agreement": None},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change an agreement; a new text makes a new version."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="agreements.edit_agreement")
    agreement = _agreement(request, neighbourhood, pk)
    form = AgreementForm(
        request.POST or None,
        initial={
            "title": agreement.title,
            "text": agreement.text,
            "topic": agreement.topic,
            "responsible": agreement.responsible,
            "review_on": agreement.review_on,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement_update(
                agreement=agreement,
                title=data["title"],
                text=data["text"],
                topic=data["topic"],
                responsible=data["responsible"],
                review_on=data["review_on"],
                actor=request.user,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(agreement.get_absolute_url())
    return render(
        request,
        "agreements/agreement_form.html",
        {"neighbourhood": neighbourhood, "form": form, "agreement": agreement},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_translation(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Write the agreement in another language."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="agreements.edit_agreement")
    agreement = _agreement(request, neighbourhood, pk)
    existing = {t.language: t for t in agreement.translations.all()}
    language = request.GET.get("taal", "")
    initial = {"language": language}
    if language in existing:
        initial.update(title=existing[language].title, text=existing[language].text)
    form = TranslationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = translation_save(
                agreement=agreement,
                language=data["language"],
                title=data["title"],
                text=data["text"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(
                request,
                _("The translation is saved.") if saved else _("The translation is removed."),
            )
            return redirect(agreement.get_absolute_url())
    return render(
        request,
        "agreements/agreement_translation.html",
        {
            "neighbourhood": neighbourhood,
            "agreement": agreement,
            "form": form,
            "existing": [(code, language_name(code)) for code in sorted(existing)],
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def agreement_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Move the agreement to another status (POST from the buttons on its page)."""
    neighbourhood = access_neighbourhood(
        request, slug=slug, perm="agreements.change_agreement_status"
    )
    agreement = _agreement(request, neighbourhood, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            agreement_set_status(
                agreement=agreement,
                status=form.cleaned_data["status"],
                place=form.cleaned_data["place"],
                actor=request.user,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(
                request,
                _("The agreement is now “%(status)s”.")
                % {"status": agreement.get_status_display()},
            )
            return redirect(agreement.get_absolute_url())
    elif "status" in form.errors:
        form.errors["status"] = form.error_class([_("Choose a status the agreement can move to.")])
    agreement = _agreement(request, neighbourhood, pk)
    return _render_detail(request, neighbourhood, agreement, status_form=form, http_status=400)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_evaluate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record the review: was it kept, and what follows."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="agreements.evaluate_agreement")
    agreement = _agreement(request, neighbourhood, pk)
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            evaluation_record(
                agreement=agreement,
                outcome=data["outcome"],
                follow_up=data["follow_up"],
                evaluated_on=data["evaluated_on"],
                actor=request.user,
                idempotency_key=data["idempotency_key"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The review is saved."))
            return redirect(agreement.get_absolute_url())
    return render(
        request,
        "agreements/agreement_evaluate.html",
        {"neighbourhood": neighbourhood, "agreement": agreement, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def agreement_endorse(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """“Wij doen mee”: the resident's household joins an adopted agreement."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="agreements.endorse_agreement")
    resident = _resident_here(request, neighbourhood)
    if resident is None:
        raise Http404
    agreement = _agreement(request, neighbourhood, pk)
    try:
        endorsement_create(agreement=agreement, household=resident.household)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Thank you! Your household takes part in this agreement."))
    if request.POST.get("from") == "detail":
        return redirect(agreement.get_absolute_url())
    return redirect("agreements:list", slug=slug)
