from django.contrib import admin

from .models import Regeling


@admin.register(Regeling)
class RegelingAdmin(admin.ModelAdmin):
    """Benefits and employer schemes, as the financial instrument offers them."""

    list_display = ["name", "soort", "who", "active", "order"]
    list_filter = ["soort", "active"]
    list_editable = ["active", "order"]
    search_fields = ["name", "explanation"]
    fields = [
        "key",
        "soort",
        "name",
        "explanation",
        "who",
        "small_employer_note",
        "active",
        "order",
    ]
