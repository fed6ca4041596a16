from django.urls import path

from samen.printing import views

app_name = "printing"
urlpatterns = [
    path("wijk/<slug:slug>/afdrukken/", views.printing_index, name="index"),
    path("wijk/<slug:slug>/afdrukken/nieuw/", views.job_start, name="job_start"),
    path("wijk/<slug:slug>/afdrukken/<int:pk>/", views.job_detail, name="job_detail"),
    path(
        "wijk/<slug:slug>/afdrukken/<int:pk>/download/",
        views.job_download,
        name="job_download",
    ),
    path(
        "wijk/<slug:slug>/huishoudens/<int:pk>/postkaart.pdf",
        views.household_postcard,
        name="household_postcard",
    ),
]
