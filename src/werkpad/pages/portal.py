"""The candidate's own start page: where am I, what is next, my data."""

from __future__ import annotations

import datetime

from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad import access, panels
from werkpad.route.models import Party, Phase
from werkpad.trajects.models import Afspraak, Kandidaat, TrajectMilestone
from werkpad.trajects.policy import trajects_for

# The phases as a candidate would put them (B1).
PHASE_IN_PLAIN_WORDS = {
    Phase.VOORTRAJECT: _("We ontdekken samen wat je wilt en kunt, en wat je nodig hebt."),
    Phase.MATCHING: _(
        "We zoeken werk dat bij je past, en bereiden het gesprek met de werkgever voor."
    ),
    Phase.PLAATSING: _("Je bent begonnen met werken. We zorgen voor een goede start."),
    Phase.DUURZAAM: _("Je werkt. We helpen je om het werk goed vol te houden en te groeien."),
    Phase.UITVAL: _(
        "Het gaat even niet. We houden contact en kijken samen hoe je terug kunt komen."
    ),
}
SOON = datetime.timedelta(days=14)


def home(request: HttpRequest) -> HttpResponse:
    """Mijn Werkpad: the phase in plain words, next steps, agreements, and the panels of the
    apps that follow the work (the check-in)."""
    access.require(request.user, "portal.view")
    kandidaat = Kandidaat.objects.filter(user=request.user).first()
    if kandidaat is None:
        return render(request, "pages/portal.html", {"kandidaat": None})
    traject = (
        trajects_for(request.user)
        .filter(kandidaat=kandidaat)
        .select_related("kandidaat")
        .order_by(F("closed_at").asc(nulls_first=True), "-started_on")
        .first()
    )
    context = {"kandidaat": kandidaat, "traject": traject}
    if traject is not None:
        today = timezone.localdate()
        mine = traject.betrokkenen.filter(party=Party.KANDIDAAT).values("pk")
        steps = TrajectMilestone.objects.filter(
            traject=traject,
            owner__in=mine,
            route_milestone__phase=traject.phase,
            status__in=[TrajectMilestone.Status.OPEN, TrajectMilestone.Status.BEZIG],
        ).select_related("route_milestone")
        afspraken = list(
            Afspraak.objects.filter(traject=traject, status=Afspraak.Status.OPEN)
            .select_related("who__user")
            .order_by("due_date")
        )
        context.update(
            {
                "phase_text": PHASE_IN_PLAIN_WORDS.get(traject.phase, ""),
                "phases": list(Phase),
                "steps": steps,
                "my_afspraken": [a for a in afspraken if a.who.party == Party.KANDIDAAT],
                "other_afspraken": [a for a in afspraken if a.who.party != Party.KANDIDAAT],
                "soon": [a for a in afspraken if today <= a.due_date <= today + SOON],
                # e.g. the check-in button while the candidate works in a placement
                "panels": panels.for_page("portal", request.user, traject),
            }
        )
    return render(request, "pages/portal.html", context)
