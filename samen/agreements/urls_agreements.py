"""URLs of the agreements part (wijkafspraken)."""

from django.urls import path

from samen.agreements import views_agreements as views

urlpatterns = [
    path("wijk/<slug:slug>/afspraken/", views.agreement_list, name="list"),
    path("wijk/<slug:slug>/afspraken/nieuw/", views.agreement_create_view, name="create"),
    path("wijk/<slug:slug>/afspraken/<int:pk>/", views.agreement_detail, name="detail"),
    path("wijk/<slug:slug>/afspraken/<int:pk>/wijzigen/", views.agreement_edit, name="edit"),
    path(
        "wijk/<slug:slug>/afspraken/<int:pk>/vertaling/",
        views.agreement_translation,
        name="translation",
    ),
    path("wijk/<slug:slug>/afspraken/<int:pk>/status/", views.agreement_status, name="status"),
    path(
        "wijk/<slug:slug>/afspraken/<int:pk>/evaluatie/",
        views.agreement_evaluate,
        name="evaluate",
    ),
    path(
        "wijk/<slug:slug>/afspraken/<int:pk>/wij-doen-mee/",
        views.agreement_endorse,
        name="endorse",
    ),
]
