"""Monitoring a placement (phase d, notes 12-15, 26-29, 40-43, 56): the check-in schedule,
the candidate's and the supervisor's check-ins, the traffic light, development steps and
three-party meetings. The signal rules themselves are pure (`rules/engine.py`, rules as
data)."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.placements.models import Plaatsing
from werkpad.trajects.models import Afspraak

from .rules import engine

SCORE_MESSAGE = _("Kies een antwoord van 1 tot en met 5.")
SCORE_VALIDATORS = [MinValueValidator(1, SCORE_MESSAGE), MaxValueValidator(5, SCORE_MESSAGE)]

# how many days a check-in link stays open after its planned date
LINK_OPEN_DAYS = 7
# weekly check-ins in the first weeks of a placement, then the later interval
FIRST_WEEKS = 6


def save_changes[M: models.Model](obj: M, by, changes: dict) -> M:
    """Set the cleaned values of a form (`changes`) on a schema or a development step, note
    who changed it (`updated_by`) and save it."""
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.updated_by = by
    obj.save()
    return obj


class Frequentie(models.IntegerChoices):
    WEKELIJKS = 7, _("Elke week")
    TWEEWEKELIJKS = 14, _("Elke twee weken")
    VIERWEKELIJKS = 28, _("Elke vier weken")


class Niveau(models.TextChoices):
    GROEN = "groen", _("Groen")
    ORANJE = "oranje", _("Oranje")
    ROOD = "rood", _("Rood")


class MonitoringSchema(models.Model):
    """How often the candidate and the supervisor check in on this placement, and the
    traffic light from the newest assessment (kept here so that lists need no extra
    queries)."""

    plaatsing = models.OneToOneField(Plaatsing, on_delete=models.CASCADE, related_name="monitoring")
    interval_days = models.PositiveSmallIntegerField(
        _("check-in in de eerste weken"), choices=Frequentie, default=Frequentie.WEKELIJKS
    )
    later_vanaf = models.DateField(
        _("daarna vanaf"),
        null=True,
        blank=True,
        help_text=_("Vanaf deze datum geldt het ritme voor later."),
    )
    later_interval_days = models.PositiveSmallIntegerField(
        _("check-in later"), choices=Frequentie, default=Frequentie.TWEEWEKELIJKS
    )
    leidinggevende_interval_days = models.PositiveSmallIntegerField(
        _("check-in van de leidinggevende"), choices=Frequentie, default=Frequentie.TWEEWEKELIJKS
    )
    next_checkin = models.DateField(_("volgende check-in"))
    next_leidinggevende = models.DateField(_("volgende check-in van de leidinggevende"))
    # the traffic light
    niveau = models.CharField(
        _("stoplicht"), max_length=10, choices=Niveau.choices, default=Niveau.GROEN
    )
    redenen = models.JSONField(_("redenen"), default=list, blank=True)
    stappen = models.JSONField(_("voorgestelde stappen"), default=list, blank=True)
    regels = models.JSONField(default=list, blank=True)
    vaker_contact = models.BooleanField(_("vaker contact"), default=False)
    contact_binnen_dagen = models.PositiveSmallIntegerField(null=True, blank=True)
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("monitoringschema")
        verbose_name_plural = _("monitoringschema's")
        indexes = [models.Index(fields=["niveau"])]

    def __str__(self) -> str:
        return str(self.plaatsing)

    @staticmethod
    def first_dates(start_date: datetime.date, today: datetime.date) -> dict:
        """The defaults of a new schedule: weekly in the first six weeks, then every two
        weeks; the supervisor every two weeks. The first check-ins fall a week (the
        supervisor: two weeks) after the start, or after today when the start has passed."""
        start = max(start_date, today)
        return {
            "later_vanaf": start_date + datetime.timedelta(weeks=FIRST_WEEKS),
            "next_checkin": start + datetime.timedelta(days=Frequentie.WEKELIJKS),
            "next_leidinggevende": start + datetime.timedelta(days=Frequentie.TWEEWEKELIJKS),
        }

    @classmethod
    def for_plaatsing(
        cls, plaatsing: Plaatsing, today: datetime.date | None = None
    ) -> MonitoringSchema:
        """The placement's schedule; made with the defaults (`first_dates`) on first use."""
        try:
            return plaatsing.monitoring
        except cls.DoesNotExist:
            pass
        today = today or timezone.localdate()
        schema, _created = cls.objects.get_or_create(
            plaatsing=plaatsing, defaults=cls.first_dates(plaatsing.start_date, today)
        )
        plaatsing.monitoring = schema
        return schema

    def base_interval(self, on: datetime.date) -> int:
        """The planned rhythm on a date, before any intensifying."""
        if self.later_vanaf is not None and on >= self.later_vanaf:
            return self.later_interval_days
        return self.interval_days

    def interval(self, on: datetime.date) -> int:
        """The rhythm in force on a date: shorter while the contact is intensified."""
        base = self.base_interval(on)
        if not self.vaker_contact:
            return base
        return engine.next_interval_days(
            base, engine.Assessment(self.niveau, [], [], intensify=True)
        )

    def leidinggevende_interval(self) -> int:
        """The supervisor's rhythm: also shorter while the contact is intensified."""
        base = self.leidinggevende_interval_days
        if not self.vaker_contact:
            return base
        return engine.next_interval_days(
            base, engine.Assessment(self.niveau, [], [], intensify=True)
        )

    def apply(self, assessment: engine.Assessment, at: datetime.datetime | None = None) -> bool:
        """Take over a new assessment (not saved). True when the light or its reasons
        changed."""
        changed = (
            self.niveau != assessment.level
            or self.redenen != assessment.reasons
            or self.vaker_contact != assessment.intensify
        )
        self.niveau = assessment.level
        self.redenen = assessment.reasons
        self.stappen = assessment.steps
        self.regels = assessment.rule_keys
        self.vaker_contact = assessment.intensify
        self.contact_binnen_dagen = assessment.contact_within_days
        self.beoordeeld_op = at or timezone.now()
        return changed


class Beoordeling(models.Model):
    """The history of the traffic light: a row each time the light or its reasons change."""

    plaatsing = models.ForeignKey(Plaatsing, on_delete=models.CASCADE, related_name="beoordelingen")
    at = models.DateTimeField(_("op"), default=timezone.now)
    niveau = models.CharField(_("stoplicht"), max_length=10, choices=Niveau.choices)
    redenen = models.JSONField(_("redenen"), default=list)
    stappen = models.JSONField(_("voorgestelde stappen"), default=list)
    regels = models.JSONField(default=list)
    vaker_contact = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        indexes = [models.Index(fields=["plaatsing", "-at"])]


class CheckInMoment(models.Model):
    """A planned check-in (for the candidate or the supervisor). The reminder links to it;
    the link stays open for a week after the planned date."""

    class Voor(models.TextChoices):
        KANDIDAAT = "kandidaat", _("Kandidaat")
        LEIDINGGEVENDE = "leidinggevende", _("Leidinggevende")

    plaatsing = models.ForeignKey(
        Plaatsing, on_delete=models.CASCADE, related_name="checkin_momenten"
    )
    voor = models.CharField(max_length=20, choices=Voor.choices)
    datum = models.DateField(_("gepland op"))
    open_tot = models.DateTimeField(_("open tot"))
    ingevuld_op = models.DateTimeField(_("ingevuld op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["datum", "pk"]
        verbose_name = _("geplande check-in")
        verbose_name_plural = _("geplande check-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["plaatsing", "voor", "datum"], name="one_checkin_moment_per_day"
            )
        ]
        indexes = [models.Index(fields=["voor", "datum"])]

    def __str__(self) -> str:
        return f"{self.get_voor_display()} {self.datum:%d-%m-%Y}"

    @staticmethod
    def closes_at(datum: datetime.date) -> datetime.datetime:
        """End of the day a week after the planned date (local time)."""
        end = datetime.datetime.combine(
            datum + datetime.timedelta(days=LINK_OPEN_DAYS), datetime.time(23, 59, 59)
        )
        return timezone.make_aware(end)

    @property
    def is_expired(self) -> bool:
        return self.ingevuld_op is None and timezone.now() > self.open_tot


class CheckInBasis(models.Model):
    """What both check-ins share: the day, who filled it in (none when through an e-mailed
    link without an account) and whether it came through a link."""

    datum = models.DateField(_("datum"), default=datetime.date.today)
    ingevuld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    via_link = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["plaatsing", "datum"])]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y}"


class KandidaatCheckIn(CheckInBasis):
    """The candidate's own short check-in (1-2 minutes on a phone)."""

    plaatsing = models.ForeignKey(Plaatsing, on_delete=models.CASCADE, related_name="checkins")
    moment = models.OneToOneField(
        CheckInMoment, on_delete=models.SET_NULL, null=True, blank=True, related_name="checkin"
    )
    energie = models.PositiveSmallIntegerField(
        _("Energie"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    spanning = models.PositiveSmallIntegerField(
        _("Spanning"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    plezier = models.PositiveSmallIntegerField(
        _("Plezier in het werk"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    belasting = models.PositiveSmallIntegerField(
        _("Werkdruk"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    opmerking = models.TextField(_("opmerking"), max_length=1000, blank=True)

    class Meta(CheckInBasis.Meta):
        verbose_name = _("check-in van de kandidaat")
        verbose_name_plural = _("check-ins van de kandidaat")

    def as_signal(self) -> engine.CheckIn:
        return engine.CheckIn(
            date=self.datum,
            energie=self.energie,
            spanning=self.spanning,
            plezier=self.plezier,
            belasting=self.belasting,
            opmerking=self.opmerking,
        )


class LeidinggevendeCheckIn(CheckInBasis):
    """The supervisor's short check-in: how work goes, and signals noticed."""

    plaatsing = models.ForeignKey(
        Plaatsing, on_delete=models.CASCADE, related_name="leidinggevende_checkins"
    )
    moment = models.OneToOneField(
        CheckInMoment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leidinggevende_checkin",
    )
    gaat_goed = models.PositiveSmallIntegerField(
        _("Hoe gaat het werk?"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    signalen_gezien = models.BooleanField(_("Signalen gezien"), default=False)
    toelichting = models.TextField(_("toelichting"), max_length=1000, blank=True)

    class Meta(CheckInBasis.Meta):
        verbose_name = _("check-in van de leidinggevende")
        verbose_name_plural = _("check-ins van de leidinggevende")

    def as_signal(self) -> engine.SupervisorCheckIn:
        return engine.SupervisorCheckIn(
            date=self.datum,
            gaat_goed=self.gaat_goed,
            signalen_gezien=self.signalen_gezien,
            toelichting=self.toelichting,
        )


class Ontwikkelstap(models.Model):
    """A development step the candidate sets with the supervisor (notes 13, 29, 42, 43):
    small steps, and clear about what may and may not be expected yet."""

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("Gepland")
        BEZIG = "bezig", _("Mee bezig")
        GEHAALD = "gehaald", _("Gehaald")
        BIJGESTELD = "bijgesteld", _("Bijgesteld")

    plaatsing = models.ForeignKey(
        Plaatsing, on_delete=models.CASCADE, related_name="ontwikkelstappen"
    )
    doel = models.CharField(_("Wat wil je leren of bereiken?"), max_length=300)
    kleine_stappen = models.TextField(
        _("In welke kleine stappen?"),
        max_length=3000,
        blank=True,
        help_text=_("Een stap per regel. Klein is goed: één nieuwe taak per keer."),
    )
    verwachting = models.TextField(
        _("Wat mag je verwachten, en wat (nog) niet?"),
        max_length=3000,
        blank=True,
        help_text=_("Zo weten de kandidaat en de leidinggevende allebei waar ze aan toe zijn."),
    )
    streefdatum = models.DateField(_("streefdatum"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.GEPLAND
    )
    toelichting = models.TextField(_("toelichting"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["streefdatum", "pk"]
        verbose_name = _("ontwikkelstap")
        verbose_name_plural = _("ontwikkelstappen")

    def __str__(self) -> str:
        return self.doel


class Driegesprek(models.Model):
    """A three-party meeting: candidate, supervisor and coach (note 56)."""

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("Gepland")
        GEHOUDEN = "gehouden", _("Gehouden")
        AFGEZEGD = "afgezegd", _("Afgezegd")

    plaatsing = models.ForeignKey(
        Plaatsing, on_delete=models.CASCADE, related_name="driegesprekken"
    )
    begint_om = models.DateTimeField(_("datum en tijd"))
    duur_minuten = models.PositiveSmallIntegerField(
        _("duur (minuten)"),
        default=45,
        validators=[
            MinValueValidator(15, _("Een driegesprek duurt minstens 15 minuten.")),
            MaxValueValidator(240, _("Een driegesprek duurt hoogstens 4 uur (240 minuten).")),
        ],
    )
    locatie = models.CharField(_("waar"), max_length=300, blank=True)
    agenda = models.JSONField(_("agenda"), default=list, blank=True)
    verslag = models.TextField(_("verslag"), max_length=10000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.GEPLAND
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    volgnummer = models.PositiveIntegerField(default=0)  # iCalendar SEQUENCE
    afspraken = models.ManyToManyField(Afspraak, blank=True, related_name="driegesprekken")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-begint_om", "-pk"]
        verbose_name = _("driegesprek")
        verbose_name_plural = _("driegesprekken")

    def __str__(self) -> str:
        return _("Driegesprek op %(date)s") % {"date": f"{self.begint_om:%d-%m-%Y}"}

    @property
    def eindigt_om(self) -> datetime.datetime:
        return self.begint_om + datetime.timedelta(minutes=self.duur_minuten)
