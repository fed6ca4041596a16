"""Fixtures of the printing tests: PDFs go to a temporary MEDIA_ROOT."""

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Print jobs write files; keep them out of the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
