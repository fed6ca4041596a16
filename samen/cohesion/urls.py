"""Cohesion monitor URLs; each part adds its patterns from its own module below."""

app_name = "cohesion"
urlpatterns: list = []
