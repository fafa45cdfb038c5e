"""The audit trail: every read of a dossier and every change to it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        READ = "read", _("Bekeken")
        CREATE = "create", _("Aangemaakt")
        UPDATE = "update", _("Gewijzigd")
        DELETE = "delete", _("Verwijderd")
        EXPORT = "export", _("Geëxporteerd")

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    user_label = models.CharField(_("gebruiker (tekst)"), max_length=254, blank=True)
    action = models.CharField(_("handeling"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("soort object"), max_length=100)
    object_id = models.CharField(_("object-id"), max_length=64)
    traject_id = models.BigIntegerField(_("traject"), null=True, blank=True, db_index=True)
    kandidaat_id = models.BigIntegerField(_("kandidaat"), null=True, blank=True, db_index=True)
    detail = models.CharField(_("onderdeel"), max_length=200, blank=True)
    changed_fields = models.JSONField(_("gewijzigde velden"), default=list, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("logregel")
        verbose_name_plural = _("logboek")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_label} {self.action} {self.object_type}"
