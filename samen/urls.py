"""Samen's URLs; every view here appears in the permission-matrix test."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("samen.core.urls")),
    path("", include("samen.accounts.urls")),
    path("", include("samen.neighbourhoods.urls")),
    path("", include("samen.trajectories.urls")),
    path("", include("samen.api.urls")),
    path("", include("samen.listening.urls")),
    path("", include("samen.printing.urls")),
    path("", include("samen.agreements.urls")),
    path("", include("samen.committee.urls")),
    path("", include("samen.activities.urls")),
    path("", include("samen.cohesion.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
]

handler403 = "samen.core.views.permission_denied"
handler404 = "samen.core.views.page_not_found"
handler500 = "samen.core.views.server_error"
