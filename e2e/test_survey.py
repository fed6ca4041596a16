"""The cohesion survey in a real browser: Sanne answers on a phone, the community worker's pages.

Texts are matched by names, values and addresses, not by Dutch words (the translation changes).
"""

from e2e.conftest import axe_violations, horizontal_overflow, login_as


def _molenveld_wave():  # type: ignore[no-untyped-def]
    from samen.cohesion.models import SurveyWave

    return SurveyWave.objects.get(neighbourhood__slug="molenveld")


def test_sanne_answers_the_open_survey_on_a_phone_once(page, demo):
    found: list[str] = []
    wave = _molenveld_wave()
    page.goto("/aanmelden/code/")
    page.fill("input[name=code]", "MNVE-7D4K")
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_url("**/aanmelden/code/wie/")
    page.locator("button[name=resident]", has_text="Sanne").click()
    page.wait_for_url("**/wijk/molenveld/thuis/")

    url = f"/wijk/molenveld/meting/{wave.pk}/invullen/"
    page.goto(url)
    assert horizontal_overflow(page) is None
    found += axe_violations(page)
    # Big targets: the label is clickable; item 3 is skipped on purpose.
    page.locator("label[for=id_item1_1]").click()
    page.locator("label[for=id_item2_3]").click()
    page.locator("label[for=id_item4_3]").click()
    page.locator("label[for=id_item5_4]").click()
    page.locator("label[for=id_known_by_name_1]").click()
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_url(f"**{url}")
    assert page.locator("input[name=item1]").count() == 0
    assert page.locator("input:checked").count() == 0  # the answers are not shown back
    found += axe_violations(page)

    page.goto(url)
    assert page.locator("main .notice").count() == 1
    assert page.locator("input[name=item1]").count() == 0
    assert not found, "\n".join(found)


def test_a_resident_answers_with_a_paper_code_on_the_public_page(page, demo):
    from samen.cohesion.models import SurveyCode

    wave = _molenveld_wave()
    code = (
        SurveyCode.objects.filter(wave=wave, used=False)
        .exclude(household__join_code="MNVE7D4K")
        .first()
    )
    found: list[str] = []
    page.goto("/peiling/")
    found += axe_violations(page)
    page.fill("input[name=code]", f"{code.code[:4].lower()}-{code.code[4:]}")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector("input[name=item1]")
    assert horizontal_overflow(page) is None
    found += axe_violations(page)
    page.locator("label[for=id_item1_0]").click()
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector("h1")
    assert page.locator("input[name=item1]").count() == 0
    found += axe_violations(page)

    # The same code again is refused.
    page.goto("/peiling/")
    page.fill("input[name=code]", code.code)
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector(".error-summary")
    assert page.locator("input[name=item1]").count() == 0
    assert not found, "\n".join(found)


def test_the_community_workers_survey_pages_pass_axe(new_page, demo):
    from samen.cohesion.models import SurveyWave

    found: list[str] = []
    wave = SurveyWave.objects.get(neighbourhood__slug="kapelakker", title="Eindmeting")
    for viewport in ("phone", "tablet"):
        page = new_page(viewport)
        login_as(page, "facilitator")
        for path in (
            "/wijk/kapelakker/meting/",
            f"/wijk/kapelakker/meting/{wave.pk}/",
            f"/wijk/kapelakker/meting/{wave.pk}/papier/",
            f"/wijk/kapelakker/meting/{wave.pk}/vragenlijsten/",
            "/wijk/kapelakker/meting/nieuw/",
        ):
            page.goto(path)
            assert page.locator("h1").count() == 1
            found += axe_violations(page)
            if viewport == "phone":
                assert horizontal_overflow(page) is None, path
    assert not found, "\n".join(found)


def test_paper_entry_by_keyboard_digits(page, demo):
    from samen.cohesion.models import SurveyCode, SurveyResponse

    wave = _molenveld_wave()
    code = SurveyCode.objects.filter(wave=wave, used=False).exclude(
        household__join_code="MNVE7D4K"
    )[1]
    before = SurveyResponse.objects.filter(wave=wave).count()
    login_as(page, "facilitator")
    page.goto(f"/wijk/molenveld/meting/{wave.pk}/papier/")
    page.keyboard.type(code.code)  # the code field has the focus
    page.keyboard.press("Tab")
    for digit in "42345":
        page.keyboard.press(digit)
    page.keyboard.press("3")  # the third band: 3 to 5
    page.keyboard.press("Enter")
    page.wait_for_selector(".messages")
    assert SurveyResponse.objects.filter(wave=wave).count() == before + 1
    assert SurveyCode.objects.get(pk=code.pk).used
