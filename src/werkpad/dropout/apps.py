"""The dropout app (label `uitval`): its access rules, audit, the end of an episode when a
traject closes, and its panels on the traject and placement pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DropoutConfig(AppConfig):
    name = "werkpad.dropout"
    label = "uitval"  # the table and migration names stay
    verbose_name = _("Uitval")

    def ready(self) -> None:
        from werkpad import panels

        from . import panel, policy

        policy.register()  # this app's access rules
        panels.register(
            "traject",
            "uitval",
            panel.traject_panel,
            template="dropout/_traject_panel.html",
            slot="top",
        )
        panels.register(
            "plaatsing",
            "uitval",
            panel.plaatsing_panel,
            template="dropout/_plaatsing_panel.html",
            slot="top",
            order=10,
        )

        from django.db.models.signals import post_save

        from werkpad.audit.trail import track
        from werkpad.trajects.models import PhaseTransition

        from . import models, service

        for model in (
            models.UitvalEpisode,
            models.ChecklistPunt,
            models.Contactmoment,
            models.Terugkeerplan,
        ):
            track(model)
        post_save.connect(service.end_on_close, sender=PhaseTransition, dispatch_uid="uitval_end")
