from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_catalogue(sender, using="default", **kwargs) -> None:
    from .catalogue import load_catalogue

    load_catalogue(using=using)


class RouteConfig(AppConfig):
    name = "werkpad.route"
    verbose_name = _("Route naar werk")

    def ready(self) -> None:
        from . import policy

        policy.register()  # this app's access rules

        # The route catalogue is data in the repo; every migrate (and every test-database
        # flush) brings the database in line with it.
        post_migrate.connect(_sync_catalogue, sender=self, dispatch_uid="werkpad-route-sync")
