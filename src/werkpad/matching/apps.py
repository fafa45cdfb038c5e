from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "werkpad.matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from . import policy

        policy.register()  # this app's access rules

        from werkpad.audit.trail import track

        from . import models

        track(models.Matchprofiel)
        track(models.Matchgesprek)
