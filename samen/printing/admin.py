from django.contrib import admin

from samen.printing.models import PrintJob


@admin.register(PrintJob)
class PrintJobAdmin(admin.ModelAdmin):
    list_display = ("kind", "neighbourhood", "status", "done", "total", "created_by", "created_at")
    list_filter = ("status", "kind")
    list_select_related = ("neighbourhood", "created_by")
    readonly_fields = ("file", "filename", "total", "done", "error", "finished_at")
    raw_id_fields = ("neighbourhood", "created_by")
