from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log cannot be changed, not even by an administrator."""

    list_display = [
        "at",
        "user_label",
        "action",
        "object_type",
        "object_id",
        "traject_id",
        "detail",
    ]
    list_filter = ["action", "object_type"]
    search_fields = ["user_label", "object_id", "traject_id"]
    date_hierarchy = "at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
