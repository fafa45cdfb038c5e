from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "werkpad.monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        from . import policy

        policy.register()  # this app's access rules

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

        from django.db.models.signals import post_save

        from werkpad.placements.models import Plaatsing

        post_save.connect(
            _schedule_new_placement, sender=Plaatsing, dispatch_uid="monitoring-new-placement"
        )


def _schedule_new_placement(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """A new placement gets its check-in rhythm at once (weekly first, then every two weeks),
    so that pages never have to make it on a first visit."""
    if created and not raw:
        from .models import MonitoringSchema

        MonitoringSchema.for_plaatsing(instance)
