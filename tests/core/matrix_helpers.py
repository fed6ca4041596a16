"""Helpers to write permission-matrix rows (used by every app's matrix.py)."""

from collections.abc import Callable

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


def merged_parts(package: str, folder: str) -> tuple[dict, Callable, Callable]:
    """Merge the `matrix_<part>.py` modules of a test package into one MATRIX, build, kwargs."""
    import importlib
    import pkgutil

    parts = [
        importlib.import_module(f"{package}.{info.name}")
        for info in pkgutil.iter_modules([folder])
        if info.name.startswith("matrix_")
    ]
    matrix: dict = {}
    owner: dict = {}
    for part in parts:
        matrix.update(part.MATRIX)
        owner.update(dict.fromkeys(part.MATRIX, part))

    def build(world: dict) -> None:
        for part in parts:
            part.build(world)

    def kwargs(name: str, world: dict) -> dict:
        return owner[name].kwargs(name, world)

    return matrix, build, kwargs
