"""The cohesion figures in a real browser: a resident on a phone, housing staff on the overview.

Texts are matched by addresses and structure, not by Dutch words (the translation changes).
"""

from e2e.conftest import axe_violations, horizontal_overflow, login_as


def test_a_resident_reads_the_figures_on_a_phone(page, demo):
    login_as(page, "resident")
    found: list[str] = []
    page.goto("/wijk/kapelakker/samenhang/")
    assert page.locator("h1").count() == 1
    charts = page.locator("main svg[role=img]")
    assert charts.count() >= 1
    # The chart fits the phone and scales with it.
    assert charts.first.bounding_box()["width"] <= 360
    assert page.locator("main table").count() >= 3
    # A resident does not get the board's report.
    assert page.locator("a[href$='effectrapport.pdf']").count() == 0
    overflow = horizontal_overflow(page)
    assert overflow is None, overflow
    found += axe_violations(page)
    assert not found, "axe-core found violations:\n" + "\n".join(found)


def test_housing_staff_compares_neighbourhoods_and_opens_the_report(new_page, demo):
    from samen.neighbourhoods.models import Neighbourhood

    org = Neighbourhood.objects.get(slug="kapelakker").organisation.slug
    page = new_page("tablet")
    login_as(page, "housing_staff")
    found: list[str] = []
    page.goto(f"/organisatie/{org}/samenhang/")
    rows = page.locator("main table tbody tr")
    assert rows.count() >= 4  # Kapelakker, Heikant, Zonnedries, … and the reference row
    assert page.locator("main svg[role=img]").count() == 1
    found += axe_violations(page)
    link = page.locator("main a[href='/wijk/kapelakker/samenhang/effectrapport.pdf']")
    assert link.count() == 1
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    page.goto("/wijk/kapelakker/samenhang/")
    assert page.locator("a[href$='effectrapport.pdf']").count() == 1
    found += axe_violations(page)
    assert not found, "axe-core found violations:\n" + "\n".join(found)
