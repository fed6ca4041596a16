"""The main journeys of the people-and-places issue in a real browser, on a phone.

Texts are matched by names, values and addresses, not by Dutch words (the translation changes).
"""

import re

from e2e.conftest import DEMO_PASSWORD, check_axe, login_as

HOME = re.compile(r"/wijk/kapelakker/thuis/$")


def test_a_resident_logs_in_with_the_code_and_adds_a_household_member_without_javascript(
    new_page, demo
):
    page = new_page(javascript=False)
    page.goto("/")
    page.locator("main a[href='/aanmelden/code/']").first.click()
    page.fill("input[name=code]", "kape akr3")  # typed loosely: lower case, a space
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/aanmelden/code/wie/")
    page.locator("button[name=resident]", has_text="Youssef").click()
    page.wait_for_url(HOME)
    assert "Youssef" in page.locator("h1").inner_text()

    page.locator("main a[href='/mijn-huishouden/']").click()
    page.wait_for_url("**/mijn-huishouden/")
    assert "KAPE" in page.locator("main .code").first.inner_text()
    page.locator("main a[href='/mijn-huishouden/nieuw/']").click()
    page.wait_for_url("**/mijn-huishouden/nieuw/")
    page.fill("input[name=display_name]", "Nadia")
    page.locator("main form[novalidate] button[type=submit]").click()
    page.wait_for_url("**/mijn-huishouden/")
    assert page.locator("main .plain-list li", has_text="Nadia").count() == 1
    assert page.locator(".messages").is_visible()


def test_the_code_login_works_with_the_keyboard_only(page, demo):
    page.goto("/aanmelden/code/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    for _ in range(30):
        if page.evaluate("document.activeElement.name") == "code":
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("Tab never reaches the code field")
    page.keyboard.type("KAPE-AKR3")
    page.keyboard.press("Enter")
    page.wait_for_url("**/aanmelden/code/wie/")
    for _ in range(30):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "[document.activeElement.name, document.activeElement.textContent || '']"
        )
        if focused[0] == "resident" and "Youssef" in focused[1]:
            break
    else:
        raise AssertionError("Tab never reaches the button with Youssef's name")
    page.keyboard.press("Enter")
    page.wait_for_url(HOME)
    assert "Youssef" in page.locator("h1").inner_text()


def _address_rows(page):  # type: ignore[no-untyped-def]
    return page.locator("#household-rows tbody tr")


def test_a_facilitator_searches_households_with_javascript(page, demo):
    login_as(page, "facilitator")
    page.goto("/wijk/kapelakker/huishoudens/")
    before = _address_rows(page).count()
    assert before > 1
    # htmx swaps the rows in place: a marker set on this page survives the search.
    page.evaluate("window.samenMarker = 'still here'")
    page.fill("input[name=q]", "BUUR-TC4M")
    page.wait_for_function("document.querySelectorAll('#household-rows tbody tr').length === 1")
    assert "BUUR-TC4M" in _address_rows(page).first.inner_text()
    assert page.evaluate("window.samenMarker") == "still here"
    assert "q=BUUR-TC4M" in page.url
    check_axe(page)


def test_a_facilitator_searches_households_without_javascript(new_page, demo):
    page = new_page(javascript=False)
    login_as(page, "facilitator")
    page.goto("/wijk/kapelakker/huishoudens/")
    assert _address_rows(page).count() > 1
    page.fill("input[name=q]", "BUUR-TC4M")
    page.locator("form.search-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"q=BUUR-TC4M"))
    assert _address_rows(page).count() == 1
    assert "BUUR-TC4M" in _address_rows(page).first.inner_text()
    assert page.input_value("input[name=q]") == "BUUR-TC4M"


def test_the_language_switches_to_english_and_back_to_dutch(page, demo):
    page.goto("/wijk/kapelakker/")
    assert page.get_attribute("html", "lang") == "nl"
    dutch_login = page.locator(".site-nav a[href='/aanmelden/']").inner_text()

    page.locator(".language-switcher button[value=en]").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.url.endswith("/wijk/kapelakker/")  # it stays on the same page
    assert page.locator(".site-nav a[href='/aanmelden/']").inner_text() == "Log in"
    assert page.get_attribute(".language-switcher button[value=en]", "aria-current") == "true"
    check_axe(page)

    page.locator(".language-switcher button[value=nl]").click()
    page.wait_for_function("document.documentElement.lang === 'nl'")
    assert page.locator(".site-nav a[href='/aanmelden/']").inner_text() == dutch_login
    assert dutch_login != "Log in"


def test_a_wrong_staff_password_shows_the_error_summary_and_keeps_the_email(page, demo):
    page.goto("/aanmelden/medewerker/")
    page.fill("input[name=username]", "lotte@buurtwerk.example")
    page.fill("input[name=password]", DEMO_PASSWORD + "-wrong")
    page.locator("main form button[type=submit]").click()
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert summary.is_visible()
    assert page.input_value("input[name=username]") == "lotte@buurtwerk.example"
    assert page.input_value("input[name=password]") == ""
    assert page.url.endswith("/aanmelden/medewerker/")  # not logged in
    check_axe(page)
