"""One committee meeting in a real browser, from agenda to minutes and the decision log.

Texts are matched by names, values and addresses, not by Dutch words (the translation changes).
"""

from e2e.conftest import axe_violations, login_as


def _form(page, action: str):  # type: ignore[no-untyped-def]
    return page.locator(f"main form:has(input[name=action][value={action}])")


def test_the_facilitator_holds_a_meeting_from_agenda_to_decision_log(page, demo):
    login_as(page, "facilitator")
    found: list[str] = []

    page.goto("/wijk/kapelakker/comite/vergaderingen/")
    found += axe_violations(page)
    page.fill("input[name=title]", "Vergadering december")
    page.fill("input[name=starts_at]", "2030-12-13T19:30")
    page.fill("input[name=place]", "Buurthuis De Kapel")
    page.locator("main form[method=post]:has(input[name=place]) button[type=submit]").click()
    page.wait_for_url("**/comite/vergaderingen/*/")
    meeting_url = page.url
    assert "Vergadering december" in page.locator("h1").inner_text()
    found += axe_violations(page)

    item_form = _form(page, "item_add")
    item_form.locator("input[name=title]").fill("Nieuwjaarsreceptie")
    item_form.locator("select[name=owner]").select_option(label="Fatima")
    item_form.locator("button[type=submit]").click()
    page.wait_for_url(meeting_url)
    assert page.locator("main ol li", has_text="Nieuwjaarsreceptie").count() == 1

    attendance = _form(page, "attendance")
    selects = attendance.locator("select")
    assert selects.count() >= 1
    selects.first.select_option("present")
    attendance.locator("button[type=submit]").click()
    page.wait_for_url(meeting_url)
    assert _form(page, "attendance").locator("select").first.input_value() == "present"

    minutes = _form(page, "minutes")
    minutes.locator("textarea[name^=item_]").first.fill("We doen een receptie op 8 januari.")
    minutes.locator("textarea[name=minutes]").fill("Een korte, fijne vergadering.")
    minutes.locator("button[type=submit]").click()
    page.wait_for_url(meeting_url)
    assert (
        "8 januari" in _form(page, "minutes").locator("textarea[name^=item_]").first.input_value()
    )

    decision = _form(page, "decision")
    decision.locator("textarea[name=text]").fill("De nieuwjaarsreceptie is op 8 januari")
    decision.locator("select[name=agenda_item]").select_option(label="Nieuwjaarsreceptie")
    decision.locator("button[type=submit]").click()
    page.wait_for_url(meeting_url)
    found += axe_violations(page)

    page.goto("/wijk/kapelakker/comite/besluiten/")
    assert page.locator("main", has_text="De nieuwjaarsreceptie is op 8 januari").count() == 1
    found += axe_violations(page)
    page.goto("/wijk/kapelakker/comite/taken/")
    found += axe_violations(page)
    assert not found, "axe-core found violations:\n" + "\n".join(found)


def test_a_resident_reads_the_public_part_without_violations(page, demo):
    from django.utils import timezone

    from samen.committee.models import Committee
    from samen.committee.services_meetings import agenda_item_add, meeting_create
    from samen.neighbourhoods.models import Neighbourhood

    committee, _created = Committee.objects.get_or_create(
        neighbourhood=Neighbourhood.objects.get(slug="kapelakker"),
        defaults={"name": "Buurtcomité Kapelakker"},
    )
    meeting = meeting_create(
        committee=committee,
        title="Vergadering januari",
        starts_at=timezone.now() + timezone.timedelta(days=10),
        place="Buurthuis De Kapel",
    )
    agenda_item_add(meeting=meeting, title="Publiek punt")
    agenda_item_add(meeting=meeting, title="Geheim punt", is_public=False)
    login_as(page, "resident")
    found: list[str] = []
    for path in ("vergaderingen/", f"vergaderingen/{meeting.pk}/", "besluiten/"):
        page.goto(f"/wijk/kapelakker/comite/{path}")
        found += axe_violations(page)
    assert "Geheim punt" not in page.content()
    page.goto(f"/wijk/kapelakker/comite/vergaderingen/{meeting.pk}/")
    assert "Publiek punt" in page.content() and "Geheim punt" not in page.content()
    assert not found, "axe-core found violations:\n" + "\n".join(found)
