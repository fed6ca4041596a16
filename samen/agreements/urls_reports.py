"""Report (melding) URLs, added to the agreements app's patterns."""

from django.urls import path

from samen.agreements import views_reports as views

urlpatterns = [
    path("wijk/<slug:slug>/melden/", views.report_create_view, name="report_create"),
    path("wijk/<slug:slug>/mijn-meldingen/", views.report_mine, name="report_mine"),
    path("wijk/<slug:slug>/meldingen/", views.report_queue, name="report_queue"),
    path("wijk/<slug:slug>/meldingen/overzicht/", views.report_overview, name="report_overview"),
    path("wijk/<slug:slug>/meldingen/<int:pk>/", views.report_detail, name="report_detail"),
    path("beheer/meldingen/", views.report_company, name="report_company"),
]
