"""The swap board and the contest in a real browser: voting on a phone, and axe on every page.

Texts are matched by names, values and addresses, not by Dutch words (the translation changes).
"""

from e2e.conftest import axe_violations, horizontal_overflow, login_as


def _activity(title: str):  # type: ignore[no-untyped-def]
    from samen.activities.models import Activity

    return Activity.objects.get(neighbourhood__slug="kapelakker", title=title)


def test_a_resident_votes_once_on_a_phone(page, new_page, demo):
    from samen.activities.models import Vote

    contest = _activity("Huisdier van de winter")
    url = f"/wijk/kapelakker/activiteiten/{contest.pk}/wedstrijd/"
    login_as(page, "resident")
    page.goto(url)
    # A second tab with the same page, to try a second vote from a page that is out of date.
    stale = page.context.new_page()
    stale.goto(url)

    forms = page.locator("main form[action$='/wedstrijd/stemmen/']")
    assert forms.count() == 5
    assert horizontal_overflow(page) is None
    found = axe_violations(page)
    first = forms.first
    name = page.locator("main .card h3").first.inner_text()
    first.locator("button[type=submit]").click()
    page.wait_for_url(f"**{url}")
    assert name in page.locator(".message--success").first.inner_text()
    assert page.locator("main form[action$='/wedstrijd/stemmen/']").count() == 0
    assert horizontal_overflow(page) is None
    found += axe_violations(page)

    stale.locator("main form[action$='/wedstrijd/stemmen/'] button[type=submit]").nth(1).click()
    stale.wait_for_url(f"**{url}")
    assert stale.locator(".message--error").count() == 1
    assert (
        Vote.objects.filter(activity=contest, household__residents__display_name="Youssef").count()
        == 1
    )
    assert not found, "axe-core found violations:\n" + "\n".join(found)


def test_swap_and_contest_pages_have_no_accessibility_violations(new_page, demo):
    from samen.activities.models import ContestEntry, Moderation

    swap = _activity("Plantenruil")
    spring = _activity("Plantenruil voorjaar")
    contest = _activity("Huisdierenwedstrijd")
    now = _activity("Huisdier van de winter")
    entry = ContestEntry.objects.filter(activity=contest, status=Moderation.APPROVED).first()
    base = "/wijk/kapelakker/activiteiten"
    found: list[str] = []

    resident = new_page()
    login_as(resident, "resident")
    for path in (
        f"{base}/{spring.pk}/ruilen/",
        f"{base}/{swap.pk}/ruilen/?kind=offer&category=cutting",
        f"{base}/{spring.pk}/ruilen/nieuw/",
        f"{base}/{contest.pk}/wedstrijd/",
        f"{base}/{now.pk}/wedstrijd/meedoen/",
    ):
        resident.goto(path)
        assert horizontal_overflow(resident) is None
        found += axe_violations(resident)
    # Youssef's want on the spring swap shows a neighbour's matching offer.
    resident.goto(f"{base}/{spring.pk}/ruilen/")
    assert resident.locator("main .match-list li").count() >= 1
    resident.locator(
        "main form[action$='/ruilen/nieuw/'], main a[href$='/ruilen/nieuw/']"
    ).first.click()
    resident.locator("input[name=title]").fill("Hangplant")
    resident.locator(
        "main form[method=post] button[type=submit]"
    ).click()  # no kind or category: the error summary
    found += axe_violations(resident)
    assert resident.locator("input[name=title]").input_value() == "Hangplant"

    organiser = new_page()
    login_as(organiser, "facilitator")
    for path in (
        f"{base}/{swap.pk}/ruilen/",
        f"{base}/{now.pk}/wedstrijd/",
        f"{base}/{contest.pk}/wedstrijd/nakijken/",
    ):
        organiser.goto(path)
        assert horizontal_overflow(organiser) is None
        found += axe_violations(organiser)

    visitor = new_page()
    visitor.goto(f"{base}/{contest.pk}/wedstrijd/{entry.pk}/")
    assert visitor.locator("meta[property='og:image']").count() == 1
    assert horizontal_overflow(visitor) is None
    found += axe_violations(visitor)
    assert not found, "axe-core found violations:\n" + "\n".join(found)
