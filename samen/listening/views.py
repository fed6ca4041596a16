"""Listening pages: residents give input and see what became of it; workers collect and group it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors
from samen.core.idempotency import new_key
from samen.listening import exports
from samen.listening.forms import (
    AnswerForm,
    AssignForm,
    ConclusionForm,
    ContributionEditForm,
    ContributionFilterForm,
    ContributionForm,
    MergeForm,
    PaperContributionForm,
    PaperVolunteerForm,
    ThemeForm,
    VolunteerForm,
)
from samen.listening.models import Channel
from samen.listening.selectors import (
    ContributionFilter,
    contribution_of,
    contributions_for_workers,
    contributions_of_resident,
    contributions_without_theme,
    feedback_of,
    households_not_reached,
    households_with_reach,
    reach_of,
    theme_contributions,
    theme_of,
    themes_of,
    volunteers_of,
    you_said_of,
)
from samen.listening.services import (
    ContributionInput,
    contribution_create,
    contribution_delete,
    contribution_update,
    contributions_assign,
    feedback_conclusion_save,
    theme_answer,
    theme_create,
    theme_delete,
    theme_merge,
    theme_update,
    volunteer_create,
)
from samen.neighbourhoods.selectors import resident_in, street_names

PAGE_SIZE = 50


def _own_resident(request: HttpRequest, neighbourhood):  # type: ignore[no-untyped-def]
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    if resident is None:
        raise Http404
    return resident


# --- Residents ------------------------------------------------------------------------------


@login_required
@require_GET
def my_input(request: HttpRequest, slug: str) -> HttpResponse:
    """Show what my household said and what became of it."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.view_own")
    resident = _own_resident(request, neighbourhood)
    page = Paginator(contributions_of_resident(resident=resident), 20).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "listening/contribution_mine.html",
        {
            "neighbourhood": neighbourhood,
            "page_obj": page,
            "can_submit": request.user.has_perm("listening.submit_online", neighbourhood),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def give_input(request: HttpRequest, slug: str) -> HttpResponse:
    """Give input online in a few taps."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.view_own")
    resident = _own_resident(request, neighbourhood)
    if not request.user.has_perm("listening.submit_online", neighbourhood):
        return render(
            request, "listening/contribution_closed.html", {"neighbourhood": neighbourhood}
        )
    form = ContributionForm(request.POST or None, initial={"kind": request.GET.get("soort", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contribution_create(
                neighbourhood=neighbourhood,
                data=ContributionInput(
                    kind=data["kind"],
                    text=data["text"],
                    channel=Channel.ONLINE,
                    consent_named=data["consent_named"],
                ),
                author=resident,
                entered_by=request.user,
                idempotency_key=data["idempotency_key"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("Thank you! We have received what you said."))
            return redirect("listening:mine", slug=slug)
    return render(
        request, "listening/contribution_form.html", {"neighbourhood": neighbourhood, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def volunteer(request: HttpRequest, slug: str) -> HttpResponse:
    """Say 'I want to help with…'."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.view_own")
    resident = _own_resident(request, neighbourhood)
    form = VolunteerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        volunteer_create(
            neighbourhood=neighbourhood,
            areas=data["areas"],
            detail=data["detail"],
            contact=data["contact"],
            resident=resident,
            channel=Channel.ONLINE,
            idempotency_key=data["idempotency_key"],
        )
        messages.success(request, _("Thank you! The community worker will contact you."))
        return redirect("neighbourhoods:home", slug=slug)
    return render(
        request, "listening/volunteer_form.html", {"neighbourhood": neighbourhood, "form": form}
    )


@login_required
@require_GET
def you_said(request: HttpRequest, slug: str) -> HttpResponse:
    """Show 'You said, we did' per theme."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.view_you_said")
    return render(
        request,
        "listening/you_said.html",
        {"neighbourhood": neighbourhood, "themes": you_said_of(neighbourhood=neighbourhood)},
    )


# --- Community workers: contributions -----------------------------------------------------


@login_required
@require_GET
@vary_on_headers("HX-Request")
def contribution_list(request: HttpRequest, slug: str) -> HttpResponse:
    """List the contributions with filters."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.view_contributions")
    form = ContributionFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = ContributionFilter(
        kind=data.get("kind", ""),
        channel=data.get("channel", ""),
        status=data.get("status", ""),
        search=data.get("q", ""),
    )
    page = Paginator(
        contributions_for_workers(neighbourhood=neighbourhood, filters=filters), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    template = "listening/contribution_list.html" + ("#rows" if request.htmx else "")
    return render(
        request, template, {"neighbourhood": neighbourhood, "page_obj": page, "filter_form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def contribution_paper(request: HttpRequest, slug: str) -> HttpResponse:
    """Type in cards and conversations fast: save, and the form is ready for the next one."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.enter_paper")
    streets = street_names(neighbourhood=neighbourhood)
    channel = request.session.get("samen_paper_channel", Channel.POSTCARD)
    form = PaperContributionForm(
        request.POST or None,
        request.FILES or None,
        neighbourhood=neighbourhood,
        streets=streets,
        initial={"channel": channel},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contribution_create(
                neighbourhood=neighbourhood,
                data=ContributionInput(
                    kind=data["kind"],
                    text=data["text"],
                    channel=data["channel"],
                    household=data.get("household"),
                    street=data.get("street", ""),
                    language=data.get("language", ""),
                    consent_named=data["consent_named"],
                ),
                entered_by=request.user,
                photo=data.get("photo"),
                idempotency_key=data["idempotency_key"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            request.session["samen_paper_channel"] = data["channel"]
            request.session["samen_paper_count"] = request.session.get("samen_paper_count", 0) + 1
            messages.success(request, _("Saved. Type the next one."))
            return redirect("listening:paper", slug=slug)
    return render(
        request,
        "listening/contribution_paper.html",
        {
            "neighbourhood": neighbourhood,
            "form": form,
            "count": request.session.get("samen_paper_count", 0),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contribution_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Correct one contribution, or delete it."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.view_contributions")
    contribution = contribution_of(neighbourhood=neighbourhood, pk=pk)
    if contribution is None:
        raise Http404
    streets = street_names(neighbourhood=neighbourhood)
    if request.method == "POST" and request.POST.get("action") == "delete":
        contribution_delete(contribution=contribution, actor=request.user)
        messages.success(request, _("The contribution is deleted."))
        return redirect("listening:list", slug=slug)
    initial = {
        "kind": contribution.kind,
        "text": contribution.text,
        "language": contribution.language,
        "household": contribution.household_id,
        "street": contribution.street,
        "consent_named": contribution.consent_named,
    }
    form = ContributionEditForm(
        request.POST or None, initial=initial, neighbourhood=neighbourhood, streets=streets
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contribution_update(
                contribution=contribution,
                actor=request.user,
                kind=data["kind"],
                text=data["text"],
                language=data["language"],
                street=data.get("street", ""),
                household=data.get("household"),
                consent_named=data["consent_named"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("listening:list", slug=slug)
    return render(
        request,
        "listening/contribution_detail.html",
        {"neighbourhood": neighbourhood, "contribution": contribution, "form": form},
    )


@login_required
@require_GET
def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """Download every contribution as CSV or XLSX (names only with consent)."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.export")
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    return exports.contributions_download(neighbourhood=neighbourhood, fmt=fmt, actor=request.user)


# --- Community workers: themes ------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def theme_list(request: HttpRequest, slug: str) -> HttpResponse:
    """List the themes with their counts, make a new one."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.manage_themes")
    form = ThemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            theme = theme_create(
                neighbourhood=neighbourhood,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                actor=request.user,
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except ValidationError:
            form.add_error("title", _("There is already a theme with this name."))
        else:
            messages.success(request, _("The theme %(title)s is made.") % {"title": theme.title})
            return redirect("listening:themes", slug=slug)
    return render(
        request,
        "listening/theme_list.html",
        {
            "neighbourhood": neighbourhood,
            "themes": themes_of(neighbourhood=neighbourhood),
            "without_theme": contributions_without_theme(neighbourhood=neighbourhood).count(),
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Rename, merge or delete a theme; take contributions out of it."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.manage_themes")
    theme = theme_of(neighbourhood=neighbourhood, pk=pk)
    if theme is None:
        raise Http404
    action = request.POST.get("action", "")
    form = ThemeForm(
        request.POST if action == "rename" else None,
        initial={"title": theme.title, "description": theme.description},
    )
    merge_form = MergeForm(request.POST if action == "merge" else None, theme=theme)
    if request.method == "POST":
        if action == "rename" and form.is_valid():
            try:
                theme_update(
                    theme=theme,
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                )
            except ValidationError:
                form.add_error("title", _("There is already a theme with this name."))
            else:
                messages.success(request, _("Saved."))
                return redirect(theme.get_absolute_url())
        elif action == "merge" and merge_form.is_valid():
            target = theme_merge(source=theme, target=merge_form.cleaned_data["target"])
            messages.success(request, _("The themes are merged."))
            return redirect(target.get_absolute_url())
        elif action == "delete":
            theme_delete(theme=theme)
            messages.success(request, _("The theme is deleted. Its contributions are new again."))
            return redirect("listening:themes", slug=slug)
        elif action == "remove":
            contributions_assign(
                neighbourhood=neighbourhood,
                contribution_ids=[
                    int(i) for i in request.POST.getlist("contribution") if i.isdigit()
                ],
                theme=None,
            )
            messages.success(request, _("Taken out of the theme."))
            return redirect(theme.get_absolute_url())
    page = Paginator(theme_contributions(theme=theme), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "listening/theme_detail.html",
        {
            "neighbourhood": neighbourhood,
            "theme": theme,
            "form": form,
            "merge_form": merge_form,
            "page_obj": page,
        },
        status=400 if (form.errors or merge_form.errors) else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_assign(request: HttpRequest, slug: str) -> HttpResponse:
    """Put contributions that have no theme yet into a theme, many at once."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.manage_themes")
    open_contributions = contributions_without_theme(neighbourhood=neighbourhood)
    page = Paginator(open_contributions, PAGE_SIZE).get_page(request.GET.get("page"))
    form = AssignForm(
        request.POST or None, neighbourhood=neighbourhood, contributions=open_contributions
    )
    if request.method == "POST" and form.is_valid():
        count = contributions_assign(
            neighbourhood=neighbourhood,
            contribution_ids=[c.pk for c in form.cleaned_data["contributions"]],
            theme=form.cleaned_data["theme"],
        )
        messages.success(
            request,
            ngettext(
                "%(count)d contribution is now in the theme.",
                "%(count)d contributions are now in the theme.",
                count,
            )
            % {"count": count},
        )
        return redirect("listening:assign", slug=slug)
    return render(
        request,
        "listening/theme_assign.html",
        {
            "neighbourhood": neighbourhood,
            "form": form,
            "page_obj": page,
            "checked": set(request.POST.getlist("contributions")),
        },
    )


# --- Reach and volunteers -----------------------------------------------------------------


@login_required
@require_GET
def reach(request: HttpRequest, slug: str) -> HttpResponse:
    """Show which households and streets have been heard, and on which channel."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.view_reach")
    street = request.GET.get("straat", "")
    page = Paginator(
        households_with_reach(neighbourhood=neighbourhood, street=street), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "listening/reach.html",
        {
            "neighbourhood": neighbourhood,
            "reach": reach_of(neighbourhood=neighbourhood),
            "page_obj": page,
            "street": street,
            "channels": Channel.choices,
        },
    )


@login_required
@require_GET
def door_to_door(request: HttpRequest, slug: str) -> HttpResponse:
    """A printable list of the households not reached yet."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.view_reach")
    households = households_not_reached(neighbourhood=neighbourhood)
    return render(
        request,
        "listening/door_to_door.html",
        {"neighbourhood": neighbourhood, "households": households},
    )


@login_required
@require_http_methods(["GET", "POST"])
def volunteer_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The overview of who wants to help, and a form for paper sign-ups."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.view_volunteers")
    form = PaperVolunteerForm(request.POST or None, neighbourhood=neighbourhood)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        volunteer_create(
            neighbourhood=neighbourhood,
            areas=data["areas"],
            detail=data["detail"],
            contact=data["contact"],
            name=data["name"],
            household=data.get("household"),
            channel=data["channel"],
            entered_by=request.user,
            idempotency_key=data["idempotency_key"],
        )
        messages.success(request, _("Saved."))
        return redirect("listening:volunteers", slug=slug)
    area = request.GET.get("voor", "")
    page = Paginator(volunteers_of(neighbourhood=neighbourhood, area=area), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "listening/volunteer_list.html",
        {"neighbourhood": neighbourhood, "page_obj": page, "form": form, "area": area},
    )


# --- Feedback -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, slug: str) -> HttpResponse:
    """The feedback report for the housing company (web); workers write the conclusion."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.view_report")
    can_write = request.user.has_perm("listening.write_conclusion", neighbourhood)
    data = feedback_of(neighbourhood=neighbourhood)
    form = ConclusionForm(
        request.POST or None, initial={"conclusion": data.report.conclusion if data.report else ""}
    )
    if request.method == "POST":
        if not can_write:
            raise Http404
        if form.is_valid():
            feedback_conclusion_save(
                neighbourhood=neighbourhood,
                conclusion=form.cleaned_data["conclusion"],
                actor=request.user,
            )
            messages.success(request, _("Saved."))
            return redirect("listening:report", slug=slug)
    return render(
        request,
        "listening/feedback_report.html",
        {
            "neighbourhood": neighbourhood,
            "data": data,
            "form": form,
            "can_write": can_write,
            "can_answer": request.user.has_perm("listening.answer_theme", neighbourhood),
            "pdf_key": new_key(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_answer_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The housing company answers a theme ('we did')."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm="listening.answer_theme")
    theme = theme_of(neighbourhood=neighbourhood, pk=pk)
    if theme is None:
        raise Http404
    response = getattr(theme, "response", None)
    initial = (
        {"status": response.status, "text": response.text, "published": response.published}
        if response
        else {"published": True}
    )
    form = AnswerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        theme_answer(
            theme=theme,
            text=form.cleaned_data["text"],
            status=form.cleaned_data["status"],
            published=form.cleaned_data["published"],
            actor=request.user,
        )
        messages.success(request, _("Your answer is saved."))
        return redirect("listening:report", slug=slug)
    quotes = feedback_of(neighbourhood=neighbourhood)
    summary = next((s for s in quotes.themes if s.theme.pk == theme.pk), None)
    return render(
        request,
        "listening/theme_answer.html",
        {"neighbourhood": neighbourhood, "theme": theme, "form": form, "summary": summary},
    )
