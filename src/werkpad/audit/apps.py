from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "werkpad.audit"
    verbose_name = _("Logboek")

    def ready(self) -> None:
        from . import policy

        policy.register()  # this app's access rules
