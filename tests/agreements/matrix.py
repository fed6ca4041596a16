"""Permission-matrix rows of the agreements app: the lead's rows plus every `matrix_<part>.py`."""

import importlib
import pkgutil
from pathlib import Path

MATRIX: dict = {}
_PARTS = [
    importlib.import_module(f"tests.agreements.{info.name}")
    for info in pkgutil.iter_modules([str(Path(__file__).parent)])
    if info.name.startswith("matrix_")
]
_OWNER: dict = {}
for _part in _PARTS:
    for _name in _part.MATRIX:
        _OWNER[_name] = _part
    MATRIX.update(_part.MATRIX)


def build(world: dict) -> None:
    """Let every part add its objects to the world."""
    for part in _PARTS:
        part.build(world)


def kwargs(name: str, world: dict) -> dict:
    """Ask the part that owns the URL for its kwargs."""
    return _OWNER[name].kwargs(name, world)
