"""The route to work: five phases, ten parties, their milestones and the guidance behind them.

The catalogue is data (`route/data/route.yaml`), loaded into these tables by `load_route`
(and on every migrate). Trajects copy milestones from here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    VOORTRAJECT = "a", _("Voortraject")
    MATCHING = "b", _("Matching")
    PLAATSING = "c", _("Plaatsing")
    DUURZAAM = "d", _("Duurzame inzetbaarheid")
    UITVAL = "e", _("Uitval")


class Party(models.TextChoices):
    """The ten parties of the route, in the order of the route map."""

    KANDIDAAT = "kandidaat", _("Kandidaat / werknemer")
    WERKGEVER = "werkgever", _("Werkgever")
    LEIDINGGEVENDE = "leidinggevende", _("Leidinggevende")
    COLLEGAS = "collegas", _("Collega's")
    BEGELEIDING = "begeleiding", _("Begeleiding (jobcoach)")
    ARBODIENST = "arbodienst", _("Arbodienst")
    PERSOONLIJKE_OMGEVING = "persoonlijke_omgeving", _("Persoonlijke omgeving")
    HULPVERLENING = "hulpverlening", _("Hulpverlening")
    PUBLIEKE_PARTIJEN = "publieke_partijen", _("Publieke partijen (gemeente, UWV)")
    REGIEHOUDER = "regiehouder", _("Regiehouder")


PARTY_ORDER = {code: index for index, code in enumerate(Party.values)}
PHASE_ORDER = {code: index for index, code in enumerate(Phase.values)}


class Source(models.Model):
    """A named source behind a guidance note, as the route map gives it."""

    key = models.SlugField(_("sleutel"), max_length=60, unique=True)
    title = models.CharField(_("titel"), max_length=300)
    publisher = models.CharField(_("uitgever"), max_length=200, blank=True)
    url = models.URLField(_("adres"), max_length=500, blank=True)

    class Meta:
        ordering = ["publisher", "title"]
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")

    def __str__(self) -> str:
        return f"{self.publisher} – {self.title}" if self.publisher else self.title


class Handreiking(models.Model):
    """A numbered guidance note (1-81) of the route map, in our own words."""

    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("tekst"))
    sources = models.ManyToManyField(Source, verbose_name=_("bronnen"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("handreiking")
        verbose_name_plural = _("handreikingen")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class RouteMilestone(models.Model):
    """A milestone of one party in one phase, as the catalogue defines it."""

    key = models.SlugField(_("sleutel"), max_length=80, unique=True)
    party = models.CharField(_("partij"), max_length=30, choices=Party.choices)
    phase = models.CharField(_("fase"), max_length=1, choices=Phase.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    position = models.PositiveIntegerField(_("positie in de route"), default=0, db_index=True)
    title = models.CharField(_("titel"), max_length=200)
    guidance = models.TextField(_("toelichting"), blank=True)
    handreikingen = models.ManyToManyField(
        Handreiking, verbose_name=_("handreikingen"), blank=True, related_name="milestones"
    )
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("mijlpaal (route)")
        verbose_name_plural = _("mijlpalen (route)")

    def __str__(self) -> str:
        return self.title

    @staticmethod
    def position_for(party: str, phase: str, order: int) -> int:
        return PARTY_ORDER[party] * 10000 + PHASE_ORDER[phase] * 100 + order
