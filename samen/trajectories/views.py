"""Staff pages to set up and change a neighbourhood's trajectory."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samen.core.access import access_neighbourhood
from samen.core.forms import add_validation_errors
from samen.trajectories.forms import BlueprintForm, PhaseForm, TrackForm, TrajectoryForm
from samen.trajectories.models import Phase, Trajectory
from samen.trajectories.selectors import trajectories_of, trajectory_of
from samen.trajectories.services import (
    phase_update,
    track_create,
    track_delete,
    trajectory_create_from_blueprint,
    trajectory_update,
)

PERM = "trajectories.manage_trajectory"


@login_required
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    """List the trajectories and start a new one from a blueprint."""
    neighbourhood = access_neighbourhood(request, slug=slug, perm=PERM)
    form = BlueprintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        trajectory = trajectory_create_from_blueprint(
            neighbourhood=neighbourhood,
            blueprint=form.cleaned_data["blueprint"],
            starts_on=form.cleaned_data["starts_on"],
            actor=request.user,
            idempotency_key=form.cleaned_data["idempotency_key"],
        )
        messages.success(request, _("The trajectory is ready. Check the dates of the phases."))
        return redirect(trajectory.get_absolute_url())
    return render(
        request,
        "trajectories/trajectory_list.html",
        {
            "neighbourhood": neighbourhood,
            "trajectories": trajectories_of(neighbourhood=neighbourhood),
            "form": form,
        },
    )


def _trajectory(request: HttpRequest, slug: str, pk: int) -> tuple:
    neighbourhood = access_neighbourhood(request, slug=slug, perm=PERM)
    trajectory = trajectory_of(neighbourhood=neighbourhood, pk=pk)
    if trajectory is None:
        raise Http404
    return neighbourhood, trajectory


@login_required
@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change a trajectory's title, question and goals; list its phases."""
    neighbourhood, trajectory = _trajectory(request, slug, pk)
    initial = {
        "title": trajectory.title,
        "question": trajectory.question,
        "goals": trajectory.goals,
    }
    form = TrajectoryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        trajectory_update(trajectory=trajectory, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect(trajectory.get_absolute_url())
    return render(
        request,
        "trajectories/trajectory_detail.html",
        {"neighbourhood": neighbourhood, "trajectory": trajectory, "form": form},
    )


def _phase(trajectory: Trajectory, phase_pk: int) -> Phase:
    for phase in trajectory.phases.all():
        if phase.pk == phase_pk:
            return phase
    raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def phase_edit(request: HttpRequest, slug: str, pk: int, phase_pk: int) -> HttpResponse:
    """Change a phase's dates, type and text, and its tracks."""
    neighbourhood, trajectory = _trajectory(request, slug, pk)
    phase = _phase(trajectory, phase_pk)
    initial = {
        "title": phase.title,
        "type": phase.type,
        "description": phase.description,
        "starts_on": phase.starts_on,
        "ends_on": phase.ends_on,
    }
    form = PhaseForm(
        request.POST if request.POST.get("action") == "phase" else None, initial=initial
    )
    track_form = TrackForm(request.POST if request.POST.get("action") == "track" else None)
    if request.method == "POST":
        if form.is_bound and form.is_valid():
            try:
                phase_update(phase=phase, **form.cleaned_data)
            except ValidationError as error:
                add_validation_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(trajectory.get_absolute_url())
        elif track_form.is_bound and track_form.is_valid():
            track_create(
                phase=phase,
                title=track_form.cleaned_data["title"],
                description=track_form.cleaned_data["description"],
                idempotency_key=track_form.cleaned_data["idempotency_key"],
            )
            messages.success(request, _("The track is added."))
            return redirect("trajectories:phase_edit", slug=slug, pk=pk, phase_pk=phase_pk)
    return render(
        request,
        "trajectories/phase_edit.html",
        {
            "neighbourhood": neighbourhood,
            "trajectory": trajectory,
            "phase": phase,
            "form": form,
            "track_form": track_form,
        },
        status=400 if (form.errors or track_form.errors) else 200,
    )


@login_required
@require_POST
def track_remove(
    request: HttpRequest, slug: str, pk: int, phase_pk: int, track_pk: int
) -> HttpResponse:
    """Remove a track from a phase."""
    _neighbourhood, trajectory = _trajectory(request, slug, pk)
    phase = _phase(trajectory, phase_pk)
    track = next((t for t in phase.tracks.all() if t.pk == track_pk), None)
    if track is None:
        raise Http404
    track_delete(track=track)
    messages.success(request, _("The track is removed."))
    return redirect("trajectories:phase_edit", slug=slug, pk=pk, phase_pk=phase_pk)
