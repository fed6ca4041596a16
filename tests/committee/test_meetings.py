"""Meetings of the committee: agenda, carried-over tasks, decisions, minutes, PDFs, iCal, mail."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samen.committee.models import AgendaItem, Committee, Decision, Meeting, Membership, Task
from samen.committee.selectors_meetings import is_overdue, public_part
from samen.committee.services_meetings import (
    agenda_item_add,
    agenda_item_move,
    attendance_set,
    decision_add,
    meeting_create,
    meeting_invite,
    minutes_save,
    task_add,
    task_set_status,
)
from tests.factories import HouseholdFactory, ResidentFactory

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def committee(neighbourhood):
    return Committee.objects.create(neighbourhood=neighbourhood, name="Buurtcomité")


@pytest.fixture
def members(committee, neighbourhood):
    result = []
    for name, email in [("Fatima", "fatima@example.org"), ("Jef", ""), ("Elif", "elif@x.org")]:
        resident = ResidentFactory(
            household=HouseholdFactory(neighbourhood=neighbourhood), display_name=name, email=email
        )
        Membership.objects.create(
            committee=committee, resident=resident, starts_on=datetime.date(2021, 1, 1)
        )
        result.append(resident)
    return result


def _meeting(committee, days=7, **kwargs):
    return meeting_create(
        committee=committee,
        title=kwargs.pop("title", "Vergadering"),
        starts_at=timezone.now() + datetime.timedelta(days=days),
        place="Buurthuis",
        **kwargs,
    )


def _url(name, neighbourhood, meeting=None):
    kwargs = {"slug": neighbourhood.slug}
    if meeting is not None:
        kwargs["pk"] = meeting.pk
    return reverse(f"committee:{name}", kwargs=kwargs)


@pytest.mark.django_db
def test_open_tasks_come_back_on_the_next_agenda(committee, members):
    first = _meeting(committee, days=-30)
    open_task = task_add(meeting=first, title="Bank vragen", owner=members[0])
    doing = task_add(meeting=first, title="Flyer maken", owner=members[1])
    task_set_status(task=doing, status=Task.Status.DOING)
    done = task_add(meeting=first, title="Zaal boeken")
    task_set_status(task=done, status=Task.Status.DONE)
    second = _meeting(committee, days=7)
    items = list(second.agenda.order_by("position"))
    assert {item.task_id for item in items} == {open_task.pk, doing.pk}
    assert all(item.title.startswith("Open task:") for item in items)
    assert items[0].owner in (members[0], members[1])


@pytest.mark.django_db
def test_agenda_order_and_owner_must_be_member(committee, members, neighbourhood):
    meeting = _meeting(committee)
    a = agenda_item_add(meeting=meeting, title="A", owner=members[0])
    b = agenda_item_add(meeting=meeting, title="B")
    agenda_item_move(item=b, up=True)
    assert [i.title for i in meeting.agenda.order_by("position")] == ["B", "A"]
    outsider = ResidentFactory(household=HouseholdFactory(neighbourhood=neighbourhood))
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        agenda_item_add(meeting=meeting, title="C", owner=outsider)
    assert a.pk


@pytest.mark.django_db
def test_overdue_tasks(committee, members):
    meeting = _meeting(committee, days=-40)
    late = task_add(
        meeting=meeting, title="Laat", due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    done = task_add(
        meeting=meeting, title="Klaar", due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    task_set_status(task=done, status=Task.Status.DONE)
    assert is_overdue(late) and not is_overdue(done)


@pytest.mark.django_db
def test_task_page_shows_overdue_in_text(client, users, neighbourhood, committee, members):
    meeting = _meeting(committee, days=-40)
    task_add(
        meeting=meeting, title="Laat", due_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    client.force_login(users["committee_member"])
    response = client.get(_url("task_list", neighbourhood))
    assert "Overdue" in response.content.decode()


@pytest.mark.django_db
def test_decision_log_links_decisions_to_meetings(client, users, neighbourhood, committee):
    first = _meeting(committee, days=-30, title="Maart")
    second = _meeting(committee, days=-10, title="Mei")
    decision_add(meeting=first, text="We kiezen Fatima als voorzitter")
    decision_add(meeting=second, text="De plantenruil gaat door")
    client.force_login(users["resident"])
    html = client.get(_url("decision_list", neighbourhood)).content.decode()
    assert html.index("De plantenruil") < html.index("We kiezen Fatima")
    assert first.get_absolute_url() in html and second.get_absolute_url() in html


@pytest.mark.django_db
def test_public_part_hides_private_items_decisions_and_minutes(
    client, users, neighbourhood, committee
):
    meeting = _meeting(committee)
    item = agenda_item_add(meeting=meeting, title="Publiek punt")
    agenda_item_add(meeting=meeting, title="Geheim punt", is_public=False)
    decision_add(meeting=meeting, text="Publiek besluit")
    decision_add(meeting=meeting, text="Geheim besluit", is_public=False)
    minutes_save(
        meeting=meeting, minutes="Algemeen verslag", item_minutes={item.pk: "Punt verslag"}
    )
    client.force_login(users["resident"])
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Publiek punt" in html and "Publiek besluit" in html
    assert "Geheim" not in html and "verslag" not in html
    log = client.get(_url("decision_list", neighbourhood)).content.decode()
    assert "Publiek besluit" in log and "Geheim besluit" not in log
    assert client.get(_url("meeting_minutes_pdf", neighbourhood, meeting)).status_code == 404
    part = public_part(neighbourhood=neighbourhood)
    assert [i.title for i in part["upcoming"][0].agenda.all()] == ["Publiek punt"]
    assert [d.text for d in part["decisions"]] == ["Publiek besluit"]


@pytest.mark.django_db
def test_housing_staff_see_minutes_only_when_shared(client, users, neighbourhood, committee):
    meeting = _meeting(committee)
    minutes_save(meeting=meeting, minutes="Algemeen verslag", item_minutes={})
    client.force_login(users["housing_staff"])
    assert "Algemeen verslag" not in client.get(meeting.get_absolute_url()).content.decode()
    assert client.get(_url("meeting_minutes_pdf", neighbourhood, meeting)).status_code == 404
    meeting.shared_with_housing = True
    meeting.save()
    assert "Algemeen verslag" in client.get(meeting.get_absolute_url()).content.decode()
    response = client.get(_url("meeting_minutes_pdf", neighbourhood, meeting))
    assert response.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_ical_parses(client, users, neighbourhood, committee):
    meeting = _meeting(committee)
    agenda_item_add(meeting=meeting, title="Plantenruil")
    client.force_login(users["resident"])
    one = Calendar.from_ical(client.get(_url("meeting_ics", neighbourhood, meeting)).content)
    events = list(one.walk("VEVENT"))
    assert len(events) == 1 and str(events[0]["summary"]) == "Vergadering"
    assert "Plantenruil" in str(events[0]["description"])
    _meeting(committee, days=14)
    all_ = Calendar.from_ical(client.get(_url("agenda_ics", neighbourhood)).content)
    assert len(list(all_.walk("VEVENT"))) == 2


@pytest.mark.django_db
def test_agenda_and_minutes_pdfs(client, users, neighbourhood, committee, members):
    meeting = _meeting(committee)
    agenda_item_add(meeting=meeting, title="Plantenruil", owner=members[0])
    client.force_login(users["committee_member"])
    for name in ("meeting_agenda_pdf", "meeting_minutes_pdf"):
        response = client.get(_url(name, neighbourhood, meeting))
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_invitations_once_per_member_with_an_address(
    committee, members, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = _meeting(committee)
    with django_capture_on_commit_callbacks(execute=True):
        count = meeting_invite(meeting=meeting)
    assert count == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["elif@x.org", "fatima@example.org"]
    attachment = mailoutbox[0].attachments[0]
    assert Calendar.from_ical(attachment[1]).walk("VEVENT")


@pytest.mark.django_db
def test_invite_view(
    client, users, neighbourhood, committee, members, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = _meeting(committee)
    client.force_login(users["facilitator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("meeting_invite", neighbourhood, meeting))
    assert response.status_code == 302
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_editor_flow_through_the_pages(client, users, neighbourhood, committee, members):
    client.force_login(users["facilitator"])
    response = client.post(
        _url("meeting_list", neighbourhood),
        {"title": "Maart", "starts_at": "2030-03-14T19:30", "place": "Buurthuis"},
    )
    meeting = Meeting.objects.get(title="Maart")
    assert response.status_code == 302
    url = meeting.get_absolute_url()
    client.post(
        url,
        {"action": "item_add", "title": "Plantenruil", "owner": members[0].pk, "is_public": "on"},
    )
    item = AgendaItem.objects.get(meeting=meeting, title="Plantenruil")
    client.post(
        url,
        {
            "action": "attendance",
            f"att_{members[0].pk}": "present",
            f"att_{members[1].pk}": "excused",
        },
    )
    assert meeting.attendance.count() == 2
    client.post(url, {"action": "minutes", "minutes": "Goed", f"item_{item.pk}": "Gaat door"})
    item.refresh_from_db()
    assert item.minutes == "Gaat door"
    client.post(
        url,
        {
            "action": "decision",
            "text": "De plantenruil gaat door",
            "agenda_item": item.pk,
            "is_public": "on",
        },
    )
    assert Decision.objects.get(meeting=meeting).agenda_item == item
    client.post(
        url, {"action": "task", "title": "Flyers", "owner": members[1].pk, "due_on": "2030-04-01"}
    )
    task = Task.objects.get(decided_at=meeting)
    client.post(_url("task_list", neighbourhood), {"task": task.pk, "status": "done"})
    task.refresh_from_db()
    assert task.status == "done"
    # A bad form keeps what was typed.
    response = client.post(url, {"action": "decision", "text": "", "agenda_item": ""})
    assert response.status_code == 200
    response = client.post(
        _url("meeting_list", neighbourhood), {"title": "Kapot", "starts_at": "nee", "place": "Hier"}
    )
    assert response.status_code == 200 and "Kapot" in response.content.decode()


@pytest.mark.django_db
def test_resident_cannot_post(client, users, neighbourhood, committee):
    meeting = _meeting(committee)
    client.force_login(users["resident"])
    response = client.post(meeting.get_absolute_url(), {"action": "item_add", "title": "X"})
    assert response.status_code == 404
    assert not AgendaItem.objects.filter(title="X").exists()


def _grow(committee, members, n):
    for i in range(n):
        meeting = _meeting(committee, days=-(i + 1) * 3, title=f"Vergadering {i}")
        agenda_item_add(meeting=meeting, title=f"Punt {i}", owner=members[i % 3])
        decision_add(meeting=meeting, text=f"Besluit {i}")
        task_add(meeting=meeting, title=f"Taak {i}", owner=members[i % 3])
        attendance_set(meeting=meeting, statuses={m.pk: "present" for m in members})
    _meeting(committee, days=3, title="Volgende")


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["committee_member", "resident"])
def test_query_counts_do_not_grow(client, users, neighbourhood, committee, members, role):
    client.force_login(users[role])
    _grow(committee, members, 2)
    detail = Meeting.objects.get(title="Vergadering 0")
    names = ["meeting_list", "decision_list"] + (
        ["task_list"] if role == "committee_member" else []
    )
    small = {n: _count(client, _url(n, neighbourhood)) for n in names}
    small["detail"] = _count(client, detail.get_absolute_url())
    _grow(committee, members, 20)
    big = {n: _count(client, _url(n, neighbourhood)) for n in names}
    big["detail"] = _count(client, detail.get_absolute_url())
    assert small == big


@pytest.mark.django_db
def test_demo_meetings(neighbourhood):
    from samen.committee.demo_meetings import load
    from samen.core.demo import DemoContext

    residents = [
        ResidentFactory(household=HouseholdFactory(neighbourhood=neighbourhood), display_name=n)
        for n in ("Fatima", "Jef", "Elif", "Tom", "Mamadou", "Griet")
    ]
    ctx = DemoContext()
    ctx.objects.update(neighbourhood=neighbourhood, residents=residents)
    load(ctx)
    load(ctx)  # a second run adds nothing
    committee = Committee.objects.get(neighbourhood=neighbourhood)
    assert committee.meetings.count() == 4
    assert Decision.objects.filter(text="We kiezen Fatima als voorzitter").exists()
    carried = AgendaItem.objects.filter(meeting__committee=committee, task__isnull=False)
    assert carried.count() >= 4
    overdue = [t for t in Task.objects.filter(committee=committee) if is_overdue(t)]
    assert [t.title for t in overdue] == ["Verslag naar de woonmaatschappij sturen"]
    assert set(Task.objects.values_list("status", flat=True)) >= {"done", "dropped", "open"}


@pytest.mark.django_db
def test_public_block_for_the_neighbourhood_page(neighbourhood, committee):
    from django.template.loader import render_to_string

    meeting = _meeting(committee, title="Volgende vergadering")
    agenda_item_add(meeting=meeting, title="Publiek punt")
    agenda_item_add(meeting=meeting, title="Geheim punt", is_public=False)
    html = render_to_string(
        "committee/meeting_public_block.html",
        {
            "neighbourhood": neighbourhood,
            "committee_meetings": public_part(neighbourhood=neighbourhood),
        },
    )
    assert "Volgende vergadering" in html and "Publiek punt" in html
    assert "Geheim punt" not in html
