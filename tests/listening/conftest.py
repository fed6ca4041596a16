"""Fixtures for the listening tests: an exploration phase that runs today."""

import datetime

import pytest

from tests.factories import PhaseFactory, TrajectoryFactory


@pytest.fixture
def exploration(neighbourhood):
    today = datetime.date.today()
    return PhaseFactory(
        trajectory=TrajectoryFactory(neighbourhood=neighbourhood),
        type="exploration",
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=30),
    )
