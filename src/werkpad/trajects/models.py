"""Trajects: a candidate's route to work, with its phases, parties, milestones, agreements
and journal. The rules of the route (which phase moves are allowed, which milestones a party
gets) live here; views only call these methods."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad import access
from werkpad.accounts.models import Organisation
from werkpad.route.models import PHASE_ORDER, Party, Phase, RouteMilestone


class Kandidaat(models.Model):
    """The person on the route to work. Their own account (portal) is optional."""

    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=100)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    date_of_birth = models.DateField(_("geboortedatum"), null=True, blank=True)
    city = models.CharField(_("woonplaats"), max_length=100, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kandidaat",
    )
    created_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("kandidaat")
        verbose_name_plural = _("kandidaten")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # the candidate as betrokkene of their trajects carries the same contact details
        Betrokkene.objects.filter(traject__kandidaat=self, party="kandidaat").update(
            name=self.full_name, email=self.email, phone=self.phone
        )

    @property
    def full_name(self) -> str:
        return str(self)


class PhaseMoveError(ValidationError):
    """A phase move the route does not allow; the message is for the user."""


class Traject(models.Model):
    class Method(models.TextChoices):
        IPS = "ips", _("IPS (Individuele Plaatsing en Steun)")
        KANSEN_OP_WERK = "kansen_op_werk", _("Kansen op Werk")
        OVERIG = "overig", _("Andere methode")

    class Referral(models.TextChoices):
        GGZ = "ggz", _("Aanvraag vanuit de GGZ (behandelaar)")
        GEMEENTE = "gemeente", _("Gemeente")
        UWV = "uwv", _("UWV")
        WERKGEVER = "werkgever", _("Werkgever")
        HUISARTS = "huisarts", _("Huisarts / POH-GGZ")
        ZELF = "zelf", _("Op eigen initiatief")
        OVERIG = "overig", _("Anders")

    class Outcome(models.TextChoices):
        BETAALD_WERK = "betaald_werk", _("Betaald werk, duurzaam")
        ANDER_WERK = "ander_werk", _("Ander werk")
        OPLEIDING = "opleiding", _("Opleiding")
        GESTOPT = "gestopt", _("Gestopt op eigen verzoek")
        VERHUISD = "verhuisd", _("Verhuisd")
        OVERIG = "overig", _("Anders")

    kandidaat = models.ForeignKey(
        Kandidaat, verbose_name=_("kandidaat"), on_delete=models.PROTECT, related_name="trajects"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("uitvoerende organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trajects",
    )
    method = models.CharField(_("methode"), max_length=30, choices=Method.choices)
    referral = models.CharField(_("aangemeld via"), max_length=20, choices=Referral.choices)
    referral_note = models.CharField(_("toelichting aanmelding"), max_length=500, blank=True)
    started_on = models.DateField(_("startdatum"), default=datetime.date.today)
    phase = models.CharField(
        _("fase"), max_length=1, choices=Phase.choices, default=Phase.VOORTRAJECT
    )
    phase_since = models.DateTimeField(_("in deze fase sinds"), default=timezone.now)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["-started_on", "pk"]
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        indexes = [models.Index(fields=["phase", "closed_at"])]

    def __str__(self) -> str:
        return _("Traject van %(name)s") % {"name": self.kandidaat}

    # --- the route's rules -------------------------------------------------------------

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def days_in_phase(self) -> int:
        return (timezone.now() - self.phase_since).days

    def allowed_moves(self) -> list[str]:
        """Phases this traject may move to now (closing is separate)."""
        if self.is_closed:
            return []
        current = self.phase
        if current == Phase.UITVAL:
            return [Phase.PLAATSING, Phase.DUURZAAM]
        order = PHASE_ORDER[current]
        regular = [Phase.VOORTRAJECT, Phase.MATCHING, Phase.PLAATSING, Phase.DUURZAAM]
        moves = [p for p in regular if PHASE_ORDER[p] < order]  # backwards, with a reason
        if order + 1 < len(regular):
            moves.append(regular[order + 1])
        if current in (Phase.PLAATSING, Phase.DUURZAAM):
            moves.append(Phase.UITVAL)
        return sorted(moves, key=PHASE_ORDER.get)

    def reason_required(self, to_phase: str) -> bool:
        """Going back, into uitval or back out of it always needs a reason."""
        return (
            PHASE_ORDER[to_phase] < PHASE_ORDER[self.phase]
            or to_phase == Phase.UITVAL
            or self.phase == Phase.UITVAL
        )

    def check_move(self, to_phase: str, reason: str) -> None:
        if self.is_closed:
            raise PhaseMoveError(
                {"to_phase": _("Dit traject is afgesloten; de fase kan niet meer veranderen.")}
            )
        if to_phase not in Phase.values:
            raise PhaseMoveError({"to_phase": _("Deze fase bestaat niet.")})
        if to_phase == self.phase:
            raise PhaseMoveError({"to_phase": _("Het traject staat al in deze fase.")})
        if to_phase not in self.allowed_moves():
            raise PhaseMoveError(
                {
                    "to_phase": _("Van %(from)s naar %(to)s kan niet. Mogelijk is: %(allowed)s.")
                    % {
                        "from": Phase(self.phase).label,
                        "to": Phase(to_phase).label,
                        "allowed": ", ".join(str(Phase(p).label) for p in self.allowed_moves()),
                    }
                }
            )
        if self.reason_required(to_phase) and not reason.strip():
            raise PhaseMoveError({"reason": _("Geef een reden voor deze stap.")})

    @transaction.atomic
    def move_to(self, to_phase: str, by, reason: str = "") -> PhaseTransition:
        self.check_move(to_phase, reason)
        transition = PhaseTransition.objects.create(
            traject=self, from_phase=self.phase, to_phase=to_phase, by=by, reason=reason.strip()
        )
        self.phase = to_phase
        self.phase_since = transition.at
        self.save(update_fields=["phase", "phase_since"])
        Gebeurtenis.objects.create(
            traject=self, kind=Gebeurtenis.Kind.FASE, actor=by, transition=transition
        )
        return transition

    @transaction.atomic
    def close(self, outcome: str, by, reason: str) -> PhaseTransition:
        if self.is_closed:
            raise PhaseMoveError({"outcome": _("Dit traject is al afgesloten.")})
        if outcome not in self.Outcome.values:
            raise PhaseMoveError({"outcome": _("Kies een uitkomst.")})
        if not reason.strip():
            raise PhaseMoveError(
                {"reason": _("Geef een reden of korte toelichting bij het afsluiten.")}
            )
        transition = PhaseTransition.objects.create(
            traject=self,
            from_phase=self.phase,
            to_phase="",
            outcome=outcome,
            by=by,
            reason=reason.strip(),
        )
        self.closed_at = transition.at
        self.outcome = outcome
        self.save(update_fields=["closed_at", "outcome"])
        Gebeurtenis.objects.create(
            traject=self, kind=Gebeurtenis.Kind.FASE, actor=by, transition=transition
        )
        return transition

    # --- opening and parties -----------------------------------------------------------

    @classmethod
    @transaction.atomic
    def open(
        cls,
        kandidaat: Kandidaat,
        coach,
        method: str,
        referral: str,
        referral_note: str = "",
        started_on: datetime.date | None = None,
    ) -> Traject:
        traject = cls.objects.create(
            kandidaat=kandidaat,
            organisation=coach.organisation,
            method=method,
            referral=referral,
            referral_note=referral_note,
            started_on=started_on or timezone.localdate(),
            created_by=coach,
        )
        PhaseTransition.objects.create(
            traject=traject, from_phase="", to_phase=traject.phase, by=coach, reason=""
        )
        traject.add_betrokkene(
            party=Party.KANDIDAAT,
            user=kandidaat.user,
            name=kandidaat.full_name,
            email=kandidaat.email,
            phone=kandidaat.phone,
            by=coach,
            log=False,
        )
        traject.add_betrokkene(party=Party.BEGELEIDING, user=coach, by=coach, log=False)
        Gebeurtenis.objects.create(traject=traject, kind=Gebeurtenis.Kind.GEOPEND, actor=coach)
        return traject

    @transaction.atomic
    def add_betrokkene(self, party: str, by, user=None, log: bool = True, **contact) -> Betrokkene:
        """Add a person to the traject as one of the ten parties. The first person of a
        party brings that party's milestones from the catalogue, owned by them."""
        access.forget(self, self.kandidaat)  # who relates to them changes
        first_of_party = not self.betrokkenen.filter(party=party).exists()
        betrokkene = Betrokkene.objects.create(
            traject=self, party=party, user=user, added_by=by, **contact
        )
        if first_of_party:
            existing = set(self.milestones.values_list("route_milestone_id", flat=True))
            TrajectMilestone.objects.bulk_create(
                TrajectMilestone(traject=self, route_milestone=rm, owner=betrokkene)
                for rm in RouteMilestone.objects.filter(party=party, active=True)
                if rm.pk not in existing
            )
        if log:
            Gebeurtenis.objects.create(
                traject=self, kind=Gebeurtenis.Kind.BETROKKENE, actor=by, betrokkene=betrokkene
            )
        return betrokkene


class PhaseTransition(models.Model):
    """One step on the route: opening (no from-phase), a move, or closing (no to-phase)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="transitions")
    from_phase = models.CharField(_("van fase"), max_length=1, choices=Phase.choices, blank=True)
    to_phase = models.CharField(_("naar fase"), max_length=1, choices=Phase.choices, blank=True)
    outcome = models.CharField(
        _("uitkomst"), max_length=20, choices=Traject.Outcome.choices, blank=True
    )
    at = models.DateTimeField(_("op"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, null=True
    )
    reason = models.TextField(_("reden"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("faseovergang")
        verbose_name_plural = _("faseovergangen")

    @property
    def is_opening(self) -> bool:
        return not self.from_phase

    @property
    def is_closing(self) -> bool:
        return not self.to_phase


class Betrokkene(models.Model):
    """Someone involved in a traject as one of the ten parties: a user of Werkpad, or a plain
    contact without an account (for example the candidate's sister)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="betrokkenen")
    party = models.CharField(_("partij"), max_length=30, choices=Party.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account in Werkpad"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="betrokkenheden",
    )
    name = models.CharField(_("naam"), max_length=200, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    organisation_name = models.CharField(_("organisatie"), max_length=200, blank=True)
    role = models.CharField(_("rol"), max_length=200, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["traject", "party", "pk"]
        verbose_name = _("betrokkene")
        verbose_name_plural = _("betrokkenen")
        indexes = [models.Index(fields=["user", "party"])]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.user_id:
            return str(self.user)
        return self.name


class TrajectMilestone(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        BEZIG = "bezig", _("Mee bezig")
        KLAAR = "klaar", _("Klaar")
        NVT = "nvt", _("Niet van toepassing")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="milestones")
    route_milestone = models.ForeignKey(
        RouteMilestone, on_delete=models.PROTECT, related_name="+", verbose_name=_("mijlpaal")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    owner = models.ForeignKey(
        Betrokkene,
        verbose_name=_("eigenaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
    )
    due_date = models.DateField(_("streefdatum"), null=True, blank=True)
    note = models.TextField(_("notitie"), max_length=2000, blank=True)
    nvt_reason = models.CharField(_("reden niet van toepassing"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True
    )

    class Meta:
        ordering = ["route_milestone__position"]
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        constraints = [
            models.UniqueConstraint(
                fields=["traject", "route_milestone"], name="one_milestone_per_traject"
            )
        ]

    def __str__(self) -> str:
        return self.route_milestone.title

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.BEZIG)

    def clean(self) -> None:
        if self.status == self.Status.NVT and not self.nvt_reason.strip():
            raise ValidationError(
                {"nvt_reason": _("Geef aan waarom deze mijlpaal niet van toepassing is.")}
            )

    def record_change(self, by, old_status: str) -> None:
        if old_status != self.status:
            Gebeurtenis.objects.create(
                traject_id=self.traject_id,
                kind=Gebeurtenis.Kind.MIJLPAAL,
                actor=by,
                milestone=self,
                status=self.status,
            )


class JournaalNotitie(models.Model):
    """A contact note in the traject's journal."""

    class Kind(models.TextChoices):
        GESPREK = "gesprek", _("Gesprek")
        DRIEGESPREK = "driegesprek", _("Driegesprek")
        TELEFOON = "telefoon", _("Telefoon")
        EMAIL = "email", _("E-mail")
        BEZOEK_WERKPLEK = "bezoek_werkplek", _("Bezoek werkplek")
        OVERIG = "overig", _("Overig")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="notities")
    date = models.DateField(_("datum"), default=datetime.date.today)
    kind = models.CharField(_("soort contact"), max_length=20, choices=Kind.choices)
    participants = models.CharField(_("deelnemers"), max_length=500, blank=True)
    text = models.TextField(_("verslag"), max_length=10000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("auteur"), on_delete=models.PROTECT, null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("journaalnotitie")
        verbose_name_plural = _("journaalnotities")
        indexes = [models.Index(fields=["traject", "date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d-%m-%Y}"

    def save(self, *args, **kwargs) -> None:
        creating = self._state.adding
        super().save(*args, **kwargs)
        if creating:
            Gebeurtenis.objects.create(
                traject_id=self.traject_id,
                kind=Gebeurtenis.Kind.NOTITIE,
                actor=self.author,
                notitie=self,
            )


class Afspraak(models.Model):
    """An agreement: who does what by when. The regiehouder watches these."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        NAGEKOMEN = "nagekomen", _("Nagekomen")
        VERVALLEN = "vervallen", _("Vervallen")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="afspraken")
    what = models.CharField(_("wat"), max_length=500)
    who = models.ForeignKey(
        Betrokkene, verbose_name=_("wie"), on_delete=models.RESTRICT, related_name="afspraken"
    )
    due_date = models.DateField(_("uiterlijk op"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    milestone = models.ForeignKey(
        TrajectMilestone,
        verbose_name=_("bij mijlpaal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="afspraken",
    )
    notitie = models.ForeignKey(
        JournaalNotitie,
        verbose_name=_("bij journaalnotitie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="afspraken",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return self.what

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.due_date < timezone.localdate()

    @property
    def days_overdue(self) -> int:
        return max(0, (timezone.localdate() - self.due_date).days) if self.is_overdue else 0

    def record(self, by, created: bool) -> None:
        """Put this agreement (new, or its new status) on the timeline."""
        Gebeurtenis.objects.create(
            traject_id=self.traject_id,
            kind=Gebeurtenis.Kind.AFSPRAAK,
            actor=by,
            afspraak=self,
            status="" if created else self.status,
        )


class Gebeurtenis(models.Model):
    """One line on the traject's timeline. It points at what happened; the timeline template
    renders it in the reader's language."""

    class Kind(models.TextChoices):
        GEOPEND = "geopend", _("Traject geopend")
        FASE = "fase", _("Fase")
        MIJLPAAL = "mijlpaal", _("Mijlpaal")
        AFSPRAAK = "afspraak", _("Afspraak")
        NOTITIE = "notitie", _("Journaal")
        BETROKKENE = "betrokkene", _("Betrokkene")
        UITVAL = "uitval", _("Uitval")
        CONTACT = "contact", _("Contact tijdens uitval")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="gebeurtenissen")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    transition = models.ForeignKey(PhaseTransition, on_delete=models.CASCADE, null=True)
    milestone = models.ForeignKey(TrajectMilestone, on_delete=models.CASCADE, null=True)
    status = models.CharField(max_length=10, blank=True)
    afspraak = models.ForeignKey(Afspraak, on_delete=models.CASCADE, null=True)
    notitie = models.ForeignKey(JournaalNotitie, on_delete=models.CASCADE, null=True)
    betrokkene = models.ForeignKey(Betrokkene, on_delete=models.CASCADE, null=True)
    # for kinds without their own link (uitval, contact): ids and keys, never free text
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        indexes = [models.Index(fields=["traject", "-at"])]
