from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrajectsConfig(AppConfig):
    name = "werkpad.trajects"
    verbose_name = _("Trajecten")

    def ready(self) -> None:
        from . import policy

        policy.register()  # this app's access rules

        from werkpad.audit.trail import track

        from . import models

        for model in (
            models.Kandidaat,
            models.Traject,
            models.PhaseTransition,
            models.Betrokkene,
            models.TrajectMilestone,
            models.JournaalNotitie,
            models.Afspraak,
        ):
            track(model)
