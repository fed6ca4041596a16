"""Committee URLs; each part adds its patterns from its own module below."""

app_name = "committee"
urlpatterns: list = []
