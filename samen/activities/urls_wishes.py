"""URLs of the wish wall ("warme wensen voor de wijk")."""

from django.urls import path

from samen.activities import views_wishes as views

BASE = "wijk/<slug:slug>/activiteiten/<int:pk>/wensen/"

wishes_urlpatterns = [
    path(BASE, views.wish_wall, name="wish_wall"),
    path(BASE + "nakijken/", views.wish_moderate, name="wish_moderate"),
    path(BASE + "scherm/", views.wish_display, name="wish_display"),
    path(BASE + "kaartjes.pdf", views.wish_cards_pdf, name="wish_cards_pdf"),
    path(BASE + "bewaarboekje.pdf", views.wish_keepsake_pdf, name="wish_keepsake_pdf"),
]
