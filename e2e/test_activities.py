"""Activities in a real browser: a resident registers on a phone with the keyboard only, and
every activities page passes axe-core for residents and the facilitator.

Texts are matched by names, values and addresses, not by Dutch words (the translation changes).
"""

from e2e.conftest import axe_violations, horizontal_overflow, login_as


def _winter_drink_now():  # type: ignore[no-untyped-def]
    from samen.activities.models import Activity

    return Activity.objects.get(
        neighbourhood__slug="kapelakker", title__regex=r"^Winterdrink [0-9]{4}$"
    )


def test_the_resident_registers_for_the_winter_drink_on_a_phone_with_the_keyboard(page, demo):
    from samen.activities.models import Registration

    activity = _winter_drink_now()
    login_as(page, "resident")
    found: list[str] = []

    page.goto("/wijk/kapelakker/activiteiten/")
    found += axe_violations(page)
    overflow = horizontal_overflow(page)
    page.locator(f"main a[href='{activity.get_absolute_url()}']").first.click()
    page.wait_for_url(f"**{activity.get_absolute_url()}")
    found += axe_violations(page)
    overflow = overflow or horizontal_overflow(page)

    # Keyboard only: tab to the number of people, type it, press Enter.
    people = page.locator("main input[name=people]")
    for _step in range(80):
        page.keyboard.press("Tab")
        if people.evaluate("el => el === document.activeElement"):
            break
    assert people.evaluate("el => el === document.activeElement"), "Tab never reached the field"
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(f"**{activity.get_absolute_url()}")
    assert page.locator("main .status-box", has_text="3").count() == 1
    assert page.locator("main input[name=people]").input_value() == "3"
    found += axe_violations(page)

    registration = Registration.objects.get(
        activity=activity, household__residents__display_name="Youssef"
    )
    assert registration.people == 3
    assert registration.status == Registration.Status.REGISTERED

    # The register page on its own (one thing per page), with a wrong number.
    page.goto(f"{activity.get_absolute_url()}inschrijven/")
    page.fill("input[name=people]", "12")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    assert page.locator(".error-summary").count() == 1
    assert page.locator("input[name=people]").input_value() == "12"
    found += axe_violations(page)
    assert overflow is None, overflow
    assert not found, "axe-core found violations:\n" + "\n".join(found)


def test_the_facilitator_pages_pass_axe_on_a_phone_and_a_tablet(new_page, demo):
    from samen.activities.models import Activity

    found: list[str] = []
    swap = Activity.objects.get(neighbourhood__slug="kapelakker", title="Plantenruil")
    winter = _winter_drink_now()
    for viewport in ("phone", "tablet"):
        page = new_page(viewport)
        login_as(page, "facilitator")
        for url in (
            "/wijk/kapelakker/activiteiten/",
            swap.get_absolute_url(),
            f"{swap.get_absolute_url()}inschrijvingen/",
            f"{swap.get_absolute_url()}aanwezig/",
            f"{swap.get_absolute_url()}aanwezig/?q=Kapelakker",
            f"{winter.get_absolute_url()}inschrijvingen/",
            f"{winter.get_absolute_url()}bewerken/",
            "/wijk/kapelakker/activiteiten/nieuw/",
        ):
            page.goto(url)
            found += axe_violations(page)
            if viewport == "phone":
                overflow = horizontal_overflow(page)
                if overflow:
                    found.append(overflow)

    # Record attendance on the tablet: untick the first household, save.
    page.goto(f"{swap.get_absolute_url()}aanwezig/")
    first = page.locator("main input[type=checkbox]").first
    first.uncheck()
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    assert not page.locator("main input[type=checkbox]").first.is_checked()
    assert not found, "axe-core found violations:\n" + "\n".join(found)


def test_a_visitor_sees_the_shared_activity_without_personal_data(page, demo):
    activity = _winter_drink_now()
    page.goto(activity.get_absolute_url())
    assert page.locator("meta[property='og:title']").get_attribute("content") == activity.title
    assert page.locator("main input[name=people]").count() == 0
    found = axe_violations(page)
    assert horizontal_overflow(page) is None
    assert not found, "axe-core found violations:\n" + "\n".join(found)
