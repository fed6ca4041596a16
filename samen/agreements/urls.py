"""Agreements and reports URLs; each part adds its patterns from its own module below."""

from samen.agreements.urls_agreements import urlpatterns as agreements_urlpatterns
from samen.agreements.urls_reports import urlpatterns as reports_urlpatterns

app_name = "agreements"
urlpatterns: list = []
urlpatterns += reports_urlpatterns
urlpatterns += agreements_urlpatterns
