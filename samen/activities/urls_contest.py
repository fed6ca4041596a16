"""URLs of the contest."""

from django.urls import path

from samen.activities import views_contest

contest_urlpatterns = [
    path(
        "wijk/<slug:slug>/activiteiten/<int:pk>/wedstrijd/",
        views_contest.contest,
        name="contest",
    ),
    path(
        "wijk/<slug:slug>/activiteiten/<int:pk>/wedstrijd/meedoen/",
        views_contest.contest_entry_create_view,
        name="contest_entry_create",
    ),
    path(
        "wijk/<slug:slug>/activiteiten/<int:pk>/wedstrijd/stemmen/",
        views_contest.contest_vote,
        name="contest_vote",
    ),
    path(
        "wijk/<slug:slug>/activiteiten/<int:pk>/wedstrijd/nakijken/",
        views_contest.contest_moderate,
        name="contest_moderate",
    ),
    path(
        "wijk/<slug:slug>/activiteiten/<int:pk>/wedstrijd/<int:entry_pk>/",
        views_contest.contest_entry,
        name="contest_entry",
    ),
]
