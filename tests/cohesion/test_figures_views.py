"""The cohesion figures: dashboard, company overview, effect report, suppression, SQL shape."""

import datetime
import itertools
import re
import shutil
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.activities.models import Acquaintance, Activity
from samen.cohesion.charts import Series, bar_chart, line_chart
from samen.cohesion.selectors_figures import company_figures, neighbourhood_figures
from samen.committee.models import Committee, Membership
from samen.listening.models import Contribution, Volunteer
from samen.neighbourhoods.models import Household, Role
from tests.activities.factories import ActivityFactory, AttendanceFactory, RegistrationFactory
from tests.cohesion.factories import SurveyResponseFactory, SurveyWaveFactory
from tests.factories import (
    HouseholdFactory,
    NeighbourhoodFactory,
    PhaseFactory,
    ResidentFactory,
    TrajectoryFactory,
    staff_user,
)

pytestmark = pytest.mark.usefixtures("english")

D = datetime.date
SVG = re.compile(r"<svg.*?</svg>", re.S)


def _at(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _answers(wave, count, answers=(1, 5, 5, 5, 5), band="3-5"):
    items = dict(zip(("item1", "item2", "item3", "item4", "item5"), answers, strict=True))
    return [SurveyResponseFactory(wave=wave, known_by_name=band, **items) for _ in range(count)]


def _fill(neighbourhood, scale: int = 1) -> list[Household]:
    """Give a neighbourhood households, two waves, pairs, activities and a funnel's events."""
    households = [HouseholdFactory(neighbourhood=neighbourhood) for _ in range(8 * scale)]
    first = SurveyWaveFactory(
        neighbourhood=neighbourhood,
        title="Nulmeting",
        opens_on=D(2021, 10, 1),
        closes_on=D(2021, 10, 31),
    )
    second = SurveyWaveFactory(
        neighbourhood=neighbourhood,
        title="Tweede meting",
        opens_on=D(2022, 11, 1),
        closes_on=D(2022, 11, 30),
        kind="follow_up",
    )
    _answers(first, 5 * scale, (3, 3, 3, 3, 3))
    _answers(second, 5 * scale, (1, 5, 5, 5, 5), band="6-10")
    trajectory = TrajectoryFactory(neighbourhood=neighbourhood)
    PhaseFactory(trajectory=trajectory, starts_on=D(2021, 10, 1), ends_on=D(2022, 2, 13))
    PhaseFactory(
        trajectory=trajectory,
        type="follow_up",
        title="Opvolging",
        starts_on=D(2022, 2, 14),
        ends_on=D(2022, 12, 31),
    )
    activity = ActivityFactory(
        neighbourhood=neighbourhood, starts_at=_at(D(2022, 5, 1)), title="Plantjesruil"
    )
    for household in households[: 6 * scale]:
        RegistrationFactory(activity=activity, household=household)
        AttendanceFactory(activity=activity, household=household)
        Contribution.objects.create(
            neighbourhood=neighbourhood,
            kind="idea",
            text="Een bank",
            channel="online",
            household=household,
        )
    for household in households[: 5 * scale]:
        Volunteer.objects.create(
            neighbourhood=neighbourhood,
            household=household,
            areas=["activities"],
            channel="online",
        )
    # Said and offered during the follow-up phase.
    Contribution.objects.filter(neighbourhood=neighbourhood).update(created_at=_at(D(2022, 5, 2)))
    Volunteer.objects.filter(neighbourhood=neighbourhood).update(created_at=_at(D(2022, 5, 2)))
    committee = Committee.objects.create(neighbourhood=neighbourhood, name="Comité")
    Membership.objects.create(
        committee=committee,
        resident=ResidentFactory(household=households[-1]),
        starts_on=D(2022, 3, 1),
    )
    # Three pairs before the first wave closed, three more at the activity.
    ids = sorted(h.pk for h in households)
    for index, (low, high) in enumerate(itertools.pairwise(ids[:7])):
        Acquaintance.objects.create(
            neighbourhood=neighbourhood,
            household_low_id=low,
            household_high_id=high,
            source="code",
            activity=None if index < 3 else activity,
            created_at=_at(D(2021, 10, 31), 23) if index < 3 else _at(D(2022, 5, 1), 15),
        )
    return households


def test_scores_items_bands_and_change_per_wave(neighbourhood):
    _fill(neighbourhood)
    figures = neighbourhood_figures(neighbourhood=neighbourhood)
    first, second = figures.waves
    assert (first.score, first.answers) == (5.0, 5)
    assert second.score == 10.0
    assert second.change == 5.0
    assert second.direction == "up"
    assert [item.mean for item in second.items] == [1, 5, 5, 5, 5]
    assert {band.key: band.count for band in second.bands}["6-10"] == 5
    # The wave's network counts pairs made until the end of its closing day.
    assert first.network.pairs == 3
    assert second.network.pairs == 6
    assert [moment.figures.pairs for moment in figures.network_over_time] == [6]


def test_the_funnel_per_phase_from_the_database(neighbourhood):
    _fill(neighbourhood)
    figures = neighbourhood_figures(neighbourhood=neighbourhood)
    exploration, follow_up = figures.funnels
    steps = {step.key: step.count for step in follow_up.steps}
    assert steps == {
        "reached": 7,  # six at the activity, one on the committee
        "contributed": 6,
        "registered": 6,
        "attended": 6,
        "helped": 6,  # five volunteers and the committee member
    }
    assert all(step.suppressed for step in exploration.steps)


def test_a_wave_with_four_answers_shows_too_few_answers_not_the_score(client, users, neighbourhood):
    wave = SurveyWaveFactory(neighbourhood=neighbourhood, title="Kleine meting")
    _answers(wave, 4, (1, 5, 5, 5, 4))  # each person scores 9.5
    client.force_login(users["resident"])
    response = client.get(reverse("cohesion:dashboard", kwargs={"slug": neighbourhood.slug}))
    assert response.status_code == 200
    content = response.content.decode()
    assert "too few answers" in content
    assert "9.5" not in content
    assert "4.8" not in content  # nor the mean of the last statement


def test_five_answers_show_the_score(client, users, neighbourhood):
    wave = SurveyWaveFactory(neighbourhood=neighbourhood, title="Kleine meting")
    _answers(wave, 5, (1, 5, 5, 5, 4))
    client.force_login(users["resident"])
    content = client.get(
        reverse("cohesion:dashboard", kwargs={"slug": neighbourhood.slug})
    ).content.decode()
    assert "9.5" in content


def test_no_query_puts_a_survey_response_next_to_a_household(neighbourhood):
    _fill(neighbourhood)
    NeighbourhoodFactory(organisation=neighbourhood.organisation)
    with CaptureQueriesContext(connection) as queries:
        neighbourhood_figures(neighbourhood=neighbourhood)
        company_figures(organisation=neighbourhood.organisation)
    response_queries = [
        q["sql"] for q in queries.captured_queries if "cohesion_surveyresponse" in q["sql"]
    ]
    assert response_queries
    for sql in response_queries:
        for table in ("neighbourhoods_household", "neighbourhoods_resident", "cohesion_surveycode"):
            assert table not in sql, sql


def _check_svg(svg: str) -> None:
    assert "<script" not in svg.lower()
    assert "javascript:" not in svg.lower()
    assert " on" not in re.sub(r'"[^"]*"', '""', svg).lower().replace(" one", "")
    assert set(re.findall(r"https?://[^\s\"'<>]+", svg)) <= {"http://www.w3.org/2000/svg"}
    assert 'role="img"' in svg
    assert "<title" in svg and "<desc" in svg
    assert 'viewBox="0 0 ' in svg and 'width="100%"' in svg


def test_charts_have_no_script_and_no_external_reference(client, users, neighbourhood):
    _fill(neighbourhood)
    client.force_login(users["resident"])
    content = client.get(
        reverse("cohesion:dashboard", kwargs={"slug": neighbourhood.slug})
    ).content.decode()
    svgs = SVG.findall(content)
    assert len(svgs) == 5  # score, bands, network per wave and over time, funnel
    for svg in svgs:
        _check_svg(svg)
    assert "National reference (CBS, 2021): 6.4" in svgs[0]


def test_chart_texts_are_escaped():
    svg = bar_chart(
        title="<script>alert(1)</script>",
        desc="d",
        labels=['"><script>'],
        series=[Series("<b>", [3.0])],
    )
    _check_svg(svg)
    svg = line_chart(
        title="t", desc="d", labels=["a", "b", "c"], series=[Series("s", [1, None, 3])]
    )
    _check_svg(svg)


def test_the_dashboard_never_names_a_household(client, users, neighbourhood):
    households = _fill(neighbourhood)
    client.force_login(users["resident"])
    content = client.get(
        reverse("cohesion:dashboard", kwargs={"slug": neighbourhood.slug})
    ).content.decode()
    for household in households:
        assert household.address not in content


def test_network_figures_are_hidden_below_five_households(client, users, neighbourhood):
    wave = SurveyWaveFactory(neighbourhood=neighbourhood)
    _answers(wave, 5)
    figures = neighbourhood_figures(neighbourhood=neighbourhood)
    assert figures.households < 5
    assert figures.network_now is None and figures.network_over_time is None
    assert figures.waves[0].network is None
    client.force_login(users["resident"])
    content = client.get(
        reverse("cohesion:dashboard", kwargs={"slug": neighbourhood.slug})
    ).content.decode()
    assert "too few households" in content


@pytest.mark.parametrize("scale", [1, 10])
def test_the_dashboard_costs_a_fixed_number_of_queries(
    client, users, neighbourhood, django_assert_max_num_queries, scale
):
    _fill(neighbourhood, scale)
    for _ in range(scale):
        ActivityFactory(neighbourhood=neighbourhood, starts_at=_at(D(2022, 6, 1)))
    client.force_login(users["resident"])
    url = reverse("cohesion:dashboard", kwargs={"slug": neighbourhood.slug})
    with django_assert_max_num_queries(11):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_the_company_overview_costs_a_fixed_number_of_queries(
    client, users, neighbourhood, django_assert_max_num_queries, count
):
    _fill(neighbourhood)
    for _ in range(count - 1):
        other = NeighbourhoodFactory(organisation=neighbourhood.organisation)
        _fill(other)
    client.force_login(users["housing_staff"])
    url = reverse("cohesion:company_overview", kwargs={"org": neighbourhood.organisation.slug})
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('href="/wijk/') >= count
    assert "up by 5.0" in content
    for svg in SVG.findall(content):
        _check_svg(svg)


def test_the_company_overview_is_only_for_that_company(client, users, neighbourhood):
    other = NeighbourhoodFactory(name="Elders")
    stranger = staff_user(other, Role.HOUSING_STAFF)
    url = reverse("cohesion:company_overview", kwargs={"org": neighbourhood.organisation.slug})
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.force_login(users["organisation_admin"])
    content = client.get(url).content.decode()
    assert "Kapelakker" in content and "Elders" not in content
    assert (
        client.get(reverse("cohesion:company_overview", kwargs={"org": "bestaat-niet"})).status_code
        == 404
    )


def test_the_company_overview_hides_small_figures_per_neighbourhood(client, users, neighbourhood):
    _fill(neighbourhood)
    small = NeighbourhoodFactory(organisation=neighbourhood.organisation, name="Klein")
    wave = SurveyWaveFactory(neighbourhood=small)
    _answers(wave, 4, (1, 5, 5, 5, 4))
    client.force_login(users["housing_staff"])
    content = client.get(
        reverse("cohesion:company_overview", kwargs={"org": neighbourhood.organisation.slug})
    ).content.decode()
    assert "9.5" not in content
    assert "too few answers" in content and "too few households" in content


def test_the_effect_report_is_a_pdf_with_the_neighbourhood(client, users, neighbourhood, tmp_path):
    _fill(neighbourhood)
    client.force_login(users["housing_staff"])
    response = client.get(
        reverse("cohesion:effect_report_pdf", kwargs={"slug": neighbourhood.slug})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        path = tmp_path / "report.pdf"
        path.write_bytes(response.content)
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Kapelakker" in text
        assert "2021" in text


def test_the_dashboard_links_the_report_only_for_staff(client, users, neighbourhood):
    url = reverse("cohesion:dashboard", kwargs={"slug": neighbourhood.slug})
    pdf = reverse("cohesion:effect_report_pdf", kwargs={"slug": neighbourhood.slug})
    client.force_login(users["resident"])
    assert pdf not in client.get(url).content.decode()
    client.force_login(users["facilitator"])
    assert pdf in client.get(url).content.decode()


def test_cancelled_and_future_activities_are_not_points_on_the_line(neighbourhood):
    _fill(neighbourhood)
    ActivityFactory(neighbourhood=neighbourhood, starts_at=_at(D(2022, 7, 1)), cancelled=True)
    ActivityFactory(neighbourhood=neighbourhood)  # in two weeks
    figures = neighbourhood_figures(neighbourhood=neighbourhood)
    assert [m.title for m in figures.network_over_time] == ["Plantjesruil"]
    assert Activity.objects.filter(neighbourhood=neighbourhood).count() == 3
