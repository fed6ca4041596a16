"""URLs of the members part of the committee app (members, roles, charter, news, questions)."""

from django.urls import path

from samen.committee import views_members as views

BASE = "wijk/<slug:slug>/comite/"

members_urlpatterns = [
    path(BASE, views.committee_public, name="public"),
    path(BASE + "leden/", views.member_list, name="member_list"),
    path(BASE + "leden/<int:pk>/einde/", views.member_end, name="member_end"),
    path(BASE + "leden/rollen/<str:role>/", views.role_edit, name="role_edit"),
    path(BASE + "charter/", views.charter_overview, name="charter"),
    path(BASE + "charter/<str:kind>/", views.charter_document, name="charter_document"),
    path(BASE + "charter/<str:kind>/aanvaard/", views.charter_adopt, name="charter_adopt"),
    path(BASE + "nieuws/", views.news_page, name="news"),
    path(BASE + "vragen/", views.question_list, name="questions"),
    path(BASE + "vragen/<int:pk>/antwoord/", views.question_answer_view, name="question_answer"),
]
