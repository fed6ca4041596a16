"""Helpers to write permission-matrix rows (used by every app's matrix.py)."""

ROLES = [
    "anonymous",
    "resident",
    "committee_member",
    "facilitator",
    "housing_staff",
    "organisation_admin",
    "outsider",
]
LOGGED_IN = tuple(r for r in ROLES if r != "anonymous")


def every(status: int) -> dict[str, int]:
    """Every role gets this status."""
    return dict.fromkeys(ROLES, status)


def only(
    allowed: tuple[str, ...], ok: int = 200, anonymous: int = 302, other: int = 404
) -> dict[str, int]:
    """The allowed roles get `ok`, anonymous visitors go to the login, the rest get 404."""
    result = {role: (ok if role in allowed else other) for role in ROLES}
    result["anonymous"] = anonymous
    return result
