"""Logging in and out, and a household's own page."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samen.accounts.forms import (
    TOO_MANY,
    JoinCodeForm,
    MagicLinkForm,
    ResidentDetailsForm,
    StaffLoginForm,
    StaffPasswordResetForm,
    WhoAreYouForm,
)
from samen.accounts.models import User
from samen.accounts.services import magic_link_send, resident_data_export, resident_erase
from samen.accounts.tokens import magic_link_tokens
from samen.core import ratelimit
from samen.neighbourhoods.models import Household, normalise_join_code
from samen.neighbourhoods.selectors import household_by_join_code, household_members, resident_of
from samen.neighbourhoods.services import resident_account, resident_create, resident_update

SESSION_HOUSEHOLD = "samen_join_household"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _next_url(request: HttpRequest, fallback: str = "core:start") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    from django.urls import reverse

    return reverse(fallback)


@require_http_methods(["GET"])
def login_choice(request: HttpRequest) -> HttpResponse:
    """Offer the ways to log in: household code, e-mail link, staff password."""
    return render(request, "accounts/login_choice.html", {"next": request.GET.get("next", "")})


class StaffLoginView(auth_views.LoginView):
    """Staff log in with e-mail and password."""

    form_class = StaffLoginForm
    template_name = "accounts/login_staff.html"
    redirect_authenticated_user = False

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        ratelimit.reset("staff-login", self.request, form.cleaned_data.get("username", ""))
        return super().form_valid(form)


def _start_code_session(request: HttpRequest, household: Household) -> HttpResponse:
    request.session[SESSION_HOUSEHOLD] = household.pk
    ratelimit.reset("join-code", request, household.join_code)
    target = reverse_lazy("accounts:code_who")
    next_url = request.POST.get("next") or request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        request.session["samen_join_next"] = next_url
    return redirect(target)


@require_http_methods(["GET", "POST"])
def code_login(request: HttpRequest) -> HttpResponse:
    """Type the household code from the postcard."""
    form = JoinCodeForm(request.POST or None)
    if request.method == "POST":
        typed = request.POST.get("code", "")
        if ratelimit.is_blocked("join-code", request, normalise_join_code(typed)):
            form.is_valid()
            form.add_error(None, TOO_MANY)
        elif form.is_valid():
            household = household_by_join_code(code=form.cleaned_data["code"])
            if household is not None:
                return _start_code_session(request, household)
            ratelimit.record_failure("join-code", request, form.cleaned_data["code"])
            form.add_error(
                "code", _("We do not know this code. Check the code on your card and try again.")
            )
        else:
            ratelimit.record_failure("join-code", request, typed)
    return render(
        request, "accounts/login_code.html", {"form": form, "next": request.GET.get("next", "")}
    )


@require_http_methods(["GET"])
def code_link(request: HttpRequest, code: str) -> HttpResponse:
    """Open the code page from a QR code: check the code and go on to 'who are you?'."""
    normalised = normalise_join_code(code)
    if ratelimit.is_blocked("join-code", request, normalised):
        form = JoinCodeForm(initial={"code": code})
        form_errors = [TOO_MANY]
        return render(
            request, "accounts/login_code.html", {"form": form, "errors": form_errors}, status=429
        )
    household = household_by_join_code(code=normalised)
    if household is None:
        ratelimit.record_failure("join-code", request, normalised)
        form = JoinCodeForm({"code": code})
        form.is_valid()
        if not form.errors:
            form.add_error(
                "code", _("We do not know this code. Check the code on your card and try again.")
            )
        return render(request, "accounts/login_code.html", {"form": form}, status=404)
    return _start_code_session(request, household)


@require_http_methods(["GET", "POST"])
def code_who(request: HttpRequest) -> HttpResponse:
    """Choose who you are in the household, or add yourself."""
    household_pk = request.session.get(SESSION_HOUSEHOLD)
    household = Household.objects.select_related("neighbourhood").filter(pk=household_pk).first()
    if household is None:
        return redirect("accounts:code")
    members = household_members(household=household)
    chosen = request.POST.get("resident") if request.method == "POST" else None
    form = WhoAreYouForm(request.POST if request.method == "POST" and not chosen else None)
    resident = None
    if chosen:
        resident = next((m for m in members if str(m.pk) == chosen), None)
        if resident is None:
            raise Http404
    elif form.is_bound and form.is_valid():
        resident = resident_create(
            household=household,
            display_name=form.cleaned_data["display_name"],
            languages=[request.LANGUAGE_CODE],
            idempotency_key=form.cleaned_data.get("idempotency_key"),
        )
    if resident is not None:
        user = resident_account(resident=resident)
        login(request, user, backend=MODEL_BACKEND)
        request.session.pop(SESSION_HOUSEHOLD, None)
        next_url = request.session.pop("samen_join_next", "")
        messages.success(request, _("Welcome, %(name)s!") % {"name": resident.display_name})
        if next_url:
            return redirect(next_url)
        return redirect("neighbourhoods:home", slug=household.neighbourhood.slug)
    return render(
        request,
        "accounts/login_who.html",
        {"household": household, "members": members, "form": form},
    )


@require_http_methods(["GET", "POST"])
def magic_link_request(request: HttpRequest) -> HttpResponse:
    """Ask for a login link by e-mail."""
    form = MagicLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if ratelimit.is_blocked("magic-link", request, email):
            form.add_error(None, TOO_MANY)
        else:
            # Every request counts: this sends e-mail, so it must not become a mail cannon.
            ratelimit.record_failure("magic-link", request, email)
            magic_link_send(email=email)
            return render(request, "accounts/magic_link_sent.html", {"email": email})
    return render(request, "accounts/magic_link_request.html", {"form": form})


@require_http_methods(["GET", "POST"])
def magic_link(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """Log in with a link from an e-mail (a button press, so mail scanners do not use it up)."""
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    valid = user is not None and user.is_active and magic_link_tokens.check_token(user, token)
    if not valid:
        return render(request, "accounts/magic_link_invalid.html", status=400)
    if request.method == "POST":
        login(request, user, backend=MODEL_BACKEND)
        return redirect("core:start")
    return render(request, "accounts/magic_link_confirm.html", {"login_user": user})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    """Log out and go to the start page."""
    logout(request)
    messages.success(request, _("You are logged out."))
    return redirect("core:home")


def _own_resident(request: HttpRequest):  # type: ignore[no-untyped-def]
    resident = resident_of(user=request.user)
    if resident is None:
        raise Http404
    return resident


@login_required
@require_http_methods(["GET"])
def household_view(request: HttpRequest) -> HttpResponse:
    """Show my household: the address, its code, its members."""
    resident = _own_resident(request)
    return render(
        request,
        "accounts/household_detail.html",
        {
            "resident": resident,
            "household": resident.household,
            "neighbourhood": resident.household.neighbourhood,
            "members": household_members(household=resident.household),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def household_member_add(request: HttpRequest) -> HttpResponse:
    """Add a member to my household."""
    resident = _own_resident(request)
    form = ResidentDetailsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        member = resident_create(
            household=resident.household,
            display_name=data["display_name"],
            languages=data["languages"],
            email=data["email"],
            phone=data["phone"],
            listed=data["listed"],
            actor=request.user,
            idempotency_key=data["idempotency_key"],
        )
        messages.success(
            request, _("%(name)s is added to your household.") % {"name": member.display_name}
        )
        return redirect("accounts:household")
    return render(
        request,
        "accounts/household_member_add.html",
        {"form": form, "household": resident.household},
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_details(request: HttpRequest) -> HttpResponse:
    """Change my own name, languages and contact details."""
    resident = _own_resident(request)
    initial = {
        "display_name": resident.display_name,
        "languages": resident.languages,
        "email": resident.email,
        "phone": resident.phone,
        "listed": resident.listed,
    }
    form = ResidentDetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        resident_update(
            resident=resident,
            actor=request.user,
            display_name=data["display_name"],
            languages=data["languages"],
            email=data["email"],
            phone=data["phone"],
            listed=data["listed"],
        )
        messages.success(request, _("Your details are saved."))
        return redirect("accounts:household")
    return render(request, "accounts/my_details.html", {"form": form, "resident": resident})


class PasswordResetView(auth_views.PasswordResetView):
    form_class = StaffPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
@require_http_methods(["GET"])
def my_data_download(request: HttpRequest) -> HttpResponse:
    """Download everything Samen keeps about me, as a JSON file."""
    import json

    from django.utils import timezone

    resident = _own_resident(request)
    data = resident_data_export(resident=resident)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="samen-mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def my_data_erase(request: HttpRequest) -> HttpResponse:
    """Erase my account (after a confirmation); what I said stays, without my name."""
    resident = _own_resident(request)
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            return render(
                request,
                "accounts/erase_confirm.html",
                {"resident": resident, "error": True},
                status=400,
            )
        resident_erase(resident=resident)
        logout(request)
        messages.success(request, _("Your account is erased. Thank you for taking part."))
        return redirect("core:home")
    return render(request, "accounts/erase_confirm.html", {"resident": resident})
