"""Browser-test fixtures: Debian's Chromium driven by Playwright, the demo, logins, axe-core.

No browser is ever downloaded: Playwright drives /usr/bin/chromium (Debian's package). Where it
is missing the browser tests are skipped with the reason shown, except in CI (`CI` set), where a
missing browser is an error: `.ci/run` installs it first.

Every xdist worker gets its own live server (pytest-django's, session-scoped) and its own
browser; each test gets a fresh browser context (no cookies), and the demo loaded anew
(`transactional_db` empties the database after each test).
"""

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

# The live server listens on the loopback address only (not "localhost", which may be ::1).
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = Path(os.environ.get("SAMEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {
    "phone": {"width": 360, "height": 740},
    "tablet": {"width": 800, "height": 1280},
}
DEMO_PASSWORD = "kapelakker2021"
# How each role logs in to the demo: a household code and a name, or an e-mail address.
LOGINS = {
    "resident": {"code": "KAPE-AKR3", "name": "Youssef"},
    "committee_member": {"code": "BUUR-TC4M", "name": "Fatima"},
    "facilitator": {"email": "lotte@buurtwerk.example"},
    "housing_staff": {"email": "koen@kempense.example"},
    "organisation_admin": {"email": "sarah@kempense.example"},
}
ROLES = ["visitor", *LOGINS]
# WCAG 2.1 A and AA, plus axe's best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in e2e/ as a browser test (`-m "not browser"` leaves them out)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator["object"]:
    """Start Debian's Chromium once per test process (each xdist worker has its own)."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        reason = (
            f"Chromium is not installed at {CHROMIUM}: browser tests need Debian's chromium "
            "package (apt-get install chromium); no browser is downloaded."
        )
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(f"{reason} In CI this is an error: .ci/run installs it.", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright gives the browser a fresh, temporary profile (user-data dir) of its own; the
    # downloads and traces folder is ours, so nothing lands in the home directory.
    artifacts = tempfile.mkdtemp(prefix="samen-e2e-")
    # Playwright's sync API leaves its asyncio loop marked as running in the main thread, so
    # Django would refuse the test's own database calls (loading the demo, emptying the tables)
    # as calls from async code. Samen has no async code; allow them while the browser runs.
    allowed_before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            downloads_path=artifacts,
            traces_dir=artifacts,
        )
        try:
            yield chromium
        finally:
            chromium.close()
    if allowed_before is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = allowed_before
    shutil.rmtree(artifacts, ignore_errors=True)


@pytest.fixture
def new_page(browser, live_server) -> Iterator[Callable[..., "object"]]:
    """Make a page in a fresh context: `new_page(viewport="tablet", javascript=False)`."""
    contexts = []

    def make(viewport: str = "phone", *, javascript: bool = True):  # type: ignore[no-untyped-def]
        context = browser.new_context(
            base_url=live_server.url,
            viewport=VIEWPORTS[viewport],
            java_script_enabled=javascript,
            locale="nl-BE",
            service_workers="block",
        )
        context.set_default_timeout(TIMEOUT_MS)
        # Nothing may leave the machine: every request goes to the live server.
        context.route(
            lambda url: not url.startswith(live_server.url) and not url.startswith("data:"),
            lambda route: route.abort(),
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):  # type: ignore[no-untyped-def]
    """A page in a fresh context on a phone (360×740), JavaScript on."""
    return new_page()


@pytest.fixture
def demo(transactional_db, live_server) -> Iterator[None]:
    """Load the Kapelakker demo where the live server sees it, with a clean cache."""
    from django.core.cache import cache

    cache.clear()  # rate limits and cached roles of an earlier test must not leak
    call_command("load_demo", "--quiet", stdout=StringIO())
    yield
    cache.clear()


def login_as(page, role: str) -> None:  # type: ignore[no-untyped-def]
    """Log in as a demo role through the real forms; a visitor stays logged out."""
    if role == "visitor":
        return
    login = LOGINS[role]
    if "code" in login:
        page.goto("/aanmelden/code/")
        page.fill("input[name=code]", login["code"])
        page.locator("main form[method=post] button[type=submit]").click()
        page.wait_for_url("**/aanmelden/code/wie/")
        page.locator("button[name=resident]", has_text=login["name"]).click()
        page.wait_for_url("**/wijk/kapelakker/thuis/")
    else:
        page.goto("/aanmelden/medewerker/")
        page.fill("input[name=username]", login["email"])
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.locator("main form[method=post] button[type=submit]").click()
        page.wait_for_url("**/beheer/")


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Run axe-core on the page; describe each violation: id, help and the nodes it hit."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    found = []
    for violation in results.response["violations"]:
        nodes = "; ".join(
            " ".join(map(str, node.get("target", []))) for node in violation["nodes"][:8]
        )
        more = len(violation["nodes"]) - 8
        found.append(
            f"{page.url}: {violation['id']} ({violation.get('impact')}): {violation['help']}"
            f" – {nodes}{f' (and {more} more)' if more > 0 else ''}"
        )
    return found


def check_axe(page) -> None:  # type: ignore[no-untyped-def]
    """Fail when axe-core finds any violation (WCAG 2.1 A/AA and best practices) on the page."""
    found = axe_violations(page)
    assert not found, "axe-core found violations:\n" + "\n".join(found)


def horizontal_overflow(page) -> str | None:  # type: ignore[no-untyped-def]
    """Describe the page's horizontal scrolling, or None when it has none."""
    widths = page.evaluate(
        "() => ({scroll: document.scrollingElement.scrollWidth,"
        " client: document.scrollingElement.clientWidth, viewport: window.innerWidth})"
    )
    if widths["scroll"] > min(widths["client"], widths["viewport"]):
        return (
            f"{page.url}: scrolls sideways (content {widths['scroll']}px wide, "
            f"window {widths['client']}px)"
        )
    return None
