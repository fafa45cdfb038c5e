"""Demo data for monitoring and dropout (issue 5), on top of the demo placements:

- Sanne (kandidaat@): green. Weekly check-ins that go well, the supervisor's check-ins, a
  check-in waiting today, a development step; she shares her check-ins with Anouk.
- Joyce: orange, with a recent alert for her coach Marieke: her energy and pleasure in the
  work have gone down over the last check-ins. A three-party meeting is planned.
- Yara: in uitval. Anouk (leidinggevende@) reported it five days ago; part of the dropout
  checklist is done, Youssef (coach2@) called her; her crisis card is shared with Anouk.

Everything goes through the same services the pages use (`beoordeel`, `uitval.service.report`,
`tick`, `add_contact`, `driegesprek.plan`), so the demo shows what the product would make.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.instruments.demo import fill
from werkpad.instruments.models import DeelVersie
from werkpad.placements.models import Plaatsing

from . import driegesprek, service
from .models import CheckInMoment, KandidaatCheckIn, LeidinggevendeCheckIn, Ontwikkelstap

# (days ago, energie, spanning, plezier, werkdruk past, remark)
SANNE_CHECKINS = [
    (56, 3, 3, 4, 3, "Spannend, de eerste weken."),
    (49, 4, 3, 4, 4, ""),
    (42, 4, 2, 4, 4, ""),
    (35, 4, 2, 5, 4, "Fijn dat ik nu ook mag oppotten."),
    (28, 3, 3, 4, 3, "Drukke week, wel goed gegaan."),
    (21, 4, 2, 4, 4, ""),
    (14, 4, 2, 5, 4, ""),
    (7, 4, 2, 4, 4, "Goede week."),
]
JOYCE_CHECKINS = [
    (56, 4, 2, 4, 4, ""),
    (42, 4, 2, 4, 4, ""),
    (28, 4, 2, 4, 4, ""),
    (21, 3, 3, 3, 4, "Veel nieuwe boeken binnen."),
    (14, 3, 3, 3, 3, ""),
    (2, 2, 3, 3, 3, "Ik ben snel moe."),
]
YARA_CHECKINS = [
    (21, 4, 2, 4, 4, "Leuk werk in de kas."),
    (14, 3, 3, 4, 3, ""),
    (7, 3, 3, 3, 3, "Drukke dagen."),
]


def _day(days_ago: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days_ago)


def _checkins(plaatsing: Plaatsing, rows, by: User | None) -> None:
    for days_ago, energie, spanning, plezier, belasting, opmerking in rows:
        datum = _day(days_ago)
        moment = CheckInMoment.objects.create(
            plaatsing=plaatsing,
            voor=CheckInMoment.Voor.KANDIDAAT,
            datum=datum,
            open_tot=CheckInMoment.closes_at(datum),
            ingevuld_op=timezone.make_aware(datetime.datetime.combine(datum, datetime.time(17))),
        )
        KandidaatCheckIn.objects.create(
            plaatsing=plaatsing,
            moment=moment,
            datum=datum,
            energie=energie,
            spanning=spanning,
            plezier=plezier,
            belasting=belasting,
            opmerking=opmerking,
            ingevuld_door=by,
        )


def _supervisor(plaatsing: Plaatsing, rows, by: User | None) -> None:
    for days_ago, gaat_goed, signalen, toelichting in rows:
        LeidinggevendeCheckIn.objects.create(
            plaatsing=plaatsing,
            datum=_day(days_ago),
            gaat_goed=gaat_goed,
            signalen_gezien=signalen,
            toelichting=toelichting,
            ingevuld_door=by,
        )


def _schema(plaatsing: Plaatsing, next_in_days: int) -> None:
    schema = service.MonitoringSchema.for_plaatsing(plaatsing)
    schema.next_checkin = _day(-next_in_days)
    schema.next_leidinggevende = _day(-max(next_in_days, 3))
    schema.save()


def load(users: dict[str, User]) -> dict[str, int]:
    plaatsingen = {
        p.traject.kandidaat.first_name: p
        for p in Plaatsing.objects.select_related("traject__kandidaat__user", "leidinggevende")
    }
    sanne, joyce, yara = plaatsingen["Sanne"], plaatsingen["Joyce"], plaatsingen["Yara"]
    anouk = users["leidinggevende"]

    # Sanne: green, a check-in waiting today
    _checkins(sanne, SANNE_CHECKINS, sanne.traject.kandidaat.user)
    _supervisor(sanne, [(30, 4, False, ""), (16, 4, False, ""), (2, 5, False, "")], anouk)
    _schema(sanne, 7)
    CheckInMoment.objects.create(
        plaatsing=sanne,
        voor=CheckInMoment.Voor.KANDIDAAT,
        datum=_day(0),
        open_tot=CheckInMoment.closes_at(_day(0)),
    )
    service.beoordeel(sanne)
    Ontwikkelstap.objects.create(
        plaatsing=sanne,
        doel="Zelfstandig de afdeling vaste planten bijvullen",
        kleine_stappen="✓ Samen met Kees de route langs de afdeling lopen\n"
        "Eén rij zelf bijvullen, Kees kijkt mee\n"
        "De hele afdeling op dinsdag zelf doen",
        verwachting="Sanne hoeft nog niet te weten welke planten bij elkaar horen; Kees "
        "legt een lijst klaar. Vragen stellen mag altijd.",
        streefdatum=_day(-28),
        status=Ontwikkelstap.Status.BEZIG,
        created_by=sanne.traject.kandidaat.user,
    )

    # Joyce: orange, with a fresh alert for Marieke, and a three-party meeting planned
    coach = users["coach"]
    _checkins(joyce, JOYCE_CHECKINS, None)
    _supervisor(joyce, [(20, 4, False, ""), (6, 3, False, "")], None)
    _schema(joyce, 5)
    service.beoordeel(joyce)
    start = timezone.make_aware(datetime.datetime.combine(_day(-6), datetime.time(10, 0)))
    driegesprek.plan(
        joyce,
        coach,
        begint_om=start,
        duur_minuten=45,
        locatie=driegesprek.default_locatie(joyce),
        agenda=driegesprek.agenda_voorstel(joyce),
    )

    # Yara: her crisis card, shared with her supervisor; then the dropout, reported by Anouk
    kandidaat = yara.traject.kandidaat
    coach2 = users["coach2"]
    fill(
        kandidaat,
        "crisiskaart",
        {
            "crisis": "Ik word heel stil en blijf in bed.",
            "helpt": "Een kort telefoontje, niet te veel vragen. Samen een rondje lopen.",
            "helpt_niet": "Aandringen om te komen werken.",
            "benadering": "Bel me; als ik niet opneem, stuur een berichtje.",
            "bel_eerst": "Rosa Mahabier (moeder)",
            "bel_tweede": "Youssef El Amrani (jobcoach)",
            "werkgever": "Dat het even niet gaat. Geen details.",
            "contact-TOTAL_FORMS": "1",
            "contact-INITIAL_FORMS": "0",
            "contact-0-naam": "Rosa Mahabier",
            "contact-0-rol": "moeder",
            "contact-0-telefoon": "06 34567890",
            "contact-0-toegezegd": "on",
            "contact-0-toegezegd_op": _day(40).isoformat(),
        },
        coach2,
    )
    DeelVersie.objects.create(
        kandidaat=kandidaat,
        number=1,
        shared={"leidinggevende": ["crisiskaart"], "arbodienst": ["crisiskaart"]},
        created_by=coach2,
    )
    _checkins(yara, YARA_CHECKINS, None)
    _supervisor(yara, [(9, 3, True, "Yara slaat haar pauze over.")], anouk)
    _schema(yara, 1)
    service.beoordeel(yara)
    from werkpad.dropout import service as uitval

    episode = uitval.report(
        yara.traject,
        anouk,
        begonnen_op=_day(5),
        reden="Yara belde dat het niet gaat; ze slaapt slecht en blijft een tijdje thuis.",
        plaatsing=yara,
        contact_elke_dagen=4,
    )
    done_by = {
        "jobcoach_weet_het": anouk,
        "leidinggevende_weet_het": anouk,
        "crisiskaart_gevolgd": coach2,
    }
    for punt in episode.checklist.filter(key__in=done_by):
        uitval.tick(punt, done_by[punt.key], gedaan=True, notitie="")
    uitval.add_contact(
        episode,
        coach2,
        met="kandidaat",
        datum=_day(3),
        hoe="telefoon",
        notitie="Kort gebeld. Yara rust veel; haar moeder is er. Over een paar dagen weer.",
    )
    return {"checkins": KandidaatCheckIn.objects.count()}
