"""The demo loads once, twice without duplicates, and every printed login works."""

from io import StringIO

from django.core.management import call_command

from samen.accounts.models import User
from samen.core.demo import DEMO_PASSWORD
from samen.neighbourhoods.models import Household, Neighbourhood, Resident


def test_demo_loads_kapelakker_and_a_second_run_changes_nothing(db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    kapelakker = Neighbourhood.objects.get(slug="kapelakker")
    households = Household.objects.filter(neighbourhood=kapelakker).count()
    residents = Resident.objects.count()
    assert 40 <= households <= 60
    assert kapelakker.trajectories.get().phases.count() == 2
    call_command("load_demo", stdout=out)
    assert Household.objects.filter(neighbourhood=kapelakker).count() == households
    assert Resident.objects.count() == residents
    assert "lotte@buurtwerk.example" in out.getvalue()


def test_demo_reset_loads_it_anew(db):
    call_command("load_demo", stdout=StringIO())
    users = User.objects.count()
    call_command("load_demo", "--reset", stdout=StringIO())
    assert User.objects.count() == users
    assert Neighbourhood.objects.filter(slug="kapelakker").count() == 1


def test_every_demo_login_lands_on_a_page_for_its_role(client, db):
    call_command("load_demo", "--quiet", stdout=StringIO())
    for email in ("lotte@buurtwerk.example", "koen@kempense.example", "sarah@kempense.example"):
        client.logout()
        response = client.post(
            "/aanmelden/medewerker/", {"username": email, "password": DEMO_PASSWORD}, follow=True
        )
        assert response.redirect_chain[-1][0] == "/beheer/", email
        assert "Kapelakker" in response.content.decode()
    for code, name in (("KAPE-AKR3", "Youssef"), ("BUUR-TC4M", "Fatima")):
        client.logout()
        client.post("/aanmelden/code/", {"code": code})
        resident = Resident.objects.get(display_name=name)
        response = client.post("/aanmelden/code/wie/", {"resident": resident.pk}, follow=True)
        assert response.redirect_chain[-1][0] == "/wijk/kapelakker/thuis/", code
        assert name in response.content.decode()
