"""A three-party meeting as an iCalendar file (.ics): the download on the meeting page and the
attachment of the mailed invitation. Times in Europe/Amsterdam, one SEQUENCE per version."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from ..models import Driegesprek

if TYPE_CHECKING:
    from .service import Deelnemers

PRODID = "-//Werkpad//Driegesprek//NL"


def local_tz() -> ZoneInfo:
    """The time zone of the meetings: the site's (Europe/Amsterdam)."""
    return ZoneInfo(settings.TIME_ZONE)


def render(
    gesprek: Driegesprek,
    mensen: Deelnemers,
    *,
    link: str = "",
    met_agenda: bool = True,
    stamp: datetime.datetime | None = None,
) -> str:
    """The meeting as an iCalendar file (RFC 5545/5546): METHOD REQUEST, or CANCEL once
    cancelled; times in Europe/Amsterdam with their VTIMEZONE; SEQUENCE = volgnummer.
    `met_agenda=False` (for e-mail) leaves the agenda out and points to Werkpad. `mensen`:
    the participants (`service.deelnemers`)."""
    tz = local_tz()
    start, end = gesprek.begint_om.astimezone(tz), gesprek.eindigt_om.astimezone(tz)
    cancelled = gesprek.status == Driegesprek.Status.AFGEZEGD
    cal = Calendar()
    cal.prodid = PRODID
    cal.version = "2.0"
    cal.method = "CANCEL" if cancelled else "REQUEST"
    attendees = [
        vCalAddress.new(
            p.email,
            cn=p.roepnaam if p.rol == "kandidaat" else p.naam,
            cutype="INDIVIDUAL",
            role="CHAIR" if p.rol == "begeleider" else "REQ-PARTICIPANT",
            partstat="ACCEPTED" if p.rol == "begeleider" else "NEEDS-ACTION",
            rsvp=p.rol != "begeleider",
        )
        for p in mensen.all
        if p.email
    ]
    organizer = None
    if mensen.coach is not None and mensen.coach.email:
        organizer = vCalAddress.new(mensen.coach.email, cn=str(mensen.coach))
    event = Event.new(
        uid=f"{gesprek.uid}@werkpad",
        stamp=stamp or timezone.now().astimezone(datetime.UTC),
        start=start,
        end=end,
        summary=summary(gesprek),
        location=gesprek.locatie or None,
        description=description(gesprek, link=link, met_agenda=met_agenda),
        organizer=organizer,
        attendees=attendees,
        sequence=gesprek.volgnummer,
        status="CANCELLED" if cancelled else "CONFIRMED",
        url=link or None,
    )
    cal.add_component(event)
    cal.add_missing_timezones(
        first_date=datetime.date(start.year, 1, 1),
        last_date=datetime.date(end.year + 2, 1, 1),
    )
    return cal.to_ical().decode("utf-8")


def summary(gesprek: Driegesprek) -> str:
    return _("Driegesprek %(naam)s") % {"naam": gesprek.plaatsing.traject.kandidaat.first_name}


def description(gesprek: Driegesprek, *, link: str = "", met_agenda: bool = True) -> str:
    lines = []
    if gesprek.status == Driegesprek.Status.AFGEZEGD:
        lines += [_("Dit driegesprek gaat niet door."), ""]
    if met_agenda and gesprek.agenda:
        lines.append(_("Agenda:"))
        lines += [f"- {item}" for item in gesprek.agenda]
    else:
        lines.append(_("Agenda: zie Werkpad"))
    if link:
        lines.append(link)
    return "\n".join(lines)


def filename(gesprek: Driegesprek) -> str:
    naam = slugify(gesprek.plaatsing.traject.kandidaat.first_name) or "werkpad"
    day = gesprek.begint_om.astimezone(local_tz())
    return f"driegesprek-{naam}-{day:%Y-%m-%d}.ics"
