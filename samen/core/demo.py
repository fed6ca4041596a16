"""The Kapelakker demo: loads every app's demo data in one transaction.

Each app may have a `demo.py` with `load(ctx: DemoContext) -> None`; they run in the order of
INSTALLED_APPS, so later apps can use what earlier ones made (kept in `ctx`).
"""

import importlib
import random
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import translation

DEMO_SLUG = "kapelakker"
DEMO_PASSWORD = "kapelakker2021"


@dataclass
class DemoLogin:
    role: str
    login: str
    secret: str
    lands_on: str


@dataclass
class DemoContext:
    """What the demo loaders share: the random source, the objects made, the logins."""

    rng: random.Random = field(default_factory=lambda: random.Random(2021))
    objects: dict[str, Any] = field(default_factory=dict)
    logins: list[DemoLogin] = field(default_factory=list)


def demo_modules() -> list[Any]:
    """Return the `demo` modules of the installed Samen apps, in app order."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("samen.") or config.name == "samen.core":
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.demo"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
    return modules


def demo_exists() -> bool:
    """Tell whether the demo neighbourhood is already in the database."""
    from samen.neighbourhoods.models import Neighbourhood

    return Neighbourhood.objects.filter(slug=DEMO_SLUG).exists()


@transaction.atomic
def demo_load() -> DemoContext:
    """Load the whole demo (all apps) in one transaction and return the context."""
    ctx = DemoContext()
    # Texts made from blueprints take the active language: the demo is Dutch.
    with translation.override(settings.LANGUAGE_CODE):
        for module in demo_modules():
            module.load(ctx)
    return ctx


@transaction.atomic
def demo_remove() -> None:
    """Remove the demo organisations with everything in them, and the demo accounts."""
    from samen.accounts.models import User
    from samen.neighbourhoods.models import Neighbourhood, Organisation

    for neighbourhood in Neighbourhood.objects.filter(organisation__slug__startswith="demo-"):
        neighbourhood.delete()
    Organisation.objects.filter(slug__startswith="demo-").delete()
    User.objects.filter(email__endswith=".example").delete()
    User.objects.filter(resident__isnull=True, email__isnull=True).delete()


def demo_logins() -> list[DemoLogin]:
    """Return the logins of a loaded demo (each app's `logins()` if it has one)."""
    logins: list[DemoLogin] = []
    for module in demo_modules():
        if hasattr(module, "logins"):
            logins.extend(module.logins())
    return logins
