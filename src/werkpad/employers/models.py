"""Employers, their tasks and the jobs composed from them (inclusive job redesign: tasks
first, notes 18-19), and the workplace adjustments a job can offer."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.models import Organisation
from werkpad.route.models import RouteMilestone

# route milestones an employer works on as an organisation, before any candidate (phase a)
EMPLOYER_MILESTONE_NOTES = [16, 17, 18, 19, 33, 34, 45, 46]


class Werkgever(models.Model):
    class Grootte(models.TextChoices):
        KLEIN = "klein", _("Klein (minder dan 25 medewerkers)")
        MIDDEL = "middel", _("Middelgroot (25 tot 250)")
        GROOT = "groot", _("Groot (250 of meer)")

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="werkgever"
    )
    sector = models.CharField(_("sector"), max_length=100)
    grootte = models.CharField(_("grootte"), max_length=10, choices=Grootte.choices)
    description = models.TextField(_("over deze werkgever"), max_length=2000, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("werkgever")
        verbose_name_plural = _("werkgevers")

    def __str__(self) -> str:
        return self.organisation.name

    def add_route_milestones(self) -> None:
        """The employer's own milestones from the route, once."""
        existing = set(self.mijlpalen.values_list("route_milestone_id", flat=True))
        milestones = RouteMilestone.objects.filter(
            handreikingen__number__in=EMPLOYER_MILESTONE_NOTES, phase="a", active=True
        ).distinct()
        WerkgeverMijlpaal.objects.bulk_create(
            WerkgeverMijlpaal(werkgever=self, route_milestone=m)
            for m in milestones
            if m.pk not in existing
        )


class Locatie(models.Model):
    werkgever = models.ForeignKey(Werkgever, on_delete=models.CASCADE, related_name="locaties")
    name = models.CharField(_("naam"), max_length=200)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"


class Contactpersoon(models.Model):
    class Rol(models.TextChoices):
        HR = "hr", _("HR / personeelszaken")
        LEIDINGGEVENDE = "leidinggevende", _("Leidinggevende")
        BUDDY = "buddy", _("Mogelijke buddy")
        OVERIG = "overig", _("Anders")

    werkgever = models.ForeignKey(Werkgever, on_delete=models.CASCADE, related_name="contacten")
    name = models.CharField(_("naam"), max_length=200)
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account in Werkpad"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["rol", "name"]
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self) -> str:
        return self.name


class WerkgeverMijlpaal(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        BEZIG = "bezig", _("Mee bezig")
        KLAAR = "klaar", _("Klaar")

    werkgever = models.ForeignKey(Werkgever, on_delete=models.CASCADE, related_name="mijlpalen")
    route_milestone = models.ForeignKey(RouteMilestone, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    note = models.TextField(_("notitie"), max_length=2000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["route_milestone__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["werkgever", "route_milestone"], name="one_employer_milestone"
            )
        ]


class Aanpassing(models.Model):
    """A workplace adjustment from the editable catalogue (employers/data/aanpassingen.yaml)."""

    key = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    explanation = models.TextField(_("uitleg"), blank=True)
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("werkplekaanpassing")
        verbose_name_plural = _("werkplekaanpassingen")

    def __str__(self) -> str:
        return self.name


class Taak(models.Model):
    """A task at an employer, with what it asks on each work-capacity area (1-4, the same
    scale as the candidate's profile)."""

    werkgever = models.ForeignKey(Werkgever, on_delete=models.CASCADE, related_name="taken")
    name = models.CharField(_("taak"), max_length=200)
    description = models.TextField(_("omschrijving"), max_length=2000, blank=True)
    hours_per_week = models.DecimalField(_("uren per week"), max_digits=4, decimal_places=1)
    demands = models.JSONField(_("wat de taak vraagt"), default=dict)  # {area: 1..4}
    location = models.CharField(_("waar"), max_length=200, blank=True)
    times = models.CharField(_("wanneer"), max_length=200, blank=True)
    quiet_place = models.BooleanField(_("rustige werkplek mogelijk"), default=False)
    fixed_hours = models.BooleanField(_("vaste tijden mogelijk"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("taak")
        verbose_name_plural = _("taken")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not any(self.demands.values()):
            raise ValidationError(_("Geef bij ten minste één gebied aan wat deze taak vraagt."))


class Functie(models.Model):
    """A job: a custom job (maatwerkfunctie) composed from tasks, or a regular vacancy."""

    class Soort(models.TextChoices):
        MAATWERK = "maatwerk", _("Maatwerkfunctie (uit taken samengesteld)")
        VACATURE = "vacature", _("Reguliere vacature")

    werkgever = models.ForeignKey(Werkgever, on_delete=models.CASCADE, related_name="functies")
    locatie = models.ForeignKey(
        Locatie, verbose_name=_("locatie"), on_delete=models.PROTECT, related_name="functies"
    )
    title = models.CharField(_("functienaam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    description = models.TextField(_("omschrijving"), max_length=4000, blank=True)
    taken = models.ManyToManyField(
        Taak, verbose_name=_("taken"), blank=True, related_name="functies"
    )
    hours_per_week = models.DecimalField(_("uren per week"), max_digits=4, decimal_places=1)
    days = models.JSONField(_("dagen"), default=list)
    demands = models.JSONField(_("wat het werk vraagt"), default=dict)
    quiet_place = models.BooleanField(_("rustige werkplek mogelijk"), default=False)
    fixed_hours = models.BooleanField(_("vaste tijden mogelijk"), default=False)
    aanpassingen = models.ManyToManyField(
        Aanpassing, verbose_name=_("mogelijke aanpassingen"), blank=True
    )
    open = models.BooleanField(_("staat open"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("functie")
        verbose_name_plural = _("functies")

    def __str__(self) -> str:
        return self.title

    def compose_from_tasks(self) -> None:
        """A custom job asks what its heaviest task asks, per area; its hours are the sum of
        its tasks; quiet place and fixed hours hold when every task offers them."""
        tasks = list(self.taken.all())
        if not tasks:
            return
        demands: dict[str, int] = {}
        for task in tasks:
            for area, value in task.demands.items():
                if value:
                    demands[area] = max(demands.get(area, 0), int(value))
        self.demands = demands
        self.hours_per_week = sum(t.hours_per_week for t in tasks)
        self.quiet_place = all(t.quiet_place for t in tasks)
        self.fixed_hours = all(t.fixed_hours for t in tasks)
        self.save(
            update_fields=["demands", "hours_per_week", "quiet_place", "fixed_hours", "updated_at"]
        )
