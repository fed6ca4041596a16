"""URLs of the activities core."""

from django.urls import path

from samen.activities import views_activities as views

BASE = "wijk/<slug:slug>/activiteiten/"

activities_urlpatterns = [
    path(BASE, views.activity_list, name="list"),
    path(BASE + "nieuw/", views.activity_create_view, name="create"),
    path(BASE + "<int:pk>/", views.activity_detail, name="detail"),
    path(BASE + "<int:pk>/bewerken/", views.activity_edit_view, name="edit"),
    path(BASE + "<int:pk>/inschrijven/", views.register, name="register"),
    path(
        BASE + "<int:pk>/uitschrijven/", views.registration_cancel_view, name="registration_cancel"
    ),
    path(BASE + "<int:pk>/inschrijvingen/", views.registration_list, name="registrations"),
    path(BASE + "<int:pk>/aanwezig/", views.attendance_view, name="attendance"),
    path(BASE + "<int:pk>/flyer.pdf", views.flyer_pdf, name="flyer_pdf"),
    path(BASE + "<int:pk>.ics", views.activity_ics, name="activity_ics"),
    path("wijk/<slug:slug>/activiteiten.ics", views.activities_ics, name="ics"),
]
