"""Monitoring a placement: plan the check-ins and send their reminders, turn the check-ins
into a traffic light (the pure rules in `monitoring.rules.engine`) and alert the coach when
the light turns orange or red.

- `save_checkin(...)`: store a check-in and assess its placement, in one transaction.
- `assess_placement(plaatsing)`: one placement (what `save_checkin` runs after saving).
- `plan_checkins(today)`, `assess_all(today)`, `daily_round(today)`: every active
  placement at once, from the daily task in `werkpad.notifications.tasks`. These read in chunks
  of placements (a handful of queries per chunk, rows ordered by placement) and write in
  bulk, so that 100,000 placements fit in well under a minute (see `bench/alerts.py`).
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import batched

from django.conf import settings
from django.db import transaction
from django.db.models import F, Model, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from werkpad.instruments.models import InstrumentVersie
from werkpad.placements.models import Plaatsing
from werkpad.route.models import Party, Phase
from werkpad.text import dutch_date, dutch_list
from werkpad.trajects.models import Afspraak, Betrokkene, Kandidaat, Traject

from ..models import (
    Beoordeling,
    CheckInMoment,
    KandidaatCheckIn,
    LeidinggevendeCheckIn,
    MonitoringSchema,
    Niveau,
    save_changes,
)
from ..rules import engine
from . import tokens

# a placement is followed in these phases (in phase e, uitval, the dropout part takes over)
ACTIVE_PHASES = (Phase.PLAATSING, Phase.DUURZAAM)
# how far back the rules look: enough for every window in signaalregels.yaml
HISTORY_DAYS = 91
# placements per chunk in the daily round
CHUNK = 2000
ALERT_LEVELS = (Niveau.ORANJE, Niveau.ROOD)
_RANK = {name: rank for rank, name in enumerate(engine.LEVELS)}
# why the contact is more frequent, per rule that intensifies it
INTENSIFY_WHY = {"dalende_trend": gettext_lazy("de lijn daalt")}

_SPLIT = re.compile(r"[\n\r,;•·▪◦]+")
_STRIP = " \t-–—*•·.:"


# --- which placements ------------------------------------------------------------------


def active_plaatsingen(today: datetime.date | None = None) -> QuerySet[Plaatsing]:
    """Placements that are followed: traject open and in phase c or d, not ended."""
    today = today or timezone.localdate()
    return Plaatsing.objects.filter(
        traject__closed_at__isnull=True, traject__phase__in=ACTIVE_PHASES
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))


def is_active(plaatsing: Plaatsing, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    traject = plaatsing.traject
    return (
        not traject.is_closed
        and traject.phase in ACTIVE_PHASES
        and (plaatsing.ended_on is None or plaatsing.ended_on > today)
    )


# --- the candidate's own signals ---------------------------------------------------------


def split_signalen(text: str) -> list[str]:
    """Phrases from a free text: split on new lines, commas, semicolons and bullets."""
    phrases: list[str] = []
    seen: set[str] = set()
    for part in _SPLIT.split(str(text or "")):
        phrase = " ".join(part.split()).strip(_STRIP)
        if phrase and phrase.casefold() not in seen:
            seen.add(phrase.casefold())
            phrases.append(phrase)
    return phrases


def eigen_signalen(kandidaat: Kandidaat) -> list[str]:
    """The signals from the newest 'Grenzen en signalen' of the candidate. Used by the rules
    whether or not the candidate shares them: comparing is processing, not showing."""
    data = (
        InstrumentVersie.objects.filter(kandidaat=kandidaat, kind="grenzen")
        .order_by("-number")
        .values_list("data", flat=True)
        .first()
    )
    return split_signalen((data or {}).get("signalen", ""))


def _eigen_signalen_bulk(kandidaat_ids: Iterable[int]) -> dict[int, list[str]]:
    newest = (
        InstrumentVersie.objects.filter(kandidaat=OuterRef("kandidaat"), kind="grenzen")
        .order_by("-number")
        .values("number")[:1]
    )
    rows = InstrumentVersie.objects.filter(
        kandidaat_id__in=list(kandidaat_ids), kind="grenzen", number=Subquery(newest)
    ).values_list("kandidaat_id", "data")
    return {kid: split_signalen((data or {}).get("signalen", "")) for kid, data in rows}


# --- the inputs of one assessment ----------------------------------------------------------


def _score(value: int | None) -> int | None:
    return value if value is not None and 1 <= value <= 5 else None


@dataclass(slots=True)
class _Inputs:
    """What the rules need for one placement (plain values, from the database)."""

    checkins: list[engine.CheckIn] = field(default_factory=list)
    supervisor: list[engine.SupervisorCheckIn] = field(default_factory=list)
    moments: list[tuple[int, str, datetime.date]] = field(default_factory=list)  # id, voor, datum
    filled: dict[int, datetime.date] = field(default_factory=dict)  # moment id -> check-in date

    def add_checkin(self, moment_id, datum, energie, spanning, plezier, belasting, opmerking):
        self.checkins.append(
            engine.CheckIn(
                datum,
                _score(energie),
                _score(spanning),
                _score(plezier),
                _score(belasting),
                opmerking or "",
            )
        )
        if moment_id is not None:
            self.filled[moment_id] = datum

    def add_supervisor(self, datum, gaat_goed, signalen_gezien, toelichting):
        self.supervisor.append(
            engine.SupervisorCheckIn(datum, _score(gaat_goed), signalen_gezien, toelichting or "")
        )

    def expected_dates(self) -> list[datetime.date]:
        """The candidate's planned check-ins. One that was filled in (also late, through its
        link) counts on the day it was filled in, so that it is never 'missed'."""
        return sorted(
            self.filled.get(pk, datum)
            for pk, voor, datum in self.moments
            if voor == CheckInMoment.Voor.KANDIDAAT
        )

    def last_moment(self, voor: str) -> datetime.date | None:
        dates = [datum for _pk, v, datum in self.moments if v == voor]
        return max(dates) if dates else None


CHECKIN_VALUES = ("moment_id", "datum", "energie", "spanning", "plezier", "belasting", "opmerking")
SUPERVISOR_VALUES = ("datum", "gaat_goed", "signalen_gezien", "toelichting")


def _inputs_for(plaatsing_id: int, today: datetime.date) -> _Inputs:
    since = today - datetime.timedelta(days=HISTORY_DAYS)
    inputs = _Inputs()
    window = {"plaatsing_id": plaatsing_id, "datum__gte": since, "datum__lte": today}
    for row in (
        KandidaatCheckIn.objects.filter(**window)
        .order_by("datum", "pk")
        .values_list(*CHECKIN_VALUES)
    ):
        inputs.add_checkin(*row)
    for row in (
        LeidinggevendeCheckIn.objects.filter(**window)
        .order_by("datum", "pk")
        .values_list(*SUPERVISOR_VALUES)
    ):
        inputs.add_supervisor(*row)
    inputs.moments = list(
        CheckInMoment.objects.filter(**window).order_by("datum").values_list("pk", "voor", "datum")
    )
    return inputs


# --- taking over an assessment -------------------------------------------------------------


def _take_over(
    schema: MonitoringSchema,
    assessment: engine.Assessment,
    inputs: _Inputs,
    today: datetime.date,
    now: datetime.datetime,
) -> tuple[bool, bool]:
    """Put the assessment on the schema (not saved). Returns (changed, alert): changed when
    the light or its reasons changed; alert when it is orange or red and either worse than
    before or a new kind of signal (a rule that did not apply before)."""
    old_level, old_rules, old_vaker = schema.niveau, set(schema.regels or []), schema.vaker_contact
    changed = schema.apply(assessment, at=now)
    if assessment.intensify and not old_vaker:
        _sooner(schema, inputs, today)
    alert = (
        changed
        and assessment.level in ALERT_LEVELS
        and (
            _RANK[assessment.level] > _RANK.get(old_level, 0)
            or bool(set(assessment.rule_keys) - old_rules)
        )
    )
    return changed, alert


def _sooner(schema: MonitoringSchema, inputs: _Inputs, today: datetime.date) -> None:
    """The contact just became more frequent: bring the next check-ins forward to the new
    rhythm, counted from the last planned one (never today or earlier)."""
    tomorrow = today + datetime.timedelta(days=1)
    lg_days = schema.leidinggevende_interval()
    for voor, attr, days in (
        (CheckInMoment.Voor.KANDIDAAT, "next_checkin", schema.interval(today)),
        (CheckInMoment.Voor.LEIDINGGEVENDE, "next_leidinggevende", lg_days),
    ):
        last = inputs.last_moment(voor) or today
        sooner = max(tomorrow, last + datetime.timedelta(days=days))
        if sooner < getattr(schema, attr):
            setattr(schema, attr, sooner)


def _beoordeling(plaatsing_id: int, schema: MonitoringSchema) -> Beoordeling:
    return Beoordeling(
        plaatsing_id=plaatsing_id,
        at=schema.beoordeeld_op,
        niveau=schema.niveau,
        redenen=schema.redenen,
        stappen=schema.stappen,
        regels=schema.regels,
        vaker_contact=schema.vaker_contact,
    )


def assess_placement(plaatsing: Plaatsing, today: datetime.date | None = None) -> engine.Assessment:
    """Assess one placement now (after a check-in): the light, its reasons and steps, saved
    on the schema; a Beoordeling row when it changed; an alert to the coaches when it turned
    orange or red."""
    today = today or timezone.localdate()
    schema = MonitoringSchema.for_plaatsing(plaatsing, today)
    inputs = _inputs_for(plaatsing.pk, today)
    assessment = engine.assess(
        inputs.checkins,
        inputs.supervisor,
        inputs.expected_dates(),
        today,
        eigen_signalen(plaatsing.traject.kandidaat),
    )
    with transaction.atomic():
        # the stored light, read afresh and locked: the instance cached on the placement may
        # be older (two check-ins at once, or a page that loaded it earlier), and comparing
        # with a stale light would alert twice
        schema = MonitoringSchema.objects.select_for_update().get(pk=schema.pk)
        plaatsing.monitoring = schema
        changed, alert = _take_over(schema, assessment, inputs, today, timezone.now())
        schema.save()
        if changed:
            beoordeling = _beoordeling(plaatsing.pk, schema)
            beoordeling.save()
            if alert:
                coaches = _coaches([plaatsing.traject_id])
                _alert(plaatsing.traject, plaatsing.pk, beoordeling, coaches)
    return assessment


# --- alerts --------------------------------------------------------------------------------


def _coaches(traject_ids: Iterable[int]) -> dict[int, list]:
    """The coaches (betrokkenen of party begeleiding with an account) per traject."""
    found: dict[int, list] = defaultdict(list)
    for b in Betrokkene.objects.filter(
        traject_id__in=list(traject_ids), party=Party.BEGELEIDING, user__isnull=False
    ).select_related("user"):
        found[b.traject_id].append(b.user)
    return found


def signaal_tekst(redenen: Sequence[str], stappen: Sequence[str]) -> str:
    """The alert's text: the reasons and the proposed steps, one per line."""
    parts = []
    if redenen:
        parts.append(_("Waarom:") + "\n" + "\n".join(f"- {r}" for r in redenen))
    if stappen:
        parts.append(_("Voorgestelde stappen:") + "\n" + "\n".join(f"- {s}" for s in stappen))
    return "\n\n".join(parts)


def _alert(traject: Traject, plaatsing_id: int, beoordeling: Beoordeling, coaches) -> int:
    from werkpad.notifications.models import Melding
    from werkpad.notifications.service import notify

    users = coaches.get(traject.pk, [])
    if not users:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        name = str(traject.kandidaat)
        titel = (
            _("Rood signaal: %(name)s")
            if beoordeling.niveau == Niveau.ROOD
            else _("Oranje signaal: %(name)s")
        ) % {"name": name}
        tekst = signaal_tekst(beoordeling.redenen, beoordeling.stappen)
    made = notify(
        users,
        soort=Melding.Soort.SIGNAAL,
        titel=titel,
        tekst=tekst,
        url=reverse("monitoring:detail", args=[plaatsing_id]),
        sleutel=f"signaal:{beoordeling.pk}",
        traject=traject,
        niveau=beoordeling.niveau,
    )
    return len(made)


# --- the rhythm in words --------------------------------------------------------------------


def interval_tekst(days: int) -> str:
    """7 -> 'elke week', 14 -> 'elke twee weken', 10 -> 'elke 10 dagen'."""
    named = {7: _("elke week"), 14: _("elke twee weken"), 21: _("elke drie weken")}
    named[28] = _("elke vier weken")
    if days in named:
        return named[days]
    return ngettext("elke dag", "elke %(n)s dagen", days) % {"n": days}


@dataclass(slots=True)
class Ritme:
    """The check-in rhythm of a placement, in words for the monitoring page."""

    eerste_weken: str
    later: str
    leidinggevende: str
    vaker: str  # why the contact is more frequent now ("" when it is not)


def ritme(schema: MonitoringSchema, today: datetime.date | None = None) -> Ritme:
    today = today or timezone.localdate()
    base, now = schema.base_interval(today), schema.interval(today)
    vaker = ""
    if schema.vaker_contact:
        why = [str(INTENSIFY_WHY[k]) for k in schema.regels or [] if k in INTENSIFY_WHY]
        why_text = dutch_list(why) if why else _("er signalen zijn")
        if now < base:
            vaker = _("Vaker contact: %(now)s in plaats van %(base)s, omdat %(why)s.") % {
                "now": interval_tekst(now),
                "base": interval_tekst(base),
                "why": why_text,
            }
        else:
            vaker = _(
                "Vaker contact, omdat %(why)s. De check-in is al %(now)s; vaker plant Werkpad "
                "niet vanzelf. Spreek zo nodig extra contact af."
            ) % {"why": why_text, "now": interval_tekst(now)}
        lg_base, lg_now = schema.leidinggevende_interval_days, schema.leidinggevende_interval()
        if lg_now < lg_base:
            vaker += " " + _("De leidinggevende ook: %(now)s in plaats van %(base)s.") % {
                "now": interval_tekst(lg_now),
                "base": interval_tekst(lg_base),
            }
    return Ritme(
        eerste_weken=interval_tekst(schema.interval_days),
        later=interval_tekst(schema.later_interval_days),
        leidinggevende=interval_tekst(schema.leidinggevende_interval_days),
        vaker=vaker,
    )


# --- the daily round -----------------------------------------------------------------------


def ensure_schemas(today: datetime.date) -> int:
    """Make the schedule of every active placement that has none yet (in bulk)."""
    missing = active_plaatsingen(today).filter(monitoring__isnull=True)
    made = 0
    for chunk in batched(list(missing.values_list("pk", "start_date")), CHUNK):
        MonitoringSchema.objects.bulk_create(
            [
                MonitoringSchema(plaatsing_id=pk, **MonitoringSchema.first_dates(start, today))
                for pk, start in chunk
            ],
            ignore_conflicts=True,
        )
        made += len(chunk)
    return made


ASSESSMENT_FIELDS = [
    "niveau",
    "redenen",
    "stappen",
    "regels",
    "vaker_contact",
    "contact_binnen_dagen",
    "beoordeeld_op",
    "next_checkin",
    "next_leidinggevende",
]


def _update_grouped(schemas: Sequence[MonitoringSchema], fields: list[str]) -> None:
    """Save these fields of many schemas: one UPDATE per distinct set of values (most
    schemas share theirs: the same next date, the same reasons), much cheaper than
    `bulk_update`'s CASE per row and field."""
    groups: dict[str, tuple[dict, list[int]]] = {}
    for schema in schemas:
        values = {name: getattr(schema, name) for name in fields}
        key = json.dumps(values, sort_keys=True, default=str)
        groups.setdefault(key, (values, []))[1].append(schema.pk)
    for values, pks in groups.values():
        MonitoringSchema.objects.filter(pk__in=pks).update(**values)


def _advance(next_date: datetime.date, days: int, today: datetime.date) -> datetime.date:
    while next_date <= today:
        next_date += datetime.timedelta(days=days)
    return next_date


def plan_checkins(today: datetime.date | None = None) -> dict:
    """For every active placement whose next check-in (of the candidate or the supervisor)
    has come: a planned check-in for today and a reminder: an inbox message for who has an
    account, else an e-mail with the check-in link. Then the next date moves on by the
    rhythm (shorter while the contact is intensified). Safe to run twice a day: the
    moments and the reminders have keys."""
    today = today or timezone.localdate()
    ensure_schemas(today)
    due = (
        MonitoringSchema.objects.filter(plaatsing__in=active_plaatsingen(today))
        .filter(Q(next_checkin__lte=today) | Q(next_leidinggevende__lte=today))
        .order_by("pk")
    )
    counts: Counter = Counter()
    for chunk in batched(list(due.values_list("pk", flat=True)), CHUNK // 4):
        with transaction.atomic():
            _plan_chunk(chunk, today, counts)
    return dict(counts)


def _plan_chunk(schema_ids: Sequence[int], today: datetime.date, counts: Counter) -> None:
    schemas = list(
        MonitoringSchema.objects.filter(pk__in=schema_ids).select_related(
            "plaatsing__traject__kandidaat__user",
            "plaatsing__leidinggevende__user",
            "plaatsing__functie__werkgever",
        )
    )
    open_tot = CheckInMoment.closes_at(today)
    wanted = []
    for schema in schemas:
        if schema.next_checkin <= today:
            wanted.append((schema.plaatsing_id, CheckInMoment.Voor.KANDIDAAT))
        if schema.next_leidinggevende <= today:
            wanted.append((schema.plaatsing_id, CheckInMoment.Voor.LEIDINGGEVENDE))
    CheckInMoment.objects.bulk_create(
        [CheckInMoment(plaatsing_id=p, voor=v, datum=today, open_tot=open_tot) for p, v in wanted],
        ignore_conflicts=True,
    )
    moments = {
        (m.plaatsing_id, m.voor): m
        for m in CheckInMoment.objects.filter(
            plaatsing_id__in=[s.plaatsing_id for s in schemas], datum=today
        )
    }
    for schema in schemas:
        plaatsing = schema.plaatsing
        if schema.next_checkin <= today:
            moment = moments[(plaatsing.pk, CheckInMoment.Voor.KANDIDAAT)]
            counts["momenten"] += 1
            counts[_remind_kandidaat(plaatsing, moment)] += 1
            schema.next_checkin = _advance(schema.next_checkin, schema.interval(today), today)
        if schema.next_leidinggevende <= today:
            moment = moments[(plaatsing.pk, CheckInMoment.Voor.LEIDINGGEVENDE)]
            counts["momenten_leidinggevende"] += 1
            counts[_remind_leidinggevende(plaatsing, moment)] += 1
            schema.next_leidinggevende = _advance(
                schema.next_leidinggevende, schema.leidinggevende_interval(), today
            )
    _update_grouped(schemas, ["next_checkin", "next_leidinggevende"])


def _remind_kandidaat(plaatsing: Plaatsing, moment: CheckInMoment) -> str:
    """The candidate's reminder; returns what was sent (for the counts)."""
    from werkpad.notifications.models import Melding
    from werkpad.notifications.service import notify

    traject = plaatsing.traject
    kandidaat = traject.kandidaat
    user = kandidaat.user
    with translation.override(settings.LANGUAGE_CODE):
        if user is not None and user.is_active:
            notify(
                [user],
                soort=Melding.Soort.CHECKIN,
                titel=_("Tijd voor je check-in"),
                tekst=_("Hoe gaat het op je werk? Vul je check-in in. Het duurt 1 tot 2 minuten."),
                url=reverse("monitoring:checkin", args=[plaatsing.pk]),
                sleutel=f"checkin:{moment.pk}",
                traject=traject,
            )
            return "herinneringen"
        if kandidaat.email:
            _mail_link(kandidaat.email, kandidaat.first_name, moment)
            return "links_gemaild"
    return "zonder_kanaal"


def _remind_leidinggevende(plaatsing: Plaatsing, moment: CheckInMoment) -> str:
    from werkpad import access
    from werkpad.notifications.models import Melding
    from werkpad.notifications.service import notify

    contact = plaatsing.leidinggevende
    user = contact.user
    with translation.override(settings.LANGUAGE_CODE):
        if user is not None and user.is_active:
            if access.can(user, "plaatsing.checkin_leidinggevende", plaatsing):
                url = reverse("monitoring:checkin_leidinggevende", args=[plaatsing.pk])
            else:
                url = tokens.path(moment.pk)
            notify(
                [user],
                soort=Melding.Soort.CHECKIN,
                titel=_("Korte check-in over je nieuwe collega"),
                tekst=_("Hoe gaat het werk? Twee vragen, het duurt een minuut."),
                url=url,
                sleutel=f"checkin:{moment.pk}",
                traject=plaatsing.traject,
            )
            return "herinneringen"
        if contact.email:
            _mail_link(contact.email, contact.name.split(" ")[0], moment)
            return "links_gemaild"
    return "zonder_kanaal"


def _mail_link(email: str, first_name: str, moment: CheckInMoment) -> None:
    """A neutral e-mail: a first name and the link, nothing about the placement."""
    from werkpad.notifications.service import absolute_url, queue_mail

    link = absolute_url(tokens.path(moment.pk))
    tot = moment.open_tot
    text = "\n\n".join(
        [
            _("Hoi %(name)s,") % {"name": first_name},
            _("Het is tijd voor een korte check-in. Het duurt 1 tot 2 minuten."),
            link,
            _("De link werkt tot en met %(date)s.")
            % {"date": dutch_date(timezone.localtime(tot).date())},
            _("Dit bericht is automatisch verstuurd door Werkpad."),
        ]
    )
    sleutel = f"checkin-link:{moment.pk}"
    queue_mail(email, onderwerp=_("Tijd voor je check-in"), tekst=text, sleutel=sleutel)


def assess_all(today: datetime.date | None = None) -> dict:
    """The same assessment as `assess_placement`, for every active placement. Reads per chunk of
    placements (schemas, check-ins, supervisor check-ins, planned check-ins, own signals,
    each ordered by placement), writes only what changed (bulk), and alerts only on a new
    orange or red light."""
    today = today or timezone.localdate()
    ensure_schemas(today)
    ids = list(active_plaatsingen(today).order_by("pk").values_list("pk", flat=True))
    counts: Counter = Counter()
    now = timezone.now()
    for chunk in batched(ids, CHUNK):
        with transaction.atomic():
            _assess_chunk(set(chunk), chunk[0], chunk[-1], today, now, counts)
    return {"beoordeeld": len(ids), **counts}


def _rows(model: type[Model], window: dict, values: Sequence[str], by_pk: bool = True) -> Iterator:
    """`(plaatsing_id, *values)` of `model`'s rows in the `window` of a chunk, in placement
    and date order (then by pk, unless `by_pk` is off), read in chunks."""
    order = ("plaatsing_id", "datum", "pk") if by_pk else ("plaatsing_id", "datum")
    return (
        model.objects.filter(**window)
        .order_by(*order)
        .values_list("plaatsing_id", *values)
        .iterator(chunk_size=CHUNK)
    )


def _assess_chunk(
    wanted: set[int],
    lo: int,
    hi: int,
    today: datetime.date,
    now: datetime.datetime,
    counts: Counter,
) -> None:
    since = today - datetime.timedelta(days=HISTORY_DAYS)
    schemas = {
        s.plaatsing_id: s
        for s in MonitoringSchema.objects.filter(
            plaatsing_id__gte=lo, plaatsing_id__lte=hi
        ).annotate(
            kandidaat_id=F("plaatsing__traject__kandidaat_id"),
            traject_id=F("plaatsing__traject_id"),
        )
        if s.plaatsing_id in wanted
    }
    inputs: dict[int, _Inputs] = defaultdict(_Inputs)
    window = {
        "plaatsing_id__gte": lo,
        "plaatsing_id__lte": hi,
        "datum__gte": since,
        "datum__lte": today,
    }
    for pid, *row in _rows(KandidaatCheckIn, window, CHECKIN_VALUES):
        if pid in schemas:
            inputs[pid].add_checkin(*row)
    for pid, *row in _rows(LeidinggevendeCheckIn, window, SUPERVISOR_VALUES):
        if pid in schemas:
            inputs[pid].add_supervisor(*row)
    for pid, pk, voor, datum in _rows(CheckInMoment, window, ("pk", "voor", "datum"), by_pk=False):
        if pid in schemas:
            inputs[pid].moments.append((pk, voor, datum))
    own = _eigen_signalen_bulk({s.kandidaat_id for s in schemas.values()})

    changed: list[MonitoringSchema] = []
    alerts: list[int] = []
    empty = _Inputs()
    for pid, schema in schemas.items():
        data = inputs.get(pid, empty)
        assessment = engine.assess(
            data.checkins,
            data.supervisor,
            data.expected_dates(),
            today,
            own.get(schema.kandidaat_id, ()),
        )
        counts[assessment.level] += 1
        is_changed, alert = _take_over(schema, assessment, data, today, now)
        if is_changed:
            changed.append(schema)
            if alert:
                alerts.append(pid)
    if not changed:
        return
    _update_grouped(changed, ASSESSMENT_FIELDS)
    rows = Beoordeling.objects.bulk_create(
        [_beoordeling(s.plaatsing_id, s) for s in changed], batch_size=500
    )
    counts["gewijzigd"] += len(rows)
    if alerts:
        counts["signalen"] += _alert_many(alerts, schemas, rows, changed)


def _alert_many(
    plaatsing_ids: list[int],
    schemas: dict[int, MonitoringSchema],
    rows: list[Beoordeling],
    changed: list[MonitoringSchema],
) -> int:
    by_plaatsing = {s.plaatsing_id: row for s, row in zip(changed, rows, strict=True)}
    trajects = Traject.objects.select_related("kandidaat").in_bulk(
        {schemas[pid].traject_id for pid in plaatsing_ids}
    )
    coaches = _coaches(trajects)
    made = 0
    for pid in plaatsing_ids:
        traject = trajects[schemas[pid].traject_id]
        made += _alert(traject, pid, by_plaatsing[pid], coaches)
    return made


def daily_round(today: datetime.date | None = None) -> dict:
    """The daily round: plan the check-ins that are due (with their reminders), then assess
    every active placement. Returns the counts."""
    today = today or timezone.localdate()
    planned = plan_checkins(today)
    assessed = assess_all(today)
    return {
        "checkins_gepland": planned.get("momenten", 0),
        "checkins_leidinggevende_gepland": planned.get("momenten_leidinggevende", 0),
        "herinneringen": planned.get("herinneringen", 0),
        "links_gemaild": planned.get("links_gemaild", 0),
        "zonder_kanaal": planned.get("zonder_kanaal", 0),
        "beoordeeld": assessed.get("beoordeeld", 0),
        "gewijzigd": assessed.get("gewijzigd", 0),
        "signalen": assessed.get("signalen", 0),
        "groen": assessed.get("groen", 0),
        "oranje": assessed.get("oranje", 0),
        "rood": assessed.get("rood", 0),
    }


# --- for the check-in pages ----------------------------------------------------------------


class Stand:
    """The states of a check-in page."""

    OPEN = "open"
    INGEVULD = "ingevuld"  # this check-in was filled in before (a link opened twice)
    VERLOPEN = "verlopen"  # the link's week has passed
    GESTOPT = "gestopt"  # placement ended, traject closed or in uitval


def stopped_reason(plaatsing: Plaatsing, today: datetime.date | None = None) -> str:
    """Why a check-in is no longer needed ("" while the placement is followed)."""
    if is_active(plaatsing, today):
        return ""
    return "uitval" if plaatsing.traject.phase == Phase.UITVAL else "gestopt"


def open_moment(plaatsing: Plaatsing, voor: str) -> CheckInMoment | None:
    """The newest planned check-in of this person that can still be filled in."""
    return (
        CheckInMoment.objects.filter(
            plaatsing=plaatsing,
            voor=voor,
            ingevuld_op__isnull=True,
            datum__lte=timezone.localdate(),
            open_tot__gte=timezone.now(),
        )
        .order_by("-datum")
        .first()
    )


def link_stand(moment: CheckInMoment) -> str:
    """The state of a check-in link: filled in, stopped, expired, or open."""
    if moment.ingevuld_op is not None:
        return Stand.INGEVULD
    if stopped_reason(moment.plaatsing):
        return Stand.GESTOPT
    if moment.is_expired:
        return Stand.VERLOPEN
    return Stand.OPEN


def save_checkin(
    plaatsing: Plaatsing,
    voor: str,
    fields: dict,
    *,
    moment: CheckInMoment | None,
    user=None,
    via_link: bool = False,
) -> tuple[KandidaatCheckIn | LeidinggevendeCheckIn, engine.Assessment]:
    """Store a check-in (for its planned moment, when there is one), mark the moment as
    filled in and assess the placement, all in one transaction: a check-in is never stored
    without its light. The coach's alert (the inbox message and its e-mail's send task, both
    rows in this database) is part of the same transaction, so the worker only sees it once
    the check-in is committed. Raises IntegrityError, storing nothing, when the moment was
    filled in at the same time."""
    model = KandidaatCheckIn if voor == CheckInMoment.Voor.KANDIDAAT else LeidinggevendeCheckIn
    with transaction.atomic():
        now = timezone.now()
        checkin = model.objects.create(
            plaatsing=plaatsing,
            moment=moment,
            datum=timezone.localdate(),
            ingevuld_door=user if user is not None and user.is_authenticated else None,
            via_link=via_link,
            **fields,
        )
        if moment is not None:
            CheckInMoment.objects.filter(pk=moment.pk).update(ingevuld_op=now)
            moment.ingevuld_op = now
        assessment = assess_placement(plaatsing)
    return checkin, assessment


# --- the coach's changes -------------------------------------------------------------------


def change_rhythm(schema: MonitoringSchema, by, changes: dict) -> MonitoringSchema:
    """Save the check-in rhythm the coach set (`changes`: the cleaned `SchemaForm`)."""
    return save_changes(schema, by, changes)


def coach_betrokkene(plaatsing: Plaatsing, user) -> Betrokkene | None:
    """The user's own coach betrokkene on the traject; for a team lead without one, the
    traject's (first) coach."""
    coaches = plaatsing.traject.betrokkenen.filter(party=Party.BEGELEIDING).order_by("pk")
    return coaches.filter(user=user).first() or coaches.first()


def agree_contact(plaatsing: Plaatsing, by) -> tuple[Afspraak, bool] | None:
    """'Afspraak maken: contact binnen N dagen': an agreement for the coach, due today + N,
    on the timeline. Twice on the same day makes it once. Returns (agreement, created), or
    None when the signals ask for no contact (or the traject has no coach)."""
    schema = MonitoringSchema.objects.filter(plaatsing=plaatsing).first()
    dagen = schema.contact_binnen_dagen if schema else None
    coach = coach_betrokkene(plaatsing, by)
    if not dagen or coach is None:
        return None
    kandidaat = plaatsing.traject.kandidaat
    what = _("Contact opnemen met %(name)s over de check-ins") % {"name": kandidaat.first_name}
    due = timezone.localdate() + datetime.timedelta(days=dagen)
    with transaction.atomic():
        afspraak, created = Afspraak.objects.get_or_create(
            traject=plaatsing.traject,
            who=coach,
            what=what,
            due_date=due,
            status=Afspraak.Status.OPEN,
            defaults={"created_by": by},
        )
        if created:
            afspraak.record(by, created=True)
    return afspraak, created


@dataclass(slots=True)
class CheckInRij:
    """One line in the table of the candidate's check-ins: filled in, missed or open."""

    datum: datetime.date
    status: str  # "ingevuld" | "gemist" | "open"
    checkin: KandidaatCheckIn | None = None
    open_tot: datetime.datetime | None = None
    link_open: bool = False


def checkin_rijen(plaatsing: Plaatsing, today: datetime.date | None = None, limit: int = 12):
    """The candidate's recent check-ins with the planned ones that were missed or are still
    open, newest first (two queries). Missed: not filled in and the tolerance of the rules
    has passed."""
    today = today or timezone.localdate()
    now = timezone.now()
    since = today - datetime.timedelta(days=HISTORY_DAYS)
    tolerance = engine.default_rules().tolerance
    checkins = list(plaatsing.checkins.filter(datum__gte=since).order_by("-datum", "-pk"))
    filled = {c.moment_id for c in checkins if c.moment_id}
    rows = [CheckInRij(c.datum, "ingevuld", checkin=c) for c in checkins]
    for moment in plaatsing.checkin_momenten.filter(
        voor=CheckInMoment.Voor.KANDIDAAT, datum__gte=since, datum__lte=today
    ):
        if moment.pk in filled or moment.ingevuld_op is not None:
            continue
        missed = moment.datum + tolerance < today
        rows.append(
            CheckInRij(
                moment.datum,
                "gemist" if missed else "open",
                open_tot=moment.open_tot,
                link_open=moment.open_tot >= now,
            )
        )
    rows.sort(key=lambda r: (r.datum, r.status == "ingevuld"), reverse=True)
    return rows[:limit]
