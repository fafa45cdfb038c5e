from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "werkpad.notifications"
    label = "meldingen"  # the table and migration names stay
    verbose_name = _("Meldingen en berichten")

    def ready(self) -> None:
        from . import policy

        policy.register()  # this app's access rules
