"""Getting to know each other: meeting codes, pairs stored once, consent, refusals, anonymous
figures, icebreaker pairs, and pages that cost the same number of queries at any size."""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.activities.models import (
    Acquaintance,
    Activity,
    MeetingCode,
    NewNeighboursCount,
    Registration,
)
from samen.activities.selectors_acquaintances import (
    acquaintance_figures,
    icebreaker_pairs,
    pair_up,
)
from samen.activities.services_acquaintances import (
    MEETING_CODE_ALPHABET,
    acquaintance_by_code,
    acquaintance_record,
    meeting_code_of,
    new_neighbours_set,
)
from tests.activities.factories import ActivityFactory, AttendanceFactory, RegistrationFactory
from tests.factories import HouseholdFactory, NeighbourhoodFactory, ResidentFactory

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def activity(neighbourhood):
    starts = timezone.now() - datetime.timedelta(days=2)
    return ActivityFactory(
        neighbourhood=neighbourhood, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )


def _url(name, activity):
    return reverse(
        f"activities:{name}", kwargs={"slug": activity.neighbourhood.slug, "pk": activity.pk}
    )


def _record(activity, a, b, source=Acquaintance.Source.SIGN_IN):
    return acquaintance_record(
        activity=activity, household_a=a, household_b=b, source=source, recorded_by=None
    )


@pytest.mark.django_db
def test_a_pair_is_stored_once_in_order(activity, neighbourhood):
    first, second = (
        HouseholdFactory(neighbourhood=neighbourhood),
        HouseholdFactory(neighbourhood=neighbourhood),
    )
    acquaintance, created = _record(activity, second, first)
    assert created
    assert (acquaintance.household_low, acquaintance.household_high) == (first, second)
    later = ActivityFactory(neighbourhood=neighbourhood)
    again, created_again = _record(later, first, second)
    assert not created_again and again.pk == acquaintance.pk
    assert Acquaintance.objects.get().activity == activity  # where they FIRST met


@pytest.mark.django_db
def test_a_pair_with_itself_or_another_neighbourhood_is_refused(activity, neighbourhood):
    home = HouseholdFactory(neighbourhood=neighbourhood)
    elsewhere = HouseholdFactory(neighbourhood=NeighbourhoodFactory())
    with pytest.raises(ValidationError):
        _record(activity, home, home)
    with pytest.raises(ValidationError):
        _record(activity, home, elsewhere)
    assert not Acquaintance.objects.exists()


@pytest.mark.django_db
def test_meeting_codes_are_short_unique_and_stable(neighbourhood):
    households = [HouseholdFactory(neighbourhood=neighbourhood) for _ in range(20)]
    codes = [meeting_code_of(household=h).code for h in households]
    assert len(set(codes)) == 20
    assert all(len(c) == 6 and set(c) <= set(MEETING_CODE_ALPHABET) for c in codes)
    assert meeting_code_of(household=households[0]).code == codes[0]
    assert codes[0] != households[0].join_code


@pytest.mark.django_db
def test_the_resident_page_shows_the_code_and_records_a_meeting(client, users, activity, household):
    neighbour = HouseholdFactory(neighbourhood=activity.neighbourhood)
    ResidentFactory(household=neighbour, display_name="Geheime Naam", listed=False)
    code = meeting_code_of(household=neighbour).code
    client.force_login(users["resident"])
    page = client.get(_url("acquaintances", activity)).content.decode()
    own = MeetingCode.objects.get(household=household).code
    assert own in page
    response = client.post(
        _url("acquaintances", activity),
        {"action": "code", "code": code.lower()[:3] + " " + code[3:]},
    )
    assert response.status_code == 302
    acquaintance = Acquaintance.objects.get()
    assert acquaintance.source == Acquaintance.Source.CODE
    page = client.get(_url("acquaintances", activity)).content.decode()
    assert "A household from the neighbourhood" in page
    assert "Geheime Naam" not in page
    assert neighbour.address not in page


@pytest.mark.django_db
def test_a_listed_neighbour_shows_with_their_name(client, users, activity, household):
    neighbour = HouseholdFactory(neighbourhood=activity.neighbourhood)
    ResidentFactory(household=neighbour, display_name="Fatima", listed=True)
    _record(activity, household, neighbour)
    client.force_login(users["resident"])
    page = client.get(_url("acquaintances", activity)).content.decode()
    assert "Fatima" in page
    assert neighbour.address not in page


@pytest.mark.django_db
def test_own_unknown_and_foreign_codes_are_refused(activity, household):
    own = meeting_code_of(household=household).code
    foreign = meeting_code_of(household=HouseholdFactory(neighbourhood=NeighbourhoodFactory())).code
    for code, reason in [(own, "own"), ("XXXXXX", "unknown"), (foreign, "foreign")]:
        with pytest.raises(ValidationError) as info:
            acquaintance_by_code(
                activity=activity, household=household, code=code, recorded_by=None
            )
        assert info.value.code == reason
    assert not Acquaintance.objects.exists()


@pytest.mark.django_db
def test_the_page_says_so_for_a_wrong_code_and_keeps_what_was_typed(client, users, activity):
    client.force_login(users["resident"])
    response = client.post(_url("acquaintances", activity), {"action": "code", "code": "QQQQQQ"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "We do not know this code" in body
    assert 'value="QQQQQQ"' in body


@pytest.mark.django_db
def test_an_already_known_pair_is_not_an_error(client, users, activity, household):
    neighbour = HouseholdFactory(neighbourhood=activity.neighbourhood)
    _record(activity, household, neighbour)
    client.force_login(users["resident"])
    response = client.post(
        _url("acquaintances", activity),
        {"action": "code", "code": meeting_code_of(household=neighbour).code},
        follow=True,
    )
    assert "You already knew each other" in response.content.decode()
    assert Acquaintance.objects.count() == 1


@pytest.mark.django_db
def test_many_wrong_codes_are_blocked(client, users, activity, household, settings):
    settings.LOGIN_RATE_LIMIT = 3
    neighbour = HouseholdFactory(neighbourhood=activity.neighbourhood)
    good = meeting_code_of(household=neighbour).code
    client.force_login(users["resident"])
    for _ in range(3):
        client.post(_url("acquaintances", activity), {"action": "code", "code": "QQQQQQ"})
    response = client.post(_url("acquaintances", activity), {"action": "code", "code": good})
    assert "Too many wrong codes" in response.content.decode()
    assert not Acquaintance.objects.exists()


@pytest.mark.django_db
def test_i_met_n_is_once_per_household_and_can_change(client, users, activity, household):
    client.force_login(users["resident"])
    client.post(_url("acquaintances", activity), {"action": "count", "count": "4"})
    client.post(_url("acquaintances", activity), {"action": "count", "count": "6"})
    assert list(NewNeighboursCount.objects.values_list("household", "count")) == [(household.pk, 6)]
    response = client.post(_url("acquaintances", activity), {"action": "count", "count": "51"})
    assert response.status_code == 200
    assert NewNeighboursCount.objects.get().count == 6
    with pytest.raises(ValidationError):
        new_neighbours_set(activity=activity, household=household, count=-1)


@pytest.mark.django_db
def test_the_sign_in_pair_needs_both_to_agree(client, users, activity):
    a, b = (AttendanceFactory(activity=activity).household for _ in range(2))
    client.force_login(users["facilitator"])
    url = _url("acquaintances", activity)
    response = client.post(url, {"action": "sign_in", "household_a": a.pk, "household_b": b.pk})
    assert response.status_code == 200
    assert "only when both households agreed" in response.content.decode()
    assert not Acquaintance.objects.exists()
    client.post(
        url, {"action": "sign_in", "household_a": a.pk, "household_b": b.pk, "both_agreed": "on"}
    )
    acquaintance = Acquaintance.objects.get()
    assert (acquaintance.source, acquaintance.recorded_by) == (
        Acquaintance.Source.SIGN_IN,
        users["facilitator"],
    )
    page = client.get(url).content.decode()
    assert a.address in page and b.address in page


@pytest.mark.django_db
def test_a_resident_cannot_record_sign_in_pairs(client, users, activity):
    a, b = (HouseholdFactory(neighbourhood=activity.neighbourhood) for _ in range(2))
    client.force_login(users["resident"])
    response = client.post(
        _url("acquaintances", activity),
        {"action": "sign_in", "household_a": a.pk, "household_b": b.pk, "both_agreed": "on"},
    )
    assert response.status_code == 404
    assert not Acquaintance.objects.exists()


@pytest.mark.django_db
def test_figures_are_anonymous_and_the_average_needs_five_households(activity, neighbourhood):
    households = [HouseholdFactory(neighbourhood=neighbourhood) for _ in range(6)]
    _record(activity, households[0], households[1])
    _record(activity, households[0], households[2])
    for h in households[:4]:
        new_neighbours_set(activity=activity, household=h, count=3)
    figures = acquaintance_figures(activity=activity)
    assert (figures["pairs"], figures["households"]) == (2, 3)
    assert not figures["reported_shown"] and figures["reported_average"] is None
    new_neighbours_set(activity=activity, household=households[4], count=8)
    figures = acquaintance_figures(activity=activity)
    assert (figures["reported_total"], figures["reported_average"]) == (20, 4.0)


@pytest.mark.django_db
def test_the_resident_sees_counts_but_no_other_households(client, users, activity):
    a, b = (HouseholdFactory(neighbourhood=activity.neighbourhood) for _ in range(2))
    _record(activity, a, b)
    client.force_login(users["resident"])
    page = client.get(_url("acquaintances", activity)).content.decode()
    assert "new acquaintances" in page
    assert a.address not in page and b.address not in page


def test_pairing_never_repeats_a_known_pair_and_uses_each_household_once():
    class H:
        def __init__(self, pk, street):
            self.pk, self.street = pk, street

    households = [H(i, "Kapelstraat" if i % 2 else "Molenweg") for i in range(1, 12)]
    known = {(1, 2), (1, 3), (2, 4), (5, 6), (3, 8)}
    pairs = pair_up(households, known, seed=7)
    used = [h.pk for pair in pairs for h in pair]
    assert len(used) == len(set(used))
    assert all((min(a.pk, b.pk), max(a.pk, b.pk)) not in known for a, b in pairs)
    assert len(pairs) == 5  # 11 households: one waits
    assert sum(a.street != b.street for a, b in pairs) >= 4
    assert [(a.pk, b.pk) for a, b in pair_up(households, known, seed=7)] == [
        (a.pk, b.pk) for a, b in pairs
    ]


def test_pairing_leaves_out_the_best_connected_household_when_it_must():
    class H:
        def __init__(self, pk):
            self.pk, self.street = pk, "Kapelstraat"

    households = [H(1), H(2), H(3)]
    # Household 1 already knows two neighbours elsewhere, household 2 one, household 3 none.
    known = {(1, 98), (1, 99), (2, 97)}
    for seed in range(5):
        pairs = pair_up(households, known, seed=seed)
        assert [(a.pk, b.pk) for a, b in pairs] == [(3, 2)]


@pytest.mark.django_db
def test_icebreakers_use_registered_households_only(client, users, activity):
    registered = [RegistrationFactory(activity=activity).household for _ in range(4)]
    RegistrationFactory(activity=activity, status=Registration.Status.WAITING)
    _record(activity, registered[0], registered[1])
    result = icebreaker_pairs(activity=activity, round_no=1)
    used = {h.pk for pair in result["pairs"] for h in pair}
    assert used <= {h.pk for h in registered}
    assert len(result["pairs"]) == 2
    client.force_login(users["facilitator"])
    page = client.get(_url("icebreakers", activity) + "?round=2").content.decode()
    assert registered[2].address in page
    assert "?round=3" in page


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _grow(activity, n):
    neighbourhood = activity.neighbourhood
    households = [HouseholdFactory(neighbourhood=neighbourhood) for _ in range(n)]
    for h in households:
        ResidentFactory(household=h, listed=True)
        RegistrationFactory(activity=activity, household=h)
        AttendanceFactory(activity=activity, household=h)
        new_neighbours_set(activity=activity, household=h, count=2)
    for a, b in itertools.pairwise(households):
        _record(activity, a, b)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["resident", "committee_member", "facilitator"])
def test_query_counts_do_not_grow(client, users, activity, household, role):
    client.force_login(users[role])
    names = ["acquaintances"] + (["icebreakers"] if role != "resident" else [])
    _grow(activity, 3)
    _record(activity, household, HouseholdFactory(neighbourhood=activity.neighbourhood))
    _count(client, _url("acquaintances", activity))  # the first view makes the meeting code
    small = {n: _count(client, _url(n, activity)) for n in names}
    _grow(activity, 30)
    big = {n: _count(client, _url(n, activity)) for n in names}
    assert small == big
    assert max(big.values()) <= 14, big


@pytest.mark.django_db
def test_personal_data_export_and_erase_keep_anonymous_parts(client, users, activity, household):
    from samen.activities import personal_data
    from samen.activities.models import Wish
    from samen.neighbourhoods.models import Resident
    from tests.activities.factories import WishFactory

    resident = Resident.objects.get(user=users["resident"])
    ResidentFactory(household=household, display_name="Huisgenoot")
    neighbour = HouseholdFactory(neighbourhood=activity.neighbourhood)
    _record(activity, household, neighbour)
    meeting_code_of(household=household)
    WishFactory(
        activity=ActivityFactory(
            neighbourhood=activity.neighbourhood, kind=Activity.Kind.WISH_WALL
        ),
        text="Vrede in de straat",
        signed="Amina",
        household=household,
        entered_by=users["resident"],
    )
    data = personal_data.export(resident)["activities"]
    assert data["wishes"][0]["wish"] == "Vrede in de straat"
    assert data["acquaintances"][0]["activity"] == activity.title
    assert neighbour.address not in str(data)
    personal_data.erase(resident)
    wish = Wish.objects.get()
    assert (wish.text, wish.signed, wish.household, wish.entered_by) == (
        "Vrede in de straat",
        "",
        None,
        None,
    )
    assert Acquaintance.objects.count() == 1
    assert MeetingCode.objects.filter(household=household).exists()  # a housemate still lives here
