"""Stand-mode URLs; added to the listening URLs (namespace "listening")."""

from django.urls import path

from samen.listening import views_stand

urlpatterns = [
    path("wijk/<slug:slug>/standje/", views_stand.stand, name="stand"),
    # Below the page, so the service worker's default scope (its folder) covers the page.
    path("wijk/<slug:slug>/standje/sw.js", views_stand.stand_service_worker, name="stand_sw"),
]
