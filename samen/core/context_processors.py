"""Template context every page needs."""

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation


def samen(request: HttpRequest) -> dict[str, object]:
    """Add the text direction and the interface languages."""
    return {
        "text_direction": "rtl" if translation.get_language_bidi() else "ltr",
        "interface_languages": settings.LANGUAGES,
        "site_url": settings.SITE_URL,
    }
