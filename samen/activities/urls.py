"""Activity URLs; each part adds its patterns from its own module below."""

app_name = "activities"
urlpatterns: list = []
