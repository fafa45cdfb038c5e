from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _add_missing_regelingen(sender, using="default", **kwargs) -> None:
    from .catalogue import load_regelingen

    load_regelingen(using=using)


class InstrumentsConfig(AppConfig):
    name = "werkpad.instruments"
    verbose_name = _("Instrumenten van de kandidaat")

    def ready(self) -> None:
        from . import policy

        policy.register()  # this app's access rules

        from werkpad.audit.trail import track

        from . import models

        track(models.InstrumentVersie)
        track(models.DeelVersie)
        post_migrate.connect(
            _add_missing_regelingen, sender=self, dispatch_uid="werkpad-regelingen-sync"
        )
