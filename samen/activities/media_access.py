"""Who may see the photos of activities, swap items and contest entries."""

from django.http import HttpRequest

from samen.activities.models import Activity, ContestEntry, Moderation, SwapItem
from samen.core.media import register
from samen.neighbourhoods.selectors import resident_in

ORGANISE = "activities.organise"


def activity_image(request: HttpRequest, name: str) -> bool:
    """A published activity's image is public (the share link's preview); drafts for organisers."""
    activity = Activity.objects.select_related("neighbourhood").filter(image=name).first()
    if activity is None:
        return False
    return activity.published or request.user.has_perm(ORGANISE, activity.neighbourhood)


def contest_photo(request: HttpRequest, name: str) -> bool:
    """An approved entry's photo is public (its share page); before that, its household and
    the organisers who check it."""
    entry = (
        ContestEntry.objects.select_related("activity__neighbourhood").filter(photo=name).first()
    )
    if entry is None:
        return False
    if entry.status == Moderation.APPROVED:
        return True
    neighbourhood = entry.activity.neighbourhood
    if request.user.has_perm(ORGANISE, neighbourhood):
        return True
    resident = resident_in(user=request.user, neighbourhood=neighbourhood)
    return resident is not None and resident.household_id == entry.household_id


def swap_photo(request: HttpRequest, name: str) -> bool:
    """A swap item's photo is for the people of the neighbourhood, like the board itself."""
    item = SwapItem.objects.select_related("activity__neighbourhood").filter(photo=name).first()
    return item is not None and request.user.has_perm(
        "activities.view_activities", item.activity.neighbourhood
    )


register("activities/", activity_image)
register("contest/", contest_photo)
register("swap/", swap_photo)
