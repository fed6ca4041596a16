"""Survey pages: the waves (list, new, one wave, questionnaires, paper entry) for the community
worker, and the answer pages for residents (public with a code, or logged in)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

import samen.cohesion.rules_survey  # noqa: F401
from samen.cohesion.forms_survey import (
    PaperEntryForm,
    QuestionnaireJobForm,
    SurveyAnswerForm,
    SurveyCodeForm,
    SurveyItemForm,
    WaveForm,
)
from samen.cohesion.models import SurveyCode, SurveyResponse, SurveyWave
from samen.cohesion.selectors_survey import (
    STATUS_OPEN,
    extra_items_of,
    household_code_used,
    households_of,
    phases_of,
    survey_code_by_id,
    survey_code_by_text,
    wave_is_locked,
    wave_of,
    wave_row,
    wave_status,
    waves_of,
)
from samen.cohesion.services_survey import (
    ALREADY_USED,
    NOT_OPEN,
    normalise_survey_code,
    questionnaires_print_start,
    survey_code_for,
    survey_item_add,
    survey_item_remove,
    survey_response_submit,
    wave_create,
)
from samen.core import ratelimit
from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors
from samen.neighbourhoods.models import Neighbourhood
from samen.neighbourhoods.selectors import resident_in

PERM_RUN = "cohesion.run_survey"
PERM_ANSWER = "cohesion.answer_survey"
# The checked code between the two steps of the public page (removed once the answers are in).
SESSION_CODE = "cohesion_survey_code"
# The nonces of forms already saved from this browser: a double submit then shows "thank you"
# instead of "already filled in". A nonce is random and stored nowhere else.
SESSION_DONE = "cohesion_survey_done"
SESSION_THANKS = "cohesion_survey_thanks"
RATE_SCOPE = "survey-code"
DONE_KEEP = 5
TOO_MANY = gettext_lazy("Too many wrong codes. Wait a quarter of an hour and try again.")


def _run(request: HttpRequest, slug: str) -> Neighbourhood:
    return access_neighbourhood(request, slug=slug, perm=PERM_RUN)


def _wave(neighbourhood: Neighbourhood, pk: int) -> SurveyWave:
    wave = wave_of(neighbourhood=neighbourhood, pk=pk)
    if wave is None:
        raise Http404
    return wave


def _remember_done(request: HttpRequest, nonce: str) -> None:
    if nonce:
        done = list(request.session.get(SESSION_DONE, []))[-(DONE_KEEP - 1) :]
        request.session[SESSION_DONE] = [*done, nonce]


def _saved_before(request: HttpRequest, nonce: str) -> bool:
    return bool(nonce) and nonce in request.session.get(SESSION_DONE, [])


def _not_open_message(wave: SurveyWave) -> str:
    return str(NOT_OPEN) % {
        "opens": f"{wave.opens_on:%d-%m-%Y}",
        "closes": f"{wave.closes_on:%d-%m-%Y}",
    }


def _submit(
    request: HttpRequest, form: SurveyAnswerForm, code: SurveyCode, channel: str
) -> str | None:
    """Save the answers; return "saved", "repeat" (a double submit) or None (error on form)."""
    try:
        survey_response_submit(code=code, answers=form.answers(), channel=channel)
    except ValidationError as error:
        if getattr(error, "code", None) == "used" and _saved_before(
            request, form.cleaned_data.get("nonce", "")
        ):
            return "repeat"
        add_validation_errors(form, error)
        return None
    _remember_done(request, form.cleaned_data.get("nonce", ""))
    return "saved"


# -- The community worker's pages -------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def wave_list(request: HttpRequest, slug: str) -> HttpResponse:
    """List the survey waves with their dates, status and how many households answered."""
    neighbourhood = _run(request, slug)
    return render(
        request,
        "cohesion/wave_list.html",
        {"neighbourhood": neighbourhood, "rows": waves_of(neighbourhood=neighbourhood)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def wave_create_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Plan a new wave; every household gets its one-time code."""
    neighbourhood = _run(request, slug)
    phases = list(phases_of(neighbourhood=neighbourhood))
    form = WaveForm(request.POST or None, phases=phases)
    if request.method == "POST" and form.is_valid():
        try:
            wave = wave_create(
                neighbourhood=neighbourhood,
                title=form.cleaned_data["title"],
                kind=form.cleaned_data["kind"],
                opens_on=form.cleaned_data["opens_on"],
                closes_on=form.cleaned_data["closes_on"],
                phase=form.phase_object(),
                actor=request.user,  # type: ignore[arg-type]
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The survey is planned. Every household has its code."))
            return redirect(wave.get_absolute_url())
    return render(
        request,
        "cohesion/wave_create.html",
        {"neighbourhood": neighbourhood, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def wave_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One wave: dates, counts, the extra statements (while no answer came in)."""
    neighbourhood = _run(request, slug)
    wave = _wave(neighbourhood, pk)
    item_form = SurveyItemForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "item_add":
                item_form = SurveyItemForm(request.POST)
                if item_form.is_valid():
                    survey_item_add(
                        wave=wave,
                        text=item_form.cleaned_data["text"],
                        translations=item_form.translations(),
                        idempotency_key=item_form.cleaned_data["idempotency_key"],
                    )
                    messages.success(request, _("The statement is added."))
                    return redirect(wave.get_absolute_url())
                status = 400
            elif action == "item_remove":
                items = {str(item.pk): item for item in extra_items_of(wave=wave)}
                item = items.get(request.POST.get("item", ""))
                if item is None:
                    raise Http404
                survey_item_remove(item=item)
                messages.success(request, _("The statement is removed."))
                return redirect(wave.get_absolute_url())
            else:
                raise Http404
        except ValidationError as error:
            if action == "item_add":
                add_validation_errors(item_form, error)
            else:
                messages.error(request, " ".join(error.messages))
            status = 400
    return render(
        request,
        "cohesion/wave_detail.html",
        {
            "neighbourhood": neighbourhood,
            "wave": wave,
            "row": wave_row(wave=wave),
            "items": extra_items_of(wave=wave),
            "locked": wave_is_locked(wave=wave),
            "item_form": item_form,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def wave_questionnaires(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Start the print job of the paper questionnaires (every household, or one)."""
    neighbourhood = _run(request, slug)
    wave = _wave(neighbourhood, pk)
    households = list(households_of(neighbourhood=neighbourhood))
    form = QuestionnaireJobForm(request.POST or None, households=households)
    if request.method == "POST" and form.is_valid():
        try:
            job = questionnaires_print_start(
                wave=wave,
                only=form.only(),
                actor=request.user,  # type: ignore[arg-type]
                idempotency_key=form.cleaned_data["idempotency_key"] or None,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            return redirect(job.get_absolute_url())
    return render(
        request,
        "cohesion/wave_questionnaires.html",
        {"neighbourhood": neighbourhood, "wave": wave, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def survey_paper(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Type in paper questionnaires fast: the code, then the ticks; saved, then the next one."""
    neighbourhood = _run(request, slug)
    wave = _wave(neighbourhood, pk)
    extra_items = extra_items_of(wave=wave)
    form = PaperEntryForm(request.POST or None, extra_items=extra_items)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            code = survey_code_by_text(code=form.cleaned_data["code"])
            if code is None or code.wave_id != wave.pk:
                form.add_error(
                    "code",
                    _("This code is not a code of this survey. Check the code on the paper."),
                )
            else:
                outcome = _submit(request, form, code, SurveyResponse.Channel.PAPER)
                if outcome is not None:
                    messages.success(request, _("Saved. Type the next questionnaire."))
                    return redirect("cohesion:survey_paper", slug=slug, pk=wave.pk)
    return render(
        request,
        "cohesion/survey_paper.html",
        {
            "neighbourhood": neighbourhood,
            "wave": wave,
            "form": form,
            "row": wave_row(wave=wave),
            "is_open": wave_status(wave) == STATUS_OPEN,
        },
        status=status,
    )


# -- The residents' pages ---------------------------------------------------------------------


def _answer_page(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    return render(request, "cohesion/survey_form.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def survey_code(request: HttpRequest) -> HttpResponse:
    """The public survey page: type the one-time code, then answer (no login needed)."""
    if request.method == "GET" and request.session.pop(SESSION_THANKS, False):
        return render(request, "cohesion/survey_thanks.html", {})
    step = request.POST.get("step", "")
    if step == "answers" and _saved_before(request, request.POST.get("nonce", "")):
        # A double submit of answers that were saved: thank again, do not refuse.
        request.session[SESSION_THANKS] = True
        return redirect("cohesion:survey_code")
    if step == "forget":
        request.session.pop(SESSION_CODE, None)
        return redirect("cohesion:survey_code")
    code = survey_code_by_id(pk=request.session.get(SESSION_CODE))
    if code is not None and (code.used or wave_status(code.wave) != STATUS_OPEN):
        # Answered meanwhile (on paper, in another browser) or closed: start again.
        request.session.pop(SESSION_CODE, None)
        code = None
    if code is not None and step != "code":
        wave = code.wave
        extra_items = extra_items_of(wave=wave)
        form = SurveyAnswerForm(
            request.POST if step == "answers" else None, extra_items=extra_items
        )
        if step == "answers" and form.is_valid():
            outcome = _submit(request, form, code, SurveyResponse.Channel.ONLINE)
            if outcome is not None:
                request.session.pop(SESSION_CODE, None)
                request.session[SESSION_THANKS] = True
                return redirect("cohesion:survey_code")
        return _answer_page(
            request,
            {"wave": wave, "neighbourhood": wave.neighbourhood, "form": form, "public": True},
            status=400 if form.is_bound and form.errors else 200,
        )
    if step == "answers":
        # The code was forgotten (the session ended, or it was used meanwhile).
        messages.error(request, _("Type your survey code again, please."))
        return redirect("cohesion:survey_code")
    form = SurveyCodeForm(request.POST if step == "code" else None)
    status = 200
    if step == "code":
        status = 400
        typed = request.POST.get("code", "")
        target = normalise_survey_code(typed)
        if ratelimit.is_blocked(RATE_SCOPE, request, target):
            form.is_valid()
            form.add_error(None, TOO_MANY)
        elif form.is_valid():
            found = survey_code_by_text(code=form.cleaned_data["code"])
            if found is None:
                ratelimit.record_failure(RATE_SCOPE, request, target)
                form.add_error(
                    "code",
                    _("We do not know this code. Check the code on your questionnaire."),
                )
            elif found.used:
                form.add_error("code", str(ALREADY_USED))
            elif wave_status(found.wave) != STATUS_OPEN:
                form.add_error("code", _not_open_message(found.wave))
            else:
                ratelimit.reset(RATE_SCOPE, request, target)
                request.session[SESSION_CODE] = found.pk
                return redirect("cohesion:survey_code")
        else:
            ratelimit.record_failure(RATE_SCOPE, request, target)
    return render(request, "cohesion/survey_code.html", {"form": form}, status=status)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def survey_answer(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A logged-in resident answers for their household (its code is used without typing)."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=PERM_ANSWER)
    wave = _wave(neighbourhood, pk)
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    if resident is None:
        raise Http404
    household = resident.household
    context: dict[str, Any] = {"wave": wave, "neighbourhood": neighbourhood, "public": False}
    if request.method == "GET" and request.session.pop(SESSION_THANKS, False):
        return render(request, "cohesion/survey_thanks.html", context)
    if request.method == "POST" and _saved_before(request, request.POST.get("nonce", "")):
        request.session[SESSION_THANKS] = True
        return redirect(reverse("cohesion:survey_answer", kwargs={"slug": slug, "pk": pk}))
    if household_code_used(household=household, wave=wave):
        context["refusal"] = str(ALREADY_USED)
        return _answer_page(request, context)
    if wave_status(wave) != STATUS_OPEN:
        context["refusal"] = _not_open_message(wave)
        return _answer_page(request, context)
    form = SurveyAnswerForm(request.POST or None, extra_items=extra_items_of(wave=wave))
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        outcome = _submit(
            request,
            form,
            survey_code_for(household=household, wave=wave),
            SurveyResponse.Channel.ONLINE,
        )
        if outcome is not None:
            request.session[SESSION_THANKS] = True
            return redirect(reverse("cohesion:survey_answer", kwargs={"slug": slug, "pk": pk}))
    return _answer_page(request, context, status=400 if form.is_bound and form.errors else 200)
