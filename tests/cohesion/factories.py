"""factory_boy factories for the cohesion monitor (shared by its test modules)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from samen.cohesion.models import SurveyCode, SurveyResponse, SurveyWave
from tests.factories import HouseholdFactory, NeighbourhoodFactory


class SurveyWaveFactory(DjangoModelFactory):
    class Meta:
        model = SurveyWave

    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    title = "Nulmeting"
    kind = SurveyWave.Kind.BASELINE
    opens_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=7))
    closes_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=21))


class SurveyCodeFactory(DjangoModelFactory):
    class Meta:
        model = SurveyCode

    wave = factory.SubFactory(SurveyWaveFactory)
    household = factory.SubFactory(
        HouseholdFactory, neighbourhood=factory.SelfAttribute("..wave.neighbourhood")
    )
    code = factory.Sequence(lambda n: f"PEIL{n:06d}")


class SurveyResponseFactory(DjangoModelFactory):
    class Meta:
        model = SurveyResponse

    wave = factory.SubFactory(SurveyWaveFactory)
    channel = SurveyResponse.Channel.ONLINE
    item1 = 2
    item2 = 4
    item3 = 3
    item4 = 4
    item5 = 3
    known_by_name = "3-5"
