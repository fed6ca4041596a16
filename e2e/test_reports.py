"""From a resident's report to the housing company's answer, in a real browser on a phone.

Texts are matched by what people typed and by names and values, not by Dutch interface words.
"""

from e2e.conftest import axe_violations, horizontal_overflow, login_as

N = "/wijk/kapelakker"
PROBLEM = "De voordeur van mijn woning sluit niet meer goed, het slot hapert."
ANSWER = "Onze technicus komt het slot vervangen. Hij belt u vooraf."


def _check(page, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    found.extend(axe_violations(page))
    overflow = horizontal_overflow(page)
    if overflow:
        found.append(overflow)


def test_a_resident_reports_a_problem_and_sees_the_staffs_answer(new_page, demo):
    found: list[str] = []
    resident = new_page()  # a phone, 360 px wide
    login_as(resident, "resident")
    resident.goto(f"{N}/melden/")
    _check(resident, found)

    # Sent with nothing chosen: the errors are shown, and the typed text stays.
    resident.fill("textarea[name=text]", PROBLEM)
    resident.locator("main form[novalidate] button[type=submit]").click()
    resident.wait_for_selector(".error-summary")
    assert resident.input_value("textarea[name=text]") == PROBLEM
    _check(resident, found)

    resident.check("input[name=kind][value=home_upkeep]")
    resident.check("input[name=place][value=home]")
    resident.locator("main form[novalidate] button[type=submit]").click()
    resident.wait_for_url(f"**{N}/mijn-meldingen/")
    assert PROBLEM[:40] in resident.locator("main").inner_text()
    _check(resident, found)

    staff = new_page()
    login_as(staff, "housing_staff")
    staff.goto("/beheer/meldingen/")
    _check(staff, found)
    staff.goto(f"{N}/meldingen/")
    _check(staff, found)
    staff.locator("main table a", has_text=PROBLEM[:30]).click()
    staff.wait_for_url(f"**{N}/meldingen/*/")
    detail_url = staff.url
    # The reporter did not tick "may see my name": staff see the street only.
    assert "Youssef" not in staff.locator("main").inner_text()
    _check(staff, found)

    status_form = staff.locator("main form:has(input[name=action][value=status])")
    status_form.locator("input[name=to_status][value=planned]").check()
    status_form.locator("input[name=planned_on]").fill("2030-12-03")
    status_form.locator("textarea[name=answer]").fill(ANSWER)
    status_form.locator("button[type=submit]").click()
    staff.wait_for_url(detail_url)
    assert ANSWER in staff.locator("main").inner_text()
    _check(staff, found)
    staff.goto(f"{N}/meldingen/overzicht/")
    _check(staff, found)

    resident.goto(f"{N}/mijn-meldingen/")
    assert ANSWER in resident.locator("main").inner_text()
    _check(resident, found)
    resident.goto(f"{N}/meldingen/overzicht/")
    _check(resident, found)

    assert not found, "\n".join(found)


def test_the_report_form_works_without_javascript(new_page, demo):
    page = new_page(javascript=False)
    login_as(page, "resident")
    page.goto(f"{N}/melden/")
    page.check("input[name=kind][value=common_upkeep]")
    page.check("input[name=place][value=common_area]")
    page.fill("input[name=place_detail]", "fietsenberging")
    page.fill("textarea[name=text]", "De lamp in de fietsenberging is stuk.")
    page.locator("main form[novalidate] button[type=submit]").click()
    page.wait_for_url(f"**{N}/mijn-meldingen/")
    assert "fietsenberging" in page.locator("main").inner_text()
