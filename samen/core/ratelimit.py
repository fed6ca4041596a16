"""A small fixed-window rate limit in the cache, for logins and join-code attempts.

Failed attempts count per client address and per target (an e-mail address or a code);
either limit reached blocks further attempts until the window has passed.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """Return the client's address (the proxy is expected to set REMOTE_ADDR correctly)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _keys(scope: str, request: HttpRequest, target: str) -> list[str]:
    digest = hashlib.sha256(target.strip().lower().encode()).hexdigest()[:24]
    return [f"rl:{scope}:ip:{client_address(request)}", f"rl:{scope}:t:{digest}"]


def is_blocked(scope: str, request: HttpRequest, target: str = "") -> bool:
    """Tell whether this client or target has used up its failed attempts."""
    limit = settings.LOGIN_RATE_LIMIT
    return any((cache.get(key) or 0) >= limit for key in _keys(scope, request, target))


def record_failure(scope: str, request: HttpRequest, target: str = "") -> None:
    """Count one failed attempt for this client and target."""
    for key in _keys(scope, request, target):
        if cache.add(key, 1, timeout=settings.LOGIN_RATE_WINDOW):
            continue
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=settings.LOGIN_RATE_WINDOW)


def reset(scope: str, request: HttpRequest, target: str = "") -> None:
    """Forget the failed attempts for this target after a success (the address keeps its count)."""
    cache.delete(_keys(scope, request, target)[1])
