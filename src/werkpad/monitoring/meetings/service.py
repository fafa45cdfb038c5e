"""Three-party meetings (driegesprekken, note 56): the candidate, the supervisor and the coach
talk about how the work goes. The rules live here: the proposed agenda, planning, changing and
cancelling (each change raises the iCalendar SEQUENCE), the minutes with their agreements and
mailing the invitation (the .ics itself is made in `ics.py`, the placement page's panel in
`panel.py`). The views only call these functions.

The agenda is seen by everyone who sees the placement, the employer's people included. So the
proposal only names signals from the check-ins when the candidate shares "checkins" with every
party of the employer's side; otherwise it asks a neutral question. The e-mailed invitation
never carries the agenda: it links to Werkpad instead."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.employers.policy import EMPLOYER_STAFF
from werkpad.instruments.policy import current_sharing
from werkpad.placements.models import EMPLOYER_PARTIES, OpbouwStap, Plaatsing
from werkpad.route.models import Party, Phase
from werkpad.text import date_text, hours_text
from werkpad.trajects.models import Afspraak, Betrokkene, TrajectMilestone

from ..models import Driegesprek, MonitoringSchema, Niveau, Ontwikkelstap
from . import ics
from .ics import local_tz

# the parties around the table whose milestones and agreements the agenda may name; the
# candidate's own milestones (crisis card, recovery plan) stay out: the supervisor sees the
# agenda, and those belong to the candidate's own record
AGENDA_PARTIES = [*EMPLOYER_PARTIES, Party.BEGELEIDING]
AGREEMENT_PARTIES = [Party.KANDIDAAT, *AGENDA_PARTIES]
# who an agreement from the minutes can be for: candidate, supervisor, coach, HR
AFSPRAAK_PARTIES = [Party.KANDIDAAT, Party.LEIDINGGEVENDE, Party.BEGELEIDING, Party.WERKGEVER]
MAX_MILESTONE_ITEMS = 6
# how far ahead a meeting can be planned
MAX_AHEAD = datetime.timedelta(days=366)


def _local_date(value: datetime.datetime) -> str:
    return date_text(value.astimezone(local_tz()).date())


def _time(value: datetime.datetime) -> str:
    return formats.time_format(value.astimezone(local_tz()), "H:i")


# --- proposal for a new meeting ------------------------------------------------------------


def default_locatie(plaatsing: Plaatsing) -> str:
    """The job's location as one line: name, address, postcode and place."""
    locatie = plaatsing.functie.locatie
    place = " ".join(p for p in (locatie.postcode, locatie.city) if p)
    return ", ".join(p for p in (locatie.name, locatie.address, place) if p)


def checkins_shared_with_employer(plaatsing: Plaatsing) -> bool:
    """Does the candidate share "checkins" with every party of the employer's side that can
    see this placement (always the supervisor's party, and the parties of the employer's
    people with an account)? The same sharing that decides `plaatsing.monitoring`."""
    kandidaat = plaatsing.traject.kandidaat
    sharing = current_sharing(kandidaat)
    if sharing is None:
        return False
    parties = {Party.LEIDINGGEVENDE}
    parties |= set(
        Betrokkene.objects.filter(
            traject_id=plaatsing.traject_id, user__role__in=EMPLOYER_STAFF
        ).values_list("party", flat=True)
    )
    return all("checkins" in sharing.categories_for(party) for party in parties)


def propose_agenda(plaatsing: Plaatsing, today: datetime.date | None = None) -> list[str]:
    """A proposed agenda, one item per line, for the coach to edit. Costs a fixed number of
    queries."""
    today = today or timezone.localdate()
    traject = plaatsing.traject
    items = [_("Hoe gaat het? Wat gaat goed in het werk?")]
    items += _signal_items(plaatsing)
    items += _milestone_items(plaatsing)
    afspraken = (
        Afspraak.objects.filter(
            traject=traject, status=Afspraak.Status.OPEN, who__party__in=AGREEMENT_PARTIES
        )
        .select_related("who__user")
        .order_by("due_date", "pk")
    )
    for a in afspraken:
        items.append(
            _("Afspraak: %(what)s (%(who)s, uiterlijk %(date)s)")
            % {"what": a.what, "who": a.who.display_name, "date": date_text(a.due_date)}
        )
    stappen = plaatsing.ontwikkelstappen.filter(status=Ontwikkelstap.Status.BEZIG)
    for stap in stappen.order_by("streefdatum", "pk"):
        items.append(_("Ontwikkelstap: %(doel)s") % {"doel": stap.doel})
    items.append(_opbouw_item(plaatsing, list(plaatsing.opbouw.all()), today))
    items.append(_("Afspraken maken en het volgende driegesprek plannen"))
    return items


def _signal_items(plaatsing: Plaatsing) -> list[str]:
    schema = MonitoringSchema.objects.filter(plaatsing=plaatsing).first()
    if schema is None or schema.niveau == Niveau.GROEN:
        return []
    if not checkins_shared_with_employer(plaatsing):
        return [
            _("Hoe gaat het met het werk? (uit de check-ins)"),
            _("Wat helpt nu om het werk goed vol te houden?"),
        ]
    reasons = [str(r) for r in schema.redenen or [] if str(r).strip()]
    if not reasons:
        return [_("Hoe gaat het met het werk? (uit de check-ins)")]
    return [_("Uit de check-ins: %(reden)s") % {"reden": r} for r in reasons]


def _milestone_items(plaatsing: Plaatsing) -> list[str]:
    """The open milestones of the parties around the table, up to the current phase (c, or
    c and d); those already in progress and with a date first."""
    traject = plaatsing.traject
    phases = [Phase.PLAATSING]
    if traject.phase != Phase.PLAATSING:
        phases.append(Phase.DUURZAAM)
    milestones = list(
        TrajectMilestone.objects.filter(
            traject=traject,
            status__in=[TrajectMilestone.Status.OPEN, TrajectMilestone.Status.BEZIG],
            route_milestone__party__in=AGENDA_PARTIES,
            route_milestone__phase__in=phases,
        ).select_related("route_milestone")
    )
    milestones.sort(
        key=lambda m: (
            m.status != TrajectMilestone.Status.BEZIG,
            m.due_date is None,
            m.due_date or datetime.date.max,
            m.route_milestone.position,
        )
    )
    items = [
        _("Mijlpaal: %(title)s (%(party)s)")
        % {"title": m.route_milestone.title, "party": m.route_milestone.get_party_display()}
        for m in milestones[:MAX_MILESTONE_ITEMS]
    ]
    if len(milestones) > MAX_MILESTONE_ITEMS:
        items.append(
            _("Nog %(n)s open mijlpalen: kies wat nu aandacht nodig heeft")
            % {"n": len(milestones) - MAX_MILESTONE_ITEMS}
        )
    return items


def _opbouw_item(plaatsing: Plaatsing, steps: list[OpbouwStap], today: datetime.date) -> str:
    doel = hours_text(plaatsing.contract_uren)
    if not steps:
        return _("Opbouw van de uren: nog niet gepland (doel %(doel)s uur per week)") % {
            "doel": doel
        }
    started = [s for s in steps if s.week_start <= today]
    later = [s for s in steps if s.week_start > today]
    parts = []
    if started:
        now = started[-1]
        parts.append(_("nu %(uren)s uur per week") % {"uren": hours_text(now.planned_hours)})
        worked = [s for s in started if s.actual_hours is not None]
        if worked:
            parts.append(
                _("laatst gewerkt %(uren)s uur") % {"uren": hours_text(worked[-1].actual_hours)}
            )
    if later:
        parts.append(
            _("volgende stap %(uren)s uur vanaf %(date)s")
            % {"uren": hours_text(later[0].planned_hours), "date": date_text(later[0].week_start)}
        )
    return _("Opbouw van de uren: %(stand)s (doel %(doel)s uur per week)") % {
        "stand": ", ".join(parts),
        "doel": doel,
    }


def propose_meeting(plaatsing: Plaatsing) -> dict:
    """Initial values for the planning form: next week at ten, 45 minutes, at the job's
    location, with the proposed agenda."""
    return {
        "datum": timezone.localdate() + datetime.timedelta(days=7),
        "tijd": datetime.time(10, 0),
        "duur_minuten": 45,
        "locatie": default_locatie(plaatsing),
        "agenda": "\n".join(propose_agenda(plaatsing)),
    }


# --- planning, changing, cancelling -------------------------------------------------------

PLAN_FIELDS = ("begint_om", "duur_minuten", "locatie", "agenda")


def starts_at(datum: datetime.date, tijd: datetime.time) -> datetime.datetime:
    """A date and a clock time in Amsterdam as one moment."""
    return datetime.datetime.combine(datum, tijd, tzinfo=local_tz())


def plan_meeting(plaatsing: Plaatsing, by: User, **fields) -> Driegesprek:
    """A new meeting (SEQUENCE 0)."""
    gesprek = Driegesprek(plaatsing=plaatsing, created_by=by)
    for name in PLAN_FIELDS:
        setattr(gesprek, name, fields[name])
    gesprek.full_clean()
    gesprek.save()
    return gesprek


def change_meeting(gesprek: Driegesprek, **fields) -> bool:
    """Change date, time, length, place or agenda. A real change raises the SEQUENCE so that
    calendars replace the old invitation. Returns whether anything changed."""
    if gesprek.status != Driegesprek.Status.GEPLAND:
        raise ValidationError(_("Alleen een gepland driegesprek kun je nog wijzigen."))
    changed = [n for n in PLAN_FIELDS if getattr(gesprek, n) != fields[n]]
    if not changed:
        return False
    for name in changed:
        setattr(gesprek, name, fields[name])
    gesprek.volgnummer += 1
    gesprek.full_clean()
    gesprek.save()
    return True


def cancel_meeting(gesprek: Driegesprek) -> None:
    """Cancel: status afgezegd and a new SEQUENCE (the invitation becomes a cancellation)."""
    if gesprek.status != Driegesprek.Status.GEPLAND:
        raise ValidationError(_("Alleen een gepland driegesprek kun je afzeggen."))
    gesprek.status = Driegesprek.Status.AFGEZEGD
    gesprek.volgnummer += 1
    gesprek.save(update_fields=["status", "volgnummer", "updated_at"])


def minutes_problem(gesprek: Driegesprek, now: datetime.datetime | None = None) -> str:
    """Why no minutes can be written now ('' when they can)."""
    now = now or timezone.now()
    if gesprek.status == Driegesprek.Status.AFGEZEGD:
        return _("Dit driegesprek is afgezegd; er is geen verslag bij.")
    if gesprek.begint_om > now:
        return _(
            "Dit driegesprek is nog niet geweest: het staat gepland op %(date)s om %(time)s. "
            "Het verslag schrijf je na het gesprek."
        ) % {"date": _local_date(gesprek.begint_om), "time": _time(gesprek.begint_om)}
    return ""


@transaction.atomic
def save_minutes(
    gesprek: Driegesprek, by: User, verslag: str, afspraken: list[dict]
) -> list[Afspraak]:
    """Save the minutes, mark the meeting as held and record the new agreements on the
    traject (and its timeline)."""
    problem = minutes_problem(gesprek)
    if problem:
        raise ValidationError(problem)
    gesprek.verslag = verslag.strip()
    gesprek.status = Driegesprek.Status.GEHOUDEN
    gesprek.save(update_fields=["verslag", "status", "updated_at"])
    created = []
    for data in afspraken:
        afspraak = Afspraak.objects.create(
            traject_id=gesprek.plaatsing.traject_id,
            what=data["wat"].strip(),
            who=data["wie"],
            due_date=data["uiterlijk_op"],
            created_by=by,
        )
        afspraak.record(by, created=True)
        created.append(afspraak)
    if created:
        gesprek.afspraken.add(*created)
    return created


# --- who takes part -------------------------------------------------------------------------


@dataclass
class Deelnemer:
    """One of the three around the table, with the e-mail address where known."""

    rol: str  # kandidaat | leidinggevende | begeleider
    label: str
    naam: str
    roepnaam: str
    email: str = ""


@dataclass
class Deelnemers:
    kandidaat: Deelnemer
    leidinggevende: Deelnemer
    begeleider: Deelnemer | None
    coach: User | None = None

    @property
    def all(self) -> list[Deelnemer]:
        return [d for d in (self.kandidaat, self.leidinggevende, self.begeleider) if d]


def coach_of(plaatsing: Plaatsing) -> User | None:
    """The traject's coach (the first betrokkene of party begeleiding with an account)."""
    betrokkene = (
        Betrokkene.objects.filter(
            traject_id=plaatsing.traject_id, party=Party.BEGELEIDING, user__isnull=False
        )
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return betrokkene.user if betrokkene else None


def deelnemers(gesprek: Driegesprek) -> Deelnemers:
    """Candidate, supervisor and coach. Two or three queries, whatever the data."""
    plaatsing = gesprek.plaatsing
    kandidaat = plaatsing.traject.kandidaat
    lg = plaatsing.leidinggevende
    coach = coach_of(plaatsing) or gesprek.created_by
    ids = [i for i in (kandidaat.user_id, lg.user_id) if i]
    users = User.objects.in_bulk(ids) if ids else {}

    def email(own: str, user_id: int | None) -> str:
        user = users.get(user_id)
        return own.strip() or (user.email if user and user.is_active else "")

    return Deelnemers(
        kandidaat=Deelnemer(
            "kandidaat",
            _("Kandidaat"),
            kandidaat.full_name,
            kandidaat.first_name,
            email(kandidaat.email, kandidaat.user_id),
        ),
        leidinggevende=Deelnemer(
            "leidinggevende",
            _("Leidinggevende"),
            lg.name,
            (lg.name.split() or [""])[0],
            email(lg.email, lg.user_id),
        ),
        begeleider=Deelnemer(
            "begeleider",
            _("Jobcoach"),
            str(coach),
            coach.first_name or str(coach),
            coach.email if coach.is_active else "",
        )
        if coach
        else None,
        coach=coach,
    )


# --- sending the invitation -------------------------------------------------------------------


@dataclass
class Verzending:
    """What happened when the invitation was mailed."""

    verstuurd: list[Deelnemer] = field(default_factory=list)
    al_verstuurd: list[Deelnemer] = field(default_factory=list)
    zonder_adres: list[Deelnemer] = field(default_factory=list)


def mail_sleutel(gesprek: Driegesprek, email: str) -> str:
    """One e-mail per meeting, version and address: re-sending the same version sends nothing,
    a changed meeting (new volgnummer) sends once more."""
    digest = hashlib.sha256(email.strip().casefold().encode()).hexdigest()[:24]
    return f"driegesprek:{gesprek.pk}:v{gesprek.volgnummer}:{digest}"


def invitation_problem(gesprek: Driegesprek, now: datetime.datetime | None = None) -> str:
    """Why the invitation cannot be mailed now ('' when it can)."""
    now = now or timezone.now()
    if gesprek.status == Driegesprek.Status.GEHOUDEN:
        return _("Dit driegesprek is al gehouden; een uitnodiging sturen is niet meer nodig.")
    if gesprek.status == Driegesprek.Status.GEPLAND and gesprek.begint_om <= now:
        return _(
            "Dit driegesprek is al begonnen of voorbij. Plan een nieuw driegesprek om een "
            "uitnodiging te sturen."
        )
    return ""


def send_invitation(gesprek: Driegesprek) -> Verzending:
    """Mail the invitation (or the cancellation) as .ics to the three, where an address is
    known. The mail and its .ics carry no agenda and no health data: a first name, the time,
    the place and a link into Werkpad."""
    from werkpad.notifications.service import absolute_url, queue_mail

    link = absolute_url(reverse("monitoring:driegesprek_detail", args=[gesprek.pk]))
    problem = invitation_problem(gesprek)
    if problem:
        raise ValidationError(problem)
    mensen = deelnemers(gesprek)
    result = Verzending()
    cancelled = gesprek.status == Driegesprek.Status.AFGEZEGD
    with translation.override(settings.LANGUAGE_CODE):
        bestand = ics.render(gesprek, mensen, link=link, met_agenda=False)
        mimetype = f"text/calendar; method={'CANCEL' if cancelled else 'REQUEST'}"
        seen: set[str] = set()
        for persoon in mensen.all:
            if not persoon.email:
                result.zonder_adres.append(persoon)
                continue
            if persoon.email.casefold() in seen:
                continue
            seen.add(persoon.email.casefold())
            onderwerp, tekst = _mail_text(gesprek, persoon, link, cancelled)
            bericht = queue_mail(
                persoon.email,
                onderwerp=onderwerp,
                tekst=tekst,
                sleutel=mail_sleutel(gesprek, persoon.email),
                bijlage=(ics.filename(gesprek), bestand, mimetype),
            )
            (result.verstuurd if bericht is not None else result.al_verstuurd).append(persoon)
    return result


def _mail_text(gesprek: Driegesprek, persoon: Deelnemer, link: str, cancelled: bool):
    values = {
        "naam": persoon.roepnaam,
        "date": _local_date(gesprek.begint_om),
        "time": _time(gesprek.begint_om),
        "link": link,
    }
    if cancelled:
        onderwerp = _("Driegesprek afgezegd")
        tekst = _(
            "Hallo %(naam)s,\n\nHet driegesprek van %(date)s om %(time)s gaat niet door. In de "
            "bijlage staat de afzegging voor je agenda.\n\nMeer weten? Kijk in Werkpad:\n"
            "%(link)s\n"
        )
    else:
        onderwerp = _("Uitnodiging voor een driegesprek")
        tekst = _(
            "Hallo %(naam)s,\n\nJe bent uitgenodigd voor een driegesprek op %(date)s om "
            "%(time)s. In de bijlage staat de uitnodiging; zo zet je het gesprek in je "
            "agenda.\n\nDe agenda van het gesprek staat in Werkpad:\n%(link)s\n"
        )
    return onderwerp, tekst % values


def with_send_status(gesprek: Driegesprek, mensen: Deelnemers) -> list[tuple[Deelnemer, bool]]:
    """Each participant with whether this version's invitation was mailed to them (one
    query)."""
    from werkpad.notifications.models import Bericht

    keys = {p.email: mail_sleutel(gesprek, p.email) for p in mensen.all if p.email}
    sent = set(
        Bericht.objects.filter(sleutel__in=keys.values()).values_list("sleutel", flat=True)
        if keys
        else []
    )
    return [(p, bool(p.email) and keys[p.email] in sent) for p in mensen.all]
