import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Traject


class CaseloadTable(tables.Table):
    kandidaat = tables.Column(
        verbose_name=_("Kandidaat"),
        linkify=("trajects:detail", {"pk": tables.A("pk")}),
        order_by=("kandidaat__first_name", "kandidaat__last_name"),
    )
    phase = tables.Column(verbose_name=_("Fase"))
    days_in_phase = tables.Column(
        verbose_name=_("Dagen in fase"), accessor="phase_since", order_by=("-phase_since",)
    )
    last_contact = tables.DateColumn(
        verbose_name=_("Laatste contact"), format="d-m-Y", default=_("nog geen")
    )
    open_in_phase = tables.Column(verbose_name=_("Open mijlpalen (fase)"))
    overdue_count = tables.Column(verbose_name=_("Verlopen afspraken"))

    class Meta:
        model = Traject
        fields: list[str] = []
        sequence = (
            "kandidaat",
            "phase",
            "days_in_phase",
            "last_contact",
            "open_in_phase",
            "overdue_count",
        )
        empty_text = _("Geen trajecten gevonden.")
        attrs = {"class": "table", "id": "caseload"}
        orderable = True

    def render_phase(self, record):
        return format_html(
            '<span class="phase phase-{}">{}</span>', record.phase, record.get_phase_display()
        )

    def render_days_in_phase(self, value):
        return (timezone.now() - value).days

    def render_overdue_count(self, value):
        if value:
            return format_html('<span class="badge badge-warn">{}</span>', value)
        return value
