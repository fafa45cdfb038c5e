import django_tables2 as tables
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Bericht


class BerichtTable(tables.Table):
    """Outgoing e-mails with their state. Never the body: it may hold a link."""

    created_at = tables.DateTimeColumn(verbose_name=_("Gemaakt"), format="j-n-Y H:i")
    aan = tables.Column(verbose_name=_("Aan"))
    soort = tables.Column(
        verbose_name=_("Soort"), accessor="melding__soort", default=_("Los bericht")
    )
    status = tables.Column(verbose_name=_("Status"))
    pogingen = tables.Column(verbose_name=_("Pogingen"))
    laatste_fout = tables.Column(verbose_name=_("Laatste fout"), default="—")
    volgende_poging = tables.DateTimeColumn(
        verbose_name=_("Volgende poging"), format="j-n-Y H:i", default="—"
    )

    class Meta:
        model = Bericht
        fields: list[str] = []
        sequence = (
            "created_at",
            "aan",
            "soort",
            "status",
            "pogingen",
            "laatste_fout",
            "volgende_poging",
        )
        empty_text = _("Er zijn (nog) geen e-mails verstuurd.")
        attrs = {"class": "table", "id": "berichten"}
        orderable = True

    def render_soort(self, record):
        return record.melding.get_soort_display() if record.melding else _("Los bericht")

    def render_volgende_poging(self, record, value):
        if record.status != Bericht.Status.MISLUKT:
            return "—"
        return date_format(timezone.localtime(value), "j-n-Y H:i")

    def render_status(self, record):
        return format_html(
            '<span class="mail-status mail-{}">{}</span>', record.status, record.status_tekst()
        )
