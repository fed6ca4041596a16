from django.urls import path

from samen.accounts import views

app_name = "accounts"
urlpatterns = [
    path("aanmelden/", views.login_choice, name="login"),
    path("aanmelden/medewerker/", views.StaffLoginView.as_view(), name="login_staff"),
    path("aanmelden/code/", views.code_login, name="code"),
    path("aanmelden/code/wie/", views.code_who, name="code_who"),
    path("c/<str:code>/", views.code_link, name="code_link"),
    path("aanmelden/link/", views.magic_link_request, name="magic_link_request"),
    path("aanmelden/link/<uidb64>/<token>/", views.magic_link, name="magic_link"),
    path("afmelden/", views.logout_view, name="logout"),
    path("wachtwoord/vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord/verstuurd/", views.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        "wachtwoord/nieuw/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord/klaar/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("mijn-huishouden/", views.household_view, name="household"),
    path("mijn-huishouden/nieuw/", views.household_member_add, name="household_member_add"),
    path("mijn-gegevens/", views.my_details, name="my_details"),
    path("mijn-gegevens/download/", views.my_data_download, name="my_data_download"),
    path("mijn-gegevens/wissen/", views.my_data_erase, name="my_data_erase"),
]
