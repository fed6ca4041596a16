"""PDFs from Django templates with WeasyPrint, without ever touching the network.

`render_pdf` is what other apps call for one document (a flyer, a report). Print jobs render
long documents in chunks with `render_document` and join the pages with `write_pdf`, so that
their progress can move between chunks.

Resources a template may use: `data:` URLs, the project's own static and media files (by their
`{% static %}` / MEDIA_URL address, served from disk), and `file://` paths inside the static
folders (STATIC_ROOT, STATICFILES_DIRS, each app's static/), MEDIA_ROOT or the system font
folders. Everything else is refused: no request ever leaves the server (DESIGN: no CDN, no
fonts from elsewhere). Fonts come from the system through fontconfig (DejaVu Sans is always
installed); see docs/printing.md.
"""

import logging
import mimetypes
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils._os import safe_join
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

SYSTEM_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))


class FetchRefused(ValueError):
    """A PDF asked for a resource outside the deployment; WeasyPrint leaves it out."""


def _allowed_roots() -> list[Path]:
    """Return the folders a `file://` URL may point into (read from settings on each call)."""
    roots = [Path(settings.STATIC_ROOT), Path(settings.MEDIA_ROOT), *SYSTEM_FONT_DIRS]
    roots += [
        Path(entry[1] if isinstance(entry, tuple) else entry) for entry in settings.STATICFILES_DIRS
    ]
    roots += [Path(config.path) / "static" for config in apps.get_app_configs()]
    return [root.resolve() for root in roots]


def _inside(path: Path, roots: Iterable[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _site_prefix(url_path: str) -> str:
    """Return the absolute address of a site path such as STATIC_URL ("/static/")."""
    if url_path.startswith(("http://", "https://")):
        return url_path
    site = urlsplit(settings.SITE_URL)
    return f"{site.scheme}://{site.netloc}/" + url_path.lstrip("/")


def local_path_for(url: str) -> Path | None:
    """Map a URL the PDF may use to a file on this server; None when it is not allowed."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "file":
        path = Path(url2pathname(unquote(urlsplit(url).path))).resolve()
        return path if _inside(path, _allowed_roots()) else None
    if scheme not in {"http", "https"}:
        return None
    bare = url.split("#", 1)[0].split("?", 1)[0]
    static_prefix = _site_prefix(settings.STATIC_URL)
    media_prefix = _site_prefix(settings.MEDIA_URL)
    try:
        if bare.startswith(static_prefix):
            relative = unquote(bare[len(static_prefix) :])
            # Collected files first (hashed names live only there), then the source folders.
            collected = Path(safe_join(settings.STATIC_ROOT, relative))
            if collected.is_file():
                return collected
            found = finders.find(relative)
            return Path(found) if isinstance(found, str) else None
        if bare.startswith(media_prefix):
            return Path(safe_join(settings.MEDIA_ROOT, unquote(bare[len(media_prefix) :])))
    except Exception:  # safe_join refuses "../" tricks with SuspiciousFileOperation
        return None
    return None


class LocalOnlyFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves data: URLs and local files, and refuses the rest."""

    def __init__(self) -> None:
        super().__init__(timeout=1, allowed_protocols=("data", "file"), allow_redirects=False)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        """Fetch `url` from this server only."""
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = local_path_for(url)
        if path is None or not path.is_file():
            logger.warning("A PDF asked for %s; refused (only local files).", url[:200])
            raise FetchRefused(f"Refused (only local files): {url[:200]}")
        mime, _encoding = mimetypes.guess_type(path.name)
        return URLFetcherResponse(
            path.as_uri(),
            body=path.read_bytes(),
            headers={"Content-Type": mime or "application/octet-stream"},
        )


def default_base_url() -> str:
    """Return the base that `{% static %}` and MEDIA_URL addresses are resolved against."""
    return settings.SITE_URL + "/"


def render_document(
    *,
    template_name: str,
    context: dict[str, Any],
    base_url: str | None = None,
    font_config: FontConfiguration | None = None,
) -> Document:
    """Render a template to a laid-out WeasyPrint document (pages not yet written)."""
    html = render_to_string(template_name, context)
    font_config = font_config or FontConfiguration()
    return HTML(
        string=html, base_url=base_url or default_base_url(), url_fetcher=LocalOnlyFetcher()
    ).render(font_config=font_config)


def write_pdf(documents: Sequence[Document]) -> bytes:
    """Join the pages of one or more rendered documents into one PDF."""
    if not documents:
        raise ValueError("Nothing to write.")
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()


def render_pdf(
    *, template_name: str, context: dict[str, Any], base_url: str | None = None
) -> bytes:
    """Render a template to PDF bytes."""
    return write_pdf(
        [render_document(template_name=template_name, context=context, base_url=base_url)]
    )


def render_pdf_in_chunks(
    *,
    template_name: str,
    context: dict[str, Any],
    items: Sequence[Any],
    chunk_context: Callable[[Sequence[Any]], dict[str, Any]],
    chunk_size: int = 10,
    progress: Callable[[int], None] | None = None,
    base_url: str | None = None,
) -> bytes:
    """Render `items` a chunk at a time, report how many are done after each, then join them.

    Layout is most of the work, and it happens per chunk; writing the joined PDF at the end
    is short (fonts are shared, so they are embedded once).
    """
    font_config = FontConfiguration()
    documents = []
    for start in range(0, len(items), max(1, chunk_size)):
        chunk = items[start : start + chunk_size]
        documents.append(
            render_document(
                template_name=template_name,
                context={**context, **chunk_context(chunk)},
                base_url=base_url,
                font_config=font_config,
            )
        )
        if progress is not None:
            progress(start + len(chunk))
    return write_pdf(documents)
