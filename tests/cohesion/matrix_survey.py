"""Permission-matrix rows of the survey part of the cohesion monitor."""

from tests.core.matrix_helpers import every, only

WORKERS = ("facilitator", "organisation_admin")
RESIDENTS = ("resident", "committee_member")

MATRIX = {
    "cohesion:wave_list": ("get", only(WORKERS)),
    "cohesion:wave_create": ("get", only(WORKERS)),
    "cohesion:wave_detail": ("get", only(WORKERS)),
    "cohesion:wave_questionnaires": ("get", only(WORKERS)),
    "cohesion:survey_paper": ("get", only(WORKERS)),
    "cohesion:survey_answer": ("get", only(RESIDENTS)),
    # Public: the one-time code is the key.
    "cohesion:survey_code": ("get", every(200)),
}


def build(world: dict) -> None:
    from tests.cohesion.factories import SurveyWaveFactory

    world["survey_wave"] = SurveyWaveFactory(neighbourhood=world["neighbourhood"])


def kwargs(name: str, world: dict) -> dict:
    if name == "cohesion:survey_code":
        return {}
    if name in {"cohesion:wave_list", "cohesion:wave_create"}:
        return {"slug": world["slug"]}
    return {"slug": world["slug"], "pk": world["survey_wave"].pk}
