"""The pages app: composed pages and the candidate's portal. It registers the portal's access
rule; the panels on its pages are registered by the apps that own them."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "werkpad.pages"
    verbose_name = _("Pagina’s")

    def ready(self) -> None:
        from . import policy

        policy.register()  # the portal's access rule
