"""The candidate's consent to be matched, their travel area, and the matching conversation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.employers.models import Functie
from werkpad.trajects.models import Kandidaat


class Matchprofiel(models.Model):
    kandidaat = models.OneToOneField(
        Kandidaat, on_delete=models.CASCADE, related_name="matchprofiel"
    )
    akkoord = models.BooleanField(
        _("Ik wil dat Werkpad passend werk voor mij zoekt"),
        default=False,
        help_text=_("Je kunt dit altijd weer uitzetten."),
    )
    akkoord_op = models.DateTimeField(_("akkoord gegeven op"), null=True, blank=True)
    reisgebied = models.CharField(
        _("Waar wil je werken?"),
        max_length=500,
        blank=True,
        help_text=_(
            "Plaatsen of postcodes (4 cijfers) waar je naartoe wilt reizen, gescheiden door "
            "komma's. Bijvoorbeeld: Utrecht, Zeist, 3701."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("matchprofiel")
        verbose_name_plural = _("matchprofielen")

    def save(self, *args, **kwargs) -> None:
        if self.akkoord and self.akkoord_op is None:
            self.akkoord_op = timezone.now()
        if not self.akkoord:
            self.akkoord_op = None
        super().save(*args, **kwargs)

    def places(self) -> frozenset[str]:
        return frozenset(p.strip().lower() for p in self.reisgebied.split(",") if p.strip())


class Matchgesprek(models.Model):
    """The matching conversation between candidate, employer and coach, and its outcome."""

    class Uitkomst(models.TextChoices):
        OPEN = "open", _("Nog geen besluit")
        MATCH = "match", _("Match gemaakt")
        GEEN_MATCH = "geen_match", _("Geen match")

    kandidaat = models.ForeignKey(
        Kandidaat, on_delete=models.CASCADE, related_name="matchgesprekken"
    )
    functie = models.ForeignKey(Functie, on_delete=models.PROTECT, related_name="matchgesprekken")
    date = models.DateField(_("datum gesprek"), default=timezone.localdate)
    onderwerpen = models.JSONField(_("besproken onderwerpen"), default=list)
    randvoorwaarden_kandidaat = models.TextField(
        _("Randvoorwaarden van de kandidaat"), max_length=3000, blank=True
    )
    randvoorwaarden_werkgever = models.TextField(
        _("Randvoorwaarden van de werkgever"), max_length=3000, blank=True
    )
    verwachtingen = models.TextField(
        _("Verwachtingen (laag beginnen, stap voor stap opbouwen)"), max_length=3000, blank=True
    )
    aanpak = models.TextField(_("Afgesproken aanpak"), max_length=3000, blank=True)
    uitkomst = models.CharField(
        _("uitkomst"), max_length=12, choices=Uitkomst.choices, default="open"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("matchgesprek")
        verbose_name_plural = _("matchgesprekken")
