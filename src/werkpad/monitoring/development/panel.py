"""What the placement page shows of the development part: the development steps and where
the build-up of hours stands."""

from __future__ import annotations

from django.utils import timezone

from werkpad import access
from werkpad.placements.models import Plaatsing
from werkpad.route.models import Phase

from .service import HANDREIKINGEN, Status, opbouw, weergave


def plaatsing_panel(user, plaatsing: Plaatsing) -> dict:
    """Context for `monitoring/_ontwikkeling_panel.html` ({} shows nothing): the
    development steps, and where the build-up of hours stands. Three queries at most,
    however many steps there are."""
    if not access.can(user, "plaatsing.view", plaatsing):
        return {}
    today = timezone.localdate()
    items = [weergave(stap, today) for stap in plaatsing.ontwikkelstappen.all()]
    return {
        "plaatsing": plaatsing,
        "actief": [i for i in items if i.stap.status != Status.GEHAALD],
        "gehaald": [i for i in items if i.stap.status == Status.GEHAALD],
        "can_change": access.can(user, "plaatsing.ontwikkeling", plaatsing),
        "can_trend": access.can(user, "plaatsing.monitoring", plaatsing),
        "can_plan": access.can(user, "plaatsing.change", plaatsing),
        "opbouw": opbouw(list(plaatsing.opbouw.all()), plaatsing.contract_uren, today),
        "fase_d": plaatsing.traject.phase == Phase.DUURZAAM,
        "handreikingen": HANDREIKINGEN,
    }
