"""URLs of the meetings part of the committee app."""

from django.urls import path

from samen.committee import views_meetings as views

BASE = "wijk/<slug:slug>/comite/"

meetings_urlpatterns = [
    path(BASE + "vergaderingen/", views.meeting_list, name="meeting_list"),
    path(BASE + "vergaderingen/<int:pk>/", views.meeting_detail_view, name="meeting_detail"),
    path(
        BASE + "vergaderingen/<int:pk>/agenda.pdf",
        views.meeting_agenda_pdf,
        name="meeting_agenda_pdf",
    ),
    path(
        BASE + "vergaderingen/<int:pk>/verslag.pdf",
        views.meeting_minutes_pdf,
        name="meeting_minutes_pdf",
    ),
    path(
        BASE + "vergaderingen/<int:pk>/uitnodigen/",
        views.meeting_invite_view,
        name="meeting_invite",
    ),
    path(BASE + "vergaderingen/<int:pk>.ics", views.meeting_ics, name="meeting_ics"),
    path(BASE + "agenda.ics", views.agenda_ics, name="agenda_ics"),
    path(BASE + "besluiten/", views.decision_list, name="decision_list"),
    path(BASE + "taken/", views.task_list, name="task_list"),
]
