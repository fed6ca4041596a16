from django.urls import path

from samen.trajectories import views

app_name = "trajectories"
urlpatterns = [
    path("wijk/<slug:slug>/traject/", views.manage, name="manage"),
    path("wijk/<slug:slug>/traject/<int:pk>/", views.detail, name="detail"),
    path(
        "wijk/<slug:slug>/traject/<int:pk>/fase/<int:phase_pk>/",
        views.phase_edit,
        name="phase_edit",
    ),
    path(
        "wijk/<slug:slug>/traject/<int:pk>/fase/<int:phase_pk>/spoor/<int:track_pk>/weg/",
        views.track_remove,
        name="track_remove",
    ),
]
