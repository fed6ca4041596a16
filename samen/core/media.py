"""Uploaded files, served by Samen itself with a check per kind of file.

MEDIA_ROOT also holds private files (photos of paper cards, photos with reports, print jobs with
join codes), so no web server may serve it as a folder. Each app says who may see the files of its
upload folders in its own `media_access.py` (found like admin.py):

    register("swap/", check)   # check(request, name) -> bool

A file whose folder nobody registered is never served.
"""

import mimetypes
import posixpath
from collections.abc import Callable

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_GET

Check = Callable[[HttpRequest, str], bool]
_CHECKS: dict[str, Check] = {}


def register(prefix: str, check: Check) -> None:
    """Let `check` decide who may see the uploaded files whose name starts with `prefix`."""
    _CHECKS[prefix] = check


def _check_for(name: str) -> Check | None:
    for prefix, check in _CHECKS.items():
        if name.startswith(prefix):
            return check
    return None


@require_GET
def media_file(request: HttpRequest, path: str) -> FileResponse:
    """Serve one uploaded file to whoever may see it; anyone else gets 404."""
    name = posixpath.normpath(path)
    if name != path or name.startswith(("..", "/")):
        raise Http404
    check = _check_for(name)
    if check is None or not check(request, name) or not default_storage.exists(name):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    # Photos never change under the same name (a new upload gets a new name).
    response["Cache-Control"] = "private, max-age=86400"
    return response
