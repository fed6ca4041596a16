from django.contrib import admin

from samen.api.models import ApiKey


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["organisation"]
    readonly_fields = ["prefix", "secret_hash", "created_by", "created_at", "last_used_at"]
    search_fields = ["name", "prefix"]
