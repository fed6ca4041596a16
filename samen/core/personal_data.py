"""A resident's personal data across apps: export it, or erase the account.

Each app that keeps data about residents has a `personal_data.py` with two functions:
`export(resident) -> dict` (what it holds about the resident, as plain JSON) and
`erase(resident) -> None` (remove or anonymise it; shared things such as contributions stay,
without a link to the person). They run in app order; this module finds them.
"""

import importlib
from types import ModuleType
from typing import Any

from django.apps import apps


def personal_data_modules() -> list[ModuleType]:
    """Return the `personal_data` modules of the installed Samen apps, in app order."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("samen.") or config.name == "samen.core":
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.personal_data"))
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.personal_data":
                raise
    return modules


def collect(resident: Any) -> dict[str, Any]:
    """Gather every app's data about the resident."""
    data: dict[str, Any] = {}
    for module in personal_data_modules():
        data.update(module.export(resident))
    return data
