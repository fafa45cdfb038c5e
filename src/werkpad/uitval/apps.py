from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UitvalConfig(AppConfig):
    name = "werkpad.uitval"
    verbose_name = _("Uitval")

    def ready(self) -> None:
        from werkpad.audit.trail import track

        from . import models

        for model in (
            models.UitvalEpisode,
            models.ChecklistPunt,
            models.Contactmoment,
            models.Terugkeerplan,
        ):
            track(model)
