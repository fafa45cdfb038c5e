from django.contrib import admin

from .models import Aanpassing, Functie, Locatie, Taak, Werkgever


@admin.register(Aanpassing)
class AanpassingAdmin(admin.ModelAdmin):
    """The catalogue of workplace adjustments a job can offer (editable; new keys from
    employers/data/aanpassingen.yaml are added on migrate, edited ones are left alone)."""

    list_display = ["name", "key", "active"]
    list_filter = ["active"]
    list_editable = ["active"]
    search_fields = ["name", "explanation"]
    fields = ["key", "name", "explanation", "active"]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class LocatieInline(ReadOnlyInline):
    model = Locatie
    fields = ["name", "address", "postcode", "city"]


class TaakInline(ReadOnlyInline):
    model = Taak
    fields = ["name", "hours_per_week", "quiet_place", "fixed_hours"]


class FunctieInline(ReadOnlyInline):
    model = Functie
    fields = ["title", "soort", "locatie", "hours_per_week", "open"]


@admin.register(Werkgever)
class WerkgeverAdmin(admin.ModelAdmin):
    """Employers; their locations, tasks and jobs are kept in Werkpad itself and shown here
    read-only."""

    list_display = ["__str__", "sector", "grootte"]
    list_filter = ["grootte"]
    search_fields = ["organisation__name", "sector"]
    list_select_related = ["organisation"]
    fields = ["organisation", "sector", "grootte", "description"]
    raw_id_fields = ["organisation"]
    inlines = [LocatieInline, TaakInline, FunctieInline]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        obj.add_route_milestones()  # once; a no-op for an employer that has them
