from django.urls import path

from samen.core import media, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    # MEDIA_URL is /media/: uploaded photos, each checked by its app (samen/core/media.py).
    path("media/<path:path>", media.media_file, name="media"),
]
