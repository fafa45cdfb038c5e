"""What the placement page shows of the three-party meetings: the next one with its .ics,
the earlier ones with their minutes and, for the coach, the button to plan one."""

from __future__ import annotations

from django.utils import timezone

from werkpad import access
from werkpad.accounts.models import User
from werkpad.placements.models import Plaatsing

from ..models import Driegesprek

PANEL_PAST = 5


def plaatsing_panel(user: User, plaatsing: Plaatsing) -> dict:
    """Context for `monitoring/_driegesprek_panel.html` ({} shows nothing): the next meeting
    with its .ics, the earlier ones with their minutes, and for the coach the button to plan
    one. One query, however many meetings there are."""
    if not access.can(user, "plaatsing.view", plaatsing):
        return {}
    now = timezone.now()
    gesprekken = list(plaatsing.driegesprekken.all())  # newest first
    komend = sorted(
        (g for g in gesprekken if g.status == Driegesprek.Status.GEPLAND and g.eindigt_om >= now),
        key=lambda g: g.begint_om,
    )
    eerder = [g for g in gesprekken if g not in komend]
    return {
        "plaatsing": plaatsing,
        "volgende": komend[0] if komend else None,
        "later": komend[1:],
        "eerder": eerder[:PANEL_PAST],
        "meer_eerder": max(0, len(eerder) - PANEL_PAST),
        "can_plan": access.can(user, "plaatsing.driegesprek", plaatsing)
        and not plaatsing.traject.is_closed,
    }
