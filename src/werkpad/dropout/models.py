"""Dropout (uitval, phase e; notes 15, 30-32, 44, 49-52, 61-68, 70-71, 76): an episode from
the report to the way back, with the dropout checklist from the prevention and dropout plan,
the contacts kept during the episode and the return plan."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.formfields import HOURS_VALIDATORS
from werkpad.placements.models import Plaatsing
from werkpad.trajects.models import PhaseTransition, Traject


class UitvalEpisode(models.Model):
    """One period of dropout: when it started, what happened, who did what, and how it
    ended (back to work, or the traject closed) and what helped."""

    class Einde(models.TextChoices):
        TERUG_PLAATSING = "plaatsing", _("Terug naar werk: Plaatsing")
        TERUG_DUURZAAM = "duurzaam", _("Terug naar werk: Duurzame inzetbaarheid")
        AFGESLOTEN = "afgesloten", _("Traject afgesloten")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="uitvalepisodes")
    plaatsing = models.ForeignKey(
        Plaatsing,
        verbose_name=_("plaatsing"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uitvalepisodes",
    )
    begonnen_op = models.DateField(_("datum van uitval"))
    reden = models.TextField(
        _("Wat is er gebeurd?"),
        max_length=2000,
        help_text=_(
            "Kort en feitelijk. Alleen de kandidaat, de jobcoach en de teamleider lezen dit."
        ),
    )
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    gemeld_op = models.DateTimeField(_("gemeld op"), default=timezone.now)
    transition = models.ForeignKey(
        PhaseTransition, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    contact_elke_dagen = models.PositiveSmallIntegerField(
        _("herinner bij geen contact na (dagen)"),
        default=7,
        validators=[
            MinValueValidator(1, _("Kies 1 tot en met 30 dagen.")),
            MaxValueValidator(30, _("Kies 1 tot en met 30 dagen.")),
        ],
        help_text=_(
            "De jobcoach krijgt een herinnering als er zo lang geen contact was met de "
            "kandidaat of met de werkgever."
        ),
    )
    hulplijnen = models.JSONField(_("gebruikte hulplijnen"), default=list, blank=True)
    geeindigd_op = models.DateField(_("terug of afgesloten op"), null=True, blank=True)
    einde = models.CharField(_("hoe het afliep"), max_length=20, choices=Einde.choices, blank=True)
    wat_hielp = models.TextField(
        _("Wat hielp?"),
        max_length=3000,
        blank=True,
        help_text=_("Wat hielp om terug te komen? Dat is goed om te weten voor een volgende keer."),
    )
    eind_transition = models.ForeignKey(
        PhaseTransition, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-begonnen_op", "-pk"]
        verbose_name = _("uitvalperiode")
        verbose_name_plural = _("uitvalperiodes")
        constraints = [
            models.UniqueConstraint(
                fields=["traject"],
                condition=Q(geeindigd_op__isnull=True),
                name="one_open_uitval_per_traject",
            )
        ]

    def __str__(self) -> str:
        return _("Uitval vanaf %(date)s") % {"date": f"{self.begonnen_op:%d-%m-%Y}"}

    @property
    def is_open(self) -> bool:
        return self.geeindigd_op is None

    @property
    def duur(self) -> int:
        """Days from the dropout to the end (or to today while it lasts)."""
        return max(0, ((self.geeindigd_op or timezone.localdate()) - self.begonnen_op).days)


class ChecklistPunt(models.Model):
    """One point of the dropout checklist (keys from `data/checklist.yaml`)."""

    episode = models.ForeignKey(UitvalEpisode, on_delete=models.CASCADE, related_name="checklist")
    key = models.CharField(max_length=50)
    gedaan = models.BooleanField(_("gedaan"), default=False)
    gedaan_op = models.DateTimeField(_("gedaan op"), null=True, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    notitie = models.CharField(_("notitie"), max_length=500, blank=True)

    class Meta:
        ordering = ["episode", "pk"]
        verbose_name = _("punt van de uitvalchecklist")
        verbose_name_plural = _("uitvalchecklist")
        constraints = [
            models.UniqueConstraint(fields=["episode", "key"], name="one_checklist_point")
        ]


class Contactmoment(models.Model):
    """Contact kept during dropout (notes 65-66)."""

    class Met(models.TextChoices):
        KANDIDAAT = "kandidaat", _("De kandidaat")
        WERKGEVER = "werkgever", _("De werkgever of leidinggevende")
        ARBODIENST = "arbodienst", _("De arbodienst")
        HULPVERLENING = "hulpverlening", _("Het behandelteam")
        OMGEVING = "omgeving", _("De persoonlijke omgeving")

    class Hoe(models.TextChoices):
        TELEFOON = "telefoon", _("Telefoon")
        BEZOEK = "bezoek", _("Bezoek of afspraak")
        BERICHT = "bericht", _("Bericht of e-mail")
        VIDEO = "video", _("Videobellen")

    episode = models.ForeignKey(UitvalEpisode, on_delete=models.CASCADE, related_name="contacten")
    met = models.CharField(_("contact met"), max_length=20, choices=Met.choices)
    datum = models.DateField(_("datum"))
    hoe = models.CharField(_("hoe"), max_length=20, choices=Hoe.choices)
    notitie = models.TextField(_("notitie"), max_length=2000, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-pk"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        indexes = [models.Index(fields=["episode", "met", "datum"])]


class Terugkeerplan(models.Model):
    """The way back (notes 44, 52): steps, a first day back and a restarted build-up."""

    class NaarFase(models.TextChoices):
        PLAATSING = "c", _("Plaatsing (opnieuw opbouwen)")
        DUURZAAM = "d", _("Duurzame inzetbaarheid")

    episode = models.OneToOneField(
        UitvalEpisode, on_delete=models.CASCADE, related_name="terugkeerplan"
    )
    stappen = models.TextField(
        _("Stappen terug naar werk"),
        max_length=3000,
        help_text=_("Een stap per regel, in de volgorde waarin jullie ze zetten."),
    )
    terug_op = models.DateField(_("eerste werkdag"))
    naar_fase = models.CharField(_("terug naar fase"), max_length=1, choices=NaarFase.choices)
    start_uren = models.DecimalField(
        _("beginnen met (uur per week)"),
        max_digits=4,
        decimal_places=1,
        validators=HOURS_VALIDATORS,
    )
    stap_uren = models.DecimalField(
        _("elke stap erbij (uur)"),
        max_digits=4,
        decimal_places=1,
        default=4,
        validators=HOURS_VALIDATORS,
    )
    weken_per_stap = models.PositiveSmallIntegerField(
        _("weken per stap"),
        default=2,
        validators=[
            MinValueValidator(1, _("Kies 1 tot en met 8 weken.")),
            MaxValueValidator(8, _("Kies 1 tot en met 8 weken.")),
        ],
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("terugkeerplan")
        verbose_name_plural = _("terugkeerplannen")
