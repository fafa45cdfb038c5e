"""Dropout (phase e): reporting it, the checklist, the contacts kept, the way back, and the
daily contact reminders. Views call these; each change is one transaction.

The evaluation of Kansen op Werk (its 2015 intervention worksheet, 4.1) missed intensified
contact on relapse: here the coach is reminded whenever the contact with the candidate or the
employer lapses for longer than the days set for the episode (notes 65-66)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.placements.models import OpbouwStap, Plaatsing
from werkpad.route.models import Party, Phase
from werkpad.text import date_text
from werkpad.trajects.models import Betrokkene, Gebeurtenis, PhaseTransition, Traject

from . import catalogue
from .models import ChecklistPunt, Contactmoment, Terugkeerplan, UitvalEpisode

REPORT_FROM = (Phase.PLAATSING, Phase.DUURZAAM)
# who hears of a report besides the coach: the people around the work and the care, and the
# regiehouder who watches the collaboration
REPORT_PARTIES = (
    Party.BEGELEIDING,
    Party.WERKGEVER,
    Party.LEIDINGGEVENDE,
    Party.ARBODIENST,
    Party.HULPVERLENING,
    Party.REGIEHOUDER,
)
# the parties whose contact the coach keeps during dropout, with a reminder when it lapses
KEPT_IN_CONTACT = (Contactmoment.Met.KANDIDAAT, Contactmoment.Met.WERKGEVER)


# --- reporting -------------------------------------------------------------------------


def open_episode(traject: Traject) -> UitvalEpisode | None:
    return traject.uitvalepisodes.filter(geeindigd_op__isnull=True).first()


def report_problem(traject: Traject, episode: UitvalEpisode | None = None) -> str:
    """Why dropout cannot be reported for this traject now ("" when it can). Pass the open
    episode when it is already known."""
    if traject.is_closed:
        return _("Dit traject is afgesloten. Uitval melden kan niet meer.")
    if traject.phase == Phase.UITVAL:
        episode = episode or open_episode(traject)
        if episode is not None:
            return _(
                "Er is al uitval gemeld sinds %(date)s. Je vindt de checklist en het contact "
                "op de pagina van die uitval."
            ) % {"date": date_text(episode.begonnen_op)}
        return _("Het traject staat al in de fase Uitval.")
    if traject.phase not in REPORT_FROM:
        return _(
            "Uitval melden kan als iemand aan het werk is: in de fase Plaatsing of Duurzame "
            "inzetbaarheid. Dit traject staat in de fase %(phase)s."
        ) % {"phase": traject.get_phase_display()}
    return ""


def active_plaatsing(traject: Traject) -> Plaatsing | None:
    """The placement the candidate works in now: the newest one that has not ended."""
    return traject.plaatsingen.filter(ended_on__isnull=True).order_by("-start_date", "-pk").first()


@transaction.atomic
def report(
    traject: Traject,
    by,
    *,
    begonnen_op: datetime.date,
    reden: str,
    plaatsing: Plaatsing | None = None,
    contact_elke_dagen: int = 7,
) -> UitvalEpisode:
    """Report dropout: the traject moves to phase e, an episode with its checklist starts, the
    timeline shows it and the coach and the other people involved get an alert."""
    # lock the traject and read its phase afresh, so that two reports at once make one episode
    Traject.objects.select_for_update().filter(pk=traject.pk).values("pk").first()
    traject.refresh_from_db(fields=["phase", "phase_since", "closed_at"])
    if problem := report_problem(traject):
        raise ValidationError({NON_FIELD_ERRORS: [problem]})
    transition = traject.move_to(Phase.UITVAL, by, reason=reden)
    episode = UitvalEpisode.objects.create(
        traject=traject,
        plaatsing=plaatsing,
        begonnen_op=begonnen_op,
        reden=reden.strip(),
        gemeld_door=by,
        transition=transition,
        contact_elke_dagen=contact_elke_dagen,
    )
    ChecklistPunt.objects.bulk_create(
        ChecklistPunt(episode=episode, key=key) for key in catalogue.punten()
    )
    Gebeurtenis.objects.create(
        traject=traject,
        kind=Gebeurtenis.Kind.UITVAL,
        actor=by,
        detail={"episode": episode.pk, "event": "start"},
    )
    _alert_report(episode, traject, by)
    return episode


def _alert_report(episode: UitvalEpisode, traject: Traject, by) -> None:
    from werkpad.notifications.service import notify

    url = reverse("uitval:detail", args=[episode.pk])
    sleutel = f"uitval:{episode.pk}:gemeld"
    others = [u for u in _users(traject, REPORT_PARTIES) if u.pk != getattr(by, "pk", None)]
    notify(
        others,
        soort="uitval",
        titel=_("Uitval gemeld: %(name)s") % {"name": traject.kandidaat},
        tekst=_(
            "Uitval vanaf %(date)s, gemeld door %(by)s. Op de uitvalpagina staan de checklist, "
            "het uitvalplan en (als die met je gedeeld is) de crisiskaart."
        )
        % {"date": date_text(episode.begonnen_op), "by": by},
        url=url,
        sleutel=sleutel,
        traject=traject,
        niveau="rood",
    )
    kandidaat_user = traject.kandidaat.user
    if kandidaat_user is not None and kandidaat_user.pk != getattr(by, "pk", None):
        notify(
            [kandidaat_user],
            soort="uitval",
            titel=_("Even niet aan het werk"),
            tekst=_(
                "%(by)s heeft gemeld dat werken nu even niet gaat. Je jobcoach neemt contact "
                "met je op. Iedereen volgt wat jij op je crisiskaart hebt gezet."
            )
            % {"by": by},
            url=url,
            sleutel=sleutel,
            traject=traject,
        )


def _users(traject: Traject, parties: Iterable[str]) -> list:
    """The active user accounts of the traject's betrokkenen of these parties, once each."""
    seen: dict[int, object] = {}
    for b in (
        Betrokkene.objects.filter(
            traject=traject, party__in=list(parties), user__isnull=False, user__is_active=True
        )
        .select_related("user")
        .order_by("pk")
    ):
        seen.setdefault(b.user_id, b.user)
    return list(seen.values())


# --- the checklist and the helplines ---------------------------------------------------


def tick(punt: ChecklistPunt, by, *, gedaan: bool, notitie: str) -> ChecklistPunt:
    """Tick a point (who and when are recorded) or untick it; the note stays."""
    if gedaan and not punt.gedaan:
        punt.gedaan_op, punt.door = timezone.now(), by
    elif not gedaan:
        punt.gedaan_op, punt.door = None, None
    punt.gedaan = gedaan
    punt.notitie = notitie.strip()
    punt.save(update_fields=["gedaan", "gedaan_op", "door", "notitie"])
    return punt


def set_hulplijnen(episode: UitvalEpisode, keys: Iterable[str]) -> None:
    known = catalogue.hulplijnen()
    episode.hulplijnen = [k for k in known if k in set(keys)]  # in catalogue order
    episode.save(update_fields=["hulplijnen"])


# --- contact kept (notes 65-66) --------------------------------------------------------


@transaction.atomic
def add_contact(
    episode: UitvalEpisode,
    by,
    *,
    met: str,
    datum: datetime.date,
    hoe: str,
    notitie: str = "",
) -> Contactmoment:
    """Record a contact. The timeline says with whom and how; the note stays on the episode
    page."""
    contact = Contactmoment.objects.create(
        episode=episode, met=met, datum=datum, hoe=hoe, notitie=notitie.strip(), door=by
    )
    Gebeurtenis.objects.create(
        traject_id=episode.traject_id,
        kind=Gebeurtenis.Kind.CONTACT,
        actor=by,
        detail={"episode": episode.pk, "met": met, "hoe": hoe, "datum": datum.isoformat()},
    )
    return contact


def last_contact(contacts: Iterable[Contactmoment], met: str) -> datetime.date | None:
    return max((c.datum for c in contacts if c.met == met), default=None)


def days_without_contact(
    episode: UitvalEpisode, last: datetime.date | None, today: datetime.date
) -> int:
    """Days since the last contact, or since the start when there was none yet."""
    return (today - (last or episode.begonnen_op)).days


def contact_reminders(today: datetime.date) -> dict:
    """For every open episode: when the contact with the candidate (or with the employer)
    lapsed for `contact_elke_dagen` days or more, remind the coach(es). One reminder per gap:
    the key holds the date the gap started, so a new contact starts a new gap."""
    from werkpad.notifications.service import notify

    episodes = list(
        UitvalEpisode.objects.filter(geeindigd_op__isnull=True, traject__closed_at__isnull=True)
        .select_related("traject__kandidaat")
        .annotate(
            laatste_kandidaat=Max(
                "contacten__datum", filter=Q(contacten__met=Contactmoment.Met.KANDIDAAT)
            ),
            laatste_werkgever=Max(
                "contacten__datum", filter=Q(contacten__met=Contactmoment.Met.WERKGEVER)
            ),
        )
    )
    coaches: dict[int, list] = {}
    for b in Betrokkene.objects.filter(
        traject__in=[e.traject_id for e in episodes],
        party=Party.BEGELEIDING,
        user__isnull=False,
        user__is_active=True,
    ).select_related("user"):
        coaches.setdefault(b.traject_id, []).append(b.user)
    made = 0
    for episode in episodes:
        name = episode.traject.kandidaat
        for met, last in (
            (Contactmoment.Met.KANDIDAAT, episode.laatste_kandidaat),
            (Contactmoment.Met.WERKGEVER, episode.laatste_werkgever),
        ):
            if met == Contactmoment.Met.WERKGEVER and episode.plaatsing_id is None:
                continue  # no employer to keep in touch with
            days = days_without_contact(episode, last, today)
            if days < episode.contact_elke_dagen:
                continue
            since = last or episode.begonnen_op
            titel = (
                _("Al %(days)s dagen geen contact met %(name)s")
                if met == Contactmoment.Met.KANDIDAAT
                else _("Al %(days)s dagen geen contact met de werkgever van %(name)s")
            ) % {"days": days, "name": name}
            made += len(
                notify(
                    coaches.get(episode.traject_id, []),
                    soort="contact",
                    titel=titel,
                    tekst=_(
                        "Tijdens uitval blijf je in contact, ook als er even geen werk is. "
                        "Leg het contact vast op de uitvalpagina."
                    ),
                    url=reverse("uitval:detail", args=[episode.pk]),
                    sleutel=f"uitval:{episode.pk}:contact:{met}:{since.isoformat()}",
                    traject=episode.traject,
                    niveau="oranje",
                )
            )
    return {"open": len(episodes), "herinneringen": made}


# --- the way back ----------------------------------------------------------------------


def opbouw_reeks(
    start: Decimal, stap: Decimal, weken: int, doel: Decimal, eerste_dag: datetime.date
) -> list[tuple[datetime.date, Decimal]]:
    """A new build-up from the first day back: `start` hours, `stap` more every `weken`
    weeks, up to `doel` (the placement's target hours)."""
    hours = min(Decimal(start), Decimal(doel))
    steps = [(eerste_dag, hours)]
    while hours < doel and stap > 0:
        hours = min(hours + Decimal(stap), Decimal(doel))
        steps.append((eerste_dag + datetime.timedelta(weeks=weken * len(steps)), hours))
    return steps


def rebuild_opbouw(plaatsing: Plaatsing, plan: Terugkeerplan) -> list[OpbouwStap]:
    """Replace the planned steps from the first day back with a new series. Earlier steps stay,
    and so does every step with hours worked filled in (it gets the new planned hours when it
    falls on a new step)."""
    later = plaatsing.opbouw.filter(week_start__gte=plan.terug_op)
    kept = {s.week_start: s for s in later.filter(actual_hours__isnull=False)}
    later.filter(actual_hours__isnull=True).delete()
    reason = _("Opnieuw opbouwen na uitval")
    steps = []
    reeks = opbouw_reeks(
        plan.start_uren, plan.stap_uren, plan.weken_per_stap, plaatsing.contract_uren, plan.terug_op
    )
    for i, (week, hours) in enumerate(reeks):
        step = kept.get(week) or OpbouwStap(plaatsing=plaatsing, week_start=week)
        step.planned_hours = hours
        if i == 0 and not step.reason:
            step.reason = reason  # fewer hours than before the dropout, and why
        step.save()
        steps.append(step)
    return steps


@transaction.atomic
def return_to_work(episode: UitvalEpisode, by, plan: Terugkeerplan, wat_hielp: str = "") -> None:
    """The way back: save the return plan, restart the build-up, move the traject back to
    c or d and end the episode."""
    traject = episode.traject
    transition = traject.move_to(
        plan.naar_fase,
        by,
        reason=_("Terug naar werk vanaf %(date)s, volgens het terugkeerplan.")
        % {"date": date_text(plan.terug_op)},
    )
    plan.episode = episode
    plan.created_by = by
    plan.save()
    if episode.plaatsing_id:
        rebuild_opbouw(episode.plaatsing, plan)
    episode.wat_hielp = wat_hielp.strip()
    einde = (
        UitvalEpisode.Einde.TERUG_PLAATSING
        if plan.naar_fase == Phase.PLAATSING
        else UitvalEpisode.Einde.TERUG_DUURZAAM
    )
    end(episode, by, transition=transition, einde=einde, on=plan.terug_op)


@transaction.atomic
def close_traject(
    episode: UitvalEpisode, by, *, outcome: str, reason: str, wat_hielp: str = ""
) -> None:
    """Close the traject from dropout. The episode ends with it (see `end_on_close`)."""
    episode.wat_hielp = wat_hielp.strip()
    episode.save(update_fields=["wat_hielp"])
    episode.traject.close(outcome, by, reason)
    episode.refresh_from_db()


def end(
    episode: UitvalEpisode,
    by,
    *,
    transition: PhaseTransition,
    einde: str,
    on: datetime.date,
) -> None:
    episode.geeindigd_op = on
    episode.einde = einde
    episode.eind_transition = transition
    episode.save()
    Gebeurtenis.objects.create(
        traject_id=episode.traject_id,
        kind=Gebeurtenis.Kind.UITVAL,
        actor=by,
        detail={"episode": episode.pk, "event": "end", "einde": einde},
    )


def end_on_close(sender, instance: PhaseTransition, created: bool, **kwargs) -> None:
    """A traject closed while in dropout (here or on the general close page) ends its open
    episode too, so no episode stays open on a closed traject."""
    if not created or not instance.is_closing:
        return
    episode = UitvalEpisode.objects.filter(
        traject_id=instance.traject_id, geeindigd_op__isnull=True
    ).first()
    if episode is not None:
        end(
            episode,
            instance.by,
            transition=instance,
            einde=UitvalEpisode.Einde.AFGESLOTEN,
            on=timezone.localdate(instance.at),
        )
