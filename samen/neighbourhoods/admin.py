from django.contrib import admin

from samen.neighbourhoods.models import (
    Household,
    Neighbourhood,
    NeighbourhoodRole,
    Organisation,
    OrganisationMembership,
    Resident,
    TenantImport,
)


class MembershipInline(admin.TabularInline):
    model = OrganisationMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "organisation"]
    search_fields = ["name", "municipality"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["partners"]


class ResidentInline(admin.TabularInline):
    model = Resident
    extra = 0
    fields = ["display_name", "languages", "email", "phone", "listed"]


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ["__str__", "neighbourhood", "join_code"]
    list_filter = ["neighbourhood"]
    search_fields = ["street", "number", "join_code", "tenant_ref"]
    inlines = [ResidentInline]


@admin.register(NeighbourhoodRole)
class NeighbourhoodRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "neighbourhood"]
    list_filter = ["role", "neighbourhood"]
    autocomplete_fields = ["user"]


@admin.register(TenantImport)
class TenantImportAdmin(admin.ModelAdmin):
    list_display = ["filename", "neighbourhood", "status", "created_at"]
    exclude = ["rows"]
    readonly_fields = ["errors", "summary"]
