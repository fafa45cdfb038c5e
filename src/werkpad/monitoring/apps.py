from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "werkpad.monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        from werkpad.audit.trail import track

        from . import models

        for model in (
            models.MonitoringSchema,
            models.KandidaatCheckIn,
            models.LeidinggevendeCheckIn,
            models.Ontwikkelstap,
            models.Driegesprek,
        ):
            track(model)
