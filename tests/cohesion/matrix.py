"""Permission-matrix rows of the cohesion app: every `matrix_<part>.py` in this folder, merged."""

from pathlib import Path

from tests.core.matrix_helpers import merged_parts

MATRIX, build, kwargs = merged_parts("tests.cohesion", str(Path(__file__).parent))
