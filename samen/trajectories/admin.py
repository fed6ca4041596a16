from django.contrib import admin

from samen.trajectories.models import Phase, Track, Trajectory


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


@admin.register(Trajectory)
class TrajectoryAdmin(admin.ModelAdmin):
    list_display = ["title", "neighbourhood"]
    inlines = [PhaseInline]


@admin.register(Track)
class TrackAdmin(admin.ModelAdmin):
    list_display = ["title", "phase"]
