"""URLs of the survey part of the cohesion monitor."""

from django.urls import path

from samen.cohesion import views_survey as views

BASE = "wijk/<slug:slug>/meting/"

survey_urlpatterns = [
    path(BASE, views.wave_list, name="wave_list"),
    path(BASE + "nieuw/", views.wave_create_view, name="wave_create"),
    path(BASE + "<int:pk>/", views.wave_detail, name="wave_detail"),
    path(BASE + "<int:pk>/vragenlijsten/", views.wave_questionnaires, name="wave_questionnaires"),
    path(BASE + "<int:pk>/papier/", views.survey_paper, name="survey_paper"),
    path(BASE + "<int:pk>/invullen/", views.survey_answer, name="survey_answer"),
    path("peiling/", views.survey_code, name="survey_code"),
]
