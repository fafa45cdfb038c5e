from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "werkpad.portal"
    verbose_name = _("Portaal voor de kandidaat")

    def ready(self) -> None:
        from . import policy

        policy.register()  # this app's access rules
