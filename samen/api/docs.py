"""The API's documentation page (Swagger UI), served from this server, never from a CDN.

django-ninja ships Swagger UI's files but only serves them itself when "ninja" is an
installed app; otherwise its page loads them from a CDN. We render our own small page and
serve the few files from the installed ninja package.
"""

import json
import mimetypes
from pathlib import Path
from typing import Any

import ninja
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from ninja.openapi.docs import DocsBase

ASSETS_DIR = Path(ninja.__file__).resolve().parent / "static" / "ninja"
ASSETS = {"swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-init.js", "favicon.png"}


class LocalSwagger(DocsBase):
    """Swagger UI with its files from this server."""

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        settings = {
            "layout": "BaseLayout",
            "deepLinking": True,
            "url": self.get_openapi_url(api, kwargs),
        }
        return render(
            request,
            "api/docs.html",
            {"api": api, "swagger_settings": json.dumps(settings)},
        )


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def docs_asset(request: HttpRequest, name: str) -> FileResponse:
    """Serve one of Swagger UI's files from the installed django-ninja package."""
    path = ASSETS_DIR / name
    if name not in ASSETS or not path.is_file():
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(path.open("rb"), content_type=content_type)
