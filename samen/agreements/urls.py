"""Agreements and reports URLs; each part adds its patterns from its own module below."""

app_name = "agreements"
urlpatterns: list = []
