"""Listening URLs. Parts built in their own modules add their patterns at the end."""

app_name = "listening"
urlpatterns: list = []
