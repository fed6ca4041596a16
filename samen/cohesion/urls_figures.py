"""URLs of the cohesion figures."""

from django.urls import path

from samen.cohesion import views_figures as views

figures_urlpatterns = [
    path("wijk/<slug:slug>/samenhang/", views.dashboard, name="dashboard"),
    path(
        "wijk/<slug:slug>/samenhang/effectrapport.pdf",
        views.effect_report_pdf,
        name="effect_report_pdf",
    ),
    path("organisatie/<slug:org>/samenhang/", views.company_overview, name="company_overview"),
]
