"""Alerts and reminders: a message in the in-app inbox (Melding) and, when the person has an
e-mail address, an e-mail (Bericht) sent by the task worker. Both carry a key so that the same
reminder is never made or sent twice. E-mails never carry health data: they say that there is
something to look at, and link to it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from werkpad.trajects.models import Traject

# a failed e-mail is tried again after these waits, then given up (and stays visible)
RETRY_MINUTES = (5, 30, 120, 480)
MAX_ATTEMPTS = len(RETRY_MINUTES) + 1
# an e-mail still waiting this long after it was queued gets a new send task (a lost task,
# e.g. one that failed on a locked database, must not leave it waiting forever)
QUEUE_CHECK_MINUTES = 10

# the traffic-light colours a message may carry (as in monitoring's Niveau)
NIVEAUS = {"groen": _("Groen"), "oranje": _("Oranje"), "rood": _("Rood")}


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

    @property
    def niveau_label(self) -> str:
        """The traffic-light colour in words ("" when the message has none)."""
        return str(NIVEAUS.get(self.niveau, ""))


class Bericht(models.Model):
    """One outgoing e-mail. Sent by the worker; a failure is retried with waits in between
    and stays visible with its error."""

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("In de wachtrij")
        # claimed by one worker (a conditional UPDATE): no other worker sends it again
        BEZIG = "bezig", _("Wordt verstuurd")
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
    bezig_sinds = models.DateTimeField(_("bezig sinds"), null=True, blank=True)
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    # an optional text attachment (e.g. an .ics invitation), kept with the message so that
    # a retry sends the same thing
    bijlage_naam = models.CharField(_("bijlage"), max_length=200, blank=True)
    bijlage_mimetype = models.CharField(max_length=100, blank=True)
    bijlage_inhoud = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mailbericht")
        verbose_name_plural = _("e-mailberichten")
        indexes = [models.Index(fields=["status", "volgende_poging"])]

    def __str__(self) -> str:
        return f"{self.onderwerp} → {self.aan}"

    def status_tekst(self) -> str:
        """The state of this e-mail in plain words, for the inbox and the overview."""
        if self.status == self.Status.VERZONDEN and self.verzonden_op:
            return gettext("E-mail verzonden %(moment)s") % {"moment": _moment(self.verzonden_op)}
        if self.status == self.Status.MISLUKT and self.volgende_poging:
            return gettext("Versturen mislukt, nieuwe poging %(moment)s") % {
                "moment": _moment(self.volgende_poging)
            }
        if self.status == self.Status.OPGEGEVEN:
            return ngettext(
                "Versturen niet gelukt na %(n)d poging",
                "Versturen niet gelukt na %(n)d pogingen",
                self.pogingen,
            ) % {"n": self.pogingen}
        if self.status == self.Status.BEZIG:
            return gettext("E-mail wordt nu verstuurd")
        return gettext("In de wachtrij")


def _moment(value) -> str:
    """'om 10:12' today, 'op 3 mei om 10:12' on another day (local time)."""
    local = timezone.localtime(value)
    tijd = date_format(local, "H:i")
    if local.date() == timezone.localdate():
        return gettext("om %(tijd)s") % {"tijd": tijd}
    return gettext("op %(dag)s om %(tijd)s") % {"dag": date_format(local, "j F"), "tijd": tijd}


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
