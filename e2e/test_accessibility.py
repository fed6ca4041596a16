"""Every page of the people-and-places issue, as every role sees it, passes axe-core on a phone.

One test per role visits every page that role can reach (and the 404 page) at 360 px wide, in
Dutch, and collects what is wrong on each: axe-core violations (WCAG 2.1 A/AA and best
practices), sideways scrolling, a wrong status or language. Another test per role submits each
form it may use once with nothing filled in, and checks the page with its errors shown.
"""

import pytest

from e2e.conftest import axe_violations, horizontal_overflow, login_as

SLUG = "kapelakker"
N = f"/wijk/{SLUG}"
# Pages of the activities that every member reaches (the share links are public too).
ACTIVITY_PAGES = [
    f"{N}/activiteiten/",
    f"{N}/activiteiten/{{activity}}/",
    f"{N}/activiteiten/{{swap}}/ruilen/",
    f"{N}/activiteiten/{{contest}}/wedstrijd/{{entry}}/",
    f"{N}/activiteiten/{{wishes}}/wensen/",
]
RESIDENT_PAGES = [
    "/",
    f"{N}/",
    f"{N}/thuis/",
    f"{N}/buren/",
    "/mijn-huishouden/",
    "/mijn-huishouden/nieuw/",
    "/mijn-gegevens/",
    "/mijn-gegevens/wissen/",
    f"{N}/mijn-inbreng/",
    f"{N}/zeg-het/",
    f"{N}/helpen/",
    f"{N}/jullie-zeiden/",
    f"{N}/afspraken/",
    f"{N}/afspraken/{{agreement}}/",
    f"{N}/melden/",
    f"{N}/mijn-meldingen/",
    f"{N}/meldingen/overzicht/",
    f"{N}/comite/",
    f"{N}/comite/vragen/",
    f"{N}/comite/vergaderingen/",
    f"{N}/comite/besluiten/",
    *ACTIVITY_PAGES,
    f"{N}/activiteiten/{{activity}}/inschrijven/",
    f"{N}/activiteiten/{{swap}}/ruilen/nieuw/",
    f"{N}/activiteiten/{{contest}}/wedstrijd/",
    f"{N}/activiteiten/{{swap}}/kennismaken/",
    f"{N}/samenhang/",
]
STAFF_PAGES = ["/", "/beheer/", f"{N}/", f"{N}/thuis/", f"{N}/buren/"]
MANAGER_PAGES = [
    *STAFF_PAGES,
    f"{N}/huishoudens/",
    f"{N}/huishoudens/{{household}}/",
    f"{N}/huishoudens/nieuw/",
    f"{N}/import/",
    f"{N}/traject/",
    f"{N}/traject/{{trajectory}}/",
    f"{N}/traject/{{trajectory}}/fase/{{phase}}/",
    f"{N}/inbreng/",
    f"{N}/inbreng/kaartjes/",
    f"{N}/inbreng/{{contribution}}/",
    f"{N}/standje/",
    f"{N}/themas/",
    f"{N}/themas/indelen/",
    f"{N}/themas/{{theme}}/",
    f"{N}/themas/{{theme}}/antwoord/",
    f"{N}/themas/suggesties/",
    f"{N}/bereik/",
    f"{N}/bereik/deur-aan-deur/",
    f"{N}/vrijwilligers/",
    f"{N}/terugkoppeling/",
    f"{N}/afdrukken/",
    f"{N}/afspraken/",
    f"{N}/afspraken/nieuw/",
    f"{N}/afspraken/{{agreement}}/",
    f"{N}/afspraken/{{agreement}}/wijzigen/",
    f"{N}/afspraken/{{agreement}}/vertaling/",
    f"{N}/afspraken/{{agreement}}/evaluatie/",
    f"{N}/meldingen/",
    f"{N}/meldingen/overzicht/",
    f"{N}/meldingen/{{report}}/",
    f"{N}/comite/",
    f"{N}/comite/leden/",
    f"{N}/comite/charter/",
    f"{N}/comite/charter/mission/",
    f"{N}/comite/nieuws/",
    f"{N}/comite/vragen/",
    f"{N}/comite/vergaderingen/",
    f"{N}/comite/vergaderingen/{{meeting}}/",
    f"{N}/comite/besluiten/",
    f"{N}/comite/taken/",
    *ACTIVITY_PAGES,
    f"{N}/activiteiten/nieuw/",
    f"{N}/activiteiten/{{activity}}/bewerken/",
    f"{N}/activiteiten/{{activity}}/inschrijvingen/",
    f"{N}/activiteiten/{{activity}}/aanwezig/",
    f"{N}/activiteiten/{{contest}}/wedstrijd/",
    f"{N}/activiteiten/{{contest}}/wedstrijd/nakijken/",
    f"{N}/activiteiten/{{wishes}}/wensen/nakijken/",
    f"{N}/activiteiten/{{wishes}}/wensen/scherm/",
    f"{N}/activiteiten/{{swap}}/kennismaken/",
    f"{N}/activiteiten/{{swap}}/kennismaken/ijsbrekers/",
    f"{N}/meting/",
    f"{N}/meting/nieuw/",
    f"{N}/meting/{{wave}}/",
    f"{N}/meting/{{wave}}/vragenlijsten/",
    f"{N}/meting/{{wave}}/papier/",
    f"{N}/samenhang/",
]
PAGES = {
    "visitor": [
        "/",
        "/aanmelden/",
        "/aanmelden/code/",
        "/aanmelden/medewerker/",
        "/aanmelden/link/",
        "/wachtwoord/vergeten/",
        f"{N}/",
        "/peiling/",
        f"{N}/activiteiten/{{activity}}/",
        f"{N}/activiteiten/{{contest}}/wedstrijd/{{entry}}/",
        f"{N}/activiteiten/{{wishes}}/wensen/",
    ],
    "resident": RESIDENT_PAGES,
    "committee_member": RESIDENT_PAGES,
    "facilitator": MANAGER_PAGES,
    "housing_staff": [
        *STAFF_PAGES,
        f"{N}/jullie-zeiden/",
        f"{N}/terugkoppeling/",
        f"{N}/themas/{{theme}}/antwoord/",
        f"{N}/afdrukken/",
        f"{N}/meldingen/",
        f"{N}/meldingen/{{report}}/",
        "/beheer/meldingen/",
        *ACTIVITY_PAGES,
        f"{N}/samenhang/",
        "/organisatie/{organisation}/samenhang/",
    ],
    "organisation_admin": [
        *MANAGER_PAGES,
        "/beheer/wijk-nieuw/",
        f"{N}/team/",
        f"{N}/logboek/",
        "/organisatie/{organisation}/api-sleutels/",
    ],
}
NOT_FOUND = "/deze-pagina-bestaat-niet/"

# Each form once, submitted empty (fields with a value are cleared first): (page, form).
MAIN_FORM = "main form[novalidate]"
FORMS = {
    "visitor": [
        ("/aanmelden/code/", MAIN_FORM),
        ("/aanmelden/medewerker/", MAIN_FORM),
        ("/aanmelden/link/", MAIN_FORM),
        ("/wachtwoord/vergeten/", MAIN_FORM),
        ("/peiling/", MAIN_FORM),
    ],
    "resident": [
        ("/mijn-huishouden/nieuw/", MAIN_FORM),
        ("/mijn-gegevens/", MAIN_FORM),
        (f"{N}/helpen/", MAIN_FORM),
        (f"{N}/melden/", MAIN_FORM),
        (f"{N}/activiteiten/{{swap}}/ruilen/nieuw/", MAIN_FORM),
    ],
    "facilitator": [
        (f"{N}/huishoudens/nieuw/", MAIN_FORM),
        (f"{N}/huishoudens/{{household}}/", MAIN_FORM),
        (f"{N}/import/", MAIN_FORM),
        (f"{N}/traject/", MAIN_FORM),
        (f"{N}/traject/{{trajectory}}/", MAIN_FORM),
        (f"{N}/traject/{{trajectory}}/fase/{{phase}}/", MAIN_FORM),
        (f"{N}/traject/{{trajectory}}/fase/{{phase}}/", f"{MAIN_FORM} >> nth=1"),
        (f"{N}/inbreng/kaartjes/", MAIN_FORM),
        (f"{N}/themas/", MAIN_FORM),
        (f"{N}/themas/indelen/", MAIN_FORM),
        (f"{N}/themas/{{theme}}/antwoord/", MAIN_FORM),
        (f"{N}/vrijwilligers/", MAIN_FORM),
        (f"{N}/afspraken/nieuw/", MAIN_FORM),
        (f"{N}/activiteiten/nieuw/", MAIN_FORM),
        (f"{N}/meting/nieuw/", MAIN_FORM),
    ],
    "organisation_admin": [
        ("/beheer/wijk-nieuw/", MAIN_FORM),
        (f"{N}/team/", MAIN_FORM),
    ],
}
TEXT_FIELDS = ", ".join(
    [
        *(
            f"input[type={kind}]"
            for kind in ("text", "email", "tel", "password", "date", "number", "url", "search")
        ),
        "input:not([type])",
        "textarea",
    ]
)


def demo_ids() -> dict[str, int]:
    """Find the demo objects that pages need in their address."""
    from samen.activities.models import Activity, ContestEntry
    from samen.agreements.models import Agreement, Report
    from samen.cohesion.models import SurveyWave
    from samen.committee.models import Meeting
    from samen.listening.models import Contribution, Theme
    from samen.neighbourhoods.models import Household, Neighbourhood
    from samen.trajectories.models import Trajectory

    trajectory = Trajectory.objects.filter(neighbourhood__slug=SLUG).order_by("pk").first()
    activities = Activity.objects.filter(neighbourhood__slug=SLUG, published=True).order_by("pk")
    contest = activities.filter(kind=Activity.Kind.CONTEST).first()
    return {
        "activity": activities.first().pk,
        "swap": activities.filter(kind=Activity.Kind.SWAP).first().pk,
        "contest": contest.pk,
        "entry": ContestEntry.objects.filter(activity=contest, status="approved")
        .order_by("pk")
        .first()
        .pk,
        "wishes": activities.filter(kind=Activity.Kind.WISH_WALL).first().pk,
        "wave": SurveyWave.objects.filter(neighbourhood__slug=SLUG).order_by("pk").first().pk,
        "contribution": Contribution.objects.filter(neighbourhood__slug=SLUG)
        .order_by("pk")
        .first()
        .pk,
        "theme": Theme.objects.filter(neighbourhood__slug=SLUG).order_by("pk").first().pk,
        "organisation": Neighbourhood.objects.get(slug=SLUG).organisation.slug,
        "meeting": Meeting.objects.filter(committee__neighbourhood__slug=SLUG)
        .order_by("pk")
        .first()
        .pk,
        "report": Report.objects.filter(neighbourhood__slug=SLUG).order_by("pk").first().pk,
        "agreement": Agreement.objects.filter(neighbourhood__slug=SLUG, status="adopted")
        .order_by("pk")
        .first()
        .pk,
        "household": Household.objects.filter(neighbourhood__slug=SLUG).order_by("pk").first().pk,
        "trajectory": trajectory.pk,
        "phase": trajectory.phases.order_by("pk").first().pk,
    }


def page_problems(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Collect what is wrong on the open page: axe violations, sideways scrolling, language."""
    problems = axe_violations(page)
    overflow = horizontal_overflow(page)
    if overflow:
        problems.append(overflow)
    language = page.get_attribute("html", "lang")
    if language != "nl":
        problems.append(f"{page.url}: the page is not in Dutch (lang={language!r})")
    return problems


@pytest.mark.parametrize("role", list(PAGES))
def test_every_page_of_a_role_passes_axe_and_fits_a_phone(page, demo, role):
    login_as(page, role)
    ids = demo_ids()
    problems = []
    for address in [*PAGES[role], NOT_FOUND]:
        url = address.format(**ids)
        response = page.goto(url)
        expected = 404 if address == NOT_FOUND else 200
        if response.status != expected:
            problems.append(f"{url}: status {response.status}, expected {expected}")
            continue
        problems += page_problems(page)
    assert not problems, f"Problems on the pages of a {role}:\n" + "\n".join(problems)


@pytest.mark.parametrize("role", list(FORMS))
def test_every_form_with_its_errors_shown_passes_axe(page, demo, role):
    login_as(page, role)
    ids = demo_ids()
    problems = []
    for address, selector in FORMS[role]:
        url = address.format(**ids)
        page.goto(url)
        form = page.locator(selector)
        for field in form.locator(TEXT_FIELDS).all():
            if field.is_editable():
                field.fill("")
        with page.expect_navigation():
            form.locator("button[type=submit]").first.click()
        if not page.locator(".error-summary").is_visible():
            problems.append(f"{url} ({selector}): no error summary after an empty submit")
            continue
        broken = page.evaluate(
            """() => [...document.querySelectorAll('.error-summary a[href^="#"]')]
                .map(a => a.getAttribute('href'))
                .filter(href => !document.getElementById(href.slice(1)))"""
        )
        if broken:
            problems.append(f"{url}: error summary links to missing fields {broken}")
        problems += page_problems(page)
    assert not problems, f"Problems on the forms of a {role}:\n" + "\n".join(problems)


def test_choosing_who_you_are_passes_axe_with_and_without_errors(page, demo):
    page.goto("/aanmelden/code/")
    page.fill("input[name=code]", "KAPE-AKR3")
    page.locator(f"{MAIN_FORM} button[type=submit]").click()
    page.wait_for_url("**/aanmelden/code/wie/")
    problems = page_problems(page)
    # The second form on the page is "my name is not in the list": send it without a name.
    form = page.locator("main form").filter(has=page.locator("input[name=display_name]"))
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator(".error-summary").is_visible()
    problems += page_problems(page)
    assert not problems, "\n".join(problems)


def test_staff_pages_pass_axe_on_a_tablet(new_page, demo):
    page = new_page("tablet")
    login_as(page, "organisation_admin")
    ids = demo_ids()
    problems = []
    for address in (f"{N}/huishoudens/", f"{N}/huishoudens/{{household}}/", f"{N}/import/"):
        page.goto(address.format(**ids))
        problems += axe_violations(page)
        overflow = horizontal_overflow(page)
        if overflow:
            problems.append(overflow)
    assert not problems, "\n".join(problems)
