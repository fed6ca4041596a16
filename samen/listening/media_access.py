"""Who may see the photos of paper cards: those who may read the contributions."""

from django.http import HttpRequest

from samen.core.media import register
from samen.listening.models import Contribution


def card_photo(request: HttpRequest, name: str) -> bool:
    """A photo of a card can hold a name or an address: only for the contributions' readers."""
    contribution = Contribution.objects.select_related("neighbourhood").filter(photo=name).first()
    return contribution is not None and request.user.has_perm(
        "listening.view_contributions", contribution.neighbourhood
    )


register("contributions/", card_photo)
