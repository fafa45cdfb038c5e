from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "werkpad.placements"
    verbose_name = _("Plaatsingen")

    def ready(self) -> None:
        from . import policy

        policy.register()  # this app's access rules

        from werkpad.audit.trail import track

        from . import models

        track(models.Plaatsing)
        track(models.OpbouwStap)
