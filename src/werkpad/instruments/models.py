"""The candidate's own instruments and sharing settings.

Every save is a new version: nothing is overwritten, older versions stay readable, and each
version says who made it and when. The data of an instrument version is the cleaned data of
its form (see `kinds.py`), stored as JSON.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.trajects.models import Kandidaat


class InstrumentVersie(models.Model):
    kandidaat = models.ForeignKey(
        Kandidaat, on_delete=models.CASCADE, related_name="instrumentversies"
    )
    kind = models.CharField(_("instrument"), max_length=30)
    number = models.PositiveIntegerField(_("versie"))
    data = models.JSONField(_("inhoud"), default=dict)
    created_at = models.DateTimeField(_("opgeslagen op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-number"]
        verbose_name = _("instrumentversie")
        verbose_name_plural = _("instrumentversies")
        constraints = [
            models.UniqueConstraint(
                fields=["kandidaat", "kind", "number"], name="one_number_per_instrument"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} v{self.number}"


class DeelVersie(models.Model):
    """One version of the candidate's sharing settings: for each party, the categories the
    candidate shares with it. The newest version is in force."""

    kandidaat = models.ForeignKey(Kandidaat, on_delete=models.CASCADE, related_name="deelversies")
    number = models.PositiveIntegerField(_("versie"))
    shared = models.JSONField(_("gedeeld"), default=dict)  # {party: [category, ...]}
    created_at = models.DateTimeField(_("gewijzigd op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-number"]
        verbose_name = _("deelinstelling")
        verbose_name_plural = _("deelinstellingen")
        constraints = [
            models.UniqueConstraint(fields=["kandidaat", "number"], name="one_sharing_number")
        ]

    def categories_for(self, party: str) -> set[str]:
        return set(self.shared.get(party, []))


class Regeling(models.Model):
    """A benefit or a scheme for employers, with a short explanation. Loaded from
    `instruments/data/regelingen.yaml` when missing; an administrator may edit them."""

    class Soort(models.TextChoices):
        UITKERING = "uitkering", _("Inkomen of uitkering")
        WERKGEVER = "werkgever", _("Regeling voor de werkgever")

    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    name = models.CharField(_("naam"), max_length=200)
    explanation = models.TextField(_("uitleg"))
    who = models.CharField(_("wie regelt het"), max_length=200, blank=True)
    small_employer_note = models.TextField(_("voor kleine werkgevers"), blank=True)
    active = models.BooleanField(_("in gebruik"), default=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["soort", "order", "name"]
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")

    def __str__(self) -> str:
        return self.name
