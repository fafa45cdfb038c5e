"""The monitoring app: its access rules, audit, a check-in rhythm for every new placement, and
its panels on the placement page and the portal."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "werkpad.monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        from werkpad import panels

        from . import policy
        from .checkins import panel as checkins
        from .development import panel as development
        from .meetings import panel as meetings

        policy.register()  # this app's access rules
        panels.register(
            "plaatsing",
            "monitoring",
            checkins.plaatsing_panel,
            template="monitoring/_panel.html",
            slot="top",
            order=20,
        )
        panels.register(
            "plaatsing",
            "ontwikkeling",
            development.plaatsing_panel,
            template="monitoring/_ontwikkeling_panel.html",
            slot="main",
        )
        panels.register(
            "plaatsing",
            "driegesprekken",
            meetings.plaatsing_panel,
            template="monitoring/_driegesprek_panel.html",
            slot="side",
        )
        panels.register(
            "portal",
            "checkin",
            checkins.portal_checkin,
            template="monitoring/_portal_checkin.html",
            slot="top",
        )

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
