"""Committee pages: public page, members and roles, charter, news, questions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import samen.committee.rules_members  # noqa: F401
from samen.committee.charter_templates import CHARTER_TEXTS
from samen.committee.forms_members import (
    AnswerForm,
    CharterAdoptForm,
    CharterForm,
    MembershipEndForm,
    MembershipStartForm,
    NewsForm,
    QuestionForm,
    RoleDescriptionForm,
)
from samen.committee.models import CharterDocument, CommitteeRole, Meeting, Membership, Question
from samen.committee.selectors_members import (
    charter_documents,
    charter_versions,
    members_current,
    neighbourhood_residents,
    news_list,
    public_part,
    questions_for,
    role_descriptions,
    role_history,
)
from samen.committee.services_members import (
    charter_document_save,
    charter_version_adopt,
    committee_get_or_create,
    membership_end,
    membership_start,
    news_post,
    question_answer,
    question_ask,
    role_description_edit,
)
from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors

PAGE_SIZE = 20


def _can_edit(request: HttpRequest, neighbourhood) -> bool:  # type: ignore[no-untyped-def]
    return request.user.has_perm("committee.edit_committee", neighbourhood)


@login_required
@require_GET
def committee_public(request: HttpRequest, slug: str) -> HttpResponse:
    neighbourhood = access_neighbourhood(request, slug=slug, perm="committee.view_committee")
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    context = {
        "neighbourhood": neighbourhood,
        "committee": committee,
        "can_edit": _can_edit(request, neighbourhood),
        "can_ask": request.user.has_perm("committee.view_questions", neighbourhood),
        **public_part(committee=committee),
    }
    return render(request, "committee/committee_public.html", context)


def _render_members(request, neighbourhood, committee, *, start_form=None, bound=None, status=200):  # type: ignore[no-untyped-def]
    """The members page; `bound` is (kind, key, form) of a form sent back with errors."""
    members = list(members_current(committee=committee))
    for membership in members:
        membership.end_form = (
            bound[2]
            if bound and bound[0] == "end" and bound[1] == membership.pk
            else MembershipEndForm(prefix=f"end{membership.pk}")
        )
    roles = role_descriptions(committee=committee)
    for role in roles:
        role.form = (
            bound[2]
            if bound and bound[0] == "role" and bound[1] == role.role
            else RoleDescriptionForm(
                prefix=f"role-{role.role}", initial={"description": role.description}
            )
        )
    context = {
        "neighbourhood": neighbourhood,
        "committee": committee,
        "members": members,
        "history": role_history(committee=committee)[:50],
        "roles": roles,
        "start_form": start_form
        or MembershipStartForm(residents=neighbourhood_residents(neighbourhood=neighbourhood)),
    }
    return render(request, "committee/member_list.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def member_list(request: HttpRequest, slug: str) -> HttpResponse:
    neighbourhood = access_neighbourhood(request, slug=slug, perm="committee.edit_committee")
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    if request.method != "POST":
        return _render_members(request, neighbourhood, committee)
    form = MembershipStartForm(
        request.POST, residents=neighbourhood_residents(neighbourhood=neighbourhood)
    )
    if form.is_valid():
        try:
            membership_start(committee=committee, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The member was added."))
            return redirect("committee:member_list", slug=slug)
    return _render_members(request, neighbourhood, committee, start_form=form, status=400)


@login_required
@require_POST
def member_end(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    neighbourhood = access_neighbourhood(request, slug=slug, perm="committee.edit_committee")
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    membership = (
        Membership.objects.filter(committee=committee, pk=pk, ends_on__isnull=True)
        .select_related("resident", "committee")
        .first()
    )
    if membership is None:
        raise Http404
    form = MembershipEndForm(request.POST, prefix=f"end{pk}")
    if form.is_valid():
        try:
            membership_end(
                membership=membership, ends_on=form.cleaned_data["ends_on"], actor=request.user
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The term was ended. It stays in the history."))
            return redirect("committee:member_list", slug=slug)
    return _render_members(request, neighbourhood, committee, bound=("end", pk, form), status=400)


@login_required
@require_POST
def role_edit(request: HttpRequest, slug: str, role: str) -> HttpResponse:
    neighbourhood = access_neighbourhood(request, slug=slug, perm="committee.edit_committee")
    if role not in CommitteeRole.values:
        raise Http404
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    form = RoleDescriptionForm(request.POST, prefix=f"role-{role}")
    if form.is_valid():
        try:
            role_description_edit(
                committee=committee, role=role, description=form.cleaned_data["description"]
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The tasks of this role were saved."))
            return redirect("committee:member_list", slug=slug)
    return _render_members(
        request, neighbourhood, committee, bound=("role", role, form), status=400
    )


@login_required
@require_GET
def charter_overview(request: HttpRequest, slug: str) -> HttpResponse:
    neighbourhood = access_neighbourhood(request, slug=slug, perm="committee.view_committee")
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    context = {
        "neighbourhood": neighbourhood,
        "committee": committee,
        "documents": charter_documents(committee=committee),
        "can_edit": _can_edit(request, neighbourhood),
    }
    return render(request, "committee/charter_overview.html", context)


def _meetings(committee):  # type: ignore[no-untyped-def]
    return Meeting.objects.filter(committee=committee).order_by("-starts_at", "-id")


def _render_charter_document(  # type: ignore[no-untyped-def]
    request, neighbourhood, committee, kind, *, form=None, adopt_form=None, status=200
):
    can_edit = _can_edit(request, neighbourhood)
    versions = list(charter_versions(committee=committee, kind=kind)[:50])
    if form is None and can_edit:
        text = versions[0].text if versions else CHARTER_TEXTS[kind]
        form = CharterForm(initial={"text": text})
    if adopt_form is None and can_edit and versions:
        adopt_form = CharterAdoptForm(
            meetings=_meetings(committee), initial={"version": versions[0].version}
        )
    context = {
        "neighbourhood": neighbourhood,
        "committee": committee,
        "kind": kind,
        "label": CharterDocument.Kind(kind).label,
        "versions": versions,
        "latest": versions[0] if versions else None,
        "from_template": not versions,
        "can_edit": can_edit,
        "form": form,
        "adopt_form": adopt_form,
    }
    return render(request, "committee/charter_document.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def charter_document(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    perm = "committee.edit_committee" if request.method == "POST" else "committee.view_committee"
    neighbourhood = access_neighbourhood(request, slug=slug, perm=perm)
    if kind not in CharterDocument.Kind.values:
        raise Http404
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    if request.method != "POST":
        return _render_charter_document(request, neighbourhood, committee, kind)
    form = CharterForm(request.POST)
    if form.is_valid():
        try:
            version = charter_document_save(
                committee=committee, kind=kind, text=form.cleaned_data["text"], actor=request.user
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(
                request, _("Saved as version %(number)s.") % {"number": version.version}
            )
            return redirect("committee:charter_document", slug=slug, kind=kind)
    return _render_charter_document(request, neighbourhood, committee, kind, form=form, status=400)


@login_required
@require_POST
def charter_adopt(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    neighbourhood = access_neighbourhood(request, slug=slug, perm="committee.edit_committee")
    if kind not in CharterDocument.Kind.values:
        raise Http404
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    form = CharterAdoptForm(request.POST, meetings=_meetings(committee))
    if form.is_valid():
        version = (
            charter_versions(committee=committee, kind=kind)
            .filter(version=form.cleaned_data["version"])
            .first()
        )
        if version is None:
            form.add_error(None, _("This version does not exist."))
        else:
            try:
                charter_version_adopt(version=version, meeting=form.cleaned_data["meeting"])
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The adopting meeting was saved."))
                return redirect("committee:charter_document", slug=slug, kind=kind)
    return _render_charter_document(
        request, neighbourhood, committee, kind, adopt_form=form, status=400
    )


@login_required
@require_http_methods(["GET", "POST"])
def news_page(request: HttpRequest, slug: str) -> HttpResponse:
    perm = "committee.edit_committee" if request.method == "POST" else "committee.view_committee"
    neighbourhood = access_neighbourhood(request, slug=slug, perm=perm)
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    can_edit = _can_edit(request, neighbourhood)
    form = NewsForm() if can_edit else None
    status = 200
    if request.method == "POST":
        form = NewsForm(request.POST)
        if form.is_valid():
            try:
                news_post(
                    committee=committee,
                    title=form.cleaned_data["title"],
                    text=form.cleaned_data["text"],
                    author=request.user,
                    idempotency_key=form.cleaned_data["idempotency_key"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("The news was posted."))
                return redirect("committee:news", slug=slug)
        status = 400
    page_obj = Paginator(news_list(committee=committee), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "neighbourhood": neighbourhood,
        "committee": committee,
        "page_obj": page_obj,
        "can_edit": can_edit,
        "form": form,
    }
    return render(request, "committee/news_list.html", context, status=status)


def _render_questions(  # type: ignore[no-untyped-def]
    request, neighbourhood, committee, *, form=None, bound=None, status=200
):
    can_edit = _can_edit(request, neighbourhood)
    resident = getattr(request.user, "resident", None)
    can_ask = request.user.has_perm("committee.ask_question", neighbourhood) and resident
    queryset = questions_for(committee=committee, resident=None if can_edit else resident)
    if not can_edit and resident is None:
        queryset = queryset.none()
    page_obj = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    if can_edit:
        for question in page_obj.object_list:
            question.answer_form = (
                bound[1]
                if bound and bound[0] == question.pk
                else AnswerForm(prefix=f"a{question.pk}", initial={"answer": question.answer})
            )
    context = {
        "neighbourhood": neighbourhood,
        "committee": committee,
        "page_obj": page_obj,
        "can_edit": can_edit,
        "form": (form or QuestionForm()) if can_ask else None,
    }
    return render(request, "committee/question_list.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def question_list(request: HttpRequest, slug: str) -> HttpResponse:
    perm = "committee.ask_question" if request.method == "POST" else "committee.view_questions"
    neighbourhood = access_neighbourhood(request, slug=slug, perm=perm)
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    if request.method != "POST":
        return _render_questions(request, neighbourhood, committee)
    resident = getattr(request.user, "resident", None)
    if resident is None:
        raise Http404
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            question_ask(
                committee=committee,
                resident=resident,
                text=form.cleaned_data["text"],
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("Your question was sent to the committee."))
            return redirect("committee:questions", slug=slug)
    return _render_questions(request, neighbourhood, committee, form=form, status=400)


@login_required
@require_POST
def question_answer_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    neighbourhood = access_neighbourhood(request, slug=slug, perm="committee.edit_committee")
    committee = committee_get_or_create(neighbourhood=neighbourhood)
    question = Question.objects.filter(committee=committee, pk=pk).first()
    if question is None:
        raise Http404
    form = AnswerForm(request.POST, prefix=f"a{pk}")
    if form.is_valid():
        try:
            question_answer(
                question=question, answer=form.cleaned_data["answer"], actor=request.user
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The answer was saved."))
            return redirect("committee:questions", slug=slug)
    return _render_questions(request, neighbourhood, committee, bound=(pk, form), status=400)
