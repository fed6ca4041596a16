"""URLs of getting to know each other (acquaintances) at an activity."""

from django.urls import path

from samen.activities import views_acquaintances as views

BASE = "wijk/<slug:slug>/activiteiten/<int:pk>/kennismaken/"

acquaintances_urlpatterns = [
    path(BASE, views.acquaintances, name="acquaintances"),
    path(BASE + "ijsbrekers/", views.icebreakers, name="icebreakers"),
]
