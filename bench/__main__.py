"""Run the benchmarks: query counts and page weight on the demo and on a hundred times more data.

Usage: python -m bench [--only queries|weight]
Each budget from DESIGN.md is printed with the measured figure and OK or OVER.
"""

import gzip
import os
import sys
import tempfile
from pathlib import Path

BUDGET_QUERIES = 10
BUDGET_WEIGHT = 30 * 1024


def setup() -> None:
    """Use a throw-away SQLite database and run tasks in process."""
    folder = Path(tempfile.mkdtemp(prefix="samen-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["TASKS_BACKEND"] = "immediate"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samen.settings")
    os.environ["DEBUG"] = "1"  # static files from the source folders, no collectstatic
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)
    call_command("load_demo", "--quiet", verbosity=0)


def pages() -> list[tuple[str, str, str]]:
    """Return (label, who, url) for the pages to measure."""
    from samen.activities.models import Activity

    activities = Activity.objects.filter(neighbourhood__slug="kapelakker", published=True)
    swap = activities.filter(kind=Activity.Kind.SWAP).order_by("starts_at").first()
    wishes = activities.filter(kind=Activity.Kind.WISH_WALL).order_by("starts_at").first()
    a = "/wijk/kapelakker/activiteiten"
    return [
        ("start page", "visitor", "/"),
        ("public neighbourhood page", "visitor", "/wijk/kapelakker/"),
        ("resident home", "resident", "/wijk/kapelakker/thuis/"),
        ("neighbour list", "resident", "/wijk/kapelakker/buren/"),
        ("my household", "resident", "/mijn-huishouden/"),
        ("staff overview", "facilitator", "/beheer/"),
        ("household list", "facilitator", "/wijk/kapelakker/huishoudens/"),
        ("household search", "facilitator", "/wijk/kapelakker/huishoudens/?q=straat"),
        ("trajectory", "facilitator", "/wijk/kapelakker/traject/"),
        ("team", "organisation_admin", "/wijk/kapelakker/team/"),
        ("overview, company admin", "organisation_admin", "/beheer/"),
        ("all input", "facilitator", "/wijk/kapelakker/inbreng/"),
        ("themes", "facilitator", "/wijk/kapelakker/themas/"),
        ("reach", "facilitator", "/wijk/kapelakker/bereik/"),
        ("feedback report", "facilitator", "/wijk/kapelakker/terugkoppeling/"),
        ("you said, we did", "resident", "/wijk/kapelakker/jullie-zeiden/"),
        ("what we said", "resident", "/wijk/kapelakker/mijn-inbreng/"),
        ("agreements", "resident", "/wijk/kapelakker/afspraken/"),
        ("my reports", "resident", "/wijk/kapelakker/mijn-meldingen/"),
        ("report queue", "housing_staff", "/wijk/kapelakker/meldingen/"),
        ("report figures", "housing_staff", "/wijk/kapelakker/meldingen/overzicht/"),
        ("reports, all neighbourhoods", "housing_staff", "/beheer/meldingen/"),
        ("activities", "resident", f"{a}/"),
        ("activity", "resident", f"{a}/{swap.pk}/"),
        ("swap board", "resident", f"{a}/{swap.pk}/ruilen/"),
        ("wish wall", "visitor", f"{a}/{wishes.pk}/wensen/"),
        ("registrations", "facilitator", f"{a}/{swap.pk}/inschrijvingen/"),
        ("attendance", "facilitator", f"{a}/{swap.pk}/aanwezig/"),
        ("survey waves", "facilitator", "/wijk/kapelakker/meting/"),
        ("cohesion dashboard", "resident", "/wijk/kapelakker/samenhang/"),
        (
            "cohesion, company",
            "housing_staff",
            "/organisatie/demo-kempense-woonmaatschappij/samenhang/",
        ),
    ]


def clients() -> dict:
    from django.test import Client

    from samen.accounts.models import User
    from samen.neighbourhoods.models import Resident

    made = {"visitor": Client()}
    for role, email in (
        ("facilitator", "lotte@buurtwerk.example"),
        ("organisation_admin", "sarah@kempense.example"),
        ("housing_staff", "koen@kempense.example"),
    ):
        made[role] = Client()
        made[role].force_login(User.objects.get(email=email))
    made["resident"] = Client()
    from samen.neighbourhoods.services import resident_account

    youssef = Resident.objects.get(display_name="Youssef", household__join_code="KAPEAKR3")
    made["resident"].force_login(resident_account(resident=youssef))
    return made


def measure(label: str) -> dict[str, tuple[int, int, int]]:
    """Return queries, HTML bytes and compressed page weight per page."""
    from django.contrib.staticfiles import finders
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = {}
    logged_in = clients()
    for name, who, url in pages():
        client = logged_in[who]
        client.get(url)  # warm caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, (url, response.status_code)
        html = response.content
        weight = len(gzip.compress(html))
        for asset in ("samen/samen.css",) + (
            ("samen/htmx.min.js",) if b"htmx.min.js" in html else ()
        ):
            weight += len(gzip.compress(Path(finders.find(asset)).read_bytes()))
        results[name] = (len(queries), len(html), weight)
    print(f"\n== {label}")
    print(f"{'page':<28}{'queries':>8}{'HTML':>9}{'weight (gz)':>13}")
    for name, (queries, size, weight) in results.items():
        print(f"{name:<28}{queries:>8}{size:>9}{weight:>13}")
    return results


def main() -> int:
    setup()
    from bench.scale import grow, grow_contributions, grow_neighbourhood
    from samen.neighbourhoods.models import Household, Neighbourhood, Organisation

    demo = measure("the Kapelakker demo")
    company = Organisation.objects.get(slug="demo-kempense-woonmaatschappij")
    kapelakker = Neighbourhood.objects.get(slug="kapelakker")
    grow(organisation=company, neighbourhoods=99, households_each=48)
    grow_neighbourhood(neighbourhood=kapelakker, households=4752)
    grow_contributions(neighbourhood=kapelakker, count=11_880)
    print(
        f"\n(grown to {Neighbourhood.objects.count()} neighbourhoods and "
        f"{Household.objects.count()} households; Kapelakker has "
        f"{kapelakker.households.count()})"
    )
    large = measure("a hundred times more")
    failures = 0
    print("\n== budgets")
    for name, _who, _url in pages():
        small_q, large_q = demo[name][0], large[name][0]
        ok = small_q == large_q and large_q <= BUDGET_QUERIES
        failures += not ok
        print(
            f"queries  {name:<28} {small_q} → {large_q} (≤ {BUDGET_QUERIES}, same)  {'OK' if ok else 'OVER'}"
        )
    for name, who, _url in pages():
        if who in {"resident", "visitor"}:
            weight = large[name][2]
            ok = weight <= BUDGET_WEIGHT
            failures += not ok
            print(f"weight   {name:<28} {weight / 1024:.1f} KB (≤ 30 KB)  {'OK' if ok else 'OVER'}")
    print("\n== theme suggestions on 10,000 contributions")
    from bench.bench_themes import main as bench_themes

    failures += bool(bench_themes([]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
