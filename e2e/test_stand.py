"""Stand mode in a real browser: entries taken offline are stored once when the network is back.

Texts on the page are matched by ids, values and numbers, not by Dutch words.
"""

import json
import re

import pytest

from e2e.conftest import TIMEOUT_MS, VIEWPORTS, check_axe, horizontal_overflow, login_as
from samen.listening.models import Contribution

STAND = "/wijk/kapelakker/standje/"
SYNC = "/api/v1/neighbourhoods/kapelakker/contributions/sync"
TEXTS = [
    "Er is te weinig licht op het pad naar de parking.",
    "Kunnen we samen een bloembak zetten aan het pleintje?",
    "Wanneer komt de speeltuin?",
]


@pytest.fixture
def tablet(browser, live_server):
    """A tablet page whose context allows the stand's service worker (new_page blocks them)."""
    context = browser.new_context(
        base_url=live_server.url,
        viewport=VIEWPORTS["tablet"],
        locale="nl-BE",
        service_workers="allow",
    )
    context.set_default_timeout(TIMEOUT_MS)
    # Nothing may leave the machine (requests the service worker answers are not routed,
    # but it only ever fetches from the live server).
    context.route(
        lambda url: not url.startswith(live_server.url) and not url.startswith("data:"),
        lambda route: route.abort(),
    )
    yield context.new_page()
    context.close()


def _queue(page):  # type: ignore[no-untyped-def]
    return page.evaluate(
        "JSON.parse(localStorage.getItem(document.getElementById('stand-form').dataset.queueKey)"
        " || '[]')"
    )


def _take(page, kind: str, text: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(f"#stand-form input[name=kind][value={kind}]").check()
    page.fill("#id_text", text)
    page.locator("#stand-form button[type=submit]").click()


def test_stand_mode_takes_three_entries_offline_and_syncs_them_once(tablet, demo):
    page = tablet
    login_as(page, "facilitator")
    page.goto(STAND)
    # The service worker has cached the page, so a reload without network works too.
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    before = Contribution.objects.count()

    page.context.set_offline(True)
    for kind, text in zip(["question", "idea", "need"], TEXTS, strict=True):
        _take(page, kind, text)
        # The form is empty at once, ready for the next entry.
        assert page.input_value("#id_text") == ""
    status = page.locator("#stand-status")
    assert re.search(r"\b3\b", status.inner_text()), status.inner_text()
    assert page.locator("#stand-queue li").count() == 3
    assert status.get_attribute("aria-live") == "polite"
    payload = _queue(page)
    assert sorted(entry["text"] for entry in payload) == sorted(TEXTS)
    assert Contribution.objects.count() == before

    page.reload()  # still offline: the page comes from the service worker's cache
    assert page.locator("#stand-form").is_visible()
    assert re.search(r"\b3\b", page.locator("#stand-status").inner_text())

    page.context.set_offline(False)
    page.wait_for_function(
        "(localStorage.getItem(document.getElementById('stand-form').dataset.queueKey)"
        " || '[]') === '[]'"
    )
    assert Contribution.objects.count() == before + 3
    stored = Contribution.objects.filter(text__in=TEXTS)
    assert sorted(stored.values_list("text", flat=True)) == sorted(TEXTS)
    assert {c.entered_by.email for c in stored} == {"lotte@buurtwerk.example"}
    assert set(stored.values_list("channel", flat=True)) == {"stand"}
    assert page.locator("#stand-today").inner_text().strip() != "0"

    # The same sync once more (an answer that got lost): every entry is a duplicate.
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    replay = page.request.post(
        SYNC,
        data=json.dumps({"entries": payload}),
        headers={"Content-Type": "application/json", "X-CSRFToken": token},
    )
    assert replay.ok, replay.text()
    assert [r["status"] for r in replay.json()["results"]] == ["duplicate"] * 3
    assert Contribution.objects.count() == before + 3
    assert Contribution.objects.filter(text__in=TEXTS).count() == 3

    check_axe(page)


def test_stand_mode_without_javascript_stores_one_entry_per_submit(new_page, demo):
    page = new_page(viewport="tablet", javascript=False)
    login_as(page, "facilitator")
    page.goto(STAND)
    before = Contribution.objects.count()
    _take(page, "frustration", "De vuilnisbakken staan altijd open.")
    page.wait_for_url(f"**{STAND}")
    assert page.locator(".messages").is_visible()
    assert page.input_value("#id_text") == ""
    assert Contribution.objects.count() == before + 1
    # (axe-core needs JavaScript; the page is checked with it in the other tests.)


def test_stand_mode_fits_a_phone_and_shows_its_errors(page, demo):
    login_as(page, "facilitator")
    page.goto(STAND)
    assert horizontal_overflow(page) is None
    page.fill("#id_text", "zonder soort")
    page.locator("#stand-form button[type=submit]").click()
    alert = page.locator("#stand-alert")
    assert alert.inner_text().strip()
    assert page.evaluate("document.activeElement.name") == "kind"
    assert _queue(page) == []
    check_axe(page)
