"""Theme-suggestion URLs; added to the listening URLs (namespace "listening")."""

from django.urls import path

from samen.listening import views_suggest

urlpatterns = [
    path("wijk/<slug:slug>/themas/suggesties/", views_suggest.suggestions, name="suggestions"),
    path(
        "wijk/<slug:slug>/themas/suggesties/<int:pk>/",
        views_suggest.suggestion_decide,
        name="suggestion_decide",
    ),
]
