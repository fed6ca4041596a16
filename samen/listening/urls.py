"""Listening URLs. Parts built in their own modules add their patterns at the end."""

from django.urls import path

from samen.listening import views
from samen.listening.urls_stand import urlpatterns as stand_urlpatterns
from samen.listening.urls_suggest import urlpatterns as suggest_urlpatterns

app_name = "listening"
urlpatterns = [
    path("wijk/<slug:slug>/mijn-inbreng/", views.my_input, name="mine"),
    path("wijk/<slug:slug>/zeg-het/", views.give_input, name="give"),
    path("wijk/<slug:slug>/helpen/", views.volunteer, name="volunteer"),
    path("wijk/<slug:slug>/jullie-zeiden/", views.you_said, name="you_said"),
    path("wijk/<slug:slug>/inbreng/", views.contribution_list, name="list"),
    path("wijk/<slug:slug>/inbreng/kaartjes/", views.contribution_paper, name="paper"),
    path("wijk/<slug:slug>/inbreng/<int:pk>/", views.contribution_detail, name="detail"),
    path("wijk/<slug:slug>/inbreng/export.<str:fmt>", views.export, name="export"),
    path("wijk/<slug:slug>/themas/", views.theme_list, name="themes"),
    path("wijk/<slug:slug>/themas/indelen/", views.theme_assign, name="assign"),
    path("wijk/<slug:slug>/themas/<int:pk>/", views.theme_detail, name="theme_detail"),
    path("wijk/<slug:slug>/themas/<int:pk>/antwoord/", views.theme_answer_view, name="answer"),
    path("wijk/<slug:slug>/bereik/", views.reach, name="reach"),
    path("wijk/<slug:slug>/bereik/deur-aan-deur/", views.door_to_door, name="door_to_door"),
    path("wijk/<slug:slug>/vrijwilligers/", views.volunteer_list, name="volunteers"),
    path("wijk/<slug:slug>/terugkoppeling/", views.report, name="report"),
]
urlpatterns += stand_urlpatterns + suggest_urlpatterns
