"""Placements: the candidate starts at an employer after a match, with a planned build-up of
hours. The route's rules for starting a placement live here; views only
call these methods."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from werkpad.employers.models import Contactpersoon, Functie
from werkpad.formfields import HOURS_VALIDATORS, MAX_HOURS_PER_WEEK
from werkpad.instruments.models import InstrumentVersie, Regeling
from werkpad.matching.models import Matchgesprek
from werkpad.route.models import Party, Phase
from werkpad.text import date_text, hours_text
from werkpad.trajects.models import Betrokkene, Kandidaat, PhaseMoveError, Traject

MAX_HOURS = MAX_HOURS_PER_WEEK

# The buddy's preparation (note 48), in our own words. Keys are stored; labels may change.
BUDDY_CHECKLIST = [
    ("zelf_gekozen", _("De buddy heeft zelf ja gezegd tegen deze rol")),
    ("rol_besproken", _("Wat de buddy wel en niet doet, is samen besproken")),
    ("kennisgemaakt", _("De buddy en de nieuwe collega hebben al kennisgemaakt")),
    ("vertrouwelijk", _("De buddy weet wat vertrouwelijk blijft")),
    ("wie_bellen", _("De buddy weet wie te bellen bij zorgen")),
    ("eigen_steun", _("De buddy weet waar hij of zij zelf terecht kan met vragen")),
]

ONBOARDING_FIELDS = ["structuur", "welkom", "eerste_dag", "eerste_weken"]
PREVENTIE_FIELDS = ["signalen_wie", "wie_belt_wie", "bij_verzuim", "contact_tijdens_uitval"]

# the parties of the employer's side, whose milestones a placement shows
EMPLOYER_PARTIES = [Party.WERKGEVER, Party.LEIDINGGEVENDE, Party.COLLEGAS]


def _same_name(a: str, b: str) -> bool:
    a, b = " ".join(a.split()).casefold(), " ".join(b.split()).casefold()
    return bool(a) and a == b


def is_the_candidate(contact: Contactpersoon, kandidaat: Kandidaat) -> bool:
    """Is this contact of the employer in fact the candidate: the same account, the same
    e-mail address or the same full name?"""
    if contact.user_id and contact.user_id == kandidaat.user_id:
        return True
    email = contact.email.strip().casefold()
    if email and email == kandidaat.email.strip().casefold():
        return True
    return _same_name(contact.name, kandidaat.full_name)


class Plaatsing(models.Model):
    """The candidate at work: which job, with whom, from when, and how the first weeks and a
    possible dropout are prepared."""

    class Soort(models.TextChoices):
        BETAALD_WERK = "betaald_werk", _("Betaald werk")
        PROEFPLAATSING = "proefplaatsing", _("Proefplaatsing")
        WERKERVARINGSPLAATS = "werkervaringsplaats", _("Werkervaringsplaats")
        VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Vrijwilligerswerk")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="plaatsingen")
    functie = models.ForeignKey(
        Functie, verbose_name=_("functie"), on_delete=models.PROTECT, related_name="plaatsingen"
    )
    matchgesprek = models.ForeignKey(
        Matchgesprek,
        verbose_name=_("matchgesprek"),
        on_delete=models.PROTECT,
        related_name="plaatsingen",
    )
    leidinggevende = models.ForeignKey(
        Contactpersoon,
        verbose_name=_("leidinggevende"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    buddy = models.ForeignKey(
        Contactpersoon,
        verbose_name=_("buddy"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Een collega die vrijwillig vast aanspreekpunt wil zijn, met gevoel voor de rol."
        ),
    )
    start_date = models.DateField(_("startdatum"))
    soort = models.CharField(_("soort plaatsing"), max_length=30, choices=Soort.choices)
    contract_uren = models.DecimalField(
        _("uren per week (doel)"),
        max_digits=4,
        decimal_places=1,
        validators=HOURS_VALIDATORS,
        help_text=_("Het aantal uren per week waar jullie samen naartoe werken."),
    )
    regelingen = models.ManyToManyField(
        Regeling, verbose_name=_("regelingen"), blank=True, related_name="+"
    )
    # onboarding: the first weeks (note 25)
    structuur = models.TextField(
        _("Structuur"),
        max_length=3000,
        blank=True,
        help_text=_("Vaste tijden, vaste taken, één vast persoon voor vragen."),
    )
    welkom = models.TextField(
        _("Welkom"),
        max_length=3000,
        blank=True,
        help_text=_("Hoe ontvangen de collega's de nieuwe collega? Wie luncht er mee?"),
    )
    eerste_dag = models.TextField(
        _("De eerste dag"),
        max_length=3000,
        blank=True,
        help_text=_("Wie staat klaar bij binnenkomst, wat ligt er klaar, hoe ziet de dag eruit?"),
    )
    eerste_weken = models.TextField(
        _("De eerste weken"),
        max_length=3000,
        blank=True,
        help_text=_("Wanneer praten jullie bij, ook even informeel? Hoe groeien de taken mee?"),
    )
    # prevention and dropout (notes 31-32, 65-68)
    signalen_wie = models.TextField(
        _("Wie let op welke signalen?"),
        max_length=3000,
        blank=True,
        help_text=_(
            "Bijvoorbeeld: de leidinggevende merkt het als iemand later komt. Noem alleen "
            "signalen die de kandidaat zelf wil delen."
        ),
    )
    wie_belt_wie = models.TextField(
        _("Wie belt wie?"),
        max_length=3000,
        blank=True,
        help_text=_(
            "Wie neemt contact op met wie als er zorgen zijn, en hoe snel? Denk aan de jobcoach "
            "en, als de kandidaat dat wil, iemand uit de eigen omgeving."
        ),
    )
    bij_verzuim = models.TextField(
        _("Wat doet de werkgever bij verzuim?"),
        max_length=3000,
        blank=True,
        help_text=_(
            "Ziekmelden, wie contact houdt, wanneer de arbodienst meedoet en wat die van de "
            "begeleider mag weten."
        ),
    )
    contact_tijdens_uitval = models.TextField(
        _("Contact houden tijdens uitval"),
        max_length=3000,
        blank=True,
        help_text=_(
            "Hoe blijft iedereen in contact als er even geen werk is, en wie brengt de partijen "
            "weer bij elkaar?"
        ),
    )
    buddy_checklist = models.JSONField(_("voorbereiding van de buddy"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    ended_on = models.DateField(_("gestopt op"), null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("plaatsing")
        verbose_name_plural = _("plaatsingen")

    def __str__(self) -> str:
        return _("%(functie)s bij %(werkgever)s") % {
            "functie": self.functie,
            "werkgever": self.functie.werkgever,
        }

    # --- the rules ---------------------------------------------------------------------

    def start_problems(self) -> list[str]:
        """Why this placement cannot start from its match conversation now (empty: it can)."""
        problems = []
        gesprek, traject = self.matchgesprek, self.traject
        if gesprek.uitkomst != Matchgesprek.Uitkomst.MATCH:
            problems.append(
                _(
                    "Een plaatsing maak je na een matchgesprek met de uitkomst 'Match gemaakt'. "
                    "Dit gesprek heeft de uitkomst '%(uitkomst)s'."
                )
                % {"uitkomst": gesprek.get_uitkomst_display()}
            )
        if gesprek.kandidaat_id != traject.kandidaat_id:
            problems.append(_("Dit matchgesprek hoort bij een andere kandidaat."))
        if traject.is_closed:
            problems.append(_("Dit traject is afgesloten; er kan geen plaatsing meer bij."))
        elif traject.phase not in (Phase.VOORTRAJECT, Phase.MATCHING):
            problems.append(
                _(
                    "Het traject staat in de fase %(phase)s. Een plaatsing maken kan vanuit de "
                    "fase Matching (of Voortraject)."
                )
                % {"phase": traject.get_phase_display()}
            )
        return problems

    def clean(self) -> None:
        errors: dict[str, list] = {}
        starting = self._state.adding and self.traject_id and self.matchgesprek_id
        if starting and (problems := self.start_problems()):
            errors[NON_FIELD_ERRORS] = problems
        if self.start_date and self.matchgesprek_id and self.start_date < self.matchgesprek.date:
            errors["start_date"] = [
                _(
                    "De startdatum ligt vóór het matchgesprek van %(date)s. Kies die dag of "
                    "een latere datum."
                )
                % {"date": date_text(self.matchgesprek.date)}
            ]
        kandidaat = self.traject.kandidaat if self.traject_id else None
        werkgever = self.functie.werkgever if self.functie_id else None
        if self.leidinggevende_id:
            errors.update(self._contact_errors("leidinggevende", kandidaat, werkgever))
        if self.buddy_id:
            errors.update(self._contact_errors("buddy", kandidaat, werkgever))
        if errors:
            raise ValidationError(errors)

    def _contact_errors(self, field: str, kandidaat, werkgever) -> dict[str, list]:
        contact = getattr(self, field)
        wrong_rol = field == "leidinggevende" and contact.rol != Contactpersoon.Rol.LEIDINGGEVENDE
        if werkgever is not None and (contact.werkgever_id != werkgever.pk or wrong_rol):
            message = (
                _("Kies een leidinggevende van %(werkgever)s.")
                if field == "leidinggevende"
                else _("Kies een buddy van %(werkgever)s.")
            )
            return {field: [message % {"werkgever": werkgever}]}
        if kandidaat is not None and is_the_candidate(contact, kandidaat):
            message = (
                _(
                    "De leidinggevende is iemand anders dan de kandidaat zelf. Kies de "
                    "leidinggevende van de kandidaat."
                )
                if field == "leidinggevende"
                else _(
                    "De buddy is een collega die de kandidaat op weg helpt; dat kan de "
                    "kandidaat niet zelf zijn. Kies een andere collega."
                )
            )
            return {field: [message]}
        return {}

    # --- starting a placement ----------------------------------------------------------

    @classmethod
    @transaction.atomic
    def create_from_match(cls, matchgesprek: Matchgesprek, by, *, traject: Traject, **fields):
        """Start a placement from a made match: check it, move the traject to phase c
        (through b when it is still in a), and add the employer, the supervisor and the
        buddy as parties with their milestones."""
        regelingen = fields.pop("regelingen", [])
        plaatsing = cls(
            traject=traject,
            matchgesprek=matchgesprek,
            functie=matchgesprek.functie,
            created_by=by,
            **fields,
        )
        plaatsing.full_clean()
        try:
            if traject.phase == Phase.VOORTRAJECT:
                traject.move_to(Phase.MATCHING, by, reason=gettext("Match gemaakt"))
            traject.move_to(
                Phase.PLAATSING,
                by,
                reason=gettext("Plaatsing gestart: %(plaatsing)s") % {"plaatsing": plaatsing},
            )
        except PhaseMoveError as error:
            raise ValidationError({NON_FIELD_ERRORS: error.messages}) from error
        plaatsing.save()
        plaatsing.regelingen.set(regelingen)
        plaatsing.add_parties(by)
        return plaatsing

    def add_parties(self, by) -> None:
        """The employer (its HR contact, or the organisation), the supervisor and the buddy
        become betrokkenen of the traject; the first of each party brings its milestones."""
        werkgever = self.functie.werkgever
        hr = werkgever.contacten.filter(rol=Contactpersoon.Rol.HR).order_by("pk").first()
        if hr is not None:
            self._add_contact(Party.WERKGEVER, hr, by, role=hr.get_rol_display())
        elif not self.traject.betrokkenen.filter(
            party=Party.WERKGEVER, name=werkgever.organisation.name
        ).exists():
            self.traject.add_betrokkene(
                Party.WERKGEVER,
                by,
                name=werkgever.organisation.name,
                organisation_name=werkgever.organisation.name,
            )
        self._add_contact(Party.LEIDINGGEVENDE, self.leidinggevende, by)
        if self.buddy_id:
            self._add_contact(Party.COLLEGAS, self.buddy, by, role=gettext("Buddy"))

    def _add_contact(self, party: str, contact: Contactpersoon, by, role: str = "") -> Betrokkene:
        existing = self.traject.betrokkenen.filter(party=party)
        if contact.user_id:
            existing = existing.filter(user_id=contact.user_id)
        else:
            existing = existing.filter(user__isnull=True, name=contact.name)
        found = existing.first()
        if found is not None:
            return found
        organisation = self.functie.werkgever.organisation.name
        if contact.user_id:
            return self.traject.add_betrokkene(
                party, by, user=contact.user, role=role, organisation_name=organisation
            )
        return self.traject.add_betrokkene(
            party,
            by,
            name=contact.name,
            phone=contact.phone,
            email=contact.email,
            role=role,
            organisation_name=organisation,
        )

    @staticmethod
    def regelingen_from_financien(kandidaat: Kandidaat) -> list[Regeling]:
        """The employer schemes the candidate chose in their newest financial instrument
        (only those that still exist)."""
        version = InstrumentVersie.objects.filter(kandidaat=kandidaat, kind="financien").first()
        keys = (version.data.get("regelingen_werkgever") or []) if version else []
        if not keys:
            return []
        return list(
            Regeling.objects.filter(key__in=keys, soort=Regeling.Soort.WERKGEVER, active=True)
        )

    # --- for display -------------------------------------------------------------------

    def checklist(self) -> list[tuple[str, bool]]:
        done = set(self.buddy_checklist or [])
        return [(label, key in done) for key, label in BUDDY_CHECKLIST]

    @property
    def onboarding(self) -> list[tuple[str, str]]:
        return self._texts(ONBOARDING_FIELDS)

    @property
    def preventie(self) -> list[tuple[str, str]]:
        return self._texts(PREVENTIE_FIELDS)

    def _texts(self, names: list[str]) -> list[tuple[str, str]]:
        return [(self._meta.get_field(n).verbose_name, getattr(self, n)) for n in names]


class OpbouwStap(models.Model):
    """One step of the planned build-up of hours (notes 20, 26, 29): from this week on,
    this many hours; and later, the hours actually worked that week."""

    plaatsing = models.ForeignKey(Plaatsing, on_delete=models.CASCADE, related_name="opbouw")
    week_start = models.DateField(_("week vanaf"))
    planned_hours = models.DecimalField(
        _("uren gepland"), max_digits=4, decimal_places=1, validators=HOURS_VALIDATORS
    )
    actual_hours = models.DecimalField(
        _("uren gewerkt"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=HOURS_VALIDATORS,
    )
    reason = models.CharField(_("reden voor minder uren"), max_length=500, blank=True)

    class Meta:
        ordering = ["week_start", "pk"]
        verbose_name = _("opbouwstap")
        verbose_name_plural = _("opbouw van uren")

    def __str__(self) -> str:
        return f"{self.week_start:%d-%m-%Y}: {self.planned_hours}"

    @staticmethod
    def plan_errors(
        steps: list[OpbouwStap], start_date: datetime.date, today: datetime.date
    ) -> dict[int, dict[str, str]]:
        """Check a whole build-up plan at once. Returns the errors per position in `steps`:
        a week twice, a week that ends before the start, fewer hours than the step before
        without a reason, or hours worked in a week that has not begun."""
        errors: dict[int, dict[str, str]] = {}
        previous: OpbouwStap | None = None
        for i in sorted(range(len(steps)), key=lambda i: steps[i].week_start):
            step, found = steps[i], {}
            if previous is not None and step.week_start == previous.week_start:
                found["week_start"] = _(
                    "Deze week staat al in het plan. Kies een andere week, of pas de regel van "
                    "die week aan."
                )
            elif step.week_start + datetime.timedelta(days=6) < start_date:
                found["week_start"] = _(
                    "Deze week is al voorbij vóór de startdatum (%(date)s). Kies een latere week."
                ) % {"date": date_text(start_date)}
            elif (
                previous is not None
                and step.planned_hours < previous.planned_hours
                and not step.reason.strip()
            ):
                found["reason"] = _(
                    "Hier staan minder uren dan de stap ervoor (%(hours)s uur). Schrijf kort op "
                    "waarom, bijvoorbeeld: even rustiger na een drukke periode."
                ) % {"hours": hours_text(previous.planned_hours)}
            if step.actual_hours is not None and step.week_start > today:
                found["actual_hours"] = _(
                    "Deze week is nog niet begonnen. Vul de gewerkte uren in als de week bezig of "
                    "voorbij is."
                )
            if found:
                errors[i] = found
            if "week_start" not in found:
                previous = step
        return errors
