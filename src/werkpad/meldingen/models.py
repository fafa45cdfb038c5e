"""Alerts and reminders: a message in the in-app inbox (Melding) and, when the person has an
e-mail address, an e-mail (Bericht) sent by the task worker. Both carry a key so that the same
reminder is never made or sent twice. E-mails never carry health data: they say that there is
something to look at, and link to it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.trajects.models import Traject

# a failed e-mail is tried again after these waits, then given up (and stays visible)
RETRY_MINUTES = (5, 30, 120, 480)
MAX_ATTEMPTS = len(RETRY_MINUTES) + 1


class Melding(models.Model):
    """One message in a user's inbox."""

    class Soort(models.TextChoices):
        SIGNAAL = "signaal", _("Signaal bij een plaatsing")
        CHECKIN = "checkin", _("Herinnering check-in")
        CONTACT = "contact", _("Contact houden tijdens uitval")
        DRIEGESPREK = "driegesprek", _("Driegesprek")
        UITVAL = "uitval", _("Uitval gemeld")
        OVERIG = "overig", _("Overig")

    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meldingen"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    niveau = models.CharField(_("niveau"), max_length=10, blank=True)  # groen / oranje / rood
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("tekst"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    traject = models.ForeignKey(
        Traject, on_delete=models.CASCADE, null=True, blank=True, related_name="meldingen"
    )
    sleutel = models.CharField(max_length=200)
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    gelezen_op = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [
            models.UniqueConstraint(fields=["ontvanger", "sleutel"], name="one_melding_per_key")
        ]
        indexes = [models.Index(fields=["ontvanger", "gelezen_op"])]

    def __str__(self) -> str:
        return self.titel


class Bericht(models.Model):
    """One outgoing e-mail. Sent by the worker; a failure is retried with waits in between
    and stays visible with its error."""

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        VERZONDEN = "verzonden", _("Verzonden")
        MISLUKT = "mislukt", _("Mislukt, wordt opnieuw geprobeerd")
        OPGEGEVEN = "opgegeven", _("Mislukt, niet meer geprobeerd")

    melding = models.ForeignKey(
        Melding, on_delete=models.SET_NULL, null=True, blank=True, related_name="berichten"
    )
    aan = models.EmailField(_("aan"))
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"))
    sleutel = models.CharField(max_length=200, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WACHTRIJ
    )
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    volgende_poging = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mailbericht")
        verbose_name_plural = _("e-mailberichten")
        indexes = [models.Index(fields=["status", "volgende_poging"])]

    def __str__(self) -> str:
        return f"{self.onderwerp} → {self.aan}"


class Ronde(models.Model):
    """A periodic job that ran (or was queued) once: the daily round of check-in reminders,
    signals and contact reminders. The unique key keeps two workers from queueing it twice."""

    sleutel = models.CharField(max_length=100, unique=True)  # e.g. "dagelijks:2026-11-25"
    gestart_op = models.DateTimeField(default=timezone.now)
    klaar_op = models.DateTimeField(null=True, blank=True)
    resultaat = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-gestart_op"]
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")

    def __str__(self) -> str:
        return self.sleutel
