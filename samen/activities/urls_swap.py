"""URLs of the swap board."""

from django.urls import path

from samen.activities import views_swap

swap_urlpatterns = [
    path(
        "wijk/<slug:slug>/activiteiten/<int:pk>/ruilen/",
        views_swap.swap_board,
        name="swap_board",
    ),
    path(
        "wijk/<slug:slug>/activiteiten/<int:pk>/ruilen/nieuw/",
        views_swap.swap_item_create_view,
        name="swap_item_create",
    ),
    path(
        "wijk/<slug:slug>/activiteiten/<int:pk>/ruilen/<int:item_pk>/status/",
        views_swap.swap_item_status,
        name="swap_item_status",
    ),
]
