"""Settings for the bare view of bench/bench_throughput.py: one view, one template, no database.

The template (bench/bare_templates/bare.html) is the captured household list page, so the bare
view sends the same number of bytes through Django's template engine and middleware.
"""

from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from samen.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bare"
DATABASES = {"default": {"ENGINE": "django.db.backends.dummy"}}
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
TEMPLATE_TEXT = (Path(__file__).resolve().parent / "bare_templates" / "bare.html").read_text()


def bare(request: HttpRequest) -> HttpResponse:
    template = engines["django"].from_string(TEMPLATE_TEXT)
    return HttpResponse(template.render({"title": "bare"}))


urlpatterns = [path("", bare)]
