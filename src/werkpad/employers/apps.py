from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _add_missing_aanpassingen(sender, using="default", **kwargs) -> None:
    from .catalogue import load_aanpassingen

    load_aanpassingen(using=using)


class EmployersConfig(AppConfig):
    name = "werkpad.employers"
    verbose_name = _("Werkgevers en werk")

    def ready(self) -> None:
        from . import policy

        policy.register()  # this app's access rules

        from werkpad.audit.trail import track

        from . import models

        for model in (models.Werkgever, models.Taak, models.Functie, models.WerkgeverMijlpaal):
            track(model)
        post_migrate.connect(
            _add_missing_aanpassingen, sender=self, dispatch_uid="werkpad-aanpassingen-sync"
        )
