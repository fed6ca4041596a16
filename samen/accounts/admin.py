from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from samen.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["display_name"]
    list_display = ["display_name", "email", "is_active", "is_staff"]
    search_fields = ["display_name", "email"]
    fieldsets = (
        (None, {"fields": ("email", "password", "display_name", "language")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
    )
    add_fieldsets = ((None, {"fields": ("email", "display_name", "password1", "password2")}),)
    filter_horizontal = ["groups"]
    list_filter = ["is_active", "is_staff"]
