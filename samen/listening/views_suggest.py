"""Theme suggestions: start a run, see its suggestions, accept or reject each one."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from samen.core.access import access_neighbourhood
from samen.listening.forms_suggest import SuggestionAcceptForm, SuggestionRunForm
from samen.listening.models import SuggestionRun, ThemeSuggestion
from samen.listening.selectors_suggest import suggestion_of, suggestion_overview
from samen.listening.services_suggest import (
    suggestion_accept,
    suggestion_reject,
    suggestion_run_start,
)
from samen.listening.text import LeftOut
from samen.neighbourhoods.models import Neighbourhood

PERM = "listening.manage_themes"
LANGUAGE_NAMES = dict(settings.RESIDENT_LANGUAGES)
LEFT_OUT_REASONS = {
    LeftOut.NO_WORDS: gettext_lazy("Too few words to compare (only numbers or very common words)."),
    LeftOut.NO_SHARED_WORDS: gettext_lazy("Its words are in no other contribution."),
    LeftOut.LANGUAGE_WITHOUT_SHARED_WORDS: gettext_lazy(
        "Another language, with no words in common with the rest. Put it in a theme by hand."
    ),
}


def _prefix(suggestion: ThemeSuggestion) -> str:
    return f"s{suggestion.pk}"


def _render(
    request: HttpRequest,
    neighbourhood: Neighbourhood,
    *,
    bound: SuggestionAcceptForm | None = None,
    bound_pk: int | None = None,
    status: int = 200,
) -> HttpResponse:
    overview = suggestion_overview(
        neighbourhood=neighbourhood, left_out_page=request.GET.get("page")
    )
    for suggestion in overview.suggestions:
        if bound is not None and suggestion.pk == bound_pk:
            suggestion.form = bound
        else:
            suggestion.form = SuggestionAcceptForm(
                prefix=_prefix(suggestion), initial={"title": suggestion.label}
            )
    if overview.left_out is not None:
        for item in overview.left_out.object_list:
            item.reason_text = LEFT_OUT_REASONS.get(item.reason, item.reason)
            item.language_name = LANGUAGE_NAMES.get(item.language, item.language)
    run = overview.run
    busy = run is not None and run.status in {
        SuggestionRun.Status.QUEUED,
        SuggestionRun.Status.RUNNING,
    }
    return render(
        request,
        "listening/themesuggestion_list.html",
        {
            "neighbourhood": neighbourhood,
            "overview": overview,
            "run": run,
            "refresh": busy,
            "run_form": SuggestionRunForm(),
            "bound": bound,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def suggestions(request: HttpRequest, slug: str) -> HttpResponse:
    """Show the latest suggested themes; start a new run."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=PERM)
    if request.method == "POST":
        form = SuggestionRunForm(request.POST)
        if form.is_valid():
            suggestion_run_start(
                neighbourhood=neighbourhood,
                actor=request.user,  # type: ignore[arg-type]
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
            messages.success(request, _("Samen is looking for themes. This can take a while."))
        else:
            messages.error(request, " ".join(form.errors.get("idempotency_key", [])))
        return redirect("listening:suggestions", slug=slug)
    return _render(request, neighbourhood)


@login_required
@require_POST
def suggestion_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Accept a suggestion (with its title as edited) or reject it."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=PERM)
    suggestion = suggestion_of(neighbourhood=neighbourhood, pk=pk)
    if suggestion is None:
        raise Http404
    action = request.POST.get("action")
    if action == "reject":
        try:
            suggestion_reject(suggestion=suggestion, actor=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The suggestion is set aside."))
        return redirect("listening:suggestions", slug=slug)
    form = SuggestionAcceptForm(request.POST, prefix=_prefix(suggestion))
    if action == "accept" and form.is_valid():
        try:
            theme = suggestion_accept(
                suggestion=suggestion,
                title=form.cleaned_data["title"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "title" in error.error_dict:
                form.add_error("title", error.error_dict["title"])
            else:
                form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("Accepted. The contributions are in the theme %(title)s.")
                % {"title": theme.title},
            )
            return redirect("listening:suggestions", slug=slug)
    elif action != "accept":
        form.add_error(None, _("Choose: accept or set aside."))
    # What was typed stays in the form, with the message beside it.
    return _render(request, neighbourhood, bound=form, bound_pk=suggestion.pk, status=400)
