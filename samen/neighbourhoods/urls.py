from django.urls import path

from samen.neighbourhoods import views, views_import

app_name = "neighbourhoods"
urlpatterns = [
    path("beheer/", views.staff_overview, name="staff_overview"),
    path("beheer/wijk-nieuw/", views.neighbourhood_create_view, name="neighbourhood_create"),
    path("wijk/<slug:slug>/", views.public, name="public"),
    path("wijk/<slug:slug>/thuis/", views.home, name="home"),
    path("wijk/<slug:slug>/buren/", views.directory, name="directory"),
    path("wijk/<slug:slug>/huishoudens/", views.household_list, name="household_list"),
    path("wijk/<slug:slug>/huishoudens/nieuw/", views.household_add, name="household_add"),
    path("wijk/<slug:slug>/huishoudens/<int:pk>/", views.household_detail, name="household_detail"),
    path(
        "wijk/<slug:slug>/huishoudens/<int:pk>/nieuwe-code/",
        views.household_renew_code,
        name="household_renew_code",
    ),
    path(
        "wijk/<slug:slug>/huishoudens/<int:pk>/bewoner/",
        views.household_resident_add,
        name="household_resident_add",
    ),
    path("wijk/<slug:slug>/team/", views.team, name="team"),
    path("wijk/<slug:slug>/logboek/", views.audit_log, name="audit_log"),
    path("wijk/<slug:slug>/team/<int:pk>/weg/", views.team_remove, name="team_remove"),
    # Tenant-list imports (see views_import.py).
    path("wijk/<slug:slug>/import/", views_import.import_start, name="import_start"),
    path("wijk/<slug:slug>/import/<int:pk>/", views_import.import_detail, name="import_detail"),
]
