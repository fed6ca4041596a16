"""API URLs: /api/v1/ (django-ninja, namespace "api-1") and the API-key pages."""

from django.urls import include, path

from samen.api import docs, views
from samen.api.v1 import api

key_patterns = (
    [
        path("", views.key_list, name="list"),
        path("<int:pk>/intrekken/", views.key_revoke, name="revoke"),
    ],
    "api_keys",
)

urlpatterns = [
    path("api/v1/docs/files/<str:name>", docs.docs_asset, name="api_docs_asset"),
    path("api/v1/", api.urls),
    path("organisatie/<slug:org_slug>/api-sleutels/", include(key_patterns)),
]
